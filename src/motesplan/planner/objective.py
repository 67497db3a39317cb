"""The definitions of the soft terms, shared by the solver (which optimises them) and
the checker (which measures them on any plan). See ``docs/objective.md``.

* **spread** -- a series' meetings should be spread evenly over the slots it may
  use. Number its candidate slots ``0..m-1`` in date order (so days it may not use,
  such as the summer break, do not count). With ``P`` meetings (the series'
  preferred count) an even spread has a gap of ``g = m / P`` slots between
  consecutive meetings and half a gap before the first and after the last. The
  cost is how far each gap is from that, summed, in tenths of a slot (a week, for
  a weekly series): ``|d - g|`` for a gap of ``d`` slots, and ``|s - (g/2 - 1/2)|``
  for the ``s`` slots before the first meeting and after the last.
  A linked follower measures its spread over a *window* of its slots, from where
  its link lets it start (``min_days`` after its preparer's window starts) to where
  it lets it end (:func:`spread_windows`), so an even chain costs nothing at its start.
  With a count per year (``Count(per="year")``) the spread is measured year by year:
  each calendar year's slots (within the window) are a :class:`Segment` with that
  year's count, half a gap before its first meeting and after its last, and no gap
  across New Year.
* **count** -- every meeting away from the series' preferred count (in each year,
  for a count per year).
* **location** -- every step down the series' list of places.
* **link** -- for a soft link, every day the nearest preparing meeting is outside
  the window (at most ``cap_days`` per meeting).
* **unavailable** -- the weight of every soft unavailable time a meeting falls on.

Every cost is a whole number, rounded half up per gap, so the solver and the
checker compute the very same figures.
"""

from __future__ import annotations

import datetime as dt
import itertools
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence

from attrs import frozen

from motesplan.planner.problem import Count, Problem, Series

__all__ = [
    "SPREAD_SCALE",
    "Segment",
    "edge_cost",
    "gap_cost",
    "segments",
    "spread_cost",
    "spread_windows",
]

SPREAD_SCALE = 10
"""Spread is measured in tenths of a slot."""


def _rounded(numerator: int, denominator: int) -> int:
    """``numerator / denominator`` rounded half up (both >= 0, denominator > 0)."""
    return (2 * numerator + denominator) // (2 * denominator)


def gap_cost(gap: int, slots: int, preferred: int) -> int:
    """Cost of ``gap`` slots between consecutive meetings: ``10 |gap - slots/preferred|``.

    >>> [gap_cost(d, 10, 2) for d in range(8)]
    [50, 40, 30, 20, 10, 0, 10, 20]
    """
    if preferred <= 0:
        return 0
    return _rounded(abs(SPREAD_SCALE * (gap * preferred - slots)), preferred)


def edge_cost(before: int, slots: int, preferred: int) -> int:
    """Cost of ``before`` slots before the first meeting (or after the last):
    ``10 |before - (g/2 - 1/2)|`` with ``g = slots/preferred``.

    >>> [edge_cost(s, 10, 2) for s in range(5)]
    [20, 10, 0, 10, 20]
    """
    if preferred <= 0:
        return 0
    return _rounded(abs(SPREAD_SCALE * (2 * before * preferred - slots + preferred)), 2 * preferred)


def spread_cost(positions: Sequence[int], slots: int, preferred: int) -> int:
    """The spread cost of meetings at the (sorted) slot ``positions`` of ``slots``.

    >>> spread_cost([2, 7], 10, 2), spread_cost([0, 1], 10, 2)
    (0, 120)
    """
    if not positions or preferred <= 0 or slots <= 0:
        return 0
    total = edge_cost(positions[0], slots, preferred)
    total += sum(gap_cost(b - a, slots, preferred) for a, b in itertools.pairwise(positions))
    return total + edge_cost(slots - 1 - positions[-1], slots, preferred)


def link_order(problem: Problem) -> tuple[str, ...]:
    """The series ids in link order: every preparing series before the series it
    prepares (links that close a cycle do not order), ties in the problem's order.

    >>> from motesplan import Body, Link, Problem, Series
    >>> def weekly(id):
    ...     return Series(id, "a", id.upper(), "monday", "09:00", "10:00", count=2)
    >>> problem = Problem("X", "2024-01-01", "2024-03-31", bodies=[Body("a")],
    ...     series=[weekly("c"), weekly("b"), weekly("a")],
    ...     links=[Link("a", "b", 7, 14), Link("b", "c", 7, 14)])
    >>> link_order(problem)
    ('a', 'b', 'c')
    """
    position = {series.id: index for index, series in enumerate(problem.series)}
    waiting = {series.id: 0 for series in problem.series}
    followers: dict[str, list[str]] = {series.id: [] for series in problem.series}
    for link in problem.links:
        waiting[link.after] += 1
        followers[link.before].append(link.after)
    order: list[str] = []
    ready = sorted((s for s, n in waiting.items() if n == 0), key=position.__getitem__)
    placed: set[str] = set()
    while len(order) < len(position):
        if not ready:  # a cycle: take the first series not yet placed
            ready = [min((s for s in position if s not in placed), key=position.__getitem__)]
        current = ready.pop(0)
        if current in placed:
            continue
        placed.add(current)
        order.append(current)
        for follower in followers[current]:
            waiting[follower] -= 1
            if waiting[follower] == 0 and follower not in placed:
                ready.append(follower)
        ready.sort(key=position.__getitem__)
    return tuple(order)


def spread_windows(
    problem: Problem, dates_of: Callable[[str], Sequence[dt.date]]
) -> dict[str, tuple[int, int]]:
    """For every series, the first and last of its slots over which its spread is
    measured: all of them, except after a link. A follower's window starts
    ``min_days`` after its preparer's window starts and ends at most ``max_days``
    after its preparer's window ends (through the whole chain): where its link lets
    it start and end. An even spread of a chain then keeps every link, instead of
    making a follower pay for the first meeting its link does not let come early.
    A window that would be empty is the whole list.

    Args:
        problem: the problem.
        dates_of: the dates of a series' candidate slots, in order.
    """
    order = link_order(problem)
    rank = {series_id: index for index, series_id in enumerate(order)}
    dates = {series.id: tuple(dates_of(series.id)) for series in problem.series}
    start = {s: (d[0] if d else problem.start) for s, d in dates.items()}
    end = {s: (d[-1] if d else problem.end) for s, d in dates.items()}
    forward = [link for link in problem.links if rank[link.before] < rank[link.after]]
    for series_id in order:
        for link in forward:
            if link.after == series_id:
                shifted = start[link.before] + dt.timedelta(days=link.min_days)
                start[series_id] = max(start[series_id], shifted)
                shifted = end[link.before] + dt.timedelta(days=link.max_days)
                end[series_id] = min(end[series_id], shifted)
    windows: dict[str, tuple[int, int]] = {}
    for series_id, days in dates.items():
        first = bisect_left(days, start[series_id])
        last = bisect_right(days, end[series_id]) - 1
        windows[series_id] = (first, last) if first <= last else (0, len(days) - 1)
    return windows


@frozen
class Segment:
    """A part of a series' slots in which its count holds and its spread is measured:
    the whole period, or with a count per year one calendar year.

    Attributes:
        year: the calendar year, ``None`` for the whole period.
        count: the count that holds in it.
        lo: its first slot (an index into the series' slots).
        hi: one past its last slot.
        first: the first slot of the window its spread is measured over.
        last: the last slot of that window.
    """

    year: int | None
    count: Count
    lo: int
    hi: int
    first: int
    last: int

    @property
    def window(self) -> int:
        """The slots of the window (``m``)."""
        return self.last - self.first + 1

    def spread(self, positions: Sequence[int]) -> int:
        """The spread cost of meetings on these slots (indices into the series' slots,
        sorted, all of this segment)."""
        return spread_cost([p - self.first for p in positions], self.window, self.count.preferred)


def segments(
    problem: Problem, series: Series, dates: Sequence[dt.date], window: tuple[int, int]
) -> tuple[Segment, ...]:
    """The segments of a series whose candidate slots fall on ``dates`` (sorted) and
    whose spread window is ``window`` (:func:`spread_windows`): one for the period, or
    one for each calendar year of it (a count per year, :meth:`Count.years`). A year's
    window is the series' window within the year; when that is empty, the year's slots.
    """
    first, last = window
    if not series.count.per_year:
        return (Segment(None, series.count, 0, len(dates), first, last),)
    found: list[Segment] = []
    for year, count in problem.counts_of(series):
        lo = bisect_left(dates, dt.date(year, 1, 1))
        hi = bisect_left(dates, dt.date(year + 1, 1, 1))
        start, end = max(first, lo), min(last, hi - 1)
        if start > end:
            start, end = lo, hi - 1
        found.append(Segment(year, count, lo, hi, start, end))
    return tuple(found)
