"""CP-SAT settings shared by the planner and the rotation: one solver factory, one
status mapping."""

from __future__ import annotations

from ortools.sat.python import cp_model

from motesplan.planner.plan import Status

__all__ = ["make_solver", "status_of"]

_STATUS = {
    cp_model.OPTIMAL: Status.OPTIMAL,
    cp_model.FEASIBLE: Status.FEASIBLE,
    cp_model.INFEASIBLE: Status.INFEASIBLE,
    cp_model.UNKNOWN: Status.TIMED_OUT,
}


def status_of(code: cp_model.CpSolverStatus, solver: cp_model.CpSolver) -> Status:
    """What CP-SAT's status code means for a plan: ``optimal`` and ``feasible`` have an
    assignment, ``infeasible`` is proven, ``timed_out`` is neither (the limit came first).

    Raises:
        RuntimeError: CP-SAT rejected the model (``MODEL_INVALID``): a bug in the model,
            never the user's input.
    """
    if code not in _STATUS:
        raise RuntimeError(f"CP-SAT rejected the model: {solver.status_name(code)}")
    return _STATUS[code]


def make_solver(
    time_limit: float,
    workers: int = 1,
    *,
    lp: bool = False,
    presolve: bool = True,
    fix_hint: bool = False,
    first_plan: bool = False,
    log: bool = False,
) -> cp_model.CpSolver:
    """A CP-SAT solver with a fixed seed.

    Args:
        time_limit: seconds (at least 0.01).
        workers: search workers (threads).
        lp: a full LP relaxation, for the optimising searches. The spread terms are
            network flows whose LP relaxation is tight, but CP-SAT's default portfolio
            on few workers does not linearise them fully and its bound stalls. The
            full-problem workers are therefore ``max_lp`` (``linearization_level`` 2)
            first, then ``default_lp`` from the third worker on (with two workers
            CP-SAT runs one ``max_lp`` and its first-solution worker); with one worker,
            level 2.
        presolve: CP-SAT's presolve and symmetry search; off for the many small solves
            of an explanation, where they cost more than they save.
        fix_hint: every variable fixed to its hinted value (to complete a partial
            assignment, or replay a whole one).
        first_plan: stop at the first plan.
        log: print CP-SAT's search log.
    """
    solver = cp_model.CpSolver()
    parameters = solver.parameters
    parameters.max_time_in_seconds = max(time_limit, 0.01)
    parameters.num_workers = workers
    parameters.random_seed = 0
    if lp:
        if workers == 1:
            parameters.linearization_level = 2
        else:
            parameters.subsolvers.extend(["max_lp", "default_lp"])
    if not presolve:
        parameters.cp_model_presolve = False
        parameters.symmetry_level = 0
    if fix_hint:
        parameters.fix_variables_to_their_hinted_value = True
    if first_plan:
        parameters.stop_after_first_solution = True
    parameters.log_search_progress = log
    return solver
