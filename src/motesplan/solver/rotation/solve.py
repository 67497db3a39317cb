"""Solving a chair rotation: :func:`solve_rotation` (the model: ``model.py``; why none
exists: ``explain.py``)."""

from __future__ import annotations

import time

from motesplan.planner.plan import Status
from motesplan.rotation.problem import Role, RotationProblem, RotationResult
from motesplan.solver.options import SolveOptions
from motesplan.solver.rotation.explain import explain_rotation
from motesplan.solver.rotation.model import RotationModel
from motesplan.solver.sat import make_solver, status_of
from motesplan.text import Message, message

__all__ = ["solve_rotation"]


def _precheck(problem: RotationProblem) -> Message | None:
    """A one-line reason when no rotation is possible for an obvious reason."""
    for year in problem.years:
        for role in Role:
            agreed = {a.member for a in problem.agreements if a.year == year and a.role is role}
            if len(agreed) > 1:
                return message(
                    "rot.reason.two_agreed",
                    year=year,
                    role=message(f"rot.{role.value}"),
                    members=", ".join(problem.member_name(m) for m in sorted(agreed)),
                )
            able = [m for m in problem.member_ids if problem.excluded(m, year, role) is None]
            if not able:
                return message("rot.reason.nobody", year=year, role=message(f"rot.{role.value}"))
        for agreement in problem.agreements:
            if agreement.year == year and problem.excluded(agreement.member, year, agreement.role):
                return message(
                    "rot.reason.agreed_excluded",
                    member=problem.member_name(agreement.member),
                    year=year,
                    role=message(f"rot.{agreement.role.value}"),
                )
    return None


def solve_rotation(problem: RotationProblem, options: SolveOptions | None = None) -> RotationResult:
    """Plan the chairs and vice-chairs of ``problem`` (see :mod:`motesplan.rotation.problem`).

    Deterministic: after the optimum is proven, one more search with one worker and
    a fixed seed picks the plan, so the same input gives the same plan.

    When no rotation exists (``infeasible``), ``reason`` says so in one line and
    ``explanation`` names a small set of the rules that cannot hold together, each
    with its key under ``[rotation]`` (searched for with a time limit of its own,
    ``options.time_limit``; ``None`` if none was found in it).

    >>> from motesplan import Member
    >>> from motesplan.rotation.problem import RotationProblem, Term
    >>> problem = RotationProblem("K", [Member(x) for x in "abcd"], 2024, 2026,
    ...     history=[Term(2023, "a", "b")])
    >>> [(y.year, y.chair, y.vice_chair) for y in solve_rotation(problem).plan.years]
    [(2024, 'b', 'c'), (2025, 'c', 'd'), (2026, 'd', 'a')]
    """
    options = options or SolveOptions()
    started = time.perf_counter()
    reason = _precheck(problem)
    if reason is not None:
        return _no_rotation(problem, reason, options, started)
    rotation = RotationModel(problem)
    left = options.time_limit - (time.perf_counter() - started)
    solver = make_solver(left, options.workers, lp=True, log=options.log)
    status = status_of(solver.solve(rotation.model), solver)
    if status is Status.INFEASIBLE:
        return _no_rotation(
            problem, message("rot.reason.infeasible", body=problem.body), options, started
        )
    if not status.has_plan:
        seconds = f"{options.time_limit:g}"
        reason = message("rot.reason.timed_out", body=problem.body, seconds=seconds)
        return RotationResult(status, reason=reason, runtime=time.perf_counter() - started)
    cost = round(solver.objective_value)
    values = solver.value
    left = options.time_limit - (time.perf_counter() - started)
    if status is Status.OPTIMAL and options.canonical and left > 0:
        rotation.model.add(rotation.objective <= cost)
        canonical = make_solver(left, 1, lp=True)
        if status_of(canonical.solve(rotation.model), canonical) is Status.OPTIMAL:
            values = canonical.value
    return RotationResult(
        status, rotation.plan(values), cost, runtime=time.perf_counter() - started
    )


def _no_rotation(
    problem: RotationProblem, reason: Message, options: SolveOptions, started: float
) -> RotationResult:
    """An infeasible result, with the rules that conflict.

    The explanation has a time limit of its own, ``options.time_limit``: proving that
    no rotation exists can take most of the solve's.
    """
    explanation = explain_rotation(problem, options.time_limit)
    runtime = time.perf_counter() - started
    return RotationResult(
        Status.INFEASIBLE, reason=reason, runtime=runtime, explanation=explanation
    )
