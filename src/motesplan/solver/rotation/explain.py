"""Why no rotation exists: a small set of the user's rules that cannot hold together.

The explaining model (:class:`RotationModel` with ``explain=True``) guards each group
of hard rules by an enforcement literal, a :class:`RuleKey`:

* each exclusion, each agreement and each grouping (``rotation.exclusions[i]``,
  ``rotation.agreements[i]``, ``rotation.groups[i]``): one line of the configuration;
* succession per year: "the vice-chair of 2025 chairs 2026" (``rotation.succession``),
  and for the first year "Salem, vice-chair in 2023, chairs 2024" (from the history
  entry ``rotation.history[i]``). Per year, because a conflict is nearly always about
  one or two handovers, and the years say which;
* fairness per member: ``fairness`` for the wait its last known term imposes ("Huddinge
  chaired in 2020 and waits for Haninge, ...", from ``rotation.history[i]``), and
  ``fairness_plan`` for chairing twice inside the plan. Per member, because the
  member is what people recognise: a single global rule would say only "fairness".

The definition of a year (one chair, one vice-chair, two members) is not the user's
to drop: it always holds, and is never named.

The search (:func:`find_conflict`): solve under the assumption that every rule holds;
CP-SAT's ``sufficient_assumptions_for_infeasibility()`` gives a first set; a model of
that set's rules alone (over the years they name) is then shrunk by the deletion loop
the planner's explanations use too (``solver/conflict.py``): each rule is dropped in
turn and the rest re-solved: still infeasible, it goes (and the set shrinks to the
solver's new core); feasible, it stays. A step that runs out of time keeps its rule
and marks the set as not proven minimal. Finally the summary looks for
the seat the conflict is about: the rules with that seat allowed to stay empty (or to
have two holders, or one member holding both seats) can hold, so "nobody can be
vice-chair in 2026" is true and to the point.

Everything runs on one worker with a fixed seed: the same problem gives the same
explanation.
"""

from __future__ import annotations

import time
from collections.abc import Collection, Iterable, Sequence
from typing import TypeAlias

from attrs import frozen

from motesplan.planner.explanation import ConflictRule, Explanation
from motesplan.planner.plan import Status
from motesplan.rotation.problem import Role, RotationPlan, RotationProblem
from motesplan.rotation.rules import RotationRule
from motesplan.solver.conflict import shrink
from motesplan.solver.rotation.model import Expr, RotationGuard, RotationModel, RuleKey
from motesplan.solver.sat import make_solver, status_of
from motesplan.text import Joined, Listing, Message, message

__all__ = [
    "Focus",
    "RotationConflict",
    "explain_rotation",
    "find_conflict",
    "plan_keeping",
    "rule_keys",
]

RotationConflictRule: TypeAlias = ConflictRule[RotationRule]

SUMMARY_RULES = 3
"""Up to this many rules, the summary says each of them after the headline."""
NAMES_SHOWN = 8
"""Members named in a list before "and N more"."""
STEP_SECONDS = 2.0
"""At most this long for one solve while looking for the seat a conflict is about."""


@frozen
class Focus:
    """What the conflict is about, for the summary.

    Attributes:
        kind: ``nobody`` (no member can hold ``role`` in ``year``), ``many`` (more
            than one would have to), ``same`` (one member would have to hold both
            seats in ``year``), ``agreement`` (the only agreement in the conflict
            cannot be kept) or ``rules`` (no single seat: the rules as a whole).
        year: the year, if any.
        role: the seat, if any.
        members: the members the rules force there, when known.
    """

    kind: str
    year: int | None = None
    role: Role | None = None
    members: tuple[str, ...] = ()


@frozen
class RotationConflict:
    """Rules of a rotation that cannot all hold together.

    Attributes:
        rules: the guarded rule groups, in display order.
        minimal: whether dropping any one of them was shown to leave rules that hold.
        focus: what the conflict is about.
    """

    rules: tuple[RuleKey, ...]
    minimal: bool
    focus: Focus


def _drop_order(keys: Iterable[RuleKey]) -> list[RuleKey]:
    """The order the shrinking tries the rules in (:attr:`RotationGuard.dropped`)."""
    return sorted(keys, key=lambda key: (key.kind.dropped, key))


class _Search:
    """An explaining model and its solves under assumptions."""

    def __init__(
        self,
        problem: RotationProblem,
        deadline: float,
        only: Collection[RuleKey] | None = None,
        years: Collection[int] | None = None,
    ) -> None:
        self.problem = problem
        self.deadline = deadline
        self.rotation = RotationModel(problem, explain=True, only=only, years=years)
        self.keys = sorted(self.rotation.guards)
        self.by_index = {self.rotation.guards[key].index: key for key in self.keys}
        self.definitions: list[Expr] = [
            *self.rotation.filled.values(),
            *self.rotation.single.values(),
            *self.rotation.differ.values(),
        ]
        self.solver = make_solver(0)

    def left(self) -> float:
        return self.deadline - time.perf_counter()

    def solve(
        self,
        rules: Collection[RuleKey],
        *,
        relax: Expr = None,
        extra: Sequence[Expr] = (),
        limit: float | None = None,
        presolve: bool = False,
    ) -> Status:
        """Solve with exactly ``rules`` on (the others off), every definition on but
        ``relax``, and the literals ``extra``; returns CP-SAT's status.

        Without ``presolve`` (the default) a solve of a small set of rules starts at
        once; CP-SAT's presolve and symmetry search cost more than they save there.
        """
        model = self.rotation.model
        model.clear_assumptions()
        guards = self.rotation.guards
        literals = [guards[key] if key in rules else ~guards[key] for key in self.keys]
        literals += [~item if item is relax else item for item in self.definitions]
        model.add_assumptions([*literals, *extra])
        seconds = self.left() if limit is None else min(limit, self.left())
        solver = self.solver = make_solver(seconds, presolve=presolve)
        return status_of(solver.solve(model), solver)

    def core(self) -> set[RuleKey]:
        """The rules among the assumptions CP-SAT found sufficient for infeasibility."""
        found = self.solver.sufficient_assumptions_for_infeasibility()
        return {self.by_index[index] for index in found if index in self.by_index}

    def test(self, rules: Sequence[RuleKey], seconds: float) -> tuple[Status, set[RuleKey]]:
        """Solve with exactly ``rules`` on (a test of ``solver/conflict.py``)."""
        status = self.solve(set(rules), limit=seconds)
        return status, (self.core() & set(rules) if status is Status.INFEASIBLE else set())


def find_conflict(problem: RotationProblem, time_limit: float) -> RotationConflict | None:
    """A small set of the problem's hard rules that cannot all hold together.

    First every rule, for CP-SAT's first set; then a model of that set alone, where
    each rule is dropped in turn (see the module's description).

    Args:
        problem: a rotation problem without any plan.
        time_limit: seconds for the whole search.

    Returns:
        The conflict, or ``None`` when the time ran out before one was found (or the
        problem has a plan after all).
    """
    deadline = time.perf_counter() + time_limit
    search = _Search(problem, deadline)
    everything = set(search.keys)
    if search.solve(everything, presolve=True) is not Status.INFEASIBLE:
        return None
    core = search.core() or everything
    search, core = _core_search(problem, deadline, core)
    kept, minimal = shrink(search.test, _drop_order(core), deadline)
    core = set(kept)
    focus = _focus(search, core)
    return RotationConflict(tuple(sorted(core)), minimal, focus)


def _core_search(
    problem: RotationProblem, deadline: float, core: set[RuleKey]
) -> tuple[_Search, set[RuleKey]]:
    """A model of the core's rules alone, over as few years as will do: the years its
    rules name; with fairness, which looks back, the years up to the last named one,
    if the rules already cannot hold there (else every year)."""
    named = _focus_years(problem, core)
    if not any(key.kind.rule is RotationRule.FAIRNESS for key in core):
        return _Search(problem, deadline, only=core, years=named), core
    prefix = [year for year in problem.years if year <= max(named)]
    if len(prefix) < len(problem.years):
        search = _Search(problem, deadline, only=core, years=prefix)
        if search.solve(core) is Status.INFEASIBLE:
            return search, (search.core() & core) or core
    return _Search(problem, deadline, only=core), core


def _focus_years(problem: RotationProblem, core: Collection[RuleKey]) -> list[int]:
    """The years a conflict can be about: those its rules name; every year when only
    fairness rules (which name no year) are left."""
    years: set[int] = set()
    for key in core:
        if key.kind is RotationGuard.SUCCESSION and isinstance(key.item, int):
            years |= {key.item, key.item - 1}
        elif key.kind is RotationGuard.EXCLUSION and isinstance(key.item, int):
            years.add(problem.exclusions[key.item].year)
        elif key.kind is RotationGuard.AGREEMENT and isinstance(key.item, int):
            years.add(problem.agreements[key.item].year)
        elif key.kind is RotationGuard.GROUPS and isinstance(key.item, int):
            years.add(problem.groups[key.item].year)
    years &= set(problem.years)
    return sorted(years) if years else list(problem.years)


def _focus(search: _Search, core: set[RuleKey]) -> Focus:
    """The seat the conflict is about, if the solver can show one in the time left."""
    problem, rotation = search.problem, search.rotation
    years = _focus_years(problem, core)

    def holds(relax: Expr, extra: Sequence[Expr] = ()) -> bool | None:
        if search.left() <= 0:
            return None
        status = search.solve(core, relax=relax, extra=extra, limit=STEP_SECONDS)
        if status.has_plan:
            return True
        return False if status is Status.INFEASIBLE else None

    def forced(relax: Expr, seat: Expr) -> bool:
        return holds(relax, [~seat]) is False

    for year in years:
        for role in Role:
            if holds(rotation.filled[year, role]):
                return Focus("nobody", year, role)
    for year in years:
        for role in Role:
            single = rotation.single[year, role]
            if holds(single):
                seats = rotation.seat(role)
                holders = [m for m in problem.member_ids if search.solver.value(seats[m, year])]
                named = len(holders) <= NAMES_SHOWN
                if named and all(forced(single, seats[m, year]) for m in holders):
                    return Focus("many", year, role, tuple(holders))
                return Focus("many", year, role)
        differ = rotation.differ[year]
        if holds(differ):
            both = [
                m
                for m in problem.member_ids
                if search.solver.value(rotation.chair[m, year])
                and search.solver.value(rotation.vice[m, year])
            ]
            if len(both) == 1:
                member = both[0]
                pair = (rotation.chair[member, year], rotation.vice[member, year])
                if all(forced(differ, seat) for seat in pair):
                    return Focus("same", year, None, (member,))
            return Focus("same", year)
    agreements = [key for key in core if key.kind is RotationGuard.AGREEMENT]
    if len(agreements) == 1:
        assert isinstance(agreements[0].item, int)
        agreement = problem.agreements[agreements[0].item]
        return Focus("agreement", agreement.year, agreement.role, (agreement.member,))
    return Focus("rules")


def rule_keys(problem: RotationProblem) -> tuple[RuleKey, ...]:
    """Every guarded rule group of ``problem``'s hard rules, sorted."""
    return tuple(sorted(RotationModel(problem, explain=True).guards))


def plan_keeping(
    problem: RotationProblem, rules: Collection[RuleKey], time_limit: float = 10.0
) -> RotationPlan | None:
    """A plan that keeps ``rules`` (and one chair and one vice-chair a year, two members)
    but may break every other hard rule of ``problem``; any such plan, not the best.

    Returns:
        The plan, or ``None`` when the rules cannot hold together (or time ran out).
    """
    search = _Search(problem, time.perf_counter() + time_limit)
    if not search.solve(set(rules), presolve=True).has_plan:
        return None
    return search.rotation.plan(search.solver.value)


# -- the explanation in words ---------------------------------------------------------


def explain_rotation(
    problem: RotationProblem, time_limit: float
) -> Explanation[RotationRule] | None:
    """Why ``problem`` has no rotation: the rules that conflict, each with the item
    of the problem it belongs to (and so its key under ``[rotation]``), and a summary.

    Args:
        problem: a rotation problem without any plan.
        time_limit: seconds for the search.

    Returns:
        The explanation, or ``None`` if no conflict was found in time.
    """
    conflict = find_conflict(problem, time_limit)
    if conflict is None:
        return None
    return _Words(problem).explanation(conflict)


class _Words:
    """The rules and the summary of a conflict: catalogue messages, rendered in a language
    when the explanation is printed."""

    def __init__(self, problem: RotationProblem) -> None:
        self.problem = problem

    def say(self, key: str, **values: object) -> Message:
        return message(key, **values)

    def name(self, member: str) -> str:
        return self.problem.member_name(member)

    def role(self, role: Role) -> Message:
        return self.say(f"rot.{role.value}")

    def names(self, members: Sequence[str]) -> Message | Listing:
        """``Haninge, Nykvarn och Salem`` (``... och 4 till`` beyond a few)."""
        names = [self.name(m) for m in members]
        if len(names) > NAMES_SHOWN:
            shown = ", ".join(names[:NAMES_SHOWN])
            return self.say("rot.x.more", names=shown, count=len(names) - NAMES_SHOWN)
        return Listing(names)

    def history_rule(self, year: int, text: Message) -> RotationConflictRule:
        """A rule stated by the history entry of ``year`` (the history as a whole when
        the year has none)."""
        for term in self.problem.history:
            if term.year == year:
                return ConflictRule(RotationRule.SUCCESSION, text, term)
        return ConflictRule(RotationRule.SUCCESSION, text, self.problem, "history")

    def rule(self, key: RuleKey) -> RotationConflictRule:
        problem = self.problem
        if key.kind is RotationGuard.EXCLUSION:
            assert isinstance(key.item, int)
            exclusion = problem.exclusions[key.item]
            roles = (
                self.say("rot.r.either")
                if len(exclusion.roles) == len(Role)
                else self.role(exclusion.roles[0])
            )
            why = f" ({exclusion.reason})" if exclusion.reason else ""
            text = self.say(
                "rot.x.exclusion",
                member=self.name(exclusion.member),
                roles=roles,
                year=exclusion.year,
                why=why,
            )
            return ConflictRule(RotationRule.EXCLUSION, text, exclusion)
        if key.kind is RotationGuard.AGREEMENT:
            assert isinstance(key.item, int)
            agreement = problem.agreements[key.item]
            text = self.say(
                "rot.x.agreed",
                member=self.name(agreement.member),
                role=self.role(agreement.role),
                year=agreement.year,
            )
            return ConflictRule(RotationRule.AGREEMENT, text, agreement)
        if key.kind is RotationGuard.GROUPS:
            assert isinstance(key.item, int)
            return self.groups(key.item)
        if key.kind is RotationGuard.SUCCESSION:
            assert isinstance(key.item, int)
            return self.succession(key.item)
        assert isinstance(key.item, str)
        return self.fairness(key.kind, key.item)

    def groups(self, index: int) -> RotationConflictRule:
        grouping = self.problem.groups[index]
        by_group: dict[str, list[str]] = {}
        for member in self.problem.member_ids:
            group = grouping.of(member)
            if group is not None:
                by_group.setdefault(group, []).append(member)
        groups = Joined(
            "; ",
            [
                Joined(": ", (group, self.names(members)))
                for group, members in sorted(by_group.items())
            ],
        )
        text = self.say("rot.x.groups", year=grouping.year, groups=groups)
        return ConflictRule(RotationRule.GROUP, text, grouping)

    def succession(self, year: int) -> RotationConflictRule:
        problem = self.problem
        if year == problem.first_year:
            successor = problem.successor() or ""
            text = self.say(
                "rot.x.successor", member=self.name(successor), previous=year - 1, year=year
            )
            return self.history_rule(year - 1, text)
        text = self.say("rot.x.succession", previous=year - 1, year=year)
        return ConflictRule(RotationRule.SUCCESSION, text, problem, "succession")

    def fairness(self, kind: RotationGuard, member: str) -> RotationConflictRule:
        problem = self.problem
        if kind is RotationGuard.FAIRNESS:
            last = problem.last_chaired(member)
            assert last is not None
            since = {t.chair for t in problem.history if t.year > last}
            waiting = [m for m in problem.member_ids if m != member and m not in since]
            text = self.say(
                "rot.x.fairness", member=self.name(member), last=last, waiting=self.names(waiting)
            )
            term = next(term for term in problem.history if term.year == last)
            return ConflictRule(RotationRule.FAIRNESS, text, term)
        years = f"{problem.first_year}–{problem.last_year}"
        text = self.say("rot.x.fairness_plan", member=self.name(member), years=years)
        return ConflictRule(RotationRule.FAIRNESS, text, problem)

    def headline(self, focus: Focus) -> Message:
        problem = self.problem
        role: str | Message = "" if focus.role is None else self.role(focus.role)
        if focus.kind == "nobody":
            return self.say("rot.x.nobody", role=role, year=focus.year)
        if focus.kind == "many":
            members = focus.members
            if len(members) == 2:
                first, second = (self.name(m) for m in members)
                return self.say("rot.x.two", first=first, second=second, role=role, year=focus.year)
            if members:
                return self.say(
                    "rot.x.all", members=self.names(members), role=role, year=focus.year
                )
            return self.say("rot.x.many", role=role, year=focus.year)
        if focus.kind == "same":
            if focus.members:
                return self.say("rot.x.same", member=self.name(focus.members[0]), year=focus.year)
            return self.say("rot.x.same_member", year=focus.year)
        if focus.kind == "agreement":
            member = self.name(focus.members[0])
            return self.say("rot.x.agreement", member=member, role=role, year=focus.year)
        years = f"{problem.first_year}–{problem.last_year}"
        if problem.first_year == problem.last_year:
            years = str(problem.first_year)
        return self.say("rot.x.rules", body=problem.body, years=years)

    def everyone_excluded(self, conflict: RotationConflict) -> bool:
        """Whether the conflict is only exclusions, one for each member."""
        members = set()
        for key in conflict.rules:
            if key.kind is not RotationGuard.EXCLUSION or not isinstance(key.item, int):
                return False
            members.add(self.problem.exclusions[key.item].member)
        return len(members) == len(self.problem.members)

    def explanation(self, conflict: RotationConflict) -> Explanation[RotationRule]:
        rules = tuple(self.rule(key) for key in conflict.rules)
        parts: list[object] = [self.headline(conflict.focus)]
        if conflict.focus.kind == "nobody" and self.everyone_excluded(conflict):
            parts += [": ", self.say("rot.x.all_excluded")]
        elif len(rules) <= SUMMARY_RULES:
            parts += [": ", Joined("; ", [rule.text for rule in rules])]
        return Explanation(rules, conflict.minimal, Joined("", [*parts, "."]))
