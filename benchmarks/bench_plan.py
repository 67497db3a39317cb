"""Benchmark the planner: the Södertörn example, a family of generated meeting years, and
realistic cases (a municipality, a region, each for one year and four, Södertörn over four).

For every case it prints the problem's size, the status at the time limit, the time
to the first plan (from the solver's progress reports), the median wall time of
:func:`motesplan.solve` over several runs, the cost, the bound and the gap at the
limit, and the best cost known from a long run with the ratio of the two. It checks
every returned plan with :func:`motesplan.check` (no violations allowed; the
checker's objective must equal the solver's) and, unless ``--no-compare``, times the
same solve without the canonical second solve.

Run it with ``make bench`` or::

    .venv/bin/python benchmarks/bench_plan.py [--quick] [--runs N] [--time-limit S]
        [--workers W] [--cases example,10x1,muni,region4] [--seed N] [--no-compare]
        [--best-known PATH]
    .venv/bin/python benchmarks/bench_plan.py --long 600 [--cases ...]   # best known costs

The problems are deterministic (a seeded ``random.Random``): the same seed and
case always give the same problem.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import importlib.util
import json
import os
import random
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from typing import Any

import _realistic
import attrs
from _common import FirstPlan, first_plan_cell, format_table, machine

from motesplan import (
    Body,
    BridgeDays,
    ClosedPeriod,
    Count,
    FreeDays,
    Link,
    Problem,
    PublicHolidays,
    Result,
    SchoolBreaks,
    Series,
    SolveOptions,
    Status,
    check,
    solve,
)

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "plan_2024.py"
BEST_KNOWN = Path(__file__).resolve().parent / "best_known.json"

FIRST_YEAR = 2025
SIZES: tuple[tuple[int, int], ...] = tuple((n, y) for n in (10, 20, 40) for y in (1, 2, 4))
LARGE = 80
"""Series × years from which a case is "large" and gets fewer runs by default."""

WEEKDAYS: tuple[tuple[str, ...], ...] = (
    ("monday",),
    ("tuesday",),
    ("tuesday",),
    ("wednesday",),
    ("wednesday",),
    ("thursday",),
    ("thursday",),
    ("friday",),
    ("tuesday", "thursday"),
    ("wednesday", "friday"),
)
TIMES: tuple[tuple[str, str], ...] = (
    ("08:30", "10:00"),
    ("09:00", "11:30"),
    ("09:30", "12:00"),
    ("10:00", "12:00"),
    ("13:00", "15:00"),
    ("13:00", "16:00"),
    ("14:00", "16:30"),
)
BODY_NAMES: tuple[str, ...] = (
    "Ledningsgruppen",
    "Samarbetskommittén",
    "Socialchefsnätverket",
    "Skolchefsnätverket",
    "Miljöchefsnätverket",
    "Ekonomichefsnätverket",
    "HR-nätverket",
    "Digitaliseringsrådet",
    "Kultur- och fritidsgruppen",
    "Näringslivsgruppen",
    "Säkerhetssamordnarna",
    "Upphandlingsgruppen",
    "Kommunikatörsnätverket",
    "Planeringsgruppen",
)
LOCATIONS: tuple[str, ...] = (
    "Huddinge kommunhus",
    "StorSthlms lokaler",
    "Botkyrka kommunhus",
    "Haninge kulturhus",
    "Södertälje stadshus",
)
FREE_WEEKS_PER_YEAR = 44
"""Roughly the weeks a year leaves free after summer, Christmas and holidays."""


# ---------------------------------------------------------------------------
# Problems


def load_example() -> Problem:
    """The Södertörn 2024 problem from ``examples/plan_2024.py``."""
    spec = importlib.util.spec_from_file_location("examples_plan_2024", EXAMPLE)
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot import {EXAMPLE}")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    problem: Problem = module.build_problem()
    return problem


def _chain_sizes(rng: random.Random, n_series: int) -> list[int]:
    """Chain lengths of 2-4 adding up to ``n_series`` (>= 2)."""
    sizes: list[int] = []
    remaining = n_series
    while remaining > 0:
        size = min(rng.randint(2, 4), remaining)
        if remaining - size == 1:
            size = size + 1 if size < 4 else size - 1
        sizes.append(size)
        remaining -= size
    return sizes


def _capacity(dates: Sequence[dt.date], gap: int) -> int:
    """The most meetings these candidate days can hold at least ``gap`` days apart
    (taking the earliest possible day each time is optimal)."""
    count, last = 0, None
    for day in dates:
        if last is None or (day - last).days >= gap:
            count, last = count + 1, day
    return count


def generate(n_series: int, years: int, seed: int) -> Problem:
    """A deterministic meeting plan of ``n_series`` series over ``years`` years.

    Series come in chains of 2-4: each next series meets 14-28 days after the
    previous one (half of the links hard, half soft). Chains are grouped into
    sectors of 1-3 chains; each sector has 2-3 bodies of its own, so a body's
    series never overlap in time and a sector is one independent part. Every
    series meets 6-12 times a year (a min..max total over the period, the minimum two
    thirds of the lower figure, as a coordinator leaves room to manoeuvre), on one or two
    weekdays at a usual time, with a minimum gap that fits its count. Swedish
    holidays, bridge days, a summer break and Christmas are closed; the autumn
    school break is a soft cost. Counts are lowered where the free days (and, after
    a hard link, the days a preparing meeting can reach) cannot hold them.
    """
    rng = random.Random(seed * 1_000_003 + n_series * 101 + years)
    first, last = FIRST_YEAR, FIRST_YEAR + years - 1
    chains = _chain_sizes(rng, n_series)
    sectors: list[list[int]] = []
    while len(chains) > sum(len(s) for s in sectors):
        done = sum(len(s) for s in sectors)
        take = min(rng.randint(1, 3), len(chains) - done)
        sectors.append(chains[done : done + take])

    bodies: list[Body] = []
    series: list[Series] = []
    links: list[Link] = []
    for sector_no, sector in enumerate(sectors, start=1):
        sector_bodies = []
        for _ in range(rng.randint(2, 3)):
            number = len(bodies)
            name = BODY_NAMES[number % len(BODY_NAMES)]
            if number >= len(BODY_NAMES):
                name = f"{name} {number // len(BODY_NAMES) + 1}"
            body = Body(f"b{number + 1:02d}", f"{name} (sektor {sector_no})")
            bodies.append(body)
            sector_bodies.append(body.id)
        for size in sector:
            low = rng.randint(6, 10)
            high = min(12, low + rng.randint(0, 2))
            gap = 7 * max(1, min(4, int(0.6 * FREE_WEEKS_PER_YEAR / high)))
            previous: Series | None = None
            for _ in range(size):
                number = len(series) + 1
                start, end = rng.choice(TIMES)
                places = rng.sample(LOCATIONS, 2) if rng.random() < 0.3 else [rng.choice(LOCATIONS)]
                current = Series(
                    id=f"s{number:02d}",
                    body=rng.choice(sector_bodies),
                    name=f"Serie {number}",
                    weekdays=rng.choice(WEEKDAYS),
                    start=start,
                    end=end,
                    count=Count((low * years * 2) // 3, high * years),
                    min_gap_days=gap,
                    locations=places,
                )
                series.append(current)
                if previous is not None:
                    min_days = rng.randint(14, 21)
                    max_days = 28 if min_days > 18 else min_days + rng.randint(7, 10)
                    hard = rng.random() < 0.5
                    links.append(
                        Link(
                            previous.id,
                            current.id,
                            min_days=min_days,
                            max_days=max_days,
                            hard=hard,
                            weight=rng.choice((5, 10, 20)),
                        )
                    )
                previous = current

    unavailable = [
        PublicHolidays("SE", categories=("public", "de_facto")),
        BridgeDays("SE"),
        SchoolBreaks(dict.fromkeys(range(first, last + 1), (44,)), name="Höstlov", weight=30),
    ]
    for year in range(first, last + 1):
        unavailable.append(
            ClosedPeriod("Sommaruppehåll", dt.date(year, 7, 1), dt.date(year, 8, 10))
        )
        unavailable.append(
            ClosedPeriod("Jul- och nyårsledighet", dt.date(year - 1, 12, 21), dt.date(year, 1, 6))
        )
    unavailable.append(
        ClosedPeriod("Jul- och nyårsledighet", dt.date(last, 12, 21), dt.date(last, 12, 31))
    )
    problem = Problem(
        name=f"Generated {n_series}x{years}",
        start=dt.date(first, 1, 1),
        end=dt.date(last, 12, 31),
        series=series,
        bodies=bodies,
        links=links,
        unavailable=unavailable,
    )
    return _fit_counts(problem)


def _fit_counts(problem: Problem) -> Problem:
    """Lower counts so that every series' count fits its free days (with its minimum
    gap) with room to spare, after a hard link only counting days its preparing
    series can reach."""
    calendar = FreeDays(problem)
    free = {s.id: [slot.date for slot in calendar.slots(s.id)] for s in problem.series}
    for link in problem.links:  # links run forward along a chain, so `before` is final
        if link.hard:
            before = free[link.before]
            free[link.after] = [
                day
                for day in free[link.after]
                if any(link.min_days <= (day - other).days <= link.max_days for other in before)
            ]
    fitted = []
    for each in problem.series:
        room = int(0.8 * _capacity(free[each.id], each.min_gap_days or 0))
        high = min(each.count.max, room)
        fitted.append(attrs.evolve(each, count=Count(min(each.count.min, high), high)))
    return problem.evolve(series=fitted)


# ---------------------------------------------------------------------------
# Structure of a problem (for the table; the same rule as the solver's parts)


def part_sizes(problem: Problem) -> list[tuple[int, int]]:
    """(series, candidate slots) of each independent part, largest first, as the
    solver splits the problem (series joined where a conflict is possible: a link, or
    meetings of one body that could overlap)."""
    from motesplan.solver.planner.parts import parts  # noqa: PLC0415 (the solver's own rule)

    calendar = FreeDays(problem)
    sizes = [
        (len(part), sum(len(calendar.slots(each.id)) for each in part))
        for part in parts(problem, calendar)
    ]
    return sorted(sizes, reverse=True)


# ---------------------------------------------------------------------------
# The cases


@attrs.frozen
class Case:
    """One benchmark case: a name ``--cases`` takes, a label for the table, the problem."""

    name: str
    """As ``--cases`` takes it: ``example``, ``10x1``, ``muni``..."""
    label: str
    build: Callable[[], Problem]
    size: int
    """Series × years, for the default number of runs."""
    seeded: bool
    """Whether the problem depends on ``--seed``."""

    def key(self, seed: int) -> str:
        """The case's key in the best-known file."""
        return f"{self.name} seed {seed}" if self.seeded else self.name


REALISTIC: dict[str, tuple[str, int, int]] = {
    # name: (label, series × years, years); the problems are built by _realistic
    "muni": (f"municipality {_realistic.FIRST_YEAR}", _realistic.MUNICIPALITY_SERIES, 1),
    "region": (f"region {_realistic.FIRST_YEAR}", 40, 1),
    "muni4": (
        f"municipality {_realistic.FIRST_YEAR}-{(_realistic.FIRST_YEAR + 3) % 100:02d}",
        4 * _realistic.MUNICIPALITY_SERIES,
        4,
    ),
    "region4": (
        f"region {_realistic.FIRST_YEAR}-{(_realistic.FIRST_YEAR + 3) % 100:02d}",
        160,
        4,
    ),
}
ALIASES = {
    "municipality": "muni",
    "municipality4": "muni4",
    "södertörn4": "sodertorn4",
    "sodertorn": "sodertorn4",
    "example2024": "example",
}
NAMES = ("example", "muni", "region", "sodertorn4", "muni4", "region4")
DEFAULT_CASES: tuple[str, ...] = (
    "example",
    *(f"{n}x{y}" for n, y in SIZES),
    "muni",
    "region",
    "sodertorn4",
    "muni4",
    "region4",
)
QUICK_CASES: tuple[str, ...] = ("example", "10x1", "muni")


def case_name(text: str) -> str:
    """The canonical name of a case as ``--cases`` gives it (``10x1``, ``muni``...)."""
    item = text.strip().lower().replace(" ", "")
    item = ALIASES.get(item, item)
    if item in NAMES:
        return item
    try:
        n, y = (int(part) for part in item.split("x"))
    except ValueError as error:
        raise argparse.ArgumentTypeError(
            f"expected SERIESxYEARS or one of {', '.join(NAMES)}, got {text!r}"
        ) from error
    if n < 2 or y < 1:
        raise argparse.ArgumentTypeError(f"need at least 2 series and 1 year: {text!r}")
    return f"{n}x{y}"


def parse_cases(text: str) -> list[str]:
    """``--cases``: names separated by commas, each once, in the order given."""
    names = [case_name(item) for item in text.split(",") if item.strip()]
    if not names:
        raise argparse.ArgumentTypeError("no case given")
    return list(dict.fromkeys(names))


def _sodertorn4() -> Problem:
    return _realistic.stretch_years(load_example(), 4)


def build_case(name: str, seed: int) -> Case:
    """The case of a canonical name."""
    if name == "example":
        return Case(name, "example 2024", load_example, 3, seeded=False)
    if name == "sodertorn4":
        return Case(name, "Södertörn 2024-27", _sodertorn4, 12, seeded=False)
    if name in REALISTIC:
        label, size, years = REALISTIC[name]
        build = _realistic.municipality if name.startswith("muni") else _realistic.region
        return Case(name, label, partial(build, seed, years), size, seeded=True)
    n, y = (int(part) for part in name.split("x"))
    return Case(name, f"gen {n}x{y}", partial(generate, n, y, seed), n * y, seeded=True)


# ---------------------------------------------------------------------------
# Best known costs


def fingerprint(problem: Problem) -> str:
    """A short hash of everything that defines the problem (its ``repr``): a change to
    the generator, the example or the model's defaults gives another fingerprint."""
    return hashlib.sha256(repr(problem).encode()).hexdigest()[:16]


def read_best_known(path: Path) -> dict[str, dict[str, Any]]:
    """The recorded cases of a best-known file (none when there is no file)."""
    if not path.exists():
        return {}
    data = json.loads(path.read_text(encoding="utf-8"))
    cases: dict[str, dict[str, Any]] = data.get("cases", {})
    return cases


def write_best_known(path: Path, cases: dict[str, dict[str, Any]]) -> None:
    """Write the file atomically, keys sorted, so it diffs well."""
    data = {
        "about": (
            "Best costs known per benchmark case, from benchmarks/bench_plan.py --long SECONDS;"
            " 'problem' is the fingerprint of the problem they belong to."
        ),
        "cases": dict(sorted(cases.items())),
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.tmp")
    temporary.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    os.replace(temporary, path)


def known_for(entry: dict[str, Any] | None, problem: str) -> dict[str, Any] | None:
    """The entry when it belongs to the problem of fingerprint ``problem``."""
    return entry if entry is not None and entry.get("problem") == problem else None


def merge_best(
    old: dict[str, Any] | None, fresh: dict[str, Any]
) -> tuple[dict[str, Any], str, bool]:
    """The entry to keep after a long run (``fresh``), what happened, and whether the
    run contradicts the record (then the record is kept as it was)."""
    if old is None or old.get("problem") != fresh["problem"]:
        return fresh, "new" if old is None else "new (the problem changed)", False
    bounds = [b for b in (old.get("bound"), fresh["bound"]) if b is not None]
    bound = max(bounds) if bounds else None
    if fresh["cost"] < old["cost"]:
        if old.get("optimal") or (old.get("bound") is not None and fresh["cost"] < old["bound"]):
            return old, f"kept {old['cost']}: {fresh['cost']} is below its proven bound", True
        merged = {**fresh, "bound": bound, "optimal": fresh["optimal"] or bound == fresh["cost"]}
        return merged, f"lowered {old['cost']} -> {fresh['cost']}", False
    if bound is not None and bound > old["cost"]:
        return old, f"kept {old['cost']}: this run's bound {bound} is above it", True
    optimal = bool(old.get("optimal")) or bound == old["cost"]
    if bound == old.get("bound") and optimal == bool(old.get("optimal")):
        return old, f"kept {old['cost']}", False
    merged = {**old, "bound": bound, "optimal": optimal, "date": fresh["date"]}
    what = "proven optimal" if optimal and not old.get("optimal") else f"bound raised to {bound}"
    return merged, f"kept {old['cost']}, {what}", False


# ---------------------------------------------------------------------------
# Running


@attrs.frozen
class Run:
    """One solve and its check."""

    result: Result
    seconds: float
    first: tuple[float | None, bool]
    """Seconds to the first plan, and whether the progress reports said it."""
    meetings: int | None
    violations: int
    checker_objective: int | None

    @property
    def checked(self) -> bool:
        """No violation, and the checker's cost is the solver's (or there is no plan)."""
        return self.violations == 0 and (
            self.result.plan is None or self.checker_objective == self.result.objective
        )


def run_once(problem: Problem, options: SolveOptions) -> Run:
    """Solve once (timed, with the time to the first plan) and check the plan."""
    first = FirstPlan()
    options = attrs.evolve(options, on_progress=first)
    started = time.perf_counter()
    result = solve(problem, options)
    seconds = time.perf_counter() - started
    first_plan = first.or_total(seconds, result.plan is not None)
    if result.plan is None:
        return Run(result, seconds, first_plan, None, 0, None)
    report = check(problem, result.plan)
    meetings = sum(1 for m in result.plan.meetings if not m.cancelled)
    return Run(result, seconds, first_plan, meetings, len(report.violations), report.objective)


def _gap(objective: int | None, bound: int | None) -> float | None:
    if objective is None or bound is None:
        return None
    return 100.0 * abs(objective - bound) / max(1, abs(objective))


def _spread(values: Sequence[int | None]) -> str:
    known = sorted({v for v in values if v is not None})
    if not known:
        return "-"
    if len(known) == 1:
        return str(known[0])
    return f"{known[0]}..{known[-1]}"


def _statuses(runs: Sequence[Run]) -> str:
    counts = Counter(run.result.status.value for run in runs)
    if len(counts) == 1:
        return next(iter(counts))
    return ",".join(f"{status}×{n}" for status, n in sorted(counts.items()))


def _best_cells(best: dict[str, Any] | None, stale: bool, costs: list[int]) -> tuple[str, str]:
    """The best-known cell and the cost/best cell (of the worst run)."""
    if best is None:
        return ("stale" if stale else "-"), "-"
    cell = f"{best['cost']}{' opt' if best.get('optimal') else ''}"
    if not costs:
        return cell, "-"
    worst = max(costs)
    if best["cost"] == 0:
        return cell, "1.000" if worst == 0 else "inf"
    return cell, f"{worst / best['cost']:.3f}"


def bench_case(
    case: Case,
    problem: Problem,
    *,
    runs: int,
    options: SolveOptions,
    compare: bool,
    best: dict[str, Any] | None,
    stale: bool,
    note: Callable[[str], None],
) -> dict[str, str]:
    """Run one case and return its table row."""
    label = case.label
    parts = part_sizes(problem)
    done: list[Run] = []
    for number in range(1, runs + 1):
        run = run_once(problem, options)
        done.append(run)
        first = "-" if run.first[0] is None else f"{run.first[0]:.2f}"
        note(
            f"{label} run {number}/{runs}: {run.result.status.value} cost {run.result.objective}"
            f" bound {run.result.bound}, first plan {first} s, {run.seconds:.2f} s"
        )
    plain: list[float] = []
    if compare:
        fast = attrs.evolve(options, canonical=False)
        for number in range(1, runs + 1):
            run = run_once(problem, fast)
            plain.append(run.seconds)
            note(f"{label} no-canonical run {number}/{runs}: {run.seconds:.2f} s")
    seconds = [run.seconds for run in done]
    gaps = [_gap(run.result.objective, run.result.bound) for run in done]
    known_gaps = [g for g in gaps if g is not None]
    planned = [run for run in done if run.result.plan is not None]
    agree = all(run.checker_objective == run.result.objective for run in planned)
    costs = [run.result.objective for run in planned if run.result.objective is not None]
    best_cell, ratio = _best_cells(best, stale, costs)
    return {
        "case": label,
        "series": str(len(problem.series)),
        "meetings": _spread([run.meetings for run in done]),
        "parts": str(len(parts)),
        "max part": f"{parts[0][0]}/{parts[0][1]}" if parts else "-",
        "slots": str(sum(slots for _, slots in parts)),
        "status": _statuses(done),
        "first s": first_plan_cell([run.first for run in done]),
        "median s": f"{statistics.median(seconds):.2f}",
        "min s": f"{min(seconds):.2f}",
        "max s": f"{max(seconds):.2f}",
        "no-canon s": f"{statistics.median(plain):.2f}" if plain else "-",
        "cost": _spread([run.result.objective for run in done]),
        "bound": _spread([run.result.bound for run in done]),
        "gap %": f"{max(known_gaps):.1f}" if known_gaps else "-",
        "best known": best_cell,
        "cost/best": ratio,
        "checker obj": _spread([run.checker_objective for run in done]),
        "violations": str(sum(run.violations for run in done)),
        "chk=obj": ("yes" if agree else "NO") if planned else "-",
        "runs": str(runs),
    }


COLUMNS: tuple[str, ...] = (
    "case",
    "series",
    "meetings",
    "parts",
    "max part",
    "slots",
    "status",
    "first s",
    "median s",
    "min s",
    "max s",
    "no-canon s",
    "cost",
    "bound",
    "gap %",
    "best known",
    "cost/best",
    "checker obj",
    "violations",
    "chk=obj",
    "runs",
)
LEFT = {"case", "status", "best known", "chk=obj"}
LEGEND: tuple[str, ...] = (
    "meetings    meetings in the returned plan (a..b when runs differ, as for cost, bound)",
    "parts       independent parts; max part: series/candidate slots of the largest",
    "slots       candidate slots of all series (one Boolean each)",
    "status      at the time limit: optimal (proven), feasible (a plan, not proven best),",
    "            timed_out (no plan found in time), infeasible",
    "first s     median seconds from calling solve to the first whole plan: the progress",
    "            report at which every part had reported a plan; * when some run had a plan",
    "            without such a report (its total time is used instead)",
    "median s    wall seconds of motesplan.solve (model building included); min s, max s alike",
    "no-canon s  median of the same solve with SolveOptions(canonical=False)",
    "cost        the solver's objective at the limit; bound: its proven lower bound",
    "gap %       worst run: |cost - bound| / max(1, cost), the solver's own numbers",
    "best known  the lowest cost a long run (--long) found for this very problem, 'opt'",
    "            when proven optimal; '-' none recorded, 'stale' recorded for another version",
    "cost/best   worst run's cost / best known (1.000 is as good as the long run)",
    "checker obj the cost motesplan.check measures on the returned plans",
    "violations  hard-rule violations motesplan.check found, summed over runs (must be 0)",
    "chk=obj     the checker's objective equals the solver's in every run with a plan",
)


# ---------------------------------------------------------------------------
# The long runs that record the best known costs


def record_long(
    cases: Sequence[Case],
    *,
    seed: int,
    seconds: float,
    workers: int,
    path: Path,
    note: Callable[[str], None],
) -> int:
    """Solve each case once with a long limit and record its best cost in ``path``
    (written after every case); 1 when a plan fails its check or contradicts the record."""
    best = read_best_known(path)
    options = SolveOptions(time_limit=seconds, workers=workers)
    rows: list[dict[str, str]] = []
    failed = False
    for case in cases:
        problem = case.build()
        key = case.key(seed)
        note(f"{case.label}: solving once with a {seconds:g} s limit")
        run = run_once(problem, options)
        result = run.result
        first = run.first[0]
        if result.plan is None or result.objective is None:
            verdict = f"no plan ({result.status.value}): nothing recorded"
        elif not run.checked:
            verdict = (
                f"NOT recorded: {run.violations} violations, checker cost {run.checker_objective}"
            )
            failed = True
        else:
            fresh: dict[str, Any] = {
                "label": case.label,
                "problem": fingerprint(problem),
                "cost": result.objective,
                "bound": result.bound,
                "optimal": result.status is Status.OPTIMAL or result.bound == result.objective,
                "status": result.status.value,
                "date": dt.date.today().isoformat(),
                "time_limit": seconds,
                "workers": workers,
                "seconds": round(run.seconds, 1),
                "first_plan_seconds": None if first is None else round(first, 2),
            }
            entry, verdict, contradiction = merge_best(best.get(key), fresh)
            failed = failed or contradiction
            best[key] = entry
            write_best_known(path, best)
        note(f"{case.label}: {verdict}")
        rows.append(
            {
                "case": case.label,
                "key": key,
                "status": result.status.value,
                "first s": first_plan_cell([run.first]),
                "seconds": f"{run.seconds:.1f}",
                "cost": str(result.objective) if result.objective is not None else "-",
                "bound": str(result.bound) if result.bound is not None else "-",
                "recorded": verdict,
            }
        )
    print("\n".join(machine()))
    print(
        f"long runs: time limit {seconds:g} s, {workers} workers, canonical on;"
        f" generator seed {seed}; recorded in {path}"
    )
    print()
    columns = ("case", "key", "status", "first s", "seconds", "cost", "bound", "recorded")
    print(format_table(rows, columns, {"case", "key", "status", "recorded"}))
    return 1 if failed else 0


# ---------------------------------------------------------------------------
# Main


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print the table; 1 when a check fails."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--runs", type=int, help="runs per case (default: 5, 3 for 80+ series-years)"
    )
    parser.add_argument(
        "--quick",
        action="store_true",
        help=f"once each, and by default only {', '.join(QUICK_CASES)}",
    )
    parser.add_argument("--time-limit", type=float, default=10.0, help="seconds (default 10)")
    parser.add_argument("--workers", type=int, default=2, help="CP-SAT workers (default 2)")
    parser.add_argument("--seed", type=int, default=1, help="seed of the generator (default 1)")
    parser.add_argument(
        "--cases",
        type=parse_cases,
        help="cases, comma-separated: SERIESxYEARS (generated), example, muni, region,"
        " sodertorn4, muni4, region4 (default: all of them, generated 10, 20, 40 x 1, 2, 4)",
    )
    parser.add_argument(
        "--no-compare",
        action="store_true",
        help="do not also time each case without the canonical second solve",
    )
    parser.add_argument(
        "--best-known",
        type=Path,
        default=BEST_KNOWN,
        help="the file of best known costs (default benchmarks/best_known.json)",
    )
    parser.add_argument(
        "--long",
        type=float,
        metavar="SECONDS",
        help="instead of timing, solve each case once with this limit (e.g. 600) and record"
        " its cost in the best-known file where it is lower",
    )
    args = parser.parse_args(argv)
    if args.runs is not None and args.runs < 1:
        parser.error("--runs must be 1 or more")
    if args.long is not None and args.long <= 0:
        parser.error("--long must be a positive number of seconds")

    names = args.cases or list(QUICK_CASES if args.quick else DEFAULT_CASES)
    cases = [build_case(name, args.seed) for name in names]

    def note(text: str) -> None:
        print(text, file=sys.stderr, flush=True)

    if args.long is not None:
        return record_long(
            cases,
            seed=args.seed,
            seconds=args.long,
            workers=args.workers,
            path=args.best_known,
            note=note,
        )

    def runs_for(series_years: int) -> int:
        if args.quick:
            return 1
        if args.runs is not None:
            return int(args.runs)
        return 3 if series_years >= LARGE else 5

    options = SolveOptions(time_limit=args.time_limit, workers=args.workers)
    recorded = read_best_known(args.best_known)
    rows = []
    for case in cases:
        started = time.perf_counter()
        problem = case.build()
        note(f"{case.label}: built in {time.perf_counter() - started:.2f} s")
        entry = recorded.get(case.key(args.seed))
        best = known_for(entry, fingerprint(problem))
        rows.append(
            bench_case(
                case,
                problem,
                runs=runs_for(case.size),
                options=options,
                compare=not args.no_compare,
                best=best,
                stale=entry is not None and best is None,
                note=note,
            )
        )

    print("\n".join(machine()))
    print(
        f"solve: time limit {args.time_limit:g} s, {args.workers} workers, canonical on;"
        f" generator seed {args.seed}; times are wall seconds of motesplan.solve, medians"
        f" over the runs on this machine; best known from {args.best_known}"
    )
    print()
    print(format_table(rows, COLUMNS, set(LEFT)))
    print()
    print("\n".join(LEGEND))
    ok = all(row["violations"] == "0" and row["chk=obj"] != "NO" for row in rows)
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
