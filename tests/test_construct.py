"""The plan at once (solver/planner/construct.py), the finer parts, the spread windows and the
neighbourhood search: every constructed plan keeps every hard rule, its cost is the
checker's, and the solver returns it when the time limit comes first."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings

from motesplan import (
    Body,
    Count,
    FreeDays,
    Link,
    Plan,
    Problem,
    Series,
    SolveOptions,
    Status,
    check,
    solve,
)
from motesplan.planner.objective import link_order, spread_windows
from motesplan.planner.plan import number_meetings
from motesplan.solver.planner.construct import _require, construct
from motesplan.solver.planner.model import PlanModel
from motesplan.solver.planner.neighbourhood import Neighbourhoods, improve
from motesplan.solver.planner.parts import build_meeting, parts
from tests.strategies import problems

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"


def _constructed_plan(problem: Problem) -> tuple[Plan, int] | None:
    """Every part constructed, as one plan, and the constructed cost; ``None`` when a
    part has no constructed plan."""
    calendar = FreeDays(problem)
    slots = []
    cost = 0
    for group in parts(problem, calendar):
        built = construct(problem, calendar, group)
        if built is None:
            return None
        cost += built.cost
        slots.extend(slot for chosen in built.chosen.values() for slot in chosen)
        # the model agrees on the cost, and takes the plan as a complete hint
        assert PlanModel(problem, calendar, group).start_from(built.chosen) == built.cost
    meetings = number_meetings(build_meeting(problem, slot) for slot in slots)
    return Plan(problem.start, problem.end, meetings, problem.timezone, problem.name), cost


# -- properties ------------------------------------------------------------------------


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(problems(pins="any", closed_dates=True, afternoons=True, windows=True))
def test_every_constructed_plan_keeps_every_rule_at_the_checkers_cost(problem: Problem) -> None:
    found = _constructed_plan(problem)
    if found is None:
        return  # no constructed plan: the search starts without one
    plan, cost = found
    report = check(problem, plan)
    assert report.violations == ()
    assert report.objective == cost


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(problems())
def test_a_plan_at_the_time_limit_keeps_every_rule(problem: Problem) -> None:
    # so short a limit that the search rarely finishes: the plan is the constructed one
    result = solve(problem, SolveOptions(time_limit=0.01))
    if result.plan is None:
        assert result.status in (Status.INFEASIBLE, Status.TIMED_OUT)
        return
    report = check(problem, result.plan)
    assert report.violations == ()
    assert report.objective == result.objective
    assert result.bound is not None
    assert result.bound <= result.objective


# -- the constructor on realistic plans -------------------------------------------------


@pytest.fixture(scope="module")
def realistic() -> object:
    sys.path.insert(0, str(BENCHMARKS))
    try:
        import _realistic  # noqa: PLC0415
        import bench_plan  # noqa: PLC0415
    finally:
        sys.path.remove(str(BENCHMARKS))
    return _realistic, bench_plan


@pytest.mark.parametrize("case", ["municipality", "region", "generated 40x1", "generated 10x4"])
def test_a_plan_is_built_for_every_part_of_realistic_plans(realistic: object, case: str) -> None:
    module, bench = realistic  # type: ignore[misc]
    if case == "municipality":
        problem = module.municipality(1)
    elif case == "region":
        problem = module.region(1)
    else:
        series, years = case.split()[1].split("x")
        problem = bench.generate(int(series), int(years), 1)
    found = _constructed_plan(problem)
    assert found is not None
    plan, cost = found
    report = check(problem, plan)
    assert report.violations == ()
    assert report.objective == cost


def test_backward_construction_meets_the_windows_of_a_hard_chain() -> None:
    # counts so tight that each follower needs its preparer just before every meeting:
    # placed in link order the preparer does not know where; backward it does
    def weekly(series_id: str, weekday: str, count: int) -> Series:
        return Series(
            series_id,
            series_id,
            series_id.upper(),
            weekday,
            "09:00",
            "10:00",
            count=count,
            min_gap_days=21,
        )

    problem = Problem(
        "Kedja",
        "2025-01-01",
        "2025-06-30",
        bodies=[Body("au"), Body("n"), Body("ks")],
        series=[weekly("au", "monday", 7), weekly("n", "tuesday", 7), weekly("ks", "thursday", 7)],
        links=[Link("au", "n", 7, 8), Link("n", "ks", 9, 10)],
    )
    found = _constructed_plan(problem)
    assert found is not None
    assert check(problem, found[0]).violations == ()


# -- parts, windows, the dynamic programme's windows -----------------------------------


def test_series_of_one_body_on_different_weekdays_are_independent_parts() -> None:
    def series(series_id: str, weekday: str) -> Series:
        return Series(series_id, "b", series_id, weekday, "09:00", "10:00", count=2)

    problem = Problem(
        "X",
        "2025-01-01",
        "2025-03-31",
        bodies=[Body("b")],
        series=[series("mon", "monday"), series("tue", "tuesday"), series("mon2", "monday")],
    )
    assert [[s.id for s in part] for part in parts(problem)] == [["mon", "mon2"], ["tue"]]


def test_a_followers_window_starts_where_its_link_lets_it() -> None:
    def weekly(series_id: str) -> Series:
        return Series(series_id, series_id, series_id, "monday", "09:00", "10:00", count=4)

    problem = Problem(
        "X",
        "2025-01-06",
        "2025-06-30",
        bodies=[Body("a"), Body("b"), Body("c")],
        series=[weekly("c"), weekly("b"), weekly("a")],
        links=[Link("a", "b", 14, 21), Link("b", "c", 7, 14)],
    )
    assert link_order(problem) == ("a", "b", "c")
    calendar = FreeDays(problem)
    windows = spread_windows(problem, lambda s: [slot.date for slot in calendar.slots(s)])
    last = len(calendar.slots("a")) - 1
    assert windows["a"] == (0, last)
    assert windows["b"] == (2, last)  # 14 days after a's first Monday
    assert windows["c"] == (3, last)  # 7 days after b's window starts


def test_required_windows_forbid_every_step_that_jumps_over_one() -> None:
    size = 6
    start, end = np.zeros(size), np.zeros(size)
    move = np.zeros((size, size))
    _require([(2, 3)], start, end, move)
    assert list(np.isfinite(start)) == [True, True, True, True, False, False]
    assert list(np.isfinite(end)) == [False, False, True, True, True, True]
    assert not np.isfinite(move[1, 4])  # from before the window to after it
    assert np.isfinite(move[1, 3])
    assert np.isfinite(move[2, 5])


def test_the_neighbourhood_search_keeps_every_rule_and_never_costs_more(
    realistic: object,
) -> None:
    module, _ = realistic  # type: ignore[misc]
    problem = module.municipality(1)
    calendar = FreeDays(problem)
    group = max(parts(problem, calendar), key=len)
    model = PlanModel(problem, calendar, group)
    built = construct(problem, calendar, group)
    assert built is not None
    before = model.start_from(built.chosen)
    search = Neighbourhoods(problem, calendar, group)
    assert search.groups
    improve(model, search, 3.0)
    assert model.best_cost is not None
    assert before is not None
    assert model.best_cost <= before
    assert model.hint_values is not None
    chosen = model.chosen_slots(model.hint_values)
    slots = [slot for series in group for slot in chosen[series.id]]
    plan = Plan(
        problem.start, problem.end, number_meetings(build_meeting(problem, s) for s in slots)
    )
    others = {s.id for s in group}
    report = check(
        problem.evolve(
            series=group,
            links=[
                link for link in problem.links if link.after in others and link.before in others
            ],
            pins=[pin for pin in problem.pins if pin.series in others],
        ),
        plan,
    )
    assert report.violations == ()
    assert report.objective == model.best_cost


def test_the_constructed_plan_is_returned_when_the_limit_comes_first(realistic: object) -> None:
    module, _ = realistic  # type: ignore[misc]
    problem = module.region(1, 4)
    result = solve(problem, SolveOptions(time_limit=0.5))
    assert result.status is Status.FEASIBLE
    assert result.plan is not None
    assert check(problem, result.plan).violations == ()


def test_a_lone_series_takes_its_preferred_count() -> None:
    # a series with a count range takes its preferred count when nothing else costs
    problem = Problem(
        "X",
        "2025-01-01",
        "2025-12-31",
        bodies=[Body("b")],
        series=[Series("s", "b", "S", "friday", "09:00", "10:00", count=Count(4, 8, 6))],
    )
    calendar = FreeDays(problem)
    built = construct(problem, calendar, problem.series)
    assert built is not None
    assert len(built.chosen["s"]) == 6
    assert built.chosen["s"][0].date > dt.date(2025, 1, 1)
