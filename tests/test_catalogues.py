"""The message catalogues: complete and current in every language, placeholders as in
English, plural forms as the CLDR says, every message the code asks for present, and
the catalogues shipped in a built wheel."""

from __future__ import annotations

import ast
import os
import string
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from babel import Locale
from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import read_po

from motesplan.text import LANGUAGES, babel_locale, phrase, plural
from motesplan.text.catalogues import catalogue_path

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "src" / "motesplan"
TEMPLATE = SOURCE / "text" / "locale" / "motesplan.pot"


def _read(path: Path | str, locale: str | None = None) -> Catalog:
    with open(path, "rb") as file:
        return read_po(file, locale=locale)


def _key(message: Message) -> str:
    return message.id if isinstance(message.id, str) else message.id[0]


def _messages(catalog: Catalog) -> dict[str, Message]:
    return {_key(message): message for message in catalog if message.id}


def _texts(message: Message) -> tuple[str, ...]:
    return message.string if isinstance(message.string, tuple) else (message.string,)


def _fields(text: str) -> set[tuple[str, str | None]]:
    """The placeholders of a str.format text: (name, conversion)."""
    found = set()
    for _, name, spec, conversion in string.Formatter().parse(text):
        if name is not None:
            found.add((name, conversion))
            if spec:
                found |= _fields(spec)
    return found


TEMPLATE_IDS = set(_messages(_read(TEMPLATE)))
ENGLISH = _messages(_read(catalogue_path("en"), "en"))


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_catalogue_is_complete_and_current(language: str) -> None:
    catalog = _read(catalogue_path(language), language)
    messages = _messages(catalog)
    assert not TEMPLATE_IDS - set(messages), "missing messages"
    assert not set(messages) - TEMPLATE_IDS, "stale messages (not in the template)"
    assert not [key for key, m in messages.items() if m.fuzzy], "fuzzy messages"
    empty = [key for key, m in messages.items() if not all(_texts(m))]
    assert not empty, f"untranslated messages: {empty}"
    assert catalog.locale is not None
    assert str(catalog.locale.language) == babel_locale(language).split("_")[0]


@pytest.mark.parametrize("language", LANGUAGES)
def test_placeholders_and_plural_forms_match_english(language: str) -> None:
    catalog = _read(catalogue_path(language), language)
    forms = len(Locale.parse(babel_locale(language)).plural_form.tags | {"other"})
    assert catalog.num_plurals == forms
    wrong = []
    for key, message in _messages(catalog).items():
        english = ENGLISH[key]
        assert isinstance(message.string, tuple) == isinstance(english.string, tuple), key
        expected = _fields(_texts(english)[-1])
        for index, text in enumerate(_texts(message)):
            got = _fields(text)
            singular = isinstance(message.string, tuple) and index < len(_texts(message)) - 1
            # a singular may leave the count out ("ett möte"), never add a placeholder
            if got != expected and not (singular and got <= expected):
                wrong.append(f"{key}[{index}]: {sorted(got)} != {sorted(expected)}")
        if isinstance(message.string, tuple):
            assert len(message.string) == forms, key
    assert not wrong, "placeholders differ from English: " + "; ".join(wrong)


def _asked_for() -> tuple[set[str], set[str]]:
    """The message ids the code asks for: literal keys of phrase/plural/say calls, and
    the fixed beginnings of keys built with an f-string (``f"status.{...}"``)."""
    literal: set[str] = set()
    prefixes: set[str] = set()
    for path in SOURCE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and node.args):
                continue
            name = getattr(node.func, "id", getattr(node.func, "attr", ""))
            if name not in {"phrase", "plural", "say", "message", "Message"}:
                continue
            first = node.args[0]
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                literal.add(first.value)
            elif isinstance(first, ast.JoinedStr) and isinstance(first.values[0], ast.Constant):
                prefixes.add(str(first.values[0].value))
    return literal, prefixes


def test_every_message_the_code_asks_for_is_in_the_template() -> None:
    literal, _ = _asked_for()
    assert literal, "no phrase calls found: the test reads the wrong files"
    assert not literal - TEMPLATE_IDS


def test_every_message_of_the_template_is_asked_for() -> None:
    literal, prefixes = _asked_for()
    unused = [
        key
        for key in TEMPLATE_IDS - literal
        if not any(key.startswith(prefix) for prefix in prefixes)
        # keys chosen in a table or a conditional expression, not at the call
        and not _named_in_source(key)
    ]
    assert not unused, f"messages no code asks for: {sorted(unused)}"


def _named_in_source(key: str) -> bool:
    quoted = (f'"{key}"', f"'{key}'")
    return any(
        any(q in path.read_text(encoding="utf-8") for q in quoted) for path in SOURCE.rglob("*.py")
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_language_writes_its_own_phrases(language: str) -> None:
    assert phrase("plan.cancelled", language)
    assert plural("plan.meetings", 1, language) != plural("plan.meetings", 5, language)
    if language != "en":
        assert phrase("plan.cancelled", language) != phrase("plan.cancelled", "en")


def test_a_missing_message_is_an_error() -> None:
    with pytest.raises(KeyError, match=r"no message 'no\.such\.key'"):
        phrase("no.such.key", "sv")


def test_a_built_wheel_carries_every_catalogue(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(tmp_path), "."],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "PIP_DISABLE_PIP_VERSION_CHECK": "1"},
        check=False,
    )
    if done.returncode != 0:
        if os.environ.get("CI") == "true":
            pytest.fail(f"pip wheel failed: {done.stderr}")
        pytest.skip(f"cannot build a wheel here: {done.stderr.strip().splitlines()[-1:]}")
    (wheel,) = tmp_path.glob("motesplan-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "motesplan/text/locale/motesplan.pot" in names
    for language in LANGUAGES:
        assert f"motesplan/text/locale/{language}/LC_MESSAGES/motesplan.po" in names
