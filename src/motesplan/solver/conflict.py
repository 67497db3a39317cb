"""A minimal conflict among guarded rules: the one shrinking loop of the planner's and
the rotation's explanations.

Both explaining models guard each group of the user's hard rules by a Boolean; a
*test* solves the model with exactly some of the rules on (as assumptions) and says
whether they hold together. CP-SAT answers an infeasible test with a subset of the
assumptions that is already infeasible (its *core*).

:func:`first_core` runs the first test, with every candidate rule on. :func:`shrink`
then removes rules by deletion: each rule of the core in turn is left out and the
rest tested again. Still infeasible, the rule was not needed (and the new, possibly
smaller, core replaces the old one); feasible, it stays. A test that runs out of
time keeps its rule and marks the result as not shown minimal. The rules are tried
in the order given, so the caller puts first the rules that explain least.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Collection, Hashable, Sequence
from typing import TypeVar

from motesplan.planner.plan import Status

__all__ = ["MIN_STEP_SECONDS", "Test", "first_core", "shrink"]

K = TypeVar("K", bound=Hashable)

Test = Callable[[Sequence[K], float], tuple[Status, Collection[K]]]
"""Solve with exactly these rules on, within this many seconds: the status
(``infeasible``, a plan status, or ``timed_out``) and, when infeasible, the rules of
the solver's core."""

MIN_STEP_SECONDS = 0.5
"""A deletion step gets at least this long (within the deadline), else an even share
of the time left over the rules still to test."""


def first_core(test: Test[K], rules: Sequence[K], deadline: float) -> list[K] | None:
    """The rules of the first core, in the order given; ``None`` when the rules hold
    together or no answer came before the deadline."""
    status, core = test(rules, deadline - time.perf_counter())
    if status is not Status.INFEASIBLE:
        return None
    found = set(core)
    return [rule for rule in rules if rule in found] or list(rules)


def shrink(test: Test[K], core: Sequence[K], deadline: float) -> tuple[list[K], bool]:
    """A subset of ``core`` that cannot hold, and whether it was shown minimal (dropping
    any one of its rules lets the rest hold). ``core`` must be known not to hold."""
    kept = list(core)
    needed: set[K] = set()
    minimal = True
    for rule in list(kept):
        if rule in needed or rule not in kept:
            continue  # already known to be needed, or dropped with an earlier core
        left = deadline - time.perf_counter()
        if left <= 0:
            return kept, False
        untested = sum(1 for other in kept if other not in needed)
        rest = [other for other in kept if other != rule]
        status, found = test(rest, max(left / untested, min(left, MIN_STEP_SECONDS)))
        if status is Status.INFEASIBLE:
            inside = set(found)
            kept = [other for other in rest if other in inside] or rest
        else:  # needed (or not known in time: kept, and the set may not be minimal)
            needed.add(rule)
            minimal = minimal and status.has_plan
    return kept, minimal
