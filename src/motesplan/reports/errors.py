"""An error for people, in their language: :func:`format_error`."""

from __future__ import annotations

from motesplan.errors import ConfigError, MotesplanError
from motesplan.text import phrase

__all__ = ["format_error"]


def format_error(error: MotesplanError, language: str) -> str:
    """The error's message in ``language``, after the file, line and key it names.

    >>> from motesplan import config_from_text
    >>> try:
    ...     config_from_text("[organisation]\\nname = 3\\n", path="x.toml")
    ... except ConfigError as error:
    ...     print(format_error(error, "sv"))
    ...     print(format_error(error, "en"))
    x.toml, nyckel 'period': nyckeln 'period' krävs men saknas
    x.toml, key 'period': missing required key 'period'
    """
    text = error.render(language)
    if not isinstance(error, ConfigError) or not error.path:
        return text
    place = ""
    if error.line is not None:
        place += phrase("error.line", language, line=error.line)
    if error.key:
        place += phrase("error.key", language, key=error.key)
    return phrase("error.where", language, path=error.path, place=place, message=text)
