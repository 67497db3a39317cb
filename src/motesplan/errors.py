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
"""

from __future__ import annotations

__all__ = ["ConfigError", "MotesplanError", "PlanFormatError", "ValidationError"]


class MotesplanError(Exception):
    """Base class of every error motesplan raises on purpose."""


class ValidationError(MotesplanError, ValueError):
    """Problem data that is invalid in itself (before any solving).

    Attributes:
        item: the thing that is wrong, e.g. ``"series 'sk'"``, or ``""``.
    """

    def __init__(self, message: str, *, item: str = "") -> None:
        super().__init__(message)
        self.item = item


class ConfigError(ValidationError):
    """A configuration file that cannot be turned into a problem.

    Attributes:
        path: the file.
        key: the dotted key path inside the file, e.g. ``series[1].weekdays``.
        line: the line number, when known (TOML syntax errors).
    """

    def __init__(
        self, message: str, *, path: str = "", key: str = "", line: int | None = None
    ) -> None:
        where = path
        if line is not None:
            where += f", line {line}"
        if key:
            where += f", key '{key}'"
        super().__init__(f"{where}: {message}" if where else message, item=key)
        self.path = path
        self.key = key
        self.line = line


class PlanFormatError(MotesplanError, ValueError):
    """A plan file (JSON or iCalendar) that cannot be read as a plan."""
