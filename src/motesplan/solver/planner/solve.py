"""Solving a whole problem: split it into independent parts, build a plan of each at
once, search them side by side, merge."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor

import attrs
from attrs import define

from motesplan.planner.checker import check
from motesplan.planner.freedays import FreeDays
from motesplan.planner.plan import Cost, Plan, Result, Status, label_meetings, number_meetings
from motesplan.planner.problem import Problem, Series
from motesplan.planner.reserve import place_reserves
from motesplan.planner.rules import MeetingRef
from motesplan.solver.options import Progress, SolveOptions
from motesplan.solver.planner.construct import Construction, construct, improve_construction
from motesplan.solver.planner.explain import explain, reserve_shortfall
from motesplan.solver.planner.model import OutOfTime, PartResult, Phase, PlanModel
from motesplan.solver.planner.neighbourhood import Neighbourhoods, improve
from motesplan.solver.planner.parts import build_meeting, parts
from motesplan.text import FullDate, Joined, Message, message

__all__ = ["parts", "solve"]

STALL_SECONDS = 3.0
STALL_SHARE = 0.3
"""A full search that finds no better plan for this share of the time left (at least
:data:`STALL_SECONDS`) stops, and the part's neighbourhoods are searched next."""
MIN_TURN_SECONDS = 0.2
"""No search starts with less time left than this (its presolve would not fit)."""
CANONICAL_SECONDS = 2.0
"""The least time the canonical search of a part proven optimal gets, even after the
limit (only where the search ran on more than one worker)."""
EXPLAIN_FIRST_SHARE = 0.8
"""When a part has no constructed plan, the explanation's model looks for a conflict
first and may take this share of the time left (a minimal conflict on a municipality's
plan takes several seconds; a part without a conflict is usually told in well under
one)."""
EXPLAIN_SHARE = 0.5
"""When no plan exists, explaining why may take this share of the time limit, on top
of the time the solve took (a conflict is usually explained in well under a second)."""


def _precheck(problem: Problem, free_days: FreeDays) -> tuple[str, Message] | None:
    """When a plan is impossible for an obvious reason, the series and a one-line
    reason; else ``None``. (The planner's model does not itself keep a pinned meeting
    off unavailable time: this check does.)"""
    for series in problem.series:
        slots = free_days.slots(series.id)
        for slot in slots:
            if slot.hard_blocks:
                reasons = Joined("; ", dict.fromkeys(block.reason for block in slot.hard_blocks))
                return series.id, message(
                    "reason.pin_blocked",
                    title=series.name,
                    date=FullDate(slot.date),
                    reasons=reasons,
                )
        if len(slots) < series.count.min:
            return series.id, message(
                "reason.too_few_days",
                title=series.name,
                count=series.count.min,
                free=len(slots),
            )
    return None


def _infeasible(
    problem: Problem,
    free_days: FreeDays,
    part: tuple[Series, ...],
    fallback: Message,
    *,
    options: SolveOptions,
    started: float,
) -> Result:
    """The result when ``part`` has no plan: its explanation, whose summary is the
    reason (``fallback`` when no explanation was found in time)."""
    limit = EXPLAIN_SHARE * options.time_limit
    explanation = explain(problem, part, time_limit=limit, free_days=free_days)
    return Result(
        Status.INFEASIBLE,
        reason=explanation.summary if explanation is not None else fallback,
        runtime=time.perf_counter() - started,
        explanation=explanation,
    )


def _proven_infeasible(
    problem: Problem,
    free_days: FreeDays,
    timed_out: list[tuple[Series, ...]],
    options: SolveOptions,
    started: float,
) -> Result | None:
    """When the search found no plan in time: the explanation's model, with no
    objective and a few implied rules the planner's model lacks, often proves at once
    that there is none. Then an infeasible result with its explanation; else ``None``."""
    deadline = time.perf_counter() + EXPLAIN_SHARE * options.time_limit
    for part in timed_out:
        left = deadline - time.perf_counter()
        if left <= 0:
            break
        explanation = explain(problem, part, time_limit=left, free_days=free_days)
        if explanation is not None:
            return Result(
                Status.INFEASIBLE,
                reason=explanation.summary,
                runtime=time.perf_counter() - started,
                explanation=explanation,
            )
    return None


def merge_status(statuses: list[Status]) -> Status:
    """The status of a whole problem: the worst of its parts'."""
    for status in (Status.INFEASIBLE, Status.TIMED_OUT, Status.FEASIBLE):
        if status in statuses:
            return status
    return Status.OPTIMAL


def solve(problem: Problem, options: SolveOptions | None = None) -> Result:
    """Find the best plan that keeps every hard rule of ``problem``.

    First every independent part gets a plan at once, built without search
    (``solver/planner/construct.py``); a part that gets none is checked for a conflict
    among its hard rules before any search, so an impossible problem is answered
    in about a second. Then all parts are searched side by side, each from its
    constructed plan and allowed the whole remaining time, within the ``workers``
    budget; the solve ends as soon as every part is proven optimal.

    Args:
        problem: the problem.
        options: time limit, workers, determinism, progress (default :class:`SolveOptions`).

    Returns:
        A :class:`~motesplan.Result`. When no plan exists its status is
        ``infeasible``, ``explanation`` names a small set of rules that cannot hold
        together and ``reason`` says it in one line; that is not an error. When the
        time limit comes first, the best plan found (at worst the constructed one) is
        ``feasible``, with the proven bound; ``timed_out`` means no plan at all.

    >>> from motesplan import Body, Problem, Series
    >>> problem = Problem("X", "2024-01-01", "2024-03-31", bodies=[Body("a")],
    ...     series=[Series("m", "a", "Möte", "friday", "09:00", "10:00", count=3)])
    >>> result = solve(problem)
    >>> result.status.value, [str(m.date) for m in result.plan.meetings]
    ('optimal', ['2024-01-19', '2024-02-16', '2024-03-15'])
    """
    options = options or SolveOptions()
    started = time.perf_counter()
    deadline = started + options.time_limit
    free_days = FreeDays(problem)
    groups = parts(problem, free_days)
    obvious = _precheck(problem, free_days)
    if obvious is not None:
        series_id, reason = obvious
        part = next(g for g in groups if any(series.id == series_id for series in g))
        return _infeasible(problem, free_days, part, reason, options=options, started=started)

    def left() -> float:
        return deadline - time.perf_counter()

    lock = threading.Lock()

    def reporter(number: int) -> Callable[[float, float, float], None] | None:
        callback = options.on_progress
        if callback is None:
            return None

        def report(objective: float, bound: float, _: float) -> None:
            with lock:  # parts report from their own threads
                callback(Progress(number, len(groups), objective, bound, elapsed()))

        return report

    def elapsed() -> float:
        return time.perf_counter() - started

    # 1. A plan at once for every part; a part without one may have no plan at all.
    built = [construct(problem, free_days, group, improve=False) for group in groups]
    for number, construction in enumerate(built, start=1):
        report = reporter(number)
        if construction is not None and report is not None:
            report(construction.cost, 0, 0)
    for group, construction in zip(groups, built, strict=True):
        if construction is None:
            # before any search, so most of the time may go to a minimal explanation
            limit = max(EXPLAIN_FIRST_SHARE * left(), 0.1)
            explanation = explain(problem, group, time_limit=limit, free_days=free_days)
            if explanation is not None:
                return Result(
                    Status.INFEASIBLE,
                    reason=explanation.summary,
                    runtime=elapsed(),
                    explanation=explanation,
                )
    # 2. Each part, side by side: its plan improved, its model built, searched.
    parts_done = _search_parts(
        problem,
        free_days,
        groups=groups,
        built=built,
        options=options,
        left=left,
        reporter=reporter,
    )
    outcomes = [
        part.model.result(canonical=options.canonical, time_limit=max(left(), CANONICAL_SECONDS))
        if part.model is not None
        else _constructed(part.construction)
        for part in parts_done
    ]
    status = merge_status([outcome.status for outcome in outcomes])
    if not status.has_plan:
        failed = [group for group, o in zip(groups, outcomes, strict=True) if o.status is status]
        names = ", ".join(f"{series.name} ({series.id})" for series in failed[0])
        if status is Status.INFEASIBLE:
            reason = message("reason.infeasible", names=names)
            return _infeasible(
                problem, free_days, failed[0], reason, options=options, started=started
            )
        proven = _proven_infeasible(problem, free_days, failed, options, started)
        if proven is not None:
            return proven
        reason = message("reason.timed_out", names=names, seconds=f"{options.time_limit:g}")
        return Result(status, reason=reason, runtime=elapsed())
    meetings = number_meetings(
        build_meeting(problem, slot) for outcome in outcomes for slot in outcome.chosen
    )
    meetings = label_meetings(problem, meetings)
    reserves, short = place_reserves(problem, free_days, meetings)
    if short:
        return reserve_shortfall(problem, short, runtime=elapsed())
    ids = {MeetingRef(m.series, m.date): m.id for m in meetings}
    costs = tuple(
        cost.placed(ids)  # a cost of a day not chosen is 0, and is left out
        for outcome in outcomes
        for cost in outcome.costs
        if cost.points or cost.amount
    )
    plan = Plan(problem.start, problem.end, (*meetings, *reserves), problem.timezone, problem.name)
    bare = {s.id for part in parts_done if part.model is None for s in part.series}
    if bare:
        # parts the time limit left without a model: the checker measures their costs
        # (the same figures as the model's, as the tests make sure)
        costs = (*costs, *_checked_costs(problem, plan, bare))
    return Result(
        status=status,
        plan=plan,
        objective=sum(o.objective or 0 for o in outcomes),
        bound=sum(o.bound or 0 for o in outcomes),
        costs=tuple(c for c in costs if c.points or c.amount),
        runtime=elapsed(),
    )


@define
class _Part:
    """One part while it is solved: its series, its constructed plan, its model."""

    series: tuple[Series, ...]
    construction: Construction | None
    model: PlanModel | None = None


def _checked_costs(problem: Problem, plan: Plan, series: set[str]) -> tuple[Cost, ...]:
    """The costs the checker measures on the meetings of ``series`` (whole parts)."""
    alone = problem.evolve(
        series=[s for s in problem.series if s.id in series],
        links=[link for link in problem.links if link.after in series],
        pins=[pin for pin in problem.pins if pin.series in series],
    )
    meetings = [m for m in plan.meetings if m.series in series]
    return check(alone, attrs.evolve(plan, meetings=meetings)).costs


def _constructed(construction: Construction | None) -> PartResult:
    """The outcome of a part that the time limit left with its constructed plan only."""
    if construction is None:
        return PartResult(Status.TIMED_OUT, (), None, None, (), 0.0)
    chosen = tuple(slot for slots in construction.chosen.values() for slot in slots)
    return PartResult(Status.FEASIBLE, chosen, construction.cost, 0, (), 0.0)


def _search_parts(
    problem: Problem,
    free_days: FreeDays,
    *,
    groups: Sequence[tuple[Series, ...]],
    built: Sequence[Construction | None],
    options: SolveOptions,
    left: Callable[[], float],
    reporter: Callable[[int], Callable[[float, float, float], None] | None],
) -> list[_Part]:
    """Solve every part, all side by side, until each is proven optimal (or
    infeasible) or the time is up.

    In its own thread, each part first improves its constructed plan, then builds its
    CP-SAT model (complete hint: the plan), then searches; when the time is up before
    its model is built, it keeps its constructed plan. Each part has the whole
    remaining time and its share of the workers (one each when there are more parts
    than workers: then the parts share the cores). A part's search is one CP-SAT
    search from its best plan; when that finds nothing better for a while
    (:data:`STALL_SHARE`), the part's neighbourhoods are searched
    (``solver/planner/neighbourhood.py``) until a whole round of them finds nothing better, and then
    the full search goes on from the better plan. Restarting a search costs its
    presolve, so a part switches only when its search has stalled.
    """
    parts = [_Part(tuple(g), c) for g, c in zip(groups, built, strict=True)]
    shares = _worker_shares(options.workers, len(parts))

    def crowding() -> float:
        searching = sum(
            1
            for part in parts
            if part.model is None or part.model.status in (Status.FEASIBLE, Status.TIMED_OUT)
        )
        return max(1.0, searching / options.workers)

    def stall() -> float:
        # a part that shares its core waits longer before it calls a search stalled
        return crowding() * max(STALL_SECONDS, STALL_SHARE * left())

    preparing = threading.Lock()

    def prepare(
        part: _Part, report: Callable[[float, float, float], None] | None
    ) -> PlanModel | None:
        """The part's plan improved, its model built and started from that plan; ``None``
        when the time is up first."""
        deadline = time.perf_counter() + left() - MIN_TURN_SECONDS
        finished = True
        if part.construction is not None and left() > MIN_TURN_SECONDS:
            better, finished = improve_construction(
                problem, free_days, part.series, part.construction, deadline=deadline
            )
            if better.cost < part.construction.cost and report is not None:
                report(better.cost, 0, 0)
            part.construction = better
        if left() <= MIN_TURN_SECONDS:
            return None
        try:
            model = PlanModel(problem, free_days, part.series, deadline=deadline)
        except OutOfTime:
            return None
        chosen = part.construction.chosen if part.construction is not None else None
        if chosen is not None and model.start_from(chosen, time_limit=left()) is None:
            if left() <= MIN_TURN_SECONDS:
                return None  # no time left to complete the hint: the constructed plan
            part.construction = None  # the model rejects it (never expected): search anew
        model.deterministic = finished  # a plan the clock cut short is no fixed start
        return model

    def run(number: int) -> None:
        part = parts[number]
        group = part.series
        report = reporter(number + 1)
        with preparing:  # plain Python: one part at a time, the others search meanwhile
            model = prepare(part, report)
        if model is None:
            return  # the time is up: the constructed plan is the answer
        part.model = model
        search = Neighbourhoods(problem, free_days, group)
        workers = shares[number]
        while left() > MIN_TURN_SECONDS and model.status in (Status.FEASIBLE, Status.TIMED_OUT):
            if model.status is Status.TIMED_OUT:
                model.find_plan(left(), workers, log=options.log)
                continue
            if model.phase is Phase.IMPROVE:
                improve(model, search, left(), report=report)
                continue
            before = model.best_cost
            stalled = model.search(left(), workers, log=options.log, report=report, stall=stall)
            if model.best_cost != before:
                search.reset()
            if not stalled:
                return  # proven, or the time is up
            if not search.exhausted:
                model.phase = Phase.IMPROVE

    if len(parts) == 1:
        run(0)
    else:
        with ThreadPoolExecutor(max_workers=len(parts)) as pool:
            # the small parts first: they are ready soonest, and often proven at once
            order = sorted(range(len(parts)), key=lambda n: len(parts[n].series))
            for future in [pool.submit(run, number) for number in order]:
                future.result()
    return parts


def _worker_shares(workers: int, parts: int) -> list[int]:
    """CP-SAT workers of each part: the budget shared out, at least one each (with more
    parts than workers, the parts share the cores).

    >>> _worker_shares(2, 1), _worker_shares(2, 3), _worker_shares(8, 3)
    ([2], [1, 1, 1], [3, 3, 2])
    """
    if parts >= workers:
        return [1] * parts
    return [workers // parts + (1 if index < workers % parts else 0) for index in range(parts)]
