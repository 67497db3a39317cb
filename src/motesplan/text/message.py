"""A message for people, not yet rendered: a catalogue id and its values.

Errors, reasons and explanations carry a :class:`Message`; the language is chosen when
it is printed (:meth:`Message.render`), so the same error reads in Swedish with
``--lang sv`` and in English with ``--lang en``. A value may be a message itself
(rendered in the same language) or anything ``str.format`` takes.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from attrs import field, frozen

from motesplan.text.catalogues import phrase, plural
from motesplan.text.formatting import format_list, weekday_name, weekdays_name

__all__ = ["Message", "WeekdayList", "message"]


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
        values = {
            name: value.render(language) if isinstance(value, Message | WeekdayList) else value
            for name, value in self.values
        }
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


def message(id: str, /, **values: object) -> Message:
    """``message("cfg.expected", what=..., found=...)``."""
    return Message(id, values)
