"""The solver: the example's rules hold, plans are deterministic, impossible rules are a
result (not an error), and every plan it returns passes the independent checker."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from motesplan import (
    Body,
    ClosedDates,
    ClosedPeriod,
    Link,
    Pin,
    Problem,
    Progress,
    Result,
    Series,
    SolveOptions,
    Status,
    ValidationError,
    check,
    result_to_json,
    solve,
)
from tests.strategies import problems


def _cost_keys(result: Result) -> list[tuple[str, str, int, int, str | None]]:
    return sorted((c.rule, c.subject, c.points, c.amount, c.meeting) for c in result.costs)


# -- the Södertörn 2024 example -------------------------------------------------


def test_example_is_optimal_and_keeps_every_rule(
    sodertorn: Problem, sodertorn_result: Result
) -> None:
    assert sodertorn_result.status is Status.OPTIMAL
    assert sodertorn_result.objective == sodertorn_result.bound
    plan = sodertorn_result.plan
    assert plan is not None
    assert check(sodertorn, plan).ok
    lg, sk, pk = plan.of_series("lg"), plan.of_series("sk"), plan.of_series("pk")
    assert 9 <= len(lg) <= 10
    assert 7 <= len(sk) <= 8
    assert all(m.date.weekday() == 4 and m.date.month != 7 for m in lg)
    assert all(m.date.weekday() == 3 and m.date.month != 7 for m in sk)
    assert len(pk) == 1
    assert pk[0].date.month == 1
    assert pk[0].end_date == pk[0].date + dt.timedelta(1)
    for meeting in sk:  # each committee meeting 20-27 days after a management-group meeting
        assert any(20 <= (meeting.date - other.date).days <= 27 for other in lg)


def test_example_is_spread_over_the_whole_year(sodertorn_result: Result) -> None:
    plan = sodertorn_result.plan
    assert plan is not None
    for series in ("lg", "sk"):
        months = {m.date.month for m in plan.of_series(series)}
        assert min(months) <= 2
        assert max(months) >= 11  # not bunched at the start: meetings after October
        quarters = {(month - 1) // 3 for month in months}
        assert quarters == {0, 1, 2, 3}


def test_example_pin_is_kept_with_its_own_time_and_place(sodertorn_result: Result) -> None:
    plan = sodertorn_result.plan
    assert plan is not None
    december = [m for m in plan.of_series("lg") if m.date == dt.date(2024, 12, 13)]
    assert len(december) == 1
    meeting = december[0]
    assert (meeting.start, meeting.end) == (dt.time(8, 30), dt.time(11))
    assert meeting.location == "Folkes, Huddinge Centrum"
    assert meeting.pinned
    assert "Region Stockholm" in meeting.note


def test_example_meeting_ids_are_stable(sodertorn_result: Result) -> None:
    plan = sodertorn_result.plan
    assert plan is not None
    assert [m.id for m in plan.of_series("lg")][:3] == ["lg-2024-01", "lg-2024-02", "lg-2024-03"]
    assert len({m.id for m in plan.meetings}) == len(plan.meetings)


def test_same_plan_whatever_the_number_of_workers(
    sodertorn: Problem, sodertorn_result: Result
) -> None:
    expected = result_to_json(sodertorn_result)
    for workers in (1, 3):
        again = solve(sodertorn, SolveOptions(workers=workers, time_limit=30))
        assert result_to_json(again) == expected


def test_progress_is_reported(small: Problem) -> None:
    seen: list[Progress] = []
    result = solve(small, SolveOptions(on_progress=seen.append))
    assert result.status is Status.OPTIMAL
    assert seen
    assert seen[-1].objective == pytest.approx(seen[-1].objective)
    assert all(1 <= report.part <= report.parts for report in seen)


# -- impossible rules are a result -------------------------------------------------


def test_too_many_meetings_for_the_free_days(small: Problem) -> None:
    closed = small.evolve(unavailable=(ClosedPeriod("Stängt", "2024-02-01", "2024-06-30"),))
    result = solve(closed)
    assert result.status is Status.INFEASIBLE
    assert result.plan is None
    assert result.reason is not None
    assert result.reason.render("sv") == (
        "Alfa (fredagar) ska ha 5 möten (bara 4 av periodens 26 möjliga dagar är lediga), men "
        "2 februari, 9 februari, 16 februari, 23 februari, 1 mars, 8 mars, 15 mars, 22 mars och "
        "14 till är otillgängliga (Stängt 1 februari–30 juni)"
    )


def test_link_window_no_pair_of_weekdays_can_meet(small: Problem) -> None:
    # Thursdays follow Fridays after 6, 13, 20 ... days: a 1-5 day window never holds.
    impossible = small.evolve(links=(Link("a", "b", 1, 5, hard=True),))
    result = solve(impossible)
    assert result.status is Status.INFEASIBLE
    assert result.reason is not None
    assert result.reason.render("sv") == (
        "Beta (torsdagar) ska ha 4 möten, men varje möte i Beta ska ligga 1–5 dagar efter ett "
        "möte i Alfa (fredagar) (från en fredag till en torsdag är det 6, 13, 20, … dagar)"
    )


def test_pin_on_a_holiday_is_infeasible_with_the_reason(small: Problem) -> None:
    pinned = small.evolve(pins=(Pin("a", "2024-05-10"),))  # not a holiday in public/de_facto
    assert solve(pinned).status is Status.OPTIMAL
    on_holiday = small.evolve(
        pins=(Pin("b", "2024-05-09"),)  # Kristi himmelsfärdsdag, a Thursday
    )
    result = solve(on_holiday)
    assert result.status is Status.INFEASIBLE
    assert result.reason is not None
    assert "Kristi himmelsfärdsdag" in result.reason.render("sv")


def test_soft_unavailable_time_is_avoided_when_possible(small: Problem) -> None:
    fridays = [dt.date(2024, 1, 5) + dt.timedelta(weeks=w) for w in range(26)]
    soft = small.evolve(
        unavailable=(ClosedDates("Helst inte", fridays[::2], series=("a",), weight=500),)
    )
    result = solve(soft)
    assert result.plan is not None
    assert not {m.date for m in result.plan.of_series("a")} & set(fridays[::2])
    assert check(soft, result.plan).ok


def test_two_series_of_one_body_never_overlap() -> None:
    def problem(count: int) -> Problem:
        return Problem(
            "T",
            "2024-01-01",
            "2024-01-31",
            bodies=(Body("x"),),
            series=(
                Series("a", "x", "A", "monday", "09:00", "12:00", count=count),
                Series("b", "x", "B", "monday", "11:00", "13:00", count=1),
            ),
        )

    fits = solve(problem(4))  # five Mondays in January 2024: four plus one fit
    assert fits.plan is not None
    assert len({m.date for m in fits.plan.meetings}) == 5
    assert solve(problem(5)).status is Status.INFEASIBLE  # overlapping times on the same day


# -- property: every plan the solver returns passes the checker --------------------------


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(problems())
def test_every_returned_plan_passes_the_checker(problem: Problem) -> None:
    result = solve(problem, SolveOptions(time_limit=20))
    assert result.status in (Status.OPTIMAL, Status.FEASIBLE, Status.INFEASIBLE)
    if result.plan is None:
        assert result.reason is not None
        assert result.reason.render("sv")
        return
    report = check(problem, result.plan)
    assert report.violations == ()
    assert sorted((c.rule, c.subject, c.points, c.amount, c.meeting) for c in report.costs) == (
        _cost_keys(result)
    )
    assert report.objective == result.objective


@settings(max_examples=80, deadline=None)
@given(
    start=st.dates(dt.date(2020, 1, 1), dt.date(2030, 1, 1)),
    days=st.integers(-10, 400),
    weekdays=st.lists(
        st.one_of(st.integers(-2, 8), st.sampled_from(["fredag", "fri", "noday"])), max_size=3
    ),
    count=st.integers(-1, 60),
    times=st.tuples(
        st.sampled_from(["09:00", "25:00", "9.30", "x"]), st.sampled_from(["11:30", "08:00"])
    ),
)
def test_bad_input_only_raises_the_documented_error(
    start: dt.date, days: int, weekdays: list[object], count: int, times: tuple[str, str]
) -> None:
    try:
        problem = Problem(
            "X",
            start,
            start + dt.timedelta(days=days),
            bodies=(Body("a"),),
            series=(Series("s", "a", "S", weekdays, times[0], times[1], count=count),),
        )
    except ValidationError:
        return
    result = solve(problem, SolveOptions(time_limit=10))
    assert result.status in (Status.OPTIMAL, Status.INFEASIBLE)


def test_result_without_plan_has_no_costs(small: Problem) -> None:
    result = solve(small.evolve(links=(Link("a", "b", 1, 5),)))
    assert result.costs == ()
    assert result.objective is None
    assert attrs.asdict(result)["plan"] is None
