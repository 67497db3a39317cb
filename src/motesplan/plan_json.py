"""The public JSON plan format (``docs/json-format.md``): write and read.

Writing is deterministic: keys in a fixed order, no timestamps, UTF-8, a final
newline. Reading accepts any file in the format (written by motesplan or by hand)
and raises :class:`~motesplan.errors.PlanFormatError` naming the file and the key.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from motesplan import __version__
from motesplan.errors import PlanFormatError, ValidationError
from motesplan.model import Form
from motesplan.plan import Cost, Meeting, MeetingStatus, Plan, Result

__all__ = ["FORMAT_VERSION", "plan_from_json", "plan_to_json", "read_plan_json", "result_to_json"]

FORMAT_VERSION = 1


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
    }
    return data


def _cost_json(cost: Cost) -> dict[str, Any]:
    return {
        "rule": cost.rule,
        "subject": cost.subject,
        "meeting": cost.meeting,
        "amount": cost.amount,
        "points": cost.points,
    }


def plan_to_json(
    plan: Plan,
    *,
    status: str = "unknown",
    costs: tuple[Cost, ...] = (),
    objective: int | None = None,
    bound: int | None = None,
    reason: str = "",
) -> str:
    """The plan as JSON text (deterministic, with a final newline)."""
    data: dict[str, Any] = {
        "format": FORMAT_VERSION,
        "generator": f"motesplan {__version__}",
        "name": plan.name,
        "status": status,
        "reason": reason,
        "timezone": plan.timezone,
        "period": {"start": plan.start.isoformat(), "end": plan.end.isoformat()},
        "objective": objective,
        "bound": bound,
        "meetings": [_meeting_json(m) for m in plan.meetings],
        "costs": [_cost_json(c) for c in costs],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def result_to_json(
    result: Result,
    problem_name: str = "",
    timezone: str = "Europe/Stockholm",
    period: tuple[dt.date, dt.date] | None = None,
) -> str:
    """A solve result as JSON; a result without plan gives an empty meeting list."""
    plan = result.plan
    if plan is None:
        start, end = period or (dt.date.min, dt.date.min)
        plan = Plan(start, end, (), timezone, problem_name)
    return plan_to_json(
        plan,
        status=result.status.value,
        costs=result.costs,
        objective=result.objective,
        bound=result.bound,
        reason=result.reason,
    )


def _field(data: Mapping[str, Any], key: str, kind: type, where: str) -> Any:
    if key not in data:
        raise PlanFormatError(f"{where}: missing key '{key}'")
    value = data[key]
    if not isinstance(value, kind) or (isinstance(value, bool) and kind is not bool):
        raise PlanFormatError(
            f"{where}: key '{key}' should be {kind.__name__}, got {type(value).__name__} {value!r}"
        )
    return value


def plan_from_json(text: str, *, source: str = "<json>") -> Plan:
    """Read a plan from JSON text.

    Raises:
        PlanFormatError: naming ``source`` and the key when the text is not a plan.
    """
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise PlanFormatError(
            f"{source}, line {error.lineno}: not valid JSON: {error.msg}"
        ) from error
    if not isinstance(data, dict):
        raise PlanFormatError(f"{source}: expected a JSON object with 'meetings'")
    try:
        period = _field(data, "period", dict, source)
        start = dt.date.fromisoformat(_field(period, "start", str, f"{source}: period"))
        end = dt.date.fromisoformat(_field(period, "end", str, f"{source}: period"))
        meetings = []
        for index, item in enumerate(_field(data, "meetings", list, source)):
            where = f"{source}: meetings[{index}]"
            if not isinstance(item, dict):
                raise PlanFormatError(f"{where}: expected an object")
            day = _field(item, "date", str, where)
            meetings.append(
                Meeting(
                    id=_field(item, "id", str, where),
                    series=_field(item, "series", str, where),
                    title=_field(item, "title", str, where),
                    date=day,
                    start=_field(item, "start", str, where),
                    end=_field(item, "end", str, where),
                    end_date=item.get("end_date") or day,
                    location=item.get("location") or "",
                    form=Form(item.get("form") or Form.IN_PERSON.value),
                    status=MeetingStatus(item.get("status") or MeetingStatus.CONFIRMED.value),
                    note=item.get("note") or "",
                    pinned=bool(item.get("pinned", False)),
                )
            )
        return Plan(
            start,
            end,
            tuple(meetings),
            timezone=str(data.get("timezone") or "Europe/Stockholm"),
            name=str(data.get("name") or ""),
        )
    except (ValueError, ValidationError) as error:
        if isinstance(error, PlanFormatError):
            raise
        raise PlanFormatError(f"{source}: {error}") from error


def read_plan_json(path: str | Path) -> Plan:
    """Read a plan from a JSON file."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise PlanFormatError(f"{path}: cannot read the file: {error}") from error
    return plan_from_json(text, source=str(path))
