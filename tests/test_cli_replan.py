"""``motesplan replan`` and ``motesplan alternatives``, run as subprocesses."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.test_cli import EXAMPLE, TIME_LIMIT, assert_invalid, motesplan, with_invitations
from tests.test_replan import DECIDED


@pytest.fixture(scope="module")
def booked(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The plan of the example, as booked: plan.json and plan.ics."""
    out = tmp_path_factory.mktemp("booked")
    run = motesplan(
        "plan", EXAMPLE, "--json", out / "plan.json", "--ics", out / "plan.ics",
        "--time-limit", TIME_LIMIT,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    return out


def committee_config(tmp_path: Path, source: Path = EXAMPLE) -> Path:
    """The example after the committee fixed its seven dates (as tests/test_replan.py)."""
    text = source.read_text(encoding="utf-8")
    text = text.replace("count = { min = 7, max = 8 }", "count = 7")
    text = text.replace("hard = false", "hard = true")
    assert "count = 7\n" in text
    assert "hard = true" in text
    text += "".join(f'\n[[pins]]\nseries = "sk"\ndate = {day}\n' for day in DECIDED)
    path = tmp_path / "decided.toml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("previous", ["plan.json", "plan.ics"])
def test_replan_unchanged_changes_nothing(booked: Path, tmp_path: Path, previous: str) -> None:
    out = tmp_path / "new.json"
    run = motesplan(
        "replan", EXAMPLE, "--previous", booked / previous, "--json", out,
        "--time-limit", TIME_LIMIT,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    assert "Inga ändringar: alla 19 möten står kvar som de är bokade." in run.stdout
    new = json.loads(out.read_text(encoding="utf-8"))
    old = json.loads((booked / "plan.json").read_text(encoding="utf-8"))
    assert new["meetings"] == old["meetings"]


def test_replan_after_the_committee_decides(booked: Path, tmp_path: Path) -> None:
    config = committee_config(tmp_path, with_invitations(tmp_path))
    changes = tmp_path / "changes"
    run = motesplan(
        "replan", config, "--previous", booked / "plan.json", "--changes", changes,
        "--json", tmp_path / "new.json", "--time-limit", TIME_LIMIT,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    assert (
        "lg-2024-03 Ledningsgruppen: fredag 15 mars 2024 (v. 11) → fredag 22 mars 2024 (v. 12) "
        "(+7 dagar)" in run.stdout
    )
    assert "Inställda:\n  sk-2024-04 Samarbetskommittén: torsdag 27 juni 2024 (v. 26)" in run.stdout
    assert "flyttade eller ändrade 5, nya 0, inställda 1, oförändrade 13" in run.stdout
    assert sorted(p.name for p in changes.iterdir()) == [
        "lg-2024-03.ics", "sk-2024-02.ics", "sk-2024-03.ics", "sk-2024-04-cancel.ics",
        "sk-2024-05.ics", "sk-2024-06.ics",
    ]  # fmt: skip
    new = json.loads((tmp_path / "new.json").read_text(encoding="utf-8"))
    cancelled = [m for m in new["meetings"] if m["id"] == "sk-2024-04"]
    assert cancelled[0]["status"] == "cancelled"
    # the new plan passes the checker from the command line too
    check = motesplan("check", config, tmp_path / "new.json")
    assert check.returncode == 0, check.stdout


def test_replan_that_cannot_keep_the_frozen_meetings_exits_1(booked: Path, tmp_path: Path) -> None:
    config = committee_config(tmp_path)
    out = tmp_path / "new.json"
    run = motesplan(
        "replan", config, "--previous", booked / "plan.json", "--freeze-until", "2024-04-01",
        "--json", out, "--lang", "en", "--time-limit", TIME_LIMIT,
    )  # fmt: skip
    assert run.returncode == 1, run.stderr
    assert "Meetings before Monday, 1 April 2024 do not move." in run.stdout
    assert "cannot hold without moving meetings before" in run.stdout
    assert not out.exists()


def test_replan_changes_need_an_organizer(booked: Path, tmp_path: Path) -> None:
    run = motesplan(
        "replan", EXAMPLE, "--previous", booked / "plan.json", "--changes", tmp_path / "c"
    )
    assert_invalid(run, "invitations.organizer")
    assert not (tmp_path / "c").exists()


@pytest.mark.parametrize(
    ("flags", "named"),
    [
        (["--freeze-until", "1 april"], "--freeze-until"),
        (["--previous", "missing.json"], "missing.json"),
        ([], "--previous"),
    ],
)
def test_replan_bad_flags_exit_2(booked: Path, flags: list[str], named: str) -> None:
    if "--previous" not in flags and flags:
        flags = [*flags, "--previous", str(booked / "plan.json")]
    assert_invalid(motesplan("replan", EXAMPLE, *flags), named)


def test_alternatives(booked: Path) -> None:
    run = motesplan(
        "alternatives", EXAMPLE, "--previous", booked / "plan.json", "--meeting", "sk-2024-05",
        "--top", "3", "--time-limit", TIME_LIMIT,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    lines = run.stdout.splitlines()
    assert lines[0] == (
        "Andra datum för sk-2024-05 Samarbetskommittén, torsdag 5 september 2024 (v. 36):"
    )
    assert [line[:3] for line in lines[1:4]] == [" 1.", " 2.", " 3."]
    assert "kostnad +70 poäng; inga andra möten ändras" in lines[1]
    assert lines[-1].startswith("14 datum provade")


def test_alternatives_of_an_unknown_meeting_exits_2(booked: Path) -> None:
    run = motesplan(
        "alternatives", EXAMPLE, "--previous", booked / "plan.json", "--meeting", "sk-2030-01"
    )
    assert_invalid(run, "sk-2030-01", "plan.json")
