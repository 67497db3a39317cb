"""The Södertörn 2024 example script: prints the Swedish plan and writes the same JSON every run."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import load_example


def test_example_prints_swedish_plan_and_writes_json(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    example = load_example("plan_2024")
    assert example.main(["--out", str(tmp_path / "a")]) == 0
    printed = capsys.readouterr().out
    assert "Ledningsgruppen — 10 möten" in printed
    assert "fredag 13 december  kl. 08.30–11.00  Folkes, Huddinge Centrum" in printed
    assert "dagar efter Ledningsgruppen" in printed
    assert "Status: optimal" in printed
    data = json.loads((tmp_path / "a" / "plan-2024.json").read_text(encoding="utf-8"))
    assert data["status"] == "optimal"
    assert data["period"] == {"start": "2024-01-01", "end": "2024-12-31"}
    assert {m["series"] for m in data["meetings"]} == {"lg", "sk", "pk"}


def test_two_runs_give_byte_identical_json(tmp_path: Path) -> None:
    example = load_example("plan_2024")
    assert example.main(["--out", str(tmp_path / "a")]) == 0
    assert example.main(["--out", str(tmp_path / "b"), "--lang", "en"]) == 0
    first = (tmp_path / "a" / "plan-2024.json").read_bytes()
    second = (tmp_path / "b" / "plan-2024.json").read_bytes()
    assert first == second
