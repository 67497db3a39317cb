"""The CP-SAT model of a meeting plan. The only module of the planner that imports OR-Tools.

One Boolean per candidate slot ("series s meets on this day"); every hard rule is
a constraint on those Booleans, every soft term a linear expression in them.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Sequence
from typing import Any, TypeAlias

from attrs import frozen
from ortools.sat.python import cp_model

from motesplan.freedays import Calendar, Slot, spans
from motesplan.model import Link, Problem, Series
from motesplan.objective import SPREAD_SCALE, spread_target
from motesplan.plan import Cost, Status

__all__ = ["PartResult", "PlanModel"]

# OR-Tools types its expressions as a union with numpy scalars that mypy cannot add
# together; inside this module expressions are simply "an OR-Tools linear expression".
Expr: TypeAlias = Any

_STATUS = {
    cp_model.OPTIMAL: Status.OPTIMAL,
    cp_model.FEASIBLE: Status.FEASIBLE,
    cp_model.INFEASIBLE: Status.INFEASIBLE,
    cp_model.UNKNOWN: Status.TIMED_OUT,
}


@frozen
class _Term:
    rule: str
    subject: str
    points: Expr
    amount: Expr
    meeting: Slot | None = None


@frozen
class PartResult:
    """The outcome of solving one independent part."""

    status: Status
    chosen: tuple[Slot, ...]
    objective: int | None
    bound: int | None
    costs: tuple[Cost, ...]
    runtime: float


class _Callback(cp_model.CpSolverSolutionCallback):
    def __init__(self, report: Callable[[float, float, float], None]) -> None:
        super().__init__()
        self._report = report

    def on_solution_callback(self) -> None:
        self._report(self.objective_value, self.best_objective_bound, self.wall_time)


class PlanModel:
    """The CP-SAT model of some series of a problem (one independent part).

    Args:
        problem: the problem.
        calendar: its calendar of free days.
        series: the series of this part.
    """

    def __init__(self, problem: Problem, calendar: Calendar, series: Sequence[Series]) -> None:
        self.problem = problem
        self.calendar = calendar
        self.series = tuple(series)
        self.model = cp_model.CpModel()
        self.slots: dict[str, tuple[tuple[Slot, cp_model.IntVar], ...]] = {}
        self.counts: dict[str, Expr] = {}
        self.terms: list[_Term] = []
        for each in self.series:
            self._add_series(each)
        self._add_no_overlap()
        ids = {each.id for each in self.series}
        for link in problem.links:
            if link.after in ids:
                self._add_link(link)
        self.objective = sum(term.points for term in self.terms)
        self.model.minimize(self.objective)

    # -- hard rules --------------------------------------------------------

    def _add_series(self, series: Series) -> None:
        model = self.model
        pairs = tuple(
            (slot, model.new_bool_var(f"{series.id}@{slot.date}"))
            for slot in self.calendar.slots(series.id)
        )
        self.slots[series.id] = pairs
        for slot, chosen in pairs:
            if slot.pin is not None:
                model.add(chosen == 1)
        count = sum(chosen for _, chosen in pairs)
        self.counts[series.id] = count
        model.add(count >= series.count.min)
        model.add(count <= series.count.max)
        if series.min_gap_days:
            self._add_min_gap(pairs, series.min_gap_days)
        if series.max_gap_days is not None:
            self._add_max_gap(pairs, series.max_gap_days)
        self._add_count_term(series, count)
        self._add_spread_term(series, pairs)
        self._add_slot_terms(series, pairs)

    def _add_min_gap(self, pairs: Sequence[tuple[Slot, cp_model.IntVar]], gap: int) -> None:
        for i, (slot, _) in enumerate(pairs):
            window = [chosen for other, chosen in pairs[i:] if (other.date - slot.date).days < gap]
            if len(window) > 1:
                self.model.add_at_most_one(window)

    def _add_max_gap(self, pairs: Sequence[tuple[Slot, cp_model.IntVar]], gap: int) -> None:
        model = self.model
        # later[k]: some meeting on slot k or after.
        later: list[cp_model.IntVar] = [model.new_bool_var("") for _ in pairs]
        for k in reversed(range(len(pairs))):
            chosen = pairs[k][1]
            model.add(later[k] >= chosen)
            if k + 1 < len(pairs):
                model.add(later[k] >= later[k + 1])
                model.add(later[k] <= chosen + later[k + 1])
            else:
                model.add(later[k] <= chosen)
        for i, (slot, chosen) in enumerate(pairs):
            limit = slot.date + dt.timedelta(days=gap)
            window = [other for other, _ in pairs[i + 1 :] if other.date <= limit]
            beyond = i + 1 + len(window)
            if beyond < len(pairs):
                inside = sum(c for _, c in pairs[i + 1 : beyond])
                model.add(chosen + later[beyond] <= 1 + inside)

    def _add_no_overlap(self) -> None:
        """Meetings of one body never overlap in time."""
        by_body_day: dict[tuple[str, dt.date], list[tuple[int, int, cp_model.IntVar]]] = (
            defaultdict(list)
        )
        for series in self.series:
            for slot, chosen in self.slots[series.id]:
                for day, first, last in spans(slot.date, slot.start, slot.end, slot.end_date):
                    by_body_day[(series.body, day)].append((first, last, chosen))
        for items in by_body_day.values():
            if len(items) < 2:
                continue
            cliques: set[tuple[int, ...]] = set()
            for point, _, _ in items:
                clique = tuple(
                    sorted(chosen.index for first, last, chosen in items if first <= point < last)
                )
                if len(clique) > 1:
                    cliques.add(clique)
            by_index = {chosen.index: chosen for _, _, chosen in items}
            for clique in sorted(cliques):
                self.model.add_at_most_one([by_index[index] for index in clique])

    def _add_link(self, link: Link) -> None:
        model = self.model
        before = self.slots[link.before]
        for slot, chosen in self.slots[link.after]:
            distances: dict[int, list[cp_model.IntVar]] = defaultdict(list)
            for other, other_chosen in before:
                distance = link.distance(other.date, slot.date)
                if link.hard and distance == 0:
                    distances[0].append(other_chosen)
                elif not link.hard and distance < link.cap_days:
                    distances[distance].append(other_chosen)
            if link.hard:
                if distances:
                    model.add(chosen <= sum(distances[0]))
                else:
                    model.add(chosen == 0)
                continue
            values = sorted(distances)
            if not values:
                deviation: Expr = link.cap_days * chosen
            else:
                deviation = values[0] * chosen
                covered: Expr = 0
                for j, value in enumerate(values):
                    now_covered = model.new_bool_var("")
                    model.add(now_covered <= covered + sum(distances[value]))
                    uncovered = model.new_bool_var("")
                    model.add(uncovered >= chosen - now_covered)
                    following = values[j + 1] if j + 1 < len(values) else link.cap_days
                    deviation += (following - value) * uncovered
                    covered = now_covered
            self.terms.append(_Term("link", link.label, link.weight * deviation, deviation, slot))

    # -- soft terms --------------------------------------------------------

    def _add_count_term(self, series: Series, count: Expr) -> None:
        low, high, preferred = series.count.min, series.count.max, series.count.preferred
        if low == high:
            return
        away = self.model.new_int_var(0, high - low, "")
        self.model.add(away >= count - preferred)
        self.model.add(away >= preferred - count)
        self.terms.append(_Term("count", series.id, self.problem.weights.count * away, away))

    def _add_spread_term(
        self, series: Series, pairs: Sequence[tuple[Slot, cp_model.IntVar]]
    ) -> None:
        model = self.model
        slots = len(pairs)
        low, high = series.count.min, series.count.max
        if slots == 0 or high == 0:
            return
        choices = range(low, high + 1)
        if low == high:
            pick: dict[int, Expr] = {low: 1}
        else:
            pick = {n: model.new_bool_var("") for n in choices}
            model.add_exactly_one(list(pick.values()))
            model.add(self.counts[series.id] == sum(n * pick[n] for n in choices))
        total: Expr = 0
        so_far: Expr = 0
        for k, (_, chosen) in enumerate(pairs):
            so_far_var = model.new_int_var(0, min(k + 1, high), "")
            model.add(so_far_var == so_far + chosen)
            so_far = so_far_var
            target = sum(spread_target(n, k, slots) * pick[n] for n in choices)
            away = model.new_int_var(0, SPREAD_SCALE * (high + 1), "")
            model.add(away >= SPREAD_SCALE * so_far_var - target)
            model.add(away >= target - SPREAD_SCALE * so_far_var)
            total += away
        self.terms.append(_Term("spread", series.id, self.problem.weights.spread * total, total))

    def _add_slot_terms(self, series: Series, pairs: Sequence[tuple[Slot, Expr]]) -> None:
        """Per-meeting costs: a place further down the list, soft unavailable time."""
        weight = self.problem.weights.location
        for slot, chosen in pairs:
            if slot.location_rank:
                steps = slot.location_rank * chosen
                self.terms.append(_Term("location", series.id, weight * steps, steps, slot))
            if slot.soft_points:
                points = slot.soft_points * chosen
                self.terms.append(_Term("unavailable", series.id, points, points, slot))

    # -- solving -------------------------------------------------------------

    def solve(
        self,
        *,
        time_limit: float,
        workers: int,
        canonical: bool,
        log: bool,
        report: Callable[[float, float, float], None] | None,
    ) -> PartResult:
        """Solve, then (if ``canonical`` and proven optimal) find the canonical optimum."""
        solver = cp_model.CpSolver()
        solver.parameters.max_time_in_seconds = time_limit
        solver.parameters.num_workers = workers
        solver.parameters.random_seed = 0
        solver.parameters.log_search_progress = log
        code = solver.solve(self.model, _Callback(report) if report else None)
        runtime = solver.wall_time
        status = _STATUS.get(code)
        if status is None:  # MODEL_INVALID: a bug in this module, never the user's input
            raise RuntimeError(f"CP-SAT rejected the model: {solver.status_name(code)}")
        if not status.has_plan:
            return PartResult(status, (), None, None, (), runtime)
        objective = round(solver.objective_value)
        bound = round(solver.best_objective_bound)
        values: Callable[[Expr], int] = solver.value
        if status is Status.OPTIMAL and canonical and time_limit - runtime > 0:
            canonical_solver = self._canonical(objective, time_limit - runtime)
            runtime += canonical_solver.wall_time if canonical_solver else 0.0
            if canonical_solver is not None:
                values = canonical_solver.value
        chosen = tuple(slot for pairs in self.slots.values() for slot, var in pairs if values(var))
        costs = tuple(
            Cost(
                rule=term.rule,
                subject=term.subject,
                points=values(term.points),
                amount=values(term.amount),
                meeting=f"{term.meeting.series}@{term.meeting.date}" if term.meeting else None,
            )
            for term in self.terms
        )
        return PartResult(status, chosen, objective, bound, costs, runtime)

    def _canonical(self, objective: int, time_limit: float) -> cp_model.CpSolver | None:
        """Solve again with one worker, a fixed seed and no hint, the cost bounded by the
        proven optimum: the same optimal plan whatever search found that optimum."""
        self.model.add(self.objective <= objective)  # the last use of this model
        solver = cp_model.CpSolver()
        solver.parameters.max_time_in_seconds = time_limit
        solver.parameters.num_workers = 1
        solver.parameters.random_seed = 0
        code = solver.solve(self.model)
        return solver if code == cp_model.OPTIMAL else None
