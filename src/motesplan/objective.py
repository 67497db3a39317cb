"""The definitions of the soft terms, shared by the solver (which optimises them) and
the checker (which measures them on any plan). See ``docs/objective.md``.

* **spread** -- a series' meetings should be spread evenly over the slots it may
  use. Number its candidate slots ``0..m-1`` in date order and let ``C_k`` be how
  many meetings fall on or before slot ``k``. With ``N`` meetings, evenly spread
  means ``C_k = N (k + 1/2) / m``. The cost is the sum over ``k`` of the distance
  between the two, in tenths of a meeting: the number of meeting-slots (weeks, for
  a weekly series) the meetings would have to move to be perfectly even, times 10.
* **count** -- every meeting away from the series' preferred count.
* **location** -- every step down the series' list of places.
* **link** -- for a soft link, every day the nearest preparing meeting is outside
  the window (at most ``cap_days`` per meeting).
* **unavailable** -- the weight of every soft unavailable time a meeting falls on.
"""

from __future__ import annotations

__all__ = ["SPREAD_SCALE", "spread_target"]

SPREAD_SCALE = 10
"""Spread is measured in tenths of a meeting."""


def spread_target(count: int, k: int, slots: int) -> int:
    """Meetings (in tenths) that an even spread has on or before slot ``k`` of ``slots``.

    >>> [spread_target(2, k, 10) for k in range(10)]
    [1, 3, 5, 7, 9, 11, 13, 15, 17, 19]
    """
    return (SPREAD_SCALE * count * (2 * k + 1) + slots) // (2 * slots)
