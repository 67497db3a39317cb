"""Converters shared by the data classes: ISO text, names and lists in; typed values out."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from enum import IntEnum
from functools import cache

from babel.dates import get_day_names

from motesplan.errors import ValidationError

_TIME = re.compile(r"^(\d{1,2})[:.](\d{2})$")


class Weekday(IntEnum):
    """Days of the week, Monday = 0 as in :meth:`datetime.date.weekday`."""

    MONDAY = 0
    TUESDAY = 1
    WEDNESDAY = 2
    THURSDAY = 3
    FRIDAY = 4
    SATURDAY = 5
    SUNDAY = 6


@cache
def _weekday_names() -> dict[str, int]:
    """Weekday names in English and Swedish, wide and abbreviated, from the CLDR via Babel."""
    names: dict[str, int] = {}
    for locale in ("en", "sv"):
        for width in ("wide", "abbreviated"):
            for number, name in get_day_names(width, locale=locale).items():
                names[str(name).lower().rstrip(".")] = int(number)
    return names


def to_weekday(value: object) -> Weekday:
    """A weekday from a :class:`Weekday`, a number 0-6 or a name in English or Swedish.

    >>> to_weekday("fredag"), to_weekday("Thursday"), to_weekday(0)
    (<Weekday.FRIDAY: 4>, <Weekday.THURSDAY: 3>, <Weekday.MONDAY: 0>)
    """
    if isinstance(value, Weekday):
        return value
    if isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= 6:
        return Weekday(value)
    if isinstance(value, str):
        number = _weekday_names().get(value.strip().lower().rstrip("."))
        if number is not None:
            return Weekday(number)
    allowed = ", ".join(day.name.lower() for day in Weekday)
    raise ValidationError(
        f"unknown weekday {value!r}; expected one of {allowed} (or Swedish names)"
    )


def to_weekdays(value: object) -> tuple[Weekday, ...]:
    """One weekday or several, sorted and without repeats."""
    items = [value] if isinstance(value, str | int) else value
    if not isinstance(items, Iterable):
        raise ValidationError(f"expected a weekday or a list of weekdays, got {value!r}")
    return tuple(sorted({to_weekday(item) for item in items}))


def to_date(value: object) -> dt.date:
    """A date from a :class:`datetime.date`, a datetime or ISO text ``YYYY-MM-DD``."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise ValidationError(f"expected a date like 2024-01-19, got {value!r}")


def to_optional_date(value: object) -> dt.date | None:
    """Like :func:`to_date`, but ``None`` stays ``None``."""
    return None if value is None else to_date(value)


def to_time(value: object) -> dt.time:
    """A time of day from a :class:`datetime.time` or text ``HH:MM`` / ``HH.MM``.

    >>> to_time("9.00"), to_time("13:00")
    (datetime.time(9, 0), datetime.time(13, 0))
    """
    if isinstance(value, dt.time):
        return value.replace(second=0, microsecond=0, tzinfo=None)
    if isinstance(value, str):
        match = _TIME.match(value.strip())
        if match and int(match[1]) < 24 and int(match[2]) < 60:
            return dt.time(int(match[1]), int(match[2]))
    raise ValidationError(f"expected a time of day like 09:00, got {value!r}")


def to_optional_time(value: object) -> dt.time | None:
    """Like :func:`to_time`, but ``None`` stays ``None``."""
    return None if value is None else to_time(value)


def to_str_tuple(value: object) -> tuple[str, ...]:
    """A tuple of strings from one string or an iterable of strings."""
    if isinstance(value, str):
        return (value,)
    if not isinstance(value, Iterable):
        raise ValidationError(f"expected a list of names, got {value!r}")
    items = tuple(value)
    for item in items:
        if not isinstance(item, str):
            raise ValidationError(f"expected a list of names, got {value!r}")
    return items


def to_tuple(value: object) -> tuple[object, ...]:
    """A tuple from any iterable (lists from config files become tuples)."""
    if isinstance(value, str) or not isinstance(value, Iterable):
        raise ValidationError(f"expected a list, got {value!r}")
    return tuple(value)
