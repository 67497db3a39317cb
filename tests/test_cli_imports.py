"""The commands that never solve never load OR-Tools (nor numpy, pandas, protobuf, absl).

Each command runs in a fresh interpreter, as ``python -m motesplan`` would run it, and
afterwards that interpreter writes down every module it loaded. ``plan`` is the control:
it solves, so it must show the solver loaded, which proves the record can see it.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import motesplan
from tests.test_cli import EXAMPLE, ROOT, with_invitations

# Runs ``motesplan ARGS`` like ``python -m motesplan ARGS`` does, then, whatever the
# command did, writes the names in sys.modules as JSON to the file RECORD, and exits
# with the command's exit code. Usage: python -c PROBE RECORD ARGS...
PROBE = """\
import json, runpy, sys
record, sys.argv = sys.argv[1], ["motesplan", *sys.argv[2:]]
code = 0
try:
    runpy.run_module("motesplan", run_name="__main__", alter_sys=True)
except SystemExit as stop:
    code = stop.code
finally:
    with open(record, "w", encoding="utf-8") as out:
        json.dump(sorted(sys.modules), out)
raise SystemExit(code)
"""

# Runs Python CODE, then writes the names in sys.modules as JSON to the file RECORD.
# Usage: python -c CODE_AND_RECORD RECORD
RECORD = """
import json, sys
with open(sys.argv[1], "w", encoding="utf-8") as out:
    json.dump(sorted(sys.modules), out)
"""

HEAVY_PACKAGES = ("ortools", "numpy", "pandas", "absl", "google.protobuf", "motesplan.solver")


def heavy(modules: list[str]) -> list[str]:
    """The modules of ``modules`` that belong to the solver or to what it drags in."""
    return [
        name
        for name in modules
        if any(name == package or name.startswith(f"{package}.") for package in HEAVY_PACKAGES)
    ]


def top_level(modules: list[str]) -> set[str]:
    return {name.split(".")[0] for name in modules}


def run(tmp_path: Path, *args: str | Path) -> tuple[subprocess.CompletedProcess[str], list[str]]:
    """Run ``motesplan ARGS`` in a fresh interpreter; the run and the modules it loaded."""
    record = tmp_path / "modules.json"
    record.unlink(missing_ok=True)
    done = subprocess.run(
        [sys.executable, "-c", PROBE, str(record), *map(str, args)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
        timeout=120,
    )
    assert record.exists(), done.stderr
    modules: list[str] = json.loads(record.read_text(encoding="utf-8"))
    assert "motesplan.cli" in modules, "the probe did not run the command line"
    return done, modules


def loaded_by(tmp_path: Path, code: str) -> list[str]:
    """The modules a fresh interpreter has loaded after running ``code``."""
    record = tmp_path / "modules.json"
    done = subprocess.run(
        [sys.executable, "-c", code + RECORD, str(record)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    modules: list[str] = json.loads(record.read_text(encoding="utf-8"))
    return modules


@pytest.fixture(scope="module")
def planned(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    """The directory ``plan`` wrote plan.json and plan.ics into, and what ``plan`` loaded."""
    out = tmp_path_factory.mktemp("plan")
    done, modules = run(
        out,
        "plan",
        EXAMPLE,
        "--json",
        out / "plan.json",
        "--ics",
        out / "plan.ics",
        "--time-limit",
        "30",
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return out, modules


def test_plan_loads_the_solver(planned: tuple[Path, list[str]]) -> None:
    """The control: a command that solves shows OR-Tools in the record."""
    _, modules = planned
    assert "ortools.sat.python.cp_model" in modules
    assert "motesplan.solver" in modules
    assert "numpy" in modules


def test_help_does_not_load_the_solver(tmp_path: Path) -> None:
    done, modules = run(tmp_path, "--help")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("usage: motesplan")
    assert "check" in done.stdout
    assert heavy(modules) == []


def test_version_does_not_load_the_solver(tmp_path: Path) -> None:
    done, modules = run(tmp_path, "--version")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"motesplan {motesplan.__version__}"
    assert heavy(modules) == []


@pytest.mark.parametrize("name", ["plan.json", "plan.ics"])
def test_check_does_not_load_the_solver(
    planned: tuple[Path, list[str]], tmp_path: Path, name: str
) -> None:
    out, _ = planned
    done, modules = run(tmp_path, "check", EXAMPLE, out / name)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Alla hårda regler håller." in done.stdout
    assert "Total kostnad:" in done.stdout
    assert heavy(modules) == []


def test_check_of_a_broken_plan_does_not_load_the_solver(
    planned: tuple[Path, list[str]], tmp_path: Path
) -> None:
    out, _ = planned
    data = json.loads((out / "plan.json").read_text(encoding="utf-8"))
    meeting = next(m for m in data["meetings"] if m["series"] == "lg" and not m["pinned"])
    meeting.update(date="2024-12-24", end_date="2024-12-24", week=52)
    broken = tmp_path / "broken.json"
    broken.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    done, modules = run(tmp_path, "check", EXAMPLE, broken)
    assert done.returncode == 1, done.stdout + done.stderr
    assert "[unavailable]" in done.stdout
    assert heavy(modules) == []


def test_days_does_not_load_the_solver(tmp_path: Path) -> None:
    done, modules = run(tmp_path, "days", EXAMPLE)
    assert done.returncode == 0, done.stderr
    assert any(
        "24 december 2024" in line and "julafton" in line.lower()
        for line in done.stdout.splitlines()
    )
    assert heavy(modules) == []


def test_ics_does_not_load_the_solver(planned: tuple[Path, list[str]], tmp_path: Path) -> None:
    out, _ = planned
    invitations = tmp_path / "invitations"
    done, modules = run(
        tmp_path, "ics", with_invitations(tmp_path), out / "plan.json", "--invitations", invitations
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert list(invitations.glob("*.ics"))
    assert heavy(modules) == []


def test_importing_motesplan_does_not_load_the_solver(tmp_path: Path) -> None:
    modules = loaded_by(tmp_path, "import motesplan\n")
    assert "motesplan.planner.checker" in modules
    assert heavy(modules) == []
    assert not top_level(modules) & {"ortools", "numpy", "pandas", "absl"}


def test_solver_names_load_the_solver_on_first_use(tmp_path: Path) -> None:
    code = (
        "import motesplan, motesplan.solver as solver\n"
        "assert 'solve' in dir(motesplan) and 'replan' in dir(motesplan)\n"
        "for name in solver.__all__:\n"
        "    assert getattr(motesplan, name) is getattr(solver, name), name\n"
        "from motesplan import replan, solve\n"
        "assert replan is solver.replan and solve is solver.solve\n"
        "for name in motesplan.__all__:\n"
        "    getattr(motesplan, name)\n"
    )
    assert "ortools.sat.python.cp_model" in loaded_by(tmp_path, code)


def test_from_motesplan_import_a_solver_name(tmp_path: Path) -> None:
    """``from motesplan import replan`` is the function, not the module motesplan.planner.replan."""
    modules = loaded_by(
        tmp_path,
        "from motesplan import replan\nassert callable(replan), replan\n",
    )
    assert "motesplan.solver" in modules


def test_unknown_attribute_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no attribute 'nope'"):
        motesplan.nope  # noqa: B018
