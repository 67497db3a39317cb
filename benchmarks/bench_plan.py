"""Benchmark the planner: the Södertörn 2024 example and a family of larger generated years.

For every case it prints the number of meetings, the status, the objective, the
bound, the gap, and the median wall time of :func:`motesplan.solve` over several
runs, checks every returned plan with :func:`motesplan.check` (no violations
allowed; the checker's objective must equal the solver's) and, unless
``--no-compare``, times the same solve without the canonical second solve.

Run it with ``make bench`` or::

    .venv/bin/python benchmarks/bench_plan.py [--quick] [--runs N] [--time-limit S]
        [--workers W] [--cases 10x1,40x4] [--seed N] [--no-compare]

The generated problems are deterministic (a seeded ``random.Random``): the same
seed and size always give the same problem.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.metadata
import importlib.util
import random
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path

import attrs
from _common import format_table, machine

from motesplan import (
    Body,
    BridgeDays,
    Calendar,
    ClosedPeriod,
    Count,
    Link,
    Problem,
    PublicHolidays,
    Result,
    SchoolBreaks,
    Series,
    SolveOptions,
    check,
    solve,
)

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "plan_2024.py"

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
    calendar = Calendar(problem)
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
    """(series, candidate slots) of each independent part, largest first: series
    joined by a link or a shared body."""
    root = {s.id: s.id for s in problem.series}

    def find(item: str) -> str:
        while root[item] != item:
            root[item] = root[root[item]]
            item = root[item]
        return item

    def join(a: str, b: str) -> None:
        root[find(a)] = find(b)

    for link in problem.links:
        join(link.before, link.after)
    first_of_body: dict[str, str] = {}
    for each in problem.series:
        join(each.id, first_of_body.setdefault(each.body, each.id))
    calendar = Calendar(problem)
    series: Counter[str] = Counter()
    slots: Counter[str] = Counter()
    for each in problem.series:
        series[find(each.id)] += 1
        slots[find(each.id)] += len(calendar.slots(each.id))
    return sorted(((series[key], slots[key]) for key in series), reverse=True)


# ---------------------------------------------------------------------------
# Running


@attrs.frozen
class Run:
    """One solve and its check."""

    result: Result
    seconds: float
    meetings: int | None
    violations: int
    checker_objective: int | None


def run_once(problem: Problem, options: SolveOptions) -> Run:
    """Solve once (timed) and check the plan."""
    started = time.perf_counter()
    result = solve(problem, options)
    seconds = time.perf_counter() - started
    if result.plan is None:
        return Run(result, seconds, None, 0, None)
    report = check(problem, result.plan)
    meetings = sum(1 for m in result.plan.meetings if not m.cancelled)
    return Run(result, seconds, meetings, len(report.violations), report.objective)


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


def bench_case(
    label: str,
    problem: Problem,
    *,
    runs: int,
    options: SolveOptions,
    compare: bool,
    note: Callable[[str], None],
) -> dict[str, str]:
    """Run one case and return its table row."""
    parts = part_sizes(problem)
    done: list[Run] = []
    for number in range(1, runs + 1):
        run = run_once(problem, options)
        done.append(run)
        note(
            f"{label} run {number}/{runs}: {run.result.status.value} obj {run.result.objective}"
            f" bound {run.result.bound} {run.seconds:.2f} s"
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
    return {
        "case": label,
        "series": str(len(problem.series)),
        "days": str((problem.end - problem.start).days + 1),
        "parts": str(len(parts)),
        "max part": f"{parts[0][0]}/{parts[0][1]}" if parts else "-",
        "slots": str(sum(slots for _, slots in parts)),
        "meetings": _spread([run.meetings for run in done]),
        "status": _statuses(done),
        "objective": _spread([run.result.objective for run in done]),
        "bound": _spread([run.result.bound for run in done]),
        "checker obj": _spread([run.checker_objective for run in done]),
        "gap %": f"{max(known_gaps):.2f}" if known_gaps else "-",
        "runs": str(runs),
        "median s": f"{statistics.median(seconds):.2f}",
        "min s": f"{min(seconds):.2f}",
        "max s": f"{max(seconds):.2f}",
        "no-canon s": f"{statistics.median(plain):.2f}" if plain else "-",
        "violations": str(sum(run.violations for run in done)),
        "chk=obj": ("yes" if agree else "NO") if planned else "-",
    }


COLUMNS: tuple[str, ...] = (
    "case",
    "series",
    "days",
    "parts",
    "max part",
    "slots",
    "meetings",
    "status",
    "objective",
    "bound",
    "gap %",
    "checker obj",
    "runs",
    "median s",
    "min s",
    "max s",
    "no-canon s",
    "violations",
    "chk=obj",
)
LEFT = {"case", "status", "chk=obj"}
LEGEND: tuple[str, ...] = (
    "max part    series/candidate slots of the largest independent part",
    "slots       candidate slots of all series (one Boolean each)",
    "meetings    meetings in the returned plan (a..b when runs differ, as for objective, bound)",
    "gap %       worst run: |objective - bound| / max(1, objective), the solver's own numbers",
    "checker obj the cost motesplan.check measures on the returned plans",
    "median s    wall seconds of motesplan.solve (model building included); min s, max s alike",
    "no-canon s  median of the same solve with SolveOptions(canonical=False)",
    "violations  hard-rule violations motesplan.check found, summed over runs (must be 0)",
    "chk=obj     the checker's objective equals the solver's in every run with a plan",
)


def _parse_cases(text: str) -> list[tuple[int, int]]:
    cases = []
    for item in text.split(","):
        try:
            n, y = item.lower().split("x")
            cases.append((int(n), int(y)))
        except ValueError as error:
            raise argparse.ArgumentTypeError(f"expected SERIESxYEARS, got {item!r}") from error
        if cases[-1][0] < 2 or cases[-1][1] < 1:
            raise argparse.ArgumentTypeError(f"need at least 2 series and 1 year: {item!r}")
    return cases


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print the table; 1 when a check fails."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--runs", type=int, help="runs per case (default: 5, 3 for 80+ series-years)"
    )
    parser.add_argument(
        "--quick", action="store_true", help="only the example and the smallest case, once"
    )
    parser.add_argument("--time-limit", type=float, default=10.0, help="seconds (default 10)")
    parser.add_argument("--workers", type=int, default=2, help="CP-SAT workers (default 2)")
    parser.add_argument("--seed", type=int, default=1, help="seed of the generator (default 1)")
    parser.add_argument(
        "--cases",
        type=_parse_cases,
        help="generated sizes as SERIESxYEARS,... (default: 10, 20, 40 series x 1, 2, 4 years)",
    )
    parser.add_argument(
        "--no-compare",
        action="store_true",
        help="do not also time each case without the canonical second solve",
    )
    args = parser.parse_args(argv)
    if args.runs is not None and args.runs < 1:
        parser.error("--runs must be 1 or more")

    sizes = args.cases or list(SIZES)
    if args.quick:
        sizes = [min(sizes, key=lambda size: size[0] * size[1])]
    options = SolveOptions(time_limit=args.time_limit, workers=args.workers)

    def note(text: str) -> None:
        print(text, file=sys.stderr, flush=True)

    def runs_for(series_years: int) -> int:
        if args.quick:
            return 1
        if args.runs is not None:
            return int(args.runs)
        return 3 if series_years >= LARGE else 5

    cases: list[tuple[str, Callable[[], Problem], int]] = [
        ("example 2024", load_example, runs_for(1))
    ]
    for n, y in sizes:
        cases.append((f"gen {n}x{y}", partial(generate, n, y, args.seed), runs_for(n * y)))

    rows = []
    for label, build, runs in cases:
        started = time.perf_counter()
        problem = build()
        note(f"{label}: built in {time.perf_counter() - started:.2f} s")
        rows.append(
            bench_case(
                label,
                problem,
                runs=runs,
                options=options,
                compare=not args.no_compare,
                note=note,
            )
        )

    print("\n".join(machine()))
    print(
        f"solve: time limit {args.time_limit:g} s, {args.workers} workers, canonical on;"
        f" generator seed {args.seed}; times are wall seconds of motesplan.solve"
    )
    print()
    print(format_table(rows, COLUMNS, set(LEFT)))
    print()
    print("\n".join(LEGEND))
    ok = all(row["violations"] == "0" and row["chk=obj"] != "NO" for row in rows)
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
