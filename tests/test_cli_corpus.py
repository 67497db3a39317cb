"""Every broken configuration of the corpus, through the real command line (a subprocess):
exit code 2, one line naming the key, no traceback, and no output file."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.test_config import BROKEN, SYNTAX, _edit


def _run(config: Path, out: Path) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "motesplan", "plan", str(config), "--json", str(out)]
    return subprocess.run(command, capture_output=True, text=True, cwd=ROOT, check=False)


@pytest.mark.parametrize(
    ("old", "new", "key"), [case[1:] for case in BROKEN], ids=[case[0] for case in BROKEN]
)
def test_broken_config_exits_2_naming_the_key(old: str, new: str, key: str, tmp_path: Path) -> None:
    config = tmp_path / "broken.toml"
    config.write_text(_edit(old, new), encoding="utf-8")
    out = tmp_path / "plan.json"
    done = _run(config, out)
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert lines[0].startswith("motesplan: error: ")
    assert f"key '{key}" in lines[0]
    assert done.stdout == ""
    assert not out.exists()


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
