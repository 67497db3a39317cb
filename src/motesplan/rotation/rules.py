"""The rules of a chair rotation by kind.

A broken rule (:class:`~motesplan.RotationViolation`), a departure from the turn order
(:class:`~motesplan.Deviation`) and a rule of a conflict (:class:`~motesplan.ConflictRule`
of a rotation) say which rule they are about with a :class:`RotationRule`. Its values
are the words of the JSON files and the tags the command line prints.
"""

from __future__ import annotations

from enum import StrEnum

__all__ = ["RotationRule"]


class RotationRule(StrEnum):
    """What a broken rule, a departure from the turn order or a conflict is about."""

    YEAR = "year"
    """A planned year missing, or a year outside the plan."""
    MEMBER = "member"
    """A seat held by someone who is not a member."""
    SAME = "same"
    """One member holding both seats in a year."""
    SUCCESSION = "succession"
    """The vice-chair of a year does not chair the year after."""
    FAIRNESS = "fairness"
    """A member chairs again before every other member has chaired since."""
    EXCLUSION = "exclusion"
    """A member serves in a year it cannot."""
    AGREEMENT = "agreement"
    """An agreed assignment not kept."""
    GROUP = "group"
    """Chair and vice-chair of one group in a year that has groups."""
    KNOCK_ON = "knock_on"
    """(A departure only) moved because other members moved."""
