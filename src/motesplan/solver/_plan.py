"""Solving a whole problem: split it into independent parts, solve each, merge."""

from __future__ import annotations

import time
from collections.abc import Callable

import attrs

from motesplan.freedays import Calendar, Slot
from motesplan.model import Problem, Series
from motesplan.plan import Meeting, Plan, Result, Status, number_meetings
from motesplan.solver._cpsat import PartResult, PlanModel
from motesplan.solver._options import Progress, SolveOptions
from motesplan.text import format_date, phrase

__all__ = ["parts", "solve"]


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


def _precheck(problem: Problem, calendar: Calendar) -> str:
    """A one-line reason when a plan is impossible for an obvious reason, else ``""``."""
    language = problem.language
    for series in problem.series:
        slots = calendar.slots(series.id)
        for slot in slots:
            if slot.hard_blocks:
                reasons = "; ".join(sorted({block.reason for block in slot.hard_blocks}))
                return phrase(
                    "reason.pin_blocked",
                    language,
                    title=series.name,
                    date=format_date(slot.date, language),
                    reasons=reasons,
                )
        if len(slots) < series.count.min:
            return phrase(
                "reason.too_few_days",
                language,
                title=series.name,
                count=series.count.min,
                free=len(slots),
            )
    return ""


def _meeting(problem: Problem, slot: Slot) -> Meeting:
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


def _merge_status(statuses: list[Status]) -> Status:
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
        ``infeasible`` and ``reason`` says why in one line; that is not an error.

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
    reason = _precheck(problem, calendar)
    if reason:
        return Result(Status.INFEASIBLE, reason=reason, runtime=time.perf_counter() - started)
    groups = parts(problem)
    outcomes: list[PartResult] = []
    for number, group in enumerate(groups, start=1):
        report = None
        if options.on_progress is not None:
            report = _reporter(options.on_progress, number, len(groups), started)
        model = PlanModel(problem, calendar, group)
        # what is left, shared by the parts still to solve (time a part leaves unused
        # goes to the next ones); the model's build time is already spent
        remaining = options.time_limit - (time.perf_counter() - started)
        share = max(remaining / (len(groups) - number + 1), 0.01)
        outcome = model.solve(
            time_limit=share,
            workers=options.workers,
            canonical=options.canonical,
            log=options.log,
            report=report,
        )
        outcomes.append(outcome)
        if not outcome.status.has_plan:
            break
    status = _merge_status([outcome.status for outcome in outcomes])
    runtime = time.perf_counter() - started
    if not status.has_plan:
        failed = [
            group for group, o in zip(groups, outcomes, strict=False) if not o.status.has_plan
        ]
        names = ", ".join(f"{series.name} ({series.id})" for series in failed[0])
        if status is Status.INFEASIBLE:
            reason = phrase("reason.infeasible", problem.language, names=names)
        else:
            reason = phrase(
                "reason.timed_out", problem.language, names=names, seconds=f"{options.time_limit:g}"
            )
        return Result(status, reason=reason, runtime=runtime)
    meetings = number_meetings(
        _meeting(problem, slot) for outcome in outcomes for slot in outcome.chosen
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
