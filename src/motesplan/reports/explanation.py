"""Why no plan exists, for people: :func:`format_explanation`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from motesplan.planner.explanation import Explanation
from motesplan.text import Capitalized, phrase

__all__ = ["format_explanation"]


def format_explanation(
    explanation: Explanation[Any], language: str, config_path: str | Path | None = None
) -> str:
    """The explanation for people: the summary, one line per rule with where it was
    stated when it came from a configuration file (``sodertorn-2024.toml: links[0]``
    when ``config_path`` is given, else ``links[0]``), and what removing a rule does.
    Ends with a newline.

    >>> from motesplan import ConflictRule, Pin, PublicHolidays, Rule, Source
    >>> from motesplan.text import Joined
    >>> pinned = Pin("b", "2024-05-09", source=Source("x.toml", "pins[0]"))
    >>> pin = ConflictRule(
    ...     Rule.PIN, Joined("", ["Beta (torsdagar) har ett fastlagt möte 9 maj"]), pinned)
    >>> holidays = ConflictRule(Rule.UNAVAILABLE,
    ...     Joined("", ["9 maj (Kristi himmelsfärdsdag) är otillgänglig"]), PublicHolidays())
    >>> summary = Joined(", men ", [pin.text, "9 maj är otillgänglig"])
    >>> explanation = Explanation((pin, holidays), True, summary)
    >>> print(format_explanation(explanation, "sv", "x.toml"), end="")
    Beta (torsdagar) har ett fastlagt möte 9 maj, men 9 maj är otillgänglig.
    Regler som inte kan gälla samtidigt:
      - Beta (torsdagar) har ett fastlagt möte 9 maj [x.toml: pins[0]]
      - 9 maj (Kristi himmelsfärdsdag) är otillgänglig
    Tas någon av dem bort eller ändras, går just den här konflikten att lösa.
    """
    summary = explanation.summary.render(language)
    if not summary.endswith((".", "!", "?")):
        summary += "."
    lines = [summary, phrase("xp.rules", language)]
    for rule in explanation.rules:
        text = Capitalized(rule.text).render(language)
        where = rule.where
        if not where:
            lines.append(phrase("xp.rule_alone", language, text=text))
            continue
        source = where if config_path is None else f"{config_path}: {where}"
        lines.append(phrase("xp.rule", language, text=text, source=source))
    lines.append(phrase("xp.minimal" if explanation.minimal else "xp.not_minimal", language))
    return "\n".join(lines) + "\n"
