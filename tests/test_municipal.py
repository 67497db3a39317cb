"""The municipal year: counts per year, milestones, reserve dates and representatives.

The solver keeps each rule, the independent checker finds a plan that breaks it, the
explanations name it with its key, replanning keeps it, and the four-year example
plans within the default time limit with every year's count, every milestone and its
reserve dates."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from collections import Counter
from pathlib import Path

import attrs
import pytest
from hypothesis import HealthCheck, given, settings

from motesplan import (
    Body,
    ClosedDates,
    ConfigError,
    Count,
    MeetingStatus,
    Member,
    Milestone,
    Pin,
    Problem,
    PublicHolidays,
    Representative,
    Rule,
    Series,
    SolveOptions,
    Status,
    check,
    replan,
    solve,
)
from motesplan.config import config_from_text, load_config
from motesplan.reports.explanation import format_explanation
from tests.strategies import problems
from tests.test_construct import _constructed_plan

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "kommun-2027-2030.toml"
TEXT = EXAMPLE.read_text(encoding="utf-8")
OPTIONS = SolveOptions(time_limit=10)


def council(**changes: object) -> Problem:
    """A council on Mondays and its board on Tuesdays 2027–2028, counts per year."""
    base: dict[str, object] = {
        "name": "Kommun",
        "start": "2027-01-01",
        "end": "2028-12-31",
        "bodies": (Body("kf", "Kommunfullmäktige"), Body("ks", "Kommunstyrelsen")),
        "series": (
            Series(
                "kf",
                "kf",
                "Kommunfullmäktige",
                "monday",
                "18:00",
                "21:00",
                count=Count(8, 9, per="year"),
                min_gap_days=21,
            ),
            Series(
                "ks",
                "ks",
                "Kommunstyrelsen",
                "tuesday",
                "13:00",
                "16:00",
                count=Count(9, 10, per="year"),
                min_gap_days=21,
            ),
        ),
        "unavailable": (PublicHolidays("SE", categories=("public", "de_facto")),),
    }
    base.update(changes)
    return Problem(**base)  # type: ignore[arg-type]


def by_year(plan_meetings: object, series: str) -> dict[int, int]:
    meetings = [m for m in plan_meetings if m.series == series and m.held]  # type: ignore[attr-defined]
    return dict(Counter(m.date.year for m in meetings))


# -- counts per year -------------------------------------------------------------------


def test_a_count_per_year_holds_in_every_year() -> None:
    problem = council()
    result = solve(problem, OPTIONS)
    assert result.plan is not None
    assert check(problem, result.plan).ok
    for year, count in by_year(result.plan.meetings, "kf").items():
        assert 8 <= count <= 9, year
    assert set(by_year(result.plan.meetings, "ks")) == {2027, 2028}
    # the count and spread costs are per year, as the checker measures them
    assert {c.year for c in result.costs if c.rule in (Rule.COUNT, Rule.SPREAD)} <= {2027, 2028}


def test_a_partial_year_gets_its_share() -> None:
    count = Count(9, 10, per="year")
    years = count.years(dt.date(2026, 7, 1), dt.date(2027, 12, 31))
    assert [(y, c.min, c.max) for y, c in years] == [(2026, 4, 6), (2027, 9, 10)]


def test_the_checker_finds_a_year_with_too_few_meetings() -> None:
    problem = council()
    result = solve(problem, OPTIONS)
    assert result.plan is not None
    dropped = [m for m in result.plan.meetings if m.series == "kf" and m.date.year == 2028][:2]
    broken = attrs.evolve(
        result.plan, meetings=tuple(m for m in result.plan.meetings if m not in dropped)
    )
    report = check(problem, broken)
    texts = [v.render("sv") for v in report.violations if v.rule is Rule.COUNT]
    assert texts, report.violations
    assert "under 2028" in texts[0]
    english = next(v.render("en") for v in report.violations if v.rule is Rule.COUNT)
    assert english.endswith("should have 8–9")


def test_an_impossible_year_is_explained_with_its_year_and_key() -> None:
    # 2028 closed for the council from February but for the three days its
    # milestones need (else they would be the conflict): 8 meetings cannot fit
    open_days = (dt.date(2028, 4, 3), dt.date(2028, 10, 2), dt.date(2028, 11, 6))
    mondays = (dt.date(2028, 2, 7) + dt.timedelta(days=7 * k) for k in range(47))
    closed = ", ".join(day.isoformat() for day in mondays if day not in open_days)
    text = TEXT.replace(
        '  { name = "Valdag", dates = [2030-09-08] },',
        '  { name = "Valdag", dates = [2030-09-08] },\n'
        f'  {{ name = "Renovering", dates = [{closed}], series = ["kf"] }},',
    )
    config = config_from_text(text, path="kommun.toml")
    result = solve(config.problem, OPTIONS)
    assert result.status is Status.INFEASIBLE
    assert result.explanation is not None
    where = {rule.where for rule in result.explanation.rules}
    assert "series[0].count" in where
    assert "unavailable.dates[1]" in where
    summary = result.explanation.summary.render("sv")
    assert "Kommunfullmäktige (måndagar) ska ha" in summary
    assert "2028" in summary
    printed = format_explanation(result.explanation, "sv", "kommun.toml")
    assert "[kommun.toml: series[0].count]" in printed


# -- milestones ------------------------------------------------------------------------


def test_a_milestone_is_kept_and_labels_its_meeting() -> None:
    budget = Milestone("kf", "Budget", "2027-11-01", "2027-11-30", yearly=True, short="B")
    problem = council(milestones=(budget,))
    result = solve(problem, OPTIONS)
    assert result.plan is not None
    assert check(problem, result.plan).ok
    labelled = [m for m in result.plan.meetings if m.labels]
    assert [(m.date.year, m.date.month, m.labels) for m in labelled] == [
        (2027, 11, ("Budget",)),
        (2028, 11, ("Budget",)),
    ]
    assert budget.short == "B"
    assert Milestone("kf", "Årsredovisning", "2027-04-01", "2027-05-31").short == "Å"


def test_the_checker_finds_a_budget_window_without_a_meeting() -> None:
    budget = Milestone("kf", "Budget", "2027-11-01", "2027-11-30", yearly=True)
    problem = council(milestones=(budget,))
    result = solve(problem, OPTIONS)
    assert result.plan is not None
    moved = [
        attrs.evolve(
            m, date=m.date + dt.timedelta(days=28), end_date=m.date + dt.timedelta(days=28)
        )
        if m.labels and m.date.year == 2028
        else m
        for m in result.plan.meetings
    ]
    report = check(problem, attrs.evolve(result.plan, meetings=tuple(moved)))
    milestones = [v for v in report.violations if v.rule is Rule.MILESTONE]
    assert len(milestones) == 1
    assert "Budget" in milestones[0].render("sv")


def test_an_impossible_milestone_is_explained_with_its_key() -> None:
    text = TEXT.replace(
        '[[milestones]]\nseries = "kf"\nname = "Budget"',
        '[[milestones]]\nseries = "kf"\nname = "Budget"\ncount = 3',
    )
    config = config_from_text(text, path="kommun.toml")
    result = solve(config.problem, OPTIONS)
    assert result.status is Status.INFEASIBLE
    assert result.explanation is not None
    where = {rule.where for rule in result.explanation.rules}
    assert "milestones[2]" in where
    kinds = {rule.kind for rule in result.explanation.rules}
    assert Rule.MILESTONE in kinds
    assert "Budget" in result.explanation.summary.render("sv")


# -- reserve dates ---------------------------------------------------------------------


def test_reserve_dates_are_tentative_free_days_not_counted() -> None:
    problem = council(
        series=tuple(attrs.evolve(s, reserve=1) if s.id == "kf" else s for s in council().series)
    )
    result = solve(problem, OPTIONS)
    assert result.plan is not None
    assert check(problem, result.plan).ok
    reserves = result.plan.reserves
    assert [(m.id, m.status) for m in reserves] == [
        ("kf-2027-r1", MeetingStatus.TENTATIVE),
        ("kf-2028-r1", MeetingStatus.TENTATIVE),
    ]
    held = {m.date for m in result.plan.of_series("kf")}
    assert not held & {m.date for m in reserves}
    for year, count in by_year(result.plan.meetings, "kf").items():
        assert 8 <= count <= 9, year  # the reserve dates are not counted
    assert all(m.meeting not in {r.id for r in reserves} for m in result.costs if m.meeting)


def test_the_checker_finds_a_reserve_date_on_a_holiday() -> None:
    problem = council(
        series=tuple(attrs.evolve(s, reserve=1) if s.id == "kf" else s for s in council().series)
    )
    result = solve(problem, OPTIONS)
    assert result.plan is not None
    reserve = result.plan.reserves[0]
    easter_monday = dt.date(2027, 3, 29)
    moved = attrs.evolve(reserve, date=easter_monday, end_date=easter_monday)
    plan = attrs.evolve(
        result.plan, meetings=tuple(moved if m is reserve else m for m in result.plan.meetings)
    )
    report = check(problem, plan)
    assert [v.rule for v in report.violations] == [Rule.UNAVAILABLE]
    assert reserve.id in report.violations[0].meetings


def test_too_few_days_for_the_reserve_dates_is_explained() -> None:
    series = (Series("kf", "kf", "KF", "monday", "18:00", "21:00", count=4, reserve=2),)
    problem = Problem(
        "K", "2027-01-04", "2027-02-05", series, bodies=(Body("kf"),)
    )  # five Mondays, four meetings: one day left for two reserve dates
    result = solve(problem, OPTIONS)
    assert result.status is Status.INFEASIBLE
    assert result.explanation is not None
    assert [(r.kind, r.item, r.field) for r in result.explanation.rules] == [
        (Rule.RESERVE, series[0], "reserve")
    ]
    assert result.explanation.summary.render("sv").startswith("KF (måndagar) ska ha 2 reservdatum")


def test_a_pin_on_a_reserve_date_confirms_it_and_keeps_its_id() -> None:
    problem = council(
        series=tuple(
            attrs.evolve(s, reserve=1, count=Count(8, 10, 9, per="year")) if s.id == "kf" else s
            for s in council().series
        )
    )
    result = solve(problem, OPTIONS)
    assert result.plan is not None
    reserve = result.plan.reserves[0]
    pinned = problem.evolve(pins=(Pin("kf", reserve.date),))
    again = replan(pinned, result.plan, options=OPTIONS)
    assert again.result.plan is not None
    assert check(pinned, again.result.plan).ok
    confirmed = again.result.plan.get(reserve.id)
    assert confirmed is not None
    assert confirmed.held
    assert confirmed.sequence == reserve.sequence + 1
    assert [(before.id, now.status) for before, now in again.changes.moved_or_changed] == [
        (reserve.id, MeetingStatus.CONFIRMED)
    ]
    # the year's one reserve date is used: no new one; the other year keeps its own
    assert [m.id for m in again.result.plan.reserves] == [r.id for r in result.plan.reserves[1:]]


def test_a_reserve_date_that_closes_is_replaced() -> None:
    problem = council(
        series=tuple(attrs.evolve(s, reserve=1) if s.id == "kf" else s for s in council().series)
    )
    result = solve(problem, OPTIONS)
    assert result.plan is not None
    reserve = result.plan.reserves[0]
    closed = problem.evolve(
        unavailable=(*problem.unavailable, ClosedDates("Stängt", [reserve.date]))
    )
    again = replan(closed, result.plan, options=OPTIONS)
    assert again.result.plan is not None
    assert check(closed, again.result.plan).ok
    cancelled = again.result.plan.get(reserve.id)
    assert cancelled is not None
    assert cancelled.cancelled
    assert [m.id for m in again.changes.cancelled] == [reserve.id]
    assert [m.id for m in again.changes.added] == ["kf-2027-r2"]


# -- representatives -------------------------------------------------------------------


def test_invitees_are_the_bodys_representatives_on_the_day() -> None:
    body = Body(
        "kf",
        "KF",
        members=("s", "m"),
        representatives=(
            Representative("s", "Anna", "anna@example.se", "ledamot"),
            Representative("m", "Per", "per@example.se", "ersättare"),
            Representative("m", "Maria", "maria@example.se", "ledamot", end="2027-06-30"),
        ),
    )
    problem = council(bodies=(body, Body("ks", "KS")), members=(Member("s"), Member("m")))
    may = problem.invitees("kf", dt.date(2027, 5, 10))
    assert [(i.name, i.optional) for i in may] == [("Anna", False), ("Per", True), ("Maria", False)]
    autumn = problem.invitees("kf", dt.date(2027, 9, 13))
    assert [i.name for i in autumn] == ["Anna", "Per"]
    assert problem.invitees("ks", dt.date(2027, 5, 11)) == ()


# -- the configuration -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new", "key", "words"),
    [
        (
            "start = 2030-08-05\nend = 2030-09-04",
            "start = 2031-08-05\nend = 2031-09-04",
            "milestones[4].start",
            "inside the period",
        ),
        (
            'per = "year" }\nmin_gap_days = 21\nlocations = ["Sessionssalen',
            'per = "month" }\nmin_gap_days = 21\nlocations = ["Sessionssalen',
            "series[0].count.per",
            '"period" or "year"',
        ),
        ("reserve = 1", "reserve = -1", "series[0].reserve", ">= 0"),
        (
            '{ member = "v", name = "Ali Hassan", email = "ali.hassan@sjostad.example.se",'
            ' role = "ersättare" }',
            '{ member = "kd", name = "Ali Hassan", email = "ali.hassan@sjostad.example.se",'
            ' role = "ersättare" }',
            "bodies[1].representatives[5].member",
            "not a member of body 'ks'",
        ),
        (
            'email = "lina.bjork@sjostad.example.se"',
            'email = "lina.bjork"',
            "bodies[0].representatives[12].email",
            "e-mail address",
        ),
    ],
)
def test_bad_municipal_keys_name_the_key(old: str, new: str, key: str, words: str) -> None:
    assert old in TEXT, old
    with pytest.raises(ConfigError) as caught:
        config_from_text(TEXT.replace(old, new, 1), path="kommun.toml")
    assert caught.value.key.startswith(key), caught.value.key
    assert words in caught.value.render("en")


def test_a_milestone_on_no_day_its_series_meets_is_an_error() -> None:
    text = TEXT.replace(
        'short = "V"\nstart = 2030-08-05\nend = 2030-09-04',
        'short = "V"\nstart = 2030-09-05\nend = 2030-09-06',
    )
    with pytest.raises(ConfigError) as caught:
        config_from_text(text, path="kommun.toml")
    assert caught.value.key == "milestones[4].start"
    assert "may meet on no day" in caught.value.render("en")


def test_the_cli_says_a_bad_key_in_swedish_and_exits_2(tmp_path: Path) -> None:
    broken = tmp_path / "kommun.toml"
    broken.write_text(TEXT.replace("reserve = 1", "reserve = -1"), encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "motesplan", "plan", str(broken)],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )
    assert done.returncode == 2
    assert "nyckel 'series[0].reserve'" in done.stderr
    assert "Traceback" not in done.stderr


# -- the four-year example ---------------------------------------------------------------


@pytest.fixture(scope="module")
def example() -> tuple[Problem, object]:
    config = load_config(EXAMPLE)
    return config.problem, solve(config.problem, SolveOptions(time_limit=10))


def test_the_example_plans_within_the_default_limit(example: tuple[Problem, object]) -> None:
    problem, result = example
    assert result.status.has_plan  # type: ignore[attr-defined]
    plan = result.plan  # type: ignore[attr-defined]
    assert check(problem, plan).ok
    for series in problem.series:
        counts = by_year(plan.meetings, series.id)
        for year, count in problem.counts_of(series):
            assert count.min <= counts.get(year, 0) <= count.max, (series.id, year)


def test_every_milestone_of_the_example_is_met_and_labelled(
    example: tuple[Problem, object],
) -> None:
    problem, result = example
    plan = result.plan  # type: ignore[attr-defined]
    for milestone in problem.milestones:
        for window in milestone.windows(problem.start, problem.end):
            labelled = [m for m in plan.meetings if milestone.name in m.labels and m.date in window]
            assert len(labelled) == milestone.count, (milestone.name, window)
            assert all(m.series == milestone.series for m in labelled)


def test_the_example_holds_a_reserve_date_a_year_for_the_council(
    example: tuple[Problem, object],
) -> None:
    _, result = example
    reserves = result.plan.reserves  # type: ignore[attr-defined]
    assert [(m.series, m.date.year) for m in reserves] == [("kf", y) for y in range(2027, 2031)]
    assert all(m.tentative for m in reserves)
    assert not any(m.date == dt.date(2030, 9, 8) for m in result.plan.meetings)  # type: ignore[attr-defined]


# -- property: plans with the municipal rules pass the checker ---------------------------


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(problems(municipal=True, max_length=420))
def test_every_municipal_plan_passes_the_checker_at_its_cost(problem: Problem) -> None:
    result = solve(problem, SolveOptions(time_limit=10))
    if result.plan is None:
        assert result.reason is not None
        return
    report = check(problem, result.plan)
    assert report.violations == ()
    key = lambda c: (c.rule, c.subject, c.meeting or "", c.year or 0, c.points)  # noqa: E731
    assert sorted(report.costs, key=key) == sorted(result.costs, key=key)
    assert report.objective == result.objective


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(problems(municipal=True, max_length=420, pins="any", windows=True))
def test_every_constructed_municipal_plan_keeps_every_rule(problem: Problem) -> None:
    found = _constructed_plan(problem)
    if found is None:
        return  # no constructed plan: the search starts without one
    plan, cost = found
    report = check(problem, plan)
    assert report.violations == ()
    assert report.objective == cost
