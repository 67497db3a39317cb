"""Replanning a booked plan, and the alternatives for one meeting: the records.

:func:`motesplan.planner.replan` takes the plan that is already booked and the changed
rules, and returns the plan that keeps every rule and changes the booked one
least: as few meetings moved, cancelled or added as possible, then as few days
moved as possible, then the lowest soft cost. Meetings keep their ids (and so
their calendar UIDs) when they stay or move; a moved or changed meeting's
``sequence`` goes up by one, and a cancelled one stays in the plan, marked
cancelled, so :func:`motesplan.write_changes` sends exactly the changed meetings.

:func:`motesplan.alternatives` answers "can we take the 14th instead?": the best
other dates for one booked meeting, each with what it costs.
"""

from __future__ import annotations

import datetime as dt

from attrs import frozen

from motesplan.errors import Renderable
from motesplan.planner.diff import Changes
from motesplan.planner.plan import Meeting, Plan, Result

__all__ = ["Alternative", "Alternatives", "ReplanResult"]


@frozen
class ReplanResult:
    """What :func:`motesplan.planner.replan` returns.

    Attributes:
        result: the new plan as a :class:`~motesplan.Result` (status, plan with the
            booked ids, soft costs, reason when there is no plan).
        previous: the booked plan.
        changes: what changed, meeting by meeting (empty without a plan).
        freeze_until: meetings before this day were not allowed to move.
        moved_days: the days the moved meetings moved, in total.
    """

    result: Result
    previous: Plan
    changes: Changes
    freeze_until: dt.date | None = None
    moved_days: int = 0

    @property
    def plan(self) -> Plan | None:
        """The new plan (``None`` when there is none)."""
        return self.result.plan


@frozen
class Alternative:
    """Another date for one meeting, and what taking it costs.

    Attributes:
        meeting: the meeting on its new date (same id).
        cost_change: the change in soft cost (points) against the best plan that
            keeps the meeting where it is; negative when the new date is cheaper.
        others: what else changes with it: the other meetings that must move, be
            cancelled or be added (the target meeting itself is left out).
        plan: the whole plan with the meeting on that date.
    """

    meeting: Meeting
    cost_change: int
    others: Changes
    plan: Plan

    @property
    def date(self) -> dt.date:
        """The new date."""
        return self.meeting.date

    @property
    def moves_with(self) -> int:
        """How many other meetings change with it."""
        others = self.others
        return len(others.moved_or_changed) + len(others.added) + len(others.cancelled)


@frozen
class Alternatives:
    """What :func:`motesplan.alternatives` returns.

    Attributes:
        meeting: the booked meeting asked about.
        options: the best other dates, best first (fewest other meetings changed,
            then the lowest cost change, then the nearest date).
        considered: how many dates were tried.
        feasible: how many of them keep every rule.
        unfinished: how many dates the time limit stopped before the best plan with
            the meeting there was proven (their options may not be the best).
        baseline: the soft cost (points) of the best plan that keeps the meeting.
        runtime: wall-clock seconds.
        reason: why there is no option at all, when there is none (a catalogue
            message, rendered in a language when printed).
    """

    meeting: Meeting
    options: tuple[Alternative, ...]
    considered: int
    feasible: int
    unfinished: int
    baseline: int | None
    runtime: float = 0.0
    reason: Renderable | None = None
