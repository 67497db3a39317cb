"""Why no plan or rotation exists, and what each choice costs, from the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.test_cli import EXAMPLE, TIME_LIMIT, motesplan


def variant(tmp_path: Path, *replacements: tuple[str, str], extra: str = "") -> Path:
    """The example with some text replaced (each replacement must apply) and more added."""
    text = EXAMPLE.read_text(encoding="utf-8")
    for old, new in replacements:
        assert old in text, old
        text = text.replace(old, new)
    path = tmp_path / "variant.toml"
    path.write_text(text + extra, encoding="utf-8")
    return path


def test_plan_explains_a_link_window_no_weekdays_can_meet(tmp_path: Path) -> None:
    config = variant(
        tmp_path,
        ("hard = false", "hard = true"),
        ("days = { min = 20, max = 27 }", "days = { min = 21, max = 25 }"),
    )
    out = tmp_path / "plan.json"
    run = motesplan("plan", config, "--json", out, "--time-limit", TIME_LIMIT)
    assert run.returncode == 1, run.stdout + run.stderr
    lines = run.stdout.splitlines()
    assert lines[0] == "Status: ingen plan möjlig"
    assert lines[1].startswith("Samarbetskommittén (torsdagar) ska ha minst 7 möten, men varje")
    assert "(från en fredag till en torsdag är det 6, 13, 20, 27, … dagar)" in lines[1]
    assert f"[{config}: series[1].count]" in run.stdout
    assert f"[{config}: links[0]]" in run.stdout
    assert lines[-1] == "Tas någon av dem bort eller ändras, går just den här konflikten att lösa."
    assert not out.exists()
    assert "Traceback" not in run.stderr


def test_plan_explains_a_closed_period_in_english(tmp_path: Path) -> None:
    last = '  { name = "Jul- och nyårsledighet", start = 2024-12-21, end = 2024-12-31 },\n'
    renovation = '  { name = "Renovering", start = 2024-02-01, end = 2024-11-30 },\n'
    config = variant(tmp_path, (last, last + renovation))
    run = motesplan("plan", config, "--lang", "en", "--time-limit", TIME_LIMIT)
    assert run.returncode == 1, run.stdout + run.stderr
    assert "Status: no plan exists" in run.stdout
    assert "Rules that cannot all hold together:" in run.stdout
    assert f"{config}: unavailable.periods[3]]" in run.stdout
    assert "Renovering" in run.stdout


def test_rotation_explains_an_agreement_against_fairness(tmp_path: Path) -> None:
    config = variant(
        tmp_path, extra='agreements = [{ member = "huddinge", year = 2026, role = "chair" }]\n'
    )
    run = motesplan("rotation", config, "--time-limit", TIME_LIMIT)
    assert run.returncode == 1, run.stdout + run.stderr
    assert "Överenskommelsen att Huddinge är ordförande 2026 kan inte hållas" in run.stdout
    assert f"[{config}: rotation.agreements[0]]" in run.stdout
    assert f"[{config}: rotation.history[1]]" in run.stdout


@pytest.fixture(scope="module")
def late(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The solved example with the committee's 7 November meeting moved to 14 November:
    34 days after the management group's 11 October meeting, 7 more than 27 (the issue's
    example line)."""
    out = tmp_path_factory.mktemp("late")
    run = motesplan("plan", EXAMPLE, "--json", out / "plan.json", "--time-limit", TIME_LIMIT)
    assert run.returncode == 0, run.stderr
    data = json.loads((out / "plan.json").read_text(encoding="utf-8"))
    (meeting,) = (m for m in data["meetings"] if m["date"] == "2024-11-07")
    meeting.update(date="2024-11-14", end_date="2024-11-14", week=46)
    path = out / "late.json"
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    return path


def test_check_reports_each_soft_rule_meeting_by_meeting(late: Path) -> None:
    run = motesplan("check", EXAMPLE, late)
    # 14 November is also 21 days before 5 December: a broken hard rule, and exit 1
    assert run.returncode == 1, run.stdout + run.stderr
    assert (
        "  [min_gap] sk-2024-07 och sk-2024-08 ligger 21 dagar isär, minst 28 krävs" in run.stdout
    )
    assert (
        "  Samarbetskommittén 14 november: 34 dagar efter Ledningsgruppen 11 oktober, "
        "7 fler än 27 (70 poäng)"
    ) in run.stdout.splitlines()
    total = run.stdout.splitlines()[-1]
    assert total.startswith("Total kostnad: ")


def test_plan_prints_the_cost_report() -> None:
    run = motesplan("plan", EXAMPLE, "--time-limit", TIME_LIMIT)
    assert run.returncode == 0, run.stderr
    assert "Mjuka regler som inte är helt uppfyllda:" in run.stdout
    assert "Samarbetskommittén — 38 poäng" in run.stdout
