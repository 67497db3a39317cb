"""Add, change or remove messages in motesplan's catalogues (the template and all six).

A maintainer's tool, not part of the package. The messages come from a TOML file::

    [["val.label.series"]]           # or [messages."val.label.series"]
    used_in = "invalid rules (the problem and its records)"
    note = "How a series is named in an error."      # for translators (optional)
    en = "series '{id}'"
    sv = "serien '{id}'"
    nb = "serien '{id}'"
    da = "serien '{id}'"
    fi = "sarja '{id}'"
    de = "Serie '{id}'"

A plural message gives each language a list of forms (``en = ["{count} meeting",
"{count} meetings"]``). Run::

    .venv/bin/python tools/messages.py add FILE.toml     # add or replace
    .venv/bin/python tools/messages.py remove ID [ID ...]

The catalogues are written back as Babel writes them (width 100), so a change shows as
the lines it changed.
"""

from __future__ import annotations

import string
import sys
import tomllib
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

LOCALE = Path(__file__).resolve().parents[1] / "src" / "motesplan" / "text" / "locale"
LANGUAGES = ("sv", "en", "nb", "da", "fi", "de")


def _path(language: str | None) -> Path:
    if language is None:
        return LOCALE / "motesplan.pot"
    return LOCALE / language / "LC_MESSAGES" / "motesplan.po"


def _read(language: str | None) -> Catalog:
    with open(_path(language), "rb") as file:
        return read_po(file, locale=language)


def _write(catalog: Catalog, language: str | None) -> None:
    with open(_path(language), "wb") as file:
        write_po(file, catalog, width=100)


def _placeholders(text: str) -> list[str]:
    names = {f"{{{name}}}" for _, name, _, _ in string.Formatter().parse(text) if name}
    return sorted(names)


def add(spec_file: str) -> None:
    spec = tomllib.loads(Path(spec_file).read_text(encoding="utf-8"))
    entries: dict[str, dict[str, object]] = spec.get("messages", spec)
    catalogs = {language: _read(language) for language in (None, *LANGUAGES)}
    for key, entry in entries.items():
        english = entry["en"]
        plural = isinstance(english, list)
        last = english[-1] if isinstance(english, list) else str(english)
        comments = [f"Used in: {entry['used_in']}."]
        names = _placeholders(last)
        if names:
            comments.append("Placeholders: " + ", ".join(names) + ".")
        if "note" in entry:
            comments.append(str(entry["note"]))
        comments.append(f"English: {last}")
        msgid: str | tuple[str, str] = (key, key) if plural else key
        for language, catalog in catalogs.items():
            if key in catalog:
                del catalog[key]
            if language is None:
                text: str | tuple[str, ...] = ("", "") if plural else ""
            else:
                value = entry[language]
                text = tuple(value) if isinstance(value, list) else str(value)
            catalog.add(msgid, text, auto_comments=comments)
    for language, catalog in catalogs.items():
        _write(catalog, language)


def remove(keys: list[str]) -> None:
    for language in (None, *LANGUAGES):
        catalog = _read(language)
        for key in keys:
            if key in catalog:
                del catalog[key]
        _write(catalog, language)


if __name__ == "__main__":
    command, *arguments = sys.argv[1:]
    if command == "add":
        for name in arguments:
            add(name)
    elif command == "remove":
        remove(arguments)
    else:
        sys.exit(f"unknown command {command!r}; use add or remove")
