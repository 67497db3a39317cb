"""The CP-SAT model of a meeting plan. The only module of the planner that imports OR-Tools.

One Boolean per candidate slot ("series s meets on this day"); every hard rule is
a constraint on those Booleans, every soft term a linear expression in them.
"""

from __future__ import annotations

import datetime as dt
import math
import threading
import time
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from enum import Enum
from typing import Any, TypeAlias

from attrs import frozen
from ortools.sat.python import cp_model

from motesplan.planner.freedays import FreeDays, Slot, spans
from motesplan.planner.objective import SPREAD_SCALE, Segment, edge_cost, gap_cost
from motesplan.planner.plan import Cost, Status
from motesplan.planner.problem import Link, Problem, Series
from motesplan.planner.rules import MeetingRef, Rule
from motesplan.solver.sat import make_solver, status_of

__all__ = [
    "Guard",
    "OutOfTime",
    "Part",
    "PartResult",
    "Phase",
    "PlanModel",
    "RuleGroup",
    "SlotCost",
]

# OR-Tools types its expressions as a union with numpy scalars that mypy cannot add
# together; inside this module expressions are simply "an OR-Tools linear expression".
Expr: TypeAlias = Any


class OutOfTime(Exception):  # noqa: N818 (a signal, not an error)
    """The deadline came while the model was being built."""


class Phase(Enum):
    """Which search a part's next turn runs: the full search (it proves small parts and
    improves on the constructed plan), or, when that stalls, the neighbourhood search,
    until a whole round of it finds nothing better."""

    SEARCH = "search"
    IMPROVE = "improve"


@frozen
class _Term:
    rule: Rule
    subject: str
    points: Expr
    amount: Expr
    meeting: Slot | None = None
    year: int | None = None


def _in(segment: Segment, slot: Slot) -> bool:
    """Whether a slot is in a segment (for a count per year, its year)."""
    return segment.year is None or slot.date.year == segment.year


@frozen
class SlotCost:
    """The cost of one soft rule in a plan still being made: as :class:`Cost`, with the
    meeting it is about referred to by series and day until the meetings have ids."""

    rule: Rule
    subject: str
    points: int
    amount: int = 0
    meeting: MeetingRef | None = None
    year: int | None = None

    @classmethod
    def of(cls, cost: Cost, meetings: Mapping[str, MeetingRef]) -> SlotCost:
        """A checked :class:`Cost`, its meeting id looked up in ``meetings``."""
        meeting = None if cost.meeting is None else meetings[cost.meeting]
        return cls(cost.rule, cost.subject, cost.points, cost.amount, meeting, cost.year)

    def placed(self, ids: Mapping[MeetingRef, str]) -> Cost:
        """The cost, its meeting named by the id it was given."""
        meeting = None if self.meeting is None else ids[self.meeting]
        return Cost(self.rule, self.subject, self.points, self.amount, meeting, year=self.year)


@frozen
class PartResult:
    """The outcome of solving one independent part."""

    status: Status
    chosen: tuple[Slot, ...]
    objective: int | None
    bound: int | None
    costs: tuple[SlotCost, ...]
    runtime: float


class _Callback(cp_model.CpSolverSolutionCallback):
    """Reports each better plan and notes when the last one came (for :class:`_Watch`)."""

    def __init__(self, report: Callable[[float, float, float], None] | None) -> None:
        super().__init__()
        self._report = report
        self.last: float | None = None  # when the last significantly better plan came
        self._reference = math.inf  # its cost

    def on_solution_callback(self) -> None:
        if self.objective_value < (1 - SIGNIFICANT) * self._reference:
            self.last, self._reference = time.perf_counter(), self.objective_value
        if self._report is not None:
            self._report(self.objective_value, self.best_objective_bound, self.wall_time)


SIGNIFICANT = 0.01
"""A plan at least this share cheaper than the last counts as progress for :class:`_Watch`."""


class _Watch:
    """Stops a search that has found no significantly better plan for ``stall()``
    seconds, so that the part's time goes to another kind of search."""

    def __init__(
        self, solver: cp_model.CpSolver, callback: _Callback, stall: Callable[[], float]
    ) -> None:
        self.stalled = False
        self._done = threading.Event()
        self._thread = threading.Thread(
            target=self._watch, args=(solver, callback, stall), daemon=True
        )

    def __enter__(self) -> _Watch:
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._done.set()
        self._thread.join()

    def _watch(
        self, solver: cp_model.CpSolver, callback: _Callback, stall: Callable[[], float]
    ) -> None:
        started = time.perf_counter()
        while not self._done.wait(0.05):
            last = callback.last if callback.last is not None else started
            if time.perf_counter() - last > stall():
                self.stalled = True
                solver.stop_search()
                return


class Part(Enum):
    """The list of the problem that a group of rules is about."""

    SERIES = "series"
    LINKS = "links"
    PINS = "pins"
    UNAVAILABLE = "unavailable"
    BODIES = "bodies"
    MILESTONES = "milestones"

    def items(self, problem: Problem) -> Sequence[object]:
        """That list of ``problem``."""
        lists: dict[Part, Sequence[object]] = {
            Part.SERIES: problem.series,
            Part.LINKS: problem.links,
            Part.PINS: problem.pins,
            Part.UNAVAILABLE: problem.unavailable,
            Part.BODIES: problem.bodies,
            Part.MILESTONES: problem.milestones,
        }
        return lists[self]


class Guard(Enum):
    """A kind of group of hard rules as the user states them; in the explaining model
    each group has a Boolean of its own (:class:`RuleGroup`).

    Each kind knows the list of the problem its index is into (``part``), the rule it
    is (``rule``), the field of that item which states it (``field``; ``None``: the
    item as a whole), its place in the order the shrinking drops rules (``dropped``:
    those that explain least first, so that the rules people think in stay: counts,
    pins and links), its place in an explanation's text (``shown``: what is demanded
    first, what restricts it last), and whether it takes part in a conflict of
    counting days (``counting``: too many meetings for the days left free).
    """

    COUNT_MIN = ("count_min", Part.SERIES, Rule.COUNT, "count", 10, 0, True)
    COUNT_MAX = ("count_max", Part.SERIES, Rule.COUNT, "count", 6, 9, True)
    MIN_GAP = ("min_gap", Part.SERIES, Rule.MIN_GAP, "min_gap_days", 5, 4, False)
    MAX_GAP = ("max_gap", Part.SERIES, Rule.MAX_GAP, "max_gap_days", 4, 5, False)
    WITHIN = ("within", Part.SERIES, Rule.WINDOW, "within", 2, 6, True)
    EXCLUDING = ("excluding", Part.SERIES, Rule.WINDOW, "excluding", 1, 7, True)
    LINK = ("link", Part.LINKS, Rule.LINK, None, 9, 3, False)
    PIN = ("pin", Part.PINS, Rule.PIN, None, 7, 2, False)
    MILESTONE = ("milestone", Part.MILESTONES, Rule.MILESTONE, None, 8, 1, True)
    UNAVAILABLE = ("unavailable", Part.UNAVAILABLE, Rule.UNAVAILABLE, None, 3, 10, True)
    OVERLAP = ("overlap", Part.BODIES, Rule.OVERLAP, None, 0, 8, False)

    def __init__(  # noqa: PLR0917 (an enum member's value is given positionally)
        self,
        word: str,
        part: Part,
        rule: Rule,
        field: str | None,
        dropped: int,
        shown: int,
        counting: bool,
    ) -> None:
        self.word = word
        self.part = part
        self.rule = rule
        self.field = field
        self.dropped = dropped
        self.shown = shown
        self.counting = counting

    def __lt__(self, other: Guard) -> bool:
        return self.shown < other.shown


@frozen(order=True)
class RuleGroup:
    """One group of hard rules as the user states them: its kind and the index of what
    it is about in the problem (``kind.part``: a series, link, pin, source of
    unavailable time, body or milestone), and for a count per year the year (0: the
    period). Groups sort in the order an explanation shows them."""

    kind: Guard
    index: int
    year: int = 0

    def item(self, problem: Problem) -> object:
        """The record of ``problem`` the rules are about."""
        return self.kind.part.items(problem)[self.index]


class PlanModel:
    """The CP-SAT model of some series of a problem (one independent part).

    The hard rules are written once, here: each is added through :meth:`guard`, which
    gives nothing in the planning model (the rule always holds) and a Boolean per
    :class:`RuleGroup` in the explaining model (``solver/planner/explain.py``), which builds
    the same rules over every day a series' weekdays allow and leaves out the
    objective. Where the two must differ the step is a method of its own: the slots
    (free days here; every day there, each guarded by the unavailable time and the
    windows it falls on), the count, the gap rules (here arcs of the spread path,
    there windows of days) and the soft terms (here only).

    Args:
        problem: the problem.
        free_days: its free_days of free days.
        series: the series of this part.
        fixed: series whose meetings are given (a neighbourhood's model): present only
            for the links and overlaps of the others.
        deadline: building stops with :class:`OutOfTime` after this
            ``time.perf_counter()``.
    """

    def __init__(
        self,
        problem: Problem,
        free_days: FreeDays,
        series: Sequence[Series],
        *,
        fixed: Mapping[str, Sequence[Slot]] | None = None,
        deadline: float | None = None,
    ) -> None:
        self.problem = problem
        self.calendar = free_days
        self.series = tuple(series)
        self.model = cp_model.CpModel()
        self.slots: dict[str, tuple[tuple[Slot, cp_model.IntVar], ...]] = {}
        self.counts: dict[str, Expr] = {}
        self.terms: list[_Term] = []
        self._pins = {pin: index for index, pin in enumerate(problem.pins)}
        for each in self.series:
            if deadline is not None and time.perf_counter() > deadline:
                raise OutOfTime
            self._add_series(each)
        for series_id, chosen in (fixed or {}).items():
            self._add_fixed(series_id, chosen)
        self._add_no_overlap()
        self._add_milestones()
        ids = set(self.slots)
        for index, link in enumerate(problem.links):
            if link.after in ids and link.before in ids:
                if deadline is not None and time.perf_counter() > deadline:
                    raise OutOfTime
                if link.hard:
                    self._add_hard_link(index, link)
                else:
                    self._add_soft_link(link)
        self.objective = sum(term.points for term in self.terms)
        self._minimise()
        # where this part stands: no plan yet (timed_out), feasible, optimal or infeasible
        self.status = Status.TIMED_OUT
        self.runtime = 0.0
        self.bound = 0
        self._best: cp_model.CpSolver | None = None
        self.hint_values: list[int] | None = None
        # the constructed plan (a deterministic start), and whether every search so far
        # ran on one worker from it, so that its optimum is the same in every run
        self._start_values: list[int] | None = None
        self.deterministic = True
        self.best_cost: int | None = None  # the cost of the plan in hint_values
        self.phase = Phase.SEARCH

    def _minimise(self) -> None:
        self.model.minimize(self.objective)

    # -- hard rules --------------------------------------------------------

    def guard(self, kind: Guard, index: int, year: int = 0) -> Expr | None:
        """The Boolean that switches a rule group on: none here, every rule holds."""
        return None

    @staticmethod
    def _enforce(constraint: cp_model.Constraint, *guards: Expr | None) -> None:
        """Make ``constraint`` hold only when its rule groups are on."""
        literals = [guard for guard in guards if guard is not None]
        if literals:
            constraint.only_enforce_if(literals)

    def _add_series(self, series: Series) -> None:
        model = self.model
        number = self.problem.series.index(series)
        pairs = self._make_slots(series, number)
        self.slots[series.id] = pairs
        for slot, chosen in pairs:
            if slot.pin is not None:
                self._enforce(model.add(chosen == 1), self.guard(Guard.PIN, self._pins[slot.pin]))
        self.counts[series.id] = sum(chosen for _, chosen in pairs)
        for segment in self.calendar.segments(series.id):
            mine = [(slot, chosen) for slot, chosen in pairs if _in(segment, slot)]
            count = self._count(series, mine)
            year = segment.year or 0
            least = self.guard(Guard.COUNT_MIN, number, year)
            most = self.guard(Guard.COUNT_MAX, number, year)
            self._enforce(model.add(count >= segment.count.min), least)
            self._enforce(model.add(count <= segment.count.max), most)
            self._add_count_term(series, count, segment)
        self._add_gaps(series, number, pairs)
        self._add_slot_terms(series, pairs)

    def _make_slots(self, series: Series, number: int) -> tuple[tuple[Slot, Expr], ...]:
        """The Boolean of each candidate slot of a series: its free days."""
        return tuple(
            (slot, self.model.new_bool_var(f"{series.id}@{slot.date}"))
            for slot in self.calendar.slots(series.id)
        )

    def _count(self, series: Series, pairs: Sequence[tuple[Slot, Expr]]) -> Expr:
        return sum(chosen for _, chosen in pairs)

    def _add_gaps(self, series: Series, number: int, pairs: Sequence[tuple[Slot, Expr]]) -> None:
        """The gap rules: which arcs the spread path has (one path a segment); for a
        count per year, whose paths end at New Year, also across the years."""
        segments = self.calendar.segments(series.id)
        for segment in segments:
            self._add_path(series, pairs[segment.lo : segment.hi], segment)
        if len(segments) > 1:
            if series.min_gap_days is not None and series.min_gap_days > 1:
                self._add_min_gap(number, series.min_gap_days, pairs)
            if series.max_gap_days is not None:
                self._add_max_gap(number, series.max_gap_days, pairs)

    def _add_min_gap(self, number: int, gap: int, pairs: Sequence[tuple[Slot, Expr]]) -> None:
        """No two meetings closer than ``gap`` days (then no consecutive two are)."""
        guard = self.guard(Guard.MIN_GAP, number)
        ordered = sorted(pairs, key=lambda item: item[0].date)
        dates = [slot.date for slot, _ in ordered]
        seen: set[tuple[int, int]] = set()
        for day in dates:
            end = bisect_left(dates, day + dt.timedelta(days=gap))
            first = bisect_left(dates, day)  # slots of one day are all in the window
            if end - first > 1 and (first, end) not in seen:
                seen.add((first, end))
                window = [chosen for _, chosen in ordered[first:end]]
                self._enforce(self.model.add(sum(window) <= 1), guard)

    def _add_max_gap(self, number: int, gap: int, pairs: Sequence[tuple[Slot, Expr]]) -> None:
        """A meeting followed by any later meeting has one within ``gap`` days."""
        model = self.model
        guard = self.guard(Guard.MAX_GAP, number)
        guards = [] if guard is None else [guard]
        ordered = sorted(pairs, key=lambda item: item[0].date)
        # later[t]: some meeting on slot t or after (only this direction is needed:
        # it makes the rule apply whenever there is a later meeting)
        later = [model.new_bool_var("") for _ in ordered]
        for t, (_, chosen) in enumerate(ordered):
            model.add_implication(chosen, later[t])
            if t:
                model.add_implication(later[t], later[t - 1])
        dates = [slot.date for slot, _ in ordered]
        for slot, chosen in ordered:
            beyond = bisect_right(dates, slot.date + dt.timedelta(days=gap))
            if beyond == len(dates):
                continue
            window = [other for _, other in ordered[bisect_right(dates, slot.date) : beyond]]
            if window:
                model.add(sum(window) >= 1).only_enforce_if([*guards, chosen, later[beyond]])
            else:
                model.add_bool_or([*(g.Not() for g in guards), chosen.Not(), later[beyond].Not()])

    def _add_milestones(self) -> None:
        """At least a milestone's count of meetings of its series in each window."""
        own = {series.id for series in self.series}
        for index, milestone in enumerate(self.problem.milestones):
            pairs = self.slots.get(milestone.series)
            if pairs is None or milestone.series not in own:
                continue
            guard = self.guard(Guard.MILESTONE, index)
            for window in milestone.windows(self.problem.start, self.problem.end):
                inside = [chosen for slot, chosen in pairs if slot.date in window]
                self._enforce(self.model.add(sum(inside) >= milestone.count), guard)

    def _add_fixed(self, series_id: str, chosen: Sequence[Slot]) -> None:
        """A series whose meetings are given: only for the links and the overlaps of
        the series around it (a neighbourhood's model); its own costs are not counted."""
        pairs = tuple(
            (slot, self.model.new_bool_var(f"{series_id}@{slot.date}")) for slot in chosen
        )
        for _, variable in pairs:
            self.model.add(variable == 1)
        self.slots[series_id] = pairs
        self.counts[series_id] = len(pairs)

    def _add_path(
        self, series: Series, pairs: Sequence[tuple[Slot, Expr]], segment: Segment
    ) -> None:
        """The meetings of a series as a path through its slots (a network flow).

        An arc joins two consecutive meetings and carries the spread cost of their
        gap; the gap rules (min/max days) decide which arcs exist. Gaps longer than
        ``reach`` slots go through a chain of "waiting" nodes whose cost rises by
        one slot per step, which is exact because the gap cost is linear there. The
        LP relaxation of a flow is tight, so the bound on the spread is strong.
        """
        model = self.model
        slots = len(pairs)
        if slots == 0:
            return
        preferred = segment.count.preferred
        dates = [slot.date for slot, _ in pairs]
        # the spread is measured within the segment's window (objective.segments)
        first_slot, last_slot = segment.first - segment.lo, segment.last - segment.lo
        window = segment.window
        inflow: list[list[Expr]] = [[] for _ in pairs]
        outflow: list[list[Expr]] = [[] for _ in pairs]
        start_arcs: list[Expr] = []
        cost: list[Expr] = []

        def arc(weight: int) -> Expr:
            variable = model.new_bool_var("")
            if weight:
                cost.append(weight * variable)
            return variable

        for index in range(slots):  # from the start to the first meeting, from the last to the end
            first = arc(edge_cost(index - first_slot, window, preferred))
            start_arcs.append(first)
            inflow[index].append(first)
            outflow[index].append(arc(edge_cost(last_slot - index, window, preferred)))
        if segment.count.min == 0:
            start_arcs.append(model.new_bool_var(""))  # no meeting at all
        model.add_exactly_one(start_arcs)

        even = -(-window // max(preferred, 1))  # ceil(g)
        least = series.min_gap_days or 0
        most = series.max_gap_days
        # wait node j: the last meeting was on slot j or before, the next is after j
        wait_in: dict[int, list[Expr]] = {}
        for index in range(slots):
            reach = 2 * even + 1
            # reach at least past every slot closer than the minimum gap
            while (
                index + reach + 1 < slots and (dates[index + reach + 1] - dates[index]).days < least
            ):
                reach += 1
            for later in range(index + 1, slots):
                days = (dates[later] - dates[index]).days
                if most is not None and days > most:
                    break
                if most is None and later - index > reach:
                    break
                if days >= least:
                    link = arc(gap_cost(later - index, window, preferred))
                    outflow[index].append(link)
                    inflow[later].append(link)
            entry = index + reach
            if most is None and entry + 1 < slots:
                link = arc(gap_cost(reach, window, preferred))
                outflow[index].append(link)
                wait_in.setdefault(entry, []).append(link)
        if wait_in:
            step = SPREAD_SCALE if preferred > 0 else 0
            stay: dict[int, Expr] = {}  # wait node j -> wait node j + 1
            for node in range(min(wait_in), slots - 1):
                meet = arc(step)  # the next meeting is on slot node + 1
                inflow[node + 1].append(meet)
                out = [meet]
                if node + 2 < slots:
                    stay[node] = arc(step)
                    out.append(stay[node])
                into = wait_in.get(node, []) + ([stay[node - 1]] if node - 1 in stay else [])
                model.add(sum(into) == sum(out))
        for index, (_, chosen) in enumerate(pairs):
            model.add(sum(inflow[index]) == chosen)
            model.add(sum(outflow[index]) == chosen)
        total = sum(cost)
        points = self.problem.weights.spread * total
        self.terms.append(_Term(Rule.SPREAD, series.id, points, total, year=segment.year))

    def _add_no_overlap(self) -> None:
        """Meetings of one body never overlap in time.

        Meetings of one series never overlap either (a two-day meeting on Monday and
        one on Tuesday); that follows from the series' days and length, not from a
        rule of the user's, so in the explaining model it always holds, and only
        meetings of two series of a body are guarded by the body's ``overlap`` group.
        """
        bodies = {body.id: index for index, body in enumerate(self.problem.bodies)}
        by_body_day: dict[tuple[str, dt.date], list[tuple[int, int, Expr, Slot]]] = defaultdict(
            list
        )
        for series in self.series:
            for slot, chosen in self.slots[series.id]:
                for day, first, last in spans(slot.date, slot.start, slot.end, slot.end_date):
                    by_body_day[(series.body, day)].append((first, last, chosen, slot))
        for (body, _), items in by_body_day.items():
            if len(items) < 2:
                continue
            guard = self.guard(Guard.OVERLAP, bodies[body])
            cliques: set[tuple[int, ...]] = set()  # of two series or more when guarded
            own: set[tuple[int, ...]] = set()  # within one series, when guarded
            for point, _, _, _ in items:
                inside = [item for item in items if item[0] <= point < item[1]]
                clique = tuple(sorted(chosen.index for _, _, chosen, _ in inside))
                series_ids = sorted({slot.series for _, _, _, slot in inside})
                if (guard is None or len(series_ids) > 1) and len(clique) > 1:
                    cliques.add(clique)
                if guard is None:
                    continue
                for series_id in series_ids:
                    mine = [(c, slot) for _, _, c, slot in inside if slot.series == series_id]
                    if len({slot.date for _, slot in mine}) > 1:
                        own.add(tuple(sorted(chosen.index for chosen, _ in mine)))
            by_index = {chosen.index: chosen for _, _, chosen, _ in items}
            for clique in sorted(own):
                self.model.add_at_most_one([by_index[index] for index in clique])
            for clique in sorted(cliques):
                members = [by_index[index] for index in clique]
                if guard is None:
                    self.model.add_at_most_one(members)
                else:
                    self.model.add(sum(members) <= 1).only_enforce_if(guard)

    def _preparing(self, link: Link, slot: Slot, reach: int) -> dict[int, list[Expr]]:
        """The preparing slots of a following slot within the link's window (distance
        0), and for a soft link also those up to ``reach`` days outside, by distance."""
        before = self.slots[link.before]
        dates = [other.date for other, _ in before]
        low = bisect_left(dates, slot.date - dt.timedelta(days=link.max_days + reach))
        high = bisect_right(dates, slot.date - dt.timedelta(days=link.min_days - reach))
        distances: dict[int, list[Expr]] = defaultdict(list)
        for other, other_chosen in before[low:high]:
            distance = link.distance(other.date, slot.date)
            if distance == 0 or (not link.hard and distance < link.cap_days):
                distances[distance].append(other_chosen)
        return distances

    def _add_hard_link(self, index: int, link: Link) -> None:
        """Every meeting of ``after`` has a meeting of ``before`` within the window."""
        model = self.model
        guard = self.guard(Guard.LINK, index)
        for slot, chosen in self.slots[link.after]:
            self._enforce(model.add(chosen <= sum(self._preparing(link, slot, 0)[0])), guard)
        after = self.problem.get_series(link.after)
        width = link.max_days - link.min_days
        gap = max(after.min_gap_days or 0, 1)
        if gap > width:
            # no preparing meeting can serve two meetings: at least as many of them
            # (implied by the rules, but CP-SAT does not find this pigeonhole argument
            # itself: it lets it see a count conflict at once). Two meetings of one
            # series are on different days; further apart, it takes the least gap too.
            gaps = self.guard(Guard.MIN_GAP, self.problem.series.index(after)) if width else None
            self._enforce(
                model.add(self.counts[link.before] >= self.counts[link.after]), guard, gaps
            )

    def _add_soft_link(self, link: Link) -> None:
        """Days outside the window, per following meeting, as a soft term."""
        for slot, chosen in self.slots[link.after]:
            distances = self._preparing(link, slot, link.cap_days)
            deviation = self._deviation(link, chosen, distances)
            self.terms.append(
                _Term(Rule.LINK, link.label, link.weight * deviation, deviation, slot)
            )

    def _deviation(self, link: Link, chosen: Expr, distances: dict[int, list[Expr]]) -> Expr:
        """Days outside the window to the nearest chosen preparing slot (at most the cap),
        if ``chosen``; 0 otherwise. Exact in every solution, not only at the optimum."""
        model = self.model
        values = sorted(distances)
        if not values:
            return link.cap_days * chosen
        deviation: Expr = values[0] * chosen
        covered: Expr = 0
        for j, value in enumerate(values):
            now = model.new_bool_var("")  # some preparing slot at most `value` days off
            for other in distances[value]:
                model.add_implication(other, now)
            if j:
                model.add_implication(covered, now)
            model.add(now <= covered + sum(distances[value]))
            missing = model.new_bool_var("")  # chosen, and nothing within `value` days
            model.add(missing <= chosen)
            model.add(missing <= 1 - now)
            model.add(missing >= chosen - now)
            following = values[j + 1] if j + 1 < len(values) else link.cap_days
            deviation += (following - value) * missing
            covered = now
        return deviation

    # -- soft terms --------------------------------------------------------

    def _add_count_term(self, series: Series, count: Expr, segment: Segment) -> None:
        low, high = segment.count.min, segment.count.max
        if low == high:
            return
        away = self.model.new_int_var(0, high - low, "")
        self.model.add_abs_equality(away, count - segment.count.preferred)
        points = self.problem.weights.count * away
        self.terms.append(_Term(Rule.COUNT, series.id, points, away, year=segment.year))

    def _add_slot_terms(self, series: Series, pairs: Sequence[tuple[Slot, Expr]]) -> None:
        """Per-meeting costs: a place further down the list, soft unavailable time."""
        weight = self.problem.weights.location
        for slot, chosen in pairs:
            if slot.location_rank:
                steps = slot.location_rank * chosen
                self.terms.append(_Term(Rule.LOCATION, series.id, weight * steps, steps, slot))
            if slot.soft_points:
                points = slot.soft_points * chosen
                self.terms.append(_Term(Rule.UNAVAILABLE, series.id, points, points, slot))

    # -- solving -------------------------------------------------------------

    # -- solving, in steps the caller schedules across parts -----------------------

    def start_from(
        self,
        chosen: Mapping[str, Sequence[Slot]],
        *,
        first: bool = True,
        time_limit: float = 10.0,
    ) -> int | None:
        """Take a constructed plan as the plan so far and the hint of every search.

        Every variable gets its value, the auxiliary ones of the spread, the links and
        the count too (CP-SAT, with the chosen slots fixed, completes the assignment),
        so the hint is complete. Returns the plan's cost, or ``None`` (and nothing
        changes) when the plan breaks a rule of the model. ``first``: this is the
        constructed plan, the start of every canonical search.
        """
        picked = {(slot.series, slot.date) for slots in chosen.values() for slot in slots}
        for series_id, pairs in self.slots.items():
            for slot, variable in pairs:
                self.model.add_hint(variable, int((series_id, slot.date) in picked))
        solver = make_solver(time_limit, fix_hint=True)
        status = status_of(solver.solve(self.model), solver)
        self.model.clear_hints()  # type: ignore[no-untyped-call]
        self.runtime += solver.wall_time
        if not status.has_plan:
            return None
        self.hint_values = self.assignment(solver)
        if first:
            self._start_values = self.hint_values
        self._best = solver  # holds the whole assignment: no replay to read the plan
        self.status = Status.FEASIBLE
        self.best_cost = int(solver.value(self.objective))
        return self.best_cost

    def search(
        self,
        time_limit: float,
        workers: int,
        *,
        log: bool = False,
        report: Callable[[float, float, float], None] | None = None,
        stall: Callable[[], float] | None = None,
    ) -> bool:
        """Optimise for at most ``time_limit`` seconds, from the best plan so far; with
        ``stall``, stop when no significantly better plan came for ``stall()`` seconds.
        Returns whether it stalled."""
        if self.hint_values is not None:
            self.hint(self.hint_values)
        solver = make_solver(time_limit, workers, lp=True, log=log)
        if workers > 1:
            self.deterministic = False
        callback = _Callback(report)
        watch = _Watch(solver, callback, stall or (lambda: math.inf))
        with watch:
            status = status_of(solver.solve(self.model, callback), solver)
        self.model.clear_hints()  # type: ignore[no-untyped-call]
        self._spend(solver)
        if status is Status.OPTIMAL:
            self.status, self._best = Status.OPTIMAL, solver
            self.hint_values = self.assignment(solver)
            self.best_cost = round(solver.objective_value)
        elif status is Status.FEASIBLE:
            self.status = Status.FEASIBLE
            self.deterministic = False  # where a time limit stopped it
            if self.best_cost is None or solver.objective_value < self.best_cost:
                self._best = solver
                self.hint_values = self.assignment(solver)
                self.best_cost = round(solver.objective_value)
        elif status is Status.INFEASIBLE:
            self.status = Status.INFEASIBLE
        return watch.stalled and self.status is Status.FEASIBLE

    def find_plan(self, time_limit: float, workers: int, *, log: bool = False) -> None:
        """Search for any plan that keeps the hard rules, ignoring the cost.

        Searching with the objective can take long to find any plan when hard links
        and gaps interlock; without it the search is quick, and its plan starts the
        next :meth:`search`.
        """
        self.model.clear_objective()  # type: ignore[no-untyped-call]
        solver = make_solver(time_limit, workers, first_plan=True, log=log)
        self.deterministic = False  # its plan starts the next search: no fixed start
        status = status_of(solver.solve(self.model), solver)
        self.model.minimize(self.objective)
        self.runtime += solver.wall_time
        if status.has_plan:
            self.hint_values = self.assignment(solver)
            self._best = None
            self.best_cost = None  # read off the plan when it is needed
            self.status = Status.FEASIBLE
        elif status is Status.INFEASIBLE:
            self.status = Status.INFEASIBLE

    def chosen_slots(self, values: Sequence[int]) -> dict[str, tuple[Slot, ...]]:
        """The chosen slots of every series in an assignment of the model."""
        return {
            series_id: tuple(slot for slot, variable in pairs if values[variable.index])
            for series_id, pairs in self.slots.items()
        }

    def result(self, *, canonical: bool, time_limit: float) -> PartResult:
        """The outcome; first (if ``canonical`` and proven optimal, and time allows) the
        canonical optimum."""
        if not self.status.has_plan:
            return PartResult(self.status, (), None, None, (), self.runtime)
        solver = self._best
        if solver is None:
            assert self.hint_values is not None
            solver = self.replay(self.hint_values)
        values: Callable[[Expr], int] = solver.value
        objective = values(self.objective)
        if (
            self.status is Status.OPTIMAL
            and canonical
            and not self.deterministic
            and time_limit > 0
        ):
            canonical_solver = self._canonical(objective, time_limit)
            if canonical_solver is not None:
                values = canonical_solver.value
        # every cost is >= 0, so 0 is a bound too (CP-SAT's own can be below it)
        proven = objective if self.status is Status.OPTIMAL else min(max(self.bound, 0), objective)
        chosen, costs = self.read(values)
        return PartResult(self.status, chosen, objective, proven, costs, self.runtime)

    def read(self, values: Callable[[Expr], int]) -> tuple[tuple[Slot, ...], tuple[SlotCost, ...]]:
        """The chosen slots and the cost of every soft term in a solution."""
        chosen = tuple(slot for pairs in self.slots.values() for slot, var in pairs if values(var))
        costs = tuple(
            SlotCost(
                rule=term.rule,
                subject=term.subject,
                points=values(term.points),
                amount=values(term.amount),
                meeting=MeetingRef(term.meeting.series, term.meeting.date)
                if term.meeting
                else None,
                year=term.year,
            )
            for term in self.terms
        )
        return chosen, costs

    def _spend(self, solver: cp_model.CpSolver) -> None:
        self.runtime += solver.wall_time
        bound = solver.best_objective_bound
        if math.isfinite(bound):
            self.bound = max(self.bound, math.floor(bound + 1e-6))

    def assignment(self, solver: cp_model.CpSolver) -> list[int]:
        """The value of every variable of the model in the solver's solution."""
        return list(solver.response_proto.solution)

    def hint(self, values: list[int]) -> None:
        """Hint every variable of the model (a complete hint), replacing any hint."""
        self.model.clear_hints()  # type: ignore[no-untyped-call]
        hint = self.model.proto.solution_hint
        hint.vars.extend(range(len(values)))
        hint.values.extend(values)

    def replay(self, values: list[int]) -> cp_model.CpSolver:
        """A solver holding exactly this assignment, to read expressions off it."""
        self.hint(values)
        solver = make_solver(math.inf, fix_hint=True)
        solver.solve(self.model)
        self.model.clear_hints()  # type: ignore[no-untyped-call]
        return solver

    def _canonical(self, objective: int, time_limit: float) -> cp_model.CpSolver | None:
        """Solve again with one worker, a fixed seed and only the constructed plan (or
        nothing) as hint, the cost bounded by the proven optimum: the same optimal plan
        whatever search found that optimum."""
        self.model.add(self.objective <= objective)  # the last use of this model
        if self._start_values is not None:
            self.hint(self._start_values)
        solver = make_solver(time_limit, 1, lp=True)
        status = status_of(solver.solve(self.model), solver)
        self.model.clear_hints()  # type: ignore[no-untyped-call]
        self.runtime += solver.wall_time
        return solver if status is Status.OPTIMAL else None
