"""Text for people: dates, times and weeks in Swedish and English, and the printed plan."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from attrs import frozen

from motesplan import (
    Body,
    Meeting,
    MeetingStatus,
    Plan,
    Problem,
    Result,
    Series,
    Status,
    ValidationError,
    format_plan,
    format_result,
)
from motesplan.text import (
    check_language,
    format_date,
    format_day_month,
    format_short_date,
    format_time,
    format_time_range,
    format_week,
    phrase,
)

FRIDAY = dt.date(2024, 1, 19)


# ---------------------------------------------------------------------------
# Dates, times, weeks


@pytest.mark.parametrize(
    ("day", "language", "expected"),
    [
        (FRIDAY, "sv", "fredag 19 januari 2024"),
        (FRIDAY, "en", "Friday, 19 January 2024"),
        (dt.date(2024, 12, 1), "sv", "söndag 1 december 2024"),
        (dt.date(2024, 12, 1), "en", "Sunday, 1 December 2024"),
        (dt.date(2024, 6, 6), "sv", "torsdag 6 juni 2024"),
        (dt.date(2024, 3, 4), "sv", "måndag 4 mars 2024"),
    ],
)
def test_format_date(day: dt.date, language: str, expected: str) -> None:
    assert format_date(day, language) == expected


def test_short_dates() -> None:
    assert format_short_date(FRIDAY, "sv") == "fredag 19 januari"
    assert format_short_date(FRIDAY, "en") == "Friday, 19 January"
    assert format_day_month(FRIDAY, "sv") == "19 januari"
    assert format_day_month(FRIDAY, "en") == "19 January"


@pytest.mark.parametrize(
    ("start", "end", "language", "expected"),
    [
        (dt.time(9), dt.time(11, 30), "sv", "kl. 09.00–11.30"),
        (dt.time(9), dt.time(11, 30), "en", "09:00–11:30"),
        (dt.time(13), dt.time(15), "sv", "kl. 13.00–15.00"),
        (dt.time(8, 5), dt.time(23, 59), "en", "08:05–23:59"),
    ],
)
def test_format_time_range(start: dt.time, end: dt.time, language: str, expected: str) -> None:
    assert format_time_range(start, end, language) == expected


def test_format_time() -> None:
    assert format_time(dt.time(14), "sv") == "14.00"
    assert format_time(dt.time(14), "en") == "14:00"
    assert format_time(dt.time(0, 7), "sv") == "00.07"


@pytest.mark.parametrize(
    ("day", "language", "expected"),
    [
        (FRIDAY, "sv", "v. 3"),
        (FRIDAY, "en", "week 3"),
        (dt.date(2024, 2, 26), "sv", "v. 9"),
        (dt.date(2024, 1, 1), "sv", "v. 1"),
        (dt.date(2024, 12, 30), "sv", "v. 1"),  # ISO week 1 of 2025
        (dt.date(2021, 1, 3), "sv", "v. 53"),  # ISO week 53 of 2020
        (dt.date(2024, 12, 29), "en", "week 52"),
    ],
)
def test_format_week(day: dt.date, language: str, expected: str) -> None:
    assert format_week(day, language) == expected


@pytest.mark.parametrize("language", ["fr", "SV", "", "sv_SE", "english"])
@pytest.mark.parametrize(
    "call",
    [
        pytest.param(lambda lang: format_date(FRIDAY, lang), id="format_date"),
        pytest.param(lambda lang: format_short_date(FRIDAY, lang), id="format_short_date"),
        pytest.param(lambda lang: format_day_month(FRIDAY, lang), id="format_day_month"),
        pytest.param(lambda lang: format_time(dt.time(9), lang), id="format_time"),
        pytest.param(
            lambda lang: format_time_range(dt.time(9), dt.time(10), lang), id="format_time_range"
        ),
        pytest.param(lambda lang: format_week(FRIDAY, lang), id="format_week"),
        pytest.param(lambda lang: phrase("week", lang, week=3), id="phrase"),
    ],
)
def test_unknown_language_is_rejected(call: object, language: str) -> None:
    with pytest.raises(
        ValidationError, match=re.escape(f"unknown language {language!r}; expected one of: sv, en")
    ):
        call(language)  # type: ignore[operator]


def test_check_language() -> None:
    assert check_language("sv") == "sv"
    assert check_language("en") == "en"


def test_phrases() -> None:
    assert phrase("week", "sv", week=44) == "v. 44"
    assert phrase("bridge_day", "en") == "Bridge day"
    assert phrase("plan.after", "sv", days=20, series="LG", date="19 januari") == (
        "20 dagar efter LG 19 januari"
    )
    with pytest.raises(KeyError):
        phrase("no such phrase", "sv")


# ---------------------------------------------------------------------------
# The printed plan of the example


@pytest.fixture(scope="module")
def swedish_report(sodertorn: Problem, sodertorn_result: Result) -> str:
    assert sodertorn_result.plan is not None
    return format_result(sodertorn, sodertorn_result)


@pytest.fixture(scope="module")
def english_report(sodertorn: Problem, sodertorn_result: Result) -> str:
    return format_result(sodertorn, sodertorn_result, "en")


def test_swedish_report(swedish_report: str) -> None:
    assert swedish_report.startswith(
        "Mötesplan Södertörnskommunerna måndag 1 januari 2024–tisdag 31 december 2024\n"
    )
    assert "fredag" in swedish_report
    assert "v. " in swedish_report
    assert "kl. 09.00–11.30" in swedish_report
    assert "dagar efter Ledningsgruppen" in swedish_report
    assert "Ledningsgruppen — " in swedish_report
    assert "Samarbetskommittén — " in swedish_report
    assert "Lunch kl. 12.00 vid fysiskt möte" in swedish_report
    assert "Status: " in swedish_report
    assert "Kostnad (mjuka regler): " in swedish_report
    assert swedish_report.endswith("\n")
    # nothing English slipped in
    for english in ("Friday", "week ", "days after", "Meeting plan", "in person"):
        assert english not in swedish_report


def test_swedish_report_lines(swedish_report: str, sodertorn_result: Result) -> None:
    assert sodertorn_result.plan is not None
    meeting_lines = [line for line in swedish_report.splitlines() if "kl. " in line]
    for line in meeting_lines:
        if "Lunch" in line or "medverkar" in line:
            continue
        assert re.match(r"^ *v\. \d{1,2}  (måndag|tisdag|onsdag|torsdag|fredag) \d", line), line
    committee = [line for line in meeting_lines if "kl. 13.00–15.00" in line]
    assert len(committee) == len(sodertorn_result.plan.of_series("sk"))
    for line in committee:
        assert re.search(r"\((\d+) dagar efter Ledningsgruppen \d{1,2} \w+\)", line), line


def test_swedish_report_pinned_meeting(swedish_report: str) -> None:
    assert "fredag 13 december  kl. 08.30–11.00  Folkes, Huddinge Centrum  (fast datum)" in (
        swedish_report
    )
    assert "Region Stockholm medverkar" in swedish_report


def test_english_report(english_report: str) -> None:
    assert english_report.startswith("Meeting plan Södertörnskommunerna Monday, 1 January 2024")
    assert "Friday" in english_report
    assert "days after" in english_report
    assert "09:00–11:30" in english_report
    assert "week " in english_report
    assert "Lunch at 12:00 when in person" in english_report
    assert "Cost (soft rules): " in english_report
    for swedish in ("fredag", "v. ", "kl. 09", "dagar efter", "Mötesplan", "fysiskt"):
        assert swedish not in english_report


def test_report_counts_meetings_in_the_right_number(
    swedish_report: str, english_report: str, sodertorn_result: Result
) -> None:
    assert sodertorn_result.plan is not None
    lg = len(sodertorn_result.plan.of_series("lg"))
    assert f"Ledningsgruppen — {lg} möten" in swedish_report
    assert f"Ledningsgruppen — {lg} meetings" in english_report
    conference = "Samarbetskommitténs planeringskonferens (Samarbetskommittén) — "
    assert f"{conference}1 möte\n" in swedish_report
    assert f"{conference}1 meeting\n" in english_report


def test_report_total_cost(swedish_report: str, sodertorn_result: Result) -> None:
    total = sum(cost.points for cost in sodertorn_result.costs)
    assert swedish_report.rstrip().endswith(f"Kostnad (mjuka regler): {total}")


def test_report_language_is_swedish_by_default(
    sodertorn: Problem, sodertorn_result: Result
) -> None:
    swedish = format_result(sodertorn, sodertorn_result)
    assert swedish == format_result(sodertorn, sodertorn_result, "sv")
    assert swedish != format_result(sodertorn, sodertorn_result, "en")


@frozen
class _Reason:
    """A reason with a fixed text per language, as a catalogue message renders."""

    swedish: str
    english: str

    def render(self, language: str) -> str:
        return {"sv": self.swedish, "en": self.english}[language]


def test_report_without_a_plan(sodertorn: Problem) -> None:
    reason = _Reason("serien 'lg' kan inte ha 10 möten", "series 'lg' cannot have 10 meetings")
    result = Result(Status.INFEASIBLE, reason=reason)
    assert format_result(sodertorn, result) == (
        "Status: ingen plan möjlig\nserien 'lg' kan inte ha 10 möten\n"
    )
    assert format_result(sodertorn, result, "en") == (
        "Status: no plan exists\nseries 'lg' cannot have 10 meetings\n"
    )


def test_report_cancelled_and_online_meetings() -> None:
    problem = Problem(
        name="Test",
        start="2024-01-01",
        end="2024-03-31",
        bodies=(Body("a", "Alfa"),),
        series=(Series("a", "a", "Alfa", "friday", "09:00", "11:30", count=2),),
    )
    plan = Plan(
        "2024-01-01",
        "2024-03-31",
        (
            Meeting("a-2024-01", "a", "Alfa", "2024-01-19", "09:00", "11:30"),
            Meeting(
                "a-2024-02",
                "a",
                "Alfa",
                "2024-02-16",
                "09:00",
                "11:30",
                status=MeetingStatus.CANCELLED,
            ),
        ),
    )
    text = format_plan(problem, plan)
    assert "Alfa — 1 möte\n" in text
    assert "fredag 16 februari  kl. 09.00–11.30  fysiskt  (INSTÄLLT)" in text
    english = format_plan(problem, plan, "en")
    assert "(CANCELLED)" in english
    assert "Alfa — 1 meeting\n" in english
