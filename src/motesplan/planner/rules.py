"""The rules of a meeting year by kind, and meetings referred to before they have ids.

A broken hard rule (:class:`~motesplan.Violation`), a soft cost (:class:`~motesplan.Cost`)
and a rule of a conflict (:class:`~motesplan.ConflictRule`) all say which rule they
are about with a :class:`Rule`. Its values are the words of the JSON files and the
``[min_gap]`` tags the command line prints, so they stay stable.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from attrs import frozen

__all__ = ["HARD_ALONE", "SOFT_ORDER", "MeetingRef", "Rule"]


class Rule(StrEnum):
    """What a violation, a cost or a rule of a conflict is about."""

    SERIES = "series"
    """A meeting of a series the problem does not have."""
    ID = "id"
    """Two meetings with one id."""
    PERIOD = "period"
    """A meeting outside the plan's period."""
    WEEKDAY = "weekday"
    """A meeting on a weekday its series does not meet on."""
    WINDOW = "window"
    """A meeting outside its series' ``within`` or inside its ``excluding``."""
    TIME = "time"
    """A meeting at other hours, or of another length, than its series."""
    UNAVAILABLE = "unavailable"
    """A meeting on unavailable time (hard: a violation; soft: a cost)."""
    COUNT = "count"
    """Too few or too many meetings (hard), away from the preferred count (soft)."""
    MIN_GAP = "min_gap"
    """Two consecutive meetings closer than the series' least gap."""
    MAX_GAP = "max_gap"
    """Two consecutive meetings further apart than the series' largest gap."""
    OVERLAP = "overlap"
    """Two meetings of one body at the same time."""
    LINK = "link"
    """A meeting without its preparing meeting in the link's window."""
    LOCATION = "location"
    """A place not on the series' list (hard), or lower on it than the first (soft)."""
    PIN = "pin"
    """A pinned meeting missing, or not at the pin's time, place or form."""
    SPREAD = "spread"
    """How unevenly a series' meetings are spread (soft)."""
    MILESTONE = "milestone"
    """Too few meetings of a series in a milestone's window (the budget in November)."""
    RESERVE = "reserve"
    """A reserve date on a day the series may not meet, over another meeting, or too many."""


SOFT_ORDER = (Rule.COUNT, Rule.SPREAD, Rule.LINK, Rule.LOCATION, Rule.UNAVAILABLE)
"""The soft rules, in the order the cost report lists a series' costs."""

HARD_ALONE = frozenset(
    {Rule.PERIOD, Rule.WEEKDAY, Rule.WINDOW, Rule.TIME, Rule.UNAVAILABLE, Rule.LOCATION}
)
"""The broken hard rules that only the meeting itself can mend, by moving (or going)."""


@frozen(order=True)
class MeetingRef:
    """A meeting of a plan still being made, before it has its id: its series and day.

    >>> MeetingRef("lg", dt.date(2024, 3, 1))
    MeetingRef(series='lg', date=datetime.date(2024, 3, 1))
    """

    series: str
    date: dt.date
