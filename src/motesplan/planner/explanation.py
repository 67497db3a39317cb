"""Why no plan exists: the rules that cannot all hold together.

When the hard rules of a problem (or a rotation) contradict each other, the solver
finds a small set of them that cannot hold together (CP-SAT assumptions on groups
of constraints, then shrinking the set) and returns it as an :class:`Explanation`:
each rule as the user stated it, with where it comes from in the configuration.
"""

from __future__ import annotations

from attrs import frozen

from motesplan.errors import Renderable

__all__ = ["ConflictRule", "Explanation"]


@frozen
class ConflictRule:
    """One rule of a conflict, as the user stated it.

    Attributes:
        kind: what sort of rule: ``count``, ``min_gap``, ``max_gap``, ``link``,
            ``pin``, ``unavailable``, ``window``, ``overlap``, ``frozen`` for a plan;
            ``succession``, ``fairness``, ``exclusion``, ``agreement``, ``groups``,
            ``history`` for a rotation.
        source: where the rule comes from, as a key path of the TOML configuration
            (``series[1].count``, ``links[0]``, ``pins[2]``,
            ``unavailable.periods[1]``, ``rotation.exclusions[0]``).
        text: the rule in the user's words: a catalogue message, rendered in a language
            when it is printed (``rule.text.render("sv")``).
    """

    kind: str
    source: str
    text: Renderable


@frozen
class Explanation:
    """A set of rules that cannot all hold together.

    Attributes:
        rules: the conflicting rules.
        minimal: whether removing any one of them was shown to make a plan possible
            (``False`` when the time limit stopped the shrinking first).
        summary: the conflict in one or two sentences for people, rendered in a
            language when it is printed (``explanation.summary.render("en")``).
    """

    rules: tuple[ConflictRule, ...]
    minimal: bool
    summary: Renderable
