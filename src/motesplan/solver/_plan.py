"""Solving a whole problem: split it into independent parts, solve each, merge."""

from __future__ import annotations

import time
from collections.abc import Callable

import attrs

from motesplan.freedays import Calendar, Slot
from motesplan.model import Problem, Series
from motesplan.plan import Meeting, Plan, Result, Status, number_meetings
from motesplan.solver._cpsat import PlanModel
from motesplan.solver._explain import explain
from motesplan.solver._options import Progress, SolveOptions
from motesplan.text import format_date, phrase

__all__ = ["parts", "solve"]

PROBE_SECONDS = 1.0
"""The first search per part, which usually proves a one-year plan optimal outright."""
PROBE_SHARE = 0.2
"""At most this share of the time left goes to the first searches."""
EXPLAIN_SHARE = 0.5
"""When no plan exists, explaining why may take this share of the time limit, on top
of the time the solve took (a conflict is usually explained in well under a second)."""


def parts(problem: Problem) -> tuple[tuple[Series, ...], ...]:
    """The independent parts of a problem: series joined by a link or a shared body.

    >>> from motesplan import Body, Link, Problem, Series
    >>> def weekly(id, body):
    ...     return Series(id, body, id.upper(), "monday", "09:00", "10:00", count=2)
    >>> problem = Problem("X", "2024-01-01", "2024-03-31", bodies=[Body("a"), Body("b"), Body("c")],
    ...     series=[weekly("a1", "a"), weekly("a2", "a"), weekly("b1", "c"), weekly("b2", "b")],
    ...     links=[Link("a1", "b2", 7, 14)])
    >>> [[s.id for s in part] for part in parts(problem)]
    [['a1', 'a2', 'b2'], ['b1']]
    """
    root = {series.id: series.id for series in problem.series}

    def find(item: str) -> str:
        while root[item] != item:
            root[item] = root[root[item]]
            item = root[item]
        return item

    def join(first: str, second: str) -> None:
        a, b = find(first), find(second)
        if a != b:
            root[max(a, b)] = min(a, b)

    for link in problem.links:
        join(link.before, link.after)
    first_of_body: dict[str, str] = {}
    for series in problem.series:
        join(series.id, first_of_body.setdefault(series.body, series.id))
    grouped: dict[str, list[Series]] = {}
    for series in problem.series:
        grouped.setdefault(find(series.id), []).append(series)
    return tuple(tuple(group) for group in grouped.values())


def _precheck(problem: Problem, calendar: Calendar) -> tuple[str, str] | None:
    """When a plan is impossible for an obvious reason, the series and a one-line
    reason; else ``None``. (The planner's model does not itself keep a pinned meeting
    off unavailable time: this check does.)"""
    language = problem.language
    for series in problem.series:
        slots = calendar.slots(series.id)
        for slot in slots:
            if slot.hard_blocks:
                reasons = "; ".join(sorted({block.reason for block in slot.hard_blocks}))
                return series.id, phrase(
                    "reason.pin_blocked",
                    language,
                    title=series.name,
                    date=format_date(slot.date, language),
                    reasons=reasons,
                )
        if len(slots) < series.count.min:
            return series.id, phrase(
                "reason.too_few_days",
                language,
                title=series.name,
                count=series.count.min,
                free=len(slots),
            )
    return None


def _infeasible(
    problem: Problem,
    part: tuple[Series, ...],
    fallback: str,
    options: SolveOptions,
    started: float,
) -> Result:
    """The result when ``part`` has no plan: its explanation, whose summary is the
    reason (``fallback`` when no explanation was found in time)."""
    explanation = explain(problem, part, time_limit=EXPLAIN_SHARE * options.time_limit)
    return Result(
        Status.INFEASIBLE,
        reason=explanation.summary if explanation is not None else fallback,
        runtime=time.perf_counter() - started,
        explanation=explanation,
    )


def _proven_infeasible(
    problem: Problem, timed_out: list[tuple[Series, ...]], options: SolveOptions, started: float
) -> Result | None:
    """When the search found no plan in time: the explanation's model, with no
    objective and a few implied rules the planner's model lacks, often proves at once
    that there is none. Then an infeasible result with its explanation; else ``None``."""
    deadline = time.perf_counter() + EXPLAIN_SHARE * options.time_limit
    for part in timed_out:
        left = deadline - time.perf_counter()
        if left <= 0:
            break
        explanation = explain(problem, part, time_limit=left)
        if explanation is not None:
            return Result(
                Status.INFEASIBLE,
                reason=explanation.summary,
                runtime=time.perf_counter() - started,
                explanation=explanation,
            )
    return None


def build_meeting(problem: Problem, slot: Slot) -> Meeting:
    """The meeting a chosen slot makes (without its id)."""
    series = problem.get_series(slot.series)
    pin = slot.pin
    return Meeting(
        id="",
        series=series.id,
        title=(pin.title if pin and pin.title else series.name),
        date=slot.date,
        start=slot.start,
        end=slot.end,
        end_date=slot.end_date,
        location=slot.location,
        form=(pin.form if pin and pin.form else series.form),
        note=(pin.note if pin and pin.note else series.note),
        pinned=pin is not None,
    )


def _reporter(
    callback: Callable[[Progress], None], part: int, parts: int, started: float
) -> Callable[[float, float, float], None]:
    def report(objective: float, bound: float, _: float) -> None:
        callback(Progress(part, parts, objective, bound, time.perf_counter() - started))

    return report


def merge_status(statuses: list[Status]) -> Status:
    """The status of a whole problem: the worst of its parts'."""
    for status in (Status.INFEASIBLE, Status.TIMED_OUT, Status.FEASIBLE):
        if status in statuses:
            return status
    return Status.OPTIMAL


def solve(problem: Problem, options: SolveOptions | None = None) -> Result:
    """Find the best plan that keeps every hard rule of ``problem``.

    Args:
        problem: the problem.
        options: time limit, workers, determinism, progress (default :class:`SolveOptions`).

    Returns:
        A :class:`~motesplan.Result`. When no plan exists its status is
        ``infeasible``, ``explanation`` names a small set of rules that cannot hold
        together (found in at most :data:`EXPLAIN_SHARE` of the time limit, after
        the solve) and ``reason`` says it in one line; that is not an error. The
        first independent part without a plan is explained. When the search finds
        no plan in time, the explanation's model gets the same extra time to prove
        that none exists (then the result is infeasible, with its explanation); a
        result that stays ``timed_out`` has no explanation.

    >>> from motesplan import Body, Problem, Series
    >>> problem = Problem("X", "2024-01-01", "2024-03-31", bodies=[Body("a")],
    ...     series=[Series("m", "a", "Möte", "friday", "09:00", "10:00", count=3)])
    >>> result = solve(problem)
    >>> result.status.value, [str(m.date) for m in result.plan.meetings]
    ('optimal', ['2024-01-19', '2024-02-16', '2024-03-15'])
    """
    options = options or SolveOptions()
    started = time.perf_counter()
    calendar = Calendar(problem)
    groups = parts(problem)
    obvious = _precheck(problem, calendar)
    if obvious is not None:
        series_id, reason = obvious
        part = next(g for g in groups if any(series.id == series_id for series in g))
        return _infeasible(problem, part, reason, options, started)
    models = [PlanModel(problem, calendar, group) for group in groups]
    deadline = started + options.time_limit

    def left() -> float:
        return deadline - time.perf_counter()

    def search(number: int, model: PlanModel, seconds: float) -> None:
        report = None
        if options.on_progress is not None:
            report = _reporter(options.on_progress, number, len(models), started)
        model.search(seconds, options.workers, log=options.log, report=report)

    # 1. A short search per part: it usually proves the optimum outright.
    for number, model in enumerate(models, start=1):
        probe = min(PROBE_SECONDS, PROBE_SHARE * left() / (len(models) - number + 1))
        search(number, model, probe)
    # 2. Any plan at all for the parts still without one: without it there is no plan.
    for index, model in enumerate(models):
        if model.status is Status.TIMED_OUT:
            waiting = sum(1 for m in models[index:] if m.status is Status.TIMED_OUT)
            model.find_plan(left() / waiting, options.workers, log=options.log)
    # 3. The rest of the time improves the parts not yet proven best, from their plans.
    for index, model in enumerate(models):
        if model.status is Status.FEASIBLE:
            open_parts = sum(1 for m in models[index:] if m.status is Status.FEASIBLE)
            search(index + 1, model, left() / open_parts)
    outcomes = [
        model.result(canonical=options.canonical, time_limit=left() / (len(models) - index))
        for index, model in enumerate(models)
    ]
    status = merge_status([outcome.status for outcome in outcomes])
    runtime = time.perf_counter() - started
    if not status.has_plan:
        failed = [group for group, o in zip(groups, outcomes, strict=False) if o.status is status]
        names = ", ".join(f"{series.name} ({series.id})" for series in failed[0])
        if status is Status.INFEASIBLE:
            reason = phrase("reason.infeasible", problem.language, names=names)
            return _infeasible(problem, failed[0], reason, options, started)
        proven = _proven_infeasible(problem, failed, options, started)
        if proven is not None:
            return proven
        reason = phrase(
            "reason.timed_out", problem.language, names=names, seconds=f"{options.time_limit:g}"
        )
        return Result(status, reason=reason, runtime=time.perf_counter() - started)
    meetings = number_meetings(
        build_meeting(problem, slot) for outcome in outcomes for slot in outcome.chosen
    )
    ids = {f"{m.series}@{m.date}": m.id for m in meetings}
    costs = tuple(
        attrs.evolve(cost, meeting=ids.get(cost.meeting, cost.meeting)) if cost.meeting else cost
        for outcome in outcomes
        for cost in outcome.costs
    )
    plan = Plan(problem.start, problem.end, meetings, problem.timezone, problem.name)
    return Result(
        status=status,
        plan=plan,
        objective=sum(o.objective or 0 for o in outcomes),
        bound=sum(o.bound or 0 for o in outcomes),
        costs=tuple(c for c in costs if c.points or c.amount),
        runtime=runtime,
    )
