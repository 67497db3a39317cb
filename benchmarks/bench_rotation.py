"""Benchmark the chair rotation: a family of generated rotations up to 290 members x 20 years.

For every case it prints the number of members and years, the status, the cost and
the median wall time of :func:`motesplan.solve_rotation` over several runs, and
checks every returned plan with :func:`motesplan.check_rotation` (no violations
allowed; the checker's cost must equal the solver's). It also times building the
CP-SAT model alone, the part of the solve that is plain Python.

Run it with::

    .venv/bin/python benchmarks/bench_rotation.py [--quick] [--runs N] [--time-limit S]
        [--workers W] [--cases 8x4,290x20g] [--seed N]

The generated problems are deterministic (a seeded ``random.Random``): the same
seed and size always give the same problem.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence

import attrs
from _common import format_table, machine

from motesplan import (
    Agreement,
    Exclusion,
    Grouping,
    Member,
    RotationPlan,
    RotationProblem,
    RotationResult,
    RotationYear,
    SolveOptions,
    Term,
    check_rotation,
    solve_rotation,
)
from motesplan.solver.rotation.model import RotationModel

FIRST_YEAR = 2027
MEMBERS: tuple[int, ...] = (8, 26, 50, 100, 200, 290)
YEARS: tuple[int, ...] = (4, 10, 20)
QUICK_SIZE = 260
"""Members × years up to which a case counts as small (``--quick`` runs only these)."""
KNOWN = 0.7
"""Share of the history's seats that are known."""
EXCLUDED = 0.02
"""Exclusions per member-year."""
ROLES: tuple[str, ...] = ("chair", "vice_chair", "both")
ELECTION_YEARS: tuple[int, ...] = tuple(range(2026, 2100, 4))
"""Swedish general elections; a member's group may change the year after one."""


@attrs.frozen
class Case:
    """One generated size: ``members`` × ``years``, with or without groups."""

    members: int
    years: int
    groups: bool

    @property
    def label(self) -> str:
        return f"{self.members}x{self.years}" + ("g" if self.groups else "")


def default_cases() -> list[Case]:
    """The full grid. Groups where every member chairs at most once in the plan
    (members >= 2 × years, so chairs can alternate between the two groups), on every
    other case in a checkerboard over the grid."""
    return [
        Case(n, y, groups=n >= 2 * y and (i + j) % 2 == 1)
        for i, n in enumerate(MEMBERS)
        for j, y in enumerate(YEARS)
    ]


# ---------------------------------------------------------------------------
# Problems


def generate(n_members: int, n_years: int, seed: int, *, groups: bool = False) -> RotationProblem:
    """A rotation of ``n_members`` members over ``n_years`` years from ``FIRST_YEAR``.

    * a history of the last 5-10 years before the plan that followed a turn order
      (a random permutation; the vice-chair chairs the year after), with about 70 %
      of its seats known; the chairs after the successor's own last known term are
      always known (else fairness over the known history would make the successor
      wait for members whose later terms are unknown, against the hard succession);
    * with ``groups``, two groups (majority, opposition), redrawn for about 30 % of
      the members after each election;
    * a witness plan that keeps every rule (see :func:`witness`);
    * about 2 % of the member-years excluded, as chair, vice-chair or both, never a
      seat the witness gives that member;
    * in about half the cases an agreement: a member without a known term chairs the
      year the witness gives it.

    So every generated problem is feasible, which ``check_rotation`` confirms on the
    witness; the optimum is usually another plan.
    """
    rng = random.Random(seed * 1_000_003 + n_members * 1_000 + n_years)
    members = [Member(f"m{k:03d}", f"Kommun {k}") for k in range(1, n_members + 1)]
    ids = [m.id for m in members]
    last_year = FIRST_YEAR + n_years - 1

    # history: a turn order followed for `depth` years, then seats forgotten
    depth = rng.randint(5, 10)
    cycle = rng.sample(ids, n_members)
    offset = rng.randrange(n_members)
    full = [
        (
            FIRST_YEAR - depth + k,
            cycle[(offset + k) % n_members],
            cycle[(offset + k + 1) % n_members],
        )
        for k in range(depth)
    ]
    known = [(rng.random() < KNOWN, rng.random() < KNOWN) for _ in full]
    if known[-1][1]:
        successor = full[-1][2]
        terms = [k for k, (_, chair, _) in enumerate(full) if chair == successor and known[k][0]]
        for k in range(terms[-1] + 1 if terms else len(full), len(full)):
            known[k] = (True, known[k][1])
    history = [
        Term(year, chair if chair_known else None, vice if vice_known else None)
        for (year, chair, vice), (chair_known, vice_known) in zip(full, known, strict=True)
    ]

    groupings: list[Grouping] = []
    if groups:
        group = {m: rng.choice(("majority", "opposition")) for m in ids}
        for year in range(FIRST_YEAR, last_year + 1):
            if year - 1 in ELECTION_YEARS:
                group = {
                    m: ("opposition" if g == "majority" else "majority")
                    if rng.random() < 0.3
                    else g
                    for m, g in group.items()
                }
            groupings.append(Grouping(year, dict(group)))

    problem = RotationProblem(
        "Samarbetskommittén",
        members,
        FIRST_YEAR,
        last_year,
        history=history,
        groups=groupings,
        name=f"Generated {n_members}x{n_years}",
    )
    plan = witness(problem, rng)
    seats = {(item.vice_chair, item.year, "vice_chair") for item in plan.years}
    seats |= {(item.chair, item.year, "chair") for item in plan.years}

    exclusions: dict[tuple[str, int], Exclusion] = {}
    count = max(1, round(EXCLUDED * n_members * n_years))
    while len(exclusions) < count:
        member, year = rng.choice(ids), rng.randint(FIRST_YEAR, last_year)
        roles = rng.choice(ROLES)
        covers = ("chair", "vice_chair") if roles == "both" else (roles,)
        if any((member, year, role) in seats for role in covers):
            continue
        exclusions.setdefault((member, year), Exclusion(member, year, roles, reason="förhinder"))

    agreements: list[Agreement] = []
    if rng.random() < 0.5:
        fresh = [
            item
            for item in plan.years[1:]
            if problem.last_chaired(item.chair) is None and item.chair != problem.successor()
        ]
        if fresh:
            item = rng.choice(fresh)
            agreements.append(Agreement(item.chair, item.year, "chair"))

    problem = attrs.evolve(problem, exclusions=list(exclusions.values()), agreements=agreements)
    if not check_rotation(problem, plan).ok:  # a bug in this generator
        raise AssertionError(f"generated {n_members}x{n_years}: the witness breaks a rule")
    return problem


def witness(problem: RotationProblem, rng: random.Random) -> RotationPlan:
    """A plan that keeps every rule of ``problem`` (before exclusions and agreements).

    The chairs go round in a fixed order, the vice-chair chairing the year after:
    the successor, the members without a known term (shuffled), then the others in
    the turn order (longest since their last term first). Fairness over the history
    holds because a member with a known term only waits for members before it. With
    groups, the next chair is the first of the round from the other group, so
    groups need members >= 2 × years (one round) to be sure to work.
    """
    successor = problem.successor()
    order = problem.turn_order()
    fresh = [m for m in order if problem.last_chaired(m) is None and m != successor]
    rng.shuffle(fresh)
    rest = [m for m in order if m not in fresh and m != successor]
    queue = ([successor] if successor is not None else []) + fresh + rest
    chairs: list[str] = []
    pending: list[str] = []
    for year in range(problem.first_year, problem.last_year + 2):
        if not pending:
            pending = chairs[-len(queue) :] if chairs else list(queue)
        pick = pending[0]
        if chairs:
            before = problem.group_of(chairs[-1], year - 1)
            pick = next(
                (m for m in pending if before is None or problem.group_of(m, year - 1) != before),
                pick,
            )
        pending.remove(pick)
        chairs.append(pick)
    plan = RotationPlan(
        problem.body,
        tuple(RotationYear(year, chairs[k], chairs[k + 1]) for k, year in enumerate(problem.years)),
    )
    found = check_rotation(problem, plan)
    if not found.ok:
        rules = ", ".join(sorted({v.rule for v in found.violations}))
        raise ValueError(
            f"no witness plan for {len(queue)} members x {len(problem.years)} years"
            f" (breaks {rules}); with groups, try more members or another seed"
        )
    return plan


# ---------------------------------------------------------------------------
# Running


@attrs.frozen
class Run:
    """One solve and its check."""

    result: RotationResult
    seconds: float
    violations: int
    checker_cost: int | None


def run_once(problem: RotationProblem, options: SolveOptions) -> Run:
    """Solve once (timed) and check the plan."""
    started = time.perf_counter()
    result = solve_rotation(problem, options)
    seconds = time.perf_counter() - started
    if result.plan is None:
        return Run(result, seconds, 0, None)
    report = check_rotation(problem, result.plan)
    return Run(result, seconds, len(report.violations), report.cost)


def build_seconds(problem: RotationProblem) -> tuple[float, int, int]:
    """Wall seconds to build the CP-SAT model alone, and its variables and constraints."""
    started = time.perf_counter()
    rotation = RotationModel(problem)
    seconds = time.perf_counter() - started
    proto = rotation.model.proto
    return seconds, len(proto.variables), len(proto.constraints)


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
    case: Case,
    problem: RotationProblem,
    *,
    runs: int,
    options: SolveOptions,
    note: Callable[[str], None],
) -> dict[str, str]:
    """Run one case and return its table row."""
    build, variables, constraints = build_seconds(problem)
    note(f"{case.label}: model {variables} vars, {constraints} constraints, built in {build:.2f} s")
    done: list[Run] = []
    for number in range(1, runs + 1):
        run = run_once(problem, options)
        done.append(run)
        note(
            f"{case.label} run {number}/{runs}: {run.result.status.value}"
            f" cost {run.result.cost} {run.seconds:.2f} s"
        )
    seconds = [run.seconds for run in done]
    planned = [run for run in done if run.result.plan is not None]
    agree = all(run.checker_cost == run.result.cost for run in planned)
    return {
        "case": case.label,
        "members": str(case.members),
        "years": str(case.years),
        "hist": str(len(problem.history)),
        "excl": str(len(problem.exclusions)),
        "agr": str(len(problem.agreements)),
        "groups": "yes" if problem.groups else "no",
        "vars": str(variables),
        "constraints": str(constraints),
        "build s": f"{build:.2f}",
        "status": _statuses(done),
        "cost": _spread([run.result.cost for run in done]),
        "runs": str(runs),
        "median s": f"{statistics.median(seconds):.2f}",
        "max s": f"{max(seconds):.2f}",
        "valid": ("yes" if all(run.violations == 0 for run in planned) else "NO")
        if planned
        else "-",
        "chk=cost": ("yes" if agree else "NO") if planned else "-",
    }


COLUMNS: tuple[str, ...] = (
    "case",
    "members",
    "years",
    "hist",
    "excl",
    "agr",
    "groups",
    "vars",
    "constraints",
    "build s",
    "status",
    "cost",
    "runs",
    "median s",
    "max s",
    "valid",
    "chk=cost",
)
LEFT = {"case", "groups", "status", "valid", "chk=cost"}
LEGEND: tuple[str, ...] = (
    "case        MEMBERSxYEARS, 'g' with groups (chair and vice-chair from different groups)",
    "hist        years of history (about 70 % of their seats known); excl exclusions;"
    " agr agreements",
    "vars        variables and constraints of the CP-SAT model (before presolve)",
    "build s     wall seconds to build that model alone (plain Python, included in median s)",
    "cost        the solver's cost (a..b when runs differ)",
    "median s    wall seconds of motesplan.solve_rotation (precheck, model, solve, canonical"
    " re-solve); max s alike",
    "valid       motesplan.check_rotation found no violation in any run's plan",
    "chk=cost    the checker's cost equals the solver's in every run with a plan",
)


def _parse_cases(text: str) -> list[Case]:
    cases = []
    for item in text.split(","):
        spec = item.strip().lower()
        groups = spec.endswith("g")
        try:
            n, y = spec.removesuffix("g").split("x")
            cases.append(Case(int(n), int(y), groups))
        except ValueError as error:
            raise argparse.ArgumentTypeError(f"expected MEMBERSxYEARS[g], got {item!r}") from error
        if cases[-1].members < 3 or cases[-1].years < 1:
            raise argparse.ArgumentTypeError(f"need at least 3 members and 1 year: {item!r}")
    return cases


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print the table; 1 when a check fails."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="runs per case (default 3)")
    parser.add_argument(
        "--quick",
        action="store_true",
        help=f"only the small cases (members x years <= {QUICK_SIZE}), once",
    )
    parser.add_argument("--time-limit", type=float, default=30.0, help="seconds (default 30)")
    parser.add_argument("--workers", type=int, default=2, help="CP-SAT workers (default 2)")
    parser.add_argument("--seed", type=int, default=1, help="seed of the generator (default 1)")
    parser.add_argument(
        "--cases",
        type=_parse_cases,
        help="sizes as MEMBERSxYEARS[g],... ('g': with groups; default: 8, 26, 50, 100, 200,"
        " 290 members x 4, 10, 20 years)",
    )
    args = parser.parse_args(argv)
    if args.runs < 1:
        parser.error("--runs must be 1 or more")

    cases = args.cases or default_cases()
    runs = args.runs
    if args.quick:
        cases = [case for case in cases if case.members * case.years <= QUICK_SIZE]
        runs = 1
    options = SolveOptions(time_limit=args.time_limit, workers=args.workers)

    def note(text: str) -> None:
        print(text, file=sys.stderr, flush=True)

    rows = []
    for case in cases:
        started = time.perf_counter()
        try:
            problem = generate(case.members, case.years, args.seed, groups=case.groups)
        except ValueError as error:
            parser.error(str(error))
        note(f"{case.label}: generated in {time.perf_counter() - started:.2f} s")
        rows.append(bench_case(case, problem, runs=runs, options=options, note=note))

    print("\n".join(machine()))
    print(
        f"solve_rotation: time limit {args.time_limit:g} s, {args.workers} workers, canonical on;"
        f" generator seed {args.seed}; first year {FIRST_YEAR}"
    )
    print()
    print(format_table(rows, COLUMNS, set(LEFT)))
    print()
    print("\n".join(LEGEND))
    ok = all(row["valid"] != "NO" and row["chk=cost"] != "NO" for row in rows)
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
