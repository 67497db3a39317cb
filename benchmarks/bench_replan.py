"""Benchmark replanning, alternatives and explanations on the generated family of bench_plan.py.

For every case (a generated problem of ``bench_plan.generate``) it first books a
plan (one generous solve, not timed in the table), then times over several runs:

* ``replan`` with the unchanged problem (verified: nothing changes);
* ``replan`` after a realistic change: the dates of five booked meetings of
  different series, spread over the period, closed (hard), and one meeting of a
  series without hard links pinned to a new date (verified with
  ``motesplan.check``; the closed dates are empty, the pin is kept); the same with
  ``freeze_until`` in the middle of the period and the change after it (verified:
  every meeting before the freeze is kept as booked);
* ``alternatives`` for one booked meeting (top 5);
* ``solve`` of the problem made infeasible in three ways (a count above what the
  series' free days hold, a hard link whose window no pair of the series' weekdays
  meets, two pins closer than the series' least gap), until the infeasible result
  with its explanation is returned (verified: the explanation names the broken
  rule); the same on the Södertörn example with a hard link of 21–25 days;
* for the municipality (``muni``, and any other realistic case of bench_plan.py named
  in ``--cases``): ``replan`` after three dates on which booked meetings lie close
  (verified with ``motesplan.check``; nothing is left on the closed dates).

Each replan row also gives the time to the first plan (from the solver's progress
reports, as bench_plan.py measures it).

Run it with::

    .venv/bin/python benchmarks/bench_replan.py [--quick] [--runs N] [--time-limit S]
        [--alternatives-limit S] [--explain-limit S] [--booking-limit S] [--workers W]
        [--cases 10x1,20x2,40x4,muni] [--seed N] [--tasks replan,alternatives,explain]

Every choice (which meetings to close, which to pin, which rules to break) comes
from a ``random.Random`` seeded with the seed and the size; the meetings to close
and pin are drawn from the booked plan, which is the same every time only when the
booking solve proves it optimal. A ``timed_out`` replan is reported, not counted as
a failure; an infeasible result without an explanation is.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from functools import partial
from itertools import pairwise
from pathlib import Path
from typing import TypeVar

import attrs
from _common import FirstPlan, first_plan_cell, format_table, machine
from bench_plan import Case, _capacity, build_case, case_name, generate

from motesplan import (
    ClosedDates,
    ConflictRule,
    Count,
    FreeDays,
    Meeting,
    Pin,
    Plan,
    Problem,
    ReplanResult,
    Result,
    Rule,
    SolveOptions,
    Status,
    alternatives,
    check,
    load_config,
    replan,
    solve,
)

ROOT = Path(__file__).resolve().parent.parent
SODERTORN = ROOT / "examples" / "sodertorn-2024.toml"
CASES: tuple[str, ...] = ("10x1", "20x2", "40x4", "muni")
QUICK_CASES: tuple[str, ...] = ("10x1",)
CLOSED_DATES = 3
"""How many dates with booked meetings close in a realistic case."""
CLOSED = 5
"""How many booked meetings (of different series) get their date closed."""
PIN_REACH = 21
"""The pinned meeting moves to its series' nearest free day within this many days."""
CLOSED_NAME = "Lokalen stängd"
TASKS = frozenset({"replan", "alternatives", "explain"})

T = TypeVar("T")


# ---------------------------------------------------------------------------
# Recording


@attrs.define
class Bench:
    """The table rows, what went wrong, and where progress goes."""

    runs: int
    rows: list[dict[str, str]] = attrs.field(factory=list)
    failures: list[str] = attrs.field(factory=list)
    warnings: list[str] = attrs.field(factory=list)

    def note(self, text: str) -> None:
        print(text, file=sys.stderr, flush=True)

    def timed(self, label: str, call: Callable[[], T]) -> tuple[list[T], list[float]]:
        """``runs`` calls of ``call``, each timed (wall seconds)."""
        results: list[T] = []
        seconds: list[float] = []
        for number in range(1, self.runs + 1):
            started = time.perf_counter()
            results.append(call())
            seconds.append(time.perf_counter() - started)
            self.note(f"{label} run {number}/{self.runs}: {seconds[-1]:.2f} s")
        return results, seconds

    def timed_plans(
        self, label: str, call: Callable[[FirstPlan], T], planned: Callable[[T], bool]
    ) -> tuple[list[T], list[float], list[tuple[float | None, bool]]]:
        """Like :meth:`timed`, for a call that takes a progress recorder (to pass as
        ``SolveOptions(on_progress=...)``); also the time to the first plan of each run."""
        results: list[T] = []
        seconds: list[float] = []
        firsts: list[tuple[float | None, bool]] = []
        for number in range(1, self.runs + 1):
            first = FirstPlan()
            started = time.perf_counter()
            results.append(call(first))
            seconds.append(time.perf_counter() - started)
            firsts.append(first.or_total(seconds[-1], planned(results[-1])))
            shown = "-" if firsts[-1][0] is None else f"{firsts[-1][0]:.2f}"
            self.note(
                f"{label} run {number}/{self.runs}: {seconds[-1]:.2f} s (first plan {shown} s)"
            )
        return results, seconds, firsts

    def row(
        self,
        case: str,
        task: str,
        *,
        status: str,
        seconds: Sequence[float],
        details: str,
        problems: Sequence[str],
        first: Sequence[tuple[float | None, bool]] = (),
    ) -> None:
        """Add a row; ``problems`` are verification failures (each run's, deduplicated)."""
        unique = sorted(set(problems))
        self.failures.extend(f"{case} {task}: {text}" for text in unique)
        self.rows.append(
            {
                "case": case,
                "task": task,
                "status": status,
                "runs": str(len(seconds)),
                "first s": first_plan_cell(first) if first else "-",
                "median s": f"{statistics.median(seconds):.2f}" if seconds else "-",
                "min s": f"{min(seconds):.2f}" if seconds else "-",
                "max s": f"{max(seconds):.2f}" if seconds else "-",
                "details": details,
                "ok": "NO" if unique else "yes",
            }
        )


def _statuses(values: Sequence[str]) -> str:
    distinct = sorted(set(values))
    if len(distinct) == 1:
        return distinct[0]
    return ",".join(f"{value}×{values.count(value)}" for value in distinct)


def _same(texts: Sequence[str]) -> str:
    """One text when every run gave it, else the distinct ones joined by ``|``."""
    return " | ".join(sorted(set(texts)))


# ---------------------------------------------------------------------------
# The change to replan for


@attrs.frozen
class Change:
    """A realistic change to a booked plan: dates closed, one meeting pinned elsewhere."""

    problem: Problem
    closed: tuple[Meeting, ...]
    """The booked meetings whose dates are closed."""
    pinned: Meeting
    """The booked meeting that is pinned to a new date."""
    pin: Pin


def _middle(problem: Problem) -> dt.date:
    return problem.start + dt.timedelta(days=(problem.end - problem.start).days // 2)


def _active(plan: Plan, start: dt.date, end: dt.date) -> list[Meeting]:
    return [m for m in plan.meetings if not m.cancelled and start <= m.date <= end]


def make_change(
    problem: Problem, booked: Plan, rng: random.Random, start: dt.date, end: dt.date
) -> Change:
    """Close the dates of :data:`CLOSED` booked meetings of different series, one in
    each fifth of the booked meetings in ``start..end``, and pin one other booked
    meeting (of a series not yet touched and without hard links, in the middle third)
    to its series' nearest other free day."""
    booked_here = _active(booked, start, end)
    closed: list[Meeting] = []
    for stretch in range(CLOSED):  # the booked meetings in five groups, in date order
        group = booked_here[
            len(booked_here) * stretch // CLOSED : len(booked_here) * (stretch + 1) // CLOSED
        ]
        used = {m.series for m in closed}
        closed.append(rng.choice([m for m in group if m.series not in used]))
    closure = ClosedDates(CLOSED_NAME, sorted({m.date for m in closed}))
    changed = problem.evolve(unavailable=(*problem.unavailable, closure))
    # a series without hard links, so the pin alone cannot make the change impossible
    # (a hard link's window may leave the new day no preparing meeting)
    used = {m.series for m in closed}
    used |= {s for link in problem.links if link.hard for s in (link.before, link.after)}
    third = len(booked_here) // 3
    choices = [m for m in booked_here[third : 2 * third] if m.series not in used]
    calendar = FreeDays(changed)
    for meeting in rng.sample(choices, len(choices)):
        taken = {m.date for m in booked.of_series(meeting.series)}
        free = [
            slot.date
            for slot in calendar.slots(meeting.series)
            if slot.date not in taken
            and start <= slot.date <= end
            and abs((slot.date - meeting.date).days) <= PIN_REACH
        ]
        if free:
            day = min(free, key=lambda d: (abs((d - meeting.date).days), d))
            pin = Pin(meeting.series, day)
            return Change(changed.evolve(pins=(*changed.pins, pin)), tuple(closed), meeting, pin)
    raise SystemExit("no booked meeting can be pinned to another free day")


def verify_replan(
    change: Change | None, outcome: ReplanResult, freeze: dt.date | None
) -> tuple[str, list[str]]:
    """The details of one replan and what is wrong with it."""
    result = outcome.result
    plan = outcome.plan
    if plan is None:
        # a time-out says the limit is too short here; the change is meant to be possible
        wrong = [] if result.status is Status.TIMED_OUT else [f"no plan: {result.reason}"]
        return f"no plan: {result.reason}", wrong
    moved = outcome.changes
    details = (
        f"moved {len(moved.moved_or_changed)}, added {len(moved.added)},"
        f" cancelled {len(moved.cancelled)}, unchanged {len(moved.unchanged)},"
        f" moved days {outcome.moved_days}"
    )
    problems: list[str] = []
    if change is None:
        if moved.any or outcome.moved_days:
            problems.append(f"the unchanged problem changed the plan: {details}")
        return details, problems
    report = check(change.problem, plan)
    if report.violations:
        first = report.violations[0]
        problems.append(f"{len(report.violations)} hard-rule violations, e.g. {first}")
    closed = {m.date for m in change.closed}
    on_closed = [m.id for m in plan.meetings if not m.cancelled and m.date in closed]
    if on_closed:
        problems.append(f"meetings on closed dates: {', '.join(on_closed)}")
    pinned = [
        m for m in plan.of_series(change.pin.series) if m.date == change.pin.date and m.pinned
    ]
    if not pinned:
        problems.append(f"no pinned meeting of {change.pin.series} on {change.pin.date}")
    if freeze is not None:
        previous = outcome.previous
        for before in previous.meetings:
            if before.cancelled or before.date >= freeze:
                continue
            after = plan.get(before.id)
            if after is None or attrs.evolve(after, pinned=False) != attrs.evolve(
                before, pinned=False
            ):
                problems.append(f"frozen meeting {before.id} changed")
        early = [m.id for m in moved.added if m.date < freeze]
        if early:
            problems.append(f"meetings added before the freeze: {', '.join(early)}")
    return details, problems


# ---------------------------------------------------------------------------
# The broken problems to explain


@attrs.frozen
class Broken:
    """A problem made infeasible, and the config sources its explanation must name."""

    task: str
    problem: Problem
    expected: frozenset[str]
    what: str


def break_count(problem: Problem, rng: random.Random) -> Broken:
    """One series must meet once more than its free days hold with its least gap."""
    calendar = FreeDays(problem)
    index = rng.randrange(len(problem.series))
    series = problem.series[index]
    dates = [slot.date for slot in calendar.slots(series.id)]
    most = _capacity(dates, series.min_gap_days or 0)
    count = Count(most + 1, max(most + 1, series.count.max))
    changed = [*problem.series]
    changed[index] = attrs.evolve(series, count=count)
    return Broken(
        "explain count",
        problem.evolve(series=changed),
        frozenset({f"series[{index}].count"}),
        f"{series.id} count min {most + 1} > {most} its free days hold"
        f" {series.min_gap_days or 0} days apart",
    )


def break_top_count(problem: Problem) -> Broken:
    """The last series of the longest hard chain (the council of a municipality) must
    meet once more than its free days hold with its least gap."""
    hard = [link for link in problem.links if link.hard]
    preparers = {link.after: link.before for link in hard}

    def depth(series_id: str) -> int:
        return 1 + depth(preparers[series_id]) if series_id in preparers else 0

    top = max(problem.series, key=lambda series: (depth(series.id), series.id))
    index = problem.series.index(top)
    dates = [slot.date for slot in FreeDays(problem).slots(top.id)]
    most = _capacity(dates, top.min_gap_days or 0)
    changed = [*problem.series]
    changed[index] = attrs.evolve(top, count=Count(most + 1, max(most + 1, top.count.max)))
    return Broken(
        "explain top count",
        problem.evolve(series=changed),
        frozenset({f"series[{index}].count"}),
        f"{top.id} (end of a hard chain of {depth(top.id) + 1}) count min {most + 1} > {most}",
    )


def break_link(problem: Problem, rng: random.Random) -> Broken:
    """A link between one-weekday series, made hard with a window of days between two
    possible distances of their weekdays (e.g. Friday to Thursday: 6, 13, 20, 27)."""
    candidates = []
    for index, link in enumerate(problem.links):
        before, after = problem.get_series(link.before), problem.get_series(link.after)
        if len(before.weekdays) == 1 and len(after.weekdays) == 1 and after.count.min > 0:
            candidates.append(index)
    if not candidates:
        raise SystemExit("no link between one-weekday series to break")
    index = rng.choice(candidates)
    link = problem.links[index]
    before, after = problem.get_series(link.before), problem.get_series(link.after)
    first = (after.weekdays[0] - before.weekdays[0]) % 7 or 7
    low = first + 7 * (2 if first < 7 else 1) + 1  # 15-21 days after the first distance
    links = [*problem.links]
    links[index] = attrs.evolve(link, hard=True, min_days=low, max_days=low + 5)
    return Broken(
        "explain link",
        problem.evolve(links=links),
        frozenset({f"links[{index}]"}),
        f"{link.before}->{link.after} hard {low}-{low + 5} days, weekday distances {first}+7k",
    )


def break_pins(problem: Problem, rng: random.Random) -> Broken:
    """Two pins of one series a week apart, on free days, where its least gap is longer."""
    calendar = FreeDays(problem)
    middle = _middle(problem)
    candidates = [
        index
        for index, series in enumerate(problem.series)
        if (series.min_gap_days or 0) > 7 and len(series.weekdays) == 1
    ]
    for index in rng.sample(candidates, len(candidates)):
        series = problem.series[index]
        dates = [slot.date for slot in calendar.slots(series.id)]
        pairs = [(first, second) for first, second in pairwise(dates) if (second - first).days == 7]
        if pairs:
            first, second = min(pairs, key=lambda pair: (abs(pair[0] - middle), pair[0]))
            pins = (*problem.pins, Pin(series.id, first), Pin(series.id, second))
            numbers = (len(problem.pins), len(problem.pins) + 1)
            return Broken(
                "explain pins",
                problem.evolve(pins=pins),
                frozenset(
                    {f"pins[{numbers[0]}]", f"pins[{numbers[1]}]", f"series[{index}].min_gap_days"}
                ),
                f"{series.id} pinned {first} and {second}, least gap {series.min_gap_days} days",
            )
    raise SystemExit("no series with a least gap over 7 days and two free days a week apart")


def break_sodertorn() -> Broken:
    """The Södertörn example with its link made hard, 21-25 days (Friday to Thursday is
    6, 13, 20 or 27 days)."""
    problem = load_config(SODERTORN).problem
    links = [*problem.links]
    links[0] = attrs.evolve(links[0], hard=True, min_days=21, max_days=25)
    return Broken(
        "explain link",
        problem.evolve(links=links),
        frozenset({"links[0]"}),
        "lg->sk hard 21-25 days, weekday distances 6+7k",
    )


def bench_explanation(bench: Bench, case: str, broken: Broken, options: SolveOptions) -> None:
    """Time the solve of a broken problem until its explanation is returned."""
    results, seconds = bench.timed(f"{case} {broken.task}", lambda: solve(broken.problem, options))
    details: list[str] = []
    problems: list[str] = []
    for result in results:
        text, wrong = _explained(result, broken)
        details.append(text)
        problems.extend(wrong)
    bench.row(
        case,
        broken.task,
        status=_statuses([r.status.value for r in results]),
        seconds=seconds,
        details=f"{broken.what}: {_same(details)}",
        problems=problems,
    )


def _where(problem: Problem, rule: ConflictRule[Rule]) -> str:
    """Where a rule of an explanation is: its key in a configuration file, or for a
    problem built in Python its item's place in the problem (``series[2].count``)."""
    if rule.where:
        return rule.where
    lists = (
        ("series", problem.series),
        ("links", problem.links),
        ("pins", problem.pins),
        ("bodies", problem.bodies),
        ("unavailable", problem.unavailable),
    )
    for name, items in lists:
        for index, item in enumerate(items):
            if item is rule.item:
                return f"{name}[{index}]" + (f".{rule.field}" if rule.field else "")
    return "?"


def _explained(result: Result, broken: Broken) -> tuple[str, list[str]]:
    explanation = result.explanation
    if explanation is None:
        return f"no explanation ({result.status.value})", ["no explanation returned"]
    named = {_where(broken.problem, rule) for rule in explanation.rules}
    kinds = ",".join(sorted({rule.kind for rule in explanation.rules}))
    text = (
        f"{len(explanation.rules)} rules ({kinds}), minimal"
        f" {'yes' if explanation.minimal else 'no'}"
    )
    missing = sorted(broken.expected - named)
    problems = [f"the explanation does not name {', '.join(missing)}"] if missing else []
    return text, problems


# ---------------------------------------------------------------------------
# One case


def book(bench: Bench, case: str, problem: Problem, options: SolveOptions) -> Plan | None:
    """The booked plan (one untimed solve), reported on stderr and under the table."""
    recorder = FirstPlan()
    started = time.perf_counter()
    result = solve(problem, attrs.evolve(options, on_progress=recorder))
    seconds = time.perf_counter() - started
    meetings = len(result.plan.meetings) if result.plan is not None else 0
    first = first_plan_cell([recorder.or_total(seconds, result.plan is not None)])
    text = (
        f"{case}: booked plan solved in {seconds:.1f} s (limit {options.time_limit:g} s,"
        f" first plan {first} s): {result.status.value}, {meetings} meetings, objective"
        f" {result.objective}, bound {result.bound}"
    )
    bench.note(text)
    bench.warnings.append(text)
    if result.plan is None:
        bench.warnings.append(f"{case}: no booked plan ({result.reason}); no replan rows")
        return None
    return result.plan


def make_changes(problem: Problem, booked: Plan, rng: random.Random) -> tuple[Change, Change]:
    """The change over the whole period, and the one after its middle."""
    return (
        make_change(problem, booked, rng, problem.start, problem.end),
        make_change(problem, booked, rng, _middle(problem), problem.end),
    )


def _replan(
    problem: Problem,
    booked: Plan,
    freeze: dt.date | None,
    options: SolveOptions,
    first: FirstPlan,
) -> ReplanResult:
    return replan(
        problem, booked, freeze_until=freeze, options=attrs.evolve(options, on_progress=first)
    )


def _has_plan(outcome: ReplanResult) -> bool:
    return outcome.plan is not None


def bench_replans(
    bench: Bench,
    case: str,
    problem: Problem,
    booked: Plan,
    *,
    changes: tuple[Change, Change],
    options: SolveOptions,
) -> None:
    """The three replan rows."""
    middle = _middle(problem)
    change, late = changes
    for task, target, current, freeze in (
        ("replan unchanged", problem, None, None),
        ("replan change", change.problem, change, None),
        ("replan change+freeze", late.problem, late, middle),
    ):
        outcomes, seconds, firsts = bench.timed_plans(
            f"{case} {task}",
            partial(_replan, target, booked, freeze, options),
            _has_plan,
        )
        details, problems = [], []
        for outcome in outcomes:
            text, wrong = verify_replan(current, outcome, freeze)
            details.append(text)
            problems.extend(wrong)
        what = ""
        if current is not None:
            closed = ", ".join(f"{m.id}" for m in current.closed)
            what = (
                f"closed {closed}; pin {current.pinned.id} {current.pinned.date}"
                f" -> {current.pin.date}"
            )
            if freeze is not None:
                what += f"; freeze until {freeze}"
            what += ": "
        bench.row(
            case,
            task,
            status=_statuses([o.result.status.value for o in outcomes]),
            seconds=seconds,
            details=what + _same(details),
            problems=problems,
            first=firsts,
        )


def bench_alternatives(
    bench: Bench,
    case: str,
    problem: Problem,
    booked: Plan,
    *,
    rng: random.Random,
    options: SolveOptions,
) -> None:
    """The alternatives row: a booked meeting in the middle third of a linked series."""
    days = (problem.end - problem.start).days
    first = problem.start + dt.timedelta(days=days // 3)
    last = problem.start + dt.timedelta(days=2 * days // 3)
    linked = {link.after for link in problem.links} | {link.before for link in problem.links}
    choices = [m for m in _active(booked, first, last) if m.series in linked]
    meeting = rng.choice(choices)
    found, seconds = bench.timed(
        f"{case} alternatives {meeting.id}",
        lambda: alternatives(problem, booked, meeting.id, top=5, options=options),
    )
    details, problems = [], []
    for answer in found:
        best = answer.options[0] if answer.options else None
        text = (
            f"{meeting.id} {meeting.date}: considered {answer.considered}, feasible"
            f" {answer.feasible}, unfinished {answer.unfinished}, options {len(answer.options)}"
        )
        if best is not None:
            text += f", best {best.date} (+{best.moves_with} others, cost {best.cost_change:+d})"
        details.append(text)
        for option in answer.options:
            if option.date == meeting.date or option.meeting.id != meeting.id:
                problems.append(f"option {option.meeting.id} {option.date} is not a move")
            if not check(problem, option.plan).ok:
                problems.append(f"option {option.date} breaks a hard rule")
        if len(answer.options) > 5:
            problems.append(f"{len(answer.options)} options for top 5")
    statuses = ["ok" if a.options else f"none: {a.reason}" for a in found]
    bench.row(
        case,
        "alternatives",
        status=_statuses(statuses),
        seconds=seconds,
        details=_same(details),
        problems=problems,
    )


def close_dates(
    problem: Problem, booked: Plan, rng: random.Random
) -> tuple[Problem, list[dt.date]]:
    """The problem with :data:`CLOSED_DATES` dates closed (hard) on which booked meetings
    lie, one drawn from each third of the booked meetings in date order."""
    meetings = _active(booked, problem.start, problem.end)
    dates: list[dt.date] = []
    for stretch in range(CLOSED_DATES):
        group = meetings[
            len(meetings) * stretch // CLOSED_DATES : len(meetings) * (stretch + 1) // CLOSED_DATES
        ]
        dates.append(rng.choice(sorted({m.date for m in group} - set(dates))))
    closure = ClosedDates(CLOSED_NAME, sorted(dates))
    return problem.evolve(unavailable=(*problem.unavailable, closure)), sorted(dates)


def bench_closed_dates(
    bench: Bench, case: Case, seed: int, *, options: SolveOptions, booking: SolveOptions
) -> None:
    """The realistic case's row: replan after three dates with booked meetings close."""
    problem = case.build()
    booked = book(bench, case.label, problem, booking)
    if booked is None:
        return
    changed, dates = close_dates(problem, booked, random.Random(f"closed {seed} {case.name}"))
    hit = [m for m in _active(booked, problem.start, problem.end) if m.date in dates]
    task = f"replan {CLOSED_DATES} dates closed"
    outcomes, seconds, firsts = bench.timed_plans(
        f"{case.label} {task}", partial(_replan, changed, booked, None, options), _has_plan
    )
    details, problems = [], []
    for outcome in outcomes:
        plan = outcome.plan
        if plan is None:
            status = outcome.result.status
            details.append(f"no plan: {outcome.result.reason}")
            if status is not Status.TIMED_OUT:
                problems.append(f"no plan: {outcome.result.reason}")
            continue
        moved = outcome.changes
        details.append(
            f"moved {len(moved.moved_or_changed)}, added {len(moved.added)},"
            f" cancelled {len(moved.cancelled)}, unchanged {len(moved.unchanged)},"
            f" moved days {outcome.moved_days}"
        )
        report = check(changed, plan)
        if report.violations:
            first = report.violations[0]
            problems.append(f"{len(report.violations)} hard-rule violations, e.g. {first}")
        left = [m.id for m in plan.meetings if not m.cancelled and m.date in dates]
        if left:
            problems.append(f"meetings on closed dates: {', '.join(left)}")
    closed = "; ".join(f"{day} ({', '.join(m.id for m in hit if m.date == day)})" for day in dates)
    bench.row(
        case.label,
        task,
        status=_statuses([o.result.status.value for o in outcomes]),
        seconds=seconds,
        details=f"closed {closed}: {_same(details)}",
        problems=problems,
        first=firsts,
    )


def bench_case(
    bench: Bench,
    n_series: int,
    years: int,
    seed: int,
    *,
    options: SolveOptions,
    explain_options: SolveOptions,
    alternatives_options: SolveOptions,
    booking: SolveOptions,
    tasks: frozenset[str],
) -> None:
    """The rows of one generated case."""
    case = f"gen {n_series}x{years}"
    problem = generate(n_series, years, seed)
    if tasks & {"replan", "alternatives"}:
        booked = book(bench, case, problem, booking)
        if booked is not None:
            rng = random.Random(f"replan {seed} {n_series}x{years}")
            changes = make_changes(problem, booked, rng)  # drawn whatever the tasks
            if "replan" in tasks:
                bench_replans(bench, case, problem, booked, changes=changes, options=options)
            if "alternatives" in tasks:
                bench_alternatives(
                    bench, case, problem, booked, rng=rng, options=alternatives_options
                )
    if "explain" in tasks:
        rng = random.Random(f"explain {seed} {n_series}x{years}")
        for breaker in (break_count, break_link, break_pins):
            bench_explanation(bench, case, breaker(problem, rng), explain_options)


# ---------------------------------------------------------------------------
# Main


COLUMNS = (
    "case",
    "task",
    "status",
    "runs",
    "first s",
    "median s",
    "min s",
    "max s",
    "ok",
    "details",
)
LEFT = {"case", "task", "status", "ok", "details"}
LEGEND = (
    "first s   replan rows: median seconds from the call to the first whole plan, from the",
    "          progress reports (when every part had reported one); * when some run had a",
    "          plan without such a report: that run's total time is used",
    "median s  wall seconds of the call (replan, alternatives, or solve until the infeasible",
    "          result with its explanation), model building included; min s, max s alike",
    "replan    moved/added/cancelled/unchanged: the ReplanResult's changes; moved days: the",
    "          days the moved meetings moved, in total",
    "alternatives  considered: dates tried; feasible: dates with a plan; unfinished: dates",
    "          the per-date limit stopped before the best plan was proven; best: the first",
    "          option (others: how many other meetings change with it; cost: soft-cost change)",
    "N dates closed  the closed dates with the booked meetings on them, then as replan",
    "explain   the rules the explanation names (their kinds) and whether it is minimal",
    "ok        every verification passed in every run (see the failures below otherwise)",
)


def _size(name: str) -> tuple[int, int] | None:
    """(series, years) of a generated case's name, ``None`` for a realistic case."""
    n, _, y = name.partition("x")
    if not (n.isdigit() and y.isdigit()):
        return None
    return int(n), int(y)


def _parse_cases(text: str) -> list[str]:
    names = [case_name(item) for item in text.split(",") if item.strip()]
    if "example" in names:
        raise argparse.ArgumentTypeError(
            "the example has explain rows only, and they always run with --tasks explain"
        )
    return list(dict.fromkeys(names))


def _load() -> str:
    if not hasattr(os, "getloadavg"):
        return "unknown"
    return " ".join(f"{value:.2f}" for value in os.getloadavg())


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print the table; 1 when a verification fails."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="runs per row (default 3)")
    parser.add_argument(
        "--quick", action="store_true", help="once each, and by default only 10x1 and the example"
    )
    parser.add_argument(
        "--time-limit",
        type=float,
        default=60.0,
        help="seconds per replan (default 60)",
    )
    parser.add_argument(
        "--explain-limit",
        type=float,
        default=10.0,
        help="seconds per solve of an infeasible problem (default 10, the CLI's default)",
    )
    parser.add_argument(
        "--alternatives-limit",
        type=float,
        default=10.0,
        help="seconds per date alternatives tries (default 10)",
    )
    parser.add_argument(
        "--booking-limit",
        type=float,
        default=120.0,
        help="seconds for the solve that books the plan (default 120)",
    )
    parser.add_argument("--workers", type=int, default=2, help="CP-SAT workers (default 2)")
    parser.add_argument("--seed", type=int, default=1, help="seed of the generator (default 1)")
    parser.add_argument(
        "--cases",
        type=_parse_cases,
        help="generated sizes as SERIESxYEARS, and realistic cases of bench_plan.py (muni,"
        " region, muni4, region4, sodertorn4), comma-separated (default: 10x1,20x2,40x4,muni)",
    )
    parser.add_argument(
        "--tasks",
        default="replan,alternatives,explain",
        help="which rows: replan, alternatives, explain (default: all three)",
    )
    args = parser.parse_args(argv)
    if args.runs < 1:
        parser.error("--runs must be 1 or more")
    tasks = frozenset(item.strip() for item in args.tasks.split(",") if item.strip())
    if not tasks or not tasks <= TASKS:
        parser.error(f"--tasks takes some of {', '.join(sorted(TASKS))}")
    names = args.cases or list(QUICK_CASES if args.quick else CASES)
    bench = Bench(runs=1 if args.quick else args.runs)
    load_at_start = _load()
    options = SolveOptions(time_limit=args.time_limit, workers=args.workers)
    explain = attrs.evolve(options, time_limit=args.explain_limit)
    booking = attrs.evolve(options, time_limit=args.booking_limit)
    for name in names:
        size = _size(name)
        if size is None:
            case = build_case(name, args.seed)
            if "replan" in tasks:
                bench_closed_dates(bench, case, args.seed, options=options, booking=booking)
            if "explain" in tasks:
                rng = random.Random(f"explain {args.seed} {name}")
                problem = case.build()
                bench_explanation(bench, case.label, break_top_count(problem), explain)
                bench_explanation(bench, case.label, break_count(problem, rng), explain)
            continue
        n_series, years = size
        bench_case(
            bench,
            n_series,
            years,
            args.seed,
            options=options,
            explain_options=explain,
            alternatives_options=attrs.evolve(options, time_limit=args.alternatives_limit),
            booking=booking,
            tasks=tasks,
        )
    if "explain" in tasks:
        bench_explanation(bench, "example 2024", break_sodertorn(), explain)

    print("\n".join(machine()))
    print(f"load average (1/5/15 min) at the start: {load_at_start}")
    print(
        f"time limits: {args.time_limit:g} s per replan, {args.alternatives_limit:g} s per"
        f" date of alternatives, {args.explain_limit:g} s per solve of an infeasible problem,"
        f" {args.booking_limit:g} s to book; {args.workers} workers; generator seed {args.seed}"
    )
    print("\n".join(bench.warnings))
    print()
    print(format_table(bench.rows, COLUMNS, set(LEFT)))
    print()
    print("\n".join(LEGEND))
    if bench.failures:
        print()
        print("verification failures:")
        print("\n".join(f"  {text}" for text in bench.failures))
    return 1 if bench.failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
