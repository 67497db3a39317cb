"""The command line, run as a subprocess on ``examples/sodertorn-2024.toml``."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "sodertorn-2024.toml"
TIME_LIMIT = "30"


def motesplan(
    *args: str | Path, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run ``python -m motesplan ARGS`` from the repository root (no terminal to type in)."""
    return subprocess.run(
        [sys.executable, "-m", "motesplan", *map(str, args)],
        cwd=ROOT,
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
        timeout=120,
    )


def assert_invalid(run: subprocess.CompletedProcess[str], *named: str) -> None:
    """Exit code 2, one ``motesplan: error:`` line naming ``named``, no traceback."""
    assert run.returncode == 2, run
    assert "Traceback" not in run.stderr
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1, run.stderr
    assert lines[0].startswith("motesplan: error: "), run.stderr
    for text in named:
        assert text in lines[0], run.stderr


@pytest.fixture(scope="module")
def planned(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The directory the ``plan`` command wrote into (plan.json, plan.ics, plan.md)."""
    out = tmp_path_factory.mktemp("plan")
    run = motesplan(
        "plan",
        EXAMPLE,
        "--json",
        out / "plan.json",
        "--ics",
        out / "plan.ics",
        "--markdown",
        out / "plan.md",
        "--time-limit",
        TIME_LIMIT,
    )
    assert run.returncode == 0, run.stderr
    (out / "stdout.txt").write_text(run.stdout, encoding="utf-8")
    return out


@pytest.fixture(scope="module")
def broken(planned: Path) -> Path:
    """The plan with a Ledningsgruppen meeting moved by hand onto julafton 2024-12-24."""
    data = json.loads((planned / "plan.json").read_text(encoding="utf-8"))
    meeting = next(m for m in data["meetings"] if m["series"] == "lg" and not m["pinned"])
    meeting.update(date="2024-12-24", end_date="2024-12-24", week=52)
    path = planned / "broken.json"
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    return path


def without_table(table: str, tmp_path: Path) -> Path:
    """A copy of the example without the TOML table ``[table]`` (and its sub-tables)."""
    kept: list[str] = []
    skipping = False
    for line in EXAMPLE.read_text(encoding="utf-8").splitlines():
        header = line.strip()
        if header.startswith("["):
            name = header.strip("[]").split("]")[0].strip()
            skipping = name == table or name.startswith(f"{table}.")
        elif not skipping and header.split("=")[0].strip() == table:
            continue  # a top-level ``table = ...`` key
        if not skipping:
            kept.append(line)
    path = tmp_path / "config.toml"
    path.write_text("\n".join(kept) + "\n", encoding="utf-8")
    return path


# --- general ----------------------------------------------------------------------------


def test_the_example_exists() -> None:
    assert EXAMPLE.is_file()


def test_version() -> None:
    run = motesplan("--version")
    assert run.returncode == 0
    assert run.stdout.startswith("motesplan 0.1.0")


@pytest.mark.parametrize("command", [None, "plan", "rotation", "check", "days", "ics"])
def test_help_on_every_command(command: str | None) -> None:
    run = motesplan(*([command] if command else []), "--help")
    assert run.returncode == 0
    assert run.stdout.startswith("usage: motesplan")


def test_no_command_is_a_usage_error() -> None:
    assert_invalid(motesplan(), "COMMAND")


# --- plan -------------------------------------------------------------------------------


def test_plan_prints_the_year_in_swedish(planned: Path) -> None:
    text = (planned / "stdout.txt").read_text(encoding="utf-8")
    assert "Ledningsgruppen" in text
    assert "Samarbetskommittén" in text
    assert "Status: optimal" in text
    assert "Kostnad (mjuka regler)" in text
    assert "solving" not in text  # progress never goes to stdout


def test_plan_writes_the_requested_files(planned: Path) -> None:
    data = json.loads((planned / "plan.json").read_text(encoding="utf-8"))
    assert data["status"] == "optimal"
    assert {m["series"] for m in data["meetings"]} == {"lg", "sk", "pk"}
    calendar = (planned / "plan.ics").read_bytes()
    assert calendar.startswith(b"BEGIN:VCALENDAR")
    assert calendar.count(b"BEGIN:VEVENT") == len(data["meetings"])
    markdown = (planned / "plan.md").read_text(encoding="utf-8")
    assert markdown.startswith("# Södertörnskommunerna")
    assert "Ledningsgruppen" in markdown


def test_plan_in_english() -> None:
    run = motesplan("plan", EXAMPLE, "--lang", "en", "--time-limit", TIME_LIMIT)
    assert run.returncode == 0, run.stderr
    assert "Cost (soft rules)" in run.stdout


# --- rotation ---------------------------------------------------------------------------


def test_rotation(tmp_path: Path) -> None:
    run = motesplan(
        "rotation", EXAMPLE, "--json", tmp_path / "r.json", "--markdown", tmp_path / "r.md"
    )
    assert run.returncode == 0, run.stderr
    assert "Ordförande" in run.stdout
    assert "Vice ordförande" in run.stdout
    data = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert [item["year"] for item in data["years"]] == [2024, 2025, 2026, 2027]
    assert (tmp_path / "r.md").read_text(encoding="utf-8").startswith("#")


def test_rotation_without_rotation_table_exits_1(tmp_path: Path) -> None:
    config = without_table("rotation", tmp_path)
    run = motesplan("rotation", config, "--json", tmp_path / "r.json")
    assert run.returncode == 1, run.stderr
    assert "[rotation]" in run.stderr
    assert "Traceback" not in run.stderr
    assert not (tmp_path / "r.json").exists()


# --- check ------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["plan.json", "plan.ics"])
def test_check_the_solved_plan(planned: Path, name: str) -> None:
    run = motesplan("check", EXAMPLE, planned / name)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "Alla hårda regler håller." in run.stdout
    assert "Total kostnad:" in run.stdout


def test_check_a_hand_broken_plan_names_the_rule(broken: Path) -> None:
    run = motesplan("check", EXAMPLE, broken)
    assert run.returncode == 1, run.stdout + run.stderr
    assert "[unavailable]" in run.stdout
    assert "julafton" in run.stdout.lower()
    assert "Brutna hårda regler" in run.stdout


def test_check_an_unknown_kind_of_plan_file(planned: Path, tmp_path: Path) -> None:
    plan = tmp_path / "plan.txt"
    plan.write_text("hello", encoding="utf-8")
    assert_invalid(motesplan("check", EXAMPLE, plan), str(plan))


def test_check_an_unreadable_plan(tmp_path: Path) -> None:
    plan = tmp_path / "plan.json"
    plan.write_text("{not json", encoding="utf-8")
    assert_invalid(motesplan("check", EXAMPLE, plan), "plan.json")


# --- days -------------------------------------------------------------------------------


def test_days_lists_unavailable_time() -> None:
    run = motesplan("days", EXAMPLE)
    assert run.returncode == 0, run.stderr
    christmas = [line for line in run.stdout.splitlines() if "24 december 2024" in line]
    assert christmas
    assert any("julafton" in line.lower() and "hårt" in line for line in christmas)
    assert "alla serier" in run.stdout
    english = motesplan("days", EXAMPLE, "--lang", "en")
    assert english.returncode == 0
    assert "Christmas Eve" in english.stdout


# --- ics --------------------------------------------------------------------------------


def with_invitations(tmp_path: Path) -> Path:
    """A copy of the example with an organizer and an e-mail address for every member."""
    lines: list[str] = []
    for number, line in enumerate(EXAMPLE.read_text(encoding="utf-8").splitlines()):
        lines.append(line)
        if line.strip() == "[[members]]":
            lines.append(f'email = "kansli{number}@example.se"')
    lines += ["", "[invitations]", 'organizer = { name = "Anna", email = "anna@example.se" }']
    path = tmp_path / "invitations.toml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_ics_invitations(planned: Path, tmp_path: Path) -> None:
    out = tmp_path / "invitations"
    config = with_invitations(tmp_path)
    run = motesplan("ics", config, planned / "plan.json", "--invitations", out)
    assert run.returncode == 0, run.stderr
    meetings = json.loads((planned / "plan.json").read_text(encoding="utf-8"))["meetings"]
    files = sorted(out.iterdir())
    assert len(files) == len(meetings)
    for file in files:
        data = file.read_bytes()
        assert b"METHOD:REQUEST" in data
        assert b"mailto:anna@example.se" in data
        assert data.count(b"ATTENDEE") == 8


def test_ics_changes(planned: Path, broken: Path, tmp_path: Path) -> None:
    out = tmp_path / "changes"
    config = with_invitations(tmp_path)
    run = motesplan("ics", config, planned / "plan.json", "--changes", broken, out)
    assert run.returncode == 0, run.stderr
    files = list(out.iterdir())
    assert len(files) == 1
    assert b"SEQUENCE:1" in files[0].read_bytes()


def test_ics_without_organizer_exits_2(planned: Path, tmp_path: Path) -> None:
    if "[invitations]" in EXAMPLE.read_text(encoding="utf-8"):
        config = without_table("invitations", tmp_path)
    else:
        config = EXAMPLE
    out = tmp_path / "invitations"
    run = motesplan("ics", config, planned / "plan.json", "--invitations", out)
    assert_invalid(run, "invitations.organizer", str(config))
    assert not out.exists()


def test_ics_with_an_ics_plan(planned: Path, tmp_path: Path) -> None:
    out = tmp_path / "invitations"
    config = with_invitations(tmp_path)
    run = motesplan("ics", config, planned / "plan.ics", "--invitations", out)
    assert run.returncode == 0, run.stderr
    meetings = json.loads((planned / "plan.json").read_text(encoding="utf-8"))["meetings"]
    assert len(list(out.iterdir())) == len(meetings)


# --- invalid input ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("flags", "named"),
    [
        (["--time-limit", "-1"], "--time-limit"),
        (["--time-limit", "soon"], "--time-limit"),
        (["--workers", "0"], "--workers"),
        (["--lang", "fr"], "--lang"),
        (["--bogus"], "--bogus"),
    ],
)
def test_bad_flags_exit_2_without_output(flags: list[str], named: str, tmp_path: Path) -> None:
    out = tmp_path / "plan.json"
    assert_invalid(motesplan("plan", EXAMPLE, "--json", out, *flags), named)
    assert not out.exists()


def test_missing_config_exits_2(tmp_path: Path) -> None:
    out = tmp_path / "plan.json"
    missing = tmp_path / "nowhere.toml"
    assert_invalid(motesplan("plan", missing, "--json", out), str(missing))
    assert not out.exists()


def test_invalid_config_names_the_key_and_changes_nothing(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text("bogus_setting = 1\n" + EXAMPLE.read_text(encoding="utf-8"), "utf-8")
    fresh = tmp_path / "plan.json"
    existing = tmp_path / "plan.ics"
    existing.write_text("old", encoding="utf-8")
    run = motesplan("plan", config, "--json", fresh, "--ics", existing)
    assert_invalid(run, "bogus_setting", str(config))
    assert not fresh.exists()
    assert existing.read_text(encoding="utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["config.toml", "plan.ics"]


def test_output_onto_a_directory_exits_2(tmp_path: Path) -> None:
    assert_invalid(motesplan("plan", EXAMPLE, "--json", tmp_path), str(tmp_path))
