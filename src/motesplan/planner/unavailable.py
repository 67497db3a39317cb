"""Sources of unavailable time: holidays, bridge days, school breaks, closed periods.

Each source turns the period into :class:`Block` s: a day (or part of a day) with a
reason people can read (rendered in a language when it is printed: a holiday's name
comes from the `holidays` package in that language), the series it applies to (none
listed: all) and a weight (``None``: a hard rule; a number: a soft cost per meeting
that falls on it).
Holiday tables come from the `holidays` package, for any country and subdivision
it supports; only bridge days are derived here, because the package does not
generate them.

Every source made here also has a ``source``: where in the configuration file it was
stated (:class:`~motesplan.Source`, e.g. ``unavailable.periods[1]``), set by
:func:`~motesplan.load_config` so an error or an explanation of a conflict can say
where the rule comes from; ``None`` for a source made in Python. It takes no part in
equality.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator, Mapping
from enum import StrEnum
from functools import cache
from typing import Protocol, runtime_checkable

import holidays
from attrs import field, frozen

from motesplan._convert import to_date, to_optional_time, to_str_tuple
from motesplan.errors import ValidationError
from motesplan.source import Source, source_field, source_of
from motesplan.text import Text, message

__all__ = [
    "Block",
    "BlockKind",
    "BridgeDays",
    "ClosedDates",
    "ClosedPeriod",
    "HolidayName",
    "PublicHolidays",
    "SchoolBreaks",
    "Unavailable",
]

MINUTES_PER_DAY = 24 * 60


class BlockKind(StrEnum):
    """Why a day is unavailable."""

    HOLIDAY = "holiday"
    HALF_DAY = "half_day"
    BRIDGE_DAY = "bridge_day"
    SCHOOL_BREAK = "school_break"
    CLOSED = "closed"
    BUSY = "busy"


def minutes(moment: dt.time) -> int:
    """Minutes since midnight."""
    return moment.hour * 60 + moment.minute


@frozen(order=True)
class Block:
    """One day, or part of one day, that meetings should avoid.

    Attributes:
        date: the day.
        start: from this time of day (``None``: from midnight).
        end: until this time (``None``: until midnight).
        reason: text for people ("Skärtorsdagen (från kl. 14.00)"): the user's own name
            of a period, or a message rendered in a language when printed.
        kind: the kind of source.
        series: the series it applies to; empty: every series.
        weight: ``None`` for a hard rule, else points per meeting on it.
        source: the label of the source that made it.
    """

    date: dt.date
    start: dt.time | None
    end: dt.time | None
    reason: Text = field(order=False)
    kind: BlockKind
    series: tuple[str, ...] = ()
    weight: int | None = None
    source: str = ""

    @property
    def hard(self) -> bool:
        """Whether a meeting on it breaks a hard rule."""
        return self.weight is None

    @property
    def whole_day(self) -> bool:
        """Whether it covers the whole day."""
        return self.start is None and self.end is None

    def applies_to(self, series_id: str) -> bool:
        """Whether it applies to this series."""
        return not self.series or series_id in self.series

    def overlaps(self, start_minute: int, end_minute: int) -> bool:
        """Whether it overlaps the minutes ``[start_minute, end_minute)`` of its day."""
        own_start = 0 if self.start is None else minutes(self.start)
        own_end = MINUTES_PER_DAY if self.end is None else minutes(self.end)
        return own_start < end_minute and start_minute < own_end


@runtime_checkable
class Unavailable(Protocol):
    """What every source of unavailable time offers."""

    @property
    def series(self) -> tuple[str, ...]:
        """Series it applies to (empty: all)."""
        ...

    @property
    def weight(self) -> int | None:
        """``None``: hard; else soft points per meeting."""
        ...

    @property
    def label(self) -> str:
        """Short name for people and error messages."""
        ...

    def blocks(self, start: dt.date, end: dt.date) -> Iterator[Block]:
        """The blocks this source makes between ``start`` and ``end`` (both included)."""
        ...


def check_weight(instance: object, attribute: object, value: int | None) -> None:
    """A weight is ``None`` (a hard rule) or a whole number >= 0 (points)."""
    if value is not None and (isinstance(value, bool) or not isinstance(value, int) or value < 0):
        raise ValidationError(
            message("val.weight", value=value), source=source_of(instance), field="weight"
        )


def _to_categories(value: object) -> tuple[str, ...]:
    return tuple(item.strip().lower() for item in to_str_tuple(value))


# ---------------------------------------------------------------------------
# Holidays from the `holidays` package


_TIME_IN_LABEL = re.compile(r"(\d{1,2})(?:[.:h](\d{2}))?\s*(am|pm)?", re.IGNORECASE)


def _half_day_start(label: str) -> dt.time | None:
    """The time a half day starts, read from the package's ``begin_time_label``."""
    match = _TIME_IN_LABEL.search(label.replace("%s", ""))
    if not match:
        return None
    hour = int(match[1]) % 24
    minute = int(match[2] or 0)
    if match[3] and match[3].lower() == "pm" and hour < 12:
        hour += 12
    return dt.time(hour, minute)


@cache
def _supported_countries() -> dict[str, tuple[str, ...]]:
    return {code: tuple(subdivs) for code, subdivs in holidays.list_supported_countries().items()}


def _holiday_table(
    country: str,
    subdiv: str | None,
    categories: tuple[str, ...],
    years: range,
    language: str | None,
) -> holidays.HolidayBase:
    """The package's table; ``language=None`` means the country's own default language.

    The language is always passed explicitly: left out, the package follows the
    process locale, and the same problem would give different reasons on
    different machines.
    """
    if language is None:
        language = _default_language(country)
    return holidays.country_holidays(
        country, subdiv=subdiv, years=years, categories=categories, language=language
    )


@cache
def _default_language(country: str) -> str | None:
    default = getattr(holidays.country_holidays(country), "default_language", None)
    return None if default is None else str(default)


def _language_code(table: holidays.HolidayBase, language: str) -> str | None:
    """The package's code for our language in this country, or its own default."""
    supported = tuple(str(code) for code in getattr(table, "supported_languages", ()))
    for code in supported:
        if code == language:
            return code
    for code in sorted(supported):
        if code.split("_")[0] == language:
            return code
    default = getattr(table, "default_language", None)
    return None if default is None else str(default)


@cache
def _names_table(
    country: str, subdiv: str | None, categories: tuple[str, ...], year: int, language: str
) -> holidays.HolidayBase:
    native = _holiday_table(country, subdiv, categories, range(year, year + 1), None)
    code = _language_code(native, language)
    if code == native.default_language:
        return native
    return _holiday_table(country, subdiv, categories, range(year, year + 1), code)


@frozen
class HolidayName:
    """The name of the holidays of one day, rendered in a language when printed (the
    `holidays` package's name in it, or in the country's own language where the package
    has none in ours); two holidays on one day are joined by ``; ``.

    >>> name = HolidayName("SE", None, ("public",), dt.date(2024, 6, 6))
    >>> name.render("sv"), name.render("en")
    ('Nationaldagen', 'National Day')
    """

    country: str
    subdiv: str | None
    categories: tuple[str, ...]
    day: dt.date

    def render(self, language: str) -> str:
        table = _names_table(self.country, self.subdiv, self.categories, self.day.year, language)
        return "; ".join(table.get_list(self.day))


@frozen
class PublicHolidays:
    """Holidays of a country (and subdivision), by the `holidays` package's categories.

    A holiday that the package labels as starting at a time of day (Swedish
    "Skärtorsdagen (från kl. 14.00)") blocks only from that time, so a morning
    meeting may still fall on it.

    >>> PublicHolidays("SE", categories=("public", "de_facto")).label
    'holidays SE'
    """

    country: str = "SE"
    subdiv: str | None = None
    categories: tuple[str, ...] = field(default=("public",), converter=_to_categories)
    series: tuple[str, ...] = field(default=(), converter=to_str_tuple)
    weight: int | None = field(default=None, validator=check_weight)
    source: Source | None = source_field()

    def __attrs_post_init__(self) -> None:
        countries = _supported_countries()
        if self.country not in countries:
            raise ValidationError(
                message("val.country", country=self.country),
                source=self.source,
                field="country",
            )
        if self.subdiv is not None and self.subdiv not in countries[self.country]:
            known = ", ".join(countries[self.country]) or message("cfg.none")
            raise ValidationError(
                message("val.subdivision", subdiv=self.subdiv, country=self.country, known=known),
                source=self.source,
                field="subdiv",
            )
        supported = _holiday_table(self.country, self.subdiv, (), range(2000, 2001), None)
        allowed = tuple(sorted(supported.supported_categories))
        for category in self.categories:
            if category not in allowed:
                raise ValidationError(
                    message(
                        "val.category",
                        category=category,
                        country=self.country,
                        join_allowed=", ".join(allowed),
                    ),
                    source=self.source,
                    field="categories",
                )

    @property
    def label(self) -> str:
        """``holidays SE`` or ``holidays US-CA``."""
        return f"holidays {self.country}" + (f"-{self.subdiv}" if self.subdiv else "")

    def table(self, start: dt.date, end: dt.date, language: str | None) -> holidays.HolidayBase:
        """The package's table for the years of ``start..end``."""
        years = range(start.year, end.year + 1)
        return _holiday_table(self.country, self.subdiv, self.categories, years, language)

    def blocks(self, start: dt.date, end: dt.date) -> Iterator[Block]:
        """Whole-day blocks for holidays, part-day ones for half days."""
        native = self.table(start, end, None)
        label = str(getattr(type(native), "begin_time_label", "") or "")
        half_day = None
        if "%s" in label:
            half_day = re.compile("^" + re.escape(label).replace(re.escape("%s"), "(.+)") + "$")
        half_start = _half_day_start(label) if label else None
        for day in sorted(native):
            if not start <= day <= end:
                continue
            names = native.get_list(day)
            is_half = (
                half_day is not None
                and half_start is not None
                and all(half_day.match(name) for name in names)
            )
            yield Block(
                date=day,
                start=half_start if is_half else None,
                end=None,
                reason=HolidayName(self.country, self.subdiv, self.categories, day),
                kind=BlockKind.HALF_DAY if is_half else BlockKind.HOLIDAY,
                series=self.series,
                weight=self.weight,
                source=self.label,
            )


@frozen
class BridgeDays:
    """Bridge days ("klämdagar"), derived: a working day whose neighbours on both
    sides are days off (weekend or holiday), at least one of them a holiday.

    Holidays are those of ``country`` in ``categories`` (public and de facto by
    default), from the `holidays` package.
    """

    country: str = "SE"
    subdiv: str | None = None
    categories: tuple[str, ...] = field(converter=_to_categories)
    series: tuple[str, ...] = field(default=(), converter=to_str_tuple)
    weight: int | None = field(default=None, validator=check_weight)
    source: Source | None = source_field()

    @categories.default
    def _categories_default(self) -> tuple[str, ...]:
        """Public holidays, and de facto ones where the country has them (Sweden does)."""
        if self.country not in _supported_countries():
            return ("public",)  # __attrs_post_init__ reports the unknown country
        table = _holiday_table(self.country, None, (), range(2000, 2001), None)
        return tuple(c for c in ("public", "de_facto") if c in table.supported_categories)

    def __attrs_post_init__(self) -> None:
        PublicHolidays(self.country, self.subdiv, self.categories)  # validates the same way

    @property
    def label(self) -> str:
        """``bridge days SE``."""
        return f"bridge days {self.country}" + (f"-{self.subdiv}" if self.subdiv else "")

    def blocks(self, start: dt.date, end: dt.date) -> Iterator[Block]:
        """One whole-day block per bridge day."""
        source = PublicHolidays(self.country, self.subdiv, self.categories)
        margin = dt.timedelta(days=7)
        native = source.table(start - margin, end + margin, None)
        one = dt.timedelta(days=1)

        def off(day: dt.date) -> bool:
            return day.weekday() >= 5 or day in native

        day = start
        while day <= end:
            before, after = day - one, day + one
            if (
                not off(day)
                and off(before)
                and off(after)
                and (before in native or after in native)
            ):
                holiday = before if before in native else after
                yield Block(
                    date=day,
                    start=None,
                    end=None,
                    reason=message(
                        "bridge_day.of",
                        holiday=HolidayName(self.country, self.subdiv, self.categories, holiday),
                    ),
                    kind=BlockKind.BRIDGE_DAY,
                    series=self.series,
                    weight=self.weight,
                    source=self.label,
                )
            day += one


# ---------------------------------------------------------------------------
# School breaks, periods and dates


def _to_weeks(value: object) -> tuple[tuple[int, tuple[int, ...]], ...]:
    if not isinstance(value, Mapping):
        raise ValidationError(message("val.school_weeks", value=value))
    result: list[tuple[int, tuple[int, ...]]] = []
    for year, weeks in value.items():
        try:
            number = int(year)
        except (TypeError, ValueError) as error:
            raise ValidationError(message("val.school_year", year=year)) from error
        items = [weeks] if isinstance(weeks, int) else weeks
        if not isinstance(items, Iterable):
            raise ValidationError(message("val.school_year_weeks", number=number))
        checked: list[int] = []
        for week in items:
            try:
                dt.date.fromisocalendar(number, int(week), 1)
            except (TypeError, ValueError) as error:
                raise ValidationError(
                    message("val.school_week", number=number, week=week)
                ) from error
            checked.append(int(week))
        result.append((number, tuple(sorted(set(checked)))))
    return tuple(sorted(result))


@frozen
class SchoolBreaks:
    """School breaks given as ISO weeks per year (Monday to Sunday).

    >>> breaks = SchoolBreaks({2024: [9, 44]}, name="Skollov")
    >>> [b.reason.render("sv") for b in breaks.blocks(dt.date(2024, 2, 26), dt.date(2024, 2, 27))]
    ['Skollov v. 9', 'Skollov v. 9']
    """

    weeks: tuple[tuple[int, tuple[int, ...]], ...] = field(converter=_to_weeks)
    name: str = ""
    series: tuple[str, ...] = field(default=(), converter=to_str_tuple)
    weight: int | None = field(default=None, validator=check_weight)
    source: Source | None = source_field()

    @property
    def label(self) -> str:
        """The name, or ``school breaks``."""
        return self.name or "school breaks"

    def blocks(self, start: dt.date, end: dt.date) -> Iterator[Block]:
        """Whole-day blocks for every day of every week."""
        name: Text = self.name or message("school_break")
        for year, weeks in self.weeks:
            for week in weeks:
                monday = dt.date.fromisocalendar(year, week, 1)
                for offset in range(7):
                    day = monday + dt.timedelta(days=offset)
                    if start <= day <= end:
                        yield Block(
                            date=day,
                            start=None,
                            end=None,
                            reason=message(
                                "school_break.in_week", name=name, week=message("week", week=week)
                            ),
                            kind=BlockKind.SCHOOL_BREAK,
                            series=self.series,
                            weight=self.weight,
                            source=self.label,
                        )


@frozen
class ClosedPeriod:
    """A named period with no meetings (summer, Christmas), optionally only
    between ``start_time`` and ``end_time`` of each day."""

    name: str
    start: dt.date = field(converter=to_date)
    end: dt.date = field(converter=to_date)
    start_time: dt.time | None = field(default=None, converter=to_optional_time)
    end_time: dt.time | None = field(default=None, converter=to_optional_time)
    series: tuple[str, ...] = field(default=(), converter=to_str_tuple)
    weight: int | None = field(default=None, validator=check_weight)
    source: Source | None = source_field()

    def __attrs_post_init__(self) -> None:
        if self.end < self.start:
            raise ValidationError(
                message("val.closed_order", name=self.name, end=self.end, start=self.start),
                source=self.source,
                field="end",
            )
        if (
            self.start_time is not None
            and self.end_time is not None
            and self.end_time <= self.start_time
        ):
            raise ValidationError(
                message("val.closed_times", name=self.name), source=self.source, field="end_time"
            )

    @property
    def label(self) -> str:
        """The name."""
        return self.name

    def blocks(self, start: dt.date, end: dt.date) -> Iterator[Block]:
        """One block per day of the period inside ``start..end``."""
        day = max(start, self.start)
        while day <= min(end, self.end):
            yield Block(
                date=day,
                start=self.start_time,
                end=self.end_time,
                reason=self.name,
                kind=BlockKind.CLOSED,
                series=self.series,
                weight=self.weight,
                source=self.label,
            )
            day += dt.timedelta(days=1)


def _to_dates(value: object) -> tuple[dt.date, ...]:
    items = [value] if isinstance(value, str | dt.date) else value
    if not isinstance(items, Iterable):
        raise ValidationError(message("val.dates", value=value))
    return tuple(sorted({to_date(item) for item in items}))


@frozen
class ClosedDates:
    """Single dates with no meetings, under one name."""

    name: str
    dates: tuple[dt.date, ...] = field(converter=_to_dates)
    series: tuple[str, ...] = field(default=(), converter=to_str_tuple)
    weight: int | None = field(default=None, validator=check_weight)
    source: Source | None = source_field()

    @property
    def label(self) -> str:
        """The name."""
        return self.name

    def blocks(self, start: dt.date, end: dt.date) -> Iterator[Block]:
        """One whole-day block per date inside ``start..end``."""
        for day in self.dates:
            if start <= day <= end:
                yield Block(
                    date=day,
                    start=None,
                    end=None,
                    reason=self.name,
                    kind=BlockKind.CLOSED,
                    series=self.series,
                    weight=self.weight,
                    source=self.label,
                )
