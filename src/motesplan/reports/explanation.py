"""Why no plan exists, for people: :func:`format_explanation`."""

from __future__ import annotations

from pathlib import Path

from motesplan.planner.explanation import Explanation
from motesplan.text import Capitalized, phrase

__all__ = ["format_explanation"]


def format_explanation(
    explanation: Explanation, language: str, config_path: str | Path | None = None
) -> str:
    """The explanation for people: the summary, one line per rule with where it comes
    from (``sodertorn-2024.toml: links[0]`` when ``config_path`` is given), and what
    removing a rule does. Ends with a newline.

    >>> from motesplan import ConflictRule
    >>> from motesplan.text import Joined
    >>> pin = ConflictRule(
    ...     "pin", "pins[0]", Joined("", ["Beta (torsdagar) har ett fastlagt möte 9 maj"]))
    >>> holidays = ConflictRule("unavailable", "unavailable.holidays",
    ...     Joined("", ["9 maj (Kristi himmelsfärdsdag) är otillgänglig"]))
    >>> summary = Joined(", men ", [pin.text, "9 maj är otillgänglig"])
    >>> explanation = Explanation((pin, holidays), True, summary)
    >>> print(format_explanation(explanation, "sv", "x.toml"), end="")
    Beta (torsdagar) har ett fastlagt möte 9 maj, men 9 maj är otillgänglig.
    Regler som inte kan gälla samtidigt:
      - Beta (torsdagar) har ett fastlagt möte 9 maj [x.toml: pins[0]]
      - 9 maj (Kristi himmelsfärdsdag) är otillgänglig [x.toml: unavailable.holidays]
    Tas någon av dem bort eller ändras, går just den här konflikten att lösa.
    """
    summary = explanation.summary.render(language)
    if not summary.endswith((".", "!", "?")):
        summary += "."
    lines = [summary, phrase("xp.rules", language)]
    for rule in explanation.rules:
        source = rule.source if config_path is None else f"{config_path}: {rule.source}"
        text = Capitalized(rule.text).render(language)
        lines.append(phrase("xp.rule", language, text=text, source=source))
    lines.append(phrase("xp.minimal" if explanation.minimal else "xp.not_minimal", language))
    return "\n".join(lines) + "\n"
