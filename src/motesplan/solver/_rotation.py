"""The CP-SAT model of a chair rotation. Imports OR-Tools; nothing outside solver/ does.

One Boolean per member, year and seat. The hard rules are constraints on them;
the turn order is a soft cost: each member's first position in the sequence of
seats (the chairs of the planned years, then the next chair) against its place
in the turn order.
"""

from __future__ import annotations

import time
from typing import Any, TypeAlias

from ortools.sat.python import cp_model

from motesplan.plan import Status
from motesplan.rotation import (
    Role,
    RotationPlan,
    RotationProblem,
    RotationResult,
    RotationYear,
    ideal_positions,
    is_eligible,
)
from motesplan.solver._options import SolveOptions
from motesplan.solver._sat import STATUS, make_solver
from motesplan.text import phrase

__all__ = ["solve_rotation"]

Expr: TypeAlias = Any  # an OR-Tools linear expression (see _cpsat.py)


def _precheck(problem: RotationProblem) -> str:
    """A one-line reason when no rotation is possible for an obvious reason."""
    language = problem.language
    for year in problem.years:
        for role in Role:
            agreed = {a.member for a in problem.agreements if a.year == year and a.role is role}
            if len(agreed) > 1:
                return phrase(
                    "rot.reason.two_agreed",
                    language,
                    year=year,
                    role=phrase(f"rot.{role.value}", language),
                    members=", ".join(problem.member_name(m) for m in sorted(agreed)),
                )
            able = [m for m in problem.member_ids if problem.excluded(m, year, role) is None]
            if not able:
                return phrase(
                    "rot.reason.nobody",
                    language,
                    year=year,
                    role=phrase(f"rot.{role.value}", language),
                )
        for agreement in problem.agreements:
            if agreement.year == year and problem.excluded(agreement.member, year, agreement.role):
                return phrase(
                    "rot.reason.agreed_excluded",
                    language,
                    member=problem.member_name(agreement.member),
                    year=year,
                    role=phrase(f"rot.{agreement.role.value}", language),
                )
    return ""


class RotationModel:
    """The CP-SAT model of one rotation problem."""

    def __init__(self, problem: RotationProblem) -> None:
        self.problem = problem
        model = self.model = cp_model.CpModel()
        members, years = problem.member_ids, problem.years
        self.chair = {(m, y): model.new_bool_var(f"c_{m}_{y}") for m in members for y in years}
        self.vice = {(m, y): model.new_bool_var(f"v_{m}_{y}") for m in members for y in years}
        for year in years:
            model.add_exactly_one(self.chair[m, year] for m in members)
            model.add_exactly_one(self.vice[m, year] for m in members)
            for member in members:
                model.add(self.chair[member, year] + self.vice[member, year] <= 1)
                for role, seat in ((Role.CHAIR, self.chair), (Role.VICE_CHAIR, self.vice)):
                    if problem.excluded(member, year, role):
                        model.add(seat[member, year] == 0)
        for agreement in problem.agreements:
            seat = self.chair if agreement.role is Role.CHAIR else self.vice
            model.add(seat[agreement.member, agreement.year] == 1)
        self._add_groups()
        self.broken = self._add_succession()
        self._add_fairness()
        self.order_cost = self._add_order()
        self.objective = self.order_cost + problem.succession_weight * sum(self.broken)
        model.minimize(self.objective)

    def _add_groups(self) -> None:
        for grouping in self.problem.groups:
            if grouping.year not in self.problem.years:
                continue
            by_group: dict[str, list[str]] = {}
            for member, group in grouping.groups:
                by_group.setdefault(group, []).append(member)
            for group_members in by_group.values():
                seats = [self.chair[m, grouping.year] for m in group_members]
                seats += [self.vice[m, grouping.year] for m in group_members]
                self.model.add(sum(seats) <= 1)

    def _add_succession(self) -> list[Expr]:
        """The vice-chair chairs the year after: hard, or one broken-flag per year."""
        problem, model = self.problem, self.model
        broken: list[Expr] = []
        successor = problem.successor()
        if successor is not None:
            first = self.chair[successor, problem.first_year]
            if problem.succession:
                model.add(first == 1)
            else:
                flag = model.new_bool_var("")
                model.add(flag >= 1 - first)
                broken.append(flag)
        for year in problem.years[:-1]:
            if problem.succession:
                for member in problem.member_ids:
                    model.add(self.vice[member, year] == self.chair[member, year + 1])
            else:
                flag = model.new_bool_var("")
                for member in problem.member_ids:
                    model.add(flag >= self.vice[member, year] - self.chair[member, year + 1])
                broken.append(flag)
        return broken

    def _eligible(self, member: str, start: int, end: int) -> bool:
        """Whether ``member`` must have chaired in ``start..end-1`` before another member
        chairs again: yes, unless it was excluded from chairing in every planned year
        of that stretch (an empty stretch excuses nobody)."""
        return is_eligible(self.problem, member, start, end)

    def _add_fairness(self) -> None:
        """Nobody chairs twice before every other eligible member has chaired since.

        Only members excluded from chairing in some planned year can ever be excused;
        when even without them more members wait than there are years in between,
        the rule is a plain "not then" (or "at most once"), which keeps the model small
        for hundreds of members.
        """
        problem, model = self.problem, self.model
        members, years = problem.member_ids, problem.years
        excusable = {e.member for e in problem.exclusions if Role.CHAIR in e.roles}
        for member in members:
            last = problem.last_chaired(member)
            if last is not None:
                chaired_since = {t.chair for t in problem.history if t.year > last}
                waiting = [m for m in members if m != member and m not in chaired_since]
                for year in years:
                    if len([m for m in waiting if m not in excusable]) > year - problem.first_year:
                        model.add(self.chair[member, year] == 0)
                        continue
                    needed = [m for m in waiting if self._eligible(m, last + 1, year)]
                    self._require_between(member, year, needed, problem.first_year)
            others = len(members) - 1 - len(excusable - {member})
            if others > len(years) - 2:  # no two planned years are far enough apart
                model.add(sum(self.chair[member, year] for year in years) <= 1)
                continue
            for index, first in enumerate(years):
                for second in years[index + 1 :]:
                    needed = [
                        m for m in members if m != member and self._eligible(m, first + 1, second)
                    ]
                    if len(needed) > second - first - 1:
                        model.add(self.chair[member, first] + self.chair[member, second] <= 1)
                    else:
                        both = model.new_bool_var("")
                        model.add_bool_and(
                            [self.chair[member, first], self.chair[member, second]]
                        ).only_enforce_if(both)
                        model.add(
                            both >= self.chair[member, first] + self.chair[member, second] - 1
                        )
                        self._require_between(member, second, needed, first + 1, both)

    def _require_between(
        self, member: str, year: int, needed: list[str], start: int, enforce: Expr | None = None
    ) -> None:
        """If ``member`` chairs ``year`` (and ``enforce``), every one of ``needed`` chairs a
        year in ``start..year-1``."""
        trigger = self.chair[member, year] if enforce is None else enforce
        if len(needed) > year - start:  # not enough years in between: it cannot chair then
            self.model.add(trigger == 0)
            return
        for other in needed:
            earlier = [self.chair[other, y] for y in range(start, year)]
            self.model.add_bool_or(earlier).only_enforce_if(trigger)

    def _add_order(self) -> Expr:
        """Distance of each member's first seat from its place in the turn order."""
        problem, model = self.problem, self.model
        years = problem.years
        n = len(years)
        ideal = ideal_positions(problem)
        total: list[Expr] = []
        for member in problem.member_ids:
            seats = [self.chair[member, y] for y in years] + [self.vice[member, years[-1]]]
            seen: Expr = 0
            before = []  # before[k]: not seated at 0..k
            for k, seat in enumerate(seats):
                now = model.new_bool_var("")
                model.add(now >= seat)
                if k:
                    model.add(now >= seen)
                model.add(now <= seen + seat)
                before.append(1 - now)
                seen = now
            position = sum(before)  # the first position seated, or n + 1
            away = model.new_int_var(0, n + 1, "")
            model.add_abs_equality(away, position - ideal[member])
            total.append(away)
        return sum(total)

    def plan(self, values: Any) -> RotationPlan:
        rows = []
        for year in self.problem.years:
            chair = next(m for m in self.problem.member_ids if values(self.chair[m, year]))
            vice = next(m for m in self.problem.member_ids if values(self.vice[m, year]))
            rows.append(RotationYear(year, chair, vice))
        return RotationPlan(self.problem.body, tuple(rows))


def solve_rotation(problem: RotationProblem, options: SolveOptions | None = None) -> RotationResult:
    """Plan the chairs and vice-chairs of ``problem`` (see :mod:`motesplan.rotation`).

    Deterministic: after the optimum is proven, one more search with one worker and
    a fixed seed picks the plan, so the same input gives the same plan.

    >>> from motesplan import Member
    >>> from motesplan.rotation import RotationProblem, Term
    >>> problem = RotationProblem("K", [Member(x) for x in "abcd"], 2024, 2026,
    ...     history=[Term(2023, "a", "b")])
    >>> [(y.year, y.chair, y.vice_chair) for y in solve_rotation(problem).plan.years]
    [(2024, 'b', 'c'), (2025, 'c', 'd'), (2026, 'd', 'a')]
    """
    options = options or SolveOptions()
    started = time.perf_counter()
    reason = _precheck(problem)
    if reason:
        return RotationResult(
            Status.INFEASIBLE, reason=reason, runtime=time.perf_counter() - started
        )
    rotation = RotationModel(problem)
    solver = make_solver(options.time_limit - (time.perf_counter() - started), options.workers)
    solver.parameters.log_search_progress = options.log
    status = STATUS[solver.solve(rotation.model)]
    if not status.has_plan:
        key = "rot.reason.infeasible" if status is Status.INFEASIBLE else "rot.reason.timed_out"
        reason = phrase(key, problem.language, body=problem.body, seconds=f"{options.time_limit:g}")
        return RotationResult(status, reason=reason, runtime=time.perf_counter() - started)
    cost = round(solver.objective_value)
    values = solver.value
    left = options.time_limit - (time.perf_counter() - started)
    if status is Status.OPTIMAL and options.canonical and left > 0:
        rotation.model.add(rotation.objective <= cost)
        canonical = make_solver(left, 1)
        if canonical.solve(rotation.model) == cp_model.OPTIMAL:
            values = canonical.value
    return RotationResult(
        status, rotation.plan(values), cost, runtime=time.perf_counter() - started
    )
