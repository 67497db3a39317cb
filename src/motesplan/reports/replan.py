"""Replanning and alternatives printed for people: what moved, what was added and
cancelled, and what each other date for a meeting would cost."""

from __future__ import annotations

from motesplan.planner.diff import Changes
from motesplan.planner.plan import Meeting
from motesplan.planner.problem import Problem
from motesplan.planner.replan import Alternative, Alternatives, ReplanResult
from motesplan.text import (
    DEFAULT_LANGUAGE,
    check_language,
    format_date,
    format_week,
    phrase,
    plural,
)

__all__ = ["format_alternatives", "format_changes", "format_replan"]


def _when(meeting: Meeting, language: str) -> str:
    return f"{format_date(meeting.date, language)} ({format_week(meeting.date, language)})"


def _name(problem: Problem, meeting: Meeting) -> str:
    known = {series.id: series.name for series in problem.series}
    return f"{meeting.id} {known.get(meeting.series, meeting.title)}"


def _move(before: Meeting, after: Meeting, language: str) -> str:
    if before.date == after.date:
        return phrase("replan.changed_same_day", language, date=_when(after, language))
    days = (after.date - before.date).days
    return phrase(
        "replan.moved_from_to",
        language,
        before=_when(before, language),
        after=_when(after, language),
        days=f"{days:+d}",
    )


def format_changes(problem: Problem, found: Changes, language: str = DEFAULT_LANGUAGE) -> str:
    """The changes, one line per meeting: moved (from → to), added, cancelled, and how
    many meetings stay as they are."""
    language = check_language(language)
    lines = [
        phrase(
            "replan.summary",
            language,
            moved=len(found.moved_or_changed),
            added=len(found.added),
            cancelled=len(found.cancelled),
            unchanged=len(found.unchanged),
        )
    ]
    if found.moved_or_changed:
        lines.append(phrase("replan.moved", language))
        lines.extend(
            f"  {_name(problem, after)}: {_move(before, after, language)}"
            for before, after in found.moved_or_changed
        )
    if found.added:
        lines.append(phrase("replan.added", language))
        lines.extend(f"  {_name(problem, m)}: {_when(m, language)}" for m in found.added)
    if found.cancelled:
        lines.append(phrase("replan.cancelled", language))
        lines.extend(f"  {_name(problem, m)}: {_when(m, language)}" for m in found.cancelled)
    return "\n".join(lines) + "\n"


def format_replan(
    problem: Problem, replanned: ReplanResult, language: str = DEFAULT_LANGUAGE
) -> str:
    """What replanning changed, for people (the new plan itself is printed apart)."""
    language = check_language(language)
    lines = []
    if replanned.freeze_until is not None:
        date = format_date(replanned.freeze_until, language)
        lines.append(phrase("replan.frozen_until", language, date=date))
    if replanned.plan is None:
        return "".join(f"{line}\n" for line in lines)
    if not replanned.changes.any:
        lines.append(phrase("replan.nothing", language, count=len(replanned.changes.unchanged)))
        return "\n".join(lines) + "\n"
    return "".join(f"{line}\n" for line in lines) + format_changes(
        problem, replanned.changes, language
    )


def _option(problem: Problem, number: int, option: Alternative, language: str) -> list[str]:
    cost = phrase("replan.cost_change", language, points=f"{option.cost_change:+d}")
    if not option.moves_with:
        head = f"{number:>2}. {_when(option.meeting, language)}: {cost}; "
        return [head + phrase("replan.alone", language)]
    lines = [f"{number:>2}. {_when(option.meeting, language)}: {cost}; "]
    lines[0] += plural("replan.with_others", option.moves_with, language)
    others = option.others
    lines.extend(
        f"      {_name(problem, after)}: {_move(before, after, language)}"
        for before, after in others.moved_or_changed
    )
    lines.extend(
        f"      {_name(problem, m)}: {phrase('replan.is_added', language)} {_when(m, language)}"
        for m in others.added
    )
    lines.extend(
        f"      {_name(problem, m)}: {phrase('replan.is_cancelled', language)}"
        for m in others.cancelled
    )
    return lines


def format_alternatives(
    problem: Problem, found: Alternatives, language: str = DEFAULT_LANGUAGE
) -> str:
    """The best other dates for a meeting, best first, each with its cost change and
    the other meetings that change with it."""
    language = check_language(language)
    meeting = found.meeting
    lines = [
        phrase(
            "replan.alternatives_for",
            language,
            meeting=_name(problem, meeting),
            date=_when(meeting, language),
        )
    ]
    if found.baseline is None:
        lines.append("" if found.reason is None else found.reason.render(language))
        return "\n".join(lines) + "\n"
    if not found.options:
        lines.append(phrase("replan.no_alternatives", language))
    for number, option in enumerate(found.options, start=1):
        lines.extend(_option(problem, number, option, language))
    lines.append(
        phrase(
            "replan.tried",
            language,
            considered=found.considered,
            feasible=found.feasible,
            baseline=found.baseline,
        )
    )
    if found.unfinished:
        lines.append(phrase("replan.unfinished", language, count=found.unfinished))
    return "\n".join(lines) + "\n"
