"""The shrinking loop shared by the planner's and the rotation's explanations."""

from __future__ import annotations

import time
from collections.abc import Collection, Sequence

from hypothesis import given
from hypothesis import strategies as st

from motesplan.planner.plan import Status
from motesplan.solver.conflict import first_core, shrink


def conflicts_test(conflicts: Sequence[frozenset[int]], unknown: Collection[int] = ()):  # type: ignore[no-untyped-def]
    """A test function over plain sets: rules cannot hold together when they contain a
    conflict; the core is the whole set (as a solver that shrinks nothing); dropping a
    rule in ``unknown`` runs out of time."""

    def test(rules: Sequence[int], seconds: float) -> tuple[Status, set[int]]:
        assert seconds > 0
        chosen = set(rules)
        if unknown and not set(unknown) <= chosen:
            return Status.TIMED_OUT, set()
        if any(conflict <= chosen for conflict in conflicts):
            return Status.INFEASIBLE, chosen
        return Status.FEASIBLE, set()

    return test


def test_the_first_core_keeps_the_order_given() -> None:
    test = conflicts_test([frozenset({2, 5})])
    assert first_core(test, [5, 1, 2], time.perf_counter() + 5) == [5, 1, 2]
    assert first_core(test, [1, 2, 3], time.perf_counter() + 5) is None


def test_deletion_drops_what_is_not_needed() -> None:
    test = conflicts_test([frozenset({2, 5}), frozenset({3, 4, 7})])
    kept, minimal = shrink(test, [1, 2, 3, 4, 5, 6, 7], time.perf_counter() + 5)
    assert minimal
    # the rules tried first go first: 2 is dropped, so the second conflict remains
    assert kept == [3, 4, 7]


def test_a_step_out_of_time_keeps_its_rule_and_is_flagged() -> None:
    test = conflicts_test([frozenset({2, 5})], unknown={1})
    kept, minimal = shrink(test, [1, 2, 5], time.perf_counter() + 5)
    assert kept == [1, 2, 5]  # 1 could not be tested; 2 and 5 are needed
    assert not minimal


def test_no_time_left_returns_what_it_has() -> None:
    test = conflicts_test([frozenset({2, 5})])
    kept, minimal = shrink(test, [1, 2, 5], time.perf_counter() - 1)
    assert (kept, minimal) == ([1, 2, 5], False)


@given(
    st.lists(st.frozensets(st.integers(0, 12), min_size=1, max_size=4), min_size=1, max_size=4),
    st.permutations(list(range(13))),
)
def test_every_result_is_a_minimal_conflict(
    conflicts: list[frozenset[int]], order: list[int]
) -> None:
    test = conflicts_test(conflicts)
    found = first_core(test, order, time.perf_counter() + 5)
    assert found is not None  # every conflict lies within 0..12
    kept, minimal = shrink(test, found, time.perf_counter() + 5)
    assert minimal
    assert test(kept, 1)[0] is Status.INFEASIBLE
    for rule in kept:
        assert test([other for other in kept if other != rule], 1)[0] is Status.FEASIBLE
