"""The solver seam: :func:`solve` turns a :class:`~motesplan.Problem` into a
:class:`~motesplan.Result`; :func:`replan` and :func:`alternatives` change a booked
plan as little as possible; :func:`solve_rotation` proposes the chairs.

Only the private modules of this package import OR-Tools; nothing else in
motesplan knows CP-SAT exists. The options are light; the solving functions load
OR-Tools (with numpy and pandas) when first used, so that ``SolveOptions`` can be
made, and a configuration checked, without it.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from motesplan.solver._options import Progress, SolveOptions

if TYPE_CHECKING:
    from motesplan.solver._plan import solve
    from motesplan.solver._replan import alternatives, replan
    from motesplan.solver._rotation import solve_rotation

__all__ = ["Progress", "SolveOptions", "alternatives", "replan", "solve", "solve_rotation"]

_LAZY = {
    "solve": "motesplan.solver._plan",
    "replan": "motesplan.solver._replan",
    "alternatives": "motesplan.solver._replan",
    "solve_rotation": "motesplan.solver._rotation",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        value = getattr(import_module(_LAZY[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'motesplan.solver' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(__all__)
