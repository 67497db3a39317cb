"""Why no plan exists: the rules that cannot hold together.

When the hard rules of a problem (or a rotation) contradict each other, the solver
finds a small set of them that cannot hold together (CP-SAT assumptions on groups
of constraints, then shrinking the set) and returns it as an :class:`Explanation`:
each rule as the user stated it, the item of the problem it belongs to, and through
that item's :class:`~motesplan.Source` where it was stated in the configuration.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Generic, TypeVar

from attrs import frozen

from motesplan.errors import Renderable
from motesplan.source import Source, source_of

__all__ = ["ConflictRule", "Explanation"]

K = TypeVar("K", bound=StrEnum)


@frozen
class ConflictRule(Generic[K]):
    """One rule of a conflict, as the user stated it.

    Attributes:
        kind: what sort of rule: a :class:`~motesplan.Rule` for a plan (``COUNT``,
            ``MIN_GAP``, ``MAX_GAP``, ``LINK``, ``PIN``, ``UNAVAILABLE``, ``WINDOW``,
            ``OVERLAP``), a :class:`~motesplan.RotationRule` for a rotation
            (``SUCCESSION``, ``FAIRNESS``, ``EXCLUSION``, ``AGREEMENT``, ``GROUP``).
        text: the rule in the user's words: a catalogue message, rendered in a language
            when it is printed (``rule.text.render("sv")``).
        item: the record of the problem the rule belongs to: a
            :class:`~motesplan.Series`, :class:`~motesplan.Link`,
            :class:`~motesplan.Pin`, :class:`~motesplan.Body`, a source of unavailable
            time, a :class:`~motesplan.Term`, :class:`~motesplan.Exclusion`,
            :class:`~motesplan.Agreement`, :class:`~motesplan.Grouping`, or the problem
            itself.
        field: the field of ``item`` that states the rule (``"count"``,
            ``"min_gap_days"``, ``"within"``), ``None`` when it is the item as a whole.
    """

    kind: K
    text: Renderable
    item: object
    field: str | None = None

    @property
    def source(self) -> Source | None:
        """Where the item was stated, when it came from a configuration file."""
        return source_of(self.item)

    @property
    def where(self) -> str:
        """The key path of the rule in the configuration file (``series[1].count``,
        ``links[0]``, ``unavailable.periods[1]``), ``""`` for a problem built in Python."""
        source = self.source
        return "" if source is None else source.at(self.field)


@frozen
class Explanation(Generic[K]):
    """A set of rules that cannot all hold together.

    Attributes:
        rules: the conflicting rules.
        minimal: whether removing any one of them was shown to make a plan possible
            (``False`` when the time limit stopped the shrinking first).
        summary: the conflict in one or two sentences for people, rendered in a
            language when it is printed (``explanation.summary.render("en")``).
    """

    rules: tuple[ConflictRule[K], ...]
    minimal: bool
    summary: Renderable
