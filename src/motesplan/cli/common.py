"""What the commands share: the exit codes, the run's languages, reading the
inputs and writing the outputs, the progress line of a solve, and an error's one line.
"""

from __future__ import annotations

import argparse
import os
import sys
import threading
import time
from collections.abc import Callable, Sequence
from contextvars import ContextVar
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from motesplan._files import write_atomic
from motesplan.config import Config, load_config
from motesplan.errors import MotesplanError
from motesplan.formats.ics_read import read_calendar
from motesplan.formats.plan_json import read_plan_json
from motesplan.planner.checker import check
from motesplan.planner.plan import Plan, Result
from motesplan.planner.problem import Problem
from motesplan.reports.explanation import format_explanation
from motesplan.text import (
    environment_language,
    message,
    phrase,
)

if TYPE_CHECKING:
    # The solver loads OR-Tools (numpy, pandas, protobuf): the commands that solve import
    # it when they run, so `check`, `days`, `ics`, --help and --version start fast.
    from motesplan.solver import Progress, SolveOptions


OK = 0
FAILED = 1
INVALID = 2

PROGRESS_AFTER = 1.0  # seconds before the progress line appears

CONFIG_LANGUAGE: ContextVar[str | None] = ContextVar("config_language", default=None)
"""The language of the configuration this run read, for the errors that come after."""
RUN_LANGUAGE: ContextVar[str] = ContextVar("run_language", default="en")
"""The language of the command line's own words this run: ``--lang``, else the
environment's (the configuration is not read yet when the flags are)."""


class UsageError(MotesplanError):
    """Invalid input found by the command line itself (exit code 2)."""


# --- progress ---------------------------------------------------------------------------


class _ProgressLine:
    """Objective, bound and elapsed time on stderr, once a solve runs past a moment."""

    def __init__(self, stream: TextIO, language: str) -> None:
        self.stream = stream
        self.language = language
        self.latest: Progress | None = None
        self.started = time.perf_counter()
        self.shown = False
        self.done = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)

    def update(self, progress: Progress) -> None:
        self.latest = progress

    def __enter__(self) -> _ProgressLine:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.done.set()
        self.thread.join()
        if self.shown:
            self.stream.write("\r\033[K")
            self.stream.flush()

    def _run(self) -> None:
        while not self.done.wait(0.2):
            elapsed = time.perf_counter() - self.started
            if elapsed < PROGRESS_AFTER:
                continue
            latest = self.latest
            seconds = f"{elapsed:.1f}"
            if latest is None:
                text = phrase("cli.progress.start", self.language, seconds=seconds)
            else:
                part = ""
                if latest.parts > 1:
                    part = phrase(
                        "cli.progress.part", self.language, part=latest.part, parts=latest.parts
                    )
                text = phrase(
                    "cli.progress",
                    self.language,
                    part=part,
                    objective=f"{latest.objective:g}",
                    bound=f"{latest.bound:g}",
                    seconds=seconds,
                )
            self.stream.write(f"\r\033[K{text}")
            self.stream.flush()
            self.shown = True


def _options(args: argparse.Namespace, progress: _ProgressLine | None) -> SolveOptions:
    from motesplan.solver import SolveOptions  # noqa: PLC0415

    return SolveOptions(
        time_limit=args.time_limit,
        workers=args.workers,
        on_progress=progress.update if progress is not None else None,
    )


def solving(args: argparse.Namespace, run: Callable[[SolveOptions], None]) -> None:
    """Run ``run`` with a progress line on stderr when stderr is a terminal."""
    if sys.stderr.isatty():
        language = args.lang or CONFIG_LANGUAGE.get() or RUN_LANGUAGE.get()
        with _ProgressLine(sys.stderr, language) as progress:
            run(_options(args, progress))
    else:
        run(_options(args, None))


# --- input and output -------------------------------------------------------------------


def check_output(path: Path | None) -> None:
    """Refuse, before anything is computed or written, an output that cannot be written."""
    if path is None:
        return
    if path.is_dir():
        raise UsageError(message("cli.err.is_directory", path=path))
    parent = path.parent
    while not parent.exists() and parent != parent.parent:
        parent = parent.parent
    if not parent.is_dir():
        raise UsageError(message("cli.err.cannot_create", path=path, parent=parent))
    if not os.access(parent, os.W_OK):
        raise UsageError(message("cli.err.cannot_write", path=path, parent=parent))


def check_directory(path: Path) -> None:
    if path.exists() and not path.is_dir():
        raise UsageError(message("cli.err.not_directory", path=path))
    check_output(path / "x")


def load(path: Path) -> Config:
    if not path.exists():
        raise UsageError(message("cli.err.no_config", path=path))
    if path.is_dir():
        raise UsageError(message("cli.err.config_is_directory", path=path))
    config = load_config(path)
    CONFIG_LANGUAGE.set(config.language)
    return config


def read_plan(path: Path, problem: Problem) -> Plan:
    if not path.exists():
        raise UsageError(message("cli.err.no_plan", path=path))
    suffix = path.suffix.lower()
    if suffix == ".json":
        return read_plan_json(path)
    if suffix in (".ics", ".ical", ".ifb", ".icalendar"):
        return read_calendar(path, problem)
    raise UsageError(message("cli.err.plan_suffix", path=path, suffix=repr(suffix or "no")))


def write_all(outputs: Sequence[tuple[Path | None, str | bytes]], language: str) -> None:
    for path, data in outputs:
        if path is not None:
            print(phrase("cli.wrote", language, path=write_atomic(path, data)))


def chosen_language(args: argparse.Namespace, default: str) -> str:
    language: str = args.lang or default
    return language


def checker_agrees(problem: Problem, plan: Plan, language: str) -> bool:
    """Whether the independent checker finds every hard rule kept in a solved plan;
    if not (a solver bug), it says which are broken, and nothing may be written."""
    report = check(problem, plan)
    if not report.ok:
        print(phrase("cli.checker", language))
        for violation in report.violations:
            print(f"  [{violation.rule}] {violation.render(language)}")
    return report.ok


def why_no_plan(config: Config, result: Result, language: str) -> str:
    """Why there is no plan: the conflicting rules with their keys in the configuration,
    or (without an explanation, e.g. on a time-out) the reason."""
    if result.explanation is not None:
        return format_explanation(result.explanation, language, config.path).rstrip("\n")
    return "" if result.reason is None else result.reason.render(language)


def fail(text: str) -> int:
    text = " ".join(text.split())  # one line
    print(f"motesplan: error: {text}", file=sys.stderr)
    return INVALID


def error_language(args: argparse.Namespace, error: MotesplanError) -> str:
    """The language of an error: ``--lang``, else the configuration's (once it was
    read), else the environment's locale, else English."""
    chosen = getattr(args, "lang", None)
    if chosen is not None:
        return str(chosen)
    known = CONFIG_LANGUAGE.get() or getattr(error, "language", None)
    return known or environment_language() or "en"
