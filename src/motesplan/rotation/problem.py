"""Chair and vice-chair rotation: the data of a rotation problem, and its plans.

Seats go to members (municipalities), not persons. The rules, hard unless said
otherwise (see ``docs/rotation.md``):

* chair and vice-chair differ each year;
* the vice-chair of year *y* chairs year *y + 1*, also from the last year of the
  history into the plan (``succession``; it can be made soft);
* nobody chairs twice before every other eligible member has chaired since its
  last term (fairness over the known history, not only inside the plan);
* a member that cannot serve in a year (as chair, vice-chair or both) does not;
* agreed assignments (member X chairs year Y) are kept;
* optionally, where groups are given for a year, chair and vice-chair come from
  different groups;
* the turn order is followed as closely as possible (soft).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from enum import StrEnum
from typing import TypeVar

import attrs
from attrs import field, frozen

from motesplan.errors import Renderable, ValidationError
from motesplan.planner.explanation import Explanation
from motesplan.planner.plan import Status
from motesplan.planner.problem import Member, Representative
from motesplan.rotation.rules import RotationRule
from motesplan.source import Source, source_field, source_of
from motesplan.text import Message, message

__all__ = [
    "Agreement",
    "Deviation",
    "Exclusion",
    "Grouping",
    "Role",
    "RotationPlan",
    "RotationProblem",
    "RotationResult",
    "RotationYear",
    "Term",
]


class Role(StrEnum):
    """A seat."""

    CHAIR = "chair"
    VICE_CHAIR = "vice_chair"


def _to_role(value: object) -> Role:
    if isinstance(value, Role):
        return value
    aliases = {
        "ordförande": Role.CHAIR,
        "vice": Role.VICE_CHAIR,
        "vice ordförande": Role.VICE_CHAIR,
    }
    if isinstance(value, str):
        key = value.strip().lower()
        if key in aliases:
            return aliases[key]
        try:
            return Role(key.replace("-", "_").replace(" ", "_"))
        except ValueError:
            pass
    raise ValidationError(message("val.role", value=value))


def _to_roles(value: object) -> tuple[Role, ...]:
    if isinstance(value, str | Role):
        if isinstance(value, str) and value.strip().lower() == "both":
            return (Role.CHAIR, Role.VICE_CHAIR)
        return (_to_role(value),)
    if not isinstance(value, Iterable):
        raise ValidationError(message("val.roles", value=value))
    return tuple(sorted({_to_role(item) for item in value}))


def _year(instance: object, attribute: attrs.Attribute[int], value: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or not 1000 <= value <= 9999:
        raise ValidationError(
            message("val.year", attribute_name=attribute.name, value=value),
            source=source_of(instance),
            field=attribute.name,
        )


@frozen
class Term:
    """One known year of the history; either seat may be unknown (``None``)."""

    year: int = field(validator=_year)
    chair: str | None = None
    vice_chair: str | None = None
    source: Source | None = source_field()

    def __attrs_post_init__(self) -> None:
        if self.chair is not None and self.chair == self.vice_chair:
            raise ValidationError(
                message("val.history_both", year=self.year, chair=self.chair),
                source=self.source,
                field="vice_chair",
            )

    @property
    def label(self) -> Message:
        """``history 2023``, in an error's language."""
        return message("lbl.history", year=self.year)


@frozen
class Exclusion:
    """A member that cannot serve in a year, in some roles (default: both)."""

    member: str
    year: int = field(validator=_year)
    roles: tuple[Role, ...] = field(default=(Role.CHAIR, Role.VICE_CHAIR), converter=_to_roles)
    reason: str = ""
    source: Source | None = source_field()

    @property
    def label(self) -> Message:
        """``exclusion salem 2025``, in an error's language."""
        return message("lbl.exclusion", member=self.member, year=self.year)


@frozen
class Agreement:
    """An agreed assignment: ``member`` holds ``role`` in ``year``."""

    member: str
    year: int = field(validator=_year)
    role: Role = field(default=Role.CHAIR, converter=_to_role)
    source: Source | None = source_field()

    @property
    def label(self) -> Message:
        """``agreement salem 2025``, in an error's language."""
        return message("lbl.agreement", member=self.member, year=self.year)


def _to_groups(value: object) -> tuple[tuple[str, str], ...]:
    if isinstance(value, tuple) and all(isinstance(p, tuple) and len(p) == 2 for p in value):
        value = dict(value)  # the groups as a record holds them (attrs.evolve)
    if not isinstance(value, Mapping):
        raise ValidationError(message("val.groups", value=value))
    return tuple(sorted((str(member), str(group)) for member, group in value.items()))


@frozen
class Grouping:
    """The group (e.g. political majority) of each member in one year."""

    year: int = field(validator=_year)
    groups: tuple[tuple[str, str], ...] = field(converter=_to_groups)
    source: Source | None = source_field()

    def of(self, member: str) -> str | None:
        """The member's group this year, if given."""
        return dict(self.groups).get(member)


T = TypeVar("T")


def _items(value: object, kind: type[T], label: str) -> tuple[T, ...]:
    if isinstance(value, kind):
        return (value,)
    if not isinstance(value, Iterable) or isinstance(value, str):
        raise ValidationError(
            message("val.labelled_list_of", label=label, kind_name=kind.__name__, value=value)
        )
    items = tuple(value)
    for item in items:
        if not isinstance(item, kind):
            raise ValidationError(
                message("val.labelled_item_of", label=label, kind_name=kind.__name__, item=item)
            )
    return items


def _members(value: object) -> tuple[Member, ...]:
    return _items(value, Member, "members")


def _terms(value: object) -> tuple[Term, ...]:
    return _items(value, Term, "history")  # sorted by year after the checks


def _exclusions(value: object) -> tuple[Exclusion, ...]:
    return _items(value, Exclusion, "exclusions")


def _agreements(value: object) -> tuple[Agreement, ...]:
    return _items(value, Agreement, "agreements")


def _groupings(value: object) -> tuple[Grouping, ...]:
    return _items(value, Grouping, "groups")


def _representatives(value: object) -> tuple[Representative, ...]:
    return _items(value, Representative, "representatives")


def _ids(value: object) -> tuple[str, ...]:
    if isinstance(value, str) or not isinstance(value, Iterable):
        raise ValidationError(message("val.order_list", value=value))
    return tuple(str(item) for item in value)


@frozen
class RotationProblem:
    """Who chairs, and who is vice-chair, in each year ``first_year..last_year``.

    Args:
        body: the body whose seats rotate ("Samarbetskommittén").
        members: the members that can hold the seats.
        first_year: first year to plan.
        last_year: last year to plan.
        history: known earlier years (may be partial).
        order: the turn order; with ``derive_order`` only the tie-break between
            members the history does not tell apart (default: the members' order).
        derive_order: derive the turn order from the history: the vice-chair of the
            year before the plan first (the vice-chair chairs the year after), then
            members that never chaired, then those whose last term is longest ago.
        exclusions: members that cannot serve in a year.
        agreements: agreed assignments, always kept.
        groups: members' groups per year; chair and vice-chair differ in group.
        succession: the vice-chair chairs the year after as a hard rule (``True``),
            or as a soft one costing ``succession_weight`` per year it is broken.
        succession_weight: see ``succession``.
        name: the organisation, for printouts.
        representatives: the body's representatives (:class:`Representative`), so that
            the decision basis can name the person who would chair for a member.
    """

    body: str
    members: tuple[Member, ...] = field(converter=_members)
    first_year: int = field(validator=_year)
    last_year: int = field(validator=_year)
    history: tuple[Term, ...] = field(default=(), converter=_terms)
    order: tuple[str, ...] = field(default=(), converter=_ids)
    derive_order: bool = True
    exclusions: tuple[Exclusion, ...] = field(default=(), converter=_exclusions)
    agreements: tuple[Agreement, ...] = field(default=(), converter=_agreements)
    groups: tuple[Grouping, ...] = field(default=(), converter=_groupings)
    succession: bool = True
    succession_weight: int = 100
    name: str = ""
    representatives: tuple[Representative, ...] = field(
        default=(), converter=_representatives, kw_only=True
    )
    source: Source | None = source_field()
    _exclusion_index: dict[tuple[str, int, Role], Exclusion] = field(
        init=False, repr=False, eq=False, hash=False
    )

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "history", tuple(sorted(self.history, key=lambda t: t.year)))
        index: dict[tuple[str, int, Role], Exclusion] = {}
        for exclusion in self.exclusions:
            for role in exclusion.roles:
                index.setdefault((exclusion.member, exclusion.year, role), exclusion)
        object.__setattr__(self, "_exclusion_index", index)  # a lookup table, not data
        ids = [m.id for m in self.members]
        mine = self.source
        if len(set(ids)) != len(ids):
            raise ValidationError(
                message("val.rotation_member_twice"), source=mine, field="members"
            )
        if len(ids) < 2:
            raise ValidationError(message("val.rotation_two_members"), source=mine, field="members")
        if self.last_year < self.first_year:
            raise ValidationError(
                message("val.rotation_years", last_year=self.last_year, first_year=self.first_year),
                source=mine,
                field="last_year",
            )
        known = ", ".join(ids)

        def check(member: str | None, where: Message, source: Source | None, name: str) -> None:
            if member is not None and member not in ids:
                raise ValidationError(
                    message("val.unknown_member", where=where, member=member, known=known),
                    source=source,
                    field=name,
                )

        seen: set[int] = set()
        for term in self.history:
            where = term.label
            if term.year >= self.first_year:
                raise ValidationError(
                    message("val.history_year", where=where, first_year=self.first_year),
                    source=term.source,
                    field="year",
                )
            if term.year in seen:
                raise ValidationError(message("val.where_twice", where=where), source=term.source)
            seen.add(term.year)
            check(term.chair, where, term.source, "chair")
            check(term.vice_chair, where, term.source, "vice_chair")
        items: tuple[Exclusion | Agreement, ...] = (*self.exclusions, *self.agreements)
        for item in items:
            check(item.member, item.label, item.source, "member")
            if not self.first_year <= item.year <= self.last_year:
                raise ValidationError(
                    message(
                        "val.rotation_outside",
                        where=item.label,
                        first_year=self.first_year,
                        last_year=self.last_year,
                    ),
                    source=item.source,
                    field="year",
                )
        for grouping in self.groups:
            where = message("lbl.groups", year=grouping.year)
            for member, _ in grouping.groups:
                check(member, where, grouping.source, "groups")
        for member in self.order:
            check(member, message("lbl.order"), mine, "order")
        if len(set(self.order)) != len(self.order):
            raise ValidationError(message("val.order_twice"), source=mine, field="order")
        if not self.derive_order and set(self.order) != set(ids):
            missing = ", ".join(m for m in ids if m not in self.order)
            raise ValidationError(
                message("val.order_missing", missing=missing), source=mine, field="order"
            )
        if self.succession_weight < 0:
            raise ValidationError(
                message("val.succession_weight"), source=mine, field="succession_weight"
            )

    @property
    def years(self) -> tuple[int, ...]:
        """The planned years."""
        return tuple(range(self.first_year, self.last_year + 1))

    @property
    def member_ids(self) -> tuple[str, ...]:
        """The members' ids, in the given order."""
        return tuple(m.id for m in self.members)

    def member_name(self, member: str) -> str:
        """The display name of a member id."""
        for item in self.members:
            if item.id == member:
                return item.name
        return member

    def representative(self, member: str, year: int) -> Representative | None:
        """The person who represents ``member`` in the body during ``year`` and is not
        a substitute (the first listed, when several are), if the body lists one."""
        first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
        for person in self.representatives:
            if person.member != member or person.optional:
                continue
            if (person.start is None or person.start <= last) and (
                person.end is None or first <= person.end
            ):
                return person
        return None

    def last_chaired(self, member: str) -> int | None:
        """The last known year the member chaired before the plan."""
        years = [t.year for t in self.history if t.chair == member]
        return max(years) if years else None

    def successor(self) -> str | None:
        """The vice-chair of the year before the plan, who chairs its first year."""
        for term in self.history:
            if term.year == self.first_year - 1:
                return term.vice_chair
        return None

    def turn_order(self) -> tuple[str, ...]:
        """The turn order: given, or derived from the history (see ``derive_order``).

        >>> p = RotationProblem("K", [Member("a"), Member("b"), Member("c")], 2024, 2025,
        ...     history=[Term(2022, "a", "b"), Term(2023, "b", "c")])
        >>> p.turn_order()
        ('c', 'a', 'b')
        """
        if not self.derive_order:
            return self.order
        tie: dict[str, int] = {}
        for member in (*self.order, *self.member_ids):
            tie.setdefault(member, len(tie))
        ranked = sorted(
            self.member_ids,
            key=lambda m: (
                m != self.successor(),
                self.last_chaired(m) is not None,
                self.last_chaired(m) or 0,
                tie[m],
            ),
        )
        return tuple(ranked)

    def excluded(self, member: str, year: int, role: Role) -> Exclusion | None:
        """The exclusion that stops ``member`` holding ``role`` in ``year``, if any."""
        return self._exclusion_index.get((member, year, role))

    def group_of(self, member: str, year: int) -> str | None:
        """The member's group in ``year``, if given."""
        for grouping in self.groups:
            if grouping.year == year:
                return grouping.of(member)
        return None


@frozen
class RotationYear:
    """One planned year."""

    year: int
    chair: str
    vice_chair: str


@frozen
class RotationPlan:
    """Chair and vice-chair per year."""

    body: str
    years: tuple[RotationYear, ...]

    def get(self, year: int) -> RotationYear | None:
        """The assignment of one year."""
        for item in self.years:
            if item.year == year:
                return item
        return None


@frozen
class Deviation:
    """A member whose place differs from the turn order, and why.

    Attributes:
        member: the member id.
        expected: the year the turn order gives it (``None``: after the plan).
        actual: the year it chairs in the plan (``None``: not in the plan).
        cause: why, for people (rendered in a language when printed).
        rule: the rule that moved it (:class:`RotationRule`: exclusion, agreement,
            succession, fairness, group), or ``KNOCK_ON`` when it moves because others do.
    """

    member: str
    expected: int | None
    actual: int | None
    cause: Renderable
    rule: RotationRule = field(converter=RotationRule)


@frozen
class RotationResult:
    """What :func:`motesplan.solve_rotation` returns.

    Attributes:
        status: how the solve ended.
        plan: the plan, when there is one.
        cost: its cost (turn order, plus broken soft successions).
        runtime: wall-clock seconds, the explanation included.
        reason: without a plan, why, in one line.
            A catalogue message, rendered in a language when printed
            (``result.reason.render("sv")``); ``None`` when there is nothing to say.
        explanation: when no rotation exists (``infeasible``), the rules that cannot
            all hold together, each with its key under ``[rotation]``; ``None`` otherwise
            (also when the time limit stopped the search).
    """

    status: Status
    plan: RotationPlan | None = None
    cost: int | None = None
    runtime: float = 0.0
    reason: Renderable | None = None
    explanation: Explanation[RotationRule] | None = None


def ideal_positions(problem: RotationProblem) -> dict[str, int]:
    """Each member's place in the turn order, as a position in the sequence of seats:
    ``0..n-1`` the chairs of the planned years, ``n`` the vice-chair of the last year
    (the next chair), ``n + 1`` after the plan.

    >>> p = RotationProblem("K", [Member("a"), Member("b"), Member("c")], 2024, 2024,
    ...     order=["c", "b", "a"], derive_order=False)
    >>> ideal_positions(p)
    {'c': 0, 'b': 1, 'a': 2}
    """
    last = len(problem.years) + 1
    return {member: min(index, last) for index, member in enumerate(problem.turn_order())}


def actual_positions(problem: RotationProblem, plan: RotationPlan) -> dict[str, int]:
    """Each member's first position in the plan's sequence of seats (see
    :func:`ideal_positions`); ``n + 1`` for a member not in it."""
    years = problem.years
    positions = dict.fromkeys(problem.member_ids, len(years) + 1)
    sequence = [(k, plan.get(year)) for k, year in enumerate(years)]
    for k, item in reversed(sequence):
        if item is not None and item.chair in positions:
            positions[item.chair] = k
    last = plan.get(years[-1])
    if last is not None and last.vice_chair in positions:
        positions[last.vice_chair] = min(positions[last.vice_chair], len(years))
    return positions


def order_cost(problem: RotationProblem, plan: RotationPlan) -> int:
    """How far the plan is from the turn order: the sum over members of the distance
    between their actual and ideal positions (one point per year)."""
    ideal = ideal_positions(problem)
    actual = actual_positions(problem, plan)
    return sum(abs(actual[m] - ideal[m]) for m in problem.member_ids)


def is_eligible(problem: RotationProblem, member: str, start: int, end: int) -> bool:
    """Whether ``member`` had to chair in the years ``start..end-1`` before another member
    may chair a second time: yes, unless it could not chair in any planned year of
    that stretch (an empty stretch excuses nobody; years before the plan count as
    possible, since they are past)."""
    planned = [y for y in range(start, end) if problem.first_year <= y <= problem.last_year]
    if not planned or len(planned) < end - start:
        return True
    return any(problem.excluded(member, year, Role.CHAIR) is None for year in planned)
