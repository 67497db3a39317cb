"""The end-to-end command line on the Södertörn example, next to the bare OR-Tools import.

Both are measured in the same run, as fresh processes, so the figure says what a
coordinator waits for beyond starting Python and loading CP-SAT:

    .venv/bin/python benchmarks/bench_cli.py [--runs N]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _common import machine

ROOT = Path(__file__).resolve().parent.parent
IMPORT = [sys.executable, "-c", "from ortools.sat.python import cp_model"]


def cli(out: Path) -> list[str]:
    """The CLI run that `make demo` does: plan the example, write JSON and .ics."""
    return [
        sys.executable,
        "-m",
        "motesplan",
        "plan",
        str(ROOT / "examples" / "sodertorn-2024.toml"),
        "--json",
        str(out / "plan.json"),
        "--ics",
        str(out / "plan.ics"),
    ]


def light(out: Path) -> dict[str, list[str]]:
    """The commands that never solve: they should start in the time of a plain import
    of the package."""
    config = str(ROOT / "examples" / "sodertorn-2024.toml")
    base = [sys.executable, "-m", "motesplan"]
    return {
        "motesplan --version": [*base, "--version"],
        "motesplan check sodertorn-2024.toml plan.json": [
            *base,
            "check",
            config,
            str(out / "plan.json"),
        ],
        "motesplan days sodertorn-2024.toml": [*base, "days", config],
    }


PACKAGE = [sys.executable, "-c", "import motesplan"]


def seconds(command: list[str]) -> float:
    """Wall seconds of one run of ``command`` (which must succeed)."""
    started = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True, cwd=ROOT)
    return time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    """Print the medians and their ratio."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder)
        imports, runs, packages = [], [], []
        others: dict[str, list[float]] = {name: [] for name in light(out)}
        for _ in range(args.runs):  # interleaved, so load changes hit all alike
            imports.append(seconds(IMPORT))
            runs.append(seconds(cli(out)))
            packages.append(seconds(PACKAGE))
            for name, command in light(out).items():
                others[name].append(seconds(command))
    bare, whole = statistics.median(imports), statistics.median(runs)
    package = statistics.median(packages)
    print("\n".join(machine()))
    print(f"runs: {args.runs}")
    print(f"import ortools.sat (bare python -c): median {bare:.2f} s")
    print(f"motesplan plan sodertorn-2024.toml --json --ics: median {whole:.2f} s")
    print(f"ratio: {whole / bare:.2f}x (aim: at most 1.5x)")
    print(f"import motesplan (bare python -c): median {package:.2f} s")
    for name, times in others.items():
        median = statistics.median(times)
        print(f"{name}: median {median:.2f} s, {median / package:.2f}x the package import")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
