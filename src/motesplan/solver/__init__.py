"""The solver seam: :func:`solve` turns a :class:`~motesplan.Problem` into a
:class:`~motesplan.Result`; :func:`replan` and :func:`alternatives` change a booked
plan as little as possible; :func:`solve_rotation` proposes the chairs.

This face is the only way in: the modules under it (``planner/`` for the meeting plan,
``rotation/`` for the chairs, and what both share: ``options.py``, ``sat.py``, the one
CP-SAT solver factory, and ``conflict.py``, the shrinking of a conflict) are private,
and only they import OR-Tools; nothing else in motesplan knows CP-SAT exists. The
options are light; the solving functions load OR-Tools (with numpy and pandas) when
first used, so that ``SolveOptions`` can be made, and a configuration checked,
without it.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from motesplan.solver.options import Progress, SolveOptions

if TYPE_CHECKING:
    from motesplan.solver.planner.replan import alternatives, replan
    from motesplan.solver.planner.solve import solve
    from motesplan.solver.rotation.solve import solve_rotation

__all__ = ["Progress", "SolveOptions", "alternatives", "replan", "solve", "solve_rotation"]

_LAZY = {
    "solve": "motesplan.solver.planner.solve",
    "replan": "motesplan.solver.planner.replan",
    "alternatives": "motesplan.solver.planner.replan",
    "solve_rotation": "motesplan.solver.rotation.solve",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        value = getattr(import_module(_LAZY[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'motesplan.solver' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(__all__)
