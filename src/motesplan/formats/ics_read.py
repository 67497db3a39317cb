"""Reading a plan back from an iCalendar file.

:func:`read_calendar` turns an ``.ics`` file (one motesplan wrote, or one exported
from Outlook after hand edits) into a :class:`~motesplan.Plan` that
:func:`motesplan.check` can check. The events are read by ``_ics_events.py``
(shared with :class:`~motesplan.BusyCalendar`, other calendars as unavailable time).
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import attrs
import icalendar

from motesplan._convert import slug
from motesplan._ics_events import (
    DEFAULT_TIMEZONE,
    Moment,
    Occurrence,
    describe_event,
    event_sequence,
    event_text,
    load_calendars,
    local_date,
    local_days,
    occurrences,
    zone_info,
)
from motesplan.errors import PlanFormatError, ValidationError
from motesplan.formats.ics_write import LABEL_SEPARATOR
from motesplan.planner.plan import Meeting, MeetingStatus, Plan
from motesplan.planner.problem import Form, Problem
from motesplan.planner.reserve import reserve_id
from motesplan.text import LANGUAGES, message, phrase

__all__ = ["read_calendar"]

ALL_DAY_START = dt.time(0, 0)
ALL_DAY_END = dt.time(23, 59)
"""An all-day event read as a meeting runs from 00:00 to 23:59 of its days."""

_MEETING_ID = re.compile(
    r"^(?P<series>[A-Za-z0-9][A-Za-z0-9_.-]*?)-(?P<year>\d{4})-(?P<number>\d{2,}|r\d+)$"
)
"""A meeting id as motesplan writes it: ``lg-2024-03``, or a reserve date's ``kf-2027-r1``."""
_ONLINE = re.compile(r"\b(digitalt|digital|online|distans|teams|zoom)\b", re.IGNORECASE)
_IN_PERSON = re.compile(r"\b(fysiskt|fysiskt möte|in[- ]person|på plats)\b", re.IGNORECASE)
_LUNCH = re.compile(r"^(lunch kl\.|lunch at)\s", re.IGNORECASE)
_HYBRID = re.compile(r"\bhybrid", re.IGNORECASE)


# ---------------------------------------------------------------------------
# A plan from a calendar


def read_calendar(
    path_or_bytes: str | Path | bytes,
    problem: Problem | None = None,
    *,
    source: str | None = None,
) -> Plan:
    """Read a plan from an iCalendar file.

    Every VEVENT becomes a :class:`~motesplan.Meeting` (a recurring event: one per
    occurrence in the period). Times are converted to the plan's time zone:
    ``problem.timezone``, else the calendar's ``X-WR-TIMEZONE``, else
    Europe/Stockholm; a time without zone is taken to be in it. The meeting id is
    the part of the UID before ``@`` when it looks like ``<series>-<yyyy>-<nn>``
    (as motesplan writes it); other events get an id made from their series and
    date order. The series comes from that id, else from a series of ``problem``
    whose name is the SUMMARY (or is in it), else from CATEGORIES, else from the
    SUMMARY itself. ``STATUS:CANCELLED`` (or a ``METHOD:CANCEL`` file) gives a
    cancelled meeting, ``STATUS:TENTATIVE`` a reserve date (a tentative meeting; its
    id, when the UID gives none, ``<series>-<yyyy>-r<n>``); SEQUENCE, LOCATION and
    SUMMARY are kept; the DESCRIPTION gives the form when it says
    "digitalt"/"online" or "hybrid". The labels (the milestones a meeting serves)
    are the names after the title in SUMMARY (``"Kommunfullmäktige – Budget"``,
    several joined with ``", "``) that are also in CATEGORIES or are milestones of
    the series in ``problem``; the title is what comes before them. Without such a
    suffix, the CATEGORIES that name milestones of the series are its labels. An
    all-day event runs from 00:00 to 23:59 of its days. The period is the
    problem's, else the span of the events.

    Args:
        path_or_bytes: the file, or its content.
        problem: the problem the plan belongs to (time zone, series, period).
        source: the name to use in error messages (default: the path).

    Returns:
        The plan, ready for :func:`motesplan.check`.

    Raises:
        PlanFormatError: naming the file (and the event, by UID and SUMMARY) when it
            cannot be read, is not UTF-8, is not a calendar, or an event has no DTSTART.
    """
    calendars, where = load_calendars(path_or_bytes, source)
    first = calendars[0]
    zone_name = problem.timezone if problem is not None else DEFAULT_TIMEZONE
    declared = event_text(first, "X-WR-TIMEZONE")
    if problem is None and declared:
        zone_name = declared
    zone = zone_info(zone_name, where)
    window = (problem.start, problem.end) if problem is not None else None
    cancel_all = any(event_text(c, "METHOD").upper() == "CANCEL" for c in calendars)
    reader = _MeetingReader(problem, zone, where, cancel_all)
    meetings = reader.meetings(occurrences(calendars, zone, where, window))
    if problem is not None:
        start, end = problem.start, problem.end
    elif meetings:
        start = min(m.date for m in meetings)
        end = max(m.end_date for m in meetings)
    else:
        raise PlanFormatError(message("fmt.ics_no_events", where=where))
    name = problem.name if problem is not None else event_text(first, "X-WR-CALNAME")
    return Plan(start, end, meetings, timezone=zone_name, name=name)


class _MeetingReader:
    def __init__(
        self, problem: Problem | None, zone: ZoneInfo, where: str, cancel_all: bool
    ) -> None:
        self.problem = problem
        self.zone = zone
        self.where = where
        self.cancel_all = cancel_all
        self.series = {s.id: s for s in problem.series} if problem is not None else {}
        names = sorted(self.series.values(), key=lambda s: -len(s.name))
        self.by_name = [(s.name.casefold(), s.id) for s in names if s.name]
        self.milestones: dict[str, list[str]] = defaultdict(list)
        self.not_labels: set[str] = set()  # names of bodies and series, not milestones
        if problem is not None:
            for milestone in problem.milestones:
                if milestone.name not in self.milestones[milestone.series]:
                    self.milestones[milestone.series].append(milestone.name)
            self.not_labels = {b.name for b in problem.bodies} | {s.name for s in problem.series}

    def meetings(self, occurrences: Iterable[Occurrence]) -> tuple[Meeting, ...]:
        # a meeting of several days is one event a day (a daily recurrence of as many):
        # read from its first day
        seen: set[str] = set()
        kept: list[Occurrence] = []
        for occurrence in sorted(occurrences, key=lambda item: local_date(item.start, self.zone)):
            if _daily_days(occurrence.event) > 1:
                uid = event_text(occurrence.event, "UID")
                if uid in seen:
                    continue
                seen.add(uid)
            kept.append(occurrence)
        found = [self.meeting(occurrence) for occurrence in kept]
        used = {meeting_id for meeting_id, _ in found if meeting_id is not None}
        counters: dict[tuple[str, int, bool], int] = defaultdict(int)
        result: list[Meeting] = []
        for meeting_id, read in sorted(found, key=lambda item: item[1].sort_key()):
            meeting = read
            if meeting_id is None:
                key = (meeting.series, meeting.date.year, meeting.tentative)
                while True:
                    counters[key] += 1
                    number = counters[key]
                    candidate = (
                        reserve_id(meeting.series, meeting.date.year, number)
                        if meeting.tentative
                        else f"{meeting.series}-{meeting.date.year}-{number:02d}"
                    )
                    if candidate not in used:
                        break
                used.add(candidate)
                meeting = attrs.evolve(meeting, id=candidate)
            result.append(meeting)
        return tuple(result)

    def meeting(self, occurrence: Occurrence) -> tuple[str | None, Meeting]:
        """The meeting, and its id when the UID gives one (else ``None``: derive it)."""
        event = occurrence.event
        uid = event_text(event, "UID")
        summary = event_text(event, "SUMMARY")
        match = _MEETING_ID.match(uid.split("@", 1)[0])
        several = _daily_days(event)
        recurring = several <= 1 and bool(event.rrules or event.rdates or "RECURRENCE-ID" in event)
        meeting_id = match[0] if match and not recurring else None
        series = match["series"] if match else self.series_of(event, summary)
        days = local_days(occurrence, self.zone)
        if occurrence.all_day or not days:
            first_day = days[0][0] if days else local_date(occurrence.start, self.zone)
            last_day = days[-1][0] if days else first_day
            if occurrence.all_day:
                start, end = ALL_DAY_START, ALL_DAY_END
            else:  # no duration
                start = end = _local_time(occurrence.start, self.zone)
        else:
            first_day, last_day = days[0][0], days[-1][0]
            start = days[0][1] or ALL_DAY_START
            end = days[-1][2] or ALL_DAY_END
        if several > 1:  # the days of a meeting of several days
            last_day = first_day + dt.timedelta(days=several - 1)
        said = event_text(event, "STATUS").upper()
        status = MeetingStatus.CONFIRMED
        if self.cancel_all or said == "CANCELLED":
            status = MeetingStatus.CANCELLED
        elif said == "TENTATIVE":
            status = MeetingStatus.TENTATIVE
        title, labels = self.labels_of(event, summary, series)
        default_title = self.series[series].name if series in self.series else series
        try:
            meeting = Meeting(
                id=meeting_id or "",
                series=series,
                title=title or default_title,
                date=first_day,
                start=start,
                end=end,
                end_date=last_day,
                location=event_text(event, "LOCATION"),
                form=self.form_of(event, series),
                note=self.note_of(event, series),
                status=status,
                sequence=event_sequence(event, self.where),
                labels=labels,
            )
        except ValidationError as error:
            raise PlanFormatError(
                message(
                    "fmt.ics_event_error",
                    where=self.where,
                    describe_event_event=describe_event(event),
                    error=error.message,
                )
            ) from error
        return meeting_id, meeting

    def series_of(self, event: icalendar.Event, summary: str) -> str:
        folded = summary.casefold()
        for name, series_id in self.by_name:
            if folded == name:
                return series_id
        for name, series_id in self.by_name:
            if name in folded:
                return series_id
        for category in _categories(event):
            folded_category = category.casefold()
            for series_id, series in self.series.items():
                if folded_category in (series_id.casefold(), series.name.casefold()):
                    return series_id
        categories = _categories(event)
        if categories and not self.series:
            return slug(categories[0])
        return slug(summary) or "event"

    def labels_of(
        self, event: icalendar.Event, summary: str, series: str
    ) -> tuple[str, tuple[str, ...]]:
        """The title and the labels of an event (see :func:`read_calendar`)."""
        categories = _categories(event)
        known = self.milestones.get(series, [])
        if self.series:
            candidates = [c for c in categories if c not in self.not_labels]
        else:  # motesplan writes the body's name first, the labels after it
            candidates = categories[1:]
        names = list(dict.fromkeys((*candidates, *known)))
        start = 0
        while (index := summary.find(LABEL_SEPARATOR, start)) >= 0:
            labels = _split_labels(summary[index + len(LABEL_SEPARATOR) :].strip(), names)
            if labels:
                return summary[:index].rstrip(), labels
            start = index + 1
        return summary, tuple(dict.fromkeys(c for c in categories if c in known))

    def form_of(self, event: icalendar.Event, series: str) -> Form:
        """The form the DESCRIPTION states (its first line, as motesplan writes it,
        else anywhere), else the series' own form."""
        text = event_text(event, "DESCRIPTION")
        lines = text.splitlines()
        for part in (lines[0] if lines else "", text):
            form = _form_in(part)
            if form is not None:
                return form
        return self.series[series].form if series in self.series else Form.IN_PERSON

    def note_of(self, event: icalendar.Event, series: str) -> str:
        """The DESCRIPTION without what motesplan adds itself (the form line, the
        lunch line): the meeting's own note, or the series' note when it has none."""
        lines = event_text(event, "DESCRIPTION").splitlines()
        if lines and _form_in(lines[0]) is not None:
            lines = lines[1:]
        if lines and lines[0].strip() in _reserve_lines():
            lines = lines[1:]
        if lines and _LUNCH.match(lines[0]):
            lines = lines[1:]
        rest = "\n".join(lines).strip()
        own = self.series[series].note.strip() if series in self.series else ""
        if own and rest.startswith(own):
            rest = rest[len(own) :].strip()
        # as the solver does: a meeting's note is its own (a pin's), else the series'
        return rest or own


def _daily_days(event: icalendar.Event) -> int:
    """The days of a meeting of several days as motesplan writes it (one event a day:
    ``RRULE:FREQ=DAILY;COUNT=n`` and nothing else recurring), else 1."""
    rules = event.rrules
    if len(rules) != 1 or event.rdates or event.exdates or "RECURRENCE-ID" in event:
        return 1
    rule = rules[0]
    if rule.get("FREQ") != ["DAILY"] or set(rule) - {"FREQ", "COUNT"}:
        return 1
    count = rule.get("COUNT", [1])[0]
    return int(count) if isinstance(count, int) and count > 1 else 1


@cache
def _reserve_lines() -> frozenset[str]:
    """The line motesplan writes in a reserve date's DESCRIPTION, in every language."""
    return frozenset(phrase("ics.reserve", language) for language in LANGUAGES)


def _split_labels(text: str, names: list[str]) -> tuple[str, ...]:
    """``text`` as names of ``names`` joined with ``", "`` (a name may hold a comma
    itself); empty when it is not.

    >>> _split_labels("Budget, Delårsrapport", ["Delårsrapport", "Budget"])
    ('Budget', 'Delårsrapport')
    >>> _split_labels("extra", ["Budget"])
    ()
    """
    for name in sorted(names, key=len, reverse=True):
        if text == name:
            return (name,)
        if text.startswith(name + ", "):
            rest = _split_labels(text[len(name) + 2 :], names)
            if rest:
                return (name, *rest)
    return ()


def _form_in(text: str) -> Form | None:
    online = bool(_ONLINE.search(text))
    in_person = bool(_IN_PERSON.search(text))
    if _HYBRID.search(text) or (online and in_person):
        return Form.HYBRID
    if online:
        return Form.ONLINE
    if in_person:
        return Form.IN_PERSON
    return None


def _local_time(moment: Moment, zone: ZoneInfo) -> dt.time:
    if isinstance(moment, dt.datetime):
        return moment.astimezone(zone).time().replace(second=0, microsecond=0)
    return ALL_DAY_START


def _categories(event: icalendar.Event) -> list[str]:
    values: Any = event.get("CATEGORIES")
    if values is None:
        return []
    items = values if isinstance(values, list) else [values]
    names: list[str] = []
    for item in items:
        cats = getattr(item, "cats", None)
        if cats is None:
            names.extend(part.strip() for part in str(item).split(","))
        else:
            names.extend(str(cat).strip() for cat in cats)
    return [name for name in names if name]
