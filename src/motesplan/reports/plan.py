"""The plan printed for people: per body, ISO week, date, time, place, and for a
linked series how many days after its preparing meeting."""

from __future__ import annotations

from collections.abc import Sequence

from motesplan.planner.plan import Meeting, Plan, Result
from motesplan.planner.problem import Link, Problem
from motesplan.reports.costs import format_costs
from motesplan.text import (
    DEFAULT_LANGUAGE,
    check_language,
    format_date,
    format_day_month,
    format_short_date,
    format_time,
    format_time_range,
    format_week,
    phrase,
    plural,
)

__all__ = ["format_plan", "format_result"]


def format_plan(problem: Problem, plan: Plan, language: str = DEFAULT_LANGUAGE) -> str:
    """The plan as text, one block per body and series.

    Args:
        problem: the problem (for names, links and lunch).
        plan: the plan.
        language: ``sv``, ``en``, ``nb``, ``da``, ``fi`` or ``de`` (default: Swedish).
    """
    language = check_language(language)
    lines = [
        phrase(
            "plan.title",
            language,
            name=problem.name,
            start=format_date(plan.start, language),
            end=format_date(plan.end, language),
        ),
        "",
    ]
    for series in problem.series:
        meetings = plan.of_series(series.id, include_cancelled=True)
        if not meetings:
            continue
        body = problem.get_body(series.body)
        heading = series.name if series.name == body.name else f"{series.name} ({body.name})"
        held = sum(1 for m in meetings if not m.cancelled)
        count = plural("plan.meetings", held, language)
        lines.append(f"{heading} — {count}")
        links = [link for link in problem.links if link.after == series.id]
        for meeting in meetings:
            when = format_short_date(meeting.date, language)
            if meeting.end_date != meeting.date:
                when += f"–{format_short_date(meeting.end_date, language)}"
            parts = [
                f"{format_week(meeting.date, language):>7}",
                when,
                format_time_range(meeting.start, meeting.end, language),
            ]
            place = meeting.location or phrase(f"form.{meeting.form.value}", language)
            parts.append(place)
            extra: list[str] = []
            for link in links:
                before = plan.of_series(link.before)
                if before:
                    last = _preparing(link, before, meeting)
                    other = problem.get_series(link.before).name
                    extra.append(
                        phrase(
                            "plan.after",
                            language,
                            days=(meeting.date - last.date).days,
                            series=other,
                            date=format_day_month(last.date, language),
                        )
                    )
                else:
                    extra.append(phrase("plan.no_before", language))
            if meeting.pinned:
                extra.append(phrase("plan.pinned", language))
            if meeting.cancelled:
                extra.append(phrase("plan.cancelled", language))
            if meeting.title != series.name:
                extra.append(meeting.title)
            line = "  ".join(parts)
            if extra:
                line += "  (" + "; ".join(extra) + ")"
            lines.append(line)
            if meeting.note and meeting.note != series.note:
                lines.append(" " * 9 + meeting.note)
        if series.lunch is not None:
            lines.append(
                " " * 9
                + phrase(
                    "lunch",
                    language,
                    time=format_time(series.lunch, language),
                )
            )
        if series.note:
            lines.append(" " * 9 + series.note)
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def _preparing(link: Link, before: Sequence[Meeting], meeting: Meeting) -> Meeting:
    """The meeting of ``link.before`` that ``meeting`` is measured from: the nearest to
    the link's window (as in the link cost), the later one on a tie."""
    return min(before, key=lambda m: (link.distance(m.date, meeting.date), -m.date.toordinal()))


def format_result(problem: Problem, result: Result, language: str = DEFAULT_LANGUAGE) -> str:
    """A solve result as text: the plan and every soft rule it does not fully meet
    (:func:`~motesplan.reports.costs.format_costs`), or the reason there is none."""
    language = check_language(language)
    status = phrase(
        "plan.status", language, status=phrase(f"status.{result.status.value}", language)
    )
    if result.plan is None:
        reason = "" if result.reason is None else result.reason.render(language)
        return f"{status}\n{reason}\n"
    text = format_plan(problem, result.plan, language)
    costs = format_costs(problem, result.plan, language=language, total=False)
    total = sum(cost.points for cost in result.costs)
    return f"{text}\n{costs}\n{status}\n{phrase('plan.cost', language, cost=total)}\n"
