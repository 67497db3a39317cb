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
* **count** -- every meeting away from the series' preferred count.
* **location** -- every step down the series' list of places.
* **link** -- for a soft link, every day the nearest preparing meeting is outside
  the window (at most ``cap_days`` per meeting).
* **unavailable** -- the weight of every soft unavailable time a meeting falls on.

Every cost is a whole number, rounded half up per gap, so the solver and the
checker compute the very same figures.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

__all__ = ["SPREAD_SCALE", "edge_cost", "gap_cost", "spread_cost"]

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
