"""Reading iCalendar files: a plan back from a calendar, and other calendars as busy time.

:func:`read_calendar` turns an ``.ics`` file (one motesplan wrote, or one exported
from Outlook after hand edits) into a :class:`~motesplan.Plan` that
:func:`motesplan.check` can check. :class:`BusyCalendar` reads other calendars
(the members' council and executive-board meetings, a room's bookings) as
unavailable time, keeping each event's time of day.

Parsing is done by the `icalendar` package and recurrence arithmetic by
:mod:`dateutil.rrule`; time zones by :mod:`zoneinfo`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import attrs
import icalendar
from attrs import field, frozen
from dateutil.rrule import rrule, rruleset, rrulestr

from motesplan._convert import to_str_tuple
from motesplan.errors import PlanFormatError, ValidationError
from motesplan.model import Form, Problem
from motesplan.plan import Meeting, MeetingStatus, Plan
from motesplan.unavailable import Block, BlockKind

__all__ = ["BusyCalendar", "read_calendar"]

DEFAULT_TIMEZONE = "Europe/Stockholm"
ALL_DAY_START = dt.time(0, 0)
ALL_DAY_END = dt.time(23, 59)
"""An all-day event read as a meeting runs from 00:00 to 23:59 of its days."""

_MEETING_ID = re.compile(
    r"^(?P<series>[A-Za-z0-9][A-Za-z0-9_.-]*?)-(?P<year>\d{4})-(?P<number>\d{2,})$"
)
_ONLINE = re.compile(r"\b(digitalt|digital|online|distans|teams|zoom)\b", re.IGNORECASE)
_IN_PERSON = re.compile(r"\b(fysiskt|fysiskt möte|in[- ]person|på plats)\b", re.IGNORECASE)
_LUNCH = re.compile(r"^(lunch kl\.|lunch at)\s", re.IGNORECASE)
_HYBRID = re.compile(r"\bhybrid", re.IGNORECASE)
_UNTIL = re.compile(r"UNTIL=(?P<date>\d{8})(?:T(?P<time>\d{6}))?(?P<z>Z?)")
_SLUG = re.compile(r"[^a-z0-9]+")
_UNBOUNDED_YEARS = 1
"""Without a period, a rule without COUNT or UNTIL is expanded this many years."""

Moment = dt.datetime | dt.date


# ---------------------------------------------------------------------------
# Loading


def _read_bytes(path: str | Path) -> bytes:
    try:
        return Path(path).read_bytes()
    except OSError as error:
        raise PlanFormatError(f"{path}: cannot read the file: {error}") from error


def _parse(data: bytes, where: str) -> list[icalendar.Calendar]:
    """The VCALENDARs of ``data``; errors name ``where``."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise PlanFormatError(
            f"{where}: not UTF-8 text (byte {error.start}); save the calendar as UTF-8"
        ) from error
    if "BEGIN:VCALENDAR" not in text.upper():
        raise PlanFormatError(f"{where}: not an iCalendar file (no BEGIN:VCALENDAR)")
    try:
        components = icalendar.Calendar.from_ical(text, multiple=True)
    except ValueError as error:
        raise PlanFormatError(f"{where}: not a readable iCalendar file: {error}") from error
    calendars = [c for c in components if isinstance(c, icalendar.Calendar)]
    if not calendars or any(c.name != "VCALENDAR" for c in calendars):
        raise PlanFormatError(f"{where}: not an iCalendar file (expected VCALENDAR)")
    return calendars


def _load(source: str | Path | bytes, name: str | None) -> tuple[list[icalendar.Calendar], str]:
    if isinstance(source, bytes):
        where = name or "<calendar>"
        return _parse(source, where), where
    where = name or str(source)
    return _parse(_read_bytes(source), where), where


def _zone(name: str, where: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ValueError, ZoneInfoNotFoundError, OSError) as error:
        raise PlanFormatError(
            f"{where}: unknown time zone {name!r}; use an IANA name like 'Europe/Stockholm'"
        ) from error


def _text(event: icalendar.Component, key: str) -> str:
    value = event.get(key)
    if value is None:
        return ""
    if isinstance(value, list):
        value = value[0] if value else ""
    return str(value).strip()


def _describe(event: icalendar.Event) -> str:
    """``event 'lg-2024-03@x.motesplan' (Ledningsgruppen)`` for error messages."""
    uid = _text(event, "UID") or "without UID"
    summary = _text(event, "SUMMARY")
    return f"event {uid!r}" + (f" ({summary})" if summary else "")


# ---------------------------------------------------------------------------
# Occurrences: recurring events expanded


@frozen
class _Occurrence:
    """One occurrence of an event: aware datetimes, or dates (end exclusive) all day."""

    event: icalendar.Event = field(eq=False)
    start: Moment
    end: Moment

    @property
    def all_day(self) -> bool:
        return not isinstance(self.start, dt.datetime)


def _aware(value: Moment, zone: ZoneInfo) -> Moment:
    """A floating (zone-less) datetime is taken to be in ``zone``; dates stay dates."""
    if isinstance(value, dt.datetime) and value.tzinfo is None:
        return value.replace(tzinfo=zone)
    return value


def _start_end(event: icalendar.Event, zone: ZoneInfo, where: str) -> tuple[Moment, Moment]:
    if "DTSTART" not in event:
        raise PlanFormatError(f"{where}: {_describe(event)} has no DTSTART")
    try:
        start = event.start
    except (icalendar.InvalidCalendar, ValueError) as error:
        raise PlanFormatError(f"{where}: {_describe(event)}: bad DTSTART: {error}") from error
    try:
        end = event.end
    except icalendar.IncompleteComponent:
        end = start
    except (icalendar.InvalidCalendar, ValueError) as error:
        raise PlanFormatError(f"{where}: {_describe(event)}: bad DTEND: {error}") from error
    start, end = _aware(start, zone), _aware(end, zone)
    if isinstance(start, dt.datetime) != isinstance(end, dt.datetime):
        raise PlanFormatError(
            f"{where}: {_describe(event)}: DTSTART and DTEND must both be dates or both times"
        )
    if end < start:
        raise PlanFormatError(f"{where}: {_describe(event)} ends before it starts")
    return start, end


def _key(moment: Moment) -> Moment:
    """What identifies an occurrence: its instant (UTC), or its date."""
    if isinstance(moment, dt.datetime):
        return moment.astimezone(dt.UTC)
    return moment


def _same(moment: Moment, keys: set[Moment], zone: ZoneInfo) -> bool:
    if _key(moment) in keys:
        return True
    # an EXDATE given as a date excludes a timed occurrence on that (local) day
    return isinstance(moment, dt.datetime) and moment.astimezone(zone).date() in keys


def _rule_set(event: icalendar.Event, start: Moment, where: str) -> rruleset:
    anchor = start if isinstance(start, dt.datetime) else dt.datetime.combine(start, dt.time())
    rules = rruleset()
    for recur in event.rrules:
        line = recur.to_ical().decode("utf-8")
        if not isinstance(start, dt.datetime):
            line = re.sub(r"(UNTIL=\d{8})T\d{6}Z?", r"\1", line)
        elif start.tzinfo is not None:
            line = _UNTIL.sub(lambda match: _until_utc(match, start), line)
        try:
            parsed = rrulestr(line, dtstart=anchor)
        except (ValueError, TypeError) as error:
            raise PlanFormatError(
                f"{where}: {_describe(event)}: cannot read RRULE {line!r}: {error}"
            ) from error
        if not isinstance(parsed, rrule):
            raise PlanFormatError(f"{where}: {_describe(event)}: cannot read RRULE {line!r}")
        rules.rrule(parsed)
    rules.rdate(anchor)
    return rules


def _until_utc(match: re.Match[str], start: dt.datetime) -> str:
    """A zone-less UNTIL (a date: the end of that day) in UTC, in the zone of
    DTSTART, as dateutil needs with a DTSTART that has a zone."""
    if match["z"]:
        return match[0]
    day = dt.datetime.strptime(match["date"], "%Y%m%d")
    if match["time"]:
        moment = day.replace(
            hour=int(match["time"][:2]),
            minute=int(match["time"][2:4]),
            second=int(match["time"][4:]),
        )
    else:
        moment = day.replace(hour=23, minute=59, second=59)
    utc = moment.replace(tzinfo=start.tzinfo).astimezone(dt.UTC)
    return f"UNTIL={utc:%Y%m%dT%H%M%S}Z"


def _bounded(event: icalendar.Event) -> bool:
    return all("COUNT" in recur or "UNTIL" in recur for recur in event.rrules)


def _expand(
    event: icalendar.Event,
    zone: ZoneInfo,
    where: str,
    window: tuple[dt.date, dt.date] | None,
) -> Iterator[_Occurrence]:
    """Every occurrence of a master event (RRULE, RDATE, EXDATE) that touches ``window``.

    Without a window, a rule without COUNT or UNTIL runs for one year.
    """
    start, end = _start_end(event, zone, where)
    length = end - start  # type: ignore[operator]
    if not event.rrules and not event.rdates:
        yield _Occurrence(event, start, end)
        return
    excluded = {_key(_aware(item, zone)) for item in event.exdates}
    found: dict[Moment, _Occurrence] = {}
    rules = _rule_set(event, start, where)
    low: dt.datetime | None
    high: dt.datetime | None
    if window is not None:
        low = dt.datetime.combine(window[0], dt.time()) - length - dt.timedelta(days=1)
        high = dt.datetime.combine(window[1], dt.time()) + dt.timedelta(days=2)
    elif _bounded(event):
        low = high = None
    else:
        low = dt.datetime.combine(_date(start, zone), dt.time()) - dt.timedelta(days=1)
        high = low + dt.timedelta(days=366 * _UNBOUNDED_YEARS + 1)
    if isinstance(start, dt.datetime) and low is not None and high is not None:
        low, high = low.replace(tzinfo=zone), high.replace(tzinfo=zone)
    try:
        moments = list(rules) if low is None or high is None else rules.between(low, high, inc=True)
    except (ValueError, TypeError) as error:
        raise PlanFormatError(f"{where}: {_describe(event)}: cannot expand: {error}") from error
    for moment in moments:
        first: Moment = moment if isinstance(start, dt.datetime) else moment.date()
        found[_key(first)] = _Occurrence(event, first, first + length)
    for item, period in event.rdates:
        first = _aware(item, zone)
        last: Moment = first + length
        if isinstance(period, dt.timedelta):
            last = first + period
        elif isinstance(period, dt.datetime | dt.date):
            last = _aware(period, zone)
        found[_key(first)] = _Occurrence(event, first, last)
    for occurrence in sorted(found.values(), key=lambda item: _sort_moment(item.start)):
        if _same(occurrence.start, excluded, zone):
            continue
        if window is None or _touches(occurrence, zone, window):
            yield occurrence


def _sort_moment(moment: Moment) -> dt.datetime:
    if isinstance(moment, dt.datetime):
        return moment.astimezone(dt.UTC).replace(tzinfo=None)
    return dt.datetime.combine(moment, dt.time())


def _date(moment: Moment, zone: ZoneInfo) -> dt.date:
    if isinstance(moment, dt.datetime):
        return moment.astimezone(zone).date()
    return moment


def _touches(occurrence: _Occurrence, zone: ZoneInfo, window: tuple[dt.date, dt.date]) -> bool:
    days = _local_days(occurrence, zone)
    return bool(days) and days[0][0] <= window[1] and days[-1][0] >= window[0]


def _occurrences(
    calendars: Iterable[icalendar.Calendar],
    zone: ZoneInfo,
    where: str,
    window: tuple[dt.date, dt.date] | None,
) -> Iterator[_Occurrence]:
    """Every occurrence of every event, with overridden instances (RECURRENCE-ID)
    in place of the ones they replace. Of events repeated with one UID (and no
    RECURRENCE-ID), the one with the highest SEQUENCE counts."""
    masters: dict[str, icalendar.Event] = {}
    overrides: dict[str, list[icalendar.Event]] = defaultdict(list)
    order: list[str] = []
    for number, calendar in enumerate(calendars):
        events = [e for e in calendar.walk("VEVENT") if isinstance(e, icalendar.Event)]
        for index, event in enumerate(events):
            uid = _text(event, "UID") or f"\0{number}-{index}"
            if "RECURRENCE-ID" in event:
                overrides[uid].append(event)
                continue
            previous = masters.get(uid)
            if previous is None:
                order.append(uid)
            if previous is None or _sequence(event, where) >= _sequence(previous, where):
                masters[uid] = event
    for uid in order:
        event = masters[uid]
        replaced = {
            _key(_aware(override.decoded("RECURRENCE-ID"), zone)): override
            for override in overrides.pop(uid, [])
        }
        for occurrence in _expand(event, zone, where, window):
            if _key(occurrence.start) not in replaced:
                yield occurrence
        for override in replaced.values():
            yield from _expand(override, zone, where, window)
    for events in overrides.values():  # instances whose master is not in the file
        for override in events:
            yield from _expand(override, zone, where, window)


def _sequence(event: icalendar.Event, where: str) -> int:
    value = event.get("SEQUENCE", 0)
    try:
        return int(value)
    except (TypeError, ValueError) as error:
        raise PlanFormatError(
            f"{where}: {_describe(event)}: SEQUENCE {value!r} is not a number"
        ) from error


def _local_days(
    occurrence: _Occurrence, zone: ZoneInfo
) -> list[tuple[dt.date, dt.time | None, dt.time | None]]:
    """The local days an occurrence covers: ``(day, from, until)``, ``None`` for
    midnight at either end; all-day events cover whole days (end exclusive)."""
    one = dt.timedelta(days=1)
    if occurrence.all_day:
        first = _date(occurrence.start, zone)
        last = _date(occurrence.end, zone) - one
        last = max(first, last)
        return [(first + one * n, None, None) for n in range((last - first).days + 1)]
    assert isinstance(occurrence.start, dt.datetime)
    assert isinstance(occurrence.end, dt.datetime)
    start = occurrence.start.astimezone(zone)
    end = occurrence.end.astimezone(zone)
    if end == start:
        return []
    days: list[tuple[dt.date, dt.time | None, dt.time | None]] = []
    day = start.date()
    while day <= end.date():
        begin = start.time() if day == start.date() else None
        until = end.time() if day == end.date() else None
        if begin == dt.time():
            begin = None
        if day == end.date() and until == dt.time():
            break  # ends at midnight: nothing of this day
        days.append((day, begin, until))
        day += one
    return days


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
    cancelled meeting; SEQUENCE, LOCATION and SUMMARY are kept; the DESCRIPTION
    gives the form when it says "digitalt"/"online" or "hybrid". An all-day event
    runs from 00:00 to 23:59 of its days. The period is the problem's, else the
    span of the events.

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
    calendars, where = _load(path_or_bytes, source)
    first = calendars[0]
    zone_name = problem.timezone if problem is not None else DEFAULT_TIMEZONE
    declared = _text(first, "X-WR-TIMEZONE")
    if problem is None and declared:
        zone_name = declared
    zone = _zone(zone_name, where)
    window = (problem.start, problem.end) if problem is not None else None
    cancel_all = any(_text(c, "METHOD").upper() == "CANCEL" for c in calendars)
    reader = _MeetingReader(problem, zone, where, cancel_all)
    meetings = reader.meetings(_occurrences(calendars, zone, where, window))
    if problem is not None:
        start, end = problem.start, problem.end
    elif meetings:
        start = min(m.date for m in meetings)
        end = max(m.end_date for m in meetings)
    else:
        raise PlanFormatError(
            f"{where}: the calendar has no events; pass the problem to give the period"
        )
    name = problem.name if problem is not None else _text(first, "X-WR-CALNAME")
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

    def meetings(self, occurrences: Iterable[_Occurrence]) -> tuple[Meeting, ...]:
        found = [self.meeting(occurrence) for occurrence in occurrences]
        used = {meeting_id for meeting_id, _ in found if meeting_id is not None}
        counters: dict[tuple[str, int], int] = defaultdict(int)
        result: list[Meeting] = []
        for meeting_id, read in sorted(found, key=lambda item: item[1].sort_key()):
            meeting = read
            if meeting_id is None:
                key = (meeting.series, meeting.date.year)
                while True:
                    counters[key] += 1
                    candidate = f"{meeting.series}-{meeting.date.year}-{counters[key]:02d}"
                    if candidate not in used:
                        break
                used.add(candidate)
                meeting = attrs.evolve(meeting, id=candidate)
            result.append(meeting)
        return tuple(result)

    def meeting(self, occurrence: _Occurrence) -> tuple[str | None, Meeting]:
        """The meeting, and its id when the UID gives one (else ``None``: derive it)."""
        event = occurrence.event
        uid = _text(event, "UID")
        summary = _text(event, "SUMMARY")
        match = _MEETING_ID.match(uid.split("@", 1)[0])
        recurring = bool(event.rrules or event.rdates or "RECURRENCE-ID" in event)
        meeting_id = match[0] if match and not recurring else None
        series = match["series"] if match else self.series_of(event, summary)
        days = _local_days(occurrence, self.zone)
        if occurrence.all_day or not days:
            first_day = days[0][0] if days else _date(occurrence.start, self.zone)
            last_day = days[-1][0] if days else first_day
            if occurrence.all_day:
                start, end = ALL_DAY_START, ALL_DAY_END
            else:  # no duration
                start = end = _local_time(occurrence.start, self.zone)
        else:
            first_day, last_day = days[0][0], days[-1][0]
            start = days[0][1] or ALL_DAY_START
            end = days[-1][2] or ALL_DAY_END
        status = MeetingStatus.CONFIRMED
        if self.cancel_all or _text(event, "STATUS").upper() == "CANCELLED":
            status = MeetingStatus.CANCELLED
        default_title = self.series[series].name if series in self.series else series
        try:
            meeting = Meeting(
                id=meeting_id or "",
                series=series,
                title=summary or default_title,
                date=first_day,
                start=start,
                end=end,
                end_date=last_day,
                location=_text(event, "LOCATION"),
                form=self.form_of(event, series),
                note=self.note_of(event, series),
                status=status,
                sequence=_sequence(event, self.where),
            )
        except ValidationError as error:
            raise PlanFormatError(f"{self.where}: {_describe(event)}: {error}") from error
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
            return _slug(categories[0])
        return _slug(summary) or "event"

    def form_of(self, event: icalendar.Event, series: str) -> Form:
        """The form the DESCRIPTION states (its first line, as motesplan writes it,
        else anywhere), else the series' own form."""
        text = _text(event, "DESCRIPTION")
        lines = text.splitlines()
        for part in (lines[0] if lines else "", text):
            form = _form_in(part)
            if form is not None:
                return form
        return self.series[series].form if series in self.series else Form.IN_PERSON

    def note_of(self, event: icalendar.Event, series: str) -> str:
        """The DESCRIPTION without what motesplan adds itself (the form line, the
        lunch line): the meeting's own note, or the series' note when it has none."""
        lines = _text(event, "DESCRIPTION").splitlines()
        if lines and _form_in(lines[0]) is not None:
            lines = lines[1:]
        if lines and _LUNCH.match(lines[0]):
            lines = lines[1:]
        rest = "\n".join(lines).strip()
        own = self.series[series].note.strip() if series in self.series else ""
        if own and rest.startswith(own):
            rest = rest[len(own) :].strip()
        # as the solver does: a meeting's note is its own (a pin's), else the series'
        return rest or own


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


def _slug(text: str) -> str:
    """``Kommunfullmäktige Salem`` → ``kommunfullmaktige-salem`` (a valid series id)."""
    plain = text.casefold().translate(str.maketrans("åäöéü", "aaoeu"))
    return _SLUG.sub("-", plain).strip("-")


# ---------------------------------------------------------------------------
# Other calendars as busy time


def _optional_weight(instance: object, attribute: object, value: int | None) -> None:
    if value is not None and (isinstance(value, bool) or not isinstance(value, int) or value < 0):
        raise ValidationError(f"weight must be None (hard) or a whole number >= 0, got {value!r}")


def _check_timezone(instance: object, attribute: object, value: str) -> None:
    try:
        ZoneInfo(value)
    except (ValueError, ZoneInfoNotFoundError, OSError) as error:
        raise ValidationError(
            f"unknown time zone {value!r}; use an IANA name like 'Europe/Stockholm'",
            item="timezone",
        ) from error


@frozen
class BusyCalendar:
    """Another calendar, read as unavailable time: the members' council and
    executive-board meetings, a room's bookings, a chair's own calendar.

    The file is read when the source is made (a snapshot: solver and checker see
    the same events). Recurring events are expanded (RRULE, RDATE, EXDATE, and
    instances moved with RECURRENCE-ID); cancelled, transparent and "free" events
    do not block. Each event blocks only its own time of day, in ``timezone``
    (set it to the problem's): an evening council meeting 18:00-21:00 does not
    block a meeting 09:00-11:30, but does block one 17:00-19:00. An all-day event
    blocks whole days. The reason is the calendar's name and the event's SUMMARY,
    the same in every language.

    Args:
        path: the ``.ics`` file.
        name: a short name for people (default: the file name without ``.ics``).
        series: the series it applies to (empty: all).
        weight: ``None`` for a hard rule, else points per meeting on busy time.
        timezone: the time zone of the blocks (the problem's time zone).
        content: the file's bytes (read from ``path`` when not given).

    Raises:
        PlanFormatError: naming the file (and the event) when it cannot be read.
    """

    path: str = field(converter=str)
    name: str = ""
    series: tuple[str, ...] = field(default=(), converter=to_str_tuple)
    weight: int | None = field(default=None, validator=_optional_weight)
    timezone: str = field(default=DEFAULT_TIMEZONE, validator=_check_timezone)
    content: bytes | None = field(default=None, repr=False, eq=False)
    _calendars: tuple[icalendar.Calendar, ...] = field(init=False, default=(), repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        if self.content is None:
            object.__setattr__(self, "content", _read_bytes(self.path))
        assert self.content is not None
        calendars = tuple(_parse(self.content, self.path))
        object.__setattr__(self, "_calendars", calendars)
        # every event must be readable now, not in the middle of a solve
        for _ in _occurrences(calendars, ZoneInfo(self.timezone), self.path, None):
            pass

    @classmethod
    def from_bytes(
        cls,
        content: bytes,
        name: str = "",
        *,
        series: Iterable[str] = (),
        weight: int | None = None,
        timezone: str = DEFAULT_TIMEZONE,
        path: str = "<calendar>",
    ) -> BusyCalendar:
        """A busy calendar from the bytes of an ``.ics`` file (``path`` names it in errors)."""
        return cls(path, name, tuple(series), weight=weight, timezone=timezone, content=content)

    @classmethod
    def from_text(
        cls,
        text: str,
        name: str = "",
        *,
        series: Iterable[str] = (),
        weight: int | None = None,
        timezone: str = DEFAULT_TIMEZONE,
        path: str = "<calendar>",
    ) -> BusyCalendar:
        """A busy calendar from iCalendar text."""
        return cls.from_bytes(
            text.encode("utf-8"),
            name,
            series=series,
            weight=weight,
            timezone=timezone,
            path=path,
        )

    @property
    def label(self) -> str:
        """The name, or the file name without ``.ics``."""
        return self.name or Path(self.path).stem or self.path

    def blocks(self, start: dt.date, end: dt.date, language: str) -> Iterator[Block]:
        """One block per day an event covers between ``start`` and ``end``, with the
        event's start and end time of day (``None``: midnight; both: the whole day)."""
        zone = ZoneInfo(self.timezone)
        for occurrence in _occurrences(self._calendars, zone, self.path, (start, end)):
            event = occurrence.event
            if not _busy(event):
                continue
            summary = _text(event, "SUMMARY")
            reason = f"{self.label}: {summary}" if summary else self.label
            for day, begin, until in _local_days(occurrence, zone):
                if start <= day <= end:
                    yield Block(
                        date=day,
                        start=begin,
                        end=until,
                        reason=reason,
                        kind=BlockKind.BUSY,
                        series=self.series,
                        weight=self.weight,
                        source=self.label,
                    )


def _busy(event: icalendar.Event) -> bool:
    """Whether an event makes time busy (not cancelled, transparent or shown as free)."""
    if _text(event, "STATUS").upper() == "CANCELLED":
        return False
    if _text(event, "TRANSP").upper() == "TRANSPARENT":
        return False
    return _text(event, "X-MICROSOFT-CDO-BUSYSTATUS").upper() not in ("FREE", "WORKINGELSEWHERE")
