"""The problem data: members, bodies, meeting series, links, pins and the period.

Every class is an immutable :func:`attrs.frozen` record. Fields are converted and
validated one by one (lists become tuples, ISO text becomes dates, weekday names
become :class:`Weekday`), then :class:`Problem` cross-checks the whole once. Any
error is a :class:`~motesplan.errors.ValidationError` that names the item.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from enum import StrEnum
from typing import Any, TypeVar
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import attrs
from attrs import field, frozen

from motesplan._convert import (
    Weekday,
    to_date,
    to_optional_time,
    to_str_tuple,
    to_time,
    to_weekdays,
)
from motesplan.errors import ValidationError
from motesplan.planner.unavailable import Unavailable
from motesplan.source import Source, source_field, source_of
from motesplan.text import Message, WeekdayList, message

__all__ = [
    "Body",
    "Count",
    "DateRange",
    "Form",
    "Link",
    "Member",
    "Pin",
    "Problem",
    "Series",
    "Weekday",
    "Weights",
]

_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")
T = TypeVar("T")


def kind_name(kind: str) -> Message:
    """The word for a kind of item (``series``, ``body``, ``member``) in a message."""
    return message(f"lbl.kind.{kind}")


def _check_id(instance: object, attribute: attrs.Attribute[str], value: str) -> None:
    if not isinstance(value, str) or not _ID.match(value):
        raise ValidationError(
            message("val.id", value=kind_name(type(instance).__name__.lower()), value2=value),
            source=source_of(instance),
            field=attribute.name,
        )


def _non_negative(instance: object, attribute: attrs.Attribute[int], value: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValidationError(
            message("val.non_negative", attribute_name=attribute.name, value=value),
            source=source_of(instance),
            field=attribute.name,
        )


def _optional_non_negative(
    instance: object, attribute: attrs.Attribute[int | None], value: int | None
) -> None:
    if value is not None:
        _non_negative(instance, attribute, value)  # type: ignore[arg-type]


class Form(StrEnum):
    """How a meeting is held."""

    IN_PERSON = "in_person"
    ONLINE = "online"
    HYBRID = "hybrid"


def _to_form(value: object) -> Form:
    if isinstance(value, Form):
        return value
    aliases = {"fysiskt": Form.IN_PERSON, "digitalt": Form.ONLINE, "hybrid": Form.HYBRID}
    if isinstance(value, str):
        key = value.strip().lower().replace("-", "_").replace(" ", "_")
        if key in aliases:
            return aliases[key]
        try:
            return Form(key)
        except ValueError:
            pass
    raise ValidationError(message("val.form", value=value, value2=", ".join(f.value for f in Form)))


def _to_optional_form(value: object) -> Form | None:
    return None if value is None else _to_form(value)


@frozen
class Member:
    """A member of the collaboration, e.g. a municipality.

    >>> Member("salem", "Salem")
    Member(id='salem', name='Salem')
    """

    id: str = field(validator=_check_id)
    name: str = field()
    source: Source | None = source_field()

    @name.default
    def _name_default(self) -> str:
        return self.id


@frozen
class Body:
    """A body that meets, e.g. the management group. ``members`` are member ids."""

    id: str = field(validator=_check_id)
    name: str = field()
    members: tuple[str, ...] = field(default=(), converter=to_str_tuple)
    source: Source | None = source_field()

    @name.default
    def _name_default(self) -> str:
        return self.id


@frozen
class Count:
    """How many meetings a series has in the period: exactly ``min`` when ``max``
    is not given, otherwise any number in ``min..max``. ``preferred`` (default: ``max``)
    is the number the objective pulls towards.

    >>> Count(6), Count(8, 10).preferred
    (Count(min=6, max=6, preferred=6), 10)
    """

    min: int = field(validator=_non_negative)
    max: int = field(validator=_non_negative)
    preferred: int = field(validator=_non_negative)

    @max.default
    def _max_default(self) -> int:
        return self.min

    @preferred.default
    def _preferred_default(self) -> int:
        return self.max

    def __attrs_post_init__(self) -> None:
        if self.max < self.min:
            raise ValidationError(message("val.count_order", max=self.max, min=self.min))
        if not self.min <= self.preferred <= self.max:
            raise ValidationError(
                message("val.count_preferred", preferred=self.preferred, min=self.min, max=self.max)
            )


def _to_count(value: object) -> Count:
    if isinstance(value, Count):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return Count(value)
    if isinstance(value, tuple | list) and len(value) == 2:
        return Count(value[0], value[1])
    raise ValidationError(message("val.count_value", value=value))


@frozen
class DateRange:
    """Days ``start`` to ``end``, both included, with an optional name."""

    start: dt.date = field(converter=to_date)
    end: dt.date = field(converter=to_date)
    name: str = ""

    def __attrs_post_init__(self) -> None:
        if self.end < self.start:
            label = f" {self.name!r}" if self.name else ""
            raise ValidationError(
                message("val.range_order", label=label, end=self.end, start=self.start),
                field="end",
            )

    def __contains__(self, day: object) -> bool:
        return isinstance(day, dt.date) and self.start <= day <= self.end

    def days(self) -> Iterable[dt.date]:
        """Every day of the range in order."""
        for offset in range((self.end - self.start).days + 1):
            yield self.start + dt.timedelta(days=offset)


def _to_ranges(value: object) -> tuple[DateRange, ...]:
    if isinstance(value, DateRange):
        return (value,)
    if not isinstance(value, Iterable) or isinstance(value, str):
        raise ValidationError(message("val.date_ranges", value=value))
    ranges: list[DateRange] = []
    for item in value:
        if isinstance(item, DateRange):
            ranges.append(item)
        elif isinstance(item, tuple | list) and len(item) == 2:
            ranges.append(DateRange(item[0], item[1]))
        else:
            raise ValidationError(message("val.date_range", item=item))
    return tuple(ranges)


@frozen
class Series:
    """A meeting series: one body meeting repeatedly under the same rules.

    Args:
        id: short id used in meeting ids (``lg`` gives ``lg-2024-03``).
        body: id of the :class:`Body` that meets.
        name: title of the meetings, e.g. ``"Ledningsgruppen"``.
        weekdays: the weekday(s) it may meet on.
        start: time of day it starts (on the first day).
        end: time of day it ends (on the last day).
        count: how many meetings in the period (a number or a :class:`Count`).
        days: length in days (2 for a two-day conference).
        within: the parts of the period it may use (empty: all of it).
        excluding: parts of the period it may not use ("not July").
        min_gap_days: at least this many days between consecutive meetings.
        max_gap_days: at most this many days between consecutive meetings.
        locations: places it may use, most preferred first.
        form: default form of its meetings.
        lunch: lunch time before an in-person meeting, shown to people.
        note: free text shown with every meeting.
    """

    id: str = field(validator=_check_id)
    body: str = field()
    name: str = field()
    weekdays: tuple[Weekday, ...] = field(converter=to_weekdays)
    start: dt.time = field(converter=to_time)
    end: dt.time = field(converter=to_time)
    count: Count = field(converter=_to_count)
    days: int = field(default=1)
    within: tuple[DateRange, ...] = field(default=(), converter=_to_ranges)
    excluding: tuple[DateRange, ...] = field(default=(), converter=_to_ranges)
    min_gap_days: int | None = field(default=None, validator=_optional_non_negative)
    max_gap_days: int | None = field(default=None, validator=_optional_non_negative)
    locations: tuple[str, ...] = field(default=(), converter=to_str_tuple)
    form: Form = field(default=Form.IN_PERSON, converter=_to_form)
    lunch: dt.time | None = field(default=None, converter=to_optional_time)
    note: str = ""
    source: Source | None = source_field()

    def __attrs_post_init__(self) -> None:
        label = self.label
        if not self.weekdays:
            raise ValidationError(message("val.no_weekdays", label=label), **self._at("weekdays"))
        if isinstance(self.days, bool) or not isinstance(self.days, int) or self.days < 1:
            raise ValidationError(
                message("val.days", label=label, days=self.days), **self._at("days")
            )
        if self.days == 1 and self.end <= self.start:
            raise ValidationError(
                message("val.series_times", label=label, end=self.end, start=self.start),
                **self._at("end"),
            )
        if (
            self.min_gap_days is not None
            and self.max_gap_days is not None
            and self.max_gap_days < self.min_gap_days
        ):
            raise ValidationError(
                message(
                    "val.gap_order",
                    label=label,
                    max_gap_days=self.max_gap_days,
                    min_gap_days=self.min_gap_days,
                ),
                **self._at("max_gap_days"),
            )
        if len(set(self.locations)) != len(self.locations):
            raise ValidationError(
                message("val.location_twice", label=label), **self._at("locations")
            )

    def _at(self, name: str | None) -> dict[str, Any]:
        return {"source": self.source, "field": name}

    @property
    def label(self) -> Message:
        """``series 'lg'``, in an error's language."""
        return message("lbl.series", id=self.id)

    def allows(self, day: dt.date) -> bool:
        """Whether a meeting may start on ``day`` by the series' weekdays and windows
        (not by unavailable time). Every day of a multi-day meeting must be in a window."""
        if day.weekday() not in self.weekdays:
            return False
        for offset in range(self.days):
            current = day + dt.timedelta(days=offset)
            if self.within and not any(current in window for window in self.within):
                return False
            if any(current in gap for gap in self.excluding):
                return False
        return True


@frozen
class Link:
    """Every meeting of series ``after`` has a meeting of series ``before``
    between ``min_days`` and ``max_days`` days before it.

    A hard link must hold; a soft one costs ``weight`` points per day outside the
    window (capped at ``cap_days`` days per meeting).
    """

    before: str
    after: str
    min_days: int = field(validator=_non_negative)
    max_days: int = field(validator=_non_negative)
    hard: bool = True
    weight: int = field(default=10, validator=_non_negative)
    cap_days: int = field(default=60, validator=_non_negative)
    source: Source | None = source_field()

    def __attrs_post_init__(self) -> None:
        if self.max_days < self.min_days:
            raise ValidationError(
                message(
                    "val.link_order",
                    before=self.before,
                    after=self.after,
                    max_days=self.max_days,
                    min_days=self.min_days,
                ),
                source=self.source,
                field="max_days",
            )
        if self.before == self.after:
            raise ValidationError(
                message("val.link_self", label=self.label), source=self.source, field="after"
            )

    @property
    def label(self) -> str:
        """``"lg -> sk"``."""
        return f"{self.before} -> {self.after}"

    def distance(self, before: dt.date, after: dt.date) -> int:
        """Days outside the window for a ``before`` meeting and an ``after`` meeting (0 inside)."""
        days = (after - before).days
        return max(0, self.min_days - days, days - self.max_days)


@frozen
class Pin:
    """A meeting fixed to a date, optionally with its own time, place, form, title and note.

    A pinned meeting counts towards its series.
    """

    series: str
    date: dt.date = field(converter=to_date)
    start: dt.time | None = field(default=None, converter=to_optional_time)
    end: dt.time | None = field(default=None, converter=to_optional_time)
    location: str | None = None
    form: Form | None = field(default=None, converter=_to_optional_form)
    title: str | None = None
    note: str | None = None
    source: Source | None = source_field()

    def __attrs_post_init__(self) -> None:
        if (self.start is None) != (self.end is None):
            raise ValidationError(
                message("val.pin_times", series=self.series, date=self.date),
                source=self.source,
                field="end" if self.start is not None else "start",
            )

    @property
    def label(self) -> Message:
        """``pin lg 2024-12-13``, in an error's language."""
        return message("lbl.pin", series=self.series, date=self.date)


@frozen
class Weights:
    """Weights of the objective's soft terms (points; see ``docs/objective.md``).

    Args:
        spread: per tenth of a meeting-week that a series is away from evenly spread.
        location: per meeting, per step down the series' list of locations.
        count: per meeting away from the series' preferred count.
    """

    spread: int = field(default=1, validator=_non_negative)
    location: int = field(default=5, validator=_non_negative)
    count: int = field(default=200, validator=_non_negative)
    source: Source | None = source_field()


def _items(value: object, kind: type[T]) -> tuple[T, ...]:
    if isinstance(value, kind):
        return (value,)
    if not isinstance(value, Iterable) or isinstance(value, str):
        raise ValidationError(message("val.list_of", kind_name=kind.__name__, value=value))
    items = tuple(value)
    for item in items:
        if not isinstance(item, kind):
            raise ValidationError(message("val.item_of", kind_name=kind.__name__, item=item))
    return items


def _series_tuple(value: object) -> tuple[Series, ...]:
    return _items(value, Series)


def _body_tuple(value: object) -> tuple[Body, ...]:
    return _items(value, Body)


def _member_tuple(value: object) -> tuple[Member, ...]:
    return _items(value, Member)


def _link_tuple(value: object) -> tuple[Link, ...]:
    return _items(value, Link)


def _pin_tuple(value: object) -> tuple[Pin, ...]:
    return _items(value, Pin)


def _unavailable_tuple(value: object) -> tuple[Unavailable, ...]:
    if not isinstance(value, Iterable) or isinstance(value, str):
        raise ValidationError(message("val.sources", value=value))
    items = tuple(value)
    for item in items:
        if not hasattr(item, "blocks"):
            raise ValidationError(message("val.source", item=item))
    return items


def _known(
    kind: str, wanted: str, known: Sequence[str], *, owner: Message, item: object, name: str
) -> None:
    """``wanted`` is one of the ``known`` ids of ``kind``; else an error at ``item``'s
    field ``name``, which ``owner`` names for people."""
    if wanted not in known:
        raise ValidationError(
            message(
                "val.unknown_ref",
                owner=owner,
                kind=kind_name(kind),
                wanted=wanted,
                join_known_or_none=", ".join(known) or message("cfg.none"),
            ),
            source=source_of(item),
            field=name,
        )


@frozen
class Problem:
    """A whole meeting year to plan: the period, the series and every rule.

    Args:
        name: the organisation, e.g. ``"Södertörnskommunerna"`` (used in titles and UIDs).
        start: first day of the period.
        end: last day of the period.
        series: the meeting series.
        bodies: the bodies that meet (a series' ``body`` must be one of them).
        members: members of the collaboration.
        links: links between series.
        unavailable: sources of unavailable time (holidays, breaks, periods ...).
        pins: meetings fixed to a date.
        timezone: IANA time zone of all times.
        weights: weights of the objective.
    """

    name: str
    start: dt.date = field(converter=to_date)
    end: dt.date = field(converter=to_date)
    series: tuple[Series, ...] = field(converter=_series_tuple)
    bodies: tuple[Body, ...] = field(default=(), converter=_body_tuple)
    members: tuple[Member, ...] = field(default=(), converter=_member_tuple)
    links: tuple[Link, ...] = field(default=(), converter=_link_tuple)
    unavailable: tuple[Unavailable, ...] = field(default=(), converter=_unavailable_tuple)
    pins: tuple[Pin, ...] = field(default=(), converter=_pin_tuple)
    timezone: str = "Europe/Stockholm"
    weights: Weights = field(factory=Weights)
    source: Source | None = source_field()

    def __attrs_post_init__(self) -> None:
        self._check_period()
        self._check_ids()
        self._check_references()
        self._check_pins()
        self._check_counts()

    def _check_period(self) -> None:
        if self.end < self.start:
            raise ValidationError(
                message("val.period_order", end=self.end, start=self.start),
                source=self.source,
                field="end",
            )
        try:
            ZoneInfo(self.timezone)
        except (ValueError, ZoneInfoNotFoundError, OSError) as error:
            raise ValidationError(
                message("val.timezone", timezone=self.timezone),
                source=self.source,
                field="timezone",
            ) from error

    def _check_ids(self) -> None:
        items: tuple[tuple[str, Sequence[Series | Body | Member]], ...] = (
            ("series", self.series),
            ("body", self.bodies),
            ("member", self.members),
        )
        for kind, records in items:
            seen: set[str] = set()
            for record in records:
                if record.id in seen:
                    raise ValidationError(
                        message("val.id_twice", kind=kind_name(kind), item=record.id),
                        source=record.source,
                        field="id",
                    )
                seen.add(record.id)

    def _check_references(self) -> None:
        series_ids = [s.id for s in self.series]
        body_ids = [b.id for b in self.bodies]
        member_ids = [m.id for m in self.members]
        for body in self.bodies:
            owner = message("lbl.body", id=body.id)
            for member in body.members:
                _known("member", member, member_ids, owner=owner, item=body, name="members")
        for series in self.series:
            _known("body", series.body, body_ids, owner=series.label, item=series, name="body")
        for link in self.links:
            owner = message("lbl.link", before=link.before, after=link.after)
            _known("series", link.before, series_ids, owner=owner, item=link, name="before")
            _known("series", link.after, series_ids, owner=owner, item=link, name="after")
        for source in self.unavailable:
            owner = message("lbl.unavailable", name=source.label)
            for target in source.series:
                _known("series", target, series_ids, owner=owner, item=source, name="series")
        for pin in self.pins:
            _known("series", pin.series, series_ids, owner=pin.label, item=pin, name="series")

    def _check_pins(self) -> None:
        seen: set[tuple[str, dt.date]] = set()
        for pin in self.pins:
            label = pin.label
            series = self.get_series(pin.series)
            if (pin.series, pin.date) in seen:
                raise ValidationError(message("val.given_twice", label=label), source=pin.source)
            seen.add((pin.series, pin.date))
            last_day = pin.date + dt.timedelta(days=series.days - 1)
            if not (self.start <= pin.date and last_day <= self.end):
                text = message("val.pin_period", label=label, start=self.start, end=self.end)
                if series.days > 1:
                    text = message("val.pin_period_days", text=text, last_day=last_day)
                raise ValidationError(text, source=pin.source, field="date")
            if pin.date.weekday() not in series.weekdays:
                days = WeekdayList(tuple(int(day) for day in series.weekdays), plural=True)
                raise ValidationError(
                    message(
                        "val.pin_weekday",
                        label=label,
                        weekday=WeekdayList((pin.date.weekday(),)),
                        series_id=series.id,
                        days=days,
                    ),
                    source=pin.source,
                    field="date",
                )
            if not series.allows(pin.date):
                raise ValidationError(
                    message("val.pin_window", label=label, series_id=series.id),
                    source=pin.source,
                    field="date",
                )
            if (
                pin.start is not None
                and pin.end is not None
                and series.days == 1
                and pin.end <= pin.start
            ):
                raise ValidationError(
                    message("val.pin_order", label=label), source=pin.source, field="end"
                )

    def _check_counts(self) -> None:
        period = DateRange(self.start, self.end)
        for series in self.series:
            possible = sum(
                1
                for day in period.days()
                if series.allows(day) and day + dt.timedelta(days=series.days - 1) <= self.end
            )
            if series.count.min > possible:
                raise ValidationError(
                    message(
                        "val.too_few_days",
                        series_id=series.id,
                        series_count_min=series.count.min,
                        possible=possible,
                    ),
                    source=series.source,
                    field="count",
                )
            pins = sum(1 for pin in self.pins if pin.series == series.id)
            if pins > series.count.max:
                raise ValidationError(
                    message(
                        "val.too_many_pins",
                        series_id=series.id,
                        pins=pins,
                        series_count_max=series.count.max,
                    ),
                    source=series.source,
                    field="count",
                )

    def get_series(self, series_id: str) -> Series:
        """The series with this id.

        Raises:
            ValidationError: if there is none (the message lists the known ids).
        """
        for series in self.series:
            if series.id == series_id:
                return series
        known = ", ".join(s.id for s in self.series)
        raise ValidationError(message("val.unknown_series", series_id=series_id, known=known))

    def get_body(self, body_id: str) -> Body:
        """The body with this id."""
        for body in self.bodies:
            if body.id == body_id:
                return body
        known = ", ".join(b.id for b in self.bodies)
        raise ValidationError(message("val.unknown_body", body_id=body_id, known=known))

    def pins_of(self, series_id: str) -> tuple[Pin, ...]:
        """The pins of one series, by date."""
        return tuple(sorted((p for p in self.pins if p.series == series_id), key=lambda p: p.date))

    def evolve(self, **changes: Any) -> Problem:
        """A copy with some fields changed (validated again)."""
        return attrs.evolve(self, **changes)
