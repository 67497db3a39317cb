"""CP-SAT settings shared by the planner and the rotation: statuses and solvers."""

from __future__ import annotations

from ortools.sat.python import cp_model

from motesplan.plan import Status

__all__ = ["STATUS", "make_solver"]

STATUS = {
    cp_model.OPTIMAL: Status.OPTIMAL,
    cp_model.FEASIBLE: Status.FEASIBLE,
    cp_model.INFEASIBLE: Status.INFEASIBLE,
    cp_model.UNKNOWN: Status.TIMED_OUT,
}


def make_solver(time_limit: float, workers: int) -> cp_model.CpSolver:
    """A CP-SAT solver with a fixed seed and a full LP relaxation.

    The spread terms are network flows whose LP relaxation is tight, but CP-SAT's
    default portfolio on few workers does not linearise them fully and its bound
    stalls. The full-problem workers are therefore ``max_lp`` (``linearization_level``
    2) first, then ``default_lp`` from the third worker on (with two workers CP-SAT
    runs one ``max_lp`` and its first-solution worker); with one worker, level 2.
    """
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = max(time_limit, 0.01)
    solver.parameters.num_workers = workers
    solver.parameters.random_seed = 0
    if workers == 1:
        solver.parameters.linearization_level = 2
    else:
        solver.parameters.subsolvers.extend(["max_lp", "default_lp"])
    return solver
