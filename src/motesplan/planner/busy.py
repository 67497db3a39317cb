"""Other calendars as unavailable time: :class:`BusyCalendar`.

The members' council and executive-board meetings, a room's bookings: each event
blocks its own time of day. The file is read by ``_ics_events.py`` (shared with
:func:`motesplan.read_calendar`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import icalendar
from attrs import field, frozen

from motesplan._convert import to_str_tuple
from motesplan._ics_events import (
    DEFAULT_TIMEZONE,
    event_text,
    local_days,
    occurrences,
    parse_calendars,
    read_bytes,
)
from motesplan.errors import ValidationError
from motesplan.planner.unavailable import Block, BlockKind, check_weight
from motesplan.source import Source, source_field, source_of
from motesplan.text import message

__all__ = ["BusyCalendar"]


def _check_timezone(instance: object, attribute: object, value: str) -> None:
    try:
        ZoneInfo(value)
    except (ValueError, ZoneInfoNotFoundError, OSError) as error:
        raise ValidationError(
            message("val.busy_timezone", value=value),
            source=source_of(instance),
            field="timezone",
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
    weight: int | None = field(default=None, validator=check_weight)
    timezone: str = field(default=DEFAULT_TIMEZONE, validator=_check_timezone)
    content: bytes | None = field(default=None, repr=False, eq=False)
    _calendars: tuple[icalendar.Calendar, ...] = field(init=False, default=(), repr=False, eq=False)
    source: Source | None = source_field()

    def __attrs_post_init__(self) -> None:
        if self.content is None:
            object.__setattr__(self, "content", read_bytes(self.path))
        assert self.content is not None
        calendars = tuple(parse_calendars(self.content, self.path))
        object.__setattr__(self, "_calendars", calendars)
        # every event must be readable now, not in the middle of a solve
        for _ in occurrences(calendars, ZoneInfo(self.timezone), self.path, None):
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

    def blocks(self, start: dt.date, end: dt.date) -> Iterator[Block]:
        """One block per day an event covers between ``start`` and ``end``, with the
        event's start and end time of day (``None``: midnight; both: the whole day)."""
        zone = ZoneInfo(self.timezone)
        for occurrence in occurrences(self._calendars, zone, self.path, (start, end)):
            event = occurrence.event
            if not _busy(event):
                continue
            summary = event_text(event, "SUMMARY")
            reason = f"{self.label}: {summary}" if summary else self.label
            for day, begin, until in local_days(occurrence, zone):
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
    if event_text(event, "STATUS").upper() == "CANCELLED":
        return False
    if event_text(event, "TRANSP").upper() == "TRANSPARENT":
        return False
    return event_text(event, "X-MICROSOFT-CDO-BUSYSTATUS").upper() not in (
        "FREE",
        "WORKINGELSEWHERE",
    )
