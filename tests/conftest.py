"""Shared fixtures: a small problem and the complete Södertörn 2024 example."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from motesplan import Body, Link, Problem, PublicHolidays, Result, Series, SolveOptions, solve

ROOT = Path(__file__).resolve().parent.parent


def load_example(name: str) -> ModuleType:
    """Import ``examples/<name>.py`` as a module."""
    path = ROOT / "examples" / f"{name}.py"
    spec = importlib.util.spec_from_file_location(f"examples_{name}", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def sodertorn() -> Problem:
    """The whole Södertörn 2024 year from ``examples/plan_2024.py``."""
    problem: Problem = load_example("plan_2024").build_problem()
    return problem


@pytest.fixture(scope="session")
def sodertorn_result(sodertorn: Problem) -> Result:
    """The solved Södertörn 2024 year."""
    return solve(sodertorn, SolveOptions(time_limit=30))


@pytest.fixture
def small() -> Problem:
    """Two linked series over one spring: a small, quick problem."""
    return Problem(
        name="Test",
        start="2024-01-01",
        end="2024-06-30",
        bodies=(Body("a", "Alfa"), Body("b", "Beta")),
        series=(
            Series("a", "a", "Alfa", "friday", "09:00", "11:30", count=5, min_gap_days=14),
            Series("b", "b", "Beta", "thursday", "13:00", "15:00", count=4),
        ),
        links=(Link("a", "b", 20, 27),),
        unavailable=(PublicHolidays("SE", categories=("public", "de_facto")),),
    )
