"""The CP-SAT model of a chair rotation: :class:`RotationModel`, and :class:`RuleKey`, one
guarded group of hard rules when it explains.

One Boolean per member, year and seat. The hard rules are constraints on them;
the turn order is a soft cost: each member's first position in the sequence of
seats (the chairs of the planned years, then the next chair) against its place
in the turn order.
"""

from __future__ import annotations

from collections.abc import Collection
from enum import Enum
from typing import Any, TypeAlias

from attrs import field, frozen
from ortools.sat.python import cp_model

from motesplan.rotation.problem import (
    Role,
    RotationPlan,
    RotationProblem,
    RotationYear,
    ideal_positions,
    is_eligible,
)
from motesplan.rotation.rules import RotationRule

__all__ = ["Expr", "RotationGuard", "RotationModel", "RuleKey"]

Expr: TypeAlias = Any  # an OR-Tools linear expression (see solver/planner/model.py)


class RotationGuard(Enum):
    """A kind of guarded group of hard rules in an explaining model: the rule it is,
    its place in an explanation (what was agreed first, the general rules last), and
    its place in the order the shrinking drops rules (the general rules first, so
    that where a conflict can be told either way, the rules the user stated for it
    stay)."""

    AGREEMENT = ("agreement", RotationRule.AGREEMENT, 0, 5)
    """``item``: the agreement's position in the problem's list."""
    EXCLUSION = ("exclusion", RotationRule.EXCLUSION, 1, 4)
    """``item``: the exclusion's position in the problem's list."""
    SUCCESSION = ("succession", RotationRule.SUCCESSION, 2, 2)
    """``item``: the year whose chair is the vice-chair of the year before (the first
    year: from the history)."""
    GROUPS = ("groups", RotationRule.GROUP, 3, 3)
    """``item``: the grouping's position in the problem's list."""
    FAIRNESS = ("fairness", RotationRule.FAIRNESS, 4, 1)
    """``item``: a member id; its last known term as chair binds it."""
    FAIRNESS_PLAN = ("fairness_plan", RotationRule.FAIRNESS, 5, 0)
    """``item``: a member id; it chairs twice in the plan."""

    def __init__(self, word: str, rule: RotationRule, shown: int, dropped: int) -> None:
        self.word = word
        self.rule = rule
        self.shown = shown
        self.dropped = dropped

    def __lt__(self, other: RotationGuard) -> bool:
        return self.shown < other.shown


def _to_guard(value: RotationGuard | str) -> RotationGuard:
    """The kind itself, or the kind of this word (``"succession"``)."""
    if isinstance(value, RotationGuard):
        return value
    for kind in RotationGuard:
        if kind.word == value:
            return kind
    raise ValueError(f"no rotation rule group {value!r}")


@frozen(order=True)
class RuleKey:
    """One guarded group of hard rules in an explaining model; keys sort in the order
    an explanation shows them.

    Attributes:
        kind: what sort of rule (:class:`RotationGuard`; its word is taken too).
        item: which one (see each kind).
    """

    kind: RotationGuard = field(converter=_to_guard)
    item: int | str


class RotationModel:
    """The CP-SAT model of one rotation problem.

    With ``explain``, there is no objective, and every hard rule the user states is
    guarded by an enforcement literal (``guards``, one per :class:`RuleKey`), so that
    solving under assumptions finds rules that cannot hold together. The definition of
    a year (one chair, one vice-chair, two members) is guarded too, by ``filled``,
    ``single`` (per year and seat) and ``differ`` (per year), to ask which seat is the
    one that cannot be filled. ``only`` keeps just those rules, and ``years`` just the
    seats of those years, leaving out every rule about another year; with a fairness
    rule kept, ``years`` must run from the first planned year (its rules for a year
    look at the years before it).
    """

    def __init__(
        self,
        problem: RotationProblem,
        *,
        explain: bool = False,
        only: Collection[RuleKey] | None = None,
        years: Collection[int] | None = None,
    ) -> None:
        self.problem = problem
        self.explain = explain
        self.only = None if only is None else frozenset(only)
        self.years = problem.years if years is None else tuple(sorted(years))
        self.guards: dict[RuleKey, Expr] = {}
        self.filled: dict[tuple[int, Role], Expr] = {}
        self.single: dict[tuple[int, Role], Expr] = {}
        self.differ: dict[int, Expr] = {}
        self._excuses: dict[tuple[str, int, int], Expr] = {}
        model = self.model = cp_model.CpModel()
        members, years = problem.member_ids, self.years
        self.chair = {(m, y): model.new_bool_var(f"c_{m}_{y}") for m in members for y in years}
        self.vice = {(m, y): model.new_bool_var(f"v_{m}_{y}") for m in members for y in years}
        self._add_seats()
        for index, exclusion in enumerate(problem.exclusions):
            if exclusion.year not in self.years or not self._wanted(RotationGuard.EXCLUSION, index):
                continue
            for role in exclusion.roles:
                seat = self.seat(role)[exclusion.member, exclusion.year]
                model.add(seat == 0).only_enforce_if(self._guard(RotationGuard.EXCLUSION, index))
        for index, agreement in enumerate(problem.agreements):
            if agreement.year not in self.years or not self._wanted(RotationGuard.AGREEMENT, index):
                continue
            seat = self.seat(agreement.role)[agreement.member, agreement.year]
            model.add(seat == 1).only_enforce_if(self._guard(RotationGuard.AGREEMENT, index))
        self._add_groups()
        self.broken = self._add_succession()
        self._add_fairness()
        if explain:
            self.order_cost: Expr = 0
            self.objective: Expr = 0
            return
        self.order_cost = self._add_order()
        self.objective = self.order_cost + problem.succession_weight * sum(self.broken)
        model.minimize(self.objective)

    def seat(self, role: Role) -> dict[tuple[str, int], Expr]:
        """The Booleans of one seat, by member and year."""
        return self.chair if role is Role.CHAIR else self.vice

    def _wanted(self, kind: RotationGuard, item: int | str) -> bool:
        """Whether the model holds this rule: every rule, unless ``only`` says which."""
        return self.only is None or RuleKey(kind, item) in self.only

    def _guard(self, kind: RotationGuard, item: int | str) -> list[Expr]:
        """The enforcement literals of a rule: none, unless explaining."""
        if not self.explain:
            return []
        key = RuleKey(kind, item)
        if key not in self.guards:
            self.guards[key] = self.model.new_bool_var(f"rule_{kind.word}_{item}")
        return [self.guards[key]]

    def _add_seats(self) -> None:
        """Every year one chair and one vice-chair, two different members."""
        model, members = self.model, self.problem.member_ids
        for year in self.years:
            for role in Role:
                holders = [self.seat(role)[m, year] for m in members]
                if not self.explain:
                    model.add_exactly_one(holders)
                    continue
                filled = self.filled[year, role] = model.new_bool_var(f"filled_{year}_{role}")
                single = self.single[year, role] = model.new_bool_var(f"single_{year}_{role}")
                model.add(sum(holders) >= 1).only_enforce_if(filled)
                model.add(sum(holders) <= 1).only_enforce_if(single)
            differ = None
            if self.explain:
                differ = self.differ[year] = model.new_bool_var(f"differ_{year}")
            for member in members:
                same = model.add(self.chair[member, year] + self.vice[member, year] <= 1)
                if differ is not None:
                    same.only_enforce_if(differ)

    def _add_groups(self) -> None:
        for index, grouping in enumerate(self.problem.groups):
            if grouping.year not in self.years or not self._wanted(RotationGuard.GROUPS, index):
                continue
            by_group: dict[str, list[str]] = {}
            for member, group in grouping.groups:
                by_group.setdefault(group, []).append(member)
            for group_members in by_group.values():
                seats = [self.chair[m, grouping.year] for m in group_members]
                seats += [self.vice[m, grouping.year] for m in group_members]
                self.model.add(sum(seats) <= 1).only_enforce_if(
                    self._guard(RotationGuard.GROUPS, index)
                )

    def _add_succession(self) -> list[Expr]:
        """The vice-chair chairs the year after: hard, or one broken-flag per year.

        Explaining, the hard rule is "the vice-chair of ``y`` chairs ``y + 1``", one
        guard per year, which with one chair a year is the same.
        """
        problem, model = self.problem, self.model
        broken: list[Expr] = []
        if self.explain and not problem.succession:  # soft: a cost, nothing to explain
            return broken
        successor, first = problem.successor(), problem.first_year
        if (
            successor is not None
            and first in self.years
            and self._wanted(RotationGuard.SUCCESSION, first)
        ):
            seated = self.chair[successor, first]
            if problem.succession:
                model.add(seated == 1).only_enforce_if(self._guard(RotationGuard.SUCCESSION, first))
            else:
                flag = model.new_bool_var("")
                model.add(flag >= 1 - seated)
                broken.append(flag)
        for year in problem.years[:-1]:
            if year not in self.years or year + 1 not in self.years:
                continue
            if problem.succession and self.explain:
                if not self._wanted(RotationGuard.SUCCESSION, year + 1):
                    continue
                guard = self._guard(RotationGuard.SUCCESSION, year + 1)
                for member in problem.member_ids:
                    then, now = self.chair[member, year + 1], self.vice[member, year]
                    model.add(then >= now).only_enforce_if(guard)
            elif problem.succession:
                for member in problem.member_ids:
                    model.add(self.vice[member, year] == self.chair[member, year + 1])
            else:
                flag = model.new_bool_var("")
                for member in problem.member_ids:
                    model.add(flag >= self.vice[member, year] - self.chair[member, year + 1])
                broken.append(flag)
        return broken

    def _add_fairness(self) -> None:
        """Nobody chairs twice before every other eligible member has chaired since.

        Only members excluded from chairing in some planned year can ever be excused;
        when even without them more members wait than there are years in between,
        the rule is a plain "not then" (or "at most once"), which keeps the model small
        for hundreds of members.
        """
        excusable = {e.member for e in self.problem.exclusions if Role.CHAIR in e.roles}
        for member in self.problem.member_ids:
            if self._wanted(RotationGuard.FAIRNESS, member):
                self._add_history_fairness(member, excusable)
            if self._wanted(RotationGuard.FAIRNESS_PLAN, member):
                self._add_plan_fairness(member, excusable)

    def _add_history_fairness(self, member: str, excusable: set[str]) -> None:
        """The member's last known term binds it: it waits for those who have not
        chaired since (rule ``fairness``)."""
        problem = self.problem
        last = problem.last_chaired(member)
        if last is None:
            return
        rule = RuleKey(RotationGuard.FAIRNESS, member)
        chaired_since = {t.chair for t in problem.history if t.year > last}
        waiting = [m for m in problem.member_ids if m != member and m not in chaired_since]
        unexcused = len([m for m in waiting if m not in excusable])
        for year in self.years:
            if unexcused > year - problem.first_year:
                guard = self._guard(rule.kind, member)
                self.model.add(self.chair[member, year] == 0).only_enforce_if(guard)
                continue
            span = (last + 1, problem.first_year)
            self._require_between(member, year, waiting, span, rule=rule)

    def _add_plan_fairness(self, member: str, excusable: set[str]) -> None:
        """The member chairs twice in the plan only with all others in between
        (rule ``fairness_plan``)."""
        problem, model = self.problem, self.model
        members, years = problem.member_ids, self.years
        rule = RuleKey(RotationGuard.FAIRNESS_PLAN, member)
        guard = self._guard(rule.kind, member)
        others = len(members) - 1 - len(excusable - {member})
        if others > len(years) - 2:  # no two planned years are far enough apart
            model.add(sum(self.chair[member, year] for year in years) <= 1).only_enforce_if(guard)
            return
        rest = [m for m in members if m != member]
        for index, first in enumerate(years):
            for second in years[index + 1 :]:
                pair = [self.chair[member, first], self.chair[member, second]]
                needed = [m for m in rest if is_eligible(problem, m, first + 1, second)]
                if len(needed) > second - first - 1:
                    model.add(sum(pair) <= 1).only_enforce_if(guard)
                    continue
                both = model.new_bool_var("")
                model.add_bool_and(pair).only_enforce_if(both)
                model.add(both >= sum(pair) - 1).only_enforce_if(guard)
                span = (first + 1, first + 1)
                self._require_between(member, second, rest, span, rule=rule, enforce=both)

    def _require_between(
        self,
        member: str,
        year: int,
        waiting: list[str],
        span: tuple[int, int],
        *,
        rule: RuleKey,
        enforce: Expr | None = None,
    ) -> None:
        """If ``member`` chairs ``year`` (and ``enforce``), every one of ``waiting`` that is
        eligible since ``span[0]`` chairs a year in ``span[1]..year-1``.

        Explaining, a member that is excused (excluded from chairing in every year in
        between) is waited for unless all the exclusions that excuse it hold.
        """
        since, start = span
        trigger = self.chair[member, year] if enforce is None else enforce
        guard = self._guard(rule.kind, rule.item)
        needed = [m for m in waiting if is_eligible(self.problem, m, since, year)]
        if len(needed) > year - start:  # not enough years in between: it cannot chair then
            self.model.add(trigger == 0).only_enforce_if(guard)
            return
        for other in waiting:
            earlier = [self.chair[other, y] for y in range(start, year)]
            if other not in needed:
                if not self.explain:
                    continue
                earlier.append(self._excuse(other, since, year))
            self.model.add_bool_or(earlier).only_enforce_if([trigger, *guard])

    def _excuse(self, member: str, since: int, year: int) -> Expr:
        """Explaining: a literal that can be true only while every exclusion that keeps
        ``member`` from chairing in ``since..year-1`` holds."""
        key = (member, since, year)
        if key not in self._excuses:
            excuse = self._excuses[key] = self.model.new_bool_var("")
            for between in range(since, year):
                covering = [
                    guard
                    for index, exclusion in enumerate(self.problem.exclusions)
                    if exclusion.member == member
                    and exclusion.year == between
                    and self._wanted(RotationGuard.EXCLUSION, index)
                    and Role.CHAIR in exclusion.roles
                    for guard in self._guard(RotationGuard.EXCLUSION, index)
                ]
                if not covering:  # an exclusion not in this model: no excuse
                    self.model.add(excuse == 0)
                    break
                self.model.add_bool_or(covering).only_enforce_if(excuse)
        return self._excuses[key]

    def _add_order(self) -> Expr:
        """Distance of each member's first seat from its place in the turn order."""
        problem, model = self.problem, self.model
        years = problem.years
        n = len(years)
        ideal = ideal_positions(problem)
        total: list[Expr] = []
        for member in problem.member_ids:
            seats = [self.chair[member, y] for y in years] + [self.vice[member, years[-1]]]
            seen: Expr = 0
            before = []  # before[k]: not seated at 0..k
            for k, seat in enumerate(seats):
                now = model.new_bool_var("")
                model.add(now >= seat)
                if k:
                    model.add(now >= seen)
                model.add(now <= seen + seat)
                before.append(1 - now)
                seen = now
            position = sum(before)  # the first position seated, or n + 1
            away = model.new_int_var(0, n + 1, "")
            model.add_abs_equality(away, position - ideal[member])
            total.append(away)
        return sum(total)

    def plan(self, values: Any) -> RotationPlan:
        rows = []
        for year in self.problem.years:
            chair = next(m for m in self.problem.member_ids if values(self.chair[m, year]))
            vice = next(m for m in self.problem.member_ids if values(self.vice[m, year]))
            rows.append(RotationYear(year, chair, vice))
        return RotationPlan(self.problem.body, tuple(rows))
