"""Every broken configuration of the corpus, through the real command line (a subprocess):
exit code 2, one line naming the key in the user's language, no traceback, and no
output file."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.test_config import BROKEN, SYNTAX, _edit


def _run(
    config: Path, out: Path, *extra: str, lang: str = "C.UTF-8"
) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "motesplan", "plan", str(config), "--json", str(out), *extra]
    environ = {
        k: v for k, v in os.environ.items() if k not in ("LANGUAGE", "LC_ALL", "LC_MESSAGES")
    }
    environ["LANG"] = lang
    return subprocess.run(
        command, capture_output=True, text=True, cwd=ROOT, check=False, env=environ
    )


# the example's [organisation] language is Swedish: without --lang, errors read in it
LANGUAGE_RUNS = {"configuration (sv)": ((), "nyckel"), "--lang en": (("--lang", "en"), "key")}


@pytest.mark.parametrize("run", LANGUAGE_RUNS, ids=list(LANGUAGE_RUNS))
@pytest.mark.parametrize(
    ("old", "new", "key"), [case[1:] for case in BROKEN], ids=[case[0] for case in BROKEN]
)
def test_broken_config_exits_2_naming_the_key(
    old: str, new: str, key: str, run: str, tmp_path: Path
) -> None:
    config = tmp_path / "broken.toml"
    config.write_text(_edit(old, new), encoding="utf-8")
    out = tmp_path / "plan.json"
    extra, word = LANGUAGE_RUNS[run]
    if not extra and "organisation.lang" in key:
        word = "key"  # no language can be read: the environment's (C) is English
    done = _run(config, out, *extra)
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert lines[0].startswith("motesplan: error: ")
    assert f"{word} '{key}" in lines[0]
    assert done.stdout == ""
    assert not out.exists()


def test_an_error_before_the_language_is_known_reads_in_the_environments(
    tmp_path: Path,
) -> None:
    config = tmp_path / "broken.toml"
    config.write_text("[organisation\n", encoding="utf-8")  # no language can be read
    swedish = _run(config, tmp_path / "plan.json", lang="sv_SE.UTF-8")
    english = _run(config, tmp_path / "plan.json", lang="C.UTF-8")
    assert ", rad 1" in swedish.stderr
    assert "ogiltig TOML" in swedish.stderr
    assert ", line 1" in english.stderr
    assert "invalid TOML" in english.stderr


@pytest.mark.parametrize(
    ("old", "new"), [case[1:3] for case in SYNTAX], ids=[case[0] for case in SYNTAX]
)
def test_toml_syntax_error_exits_2_naming_the_line(old: str, new: str, tmp_path: Path) -> None:
    config = tmp_path / "broken.toml"
    config.write_text(_edit(old, new), encoding="utf-8")
    out = tmp_path / "plan.json"
    done = _run(config, out)
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert ", line " in done.stderr
    assert not out.exists()


@pytest.mark.parametrize(
    ("old", "new"), [case[1:3] for case in SYNTAX], ids=[case[0] for case in SYNTAX]
)
def test_toml_syntax_error_reads_in_swedish(old: str, new: str, tmp_path: Path) -> None:
    config = tmp_path / "broken.toml"
    config.write_text(_edit(old, new), encoding="utf-8")
    done = _run(config, tmp_path / "plan.json", "--lang", "sv")
    assert done.returncode == 2
    assert ", rad " in done.stderr
    assert "ogiltig TOML" in done.stderr
    # tomllib's own English sentence is said in Swedish too
    for english in ("Invalid", "Expected", "Cannot", "Unclosed", "Illegal", "Unterminated"):
        assert english not in done.stderr, done.stderr
