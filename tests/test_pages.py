"""The printed plan as HTML, read as text: every meeting in each view once with its id
and date, the table's cells, the page's own language, nothing from elsewhere, text
kept as text, and the command line's --html, --pdf and report. (The page in a real
browser and its PDF: tests/test_pages_browser.py.)"""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import attrs
import pytest

from motesplan import (
    Body,
    Count,
    Milestone,
    Pin,
    Plan,
    Problem,
    Result,
    Series,
    SolveOptions,
    load_config,
    solve,
)
from motesplan.reports.pages import plan_page, rotation_page
from motesplan.reports.pdf import PdfError, html_to_pdf
from motesplan.solver import solve_rotation
from tests.conftest import ROOT

GOLDEN = ROOT / "tests" / "golden" / "plan-2024-table.txt"
VIEWS = ("year-table", "year-glance", "lists")


class _Marks(HTMLParser):
    """The ``data-meeting`` elements of each view (section) of a page, and the table's
    rows as text."""

    def __init__(self) -> None:
        super().__init__()
        self.view = ""
        self.marks: dict[str, list[tuple[str, str]]] = {view: [] for view in VIEWS}
        self.rows: list[list[str]] = []
        self.in_table = False
        self.cell: list[str] | None = None
        self.urls: list[str] = []
        self.tags: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        self.tags.add(tag)
        for name in ("src", "href"):
            if values.get(name):
                self.urls.append(str(values[name]))
        if tag == "section":
            self.view = (values.get("class") or "").split()[0]
        if "data-meeting" in values:
            meeting, date = str(values["data-meeting"]), str(values.get("data-date"))
            self.marks[self.view].append((meeting, date))
        if tag == "table" and "plan" in (values.get("class") or ""):
            self.in_table = True
        if self.in_table and tag == "tr":
            self.rows.append([])
        if self.in_table and tag in ("td", "th"):
            self.cell = []

    def handle_endtag(self, tag: str) -> None:
        if self.in_table and tag in ("td", "th") and self.cell is not None:
            self.rows[-1].append(" ".join(" ".join(self.cell).split()))
            self.cell = None
        if tag == "table":
            self.in_table = False

    def handle_data(self, data: str) -> None:
        if self.cell is not None:
            self.cell.append(data)


def parsed(html: str) -> _Marks:
    parser = _Marks()
    parser.feed(html)
    return parser


@pytest.fixture(scope="module")
def example() -> tuple[Problem, Result]:
    config = load_config(ROOT / "examples" / "sodertorn-2024.toml")
    return config.problem, solve(config.problem, SolveOptions(time_limit=30))


def test_every_meeting_is_in_each_view_once_with_its_date(
    example: tuple[Problem, Result],
) -> None:
    problem, result = example
    assert result.plan is not None
    page = parsed(plan_page(problem, result.plan, made=dt.date(2024, 1, 1)))
    expected = sorted((m.id, m.date.isoformat()) for m in result.plan.meetings if m.held)
    for view in VIEWS:
        assert sorted(page.marks[view]) == expected, view


def test_the_table_shows_each_series_by_month(example: tuple[Problem, Result]) -> None:
    problem, result = example
    assert result.plan is not None
    page = parsed(plan_page(problem, result.plan, language="sv"))
    text = "\n".join(" | ".join(row) for row in page.rows) + "\n"
    if os.environ.get("MOTESPLAN_UPDATE_GOLDEN"):
        GOLDEN.write_text(text, encoding="utf-8")
    assert text == GOLDEN.read_text(encoding="utf-8")
    header = page.rows[0]
    assert header[1:] == [
        "jan.", "feb.", "mars", "apr.", "maj", "juni",
        "juli", "aug.", "sep.", "okt.", "nov.", "dec.",
    ]  # fmt: skip
    assert page.rows[1][0].startswith("Ledningsgruppen")
    assert "15*" not in text  # no pin with its own time here...
    assert "13*" in text  # ...but the December breakfast meeting at 08.30 has one


def test_the_page_is_self_contained_and_in_its_language(example: tuple[Problem, Result]) -> None:
    problem, result = example
    assert result.plan is not None
    for language, words in (("sv", "Året i överblick"), ("en", "The year at a glance")):
        html = plan_page(problem, result.plan, language=language)
        assert f'<html lang="{language}">' in html
        assert words in html
        page = parsed(html)
        assert page.urls == []  # no stylesheet, script, font or image from elsewhere
        assert "script" not in page.tags
        assert "@page { size: A4 landscape" in html
        assert '<th scope="col"' in html


def test_text_stays_text(example: tuple[Problem, Result]) -> None:
    problem, result = example
    assert result.plan is not None
    evil = "<script>alert('x')</script>"
    series = tuple(attrs.evolve(s, name=evil) if s.id == "lg" else s for s in problem.series)
    changed = problem.evolve(series=series)
    meetings = tuple(
        attrs.evolve(m, title=evil, note=evil) if m.series == "lg" else m
        for m in result.plan.meetings
    )
    html = plan_page(changed, attrs.evolve(result.plan, meetings=meetings))
    assert "<script>" not in html
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in html


def test_a_page_is_the_same_for_the_same_plan(example: tuple[Problem, Result]) -> None:
    problem, result = example
    assert result.plan is not None
    first = plan_page(problem, result.plan, made=dt.date(2024, 5, 1))
    assert first == plan_page(problem, result.plan, made=dt.date(2024, 5, 1))
    assert "1 maj 2024" in first


def test_marks_of_reserves_own_times_and_labels() -> None:
    problem = Problem(
        "Kommun",
        "2027-01-01",
        "2027-12-31",
        series=(
            Series(
                "kf", "kf", "Kommunfullmäktige", "monday", "18:00", "21:00",
                count=Count(8, 9, per="year"), min_gap_days=21, reserve=1,
            ),
        ),
        bodies=(Body("kf", "Kommunfullmäktige"),),
        milestones=(Milestone("kf", "Budget", "2027-11-01", "2027-11-30", short="B"),),
        pins=(Pin("kf", "2027-03-15", "17:00", "20:00"),),
    )  # fmt: skip
    result = solve(problem, SolveOptions(time_limit=10))
    assert result.plan is not None
    page = parsed(plan_page(problem, result.plan))
    cells = " ".join(cell for row in page.rows[1:] for cell in row[1:])
    reserve = result.plan.reserves[0]
    assert f"({reserve.date.day})" in cells
    assert "15*" in cells
    budget = next(m for m in result.plan.meetings if m.labels)
    assert f"{budget.date.day} B" in cells
    html = plan_page(problem, result.plan)
    assert "B</b> = Budget" in html
    # the reserve date is in every view too, once
    for view in VIEWS:
        assert page.marks[view].count((reserve.id, reserve.date.isoformat())) == 1


def test_a_plan_of_several_years_has_a_table_and_a_glance_a_year() -> None:
    config = load_config(ROOT / "examples" / "kommun-2027-2030.toml")
    result = solve(config.problem, SolveOptions(time_limit=10))
    assert result.plan is not None
    html = plan_page(config.problem, result.plan)
    for year in range(2027, 2031):
        assert f'id="table-{year}"' in html
        assert f'id="glance-{year}"' in html
    assert html.count('class="year-table"') == 4


def test_the_rotation_page_names_chairs_and_the_decision() -> None:
    config = load_config(ROOT / "examples" / "sodertorn-2024.toml")
    assert config.rotation is not None
    result = solve_rotation(config.rotation, SolveOptions(time_limit=10))
    assert result.plan is not None
    html = rotation_page(config.rotation, result.plan, language="sv")
    assert "Förslag till beslut" in html
    for item in result.plan.years:
        assert f'data-year="{item.year}"' in html
        assert config.rotation.member_name(item.chair) in html


# -- the command line ---------------------------------------------------------------------


def _motesplan(*arguments: str, **environ: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, **environ}
    return subprocess.run(
        [sys.executable, "-m", "motesplan", *arguments],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
        env=env,
    )


def test_plan_writes_the_html_page(tmp_path: Path) -> None:
    page = tmp_path / "plan.html"
    done = _motesplan(
        "plan", "examples/sodertorn-2024.toml", "--html", str(page), "--date", "2023-11-15"
    )
    assert done.returncode == 0, done.stderr
    html = page.read_text(encoding="utf-8")
    assert "Planens datum: onsdag 15 november 2023" in html
    assert "Status: optimal" in html


def test_report_reads_a_booked_plan_json_or_ics(tmp_path: Path) -> None:
    plan, calendar = tmp_path / "plan.json", tmp_path / "plan.ics"
    done = _motesplan(
        "plan", "examples/sodertorn-2024.toml", "--json", str(plan), "--ics", str(calendar)
    )
    assert done.returncode == 0, done.stderr
    pages = []
    for source in (plan, calendar):
        page = tmp_path / f"{source.suffix[1:]}.html"
        done = _motesplan(
            "report", "examples/sodertorn-2024.toml", str(source), "--html", str(page),
            "--lang", "en",
        )  # fmt: skip
        assert done.returncode == 0, done.stderr
        pages.append(parsed(page.read_text(encoding="utf-8")))
    assert pages[0].marks == pages[1].marks  # the same plan, read either way
    assert len(pages[0].marks["lists"]) == 19


def test_report_needs_an_output(tmp_path: Path) -> None:
    done = _motesplan("report", "examples/sodertorn-2024.toml", str(tmp_path / "x.json"))
    assert done.returncode == 2


def test_no_browser_is_one_clear_line_and_nothing_written(tmp_path: Path) -> None:
    page, pdf = tmp_path / "plan.html", tmp_path / "plan.pdf"
    done = _motesplan(
        "plan", "examples/sodertorn-2024.toml", "--html", str(page), "--pdf", str(pdf),
        "--lang", "en", MOTESPLAN_CHROMIUM=str(tmp_path / "no-such-browser"),
    )  # fmt: skip
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert "MOTESPLAN_CHROMIUM" in lines[0]
    assert "sodertorn-2024.toml" not in lines[0]  # the file is fine
    assert "Traceback" not in done.stderr
    assert done.stdout == ""  # told before the solve, not after it
    assert not page.exists()
    assert not pdf.exists()


def test_pdf_without_a_browser_raises_a_clear_error(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("MOTESPLAN_CHROMIUM", str(tmp_path / "none"))
    with pytest.raises(PdfError) as caught:
        html_to_pdf("<html></html>")
    assert "chromium" in caught.value.render("en")


def test_a_page_of_a_plan_without_meetings_is_still_a_page() -> None:
    problem = Problem("Tom", "2024-01-01", "2024-03-31", series=(), bodies=(Body("x"),))
    html = plan_page(problem, Plan(problem.start, problem.end, ()))
    assert re.search(r"<table class=\"plan\">", html)
    assert parsed(html).marks["lists"] == []
