"""What both benchmark scripts print: the machine, and a plain table."""

from __future__ import annotations

import importlib.metadata
import os
import platform
from collections.abc import Sequence
from pathlib import Path

from motesplan import __version__


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
