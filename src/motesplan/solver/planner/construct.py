"""A plan at once: a complete plan that keeps every hard rule, built before any search.

**Construction.** The series of a part are placed one at a time in link order
(every preparing series before the series it prepares). Each is placed by an exact
dynamic programme over its candidate slots that minimises its own cost -- spread
within its window, count, places, soft unavailable time and the soft links to the
series already placed -- under its own hard rules (count, least and largest gap,
pins), given the series already placed. A slot that no preparing meeting reaches
through a hard link, or that overlaps a meeting of the same body, is not forbidden
but costs :data:`PENALTY`, so the programme always finds the cheapest plan and
names the slots that break a rule. Those are repaired and the part placed again: a
preparing series is made to meet within the window of each such slot, a series
placed earlier is kept off a slot that overlaps. After :data:`ROUNDS` rounds
without a valid plan (or when a series cannot keep its own rules) there is no
constructed plan, and the search starts without one.

**Improvement.** Then each series in turn is placed again, exactly, with every
other series fixed: now also its followers' hard links (each following meeting
needs one of its meetings in the link's window: a window that a step between two
consecutive meetings may not jump over) and their soft links (a following
meeting's distance is decided by the two consecutive meetings around the middle
of its window, since the distance falls towards the window and rises after it).
Every such step lowers the part's cost or keeps it, and the passes stop when a
whole pass changes nothing (at most :data:`PASSES`): the same plan every run.

The result is what CP-SAT starts from (its complete hint) and what :func:`solve`
returns when the time limit comes before anything better. The programme is
``O(K m^2)`` per series for ``m`` slots and ``K`` meetings, in NumPy.
"""

from __future__ import annotations

import datetime as dt
import itertools
import time
from bisect import bisect_left, bisect_right
from collections.abc import Sequence

import numpy as np
import numpy.typing as npt
from attrs import frozen

from motesplan.planner.freedays import FreeDays, Slot, spans
from motesplan.planner.objective import Segment, edge_cost, gap_cost, link_order
from motesplan.planner.problem import Count, Link, Problem, Series

__all__ = [
    "DEAD_PENALTY",
    "PASSES",
    "PENALTY",
    "ROUNDS",
    "Construction",
    "construct",
    "improve_construction",
]

PENALTY = 10_000_000
"""The cost of a slot that breaks a rule between series (exact in float64)."""
DEAD_PENALTY = 3 * PENALTY
"""The cost of a slot that no chain of preparing slots reaches through hard links: it
can never be mended, so the programme takes a slot that can first."""
ROUNDS = 6
"""Placements of a part before the construction gives up."""
PASSES = 12
"""At most this many improvement passes over the series of a part."""

Vector = npt.NDArray[np.float64]
Matrix = npt.NDArray[np.float64]
Indexes = npt.NDArray[np.int64]
_INF = float("inf")


@frozen
class Construction:
    """A constructed plan of one part.

    Attributes:
        chosen: the chosen slots of every series.
        cost: its cost, as the planner's objective measures it.
    """

    chosen: dict[str, tuple[Slot, ...]]
    cost: int


def construct(
    problem: Problem,
    free_days: FreeDays,
    series: Sequence[Series],
    *,
    prefer: dict[str, dict[dt.date, int]] | None = None,
    improve: bool = True,
) -> Construction | None:
    """A plan for these series (one part) that keeps every hard rule, or ``None``.

    Args:
        problem: the problem.
        free_days: its free_days of free days.
        series: the series of one independent part.
        prefer: extra cost per series and day (a replan's cost of moving a booked
            meeting there), added to the slot's own cost.
        improve: place every series again, given all others, until nothing changes.

    Returns:
        The cheaper of the two plans built (in link order and backward), improved, and
        its cost (without ``prefer``); ``None`` when neither way built a valid plan
        (which does not mean that none exists).
    """
    builder = _Builder(problem, free_days, series, prefer or {})
    found: list[tuple[int, int, dict[str, list[int]]]] = []
    for order, backward in enumerate((False, True)):
        if builder.build(backward=backward):
            if improve:
                builder.improve()
            found.append((builder.total(), order, builder.placed))
    if not found:
        return None
    cost, _, placed = min(found, key=lambda item: item[:2])
    chosen = {
        series_id: tuple(free_days.slots(series_id)[i] for i in indexes)
        for series_id, indexes in placed.items()
    }
    return Construction(chosen, cost)


def improve_construction(
    problem: Problem,
    free_days: FreeDays,
    series: Sequence[Series],
    construction: Construction,
    *,
    deadline: float | None = None,
) -> tuple[Construction, bool]:
    """``construction`` (built with ``improve=False``) improved as :func:`construct` does:
    each series placed again given all the others until a pass changes nothing; and
    whether that finished before the ``deadline`` (else the plan depends on the clock)."""
    builder = _Builder(problem, free_days, series, {})
    index = {
        series_id: {slot.date: i for i, slot in enumerate(free_days.slots(series_id))}
        for series_id in builder.order
    }
    builder.placed = {
        series_id: [index[series_id][slot.date] for slot in construction.chosen[series_id]]
        for series_id in builder.order
    }
    finished = builder.improve(deadline)
    chosen = {
        series_id: tuple(free_days.slots(series_id)[i] for i in indexes)
        for series_id, indexes in builder.placed.items()
    }
    return Construction(chosen, builder.total()), finished


@frozen
class _Costs:
    """What a series' placement costs: per slot, first, last, per step; the meetings."""

    node: Vector
    start: Vector
    end: Vector
    move: Matrix
    none: float  # the cost of no meeting at all (when the count allows it)
    windows: tuple[tuple[int, int], ...] = ()  # at least one meeting in each (first, last)


class _Series:
    """What does not change while a series is placed again and again."""

    def __init__(self, problem: Problem, free_days: FreeDays, series: Series) -> None:
        self.series = series
        self.slots = free_days.slots(series.id)
        self.dates = [slot.date for slot in self.slots]
        self.size = len(self.slots)
        # the count holds, and the spread is measured, in each segment (a year, for a
        # count per year): a segment's first meeting pays its "before", its last its
        # "after", and no step goes from one segment to the next
        self.segments = free_days.segments(series.id)
        spread = problem.weights.spread
        self.start = np.zeros(self.size)
        self.end = np.zeros(self.size)
        for segment in self.segments:
            preferred, window = segment.count.preferred, segment.window
            for i in range(segment.lo, segment.hi):
                self.start[i] = spread * edge_cost(i - segment.first, window, preferred)
                self.end[i] = spread * edge_cost(segment.last - i, window, preferred)
        self.move = _moves(series, self.slots, self.segments, spread)
        windows = self.milestone_windows(problem)
        # a milestone window without a free slot: no plan of this series keeps it
        self.impossible = any(low > high for low, high in windows)
        self.windows = [(low, high) for low, high in windows if low <= high]
        self.pinned = {i for i, slot in enumerate(self.slots) if slot.pin is not None}
        weight = problem.weights.location
        self.base = np.array([weight * s.location_rank + s.soft_points for s in self.slots], float)

    def milestone_windows(self, problem: Problem) -> list[tuple[int, int]]:
        """The slots (first, last index) each milestone of the series needs a meeting in;
        a milestone of ``count`` meetings splits its window in as many parts."""
        found: list[tuple[int, int]] = []
        for milestone in problem.milestones:
            if milestone.series != self.series.id:
                continue
            for window in milestone.windows(problem.start, problem.end):
                low = bisect_left(self.dates, window.start)
                high = bisect_right(self.dates, window.end)
                size = max((high - low) // milestone.count, 1)
                for part in range(milestone.count):
                    last = high - 1 if part == milestone.count - 1 else low + (part + 1) * size - 1
                    found.append((low + part * size, last))
        return found

    def window_of(self, link: Link, day: dt.date) -> tuple[int, int]:
        """The slots (first, last index) within a link's window before ``day``."""
        low = bisect_left(self.dates, day - dt.timedelta(days=link.max_days))
        high = bisect_right(self.dates, day - dt.timedelta(days=link.min_days))
        return low, high - 1


class _Builder:
    """One construction: the series placed so far and what the repairs ask."""

    def __init__(
        self,
        problem: Problem,
        free_days: FreeDays,
        series: Sequence[Series],
        prefer: dict[str, dict[dt.date, int]],
    ) -> None:
        self.problem = problem
        self.calendar = free_days
        self.prefer = prefer
        ids = {each.id for each in series}
        self.order = [series_id for series_id in link_order(problem) if series_id in ids]
        self.links = [link for link in problem.links if link.after in ids and link.before in ids]
        self.info = {s: _Series(problem, free_days, problem.get_series(s)) for s in self.order}
        self.alive = self.reachable()
        self.forced: dict[str, set[int]] = {series_id: set() for series_id in self.order}
        self.banned: dict[str, set[int]] = {series_id: set() for series_id in self.order}
        self.placed: dict[str, list[int]] = {}

    def reachable(self) -> dict[str, set[int]]:
        """The slots of each series that its hard links can reach at all: for every
        hard link into it, a reachable slot of the preparing series lies within the
        window (through the whole chain, in link order)."""
        alive: dict[str, set[int]] = {}
        for series_id in self.order:
            info = self.info[series_id]
            keep = set(range(info.size))
            for link in self.links:
                if link.after != series_id or not link.hard or link.before not in alive:
                    continue
                before = self.info[link.before]
                dates = [before.dates[i] for i in sorted(alive[link.before])]
                keep = {i for i in keep if not _distance(link, dates, info.dates[i])}
            alive[series_id] = keep
        return alive

    # -- the two phases ------------------------------------------------------------

    def build(self, *, backward: bool) -> bool:
        """Place every series in link order (or from the last follower back, each
        preparing series then meeting within the windows its followers need),
        repairing; ``False`` when that fails."""
        self.forced = {series_id: set() for series_id in self.order}
        self.banned = {series_id: set() for series_id in self.order}
        if any(slot.hard_blocks for info in self.info.values() for slot in info.slots):
            return False  # a pin on hard unavailable time: no plan keeps every rule
        order = self.order[::-1] if backward else self.order
        for _ in range(ROUNDS):
            self.placed = {}
            trouble: list[tuple[str, int]] = []
            for series_id in order:
                found = self.best(series_id, followers=backward)
                if found is None and self.forced[series_id]:
                    # the repairs asked for meetings the series' own rules cannot all
                    # give (too close together): keep those that can be, then none
                    self.forced[series_id] = self.apart(series_id)
                    found = self.best(series_id, followers=backward)
                    if found is None:
                        self.forced[series_id] = set()
                        found = self.best(series_id, followers=backward)
                if found is None:
                    return False
                self.placed[series_id] = found[1]
            # every rule between series, checked once all are placed (either way round)
            for series_id in self.order:
                trouble.extend((series_id, index) for index in self.broken(series_id))
            if not trouble:
                return True
            if not self.repair(trouble):
                return False
        return False

    def improve(self, deadline: float | None = None) -> bool:
        """Place each series again given all the others, until a pass changes nothing;
        ``False`` when the deadline stopped it first."""
        for _ in range(PASSES):
            changed = False
            for series_id in self.order:
                if deadline is not None and time.perf_counter() > deadline:
                    return False
                costs = self.costs(series_id, followers=True)
                now = self.path_cost(series_id, costs, self.placed[series_id])
                found = self.best(series_id, followers=True, costs=costs)
                if found is not None and found[0] < now - 0.5:
                    self.placed[series_id] = found[1]
                    changed = True
            if not changed:
                return True
        return True

    def total(self) -> int:
        """The cost of the placed plan (every link counted at its follower)."""
        total = 0.0
        for series_id in self.order:
            costs = self.costs(series_id, followers=False, prefer=False)
            total += self.path_cost(series_id, costs, self.placed[series_id])
        return round(total)

    # -- one series ---------------------------------------------------------------------

    def best(
        self, series_id: str, *, followers: bool, costs: _Costs | None = None
    ) -> tuple[float, list[int]] | None:
        """The cheapest slots of a series given the others placed (conflicts cost
        :data:`PENALTY` each), with its cost; ``None`` when its own rules fail.

        A series whose count holds per year is placed year by year: each year's
        meetings keep the least and largest gap to the last meeting of the year before.
        """
        info = self.info[series_id]
        if info.impossible:
            return None
        costs = costs or self.costs(series_id, followers=followers)
        if len(info.segments) == 1:
            segment = info.segments[0]
            return self.best_in(costs, segment, costs.node, costs.windows, costs.none, None)
        series = info.series
        total, chosen = 0.0, list[int]()
        for segment in info.segments:
            node = costs.node.copy()
            windows = [
                (low, high)
                for low, high in costs.windows
                if segment.lo <= low < segment.hi or low < segment.lo <= high
            ]
            latest = None  # the last slot the segment's first meeting may take
            if chosen:
                last = info.dates[chosen[-1]]
                if series.min_gap_days:
                    near = bisect_left(info.dates, last + dt.timedelta(days=series.min_gap_days))
                    node[segment.lo : max(near, segment.lo)] = _INF
                if series.max_gap_days is not None:
                    far = bisect_right(info.dates, last + dt.timedelta(days=series.max_gap_days))
                    latest = far - 1
            found = self.best_in(costs, segment, node, windows, 0.0, latest)
            if found is None:
                return None
            total += found[0]
            chosen.extend(found[1])
        return total, chosen

    def best_in(  # noqa: PLR0917 (one segment's costs and what the years around it ask)
        self,
        costs: _Costs,
        segment: Segment,
        node: Vector,
        windows: Sequence[tuple[int, int]],
        none: float,
        latest: int | None,
    ) -> tuple[float, list[int]] | None:
        """The cheapest slots of one segment of a series (its count, at least one
        meeting in each window, the first meeting on slot ``latest`` or before, when
        given), with the cost; ``None`` when there are none."""
        lo, hi = segment.lo, segment.hi
        size = hi - lo
        count = segment.count
        inside = [(max(a, lo) - lo, min(b, hi - 1) - lo) for a, b in windows if a < hi and b >= lo]
        if size == 0 or count.max == 0:
            return (0.0, []) if count.min == 0 and not inside else None
        start = costs.start[lo:hi].copy()
        end = costs.end[lo:hi].copy()
        move = costs.move[lo:hi, lo:hi].copy()
        node = node[lo:hi]
        if latest is not None:
            start[max(latest + 1 - lo, 0) :] = _INF
        _require(inside, start, end, move)
        index = np.arange(size)
        best = start + node
        layers: list[Indexes] = []
        results: list[tuple[float, int, int]] = []  # (cost, meetings, last slot)
        if count.min == 0 and not inside and np.isfinite(none):
            results.append((none + _count_cost(self.problem, count, 0), 0, -1))
        most = min(count.max, size)
        for meetings in range(1, most + 1):
            if meetings >= count.min:
                total = best + end
                last_slot = int(np.argmin(total))
                if np.isfinite(total[last_slot]):
                    cost = float(total[last_slot]) + _count_cost(self.problem, count, meetings)
                    results.append((cost, meetings, last_slot))
            if meetings == most:
                break
            options = best[:, None] + move
            previous = np.argmin(options, axis=0)
            best = options[previous, index] + node
            layers.append(previous)
            if not np.isfinite(best).any():
                break
        if not results:
            return None
        cost, meetings, last_slot = min(results)
        if meetings == 0:
            return cost, []
        chosen = [last_slot]
        for step in range(meetings - 2, -1, -1):
            chosen.append(int(layers[step][chosen[-1]]))
        return cost, sorted(lo + i for i in chosen)

    def path_cost(self, series_id: str, costs: _Costs, chosen: Sequence[int]) -> float:
        """What ``chosen`` costs under ``costs`` (as :meth:`best` counts it)."""
        info = self.info[series_id]
        total = 0.0
        for segment in info.segments:
            mine = [i for i in chosen if segment.lo <= i < segment.hi]
            total += _count_cost(self.problem, segment.count, len(mine))
            if not mine:
                total += costs.none if len(info.segments) == 1 else 0.0
                continue
            total += costs.start[mine[0]] + costs.end[mine[-1]] + costs.node[mine].sum()
            total += sum(costs.move[a, b] for a, b in itertools.pairwise(mine))
        return float(total)

    def costs(self, series_id: str, *, followers: bool, prefer: bool = True) -> _Costs:
        """The costs of placing a series given the others placed: its own, its soft
        links to its preparers, :data:`PENALTY` for each rule it would break; with
        ``followers``, its followers' links too (hard ones as windows it must meet in);
        with ``prefer``, the given preferences and the repairs' banned slots (without
        it, the plan's own cost)."""
        info = self.info[series_id]
        node = info.base.copy()
        if prefer:  # the preferences, and the slots the repairs keep the series off
            wanted = self.prefer.get(series_id, {})
            node += np.array([wanted.get(day, 0) for day in info.dates], float)
            for index in self.banned[series_id]:
                node[index] += PENALTY
        # a slot no preparing slot can reach costs more than one the next round can mend
        alive = self.alive[series_id]
        node[[i for i in range(info.size) if i not in alive]] += DEAD_PENALTY
        for index in self.overlapping(info.series):
            node[index] += PENALTY
        for link in self.links:
            if link.after == series_id and link.before in self.placed:
                node += self.preparer_costs(link, info)
        start, end, move = info.start.copy(), info.end.copy(), info.move.copy()
        none = 0.0
        windows = [(i, i) for i in sorted(self.forced[series_id] | info.pinned)]
        windows.extend(info.windows)
        windows = [(low, high) for low, high in windows if low <= high]
        if followers:
            for link in self.links:
                if link.before != series_id or link.after not in self.placed:
                    continue
                days = self.placed_dates(link.after)
                if link.hard:
                    windows.extend(info.window_of(link, day) for day in days)
                    continue
                for day in days:
                    none += link.weight * link.cap_days
                    self.add_follower(link, info, day, start=start, end=end, move=move)
        return _Costs(node, start, end, move, _INF if windows else none, tuple(windows))

    def preparer_costs(self, link: Link, info: _Series) -> Vector:
        """Per slot of the follower: its soft link's cost, or the hard link's penalty."""
        before = self.placed_dates(link.before)
        cost = np.zeros(info.size)
        for index, day in enumerate(info.dates):
            distance = _distance(link, before, day)
            cost[index] = (PENALTY if distance else 0) if link.hard else link.weight * distance
        return cost

    @staticmethod
    def add_follower(
        link: Link, info: _Series, day: dt.date, *, start: Vector, end: Vector, move: Matrix
    ) -> None:
        """Add the soft link cost of a following meeting on ``day`` to a preparing
        series' costs: the nearest of its meetings is one of the two consecutive
        meetings around the middle of the window (the distance falls, then rises)."""
        reach = np.array([min(link.distance(d, day), link.cap_days) for d in info.dates], float)
        reach *= link.weight
        middle = day - dt.timedelta(days=(link.min_days + link.max_days) // 2)
        split = bisect_right(info.dates, middle)
        move[:split, split:] += np.minimum(reach[:split, None], reach[None, split:])
        start[split:] += reach[split:]
        end[:split] += reach[:split]

    def placed_dates(self, series_id: str) -> list[dt.date]:
        dates = self.info[series_id].dates
        return [dates[i] for i in self.placed[series_id]]

    def overlapping(self, series: Series) -> set[int]:
        """The slots of ``series`` that overlap a placed meeting of the same body."""
        taken: dict[dt.date, list[tuple[int, int]]] = {}
        for other_id, indexes in self.placed.items():
            if other_id == series.id or self.problem.get_series(other_id).body != series.body:
                continue
            for i in indexes:
                slot = self.calendar.slots(other_id)[i]
                for day, first, last in spans(slot.date, slot.start, slot.end, slot.end_date):
                    taken.setdefault(day, []).append((first, last))
        hits: set[int] = set()
        if not taken:
            return hits
        for index, slot in enumerate(self.calendar.slots(series.id)):
            for day, first, last in spans(slot.date, slot.start, slot.end, slot.end_date):
                if any(first < b and a < last for a, b in taken.get(day, ())):
                    hits.add(index)
        return hits

    # -- repairs ------------------------------------------------------------------------

    def broken(self, series_id: str) -> list[int]:
        """The chosen slots of ``series_id`` that break a rule between series."""
        series = self.problem.get_series(series_id)
        dates = self.info[series_id].dates
        chosen = self.placed[series_id]
        broken = self.overlapping(series) & set(chosen)
        for link in self.links:
            if link.after != series_id or not link.hard or link.before not in self.placed:
                continue
            before = self.placed_dates(link.before)
            broken.update(i for i in chosen if _distance(link, before, dates[i]))
        return sorted(broken)

    def repair(self, trouble: Sequence[tuple[str, int]]) -> bool:
        """Change the rules of the next placement so that each broken slot is mended: a
        preparing series must meet within the window, a series placed earlier must keep
        off an overlapping slot. ``False`` when nothing could be changed."""
        changed = False
        for series_id, index in trouble:
            slot = self.calendar.slots(series_id)[index]
            for link in self.links:
                if link.after == series_id and link.hard:
                    changed |= self.cover(link, slot)
            body = self.problem.get_series(series_id).body
            for other_id, indexes in self.placed.items():
                if other_id == series_id or self.problem.get_series(other_id).body != body:
                    continue
                for i in indexes:
                    clash = _overlaps(self.calendar.slots(other_id)[i], slot)
                    if clash and i not in self.forced[other_id] | self.banned[other_id]:
                        self.banned[other_id].add(i)
                        changed = True
        return changed

    def apart(self, series_id: str) -> set[int]:
        """The forced slots of a series, in date order, each kept only when it keeps the
        series' least gap to those kept before it."""
        info = self.info[series_id]
        least = info.series.min_gap_days or 1
        kept: list[int] = []
        for index in sorted(self.forced[series_id]):
            if not kept or (info.dates[index] - info.dates[kept[-1]]).days >= least:
                kept.append(index)
        return set(kept)

    def cover(self, link: Link, slot: Slot) -> bool:
        """Make the preparing series of ``link`` meet within its window before ``slot``
        (the day nearest the window's middle); ``False`` when nothing changed."""
        if not _distance(link, self.placed_dates(link.before), slot.date):
            return False
        info = self.info[link.before]
        low, high = info.window_of(link, slot.date)
        alive = self.alive[link.before]
        banned = self.banned[link.before]
        options = [i for i in range(low, high + 1) if i in alive and i not in banned]
        if not options:
            return False
        # a slot that keeps the least gap to the slots forced already, when there is one
        least = info.series.min_gap_days or 0
        forced = [info.dates[i] for i in self.forced[link.before]]
        apart = [
            i for i in options if all(abs((info.dates[i] - day).days) >= least for day in forced)
        ]
        options = apart or options
        middle = slot.date - dt.timedelta(days=(link.min_days + link.max_days) // 2)
        pick = min(options, key=lambda i: (abs((info.dates[i] - middle).days), i))
        if pick in self.forced[link.before]:
            return False
        self.forced[link.before].add(pick)
        return True


def _require(windows: Sequence[tuple[int, int]], start: Vector, end: Vector, move: Matrix) -> None:
    """Keep at least one meeting within each window (first, last slot): no step from
    before a window to after it, no first meeting after one, no last before one."""
    windows = [(low, high) for low, high in windows if low <= high]
    if not windows:
        return
    size = len(start)
    lows = np.array([low for low, _ in windows])
    highs = np.array([high for _, high in windows])
    start[min(highs) + 1 :] = _INF
    end[: max(lows)] = _INF
    order = np.argsort(lows)
    lows, highs = lows[order], highs[order]
    # for each slot, the earliest end of a window that starts after it
    later_end = np.minimum.accumulate(highs[::-1])[::-1]
    after = np.searchsorted(lows, np.arange(size), side="right")
    limit = np.full(size, size, dtype=np.int64)
    inside = after < len(lows)
    limit[inside] = later_end[after[inside]]
    move[np.arange(size)[None, :] > limit[:, None]] = _INF


def _count_cost(problem: Problem, count: Count, meetings: int) -> float:
    """The count's cost of ``meetings`` (none for an exact count)."""
    if count.min == count.max:
        return 0.0
    return float(problem.weights.count * abs(meetings - count.preferred))


def _moves(
    series: Series, slots: Sequence[Slot], segments: Sequence[Segment], weight: int
) -> Matrix:
    """The cost of each step from one meeting (row) to the next (column) of the same
    segment: the gap's spread cost (with the segment's even gap) where the gap rules
    allow it and the meetings do not overlap."""
    size = len(slots)
    dates = [slot.date for slot in slots]
    move = np.full((size, size), _INF)
    least = max(series.min_gap_days or 0, 1)
    most = series.max_gap_days
    for segment in segments:
        preferred, window, hi = segment.count.preferred, segment.window, segment.hi
        gap = np.array([gap_cost(d, window, preferred) for d in range(size)], float) * weight
        for row in range(segment.lo, hi):
            low = bisect_left(dates, dates[row] + dt.timedelta(days=least), row + 1, hi)
            high = hi
            if most is not None:
                high = bisect_right(dates, dates[row] + dt.timedelta(days=most), row + 1, hi)
            move[row, low:high] = gap[low - row : high - row]
            end = slots[row].end_date
            for column in range(low, high):  # a meeting of several days: no overlap
                if dates[column] > end:
                    break
                if _overlaps(slots[row], slots[column]):
                    move[row, column] = _INF
    return move


def _distance(link: Link, before: Sequence[dt.date], day: dt.date) -> int:
    """Days outside the link's window from ``day`` to the nearest preparing meeting
    (``before`` sorted), at most ``link.cap_days`` (as the planner's model has it);
    for a hard link only whether there is one (0) or not (1)."""
    reach = 0 if link.hard else link.cap_days
    low = bisect_left(before, day - dt.timedelta(days=link.max_days + reach))
    high = bisect_right(before, day - dt.timedelta(days=link.min_days - reach))
    if link.hard:  # 0 when a preparing meeting is within the window, else 1
        return 0 if low < high else 1
    found = (link.distance(other, day) for other in before[low:high])
    return min(min(found, default=link.cap_days), link.cap_days)


def _overlaps(first: Slot, second: Slot) -> bool:
    one = {day: (a, b) for day, a, b in spans(first.date, first.start, first.end, first.end_date)}
    for day, a, b in spans(second.date, second.start, second.end, second.end_date):
        if day in one and a < one[day][1] and one[day][0] < b:
            return True
    return False
