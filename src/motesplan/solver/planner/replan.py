"""Replanning: the plan that keeps every rule and changes the booked plan least.

The model is the planner's (:class:`PlanModel`: every hard rule, every soft term)
plus a pairing of the booked meetings with the new plan's meetings: ``pair[p, d]``
says booked meeting ``p`` now takes place on slot ``d`` of its series (``d`` within
:data:`WINDOW_DAYS` of its date). A booked meeting paired with its own date is
kept; paired with another date it is moved; unpaired it is cancelled; a chosen
slot that no booked meeting is paired with is a new meeting. Three objectives are
minimised one after the other, each bounded by the optimum of the one before:

1. *changes*: meetings moved, cancelled or added;
2. *days*: the days each moved meeting moves, plus :data:`WINDOW_DAYS` for each
   cancelled or added meeting (so moving a meeting is always preferred to
   cancelling it and adding another);
3. the plan's own soft cost.

When the booked plan still keeps every rule (the checker says so), it is the answer at
once: no change is the least change, and a plan without changes has a fixed cost.

The first two are one search (changes weighted above any number of days), the
third a second search bounded by the first's optimum.
"""

from __future__ import annotations

import datetime as dt
import time
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Collection, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor

import attrs
from attrs import frozen
from ortools.sat.python import cp_model

from motesplan._convert import to_date
from motesplan.errors import ValidationError
from motesplan.planner.checker import check
from motesplan.planner.diff import Changes, changes, same_for_people
from motesplan.planner.freedays import FreeDays, Slot
from motesplan.planner.plan import (
    Cost,
    Meeting,
    MeetingStatus,
    Plan,
    Result,
    Status,
    label_meetings,
)
from motesplan.planner.problem import Problem, Series
from motesplan.planner.replan import Alternative, Alternatives, ReplanResult
from motesplan.planner.reserve import Shortfall, place_reserves
from motesplan.planner.rules import HARD_ALONE, MeetingRef
from motesplan.solver.options import SolveOptions
from motesplan.solver.planner.construct import construct
from motesplan.solver.planner.explain import reserve_shortfall
from motesplan.solver.planner.model import Expr, PlanModel, SlotCost
from motesplan.solver.planner.parts import build_meeting, parts
from motesplan.solver.planner.solve import merge_status, solve
from motesplan.solver.sat import make_solver, status_of
from motesplan.text import FullDate, message

__all__ = ["WINDOW_DAYS", "alternatives", "replan"]

WINDOW_DAYS = 92
"""How far (in days, either way) a booked meeting may move and still count as moved
rather than cancelled and replaced; also the days a cancellation or an addition
costs in the second objective."""

STAGE_SHARES = (0.6, 1.0)
"""Share of the time left that each search (changes and days, then cost) may use."""


@frozen
class Booking:
    """A booked meeting as the replanning model sees it.

    Attributes:
        meeting: the meeting of the previous plan.
        frozen: whether it must stay exactly where it is.
    """

    meeting: Meeting
    frozen: bool = False


@frozen
class PartReplan:
    """The outcome of replanning one independent part.

    Attributes:
        status: optimal when all three objectives were proven optimal.
        pairs: (booked meeting, slot) for every booked meeting that takes place.
        added: slots chosen that no booked meeting takes.
        costs: the soft costs of the new plan.
        objective: its soft cost in points.
        runtime: seconds spent in CP-SAT.
    """

    status: Status
    pairs: tuple[tuple[Meeting, Slot], ...] = ()
    added: tuple[Slot, ...] = ()
    costs: tuple[SlotCost, ...] = ()
    objective: int = 0
    runtime: float = 0.0


class ReplanModel:
    """The planner's model of one part plus the pairing with the booked meetings.

    Args:
        problem: the (changed) problem.
        free_days: its free_days.
        series: the series of this part.
        bookings: the booked, confirmed meetings of these series within the period.
        force: ``(meeting id, date)``: that booked meeting must move to that date.
        freeze_until: no meeting of these series moves, or is added, before this day.
        reserved: ``(series, date)`` of the booked reserve dates: a meeting there is
            no change (the calendars hold the day already), so a pin on a reserve
            date confirms it rather than moving another meeting there.
    """

    def __init__(
        self,
        problem: Problem,
        free_days: FreeDays,
        series: Sequence[Series],
        bookings: Sequence[Booking],
        *,
        force: tuple[str, dt.date] | None = None,
        freeze_until: dt.date | None = None,
        reserved: Collection[tuple[str, dt.date]] = (),
    ) -> None:
        self.base = PlanModel(problem, free_days, series)
        self.reserved = frozenset(reserved)
        self.model = self.base.model
        self.force = force
        self.freeze_until = freeze_until
        self.pairs: list[tuple[Meeting, Slot, cp_model.IntVar]] = []
        self._changes: list[Expr] = []
        self._days: list[Expr] = []
        for each in series:
            self._add_series(each, [b for b in bookings if b.meeting.series == each.id])
        # every pair, cancellation and addition costs at most WINDOW_DAYS days, so
        # one change more always outweighs any number of days: the first two
        # objectives in one search
        most_days = WINDOW_DAYS * (len(self._days) + 1)
        self.disruption: Expr = (most_days + 1) * sum(self._changes) + sum(self._days)

    def _add_series(self, series: Series, bookings: Sequence[Booking]) -> None:
        model = self.model
        slots = self.base.slots[series.id]
        dates = [slot.date for slot, _ in slots]
        taken_by: list[list[Expr]] = [[] for _ in slots]
        if self.freeze_until is not None:  # nothing new before the freeze
            frozen_dates = {b.meeting.date for b in bookings if b.frozen}
            for slot, chosen in slots:
                if slot.date < self.freeze_until and slot.date not in frozen_dates:
                    model.add(chosen == 0)
        for booking in bookings:
            meeting = booking.meeting
            low = bisect_left(dates, meeting.date - dt.timedelta(days=WINDOW_DAYS))
            high = bisect_right(dates, meeting.date + dt.timedelta(days=WINDOW_DAYS))
            must = self._must_take(booking)
            own: list[Expr] = []
            kept: Expr = 0
            for index in range(low, high):
                slot, _ = slots[index]
                if must is not None and slot.date != must:
                    continue
                pair = model.new_bool_var(f"{meeting.id}->{slot.date}")
                self.pairs.append((meeting, slot, pair))
                taken_by[index].append(pair)
                own.append(pair)
                self._days.append(abs((slot.date - meeting.date).days) * pair)
                if slot.date == meeting.date:
                    kept = pair
            if must is not None:
                model.add(sum(own) == 1)  # with no slot left on that day: no plan
            else:
                model.add(sum(own) <= 1)
            self._changes.append(1 - kept)
            self._days.append(WINDOW_DAYS * (1 - sum(own)))
        for index, (slot, chosen) in enumerate(slots):
            model.add(sum(taken_by[index]) <= chosen)
            if (series.id, slot.date) in self.reserved:
                continue  # a meeting on a reserve date confirms it: no change
            added = chosen - sum(taken_by[index])
            self._changes.append(added)
            self._days.append(WINDOW_DAYS * added)

    def _must_take(self, booking: Booking) -> dt.date | None:
        """The day a booked meeting must take place on: its own when frozen, the
        forced one when forced; ``None`` when it is free to move."""
        if booking.frozen:
            return booking.meeting.date
        if self.force is not None and self.force[0] == booking.meeting.id:
            return self.force[1]
        return None

    def solve(
        self,
        time_limit: float,
        workers: int,
        *,
        canonical: bool,
        hint: Callable[[Meeting, Slot], bool] | None = None,
        start: Mapping[str, Sequence[Slot]] | None = None,
    ) -> PartReplan:
        """Minimise changes, then days, then the soft cost, within ``time_limit``.

        ``start``: a plan of these series that keeps every rule (the booked plan
        repaired, :func:`repaired`); with the least changing pairing of the booked
        meetings to it, it is the complete hint of the first search. Without it (or
        when it breaks a rule of the freeze), ``hint`` says which booked meetings to
        hint on their own dates.
        """
        started = time.perf_counter()
        runtime = 0.0
        status = Status.OPTIMAL
        solver: cp_model.CpSolver | None = None
        values: list[int] | None = None
        if start is not None:
            self.model.minimize(self.disruption)
            if self.base.start_from(start) is not None:
                values = self.base.hint_values
            runtime += self.base.runtime
        if values is None and hint is not None:
            self._hint_booked(hint)
        stages = (self.disruption, self.base.objective)
        for share, goal in zip(STAGE_SHARES, stages, strict=True):
            left = time_limit - (time.perf_counter() - started)
            self.model.minimize(goal)
            if values is not None:
                self.base.hint(values)
            solver = make_solver(max(share * left, 0.05), workers, lp=True)
            code = status_of(solver.solve(self.model), solver)
            runtime += solver.wall_time
            self.model.clear_hints()  # type: ignore[no-untyped-call]
            if code is Status.INFEASIBLE:
                return PartReplan(Status.INFEASIBLE, runtime=runtime)
            if not code.has_plan:
                if values is None:
                    return PartReplan(Status.TIMED_OUT, runtime=runtime)
                solver = self.base.replay(values)
                status = Status.FEASIBLE
                break
            if code is Status.FEASIBLE:
                status = Status.FEASIBLE
            self.model.add(goal <= solver.value(goal))
            values = self.base.assignment(solver)
        assert solver is not None
        reader: Callable[[Expr], int] = solver.value
        if status is Status.OPTIMAL and canonical:
            # the same plan whatever search found the optimum (see PlanModel._canonical)
            again = make_solver(max(time_limit - (time.perf_counter() - started), 0.5), 1, lp=True)
            if status_of(again.solve(self.model), again) is Status.OPTIMAL:
                reader = again.value
            runtime += again.wall_time
        chosen, costs = self.base.read(reader)
        pairs = tuple((meeting, slot) for meeting, slot, var in self.pairs if reader(var))
        paired = {slot for _, slot in pairs}
        return PartReplan(
            status=status,
            pairs=pairs,
            added=tuple(slot for slot in chosen if slot not in paired),
            costs=costs,
            objective=reader(self.base.objective),
            runtime=runtime,
        )

    def _hint_booked(self, keep: Callable[[Meeting, Slot], bool]) -> None:
        """Start from the booked plan: every booked meeting where ``keep`` says."""
        kept = set()
        for meeting, slot, pair in self.pairs:
            self.model.add_hint(pair, int(keep(meeting, slot)))
            if keep(meeting, slot):
                kept.add((slot.series, slot.date))
        for series_id, pairs in self.base.slots.items():
            for slot, chosen in pairs:
                self.model.add_hint(chosen, int((series_id, slot.date) in kept))


ONLY_SHARE = 0.5
"""At most this share of a part's time goes to replanning only what breaks a rule."""
ONLY_SECONDS = 1.0
"""... and at most this many seconds."""


@frozen
class _Broken:
    """What breaks a rule in the booked plan, as the checker says: the meetings named
    by any violation, and those that must change whatever else does."""

    named: frozenset[str]
    must: frozenset[str]


def _broken(problem: Problem, booked: _Booked) -> _Broken:
    meetings = [booking.meeting for booking in booked.bookings]
    report = check(problem, Plan(problem.start, problem.end, meetings, problem.timezone))
    named = {meeting for v in report.violations for meeting in v.meetings}
    must = {meeting for v in report.violations if v.rule in HARD_ALONE for meeting in v.meetings}
    return _Broken(frozenset(named), frozenset(must))


def _only_what_breaks(
    problem: Problem,
    free_days: FreeDays,
    *,
    series: Sequence[Series],
    bookings: Sequence[Booking],
    broken: _Broken,
    freeze_until: dt.date | None,
    seconds: float,
) -> PartReplan | None:
    """The replan of a part when moving only the meetings that break a rule is enough.

    Every meeting that breaks a rule only it can mend (it is on a day that is closed
    now, say) must change in any plan, so a plan that changes exactly those has the
    fewest changes; and among such plans nothing else moves, so the small model in
    which every other booked meeting is fixed solves all three objectives, in well
    under a second after presolve. ``None`` when that is not enough (a hard link
    makes a neighbour move too, say) or not solved in time: then the whole part is
    replanned.
    """
    ids = {b.meeting.id for b in bookings}
    must = broken.must & ids
    if not must:
        return None
    fixed = [
        b if b.meeting.id in broken.named else Booking(b.meeting, frozen=True) for b in bookings
    ]
    model = ReplanModel(problem, free_days, series, fixed, freeze_until=freeze_until)
    limit = min(ONLY_SHARE * seconds, ONLY_SECONDS)
    outcome = model.solve(limit, 1, canonical=False, hint=booked_on_own_date)
    if outcome.status is not Status.OPTIMAL:
        return None
    paired = {meeting.id for meeting, _ in outcome.pairs}
    moved = sum(1 for meeting, slot in outcome.pairs if slot.date != meeting.date)
    cancelled = sum(1 for booking in bookings if booking.meeting.id not in paired)
    return outcome if moved + cancelled + len(outcome.added) == len(must) else None


KEEP_POINTS = 1_000_000
"""What keeping a booked meeting on its date is worth to :func:`repaired` (far more
than any soft cost); every day a meeting is away from a booked date costs
:data:`DAY_POINTS`."""
DAY_POINTS = 1_000


def repaired(
    problem: Problem,
    free_days: FreeDays,
    series: Sequence[Series],
    bookings: Sequence[Booking],
    freeze_until: dt.date | None,
) -> dict[str, tuple[Slot, ...]] | None:
    """The booked plan repaired to the new rules: a plan of these series that keeps
    every rule, built at once by the constructor (``solver/planner/construct.py``) with every
    booked date worth :data:`KEEP_POINTS` and every other day costing
    :data:`DAY_POINTS` per day to the nearest booked meeting, so it keeps what it
    can and moves the rest as little as it can. ``None`` when none was built. (A
    freeze is not known to the constructor: the search then keeps it.)"""
    prefer: dict[str, dict[dt.date, int]] = {}
    for each in series:
        booked = sorted(b.meeting.date for b in bookings if b.meeting.series == each.id)
        if not booked:
            continue
        wanted: dict[dt.date, int] = {}
        for slot in free_days.slots(each.id):
            nearest = min(abs((slot.date - day).days) for day in booked)
            frozen = freeze_until is not None and slot.date < freeze_until
            if nearest == 0:
                wanted[slot.date] = -KEEP_POINTS
            else:
                wanted[slot.date] = DAY_POINTS * min(nearest, WINDOW_DAYS) + (
                    KEEP_POINTS if frozen else 0
                )
        prefer[each.id] = wanted
    built = construct(problem, free_days, series, prefer=prefer)
    return built.chosen if built is not None else None


def booked_on_own_date(meeting: Meeting, slot: Slot) -> bool:
    """The hint of a replan: every booked meeting stays."""
    return slot.date == meeting.date


def evolve_booked(meeting: Meeting, new: Meeting) -> Meeting:
    """``new`` under the booked meeting's id, its sequence raised if people see a change."""
    moved = attrs.evolve(new, id=meeting.id, sequence=meeting.sequence)
    if same_for_people(meeting, moved):
        return moved
    return attrs.evolve(moved, sequence=meeting.sequence + 1)


# --- whole problems -----------------------------------------------------------------


@frozen
class _Booked:
    """The booked plan split into what the model moves and what it carries over."""

    bookings: tuple[Booking, ...]
    carried: tuple[Meeting, ...]


def _split(problem: Problem, previous: Plan, freeze_until: dt.date | None) -> _Booked:
    """Confirmed meetings of the problem's series within its period are booked (frozen
    before ``freeze_until``); everything else (cancelled meetings, other series, other
    periods) is carried over as it is."""
    known = {series.id for series in problem.series}
    bookings: list[Booking] = []
    carried: list[Meeting] = []
    for meeting in previous.meetings:
        if meeting.tentative and meeting.series in known:
            continue  # reserve dates are placed again after the meetings (_with_reserves)
        if (
            meeting.cancelled
            or meeting.series not in known
            or not problem.start <= meeting.date <= problem.end
        ):
            carried.append(meeting)
        else:
            frozen = freeze_until is not None and meeting.date < freeze_until
            bookings.append(Booking(meeting, frozen))
    return _Booked(tuple(bookings), tuple(carried))


def _new_ids(previous: Plan, slots: Sequence[Slot]) -> dict[Slot, str]:
    """Ids for new meetings: the next free number of their series and year."""
    highest: dict[tuple[str, int], int] = {}
    for meeting in previous.meetings:
        head, _, number = meeting.id.rpartition("-")
        if number.isdigit():
            key = (meeting.series, meeting.date.year)
            if head == f"{meeting.series}-{meeting.date.year}":
                highest[key] = max(highest.get(key, 0), int(number))
    ids: dict[Slot, str] = {}
    for slot in sorted(slots, key=lambda s: (s.date, s.series)):
        key = (slot.series, slot.date.year)
        highest[key] = highest.get(key, 0) + 1
        ids[slot] = f"{slot.series}-{slot.date.year}-{highest[key]:02d}"
    return ids


def _assemble(
    problem: Problem, previous: Plan, booked: _Booked, outcomes: Sequence[PartReplan]
) -> tuple[Plan, tuple[Cost, ...]]:
    """The new plan: booked meetings under their ids, new ones with fresh ids."""
    frozen = {b.meeting.id for b in booked.bookings if b.frozen}
    taken: dict[str, Slot] = {m.id: slot for o in outcomes for m, slot in o.pairs}
    meetings = list(booked.carried)
    where: dict[MeetingRef, str] = {}  # meeting id of each chosen day, for the costs
    for booking in booked.bookings:
        meeting = booking.meeting
        slot = taken.get(meeting.id)
        if slot is None:
            cancelled = attrs.evolve(
                meeting, status=MeetingStatus.CANCELLED, sequence=meeting.sequence + 1
            )
            meetings.append(cancelled)
            continue
        new = (
            meeting
            if meeting.id in frozen
            else evolve_booked(meeting, build_meeting(problem, slot))
        )
        meetings.append(new)
        where[MeetingRef(slot.series, slot.date)] = new.id
    added = [slot for o in outcomes for slot in o.added]
    for slot, meeting_id in _new_ids(previous, added).items():
        meetings.append(attrs.evolve(build_meeting(problem, slot), id=meeting_id))
        where[MeetingRef(slot.series, slot.date)] = meeting_id
    costs = tuple(
        cost.placed(where) for o in outcomes for cost in o.costs if cost.points or cost.amount
    )
    plan = Plan(problem.start, problem.end, meetings, problem.timezone, problem.name)
    return plan, costs


def _with_reserves(
    problem: Problem,
    free_days: FreeDays,
    previous: Plan,
    plan: Plan,
    costs: tuple[Cost, ...],
) -> tuple[Plan, tuple[Cost, ...], tuple[Shortfall, ...]]:
    """The new plan's labels and reserve dates. A new meeting on a day that was a
    reserve date of its series (a pin confirmed it) takes the reserve's id, and so its
    calendar UID, one change later; the other reserve dates stay while they keep every
    rule, the missing ones are placed anew, and those dropped are cancelled."""
    known = {series.id for series in problem.series}
    old = {
        (m.series, m.date): m
        for m in previous.meetings
        if m.tentative and m.series in known and problem.start <= m.date <= problem.end
    }
    before = {m.id for m in previous.meetings}
    renamed: dict[str, str] = {}
    meetings: list[Meeting] = []
    for meeting in plan.meetings:
        reserve = old.get((meeting.series, meeting.date))
        if meeting.held and meeting.id not in before and reserve is not None:
            del old[(meeting.series, meeting.date)]
            renamed[meeting.id] = reserve.id
            meetings.append(attrs.evolve(meeting, id=reserve.id, sequence=reserve.sequence + 1))
        else:
            meetings.append(meeting)
    labelled = label_meetings(problem, meetings)
    reserves, short = place_reserves(
        problem, free_days, labelled, previous=old.values(), confirmed=set(renamed.values())
    )
    kept = {m.id for m in reserves}
    dropped = [
        attrs.evolve(m, status=MeetingStatus.CANCELLED, sequence=m.sequence + 1)
        for m in old.values()
        if m.id not in kept
    ]
    costs = tuple(
        attrs.evolve(cost, meeting=renamed.get(cost.meeting, cost.meeting))
        if cost.meeting
        else cost
        for cost in costs
    )
    return attrs.evolve(plan, meetings=(*labelled, *reserves, *dropped)), costs, short


def _failure(
    problem: Problem,
    outcomes: Sequence[PartReplan],
    freeze_until: dt.date | None,
    options: SolveOptions,
) -> Result:
    """The result when some part has no new plan, with the reason."""
    status = merge_status([o.status for o in outcomes])
    if status is Status.TIMED_OUT:
        reason = message("replan.timed_out", seconds=f"{options.time_limit:g}")
        return Result(status, reason=reason)
    alone = solve(problem, attrs.evolve(options, on_progress=None))
    if alone.status is Status.INFEASIBLE:  # the new rules cannot hold, booked plan or not
        return alone
    if freeze_until is not None:
        reason = message("replan.frozen", date=FullDate(freeze_until))
    else:
        reason = message("replan.infeasible")
    return Result(Status.INFEASIBLE, reason=reason)


def _still_valid(problem: Problem, free_days: FreeDays, booked: _Booked) -> PartReplan | None:
    """The booked plan itself, when it keeps every rule of ``problem`` (as the checker
    says) and every meeting is on one of its series' slots: then no change is the least
    change, and with nothing changed the plan, and so its cost, is fixed. ``None``
    otherwise, and the model decides."""
    meetings = [booking.meeting for booking in booked.bookings]
    report = check(problem, Plan(problem.start, problem.end, meetings, problem.timezone))
    if not report.ok:
        return None
    slots = {
        (slot.series, slot.date): slot for s in problem.series for slot in free_days.slots(s.id)
    }
    pairs: list[tuple[Meeting, Slot]] = []
    for meeting in meetings:
        slot = slots.get((meeting.series, meeting.date))
        if slot is None or (slot.start, slot.end) != (meeting.start, meeting.end):
            return None
        pairs.append((meeting, slot))
    refs = {meeting.id: MeetingRef(meeting.series, meeting.date) for meeting in meetings}
    costs = tuple(SlotCost.of(cost, refs) for cost in report.costs)
    return PartReplan(Status.OPTIMAL, tuple(pairs), (), costs, report.objective)


def replan(
    problem: Problem,
    previous: Plan,
    *,
    freeze_until: dt.date | str | None = None,
    options: SolveOptions | None = None,
) -> ReplanResult:
    """The plan that keeps every rule of ``problem`` and changes ``previous`` least.

    Args:
        problem: the rules as they are now (new pins, unavailable days, counts...).
        previous: the plan that is booked (ids as motesplan gave them).
        freeze_until: meetings before this day never move, and none is added there.
        options: time limit (shared by the three objectives), workers, determinism.

    Returns:
        A :class:`~motesplan.ReplanResult`: the new plan, and what changed.
    """
    options = options or SolveOptions()
    freeze = to_date(freeze_until) if freeze_until is not None else None
    started = time.perf_counter()
    free_days = FreeDays(problem)
    booked = _split(problem, previous, freeze)
    reserved = {(m.series, m.date) for m in previous.meetings if m.tentative}
    groups = parts(problem, free_days)
    kept = _still_valid(problem, free_days, booked)
    outcomes: list[PartReplan] = [kept] if kept is not None else []
    sizes = [sum(len(free_days.slots(series.id)) for series in group) for group in groups]
    broken = _broken(problem, booked) if kept is None else None
    for index, group in enumerate(groups if kept is None else ()):
        assert broken is not None
        ids = {series.id for series in group}
        bookings = [b for b in booked.bookings if b.meeting.series in ids]
        left = options.time_limit - (time.perf_counter() - started)
        share = left * sizes[index] / max(sum(sizes[index:]), 1)  # its share of the time left
        outcome = _only_what_breaks(
            problem,
            free_days,
            series=group,
            bookings=bookings,
            broken=broken,
            freeze_until=freeze,
            seconds=share,
        )
        if outcome is None:
            model = ReplanModel(
                problem, free_days, group, bookings, freeze_until=freeze, reserved=reserved
            )
            left = options.time_limit - (time.perf_counter() - started)
            outcome = model.solve(
                left * sizes[index] / max(sum(sizes[index:]), 1),
                options.workers,
                canonical=options.canonical,
                hint=booked_on_own_date,
                start=repaired(problem, free_days, group, bookings, freeze),
            )
        outcomes.append(outcome)
    runtime = time.perf_counter() - started
    if not all(o.status.has_plan for o in outcomes):
        failed = attrs.evolve(_failure(problem, outcomes, freeze, options), runtime=runtime)
        return ReplanResult(failed, previous, Changes(), freeze)
    plan, costs = _assemble(problem, previous, booked, outcomes)
    plan, costs, short = _with_reserves(problem, free_days, previous, plan, costs)
    if short:
        failed = reserve_shortfall(problem, short, runtime=time.perf_counter() - started)
        return ReplanResult(failed, previous, Changes(), freeze)
    status = merge_status([o.status for o in outcomes])
    objective = sum(o.objective for o in outcomes)
    result = Result(
        status=status,
        plan=plan,
        objective=objective,
        # proven lowest among the plans with the fewest changes, then days
        bound=objective if status is Status.OPTIMAL else None,
        costs=costs,
        runtime=time.perf_counter() - started,
    )
    moved = changes(previous, plan)
    days = sum(abs((now.date - before.date).days) for before, now in moved.moved_or_changed)
    return ReplanResult(result, previous, moved, freeze, days)


def alternatives(
    problem: Problem,
    previous: Plan,
    meeting_id: str,
    *,
    top: int = 5,
    options: SolveOptions | None = None,
) -> Alternatives:
    """The best other dates for one booked meeting, each with what it costs.

    Every date of the meeting's series within :data:`WINDOW_DAYS` is tried: the
    meeting is moved there and the rest of the plan is replanned with the least
    change (as :func:`replan` does). The options are ranked by how many other
    meetings must change, then by the change in soft cost, then by distance.

    Args:
        problem: the rules.
        previous: the booked plan.
        meeting_id: the meeting to move (``sk-2024-05``).
        top: how many options to return.
        options: ``time_limit`` applies to each date tried (one CP-SAT worker each,
            so the answer is the same every time unless a limit is reached).

    Returns:
        The :class:`~motesplan.Alternatives`.

    Raises:
        ValidationError: no confirmed meeting with that id in a series of ``problem``.
    """
    options = options or SolveOptions()
    started = time.perf_counter()
    target = _target(problem, previous, meeting_id)
    free_days = FreeDays(problem)
    booked = _split(problem, previous, None)
    group = next(g for g in parts(problem, free_days) if any(s.id == target.series for s in g))
    ids = {series.id for series in group}
    mine = tuple(b for b in booked.bookings if b.meeting.series in ids)
    # everything outside this part stays as booked
    rest = _Booked(
        mine,
        booked.carried + tuple(b.meeting for b in booked.bookings if b.meeting.series not in ids),
    )

    def attempt(force: tuple[str, dt.date] | None, seconds: float) -> PartReplan:
        # one worker with a fixed seed, every objective in turn: the same answer each
        # time without the canonical re-solve, which would double the time per date
        model = ReplanModel(problem, free_days, group, mine, force=force)
        return model.solve(seconds, 1, canonical=False, hint=None)

    base = attempt(None, options.time_limit)
    if not base.status.has_plan:
        reason = _failure(problem, [base], None, options).reason
        runtime = time.perf_counter() - started
        return Alternatives(target, (), 0, 0, 0, None, runtime, reason)
    booked_days = {b.meeting.date for b in mine if b.meeting.series == target.series}
    dates = sorted(
        (  # a day another meeting of the series has would only swap their ids
            slot.date
            for slot in free_days.slots(target.series)
            if slot.date not in booked_days and abs((slot.date - target.date).days) <= WINDOW_DAYS
        ),
        key=lambda day: (abs((day - target.date).days), day),
    )
    found: list[Alternative] = []
    unfinished = 0
    # the dates are independent one-worker searches: run as many at once as workers
    with ThreadPoolExecutor(max_workers=options.workers) as pool:
        tried = list(pool.map(lambda day: attempt((target.id, day), options.time_limit), dates))
    for outcome in tried:
        if outcome.status is not Status.OPTIMAL:
            unfinished += outcome.status is not Status.INFEASIBLE
            if not outcome.status.has_plan:
                continue
        plan, _ = _assemble(problem, previous, rest, [outcome])
        moved = changes(previous, plan)
        meeting = plan.get(target.id)
        assert meeting is not None
        others = Changes(
            moved_or_changed=tuple(p for p in moved.moved_or_changed if p[0].id != target.id),
            added=moved.added,
            cancelled=tuple(m for m in moved.cancelled if m.id != target.id),
        )
        found.append(Alternative(meeting, outcome.objective - base.objective, others, plan))
    ranked = sorted(
        found,
        key=lambda a: (a.moves_with, a.cost_change, abs((a.date - target.date).days), a.date),
    )
    return Alternatives(
        target,
        tuple(ranked[:top]),
        considered=len(dates),
        feasible=len(found),
        unfinished=unfinished,
        baseline=base.objective,
        runtime=time.perf_counter() - started,
    )


def _target(problem: Problem, previous: Plan, meeting_id: str) -> Meeting:
    meeting = previous.get(meeting_id)
    known = ", ".join(m.id for m in previous.meetings if not m.cancelled)
    if meeting is None or meeting.cancelled:
        raise ValidationError(message("replan.no_meeting", id=meeting_id, known=known))
    if not any(series.id == meeting.series for series in problem.series):
        raise ValidationError(
            message("replan.unknown_series", id=meeting_id, series=meeting.series)
        )
    if not problem.start <= meeting.date <= problem.end:
        raise ValidationError(
            message(
                "replan.outside",
                id=meeting_id,
                date=meeting.date,
                start=problem.start,
                end=problem.end,
            )
        )
    return meeting
