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


def _run(*arguments: str, lang: str = "C.UTF-8") -> subprocess.CompletedProcess[str]:
    environ = {"LANG": lang, "PATH": "/usr/bin:/bin"}
    return subprocess.run(
        [sys.executable, "-m", "motesplan", *arguments],
        capture_output=True,
        text=True,
        check=False,
        env=environ,
        cwd=ROOT,
    )


@pytest.mark.parametrize("language", [lang for lang in LANGUAGES if lang != "en"])
def test_help_is_in_the_language_asked_for(language: str) -> None:
    english = _run("plan", "--help", "--lang", "en").stdout
    text = _run("plan", "--help", "--lang", language).stdout
    assert "--time-limit" in text
    for words in ("usage:", "options", "show this help message", "seconds the solver"):
        assert words in english
        assert words not in text, (language, words)
    assert phrase("cli.help.plan", language) in text.replace("\n", " ").replace("  ", " ") or (
        phrase("cli.help.plan", language).split()[0] in text
    )


def test_help_follows_the_environment_without_lang() -> None:
    assert "användning:" in _run("--help", lang="sv_SE.UTF-8").stdout
    assert "usage:" in _run("--help").stdout


@pytest.mark.parametrize(
    ("arguments", "swedish"),
    [
        (("plan",), "följande argument behövs: CONFIG"),
        (("plann",), "ogiltigt val: 'plann'"),
        (("plan", "x.toml", "--time-limit", "soon"), "ett antal sekunder behövs, men fick 'soon'"),
        (("plan", "x.toml", "--workers", "0"), "ett positivt heltal behövs, men fick '0'"),
        (("replan", "x.toml", "--previous", "p.json", "--freeze-until", "1 mars"), "ÅÅÅÅ-MM-DD"),
        (("plan", "x.toml", "--colour"), "okända argument: --colour"),
    ],
)
def test_flag_errors_in_swedish(arguments: tuple[str, ...], swedish: str) -> None:
    done = _run(*arguments, lang="sv_SE.UTF-8")
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert lines[0].startswith("motesplan: error: ")
    assert swedish in lines[0]
    assert "(se 'motesplan" in lines[0]
    english = _run(*arguments, "--lang", "en", lang="sv_SE.UTF-8").stderr
    assert "(see 'motesplan" in english


@pytest.mark.parametrize("language", LANGUAGES)
def test_argparse_words_keep_their_placeholders(language: str) -> None:
    with open(catalogue_path(language), "rb") as file:
        catalog = read_po(file, locale=language)
    with open(catalogue_path("en"), "rb") as file:
        english = {
            m.id if isinstance(m.id, str) else m.id[0]: m.string for m in read_po(file) if m.id
        }
    percent = re.compile(r"%(?:\([a-z_]+\))?[sr]")
    for message in catalog:
        key = message.id if isinstance(message.id, str) else message.id[0]
        if not key.startswith("cli.ap."):
            continue
        texts = message.string if isinstance(message.string, tuple) else (message.string,)
        wanted = english[key] if isinstance(english[key], str) else english[key][-1]
        for text in texts:
            assert sorted(percent.findall(text)) == sorted(percent.findall(wanted)), key
