"""The solver seam: :func:`solve` turns a :class:`~motesplan.Problem` into a
:class:`~motesplan.Result`; :func:`replan` and :func:`alternatives` change a booked
plan as little as possible.

Only the private modules of this package import OR-Tools; nothing else in
motesplan knows CP-SAT exists. Independent parts of a problem (series that share
no link and no body) are solved separately and the results merged.
"""

from __future__ import annotations

from motesplan.solver._options import Progress, SolveOptions
from motesplan.solver._plan import solve
from motesplan.solver._replan import alternatives, replan
from motesplan.solver._rotation import solve_rotation

__all__ = ["Progress", "SolveOptions", "alternatives", "replan", "solve", "solve_rotation"]
