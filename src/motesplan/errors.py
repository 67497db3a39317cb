"""The exceptions motesplan raises.

Invalid *input* raises; a problem whose rules cannot all hold does not (the
solver returns a :class:`~motesplan.Result` with status ``infeasible`` and a
reason instead). The tree is small on purpose::

    MotesplanError                 base of everything motesplan raises
    ├── ValidationError(ValueError) problem data that is wrong in itself
    │   └── ConfigError            a configuration file that is wrong (file, key, line)
    └── PlanFormatError(ValueError) a plan file (.json, .ics) that cannot be read

Every message names the item, says what is wrong and, where it can, how to fix it:
``series 'sk' links to unknown series 'lgg'; known: lg, sk``.

The message is a catalogue message (:class:`motesplan.text.Message`) where it has been
given one: ``str(error)`` is English, and :meth:`MotesplanError.render` gives it in any
language motesplan speaks (the command line prints it in the user's language).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from motesplan.source import Source

__all__ = ["ConfigError", "MotesplanError", "PlanFormatError", "Renderable", "ValidationError"]


class Renderable(Protocol):
    """Text that can be rendered in a language (:class:`motesplan.text.Message`)."""

    def render(self, language: str) -> str: ...


class MotesplanError(Exception):
    """Base class of every error motesplan raises on purpose.

    Attributes:
        message: the message, a :class:`~motesplan.text.Message` or plain text.
    """

    def __init__(self, message: str | Renderable = "") -> None:
        super().__init__(str(message))
        self.message = message

    def render(self, language: str) -> str:
        """The message in ``language`` (plain text stays as it is)."""
        if isinstance(self.message, str):
            return self.message
        return self.message.render(language)


class ValidationError(MotesplanError, ValueError):
    """Problem data that is invalid in itself (before any solving).

    Attributes:
        source: where the item that is wrong was stated (a series, a link, a pin ...),
            when it came from a configuration file; ``None`` otherwise.
        field: the field of that item that is wrong (``"count"``, ``"min_days"``), or
            ``None`` when it is the item as a whole. ``source.at(field)`` is the key
            path in the file.
    """

    def __init__(
        self,
        message: str | Renderable,
        *,
        source: Source | None = None,
        field: str | None = None,
    ) -> None:
        super().__init__(message)
        self.source = source
        self.field = field


class ConfigError(ValidationError):
    """A configuration file that cannot be turned into a problem.

    Attributes:
        path: the file.
        key: the dotted key path inside the file, e.g. ``series[1].weekdays``.
        line: the line number, when known (TOML syntax errors).
        language: the configuration's language, when it was read before the error.
    """

    def __init__(
        self,
        message: str | Renderable,
        *,
        path: str = "",
        key: str = "",
        line: int | None = None,
        language: str | None = None,
    ) -> None:
        super().__init__(message)
        self.path = path
        self.key = key
        self.line = line
        self.language = language
        where = path
        if line is not None:
            where += f", line {line}"
        if key:
            where += f", key '{key}'"
        self.args = (f"{where}: {message}" if where else str(message),)


class PlanFormatError(MotesplanError, ValueError):
    """A plan file (JSON or iCalendar) that cannot be read as a plan."""
