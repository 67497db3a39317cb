"""The plan printed for people: per body, ISO week, date, time, place, and for a
linked series how many days after its preparing meeting; the milestones a meeting
serves, reserve dates marked as such, and a series counted per year year by year."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from motesplan.planner.plan import Meeting, Plan, Result
from motesplan.planner.problem import Count, Link, Problem, Series
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

__all__ = ["format_plan", "format_result", "preparing_meeting"]


def format_plan(problem: Problem, plan: Plan, language: str = DEFAULT_LANGUAGE) -> str:
    """The plan as text, one block per body and series.

    Each meeting is a line: week, date, time, place, and in brackets the milestones
    it serves (its labels), how many days after its preparing meeting it comes, and
    whether it is pinned, cancelled or a reserve date. A series' heading counts its
    meetings (reserve dates and cancelled meetings not included) and its reserve
    dates. A series counted per year gets a line per year, with that year's count
    (and, for a year the period covers only in part, the range that year has).

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
        meetings = plan.of_series(series.id, include_cancelled=True, include_tentative=True)
        if not meetings:
            continue
        body = problem.get_body(series.body)
        heading = series.name if series.name == body.name else f"{series.name} ({body.name})"
        if series.count.per_year:
            lines.append(heading)
            counts = dict(problem.counts_of(series))
            for year in sorted({m.date.year for m in meetings}):
                mine = [m for m in meetings if m.date.year == year]
                count = _counted(mine, language)
                part = _part_of_year(problem, year, counts.get(year), language)
                lines.append(f"  {year} — {count}{part}")
                lines.extend(_meeting_lines(problem, plan, series, mine, language))
        else:
            lines.append(f"{heading} — {_counted(meetings, language)}")
            lines.extend(_meeting_lines(problem, plan, series, meetings, language))
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


def _counted(meetings: Sequence[Meeting], language: str) -> str:
    """``9 möten``, and ``, 1 reservdatum`` when there are reserve dates."""
    held = sum(1 for m in meetings if m.held)
    text = plural("plan.meetings", held, language)
    reserves = sum(1 for m in meetings if m.tentative)
    if reserves:
        text += ", " + plural("plan.reserves", reserves, language)
    return text


def _part_of_year(problem: Problem, year: int, count: Count | None, language: str) -> str:
    """`` (del av året: 4–6 möten)`` for a year the period covers only in part."""
    whole = problem.start <= dt.date(year, 1, 1) and dt.date(year, 12, 31) <= problem.end
    if whole or count is None:
        return ""
    span = str(count.min) if count.min == count.max else f"{count.min}–{count.max}"
    return " (" + plural("plan.part_year", count.max, language, range=span) + ")"


def _meeting_lines(
    problem: Problem,
    plan: Plan,
    series: Series,
    meetings: Sequence[Meeting],
    language: str,
) -> list[str]:
    """One line per meeting (and its own note under it)."""
    lines: list[str] = []
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
        extra: list[str] = list(meeting.labels)
        for link in () if meeting.tentative else links:  # a reserve date follows no link
            before = plan.of_series(link.before)
            if before:
                last = preparing_meeting(link, before, meeting)
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
        if meeting.tentative:
            extra.append(phrase("plan.reserve", language))
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
    return lines


def preparing_meeting(link: Link, before: Sequence[Meeting], meeting: Meeting) -> Meeting:
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
