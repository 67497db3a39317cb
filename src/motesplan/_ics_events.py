"""Events read from iCalendar files: loading, parsing, recurring events expanded, and
each occurrence's local days.

Shared by :func:`motesplan.read_calendar` (a plan back from a calendar) and
:class:`motesplan.BusyCalendar` (other calendars as unavailable time). Parsing is
done by the `icalendar` package, recurrence arithmetic by :mod:`dateutil.rrule`,
time zones by :mod:`zoneinfo`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import icalendar
from attrs import field, frozen
from dateutil.rrule import rrule, rruleset, rrulestr

from motesplan.errors import PlanFormatError
from motesplan.text import Message, message

__all__ = [
    "DEFAULT_TIMEZONE",
    "Moment",
    "Occurrence",
    "describe_event",
    "event_sequence",
    "event_text",
    "load_calendars",
    "local_date",
    "local_days",
    "occurrences",
    "parse_calendars",
    "read_bytes",
    "zone_info",
]

DEFAULT_TIMEZONE = "Europe/Stockholm"
"""The time zone of a calendar that names none."""

_UNTIL = re.compile(r"UNTIL=(?P<date>\d{8})(?:T(?P<time>\d{6}))?(?P<z>Z?)")
_UNBOUNDED_YEARS = 1
"""Without a period, a rule without COUNT or UNTIL is expanded this many years."""

Moment = dt.datetime | dt.date
"""An event's start or end: an aware datetime, or a date (all day)."""


# ---------------------------------------------------------------------------
# Loading


def read_bytes(path: str | Path) -> bytes:
    try:
        return Path(path).read_bytes()
    except OSError as error:
        raise PlanFormatError(message("fmt.unreadable", path=path, error=error)) from error


def parse_calendars(data: bytes, where: str) -> list[icalendar.Calendar]:
    """The VCALENDARs of ``data``; errors name ``where``."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise PlanFormatError(
            message("fmt.ics_not_utf8", where=where, error_start=error.start)
        ) from error
    if "BEGIN:VCALENDAR" not in text.upper():
        raise PlanFormatError(message("fmt.ics_not_calendar", where=where))
    try:
        components = icalendar.Calendar.from_ical(text, multiple=True)
    except ValueError as error:
        raise PlanFormatError(message("fmt.ics_unreadable", where=where, error=error)) from error
    calendars = [c for c in components if isinstance(c, icalendar.Calendar)]
    if not calendars or any(c.name != "VCALENDAR" for c in calendars):
        raise PlanFormatError(message("fmt.ics_not_vcalendar", where=where))
    return calendars


def load_calendars(
    source: str | Path | bytes, name: str | None
) -> tuple[list[icalendar.Calendar], str]:
    if isinstance(source, bytes):
        where = name or "<calendar>"
        return parse_calendars(source, where), where
    where = name or str(source)
    return parse_calendars(read_bytes(source), where), where


def zone_info(name: str, where: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ValueError, ZoneInfoNotFoundError, OSError) as error:
        raise PlanFormatError(message("fmt.ics_timezone", where=where, name=name)) from error


def event_text(event: icalendar.Component, key: str) -> str:
    value = event.get(key)
    if value is None:
        return ""
    if isinstance(value, list):
        value = value[0] if value else ""
    return str(value).strip()


def describe_event(event: icalendar.Event) -> Message:
    """``event 'lg-2024-03@x.motesplan' (Ledningsgruppen)`` for error messages."""
    uid = event_text(event, "UID")
    named = repr(uid) if uid else message("fmt.ics_no_uid")
    summary = event_text(event, "SUMMARY")
    if summary:
        return message("fmt.ics_event_summary", uid=named, summary=summary)
    return message("fmt.ics_event", uid=named)


# ---------------------------------------------------------------------------
# Occurrences: recurring events expanded


@frozen
class Occurrence:
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
        raise PlanFormatError(
            message("fmt.ics_no_dtstart", where=where, describe_event_event=describe_event(event))
        )
    try:
        start = event.start
    except (icalendar.InvalidCalendar, ValueError) as error:
        raise PlanFormatError(
            message(
                "fmt.ics_bad_dtstart",
                where=where,
                describe_event_event=describe_event(event),
                error=error,
            )
        ) from error
    try:
        end = event.end
    except icalendar.IncompleteComponent:
        end = start
    except (icalendar.InvalidCalendar, ValueError) as error:
        raise PlanFormatError(
            message(
                "fmt.ics_bad_dtend",
                where=where,
                describe_event_event=describe_event(event),
                error=error,
            )
        ) from error
    start, end = _aware(start, zone), _aware(end, zone)
    if isinstance(start, dt.datetime) != isinstance(end, dt.datetime):
        raise PlanFormatError(
            message("fmt.ics_mixed", where=where, describe_event_event=describe_event(event))
        )
    if end < start:
        raise PlanFormatError(
            message("fmt.ics_backwards", where=where, describe_event_event=describe_event(event))
        )
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
                message(
                    "fmt.ics_rrule_error",
                    where=where,
                    describe_event_event=describe_event(event),
                    line=line,
                    error=error,
                )
            ) from error
        if not isinstance(parsed, rrule):
            raise PlanFormatError(
                message(
                    "fmt.ics_rrule",
                    where=where,
                    describe_event_event=describe_event(event),
                    line=line,
                )
            )
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
) -> Iterator[Occurrence]:
    """Every occurrence of a master event (RRULE, RDATE, EXDATE) that touches ``window``.

    Without a window, a rule without COUNT or UNTIL runs for one year.
    """
    start, end = _start_end(event, zone, where)
    length = end - start  # type: ignore[operator]
    if not event.rrules and not event.rdates:
        yield Occurrence(event, start, end)
        return
    excluded = {_key(_aware(item, zone)) for item in event.exdates}
    found: dict[Moment, Occurrence] = {}
    rules = _rule_set(event, start, where)
    low: dt.datetime | None
    high: dt.datetime | None
    if window is not None:
        low = dt.datetime.combine(window[0], dt.time()) - length - dt.timedelta(days=1)
        high = dt.datetime.combine(window[1], dt.time()) + dt.timedelta(days=2)
    elif _bounded(event):
        low = high = None
    else:
        low = dt.datetime.combine(local_date(start, zone), dt.time()) - dt.timedelta(days=1)
        high = low + dt.timedelta(days=366 * _UNBOUNDED_YEARS + 1)
    if isinstance(start, dt.datetime) and low is not None and high is not None:
        low, high = low.replace(tzinfo=zone), high.replace(tzinfo=zone)
    try:
        moments = list(rules) if low is None or high is None else rules.between(low, high, inc=True)
    except (ValueError, TypeError) as error:
        raise PlanFormatError(
            message(
                "fmt.ics_expand",
                where=where,
                describe_event_event=describe_event(event),
                error=error,
            )
        ) from error
    for moment in moments:
        first: Moment = moment if isinstance(start, dt.datetime) else moment.date()
        found[_key(first)] = Occurrence(event, first, first + length)
    for item, period in event.rdates:
        first = _aware(item, zone)
        last: Moment = first + length
        if isinstance(period, dt.timedelta):
            last = first + period
        elif isinstance(period, dt.datetime | dt.date):
            last = _aware(period, zone)
        found[_key(first)] = Occurrence(event, first, last)
    for occurrence in sorted(found.values(), key=lambda item: _sort_moment(item.start)):
        if _same(occurrence.start, excluded, zone):
            continue
        if window is None or _touches(occurrence, zone, window):
            yield occurrence


def _sort_moment(moment: Moment) -> dt.datetime:
    if isinstance(moment, dt.datetime):
        return moment.astimezone(dt.UTC).replace(tzinfo=None)
    return dt.datetime.combine(moment, dt.time())


def local_date(moment: Moment, zone: ZoneInfo) -> dt.date:
    if isinstance(moment, dt.datetime):
        return moment.astimezone(zone).date()
    return moment


def _touches(occurrence: Occurrence, zone: ZoneInfo, window: tuple[dt.date, dt.date]) -> bool:
    days = local_days(occurrence, zone)
    return bool(days) and days[0][0] <= window[1] and days[-1][0] >= window[0]


def occurrences(
    calendars: Iterable[icalendar.Calendar],
    zone: ZoneInfo,
    where: str,
    window: tuple[dt.date, dt.date] | None,
) -> Iterator[Occurrence]:
    """Every occurrence of every event, with overridden instances (RECURRENCE-ID)
    in place of the ones they replace. Of events repeated with one UID (and no
    RECURRENCE-ID), the one with the highest SEQUENCE counts."""
    masters: dict[str, icalendar.Event] = {}
    overrides: dict[str, list[icalendar.Event]] = defaultdict(list)
    order: list[str] = []
    for number, calendar in enumerate(calendars):
        events = [e for e in calendar.walk("VEVENT") if isinstance(e, icalendar.Event)]
        for index, event in enumerate(events):
            uid = event_text(event, "UID") or f"\0{number}-{index}"
            if "RECURRENCE-ID" in event:
                overrides[uid].append(event)
                continue
            previous = masters.get(uid)
            if previous is None:
                order.append(uid)
            if previous is None or event_sequence(event, where) >= event_sequence(previous, where):
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


def event_sequence(event: icalendar.Event, where: str) -> int:
    value = event.get("SEQUENCE", 0)
    try:
        return int(value)
    except (TypeError, ValueError) as error:
        raise PlanFormatError(
            message(
                "fmt.ics_sequence",
                where=where,
                describe_event_event=describe_event(event),
                value=value,
            )
        ) from error


def local_days(
    occurrence: Occurrence, zone: ZoneInfo
) -> list[tuple[dt.date, dt.time | None, dt.time | None]]:
    """The local days an occurrence covers: ``(day, from, until)``, ``None`` for
    midnight at either end; all-day events cover whole days (end exclusive)."""
    one = dt.timedelta(days=1)
    if occurrence.all_day:
        first = local_date(occurrence.start, zone)
        last = local_date(occurrence.end, zone) - one
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
