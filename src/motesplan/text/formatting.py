"""Dates, times, weeks, weekdays and lists as each language writes them.

Date patterns, weekday and month names and list patterns come from the CLDR through
Babel (the language's locale, :func:`~motesplan.text.languages.babel_locale`); the time
of day and the week number follow the catalogue (``time.format``, ``time.range``,
``week``), where the national convention differs from the CLDR's (Swedish writes
"kl. 09.00", the CLDR ``09:00``).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from functools import cache
from typing import Literal

from babel.dates import format_date as _babel_format_date
from babel.dates import format_interval as _babel_format_interval
from babel.dates import format_time as _babel_format_time
from babel.dates import get_date_format, get_day_names, get_month_names
from babel.lists import format_list as _babel_format_list

from motesplan.text.catalogues import phrase
from motesplan.text.languages import babel_locale

_YEAR = re.compile(r"[\s,.]*\by+\b\.?")


@cache
def _pattern(language: str, width: Literal["full", "long"], *, year: bool) -> str:
    pattern = str(get_date_format(width, locale=babel_locale(language)).pattern)
    return pattern if year else _YEAR.sub("", pattern).strip()


def format_date(day: dt.date, language: str) -> str:
    """The date in full: ``fredag 19 januari 2024``, ``Friday, 19 January 2024``,
    ``Freitag, 19. Januar 2024``.

    >>> format_date(dt.date(2024, 1, 19), "sv")
    'fredag 19 januari 2024'
    >>> format_date(dt.date(2024, 1, 19), "fi")
    'perjantai 19. tammikuuta 2024'
    """
    return _babel_format_date(day, _pattern(language, "full", year=True), babel_locale(language))


def format_short_date(day: dt.date, language: str) -> str:
    """The date without its year, for tables inside one year: ``fredag 19 januari``.

    >>> format_short_date(dt.date(2024, 1, 19), "sv"), format_short_date(dt.date(2024, 1, 19), "de")
    ('fredag 19 januari', 'Freitag, 19. Januar')
    """
    return _babel_format_date(day, _pattern(language, "full", year=False), babel_locale(language))


def format_day_month(day: dt.date, language: str, *, year: bool = False) -> str:
    """``19 januari``, ``19 January``, ``19. januar``; with ``year``, ``19 januari 2024``."""
    return _babel_format_date(day, _pattern(language, "long", year=year), babel_locale(language))


def format_date_range(first: dt.date, last: dt.date, language: str, *, year: bool = False) -> str:
    """Two days as the locale writes a span (the CLDR's interval formats): ``1–31 maj``,
    ``1.–31. Mai``, ``1 juli–4 augusti``; with ``year``, ``20 dec. 2024–6 jan. 2025``.

    >>> may = (dt.date(2024, 5, 1), dt.date(2024, 5, 31))
    >>> format_date_range(*may, "sv"), format_date_range(*may, "de")
    ('1–31 maj', '1.–31. Mai')
    """
    skeleton = "yMMMMd" if year else "MMMMd"
    return str(_babel_format_interval(first, last, skeleton, locale=babel_locale(language)))


def format_time(moment: dt.time, language: str) -> str:
    """The time of day in the language's convention: ``09.00``, ``09:00``, ``9.00``.

    >>> format_time(dt.time(9), "sv"), format_time(dt.time(9), "fi"), format_time(dt.time(9), "en")
    ('09.00', '9.00', '09:00')
    """
    return _babel_format_time(
        moment, phrase("time.format", language), locale=babel_locale(language)
    )


def format_time_range(start: dt.time, end: dt.time, language: str) -> str:
    """``kl. 09.00–11.30``, ``klo 9.00–11.30``, ``9:00–11:30 Uhr``, ``09:00–11:30``.

    >>> format_time_range(dt.time(9), dt.time(11, 30), "sv")
    'kl. 09.00–11.30'
    """
    return phrase(
        "time.range",
        language,
        start=format_time(start, language),
        end=format_time(end, language),
    )


def format_week(day: dt.date, language: str) -> str:
    """The ISO week of ``day``: ``v. 3``, ``week 3``, ``uke 3``, ``KW 3``."""
    return phrase("week", language, week=day.isocalendar().week)


def format_list(items: Iterable[str], language: str) -> str:
    """``a, b och c``, ``a, b and c``, ``a, b ja c`` (the CLDR's list pattern).

    >>> format_list(["a", "b", "c"], "sv"), format_list(["a"], "en"), format_list([], "en")
    ('a, b och c', 'a', '')
    """
    items = list(items)
    return _babel_format_list(items, locale=babel_locale(language)) if items else ""


def weekday_name(number: int, language: str) -> str:
    """A weekday (0 Monday ... 6 Sunday) as the language writes it: ``torsdag``."""
    return str(get_day_names("wide", locale=babel_locale(language))[number])


def weekdays_name(number: int, language: str) -> str:
    """A weekday as a series' meeting days: ``torsdagar``, ``Thursdays``, ``torstaisin``."""
    return phrase(f"weekdays.{number}", language)


def month_name(month: int, language: str, *, short: bool = False) -> str:
    """A month's name as the language writes it standing alone (a table's heading):
    ``januari`` / ``jan.``, ``January`` / ``Jan``, ``Januar`` / ``Jan``.

    >>> month_name(1, "sv"), month_name(1, "de", short=True)
    ('januari', 'Jan')
    """
    locale = babel_locale(language)
    if short:
        names = get_month_names("abbreviated", context="stand-alone", locale=locale)
    else:
        names = get_month_names("wide", context="stand-alone", locale=locale)
    return str(names[month])


def weekday_letter(number: int, language: str) -> str:
    """A weekday's shortest name (0 Monday ... 6 Sunday), for a calendar's heading:
    ``M``, ``T`` ... in English, ``M``, ``T``, ``O`` ... in Swedish.

    >>> [weekday_letter(day, "sv") for day in range(7)]
    ['M', 'T', 'O', 'T', 'F', 'L', 'S']
    """
    names = get_day_names("narrow", context="stand-alone", locale=babel_locale(language))
    return str(names[number])
