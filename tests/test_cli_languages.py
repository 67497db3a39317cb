"""The whole printout in each of the six languages: ``motesplan plan --lang X`` writes the
plan, its costs and its status in X, with no English left outside English."""

from __future__ import annotations

import re
import subprocess
import sys
from functools import cache
from pathlib import Path

import pytest
from babel.dates import get_day_names, get_month_names
from babel.messages.pofile import read_po

from motesplan.text import LANGUAGES, babel_locale, phrase
from motesplan.text.catalogues import catalogue_path

ROOT = Path(__file__).resolve().parents[1]
CONFIG = ROOT / "examples" / "sodertorn-2024.toml"
WORD = re.compile(r"[^\W\d_]{3,}")


def _words(text: str) -> set[str]:
    return {word.casefold() for word in WORD.findall(text)}


@cache
def _printout(language: str) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "motesplan", "plan", str(CONFIG), "--lang", language],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def _vocabulary(language: str) -> set[str]:
    """Every word the language's catalogue and its CLDR names may print."""
    with open(catalogue_path(language), "rb") as file:
        catalog = read_po(file, locale=language)
    words: set[str] = set()
    for message in catalog:
        for text in message.string if isinstance(message.string, tuple) else (message.string,):
            words |= _words(re.sub(r"\{[^}]*\}", " ", text))
    locale = babel_locale(language)
    for names in (get_day_names("wide", locale=locale), get_month_names("wide", locale=locale)):
        words |= {str(name).casefold() for name in names.values()}
    return words


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_plan_prints_its_status_and_costs_in_each_language(language: str) -> None:
    text = _printout(language)
    status = phrase("status.optimal", language)
    assert phrase("plan.status", language, status=status) in text
    assert phrase("plan.cost", language, cost=70) in text
    assert phrase("costs.title", language) in text


@pytest.mark.parametrize("language", [lang for lang in LANGUAGES if lang != "en"])
def test_no_english_is_left_outside_english(language: str) -> None:
    # names, places and notes from the configuration: the words every printout has
    own = set.intersection(*(_words(_printout(each)) for each in ("sv", "en", "fi", "de")))
    english_only = _words(_printout("en")) - own - _vocabulary(language)
    left = _words(_printout(language)) & english_only
    assert not left, f"English words in the {language} printout: {sorted(left)}"
