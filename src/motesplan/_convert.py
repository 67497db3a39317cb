"""Converters shared by the data classes: ISO text, names and lists in; typed values out."""

from __future__ import annotations

import datetime as dt
import os
import re
import unicodedata
from collections.abc import Iterable
from enum import IntEnum
from functools import cache

from babel.dates import get_day_names
from icalendar.prop import vDuration

from motesplan.errors import ValidationError
from motesplan.text.languages import LANGUAGES, babel_locale
from motesplan.text.message import message

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
    """Weekday names in every language motesplan speaks, wide and abbreviated, from the
    CLDR via Babel; a name that means two days in two languages is left out."""
    names: dict[str, int] = {}
    ambiguous: set[str] = set()
    for language in LANGUAGES:
        for width in ("wide", "abbreviated"):
            days = get_day_names(width, locale=babel_locale(language))
            for number, name in days.items():
                key = str(name).lower().rstrip(".")
                if names.setdefault(key, int(number)) != int(number):
                    ambiguous.add(key)
    return {name: number for name, number in names.items() if name not in ambiguous}


def to_weekday(value: object) -> Weekday:
    """A weekday from a :class:`Weekday`, a number 0-6 or a name in any of motesplan's
    languages.

    >>> to_weekday("fredag"), to_weekday("Thursday"), to_weekday(0), to_weekday("Freitag")
    (<Weekday.FRIDAY: 4>, <Weekday.THURSDAY: 3>, <Weekday.MONDAY: 0>, <Weekday.FRIDAY: 4>)
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
        message("val.weekday", value=value, allowed=allowed, join_languages=", ".join(LANGUAGES))
    )


def to_weekdays(value: object) -> tuple[Weekday, ...]:
    """One weekday or several, sorted and without repeats."""
    items = [value] if isinstance(value, str | int) else value
    if not isinstance(items, Iterable):
        raise ValidationError(message("val.weekdays", value=value))
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
    raise ValidationError(message("val.date", value=value))


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
    raise ValidationError(message("val.time", value=value))


def to_optional_time(value: object) -> dt.time | None:
    """Like :func:`to_time`, but ``None`` stays ``None``."""
    return None if value is None else to_time(value)


def to_str_tuple(value: object) -> tuple[str, ...]:
    """A tuple of strings from one string or an iterable of strings."""
    if isinstance(value, str):
        return (value,)
    if not isinstance(value, Iterable):
        raise ValidationError(message("val.names", value=value))
    items = tuple(value)
    for item in items:
        if not isinstance(item, str):
            raise ValidationError(message("val.names", value=value))
    return items


def to_tuple(value: object) -> tuple[object, ...]:
    """A tuple from any iterable (lists from config files become tuples)."""
    if isinstance(value, str) or not isinstance(value, Iterable):
        raise ValidationError(message("val.list", value=value))
    return tuple(value)


def slug(text: str) -> str:
    """Lowercase ASCII with ``-`` between words, for ids and UIDs: accents stripped
    (``ö`` becomes ``o``), every run of other characters one ``-``, none at the ends.

    >>> slug("Kommunfullmäktige Salem"), slug("Södertörns kommuner!")
    ('kommunfullmaktige-salem', 'sodertorns-kommuner')
    """
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")


DEFAULT_STAMP = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)
"""The stamp of a file (a calendar's ``DTSTAMP``, a PDF's date) when neither a stamp
nor ``SOURCE_DATE_EPOCH`` is given."""


def stamp_from_environment() -> dt.datetime:
    """The stamp of a file (``DTSTAMP``, a PDF's date) when none is given, in UTC.

    ``SOURCE_DATE_EPOCH`` (seconds since 1970 UTC, the reproducible-builds
    convention) if it is set, else :data:`DEFAULT_STAMP` (2000-01-01T00:00:00Z).
    Never the current time, so that two runs give byte-identical files.

    Returns:
        An aware UTC datetime.

    Raises:
        ValidationError: if ``SOURCE_DATE_EPOCH`` is set but not a whole number.
    """
    value = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not value:
        return DEFAULT_STAMP
    try:
        seconds = int(value)
    except ValueError as error:
        raise ValidationError(message("fmt.source_date_epoch", value=value)) from error
    return dt.datetime.fromtimestamp(seconds, tz=dt.UTC)


DEFAULT_REFRESH = "P1D"
"""How often a subscriber is asked to fetch a published calendar again (a day)."""


def duration(text: str) -> dt.timedelta:
    """An ISO 8601 duration of iCalendar (``P1D``, ``PT12H``), read by icalendar.

    >>> duration("PT12H")
    datetime.timedelta(seconds=43200)

    Raises:
        ValidationError: when it is not one.
    """
    try:
        value = vDuration.from_ical(text)  # type: ignore[no-untyped-call]
    except (ValueError, TypeError) as error:
        raise ValidationError(message("fmt.duration", value=text)) from error
    if not isinstance(value, dt.timedelta) or value <= dt.timedelta(0):
        raise ValidationError(message("fmt.duration", value=text))
    return value
