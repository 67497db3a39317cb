"""The printed plan in a real browser: headless Chromium (the machine's own, driven by
Playwright) opens the page in print media at A4 landscape width, and every meeting
is there once per view, visible and inside the page, with no console error and no
request leaving the file; the PDF it prints has a page per year's table and names
every body (read back with poppler's pdftotext).

Without a browser (or pdftotext) these tests skip, saying why; with ``CI=true`` a
missing one fails the run (``.ci/run`` installs Debian's chromium and poppler-utils).
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from motesplan import Problem, Result, SolveOptions, load_config, solve
from motesplan.reports.pages import plan_page, rotation_page
from motesplan.reports.pdf import FLAGS, find_browser, html_to_pdf
from motesplan.solver import solve_rotation
from tests.conftest import ROOT

A4_WIDTH = 1123
"""297 mm at 96 pixels an inch: the width of an A4 landscape page in CSS pixels."""
A4_HEIGHT = 794
VIEWS = ("year-table", "year-glance", "lists")


def _missing(what: str) -> None:
    """Skip, saying what is missing; in CI a missing component fails the run."""
    if os.environ.get("CI") == "true":
        pytest.fail(f"{what} (CI=true: .ci/run installs it)")
    pytest.skip(what)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    try:
        from playwright.sync_api import sync_playwright  # noqa: PLC0415
    except ImportError:
        _missing("Playwright is not installed (pip install motesplan[test])")
    path = find_browser()
    if path is None:
        _missing("no Chromium on this machine (apt install chromium)")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=path, args=list(FLAGS))
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def pdftotext() -> str:
    found = shutil.which("pdftotext")
    if found is None:
        _missing("pdftotext is not installed (apt install poppler-utils)")
    assert found is not None
    return found


def _open(browser: Any, html: str, tmp_path: Path) -> tuple[Any, list[str], list[str]]:
    """The page opened from a file in print media; the console's errors and every
    request that is not the file itself."""
    path = tmp_path / "page.html"
    path.write_text(html, encoding="utf-8")
    page = browser.new_page(viewport={"width": A4_WIDTH, "height": A4_HEIGHT})
    errors: list[str] = []
    requests: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    url = path.as_uri()
    page.on("request", lambda request: requests.append(request.url) if request.url != url else None)
    page.emulate_media(media="print")
    page.goto(url, wait_until="load")
    return page, errors, requests


@pytest.fixture(scope="module")
def sodertorn() -> tuple[Problem, Result]:
    config = load_config(ROOT / "examples" / "sodertorn-2024.toml")
    return config.problem, solve(config.problem, SolveOptions(time_limit=30))


@pytest.fixture(scope="module")
def kommun() -> tuple[Problem, Result]:
    config = load_config(ROOT / "examples" / "kommun-2027-2030.toml")
    return config.problem, solve(config.problem, SolveOptions(time_limit=10))


@pytest.mark.parametrize("case", ["sodertorn", "kommun"])
@pytest.mark.parametrize("language", ["sv", "en"])
def test_every_meeting_is_visible_once_inside_the_page(
    browser: Any, case: str, language: str, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    problem, result = request.getfixturevalue(case)
    assert result.plan is not None
    page, errors, requests = _open(
        browser, plan_page(problem, result.plan, language=language), tmp_path
    )
    meetings = {m.id: m.date.isoformat() for m in result.plan.meetings if m.held or m.tentative}
    for view in VIEWS:
        found = page.eval_on_selector_all(
            f"section.{view} [data-meeting]",
            """elements => elements.map(e => {
                const box = e.getBoundingClientRect();
                const style = getComputedStyle(e);
                return [e.dataset.meeting, e.dataset.date, box.left, box.right, box.width,
                        box.height, style.visibility, style.display];
            })""",
        )
        ids = [item[0] for item in found]
        assert sorted(ids) == sorted(meetings), view
        for meeting, date, left, right, width, height, visibility, display in found:
            assert date == meetings[meeting]
            assert width > 0, (view, meeting)
            assert height > 0, (view, meeting)
            assert visibility == "visible", (view, meeting)
            assert display != "none", (view, meeting)
            assert left >= 0, (view, meeting, left)
            assert right <= A4_WIDTH, (view, meeting, right)
    assert page.evaluate("document.documentElement.lang") == language
    assert errors == []
    assert requests == []
    page.close()


def test_the_rotation_page_opens_without_errors(browser: Any, tmp_path: Path) -> None:
    config = load_config(ROOT / "examples" / "sodertorn-2024.toml")
    assert config.rotation is not None
    result = solve_rotation(config.rotation, SolveOptions(time_limit=10))
    assert result.plan is not None
    page, errors, requests = _open(browser, rotation_page(config.rotation, result.plan), tmp_path)
    assert page.locator("tr[data-year]").count() == len(result.plan.years)
    assert errors == []
    assert requests == []
    page.close()


def _pages(pdf: Path, pdftotext: str) -> list[str]:
    """The text of each page of a PDF."""
    text = subprocess.run(
        [pdftotext, "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    return text.split("\f")[:-1]


@pytest.mark.parametrize("case", ["sodertorn", "kommun"])
def test_the_pdf_has_a_page_per_years_table_naming_every_body(
    browser: Any, pdftotext: str, case: str, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    problem, result = request.getfixturevalue(case)
    assert result.plan is not None
    pdf = tmp_path / "plan.pdf"
    pdf.write_bytes(html_to_pdf(plan_page(problem, result.plan, language="sv")))
    pages = _pages(pdf, pdftotext)
    years = list(range(problem.start.year, problem.end.year + 1))
    # each year: its table on one page, its year at a glance on the next
    for index, year in enumerate(years):
        table, glance = pages[2 * index], pages[2 * index + 1]
        assert f"Sammanträdesplan {year}" in table, index
        assert "Helgdagar, skollov och uppehåll" in table  # the notes fit on the page
        assert f"Året i överblick {year}" in glance
    assert len(pages) > 2 * len(years)  # then the lists
    text = " ".join(" ".join(page.split()) for page in pages)
    for body in problem.bodies:
        assert body.name in text, body.name


def test_the_same_page_prints_the_same_pdf(sodertorn: tuple[Problem, Result]) -> None:
    problem, result = sodertorn
    assert result.plan is not None
    if find_browser() is None:
        _missing("no Chromium on this machine (apt install chromium)")
    html = plan_page(problem, result.plan)
    assert html_to_pdf(html) == html_to_pdf(html)
