"""Why no plan exists: the rules that cannot all hold together.

When the hard rules of a problem (or a rotation) contradict each other, the solver
finds a small set of them that cannot hold together (CP-SAT assumptions on groups
of constraints, then shrinking the set) and returns it as an :class:`Explanation`:
each rule as the user stated it, with where it comes from in the configuration.
"""

from __future__ import annotations

from pathlib import Path

from attrs import frozen

from motesplan.text import phrase

__all__ = ["ConflictRule", "Explanation", "format_explanation"]


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
        text: the rule in the user's words, in the result's language.
    """

    kind: str
    source: str
    text: str


@frozen
class Explanation:
    """A set of rules that cannot all hold together.

    Attributes:
        rules: the conflicting rules.
        minimal: whether removing any one of them was shown to make a plan possible
            (``False`` when the time limit stopped the shrinking first).
        summary: the conflict in one or two sentences for people.
    """

    rules: tuple[ConflictRule, ...]
    minimal: bool
    summary: str


def format_explanation(
    explanation: Explanation, language: str, config_path: str | Path | None = None
) -> str:
    """The explanation for people: the summary, one line per rule with where it comes
    from (``sodertorn-2024.toml: links[0]`` when ``config_path`` is given), and what
    removing a rule does. Ends with a newline.

    >>> pin = ConflictRule("pin", "pins[0]", "Beta (torsdagar) har ett fastlagt möte 9 maj")
    >>> holidays = ConflictRule("unavailable", "unavailable.holidays",
    ...     "9 maj (Kristi himmelsfärdsdag) är otillgänglig")
    >>> summary = "Beta (torsdagar) har ett fastlagt möte 9 maj, men 9 maj är otillgänglig"
    >>> explanation = Explanation((pin, holidays), True, summary)
    >>> print(format_explanation(explanation, "sv", "x.toml"), end="")
    Beta (torsdagar) har ett fastlagt möte 9 maj, men 9 maj är otillgänglig.
    Regler som inte kan gälla samtidigt:
      - Beta (torsdagar) har ett fastlagt möte 9 maj [x.toml: pins[0]]
      - 9 maj (Kristi himmelsfärdsdag) är otillgänglig [x.toml: unavailable.holidays]
    Tas någon av dem bort eller ändras, går just den här konflikten att lösa.
    """
    summary = explanation.summary
    if not summary.endswith((".", "!", "?")):
        summary += "."
    lines = [summary, phrase("xp.rules", language)]
    for rule in explanation.rules:
        source = rule.source if config_path is None else f"{config_path}: {rule.source}"
        text = rule.text[:1].upper() + rule.text[1:]
        lines.append(phrase("xp.rule", language, text=text, source=source))
    lines.append(phrase("xp.minimal" if explanation.minimal else "xp.not_minimal", language))
    return "\n".join(lines) + "\n"
