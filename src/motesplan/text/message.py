"""A message for people, not yet rendered: a catalogue id and its values.

Errors, reasons and explanations carry a :class:`Message`; the language is chosen when
it is printed (:meth:`Message.render`), so the same error reads in Swedish with
``--lang sv`` and in English with ``--lang en``. A value may be a message itself
(rendered in the same language) or anything ``str.format`` takes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import TypeAlias

from attrs import field, frozen

from motesplan.errors import Renderable
from motesplan.text.catalogues import phrase, plural
from motesplan.text.formatting import (
    format_date,
    format_date_range,
    format_day_month,
    format_list,
    format_time_range,
    weekday_name,
    weekdays_name,
)

__all__ = [
    "Capitalized",
    "DateSpan",
    "DayMonth",
    "FullDate",
    "Joined",
    "Listing",
    "Message",
    "Text",
    "TimeRange",
    "WeekdayList",
    "counted",
    "message",
    "render",
]

Text: TypeAlias = "str | Renderable"
"""Text for people: finished text (a name the user gave), or something rendered in a
language when it is printed (a :class:`Message`)."""


def render(text: object, language: str) -> object:
    """``text`` in ``language`` when it can be rendered; anything else as it is."""
    renderer = getattr(text, "render", None)
    return renderer(language) if callable(renderer) else text


def _objects(items: Iterable[object]) -> tuple[object, ...]:
    return tuple(items)


def _items(
    value: Mapping[str, object] | Iterable[tuple[str, object]],
) -> tuple[tuple[str, object], ...]:
    if isinstance(value, Mapping):
        return tuple(value.items())
    return tuple(value)


@frozen
class Message:
    """A catalogue message and its values.

    Attributes:
        id: the message id in the catalogues (``cfg.expected``).
        values: ``(name, value)`` for each placeholder; a value that is a
            :class:`Message` is rendered in the same language.
        count: for a plural message, the number that chooses its form.
    """

    id: str
    values: tuple[tuple[str, object], ...] = field(default=(), converter=_items)
    count: int | None = None

    def render(self, language: str) -> str:
        """The message in ``language``.

        >>> message("cfg.found.string", value="'x'").render("sv")
        "'x' (en text)"
        """
        values = {name: render(value, language) for name, value in self.values}
        if self.count is not None:
            return plural(self.id, self.count, language, **values)
        return phrase(self.id, language, **values)

    def __str__(self) -> str:
        return self.render("en")


@frozen
class WeekdayList:
    """Weekdays (0 Monday ... 6 Sunday) as a value of a message, named in its language:
    ``torsdag``, or with ``plural`` the days a series meets: ``tisdagar och torsdagar``."""

    numbers: tuple[int, ...]
    plural: bool = False

    def render(self, language: str) -> str:
        name = weekdays_name if self.plural else weekday_name
        return format_list([name(number, language) for number in self.numbers], language)


@frozen
class Listing:
    """Items as one value, joined as the language lists them: ``a, b och c``."""

    items: tuple[object, ...] = field(converter=_objects)

    def render(self, language: str) -> str:
        return format_list([str(render(item, language)) for item in self.items], language)


@frozen
class Joined:
    """Items as one value, joined by a separator that is the same in every language
    (``"; "`` between two holidays of one day)."""

    separator: str
    items: tuple[object, ...] = field(converter=_objects)

    def render(self, language: str) -> str:
        return self.separator.join(str(render(item, language)) for item in self.items)


@frozen
class Capitalized:
    """Text whose first letter is a capital, as a sentence begins."""

    text: Renderable

    def render(self, language: str) -> str:
        rendered = self.text.render(language)
        return rendered[:1].upper() + rendered[1:]


@frozen
class TimeRange:
    """A time of day from ``start`` to ``end``, as the language writes it (``kl. 09.00–11.30``)."""

    start: dt.time
    end: dt.time

    def render(self, language: str) -> str:
        return format_time_range(self.start, self.end, language)


@frozen
class FullDate:
    """A date as the language writes it in full (``fredag 19 januari 2024``)."""

    day: dt.date

    def render(self, language: str) -> str:
        return format_date(self.day, language)


@frozen
class DayMonth:
    """A day and month (``19 januari``), with the year when ``year``."""

    day: dt.date
    year: bool = False

    def render(self, language: str) -> str:
        return format_day_month(self.day, language, year=self.year)


@frozen
class DateSpan:
    """Days from ``first`` to ``last`` (``19–23 februari``), with the year when ``year``."""

    first: dt.date
    last: dt.date
    year: bool = False

    def render(self, language: str) -> str:
        return format_date_range(self.first, self.last, language, year=self.year)


def message(id: str, /, **values: object) -> Message:
    """``message("cfg.expected", what=..., found=...)``."""
    return Message(id, values)


def counted(id: str, count: int, /, **values: object) -> Message:
    """A plural message: its form follows ``count`` (also a placeholder)."""
    return Message(id, values, count)
