"""A chair rotation written for programs: :func:`rotation_to_json` (``docs/rotation.md``)."""

from __future__ import annotations

import json
from typing import Any

from motesplan.rotation.checker import check_rotation
from motesplan.rotation.problem import RotationPlan, RotationProblem
from motesplan.text import DEFAULT_LANGUAGE, check_language

__all__ = ["ROTATION_FORMAT_VERSION", "rotation_to_json"]

ROTATION_FORMAT_VERSION = 1
"""The ``format`` of the rotation JSON; raised when a reader of an older one would
misread it."""


def rotation_to_json(
    problem: RotationProblem, plan: RotationPlan, language: str = DEFAULT_LANGUAGE
) -> str:
    """The plan as deterministic JSON (keys in a fixed order, two-space indent,
    UTF-8 text, a final newline); the format is in ``docs/rotation.md``.

    Members are given by id. ``language`` (default: Swedish) only sets the
    language of the deviations' ``cause``.

    Args:
        problem: the problem the plan answers.
        plan: the plan.
        language: a language code (``sv``, ``en``, ``nb``, ``da``, ``fi``, ``de``).

    Returns:
        The JSON text.

    >>> from motesplan import Member, RotationProblem, RotationPlan, RotationYear
    >>> problem = RotationProblem("K", [Member("a"), Member("b")], 2024, 2024)
    >>> plan = RotationPlan("K", (RotationYear(2024, "a", "b"),))
    >>> import json
    >>> json.loads(rotation_to_json(problem, plan))["years"]
    [{'year': 2024, 'chair': 'a', 'vice_chair': 'b'}]
    """
    language = check_language(language)
    report = check_rotation(problem, plan)
    data: dict[str, Any] = {
        "format": ROTATION_FORMAT_VERSION,
        "body": problem.body,
        "years": [
            {"year": item.year, "chair": item.chair, "vice_chair": item.vice_chair}
            for item in sorted(plan.years, key=lambda year: year.year)
        ],
        "deviations": [
            {
                "member": deviation.member,
                "expected": deviation.expected,
                "actual": deviation.actual,
                "rule": deviation.rule,
                "cause": deviation.cause.render(language),
            }
            for deviation in report.deviations
        ],
        "cost": report.cost,
        "turn_order": list(problem.turn_order()),
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
