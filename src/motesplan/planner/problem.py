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
    "SUBSTITUTE_ROLES",
    "Body",
    "Count",
    "CountPer",
    "DateRange",
    "Form",
    "Invitee",
    "Link",
    "Member",
    "Milestone",
    "Pin",
    "Problem",
    "Representative",
    "Series",
    "Weekday",
    "Weights",
    "is_email",
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


_EMAIL = re.compile(r"^[^@\s\"<>]+@[^@\s\"<>]+$")


def is_email(text: object) -> bool:
    """Whether ``text`` looks like an e-mail address: ``name@host``, no spaces.

    >>> is_email("kansli@example.se"), is_email("kansli")
    (True, False)
    """
    return isinstance(text, str) and bool(_EMAIL.match(text))


def _email(instance: object, attribute: attrs.Attribute[str], value: str) -> None:
    if not is_email(value):
        raise ValidationError(
            message("val.email", value=value), source=source_of(instance), field=attribute.name
        )


def _optional_email(
    instance: object, attribute: attrs.Attribute[str | None], value: str | None
) -> None:
    if value is not None:
        _email(instance, attribute, value)  # type: ignore[arg-type]


@frozen
class Member:
    """A member of the collaboration, e.g. a municipality.

    Args:
        id: short id (``salem``).
        name: the name people read (default: the id).
        email: the member's own address: invitations to a body that lists no
            representatives go to it.
        contact: the name of the person at that address (default: the member's name).

    >>> Member("salem", "Salem")
    Member(id='salem', name='Salem', email=None, contact=None)
    """

    id: str = field(validator=_check_id)
    name: str = field()
    email: str | None = field(default=None, validator=_optional_email, kw_only=True)
    contact: str | None = field(default=None, kw_only=True)
    source: Source | None = source_field()

    @name.default
    def _name_default(self) -> str:
        return self.id


SUBSTITUTE_ROLES = frozenset(
    {
        "ersättare",
        "substitute",
        "deputy",
        "varamedlem",
        "vararepresentant",
        "stedfortræder",
        "suppleant",
        "varajäsen",
        "stellvertreter",
        "ersatzmitglied",
    }
)
"""Roles (lower case) whose holders are invited as optional attendees: substitutes."""


@frozen
class Representative:
    """A person who represents a member in one body (a body's ``ledamot`` or
    ``ersättare``), from ``start`` until ``end`` (both included; open when not given:
    a change of mandate mid-period is two representatives).

    Args:
        member: the member id.
        name: the person's name.
        email: the address invitations go to.
        role: the role, free text (``ledamot``, ``ersättare``, ``ordförande`` ...);
            a substitute's role (:data:`SUBSTITUTE_ROLES`) makes the invitation optional.
        start: first day the person represents the member (default: always).
        end: last day (default: always).
    """

    member: str
    name: str
    email: str = field(validator=_email)
    role: str = ""
    start: dt.date | None = field(default=None, converter=attrs.converters.optional(to_date))
    end: dt.date | None = field(default=None, converter=attrs.converters.optional(to_date))
    source: Source | None = source_field()

    def __attrs_post_init__(self) -> None:
        if self.start is not None and self.end is not None and self.end < self.start:
            raise ValidationError(
                message("val.range_order", label="", end=self.end, start=self.start),
                source=self.source,
                field="end",
            )

    @property
    def optional(self) -> bool:
        """Whether the person is invited as an optional attendee (a substitute)."""
        return self.role.strip().lower() in SUBSTITUTE_ROLES

    def serves_on(self, day: dt.date) -> bool:
        """Whether the person represents the member on ``day``."""
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@frozen
class Invitee:
    """Someone invited to a meeting.

    Attributes:
        name: the name (the calendar's ``CN``).
        email: the address.
        optional: an optional attendee (a substitute).
    """

    name: str
    email: str
    optional: bool = False


def _representatives(value: object) -> tuple[Representative, ...]:
    return _items(value, Representative)


@frozen
class Body:
    """A body that meets, e.g. the management group.

    Args:
        id: short id.
        name: the name people read (default: the id).
        members: its members' ids.
        representatives: the people who represent its members in it; invitations to
            its meetings go to them.
    """

    id: str = field(validator=_check_id)
    name: str = field()
    members: tuple[str, ...] = field(default=(), converter=to_str_tuple)
    representatives: tuple[Representative, ...] = field(
        default=(), converter=_representatives, kw_only=True
    )
    source: Source | None = source_field()

    def __attrs_post_init__(self) -> None:
        for person in self.representatives:
            if self.members and person.member not in self.members:
                raise ValidationError(
                    message(
                        "val.representative_member",
                        name=person.name,
                        member=person.member,
                        body=self.id,
                        known=", ".join(self.members),
                    ),
                    source=person.source,
                    field="member",
                )

    @name.default
    def _name_default(self) -> str:
        return self.id


class CountPer(StrEnum):
    """What a :class:`Count` counts in."""

    PERIOD = "period"
    """The whole period (the default)."""
    YEAR = "year"
    """Every calendar year of the period (a partial year pro rata, see :meth:`Count.years`)."""


def _to_per(value: object) -> CountPer:
    if isinstance(value, CountPer):
        return value
    try:
        return CountPer(str(value).strip().lower())
    except ValueError:
        raise ValidationError(message("val.count_per", value=value)) from None


@frozen
class Count:
    """How many meetings a series has: exactly ``min`` when ``max`` is not given,
    otherwise any number in ``min..max``. ``preferred`` (default: ``max``) is the number
    the objective pulls towards. ``per`` says in what: the whole period, or each
    calendar year of it (``per="year"``; a year the period only partly covers gets
    its share, see :meth:`years`).

    >>> Count(6), Count(8, 10).preferred, Count(9, 10, per="year").per
    (Count(min=6, max=6, preferred=6, per='period'), 10, <CountPer.YEAR: 'year'>)
    """

    min: int = field(validator=_non_negative)
    max: int = field(validator=_non_negative)
    preferred: int = field(validator=_non_negative)
    per: CountPer = field(
        default=CountPer.PERIOD, converter=_to_per, kw_only=True, repr=lambda per: repr(per.value)
    )

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

    @property
    def per_year(self) -> bool:
        """Whether the count holds in every calendar year."""
        return self.per is CountPer.YEAR

    def years(self, start: dt.date, end: dt.date) -> tuple[tuple[int, Count], ...]:
        """The count of each calendar year of the period ``start..end``, for a count
        per year: the count itself in a whole year; in a year the period covers only
        in part, its share by days, the least rounded down, the most rounded up and the
        preferred to the nearest (within those). A count of the period: one item, the
        count itself, for the first year.

        >>> count = Count(9, 10, per="year")
        >>> [(y, c.min, c.max, c.preferred) for y, c in count.years(dt.date(2026, 7, 1),
        ...                                                         dt.date(2027, 12, 31))]
        [(2026, 4, 6, 5), (2027, 9, 10, 10)]
        """
        if not self.per_year:
            return ((start.year, self),)
        found: list[tuple[int, Count]] = []
        for year in range(start.year, end.year + 1):
            first = max(start, dt.date(year, 1, 1))
            last = min(end, dt.date(year, 12, 31))
            days = (last - first).days + 1
            whole = (dt.date(year, 12, 31) - dt.date(year, 1, 1)).days + 1
            if days == whole:
                found.append((year, Count(self.min, self.max, self.preferred)))
                continue
            low = self.min * days // whole
            high = -(-self.max * days // whole)
            preferred = min(max((2 * self.preferred * days + whole) // (2 * whole), low), high)
            found.append((year, Count(low, high, preferred)))
        return tuple(found)


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
        reserve: reserve dates ("extra sammanträde vid behov"): this many dates held
            as tentative on days the series could meet, per year when the count is
            per year, else in the period; not counted as meetings.
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
    reserve: int = field(default=0, validator=_non_negative)
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


def _positive(instance: object, attribute: attrs.Attribute[int], value: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ValidationError(
            message("val.positive_count", attribute_name=attribute.name, value=value),
            source=source_of(instance),
            field=attribute.name,
        )


@frozen
class Milestone:
    """Meetings tied to a purpose and a window (the council adopts the budget in
    November): at least ``count`` meetings of ``series`` from ``start`` to ``end``, or
    with ``yearly`` in the same days of every year of the period. The first ``count``
    meetings of the series in a window serve it and carry its ``name`` as a label.

    Args:
        series: the series.
        name: the label people read ("Budget", "Delårsrapport").
        start: first day of the window.
        end: last day (with ``yearly``: a day of the next year when it comes before
            ``start`` in the year, a window over New Year).
        count: at least this many meetings in the window.
        yearly: the same window every year (the years of ``start`` and ``end`` only
            tell the month and day); a year whose window is not wholly in the period
            has none.
        short: the label's short form in a table ("B", "DR", "ÅR"); default: the
            name's initial letters, in capitals.
    """

    series: str
    name: str
    start: dt.date = field(converter=to_date)
    end: dt.date = field(converter=to_date)
    count: int = field(default=1, validator=_positive)
    yearly: bool = False
    short: str = field(kw_only=True)
    source: Source | None = source_field()

    @short.default
    def _short_default(self) -> str:
        return "".join(word[0] for word in self.name.split() if word).upper()

    def __attrs_post_init__(self) -> None:
        if not self.yearly and self.end < self.start:
            raise ValidationError(
                message("val.range_order", label=f" {self.name!r}", end=self.end, start=self.start),
                source=self.source,
                field="end",
            )

    @property
    def label(self) -> Message:
        """``milestone 'Budget'``, in an error's language."""
        return message("lbl.milestone", name=self.name)

    def windows(self, start: dt.date, end: dt.date) -> tuple[DateRange, ...]:
        """The windows wholly in the period ``start..end``: the one window (none when it
        is not wholly in the period), or one a year.

        >>> budget = Milestone("kf", "Budget", "2027-11-01", "2027-11-30", yearly=True)
        >>> windows = budget.windows(dt.date(2027, 1, 1), dt.date(2028, 12, 31))
        >>> [window.start.isoformat() for window in windows]
        ['2027-11-01', '2028-11-01']
        """
        if not self.yearly:
            inside = start <= self.start and self.end <= end
            return (DateRange(self.start, self.end, self.name),) if inside else ()
        found: list[DateRange] = []
        wraps = (self.end.month, self.end.day) < (self.start.month, self.start.day)
        for year in range(start.year - 1, end.year + 1):
            first = _in_year(self.start, year)
            last = _in_year(self.end, year + 1 if wraps else year)
            if start <= first and last <= end:
                found.append(DateRange(first, last, self.name))
        return tuple(found)


def _in_year(day: dt.date, year: int) -> dt.date:
    """The same month and day in ``year`` (29 February: the 28th in a common year)."""
    try:
        return day.replace(year=year)
    except ValueError:
        return day.replace(year=year, day=28)


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


def _milestone_tuple(value: object) -> tuple[Milestone, ...]:
    return _items(value, Milestone)


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
        milestones: meetings tied to a purpose and a window (budget, interim report).
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
    milestones: tuple[Milestone, ...] = field(default=(), converter=_milestone_tuple)
    source: Source | None = source_field()

    def __attrs_post_init__(self) -> None:
        self._check_period()
        self._check_ids()
        self._check_references()
        self._check_pins()
        self._check_counts()
        self._check_milestones()

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
        for milestone in self.milestones:
            owner = milestone.label
            _known(
                "series", milestone.series, series_ids, owner=owner, item=milestone, name="series"
            )

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
        for series in self.series:
            for year, count in self.counts_of(series):
                first, last = self.start, self.end
                if series.count.per_year:
                    first = max(first, dt.date(year, 1, 1))
                    last = min(last, dt.date(year, 12, 31))
                length = dt.timedelta(days=series.days - 1)
                possible = sum(
                    1
                    for day in DateRange(first, last).days()
                    if series.allows(day) and day + length <= self.end
                )
                when = message("val.in_year", year=year) if series.count.per_year else ""
                if count.min > possible:
                    raise ValidationError(
                        message(
                            "val.too_few_days",
                            series_id=series.id,
                            series_count_min=count.min,
                            possible=possible,
                            when=when,
                        ),
                        source=series.source,
                        field="count",
                    )
                pins = sum(
                    1 for pin in self.pins if pin.series == series.id and first <= pin.date <= last
                )
                if pins > count.max:
                    raise ValidationError(
                        message(
                            "val.too_many_pins",
                            series_id=series.id,
                            pins=pins,
                            series_count_max=count.max,
                            when=when,
                        ),
                        source=series.source,
                        field="count",
                    )

    def counts_of(self, series: Series) -> tuple[tuple[int, Count], ...]:
        """The count of a series in each calendar year of the period (a count per
        year), or its count of the whole period, as ``(first year, count)``
        (:meth:`Count.years`)."""
        return series.count.years(self.start, self.end)

    def _check_milestones(self) -> None:
        for milestone in self.milestones:
            series = self.get_series(milestone.series)
            windows = milestone.windows(self.start, self.end)
            if not windows:
                raise ValidationError(
                    message(
                        "val.milestone_period",
                        label=milestone.label,
                        first=milestone.start,
                        last=milestone.end,
                        start=self.start,
                        end=self.end,
                    ),
                    source=milestone.source,
                    field="start",
                )
            for window in windows:
                if not any(series.allows(day) for day in window.days()):
                    raise ValidationError(
                        message(
                            "val.milestone_days",
                            label=milestone.label,
                            first=window.start,
                            last=window.end,
                            series_id=series.id,
                        ),
                        source=milestone.source,
                        field="start",
                    )

    def invitees(self, series_id: str, day: dt.date) -> tuple[Invitee, ...]:
        """Who is invited to a meeting of a series on ``day``: the representatives of
        its body serving that day (substitutes as optional attendees); when the body
        lists none, every member of the body (every member, when it lists none) with
        an ``email``. Each address once, in the order given."""
        body = self.get_body(self.get_series(series_id).body)
        found: list[Invitee] = []
        if body.representatives:
            found = [
                Invitee(person.name, person.email, person.optional)
                for person in body.representatives
                if person.serves_on(day)
            ]
        else:
            members = [m for m in self.members if not body.members or m.id in body.members]
            found = [Invitee(m.contact or m.name, m.email) for m in members if m.email]
        unique: dict[str, Invitee] = {}
        for invitee in found:
            unique.setdefault(invitee.email.lower(), invitee)
        return tuple(unique.values())

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
