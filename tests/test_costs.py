"""The cost report: every soft rule a plan does not fully meet, meeting by meeting, in
the users' words, with points that add up to the checker's (and the solver's) total."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from motesplan import (
    Body,
    ClosedDates,
    Count,
    DateRange,
    Link,
    Meeting,
    Plan,
    Problem,
    Result,
    SchoolBreaks,
    Series,
    check,
    format_result,
)
from motesplan.planner.checker import (
    CheckResult,
    CountDetail,
    LinkDetail,
    LocationDetail,
    SpreadDetail,
    UnavailableDetail,
)
from motesplan.planner.freedays import FreeDays
from motesplan.planner.objective import spread_cost
from motesplan.reports.costs import cost_details_json, format_costs
from motesplan.text import render

LG_PLACES = (
    "Huddinge kommunhus",
    "StorSthlms lokaler",
    "Folkets hus",
    "Stadshuset",
    "Kvarnen",
    "Ön",
)


def _problem(*, link: Link | None = None, weight: int = 50) -> Problem:
    """LG on the 12 Fridays from 12 January to 29 March 2024, preferring 3 meetings
    (even gap 4 slots, 1.5 slots before the first and after the last); SK on the
    3 Thursdays from 14 to 28 March, one meeting (21 March costs no spread); the
    soft link LG -> SK 20-27 days; sportlov in week 7, soft."""
    return Problem(
        name="Test",
        start="2024-01-01",
        end="2024-03-31",
        bodies=(Body("lg", "Ledningsgruppen"), Body("sk", "Samarbetskommittén")),
        series=(
            Series(
                "lg",
                "lg",
                "Ledningsgruppen",
                "friday",
                "09:00",
                "11:30",
                count=Count(2, 3),
                within=(DateRange("2024-01-08", "2024-03-31"),),
                locations=LG_PLACES,
            ),
            Series(
                "sk",
                "sk",
                "Samarbetskommittén",
                "thursday",
                "13:00",
                "15:00",
                count=1,
                within=(DateRange("2024-03-10", "2024-03-31"),),
            ),
        ),
        links=(link or Link("lg", "sk", 20, 27, hard=False),),
        unavailable=(SchoolBreaks({2024: (7,)}, name="Sportlov", weight=weight),),
    )


def _meeting(series: str, number: int, day: str, location: str = "") -> Meeting:
    title, start, end = {
        "lg": ("Ledningsgruppen", "09:00", "11:30"),
        "sk": ("Samarbetskommittén", "13:00", "15:00"),
    }[series]
    return Meeting(f"{series}-2024-{number:02d}", series, title, day, start, end, location=location)


def _plan(*meetings: Meeting) -> Plan:
    return Plan("2024-01-01", "2024-03-31", meetings)


def _deviating_plan() -> Plan:
    """LG on 26 January and 16 February (sportlov, second place), one meeting short;
    SK on 21 March, 34 days after LG's 16 February: 7 days too late."""
    return _plan(
        _meeting("lg", 1, "2024-01-26", "Huddinge kommunhus"),
        _meeting("lg", 2, "2024-02-16", "StorSthlms lokaler"),
        _meeting("sk", 1, "2024-03-21"),
    )


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines()]


def _assert_details_add_up(result: CheckResult) -> None:
    """Every cost has details whose points and amounts add up to it, and every detail
    belongs to a cost."""
    for cost in result.costs:
        own = [detail for detail in result.details if detail.belongs_to(cost)]
        assert own, cost
        assert sum(detail.points for detail in own) == cost.points, cost
        assert sum(detail.amount for detail in own) == cost.amount, cost
    for detail in result.details:
        assert any(detail.belongs_to(cost) for cost in result.costs), detail
    assert sum(detail.points for detail in result.details) == result.objective


# -- a plan with every kind of deviation -----------------------------------------------

SWEDISH = "".join(
    (
        "Mjuka regler som inte är helt uppfyllda:\n",
        "\n",
        "Ledningsgruppen — 315 poäng\n",
        "  Ledningsgruppen har 2 möten, önskat 3 (200 poäng)\n",
        "  Jämn spridning för 3 möten på 12 möjliga mötesdagar: 4 mellan mötena, 1,5"
        " före det första och efter det sista\n",
        "  Ledningsgruppen 26 januari: första mötet, 2 möjliga mötesdagar före, jämnt"
        " vore 1,5 (5 poäng)\n",
        "  Ledningsgruppen 16 februari: 3 möjliga mötesdagar efter 26 januari, jämnt"
        " vore 4 (10 poäng)\n",
        "  Ledningsgruppen 16 februari: sista mötet, 6 möjliga mötesdagar efter, jämnt"
        " vore 1,5 (45 poäng)\n",
        "  Ledningsgruppen 16 februari: StorSthlms lokaler, andrahandsval;"
        " förstahandsval är Huddinge kommunhus (5 poäng)\n",
        "  Ledningsgruppen 16 februari: krockar med Sportlov v. 7 (50 poäng)\n",
        "\n",
        "Samarbetskommittén — 70 poäng\n",
        "  Samarbetskommittén 21 mars: 34 dagar efter Ledningsgruppen 16 februari, 7"
        " fler än 27 (70 poäng)\n",
        "\n",
        "Totalt: 385 poäng\n",
    )
)

ENGLISH = "".join(
    (
        "Soft rules not fully met:\n",
        "\n",
        "Ledningsgruppen — 315 points\n",
        "  Ledningsgruppen has 2 meetings, 3 preferred (200 points)\n",
        "  Even spread for 3 meetings on 12 possible meeting days: 4 between meetings,"
        " 1.5 before the first and after the last\n",
        "  Ledningsgruppen 26 January: the first meeting, 2 possible meeting days before"
        " it, even would be 1.5 (5 points)\n",
        "  Ledningsgruppen 16 February: 3 possible meeting days after 26 January, even"
        " would be 4 (10 points)\n",
        "  Ledningsgruppen 16 February: the last meeting, 6 possible meeting days after"
        " it, even would be 1.5 (45 points)\n",
        "  Ledningsgruppen 16 February: StorSthlms lokaler, second choice; first choice"
        " is Huddinge kommunhus (5 points)\n",
        "  Ledningsgruppen 16 February: falls on Sportlov week 7 (50 points)\n",
        "\n",
        "Samarbetskommittén — 70 points\n",
        "  Samarbetskommittén 21 March: 34 days after Ledningsgruppen 16 February, 7"
        " more than 27 (70 points)\n",
        "\n",
        "Total: 385 points\n",
    )
)


def test_every_deviation_in_swedish() -> None:
    problem, plan = _problem(), _deviating_plan()
    result = check(problem, plan)
    assert result.ok
    assert format_costs(problem, plan, result) == SWEDISH
    assert format_costs(problem, plan) == SWEDISH  # checks the plan itself when not given


def test_every_deviation_in_english() -> None:
    problem, plan = _problem(), _deviating_plan()
    assert format_costs(problem, plan, language="en") == ENGLISH
    result = check(problem, plan)
    assert format_costs(problem, plan, result, "en") == ENGLISH
    assert format_costs(problem, plan, result, "sv") == SWEDISH  # the same check, in Swedish


def test_the_lines_add_up_to_the_objective() -> None:
    problem, plan = _problem(), _deviating_plan()
    result = check(problem, plan)
    assert result.objective == 200 + 5 + 10 + 45 + 5 + 50 + 70
    _assert_details_add_up(result)
    assert format_costs(problem, plan, result).endswith(f"Totalt: {result.objective} poäng\n")


def test_the_details_say_what_each_cost_is_about() -> None:
    result = check(_problem(), _deviating_plan())
    by_kind = {type(detail): detail for detail in result.details}
    link = by_kind[LinkDetail]
    assert isinstance(link, LinkDetail)
    assert (link.meeting, link.preparing, link.preparing_date) == (
        "sk-2024-01",
        "lg-2024-02",
        dt.date(2024, 2, 16),
    )
    assert (link.days, link.outside, link.amount, link.points) == (34, 7, 7, 70)
    place = by_kind[LocationDetail]
    assert isinstance(place, LocationDetail)
    assert (place.location, place.choice, place.first) == (
        "StorSthlms lokaler",
        2,
        "Huddinge kommunhus",
    )
    busy = by_kind[UnavailableDetail]
    assert isinstance(busy, UnavailableDetail)
    assert [(render(b.reason, "sv"), b.weight) for b in busy.blocks] == [("Sportlov v. 7", 50)]
    assert [render(b.reason, "en") for b in busy.blocks] == ["Sportlov week 7"]
    count = by_kind[CountDetail]
    assert isinstance(count, CountDetail)
    assert (count.actual, count.preferred, count.minimum, count.maximum) == (2, 3, 2, 3)
    parts = [d for d in result.details if isinstance(d, SpreadDetail)]
    assert [(p.part, p.slots, p.amount) for p in parts] == [
        ("before", 2, 5),
        ("gap", 3, 10),
        ("after", 6, 45),
    ]


def test_the_rule_name_matches_the_costs() -> None:
    result = check(_problem(), _deviating_plan())
    assert sorted({detail.rule for detail in result.details}) == sorted(
        {cost.rule for cost in result.costs}
    )


# -- the link, line by line ------------------------------------------------------------


def _link_line(lg_dates: Sequence[str], sk_date: str, language: str = "sv", **link: int) -> str:
    problem = _problem(link=Link("lg", "sk", 20, 27, hard=False, **link))
    lg = [_meeting("lg", n, day, "Huddinge kommunhus") for n, day in enumerate(lg_dates, 1)]
    plan = _plan(*lg, _meeting("sk", 1, sk_date))
    lines = _lines(format_costs(problem, plan, language=language))
    found = [
        line
        for line in lines
        if line.startswith("Samarbetskommittén ") and "Ledningsgruppen" in line
    ]
    assert len(found) == 1, lines
    return found[0]


@pytest.mark.parametrize(
    ("lg_dates", "sk_date", "expected"),
    [
        (
            ["2024-03-01"],
            "2024-03-14",
            "13 dagar efter Ledningsgruppen 1 mars, 7 färre än 20 (70 poäng)",
        ),
        (
            ["2024-03-08"],
            "2024-03-21",
            "13 dagar efter Ledningsgruppen 8 mars, 7 färre än 20 (70 poäng)",
        ),
        (
            ["2024-01-12", "2024-03-22"],
            "2024-03-21",
            "1 dag före Ledningsgruppen 22 mars, ska vara 20–27 dagar efter (210 poäng)",
        ),
        (
            ["2024-01-12"],
            "2024-03-14",
            "62 dagar efter Ledningsgruppen 12 januari, 35 fler än 27 (350 poäng)",
        ),
    ],
)
def test_link_too_early_too_late_and_after(
    lg_dates: list[str], sk_date: str, expected: str
) -> None:
    line = _link_line(lg_dates, sk_date)
    day = dt.date.fromisoformat(sk_date)
    assert line == f"Samarbetskommittén {day.day} mars: {expected}"


def test_link_one_day_and_the_same_day() -> None:
    problem = _problem(link=Link("lg", "sk", 0, 0, hard=False))
    plan = _plan(_meeting("lg", 1, "2024-03-15"), _meeting("sk", 1, "2024-03-14"))
    assert (
        "Samarbetskommittén 14 mars: 1 dag före Ledningsgruppen 15 mars, ska vara 0–0 dagar "
        "efter (10 poäng)"
    ) in _lines(format_costs(problem, plan))
    # a Saturday breaks a hard rule (the weekday), but its cost is still measured and shown
    saturday = _plan(_meeting("lg", 1, "2024-03-15"), _meeting("sk", 1, "2024-03-16"))
    early = _problem(link=Link("lg", "sk", 2, 5, hard=False))
    assert (
        "Samarbetskommittén 16 mars: 1 dag efter Ledningsgruppen 15 mars, 1 färre än 2 (10 poäng)"
    ) in _lines(format_costs(early, saturday))
    assert (
        "Samarbetskommittén 16 March: 1 day after Ledningsgruppen 15 March, 1 fewer than 2 "
        "(10 points)"
    ) in _lines(format_costs(early, saturday, language="en"))
    problem = _problem(link=Link("lg", "sk", 1, 1, hard=False))
    same = _plan(_meeting("lg", 1, "2024-03-15"), _meeting("sk", 1, "2024-03-15"))
    assert (
        "Samarbetskommittén 15 mars: samma dag som Ledningsgruppen 15 mars, 1 färre än 1 (10 poäng)"
    ) in _lines(format_costs(problem, same))
    assert (
        "Samarbetskommittén 15 March: the same day as Ledningsgruppen 15 March, 1 fewer than 1 "
        "(10 points)"
    ) in _lines(format_costs(problem, same, language="en"))


def test_link_beyond_the_cap_and_without_a_preparing_meeting() -> None:
    capped = _link_line(["2024-01-12"], "2024-03-14", cap_days=30)
    assert capped == (
        "Samarbetskommittén 14 mars: 62 dagar efter Ledningsgruppen 12 januari, 35 fler än 27; "
        "högst 30 dagar räknas (300 poäng)"
    )
    english = _link_line(["2024-01-12"], "2024-03-14", "en", cap_days=30)
    assert english == (
        "Samarbetskommittén 14 March: 62 days after Ledningsgruppen 12 January, 35 more than 27; "
        "at most 30 days count (300 points)"
    )
    problem = _problem()
    alone = _plan(_meeting("sk", 1, "2024-03-21"))
    assert (
        "Samarbetskommittén 21 mars: inget förberedande möte i Ledningsgruppen; räknas som "
        "60 dagar (600 poäng)"
    ) in _lines(format_costs(problem, alone))
    assert (
        "Samarbetskommittén 21 March: no preparing meeting of Ledningsgruppen; counted as "
        "60 days (600 points)"
    ) in _lines(format_costs(problem, alone, language="en"))


def test_link_measured_from_the_nearest_preparing_meeting() -> None:
    problem = _problem(link=Link("lg", "sk", 30, 30, hard=False))
    plan = _plan(
        _meeting("lg", 1, "2024-02-09", "Huddinge kommunhus"),
        _meeting("lg", 2, "2024-02-23", "Huddinge kommunhus"),
        _meeting("sk", 1, "2024-03-14"),
    )
    # 34 days (4 too many) and 20 days (10 too few): 9 February is nearer
    assert (
        "Samarbetskommittén 14 mars: 34 dagar efter Ledningsgruppen 9 februari, 4 fler än 30 "
        "(40 poäng)"
    ) in _lines(format_costs(problem, plan))


def test_link_names_the_later_of_two_equally_near_meetings() -> None:
    problem = _problem(link=Link("lg", "sk", 22, 39, hard=False))
    plan = _plan(
        _meeting("lg", 1, "2024-02-02", "Huddinge kommunhus"),
        _meeting("lg", 2, "2024-02-23", "Huddinge kommunhus"),
        _meeting("sk", 1, "2024-03-14"),
    )
    # 41 days (2 too many) and 20 days (2 too few): the later one is named
    assert (
        "Samarbetskommittén 14 mars: 20 dagar efter Ledningsgruppen 23 februari, 2 färre än 22 "
        "(20 poäng)"
    ) in _lines(format_costs(problem, plan))


# -- places, unavailable time, count ---------------------------------------------------


@pytest.mark.parametrize(
    ("place", "swedish", "english", "points"),
    [
        ("StorSthlms lokaler", "andrahandsval", "second choice", 5),
        ("Folkets hus", "tredjehandsval", "third choice", 10),
        ("Stadshuset", "fjärdehandsval", "fourth choice", 15),
        ("Kvarnen", "femtehandsval", "fifth choice", 20),
        ("Ön", "val nr 6 i listan", "choice 6 on the list", 25),
    ],
)
def test_location_names_the_choice(place: str, swedish: str, english: str, points: int) -> None:
    problem = _problem()
    plan = _plan(
        _meeting("lg", 1, "2024-01-19", "Huddinge kommunhus"),
        _meeting("lg", 2, "2024-02-09", place),
        _meeting("lg", 3, "2024-03-08", "Huddinge kommunhus"),
    )
    assert (
        f"Ledningsgruppen 9 februari: {place}, {swedish}; förstahandsval är Huddinge kommunhus "
        f"({points} poäng)"
    ) in _lines(format_costs(problem, plan))
    assert (
        f"Ledningsgruppen 9 February: {place}, {english}; first choice is Huddinge kommunhus "
        f"({points} points)"
    ) in _lines(format_costs(problem, plan, language="en"))


def test_unavailable_names_every_block_once() -> None:
    problem = _problem().evolve(
        unavailable=(
            SchoolBreaks({2024: (7,)}, name="Sportlov", weight=50),
            ClosedDates("Fullmäktige", ["2024-02-16"], weight=30),
        )
    )
    plan = _plan(_meeting("lg", 1, "2024-02-16", "Huddinge kommunhus"))
    result = check(problem, plan)
    assert (
        "Ledningsgruppen 16 februari: krockar med Fullmäktige, Sportlov v. 7 (80 poäng)"
        in _lines(format_costs(problem, plan, result))
    )
    _assert_details_add_up(result)


def test_count_above_the_preferred() -> None:
    problem = _problem().evolve(
        series=(
            Series(
                "lg",
                "lg",
                "Ledningsgruppen",
                "friday",
                "09:00",
                "11:30",
                count=Count(1, 3, preferred=1),
                within=(DateRange("2024-01-08", "2024-03-31"),),
            ),
            _problem().get_series("sk"),
        )
    )
    plan = _plan(
        _meeting("lg", 1, "2024-01-19"),
        _meeting("lg", 2, "2024-02-09"),
        _meeting("lg", 3, "2024-03-08"),
    )
    lines = _lines(format_costs(problem, plan))
    assert "Ledningsgruppen har 3 möten, önskat 1 (400 poäng)" in lines
    english = _lines(format_costs(problem, plan, language="en"))
    assert "Ledningsgruppen has 3 meetings, 1 preferred (400 points)" in english


# -- spread -----------------------------------------------------------------------------


def _spread_problem() -> Problem:
    """The example of docs/objective.md: 10 slots (Fridays 5 January - 8 March 2024),
    2 preferred meetings, so an even gap of 5 and 2 slots before and after."""
    return Problem(
        name="Spread",
        start="2024-01-01",
        end="2024-03-10",
        bodies=(Body("m", "Mötet"),),
        series=(Series("m", "m", "Mötet", "friday", "09:00", "10:00", count=2),),
    )


def _fridays(*slots: int) -> Plan:
    days = [dt.date(2024, 1, 5) + dt.timedelta(weeks=slot) for slot in slots]
    meetings = [
        Meeting(f"m-2024-{n:02d}", "m", "Mötet", day, "09:00", "10:00")
        for n, day in enumerate(days, 1)
    ]
    return Plan("2024-01-01", "2024-03-10", meetings)


def test_spread_parts_follow_the_documented_example() -> None:
    problem = _spread_problem()
    assert len(FreeDays(problem).slots("m")) == 10
    assert format_costs(problem, _fridays(2, 7)) == "Alla mjuka regler är helt uppfyllda.\n"
    assert format_costs(problem, _fridays(2, 7), language="en") == (
        "Every soft rule is fully met.\n"
    )
    assert format_costs(problem, _fridays(1, 7)) == (
        "Mjuka regler som inte är helt uppfyllda:\n"
        "\n"
        "Mötet — 20 poäng\n"
        "  Jämn spridning för 2 möten på 10 möjliga mötesdagar: 5 mellan mötena, 2 före det "
        "första och efter det sista\n"
        "  Mötet 12 januari: första mötet, 1 möjlig mötesdag före, jämnt vore 2 (10 poäng)\n"
        "  Mötet 23 februari: 6 möjliga mötesdagar efter 12 januari, jämnt vore 5 (10 poäng)\n"
        "\n"
        "Totalt: 20 poäng\n"
    )
    result = check(problem, _fridays(0, 1))
    parts = [(d.part, d.slots, d.amount) for d in result.details if isinstance(d, SpreadDetail)]
    assert parts == [("before", 0, 20), ("gap", 1, 40), ("after", 8, 60)]
    assert result.objective == 120


def test_spread_of_one_meeting_and_fractional_even_values() -> None:
    problem = _spread_problem().evolve(
        series=(Series("m", "m", "Mötet", "friday", "09:00", "10:00", count=3),)
    )
    text = format_costs(problem, _fridays(0, 1, 2))
    # g = 10/3 slots, (g - 1) / 2 = 7/6 before the first and after the last
    assert (
        "Jämn spridning för 3 möten på 10 möjliga mötesdagar: ca 3,333 mellan mötena, ca 1,167 "
        "före det första och efter det sista"
    ) in _lines(text)
    assert (
        "Mötet 19 januari: 1 möjlig mötesdag efter 12 januari, jämnt vore ca 3,333 (23 poäng)"
        in (_lines(text))
    )
    one = _spread_problem().evolve(
        series=(Series("m", "m", "Mötet", "friday", "09:00", "10:00", count=1),)
    )
    english = _lines(format_costs(one, _fridays(9), language="en"))
    assert (
        "Even spread for 1 meeting on 10 possible meeting days: 10 between meetings, 4.5 before "
        "the first and after the last"
    ) in english
    assert (
        "Mötet 8 March: the first meeting, 9 possible meeting days before it, even would be 4.5 "
        "(45 points)"
    ) in english
    assert (
        "Mötet 8 March: the last meeting, 0 possible meeting days after it, even would be 4.5 "
        "(45 points)"
    ) in english


@settings(max_examples=40, deadline=None)
@given(
    lg=st.sets(st.integers(0, 11), max_size=5),
    sk=st.sets(st.integers(0, 2), max_size=2),
    places=st.lists(st.sampled_from(LG_PLACES), min_size=5, max_size=5),
    weight=st.integers(0, 60),
)
def test_details_always_add_up_to_the_costs(
    lg: set[int], sk: set[int], places: list[str], weight: int
) -> None:
    problem = _problem(weight=weight)
    lg_days = [dt.date(2024, 1, 12) + dt.timedelta(weeks=slot) for slot in sorted(lg)]
    sk_days = [dt.date(2024, 3, 14) + dt.timedelta(weeks=slot) for slot in sorted(sk)]
    plan = _plan(
        *(
            _meeting("lg", n, day.isoformat(), place)
            for n, (day, place) in enumerate(zip(lg_days, places, strict=False), 1)
        ),
        *(_meeting("sk", n, day.isoformat()) for n, day in enumerate(sk_days, 1)),
    )
    result = check(problem, plan)
    _assert_details_add_up(result)
    slots = [slot.date for slot in FreeDays(problem).slots("lg")]
    positions = [slots.index(day) for day in lg_days]
    parts = [d for d in result.details if isinstance(d, SpreadDetail) and d.series == "lg"]
    assert sum(d.amount for d in parts) == spread_cost(positions, len(slots), 3)
    text = format_costs(problem, plan, result)
    if result.objective:
        assert text.endswith(f"Totalt: {result.objective} poäng\n")
        shown = sum(
            int(line.rsplit("(", 1)[1].split()[0])
            for line in _lines(text)
            if line.endswith("poäng)")
        )
        assert shown == result.objective
    else:
        assert text == "Alla mjuka regler är helt uppfyllda.\n"


def test_a_period_over_two_years_names_the_year() -> None:
    problem = _spread_problem().evolve(end="2025-03-09")
    plan = Plan(
        "2024-01-01",
        "2025-03-09",
        [
            Meeting("m-2024-01", "m", "Mötet", "2024-01-05", "09:00", "10:00"),
            Meeting("m-2025-01", "m", "Mötet", "2025-03-07", "09:00", "10:00"),
        ],
    )
    lines = _lines(format_costs(problem, plan))
    assert any(line.startswith("Mötet 5 januari 2024: första mötet") for line in lines)
    assert any(line.startswith("Mötet 7 mars 2025: ") for line in lines)


def test_details_as_json() -> None:
    result = check(_problem(), _deviating_plan())
    data = cost_details_json(result)
    assert json.loads(json.dumps(data)) == data
    assert [item["rule"] for item in data] == [
        "count",
        "spread",
        "spread",
        "spread",
        "location",
        "unavailable",
        "link",
    ]
    link = data[-1]
    assert link["preparing_date"] == "2024-02-16"
    assert link["days"] == 34
    assert data[-2]["blocks"] == [{"date": "2024-02-16", "reason": "Sportlov v. 7", "weight": 50}]
    assert data[1]["even"] == 1.5


SWEDISH_MONTHS = (
    "januari",
    "februari",
    "mars",
    "april",
    "maj",
    "juni",
    "juli",
    "augusti",
    "september",
    "oktober",
    "november",
    "december",
)

SWEDISH_MONTHS = (
    "januari",
    "februari",
    "mars",
    "april",
    "maj",
    "juni",
    "juli",
    "augusti",
    "september",
    "oktober",
    "november",
    "december",
)

# -- the Södertörn example ----------------------------------------------------------------


def test_sodertorn_report_adds_up_to_the_solver(
    sodertorn: Problem, sodertorn_result: Result
) -> None:
    plan = sodertorn_result.plan
    assert plan is not None
    result = check(sodertorn, plan)
    _assert_details_add_up(result)
    assert result.objective == sodertorn_result.objective == 70
    text = format_costs(sodertorn, plan, result)
    assert text.endswith("Totalt: 70 poäng\n")
    lines = _lines(text)
    for cost in sodertorn_result.costs:
        if cost.points:
            name = sodertorn.get_series(cost.subject.split(" -> ")[-1]).name
            assert f"{name} — " in text
            for detail in (d for d in result.details if d.belongs_to(cost)):
                assert detail.date is not None
                day = f"{detail.date.day} {SWEDISH_MONTHS[detail.date.month - 1]}"
                assert any(
                    line.startswith(f"{name} {day}: ") and line.endswith(f"({detail.points} poäng)")
                    for line in lines
                ), (detail, lines)
    assert "Ledningsgruppen — 32 poäng" in lines
    assert "Samarbetskommittén — 38 poäng" in lines
    # SK's spread is measured from where its link lets it start (objective.md)
    assert (
        "Samarbetskommittén 15 februari: första mötet, 2 möjliga mötesdagar före, jämnt vore "
        "ca 1,688 (3 poäng)"
    ) in lines
    assert (
        "Ledningsgruppen 9 februari: 3 möjliga mötesdagar efter 19 januari, jämnt vore 3,8 "
        "(8 poäng)"
    ) in lines


def test_sodertorn_printout_shows_the_costs(sodertorn: Problem, sodertorn_result: Result) -> None:
    text = format_result(sodertorn, sodertorn_result)
    assert "Mjuka regler som inte är helt uppfyllda:\n" in text
    assert "Totalt:" not in text  # the printout's own last line is the total
    assert text.endswith("Status: optimal\nKostnad (mjuka regler): 70\n")
    english = format_result(sodertorn, sodertorn_result, "en")
    assert "Soft rules not fully met:\n" in english
    assert "Samarbetskommittén — 38 points" in english


def test_sodertorn_with_a_costly_link(sodertorn: Problem, sodertorn_result: Result) -> None:
    """Move SK's 7 November meeting to 14 November: 34 days after LG's 11 October."""
    plan = sodertorn_result.plan
    assert plan is not None
    november = next(m for m in plan.of_series("sk") if m.date == dt.date(2024, 11, 7))
    moved = Meeting(
        november.id,
        "sk",
        november.title,
        "2024-11-14",
        november.start,
        november.end,
        location=november.location,
    )
    edited = Plan(plan.start, plan.end, [moved if m is november else m for m in plan.meetings])
    result = check(sodertorn, edited)
    lines = _lines(format_costs(sodertorn, edited, result))
    assert (
        "Samarbetskommittén 14 november: 34 dagar efter Ledningsgruppen 11 oktober, 7 fler än 27 "
        "(70 poäng)"
    ) in lines
    _assert_details_add_up(result)
