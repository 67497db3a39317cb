"""The independent checker of a rotation: every rule, the turn-order cost, and every
departure from the turn order with its cause. Pure Python, no OR-Tools."""

from __future__ import annotations

from attrs import frozen

from motesplan.rotation.problem import (
    Deviation,
    Role,
    RotationPlan,
    RotationProblem,
    actual_positions,
    ideal_positions,
    is_eligible,
    order_cost,
)
from motesplan.rotation.rules import RotationRule
from motesplan.text import Joined, Message, message

__all__ = ["RotationCheck", "RotationViolation", "check_rotation"]


@frozen
class RotationViolation:
    """A broken rule of a rotation.

    Attributes:
        rule: the rule broken (:class:`~motesplan.RotationRule`).
        year: the year it is about.
        message: what is wrong, for people: a catalogue message, rendered in a
            language when it is printed (:meth:`render`).
        members: the member ids involved.
    """

    rule: RotationRule
    year: int | None
    message: Message
    members: tuple[str, ...] = ()

    def render(self, language: str) -> str:
        """What is wrong, in ``language``."""
        return self.message.render(language)


@frozen
class RotationCheck:
    """What :func:`check_rotation` found."""

    violations: tuple[RotationViolation, ...]
    deviations: tuple[Deviation, ...]
    cost: int

    @property
    def ok(self) -> bool:
        """Whether every hard rule holds."""
        return not self.violations


def check_rotation(problem: RotationProblem, plan: RotationPlan) -> RotationCheck:
    """Check any rotation plan (solved, or proposed by people) against ``problem``.

    Returns every broken rule, the cost (turn order, plus the succession weight per
    broken succession when succession is soft) and every departure from the turn
    order with its cause ("Nykvarn flyttas från 2025 till 2026 eftersom ..."), as
    catalogue messages rendered in a language when they are printed.
    """
    return _RotationChecker(problem, plan).run()


class _RotationChecker:
    def __init__(self, problem: RotationProblem, plan: RotationPlan) -> None:
        self.problem = problem
        self.plan = plan
        self.violations: list[RotationViolation] = []

    def say(self, key: str, **values: object) -> Message:
        return message(key, **values)

    def name(self, member: str) -> str:
        return self.problem.member_name(member)

    def role(self, role: Role) -> Message:
        return message(f"rot.{role.value}")

    def flag(
        self, rule: RotationRule, at: int | None, key: str, *members: str, **values: object
    ) -> None:
        self.violations.append(RotationViolation(rule, at, self.say(key, **values), members))

    def run(self) -> RotationCheck:
        problem, plan = self.problem, self.plan
        ids = set(problem.member_ids)
        for year in problem.years:
            if plan.get(year) is None:
                self.flag(RotationRule.YEAR, year, "rot.v.missing", year=year)
        for item in plan.years:
            if item.year not in problem.years:
                self.flag(RotationRule.YEAR, item.year, "rot.v.outside", year=item.year)
                continue
            for member in (item.chair, item.vice_chair):
                if member not in ids:
                    self.flag(
                        RotationRule.MEMBER,
                        item.year,
                        "rot.v.member",
                        member,
                        year=item.year,
                        member=member,
                    )
            if item.chair == item.vice_chair:
                self.flag(
                    RotationRule.SAME,
                    item.year,
                    "rot.v.same",
                    item.chair,
                    year=item.year,
                    member=self.name(item.chair),
                )
            for member, role in ((item.chair, Role.CHAIR), (item.vice_chair, Role.VICE_CHAIR)):
                if problem.excluded(member, item.year, role):
                    self.flag(
                        RotationRule.EXCLUSION,
                        item.year,
                        "rot.v.excluded",
                        member,
                        member=self.name(member),
                        role=self.role(role),
                        year=item.year,
                    )
            chair_group = problem.group_of(item.chair, item.year)
            if chair_group is not None and chair_group == problem.group_of(
                item.vice_chair, item.year
            ):
                self.flag(
                    RotationRule.GROUP,
                    item.year,
                    "rot.v.group",
                    item.chair,
                    item.vice_chair,
                    year=item.year,
                    group=chair_group,
                )
        for agreement in problem.agreements:
            seats = plan.get(agreement.year)
            holder = (
                None
                if seats is None
                else (seats.chair if agreement.role is Role.CHAIR else seats.vice_chair)
            )
            if holder != agreement.member:
                self.flag(
                    RotationRule.AGREEMENT,
                    agreement.year,
                    "rot.v.agreement",
                    agreement.member,
                    member=self.name(agreement.member),
                    role=self.role(agreement.role),
                    year=agreement.year,
                )
        broken = self.check_succession()
        self.check_fairness()
        # a broken hard succession is a violation, not a cost
        soft = 0 if problem.succession else problem.succession_weight * broken
        cost = order_cost(problem, plan) + soft
        return RotationCheck(tuple(self.violations), tuple(self.deviations()), cost)

    def check_succession(self) -> int:
        """Count broken successions; flag them when succession is a hard rule."""
        problem, plan = self.problem, self.plan
        broken = 0
        pairs: list[tuple[int, str | None, str | None]] = []
        successor = problem.successor()
        first = plan.get(problem.first_year)
        if successor is not None:
            pairs.append((problem.first_year, successor, None if first is None else first.chair))
        for year in problem.years[:-1]:
            now, then = plan.get(year), plan.get(year + 1)
            if now is not None and then is not None:
                pairs.append((year + 1, now.vice_chair, then.chair))
        for year, vice, chair in pairs:
            if vice != chair:
                broken += 1
                if problem.succession:
                    self.flag(
                        RotationRule.SUCCESSION,
                        year,
                        "rot.v.succession",
                        vice or "",
                        member=self.name(vice or "?"),
                        previous=year - 1,
                        year=year,
                    )
        return broken

    def check_fairness(self) -> None:
        """Nobody chairs twice before every other eligible member has chaired since."""
        problem = self.problem
        chairs = {t.year: t.chair for t in problem.history if t.chair is not None}
        chairs.update({item.year: item.chair for item in self.plan.years})
        for year in problem.years:
            member = chairs.get(year)
            if member is None:
                continue
            earlier = [y for y, m in chairs.items() if m == member and y < year]
            if not earlier:
                continue
            last = max(earlier)
            since = {chairs[y] for y in chairs if last < y < year}
            waiting = [
                m
                for m in problem.member_ids
                if m != member and m not in since and is_eligible(problem, m, last + 1, year)
            ]
            if waiting:
                self.flag(
                    RotationRule.FAIRNESS,
                    year,
                    "rot.v.fairness",
                    member,
                    *waiting,
                    member=self.name(member),
                    year=year,
                    last=last,
                    waiting=Joined(", ", [self.name(m) for m in waiting]),
                )

    # -- departures from the turn order ---------------------------------------------

    def year_of(self, position: int) -> int | None:
        years = self.problem.years
        return years[0] + position if position <= len(years) else None

    def deviations(self) -> list[Deviation]:
        problem = self.problem
        ideal = ideal_positions(problem)
        actual = actual_positions(problem, self.plan)
        found = []
        order = problem.turn_order()
        for member in order:
            if actual[member] == ideal[member]:
                continue
            expected, placed = self.year_of(ideal[member]), self.year_of(actual[member])
            rule, cause = self.cause(member, ideal[member], actual[member])
            found.append(Deviation(member, expected, placed, cause, rule))
        return found

    def cause(self, member: str, ideal: int, actual: int) -> tuple[RotationRule, Joined]:
        """The rule that keeps ``member`` from its place in the turn order."""
        problem = self.problem
        n = len(problem.years)
        year = self.year_of(ideal)
        base = self.move_text(member, ideal, actual)
        placed = self.year_of(actual)
        for agreement in problem.agreements:
            own = agreement.member == member and agreement.role is Role.CHAIR
            if own and agreement.year == placed:
                return RotationRule.AGREEMENT, self.because(
                    base, "rot.cause.own_agreement", year=placed
                )
        if year is not None and ideal < n:
            # in the turn order it chairs `year`, and is vice-chair the year before
            seats = [(year, Role.CHAIR)] + (
                [(year - 1, Role.VICE_CHAIR)] if year > problem.first_year else []
            )
            for seat_year, role in seats:
                exclusion = problem.excluded(member, seat_year, role)
                if exclusion is not None:
                    why = f" ({exclusion.reason})" if exclusion.reason else ""
                    return RotationRule.EXCLUSION, self.because(
                        base, "rot.cause.excluded", role=self.role(role), year=seat_year, why=why
                    )
            for agreement in problem.agreements:
                if (
                    agreement.year == year
                    and agreement.role is Role.CHAIR
                    and agreement.member != member
                ):
                    return RotationRule.AGREEMENT, self.because(
                        base, "rot.cause.agreement", other=self.name(agreement.member), year=year
                    )
            if year == problem.first_year and problem.successor() not in (None, member):
                return RotationRule.SUCCESSION, self.because(
                    base,
                    "rot.cause.succession",
                    other=self.name(problem.successor() or ""),
                    year=year,
                )
            if year > problem.first_year:
                previous = self.chair_of(year - 1)
                chair = problem.group_of(previous or "", year - 1)
                same = chair is not None and chair == problem.group_of(member, year - 1)
                if previous not in (None, member) and same:
                    return RotationRule.GROUP, self.because(
                        base, "rot.cause.group", year=year - 1, group=chair
                    )
        if ideal > actual:
            return RotationRule.KNOCK_ON, self.because(base, "rot.cause.earlier")
        return RotationRule.KNOCK_ON, self.because(base, "rot.cause.later")

    @staticmethod
    def because(move: Message, key: str, **values: object) -> Joined:
        """The move and its cause in one text."""
        return Joined("", (move, message(key, **values)))

    def chair_of(self, year: int) -> str | None:
        item = self.plan.get(year)
        return None if item is None else item.chair

    def move_text(self, member: str, ideal: int, actual: int) -> Message:
        n = len(self.problem.years)

        def when(position: int) -> str | Message:
            year = self.year_of(position)
            if year is None:
                return self.say("rot.after_plan")
            return str(year)

        key = (
            "rot.move"
            if ideal <= n and actual <= n
            else "rot.move_out"
            if actual > n
            else "rot.move_in"
        )
        return self.say(key, member=self.name(member), expected=when(ideal), actual=when(actual))
