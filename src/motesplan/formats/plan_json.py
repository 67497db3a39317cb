"""The public JSON plan format (``docs/json-format.md``): write and read.

Writing is deterministic: keys in a fixed order, no timestamps, UTF-8, a final
newline. Reading accepts any file in the format (written by motesplan or by hand)
and raises :class:`~motesplan.errors.PlanFormatError` naming the file and the key.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from enum import Enum
from pathlib import Path
from typing import Any, TypeVar

from motesplan._convert import to_time
from motesplan._version import __version__
from motesplan.errors import PlanFormatError, ValidationError
from motesplan.planner.explanation import Explanation
from motesplan.planner.plan import Cost, Meeting, MeetingStatus, Plan, Result
from motesplan.planner.problem import Form, Problem
from motesplan.planner.rules import Rule
from motesplan.text import DEFAULT_LANGUAGE, Message, Text, check_language, message, render

__all__ = ["FORMAT_VERSION", "plan_from_json", "plan_to_json", "read_plan_json", "result_to_json"]

FORMAT_VERSION = 1
_E = TypeVar("_E", bound=Enum)


def _meeting_json(meeting: Meeting) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": meeting.id,
        "series": meeting.series,
        "title": meeting.title,
        "date": meeting.date.isoformat(),
        "start": f"{meeting.start:%H:%M}",
        "end": f"{meeting.end:%H:%M}",
        "end_date": meeting.end_date.isoformat(),
        "week": meeting.date.isocalendar().week,
        "location": meeting.location,
        "form": meeting.form.value,
        "status": meeting.status.value,
        "note": meeting.note,
        "pinned": meeting.pinned,
        "sequence": meeting.sequence,
        "labels": list(meeting.labels),
    }
    return data


def _cost_json(cost: Cost) -> dict[str, Any]:
    data: dict[str, Any] = {
        "rule": cost.rule,
        "subject": cost.subject,
        "meeting": cost.meeting,
        "amount": cost.amount,
        "points": cost.points,
    }
    if cost.year is not None:  # a count or spread of a series counted per year
        data["year"] = cost.year
    return data


def plan_to_json(
    plan: Plan,
    *,
    status: str = "unknown",
    costs: tuple[Cost, ...] = (),
    objective: int | None = None,
    bound: int | None = None,
    reason: Text | None = None,
    explanation: Explanation[Rule] | None = None,
    language: str = DEFAULT_LANGUAGE,
) -> str:
    """The plan as JSON text (deterministic, with a final newline). An ``explanation``
    (why no plan exists) adds the key ``explanation``: ``minimal`` and the ``rules``,
    each with ``kind``, ``source`` (its key path in the configuration, ``null`` for a
    problem built in Python) and ``text``. The reason and the rules' texts are
    written in ``language``."""
    language = check_language(language)
    data: dict[str, Any] = {
        "format": FORMAT_VERSION,
        "generator": f"motesplan {__version__}",
        "name": plan.name,
        "status": status,
        "reason": "" if reason is None else str(render(reason, language)),
        "timezone": plan.timezone,
        "period": {"start": plan.start.isoformat(), "end": plan.end.isoformat()},
        "objective": objective,
        "bound": bound,
        "meetings": [_meeting_json(m) for m in plan.meetings],
        "costs": [_cost_json(c) for c in costs],
    }
    if explanation is not None:
        data["explanation"] = {
            "minimal": explanation.minimal,
            "rules": [
                {
                    "kind": rule.kind,
                    "source": rule.where or None,
                    "text": str(render(rule.text, language)),
                }
                for rule in explanation.rules
            ],
        }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def result_to_json(
    result: Result, problem: Problem | None = None, *, language: str = DEFAULT_LANGUAGE
) -> str:
    """A solve result as JSON, its reason and explanation in ``language``. A result
    without a plan gives an empty meeting list, with the name, time zone and period of
    ``problem`` when it is given."""
    plan = result.plan
    if plan is None:
        if problem is None:
            raise ValueError("a result without a plan needs its problem for the period")
        plan = Plan(problem.start, problem.end, (), problem.timezone, problem.name)
    return plan_to_json(
        plan,
        status=result.status.value,
        costs=result.costs,
        objective=result.objective,
        bound=result.bound,
        reason=result.reason,
        explanation=result.explanation,
        language=language,
    )


_MISSING = object()


class _Reader:
    """Reads typed values out of one JSON object, naming ``where`` and the key on error."""

    def __init__(self, data: Mapping[str, Any], where: str) -> None:
        self.data = data
        self.where = where

    def fail(self, key: str, expected: str | Message, value: object) -> PlanFormatError:
        return PlanFormatError(
            message(
                "fmt.json_type",
                where=self.where,
                key=key,
                expected=expected,
                kind=type(value).__name__,
                value=repr(value),
            )
        )

    def get(self, key: str, kind: type, default: object = _MISSING) -> Any:
        if key not in self.data:
            if default is _MISSING:
                raise PlanFormatError(message("fmt.json_missing_key", where=self.where, key=key))
            return default
        value = self.data[key]
        if value is None and default is not _MISSING:
            return default
        if not isinstance(value, kind) or (isinstance(value, bool) and kind is not bool):
            raise self.fail(key, kind.__name__, value)
        return value

    def date(self, key: str, default: object = _MISSING) -> dt.date:
        text = self.get(key, str, default)
        if isinstance(text, dt.date):
            return text
        try:
            return dt.date.fromisoformat(text)
        except ValueError as error:
            raise self.fail(key, message("cfg.want.date"), text) from error

    def time(self, key: str) -> dt.time:
        text = self.get(key, str)
        try:
            return to_time(text)
        except ValidationError as error:
            raise self.fail(key, message("cfg.want.time"), text) from error

    def texts(self, key: str) -> tuple[str, ...]:
        """A list of strings (empty when missing or ``null``)."""
        items = self.get(key, list, [])
        for index, item in enumerate(items):
            if not isinstance(item, str):
                raise self.fail(f"{key}[{index}]", "str", item)
        return tuple(items)

    def choice(self, key: str, kind: type[_E], default: _E) -> _E:
        text = self.get(key, str, default.value)
        try:
            return kind(text)
        except ValueError as error:
            allowed = ", ".join(str(item.value) for item in kind)
            raise self.fail(key, message("cfg.want.language", languages=allowed), text) from error


def _meeting_from(reader: _Reader) -> Meeting:
    day = reader.date("date")
    try:
        return Meeting(
            id=reader.get("id", str),
            series=reader.get("series", str),
            title=reader.get("title", str),
            date=day,
            start=reader.time("start"),
            end=reader.time("end"),
            end_date=reader.date("end_date", day),
            location=reader.get("location", str, ""),
            form=reader.choice("form", Form, Form.IN_PERSON),
            status=reader.choice("status", MeetingStatus, MeetingStatus.CONFIRMED),
            note=reader.get("note", str, ""),
            pinned=reader.get("pinned", bool, False),
            sequence=reader.get("sequence", int, 0),
            labels=reader.texts("labels"),
        )
    except ValidationError as error:
        raise PlanFormatError(
            message("fmt.where", reader_where=reader.where, error=error.message)
        ) from error


def plan_from_json(text: str, *, source: str = "<json>") -> Plan:
    """Read a plan from JSON text.

    Raises:
        PlanFormatError: naming ``source`` and the key when the text is not a plan.
    """
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise PlanFormatError(
            message(
                "fmt.json_invalid", source=source, error_lineno=error.lineno, error_msg=error.msg
            )
        ) from error
    if not isinstance(data, dict):
        raise PlanFormatError(message("fmt.json_object", source=source))
    top = _Reader(data, source)
    period = _Reader(top.get("period", dict), f"{source}: period")
    meetings = []
    for index, item in enumerate(top.get("meetings", list)):
        where = f"{source}: meetings[{index}]"
        if not isinstance(item, dict):
            raise PlanFormatError(message("fmt.json_expected_object", where=where))
        meetings.append(_meeting_from(_Reader(item, where)))
    return Plan(
        period.date("start"),
        period.date("end"),
        tuple(meetings),
        timezone=top.get("timezone", str, "Europe/Stockholm"),
        name=top.get("name", str, ""),
    )


def read_plan_json(path: str | Path) -> Plan:
    """Read a plan from a JSON file."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise PlanFormatError(message("fmt.unreadable", path=path, error=error)) from error
    return plan_from_json(text, source=str(path))
