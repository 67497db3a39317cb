"""What the benchmark scripts share: the machine, a plain table, and the time to the first
plan."""

from __future__ import annotations

import importlib.metadata
import os
import platform
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import attrs

from motesplan import __version__

if TYPE_CHECKING:  # the solver (and OR-Tools) loads only when a script solves
    from motesplan import Progress


def format_table(rows: Sequence[dict[str, str]], columns: Sequence[str], left: set[str]) -> str:
    """A plain table, text columns (``left``) left-aligned and numbers right-aligned."""
    widths = {c: max(len(c), *(len(row[c]) for row in rows)) for c in columns}

    def line(cells: dict[str, str]) -> str:
        return "  ".join(
            cells[c].ljust(widths[c]) if c in left else cells[c].rjust(widths[c]) for c in columns
        ).rstrip()

    header = line({c: c for c in columns})
    rule = "  ".join("-" * widths[c] for c in columns)
    return "\n".join([header, rule, *(line(row) for row in rows)])


def machine() -> list[str]:
    """Lines describing the machine and the versions."""
    cpu = "unknown"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for text in cpuinfo.read_text(errors="replace").splitlines():
            if text.startswith("model name"):
                cpu = text.split(":", 1)[1].strip()
                break
    else:
        cpu = platform.processor() or cpu
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else None
    lines = [
        f"platform: {platform.platform()}",
        f"cpu: {cpu}; os.cpu_count() = {os.cpu_count()}"
        + (f" (usable: {usable})" if usable is not None else ""),
        f"python {platform.python_version()} ({platform.python_implementation()}),"
        f" ortools {importlib.metadata.version('ortools')}, motesplan {__version__}",
    ]
    if hasattr(os, "getloadavg"):
        load = " ".join(f"{value:.2f}" for value in os.getloadavg())
        lines.append(f"load average (1/5/15 min) at the end: {load}")
    return lines


@attrs.define
class FirstPlan:
    """Receives a solve's progress reports (pass it as ``SolveOptions(on_progress=...)``)
    and tells when the first whole plan existed.

    The solver reports a :class:`motesplan.Progress` each time it finds a better plan
    for one independent part of the problem. A plan of the whole problem exists once
    every part has one, so the first plan is the report at which every part has
    reported at least once (for a problem of one part, the first report); its
    ``elapsed`` counts from the start of the solve call.
    """

    reports: list[Progress] = attrs.field(factory=list)

    def __call__(self, progress: Progress) -> None:
        self.reports.append(progress)  # list.append is atomic, so any thread may report

    def seconds(self) -> float | None:
        """``elapsed`` of the report that completed the parts, or ``None`` when some part
        never reported."""
        seen: set[int] = set()
        for report in self.reports:
            seen.add(report.part)
            if len(seen) >= report.parts:
                return report.elapsed
        return None

    def or_total(self, total: float, planned: bool) -> tuple[float | None, bool]:
        """The time to the first plan and whether the reports said it: without a report
        from every part but with a plan, the whole call's time (``False``); without a
        plan, ``None``."""
        if not planned:
            return None, True
        reported = self.seconds()
        if reported is None:
            return total, False
        return min(reported, total), True


def first_plan_cell(values: Sequence[tuple[float | None, bool]]) -> str:
    """The median time to the first plan over runs, ``*`` when some run's reports did
    not cover every part (its total time is used), ``-`` when no run had a plan."""
    known = sorted(seconds for seconds, _ in values if seconds is not None)
    if not known:
        return "-"
    middle = len(known) // 2
    median = known[middle] if len(known) % 2 else (known[middle - 1] + known[middle]) / 2
    marker = "" if all(reported for seconds, reported in values if seconds is not None) else "*"
    return f"{median:.2f}{marker}"
