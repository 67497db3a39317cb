"""Options of a solve and progress reports."""

from __future__ import annotations

from collections.abc import Callable

from attrs import field, frozen

from motesplan.errors import ValidationError
from motesplan.text import message

__all__ = ["Progress", "SolveOptions"]


def _positive(instance: object, attribute: object, value: float) -> None:
    if isinstance(value, bool) or not isinstance(value, int | float) or value <= 0:
        raise ValidationError(message("val.positive", value=value))


@frozen
class Progress:
    """A report from a running solve (for progress displays).

    Attributes:
        part: which independent part of the problem (1-based) is being solved.
        parts: how many parts there are.
        objective: cost of the best plan found so far in this part.
        bound: best proven lower bound in this part.
        elapsed: seconds since the solve started.
    """

    part: int
    parts: int
    objective: float
    bound: float
    elapsed: float


@frozen
class SolveOptions:
    """How to solve.

    Args:
        time_limit: seconds for the whole solve (shared by its independent parts).
        workers: CP-SAT search workers (threads) per part.
        canonical: after proving a plan optimal, search once more with one worker
            for an optimal plan, so the plan is the same whatever ``workers`` is.
        log: print CP-SAT's search log to stdout.
        on_progress: called with a :class:`Progress` each time a better plan is found.
    """

    time_limit: float = field(default=10.0, validator=_positive)
    workers: int = field(default=2, validator=_positive)
    canonical: bool = True
    log: bool = False
    on_progress: Callable[[Progress], None] | None = field(default=None, eq=False)
