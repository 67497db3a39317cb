"""What changed between two versions of a plan, meetings matched by their ids.

Replanning keeps the ids of the meetings it keeps or moves, so comparing by id
tells which meetings moved, which were added and which were cancelled: exactly
the meetings the update and cancellation calendars must carry.
"""

from __future__ import annotations

import attrs
from attrs import frozen

from motesplan.planner.plan import Meeting, Plan

__all__ = ["Changes", "changes", "same_for_people"]


def same_for_people(previous: Meeting, current: Meeting) -> bool:
    """Equal in everything a calendar shows (not ``sequence`` or ``pinned``)."""
    return attrs.evolve(previous, sequence=0, pinned=False) == attrs.evolve(
        current, sequence=0, pinned=False
    )


@frozen
class Changes:
    """What changed between two versions of a plan, meetings matched by id.

    Attributes:
        moved_or_changed: (previous, current) pairs of meetings whose time, place,
            title, form or note changed, or that were cancelled and are back.
        added: confirmed meetings of the current plan whose id is new.
        cancelled: meetings confirmed in the previous plan that the current plan
            leaves out or marks cancelled (as they were in the previous plan).
        unchanged: meetings of the current plan that need no message (the same as
            before, or cancelled in both). A meeting cancelled in the previous plan
            and left out of the current one is in no group.
    """

    moved_or_changed: tuple[tuple[Meeting, Meeting], ...] = ()
    added: tuple[Meeting, ...] = ()
    cancelled: tuple[Meeting, ...] = ()
    unchanged: tuple[Meeting, ...] = ()

    @property
    def any(self) -> bool:
        """Whether there is anything to send."""
        return bool(self.moved_or_changed or self.added or self.cancelled)


def changes(previous: Plan, current: Plan) -> Changes:
    """Compare two versions of a plan by meeting id.

    Args:
        previous: the plan that was sent out.
        current: the new plan.

    Returns:
        The :class:`Changes`, each group in date order.
    """
    moved: list[tuple[Meeting, Meeting]] = []
    added: list[Meeting] = []
    cancelled: list[Meeting] = []
    unchanged: list[Meeting] = []
    for meeting in current.meetings:
        before = previous.get(meeting.id)
        if before is None:
            if not meeting.cancelled:
                added.append(meeting)
        elif meeting.cancelled:
            if before.cancelled:
                unchanged.append(meeting)
            else:
                cancelled.append(before)
        elif before.cancelled or not same_for_people(before, meeting):
            moved.append((before, meeting))
        else:
            unchanged.append(meeting)
    current_ids = {m.id for m in current.meetings}
    cancelled.extend(m for m in previous.meetings if m.id not in current_ids and not m.cancelled)
    return Changes(
        moved_or_changed=tuple(moved),
        added=tuple(added),
        cancelled=tuple(sorted(cancelled, key=Meeting.sort_key)),
        unchanged=tuple(unchanged),
    )
