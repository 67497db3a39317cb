"""A large neighbourhood search of the project's own, over the series of one part.

A neighbourhood is a few series that are tied to each other (a series and the series
it is linked to, or each of them in turn when they are many). Its model is small: the
planner's model of just those series, with the series around them (linked to them, or
of the same body) present only as their fixed meetings, for the links and overlaps
that cross the border. Re-solving it exactly moves several series at once, which the
constructor's one-series-at-a-time improvement cannot, and CP-SAT proves such a small
model optimal in a fraction of a second where the whole part would take minutes.

Each re-solve runs on one worker with a deterministic limit (counted in work, not in
seconds), so a round of neighbourhoods that completes is the same in every run.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping, Sequence

from attrs import frozen

from motesplan.planner.freedays import FreeDays, Slot
from motesplan.planner.plan import Status
from motesplan.planner.problem import Problem, Series
from motesplan.solver.planner.model import Phase, PlanModel
from motesplan.solver.sat import make_solver, status_of

__all__ = ["DETERMINISTIC_TIME", "NEIGHBOURHOOD", "Neighbourhoods", "Outcome", "improve"]

NEIGHBOURHOOD = 4
"""At most this many series are re-solved together."""
DETERMINISTIC_TIME = 0.25
"""CP-SAT's deterministic time limit of one re-solve (roughly seconds of work)."""


@frozen
class Outcome:
    """What a run of the neighbourhood search did.

    Attributes:
        chosen: the better plan (every series' chosen slots), or ``None`` if none.
        finished: a whole round passed without a better plan (nothing more to find).
        stopped: the clock stopped it (what it found then depends on the machine).
        runtime: seconds spent.
    """

    chosen: dict[str, tuple[Slot, ...]] | None
    finished: bool
    stopped: bool
    runtime: float


class Neighbourhoods:
    """The neighbourhoods of one part and where the search among them stands.

    Args:
        problem: the problem.
        free_days: its free_days.
        series: the series of the part.
    """

    def __init__(self, problem: Problem, free_days: FreeDays, series: Sequence[Series]) -> None:
        self.problem = problem
        self.calendar = free_days
        self.series = tuple(series)
        ids = [each.id for each in self.series]
        self.position = {series_id: index for index, series_id in enumerate(ids)}
        self.linked: dict[str, set[str]] = {series_id: set() for series_id in ids}
        for link in problem.links:
            if link.before in self.linked and link.after in self.linked:
                self.linked[link.before].add(link.after)
                self.linked[link.after].add(link.before)
        self.groups = self._groups(ids)
        self.next = 0  # the next group to re-solve
        self.since_better = 0  # groups re-solved since the last better plan

    def reset(self) -> None:
        """The part has a better plan from elsewhere: every group is worth a try again."""
        self.since_better = 0

    @property
    def exhausted(self) -> bool:
        """Whether a whole round found nothing better (or there is no neighbourhood)."""
        return not self.groups or self.since_better >= len(self.groups)

    def _groups(self, ids: Sequence[str]) -> list[tuple[str, ...]]:
        groups: list[tuple[str, ...]] = []
        for series_id in ids:
            around = sorted(self.linked[series_id], key=self.position.__getitem__)
            if len(around) + 1 <= NEIGHBOURHOOD:
                options = [(series_id, *around)]
            else:
                options = [(series_id, other) for other in around]
            for option in options:
                group = tuple(sorted(option, key=self.position.__getitem__))
                if group not in groups:
                    groups.append(group)
        if len(groups) <= 1 or any(len(group) == len(ids) for group in groups):
            return []  # a group is the whole part: the full search does the same
        return groups

    def run(self, chosen: Mapping[str, Sequence[Slot]], deadline: float) -> Outcome:
        """Re-solve groups in turn from ``chosen`` until the deadline or a whole round
        without a better plan."""
        started = time.perf_counter()
        current = {series_id: tuple(slots) for series_id, slots in chosen.items()}
        better = False
        while not self.exhausted:
            left = deadline - time.perf_counter()
            if left <= 0:
                return self._outcome(current, better, stopped=True, started=started)
            found = self._resolve(self.groups[self.next], current, left)
            if found is None:
                return self._outcome(current, better, stopped=True, started=started)
            self.next = (self.next + 1) % len(self.groups)
            self.since_better += 1
            if found is not current:
                current, better = found, True
                self.since_better = 1
        return Outcome(current if better else None, True, False, time.perf_counter() - started)

    def _outcome(
        self, current: dict[str, tuple[Slot, ...]], better: bool, *, stopped: bool, started: float
    ) -> Outcome:
        return Outcome(current if better else None, False, stopped, time.perf_counter() - started)

    def _resolve(
        self, group: Sequence[str], current: dict[str, tuple[Slot, ...]], seconds: float
    ) -> dict[str, tuple[Slot, ...]] | None:
        """``current`` with the group's series placed at their best given the others
        (``current`` itself when nothing better was found); ``None`` when the clock
        stopped the re-solve."""
        members = set(group)
        bodies = {self.problem.get_series(series_id).body for series_id in group}
        around = {
            each.id
            for each in self.series
            if each.id not in members
            and (each.body in bodies or any(each.id in self.linked[m] for m in members))
        }
        model = PlanModel(
            self.problem,
            self.calendar,
            [self.problem.get_series(series_id) for series_id in group],
            fixed={series_id: current[series_id] for series_id in sorted(around)},
        )
        cost = model.start_from(current)
        if cost is None:  # cannot happen for a plan that keeps the rules
            return current
        return self._solve(model, cost, current, seconds)

    @staticmethod
    def _solve(
        model: PlanModel, cost: int, current: dict[str, tuple[Slot, ...]], seconds: float
    ) -> dict[str, tuple[Slot, ...]] | None:
        assert model.hint_values is not None
        model.hint(model.hint_values)
        solver = make_solver(seconds, 1, lp=True)
        solver.parameters.max_deterministic_time = DETERMINISTIC_TIME
        status = status_of(solver.solve(model.model), solver)
        if not status.has_plan:
            return None if solver.wall_time >= seconds - 0.01 else current
        if status is Status.FEASIBLE and solver.wall_time >= seconds - 0.01:
            return None
        if round(solver.objective_value) >= cost:
            return current
        found = model.chosen_slots(model.assignment(solver))
        return {**current, **{series.id: found[series.id] for series in model.series}}


def improve(
    model: PlanModel,
    search: Neighbourhoods,
    time_limit: float,
    *,
    report: Callable[[float, float, float], None] | None = None,
) -> None:
    """Run the neighbourhood search on a part's model for at most ``time_limit``
    seconds, from its best plan, and give it the better plan found. After a whole
    round without a better plan (or when the part has no neighbourhood smaller than
    itself) the part's phase moves on to the full search."""
    if model.hint_values is None:
        model.phase = Phase.SEARCH
        return
    outcome = search.run(model.chosen_slots(model.hint_values), time.perf_counter() + time_limit)
    model.runtime += outcome.runtime
    if outcome.stopped:
        model.deterministic = False  # stopped by the clock, not by its own limits
    if outcome.finished:
        model.phase = Phase.SEARCH
    if outcome.chosen is not None:
        cost = model.start_from(outcome.chosen, first=False)
        if cost is not None and report is not None:
            report(cost, model.bound, 0)
