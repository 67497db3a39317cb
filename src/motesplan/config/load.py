"""Reading a configuration file: bytes, text, TOML, then the declared tables."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from motesplan.config.kinds import Context
from motesplan.config.schema import Config, read_config
from motesplan.errors import ConfigError
from motesplan.text import Message, message

__all__ = ["config_from_text", "load_config"]

_TOML_POSITION = re.compile(r"\s*\(at line (\d+), column (\d+)\)\s*$")
_TOML_END = re.compile(r"\s*\(at end of document\)\s*$")
_TOML_MISTAKES = tuple(
    (re.compile(pattern), key)
    for pattern, key in (
        (r"Invalid statement", "cfg.toml.statement"),
        (r"Expected newline or end of document after a statement", "cfg.toml.newline"),
        (r"Expected '=' after a key in a key/value pair", "cfg.toml.equals"),
        (r"Expected (?P<what>.+) at the end of an? (table|array) declaration", "cfg.toml.close"),
        (r"Expected (?P<what>.+)", "cfg.toml.expected"),
        (r"Found invalid character (?P<char>.+)", "cfg.toml.character"),
        (r"Illegal character (?P<char>.+)", "cfg.toml.character"),
        (r"Cannot declare (?P<key>.+) twice", "cfg.toml.twice"),
        (r"Duplicate inline table key (?P<key>.+)", "cfg.toml.twice"),
        (r"Cannot overwrite a value", "cfg.toml.overwrite"),
        (r"Cannot (mutate immutable|redefine) namespace (?P<key>.+)", "cfg.toml.namespace"),
        (r"Invalid initial character for a key part", "cfg.toml.key"),
        (r"Unclosed array", "cfg.toml.array"),
        (r"Unclosed inline table", "cfg.toml.table"),
        (r"Unterminated string", "cfg.toml.string"),
        (r"Unescaped '\\' in a string", "cfg.toml.escape"),
        (r"Invalid hex value|Escaped character is not a Unicode scalar value", "cfg.toml.escape"),
        (r"Invalid date or datetime", "cfg.toml.date"),
        (r"Invalid value", "cfg.toml.value"),
    )
)
"""tomllib's mistakes (a fixed set of English sentences, without codes) and ours."""


def _toml_mistake(text: str) -> Message | str:
    """What tomllib found wrong, in the catalogues' words (as it is when unknown)."""
    for pattern, key in _TOML_MISTAKES:
        found = pattern.fullmatch(text)
        if found:
            return message(key, **{k: v for k, v in found.groupdict().items() if v is not None})
    return text


def load_config(path: str | Path) -> Config:
    """Read a configuration file.

    Raises:
        ConfigError: for any mistake: an unreadable or non-UTF-8 file, invalid TOML,
            an unknown key, a wrong type or value, an unknown reference.
    """
    where = str(path)
    try:
        data = Path(path).read_bytes()
    except OSError as error:
        reason = error.strerror or str(error)
        raise ConfigError(message("cfg.unreadable", reason=reason), path=where) from error
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        byte = f"{data[error.start]:02x}"
        raise ConfigError(
            message("cfg.not_utf8", byte=byte, position=error.start), path=where, line=line
        ) from error
    return config_from_text(text, path=where)


def config_from_text(text: str, *, path: str = "<config>") -> Config:
    """Read a configuration from TOML text; ``path`` names it in errors and is the
    base for relative paths in it (busy calendars).

    Raises:
        ConfigError: as :func:`load_config`.
    """
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        detail: str | Message = str(error)
        line: int | None = None
        match = _TOML_POSITION.search(str(error))
        if match:
            line = int(match[1])
            mistake = _toml_mistake(str(error)[: match.start()])
            detail = message("cfg.toml.column", detail=mistake, column=match[2])
        elif _TOML_END.search(str(error)):
            line = text.count("\n") + 1
            detail = message("cfg.toml.end", detail=_toml_mistake(_TOML_END.sub("", str(error))))
        raise ConfigError(message("cfg.toml", detail=detail), path=path, line=line) from error
    return read_config(data, Context(path))
