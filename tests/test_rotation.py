"""Chair rotation: the Södertörn case, every rule (solved, then broken by hand and caught
by the independent checker), the turn order, causes of departures, impossible
problems, validation, determinism, and a property test: every plan the solver
returns passes :func:`check_rotation` at the solver's own cost."""

from __future__ import annotations

import pytest
from hypothesis import given, settings

from motesplan import (
    Agreement,
    Exclusion,
    Grouping,
    Member,
    Role,
    RotationPlan,
    RotationProblem,
    RotationResult,
    RotationYear,
    SolveOptions,
    Status,
    Term,
    ValidationError,
    check_rotation,
    solve_rotation,
)
from motesplan.rotation.checker import RotationCheck
from motesplan.rotation.problem import actual_positions, ideal_positions, is_eligible, order_cost
from tests.strategies import rotation_problems

# -- helpers ----------------------------------------------------------------------

NAMES = {
    "botkyrka": "Botkyrka",
    "haninge": "Haninge",
    "huddinge": "Huddinge",
    "nykvarn": "Nykvarn",
    "nynashamn": "Nynäshamn",
    "salem": "Salem",
    "sodertalje": "Södertälje",
    "tyreso": "Tyresö",
}
MEMBERS = tuple(Member(key, name) for key, name in NAMES.items())
HISTORY = (
    Term(2018, "tyreso", "nynashamn"),
    Term(2020, "huddinge", "sodertalje"),
    Term(2021, "sodertalje", None),
    Term(2023, "botkyrka", "salem"),
)
BODY = "Samarbetskommittén"


def sodertorn(**changes: object) -> RotationProblem:
    """The Södertörn rotation 2024–2027, with ``changes`` to its fields."""
    values: dict[str, object] = {
        "body": BODY,
        "members": MEMBERS,
        "first_year": 2024,
        "last_year": 2027,
        "history": HISTORY,
    }
    values.update(changes)
    return RotationProblem(**values)  # type: ignore[arg-type]


def small(
    ids: str = "abcd", first: int = 2024, last: int = 2026, **changes: object
) -> RotationProblem:
    """A small rotation of members named by single letters."""
    return RotationProblem("K", [Member(x) for x in ids], first, last, **changes)  # type: ignore[arg-type]


def plan_of(first: int, *seats: tuple[str, str], body: str = BODY) -> RotationPlan:
    """A plan from (chair, vice-chair) pairs, one per year from ``first``."""
    return RotationPlan(
        body, tuple(RotationYear(first + k, c, v) for k, (c, v) in enumerate(seats))
    )


def at(result: RotationResult, year: int) -> RotationYear:
    """The seats of one year of a solved plan."""
    assert result.plan is not None
    item = result.plan.get(year)
    assert item is not None
    return item


def seats(plan: RotationPlan) -> list[tuple[int, str, str]]:
    return [(y.year, y.chair, y.vice_chair) for y in plan.years]


def solved(problem: RotationProblem) -> tuple[RotationResult, RotationCheck]:
    """Solve, and check the plan: it must keep every rule at the solver's own cost."""
    result = solve_rotation(problem, SolveOptions(time_limit=10))
    assert result.status is Status.OPTIMAL, result.reason and result.reason.render("sv")
    assert result.plan is not None
    check = check_rotation(problem, result.plan)
    assert check.violations == ()
    assert check.ok
    assert check.cost == result.cost
    years = [y.year for y in result.plan.years]
    assert years == list(problem.years)
    for item in result.plan.years:
        assert item.chair != item.vice_chair
    return result, check


def rules(check: RotationCheck) -> set[str]:
    return {v.rule for v in check.violations}


def reason(result: RotationResult, language: str = "sv") -> str:
    """Why there is no plan, in ``language``."""
    assert result.reason is not None
    return result.reason.render(language)


def no_plan(problem: RotationProblem) -> RotationResult:
    result = solve_rotation(problem, SolveOptions(time_limit=10))
    assert result.status is Status.INFEASIBLE
    assert result.plan is None
    assert result.cost is None
    text = reason(result)
    assert text.strip()
    assert "\n" not in text
    return result


# The solved Södertörn plan: the turn order taken seat by seat.
SODERTORN_PLAN = plan_of(
    2024,
    ("salem", "haninge"),
    ("haninge", "nykvarn"),
    ("nykvarn", "nynashamn"),
    ("nynashamn", "tyreso"),
)


# -- the Södertörn case ------------------------------------------------------------


def test_sodertorn_turn_order_is_derived_from_the_history() -> None:
    problem = sodertorn()
    # Salem was vice-chair in 2023, the year before the plan, so it chairs 2024 and
    # comes first. Then the members that never chaired in the known history, in the
    # members' order: Haninge, Nykvarn, Nynäshamn. Then those that did, the longest
    # ago first: Tyresö 2018, Huddinge 2020, Södertälje 2021, Botkyrka 2023.
    assert problem.successor() == "salem"
    assert problem.turn_order() == (
        "salem",
        "haninge",
        "nykvarn",
        "nynashamn",
        "tyreso",
        "huddinge",
        "sodertalje",
        "botkyrka",
    )
    assert problem.last_chaired("sodertalje") == 2021
    assert problem.last_chaired("nynashamn") is None  # it was only vice-chair (2018)
    # positions 0..3 chair 2024..2027, 4 is the vice-chair of 2027, 5 after the plan
    assert ideal_positions(problem) == {
        "salem": 0,
        "haninge": 1,
        "nykvarn": 2,
        "nynashamn": 3,
        "tyreso": 4,
        "huddinge": 5,
        "sodertalje": 5,
        "botkyrka": 5,
    }


def test_sodertorn_is_solved_by_the_turn_order() -> None:
    problem = sodertorn()
    result, check = solved(problem)
    assert result.plan is not None
    plan = result.plan
    assert plan.body == BODY
    assert plan.get(2024) == RotationYear(2024, "salem", "haninge")  # Salem chairs 2024
    for year in (2024, 2025, 2026):
        now, then = plan.get(year), plan.get(year + 1)
        assert now is not None
        assert then is not None
        assert now.vice_chair == then.chair  # the vice-chair chairs the next year
    assert plan == SODERTORN_PLAN
    assert result.cost == 0
    assert check.cost == 0
    assert check.deviations == ()
    assert order_cost(problem, plan) == 0
    assert actual_positions(problem, plan) == ideal_positions(problem)
    assert plan.get(2028) is None


# -- each rule: broken by hand, caught by the checker ----------------------------------


def test_the_hand_made_turn_order_plan_passes() -> None:
    check = check_rotation(sodertorn(), SODERTORN_PLAN)
    assert check.ok
    assert check.cost == 0


def test_same_member_in_both_seats_is_caught() -> None:
    plan = plan_of(
        2024,
        ("salem", "salem"),
        ("haninge", "nykvarn"),
        ("nykvarn", "nynashamn"),
        ("nynashamn", "tyreso"),
    )
    check = check_rotation(sodertorn(succession=False), plan)
    assert [(v.rule, v.year, v.members) for v in check.violations] == [("same", 2024, ("salem",))]
    assert check.violations[0].render("sv") == "2024: Salem är både ordförande och vice ordförande"
    assert not check.ok


def test_broken_succession_is_caught_when_hard() -> None:
    plan = plan_of(
        2024,
        ("salem", "nykvarn"),  # Nykvarn is vice-chair 2024 ...
        ("haninge", "nynashamn"),  # ... but Haninge chairs 2025
        ("nynashamn", "nykvarn"),
        ("nykvarn", "tyreso"),
    )
    check = check_rotation(sodertorn(), plan)
    assert [(v.rule, v.year, v.members) for v in check.violations] == [
        ("succession", 2025, ("nykvarn",))
    ]
    assert (
        check.violations[0].render("sv") == "Nykvarn, vice ordförande 2024, är inte ordförande 2025"
    )


def test_broken_succession_into_the_plan_is_caught() -> None:
    # Salem was vice-chair 2023 but Haninge chairs 2024
    plan = plan_of(
        2024,
        ("haninge", "nykvarn"),
        ("nykvarn", "nynashamn"),
        ("nynashamn", "salem"),
        ("salem", "tyreso"),
    )
    check = check_rotation(sodertorn(), plan)
    assert [(v.rule, v.year, v.members) for v in check.violations] == [
        ("succession", 2024, ("salem",))
    ]


@pytest.mark.parametrize("weight", [0, 7, 100])
def test_soft_succession_costs_its_weight_per_break(weight: int) -> None:
    problem = sodertorn(succession=False, succession_weight=weight)
    plan = plan_of(
        2024,
        ("haninge", "nykvarn"),  # break 1: Salem (vice 2023) does not chair 2024
        ("salem", "nynashamn"),  # break 2: Nykvarn (vice 2024) does not chair 2025
        ("nynashamn", "tyreso"),
        ("nykvarn", "huddinge"),  # break 3: Tyresö (vice 2026) does not chair 2027
    )
    check = check_rotation(problem, plan)
    assert check.violations == ()
    assert check.cost == order_cost(problem, plan) + 3 * weight
    # the same plan under hard succession: three violations
    hard = check_rotation(sodertorn(), plan)
    assert [(v.rule, v.year) for v in hard.violations] == [
        ("succession", 2024),
        ("succession", 2025),
        ("succession", 2027),
    ]


def test_hard_succession_breaks_are_violations_not_cost() -> None:
    plan = plan_of(
        2024,
        ("salem", "nykvarn"),
        ("haninge", "nynashamn"),  # Nykvarn, vice-chair 2024, does not chair 2025
        ("nynashamn", "nykvarn"),
        ("nykvarn", "tyreso"),
    )
    problem = sodertorn()
    check = check_rotation(problem, plan)
    assert rules(check) == {"succession"}
    assert check.cost == order_cost(problem, plan)


def test_soft_succession_is_solved_without_breaks_when_free() -> None:
    result, check = solved(sodertorn(succession=False))
    assert result.plan == SODERTORN_PLAN
    assert check.cost == 0


@pytest.mark.parametrize(
    ("succession", "weight", "first", "cost"),
    [
        # hard: b (vice-chair 2023) chairs 2024, three places early; the others move
        # three places in all (b, c, d with a vice-chair 2026, or b, c, a and then d)
        (True, 2, "b", 6),
        # soft and cheap: the given order c, d, a (b vice-chair 2026), one break
        (False, 2, "c", 2),
        # soft but dearer than the turn order: as if hard
        (False, 7, "b", 6),
    ],
)
def test_soft_succession_is_broken_only_when_cheaper(
    succession: bool, weight: int, first: str, cost: int
) -> None:
    problem = small(
        "abcd",
        history=[Term(2023, None, "b")],
        order=["c", "d", "a", "b"],
        derive_order=False,
        succession=succession,
        succession_weight=weight,
    )
    result, _ = solved(problem)
    assert result.plan is not None
    assert result.plan.years[0].chair == first
    assert result.cost == cost
    if first == "c":
        assert seats(result.plan) == [(2024, "c", "d"), (2025, "d", "a"), (2026, "a", "b")]
    else:  # no break
        assert order_cost(problem, result.plan) == cost


def test_pinned_member_with_soft_succession() -> None:
    # Nynäshamn chairs 2025 by agreement: hard or soft, the same plan; with a free
    # succession the cost is the turn-order cost only
    pinned = (Agreement("nynashamn", 2025),)
    hard, _ = solved(sodertorn(agreements=pinned))
    soft, _ = solved(sodertorn(agreements=pinned, succession=False))
    assert soft.plan == hard.plan
    assert soft.cost == hard.cost == 4
    free, _ = solved(sodertorn(agreements=pinned, succession=False, succession_weight=0))
    assert free.plan is not None
    assert at(free, 2025).chair == "nynashamn"
    assert free.cost == order_cost(sodertorn(agreements=pinned), free.plan) == 4


def test_chairing_twice_before_the_others_is_caught() -> None:
    plan = plan_of(
        2024,
        ("salem", "haninge"),
        ("haninge", "salem"),
        ("salem", "nykvarn"),  # Salem again, before Nykvarn, Nynäshamn ... chaired
        ("nykvarn", "nynashamn"),
    )
    check = check_rotation(sodertorn(), plan)
    assert rules(check) == {"fairness"}
    (violation,) = check.violations
    assert violation.year == 2026
    assert violation.members[0] == "salem"
    # everyone that has not chaired since Salem did in 2024 (Haninge has)
    assert set(violation.members[1:]) == set(NAMES) - {"salem", "haninge"}
    assert violation.render("sv").startswith("Salem är ordförande 2026 igen (senast 2024) innan ")


def test_chairing_again_across_the_history_is_caught() -> None:
    # Botkyrka chaired 2023; chairing 2024 again skips everyone else
    plan = plan_of(
        2024,
        ("botkyrka", "haninge"),
        ("haninge", "nykvarn"),
        ("nykvarn", "nynashamn"),
        ("nynashamn", "tyreso"),
    )
    check = check_rotation(sodertorn(), plan)
    assert rules(check) == {"fairness", "succession"}
    fairness = [v for v in check.violations if v.rule == "fairness"]
    assert [(v.year, v.members[0]) for v in fairness] == [(2024, "botkyrka")]
    assert set(fairness[0].members[1:]) == set(NAMES) - {"botkyrka"}
    assert "senast 2023" in fairness[0].render("sv")


def test_chairing_again_after_everyone_is_fair() -> None:
    # Three members: a chaired 2022, b 2023 and c 2024, so a may chair again 2025
    problem = small("abc", 2024, 2025, history=[Term(2022, "a"), Term(2023, "b", "c")])
    check = check_rotation(problem, plan_of(2024, ("c", "a"), ("a", "b"), body="K"))
    assert check.ok
    # but b chairing 2025 skips a
    check = check_rotation(problem, plan_of(2024, ("c", "b"), ("b", "a"), body="K"))
    assert [(v.rule, v.year, v.members) for v in check.violations] == [
        ("fairness", 2025, ("b", "a"))
    ]


def test_exclusion_is_caught() -> None:
    problem = sodertorn(exclusions=[Exclusion("nykvarn", 2026, "chair")])
    check = check_rotation(problem, SODERTORN_PLAN)
    assert [(v.rule, v.year, v.members) for v in check.violations] == [
        ("exclusion", 2026, ("nykvarn",))
    ]
    assert check.violations[0].render("sv") == "Nykvarn kan inte vara ordförande 2026"
    # an exclusion from the other seat does not touch the chair
    problem = sodertorn(exclusions=[Exclusion("nykvarn", 2026, "vice_chair")])
    assert check_rotation(problem, SODERTORN_PLAN).ok


def test_vice_chair_exclusion_is_caught() -> None:
    problem = sodertorn(exclusions=[Exclusion("nynashamn", 2026, Role.VICE_CHAIR)])
    check = check_rotation(problem, SODERTORN_PLAN)
    assert [(v.rule, v.year, v.members) for v in check.violations] == [
        ("exclusion", 2026, ("nynashamn",))
    ]
    assert check.violations[0].render("sv") == "Nynäshamn kan inte vara vice ordförande 2026"


def test_agreement_not_kept_is_caught() -> None:
    problem = sodertorn(agreements=[Agreement("tyreso", 2027, "vice")])
    assert check_rotation(problem, SODERTORN_PLAN).ok  # kept
    problem = sodertorn(agreements=[Agreement("nynashamn", 2025)])
    check = check_rotation(problem, SODERTORN_PLAN)
    assert [(v.rule, v.year, v.members) for v in check.violations] == [
        ("agreement", 2025, ("nynashamn",))
    ]
    assert check.violations[0].render("sv") == (
        "överenskommelsen att Nynäshamn är ordförande 2025 hålls inte"
    )


def test_same_group_is_caught() -> None:
    problem = sodertorn(groups=[Grouping(2025, {"haninge": "S", "nykvarn": "S", "salem": "M"})])
    check = check_rotation(problem, SODERTORN_PLAN)
    assert [(v.rule, v.year, set(v.members)) for v in check.violations] == [
        ("group", 2025, {"haninge", "nykvarn"})
    ]
    assert check.violations[0].render("sv") == (
        "2025: ordförande och vice ordförande kommer från samma grupp (S)"
    )


def test_unknown_member_is_caught() -> None:
    plan = plan_of(
        2024,
        ("salem", "haninge"),
        ("haninge", "stockholm"),
        ("stockholm", "nynashamn"),
        ("nynashamn", "tyreso"),
    )
    check = check_rotation(sodertorn(), plan)
    members = [v for v in check.violations if v.rule == "member"]
    assert [(v.year, v.members) for v in members] == [
        (2025, ("stockholm",)),
        (2026, ("stockholm",)),
    ]
    assert members[0].render("sv") == "2025: 'stockholm' är ingen medlem"


def test_missing_and_extra_years_are_caught() -> None:
    plan = plan_of(
        2024,
        ("salem", "haninge"),
        ("haninge", "nykvarn"),
        ("nykvarn", "nynashamn"),
    )
    check = check_rotation(sodertorn(), plan)
    assert [(v.rule, v.year) for v in check.violations] == [("year", 2027)]
    assert check.violations[0].render("sv") == "2027 saknas i förslaget"
    longer = plan_of(
        2024,
        ("salem", "haninge"),
        ("haninge", "nykvarn"),
        ("nykvarn", "nynashamn"),
        ("nynashamn", "tyreso"),
        ("tyreso", "huddinge"),
    )
    check = check_rotation(sodertorn(), longer)
    assert [(v.rule, v.year) for v in check.violations] == [("year", 2028)]


# -- each rule: solved, then checked ---------------------------------------------------


def test_exclusion_moves_a_member_and_names_the_year() -> None:
    problem = sodertorn(
        exclusions=[
            Exclusion("nykvarn", 2025, "chair"),
            Exclusion("nykvarn", 2026, "chair", reason="kommunfullmäktige byter presidium"),
        ]
    )
    result, check = solved(problem)
    assert result.plan is not None
    chairs = [y.chair for y in result.plan.years]
    assert chairs == ["salem", "haninge", "nynashamn", "nykvarn"]
    assert result.cost == 2  # Nynäshamn one year early, Nykvarn one year late
    moved = {d.member: d for d in check.deviations}
    assert set(moved) == {"nykvarn", "nynashamn"}
    nykvarn = moved["nykvarn"]
    assert (nykvarn.expected, nykvarn.actual, nykvarn.rule) == (2026, 2027, "exclusion")
    assert nykvarn.cause.render("sv") == (
        "Nykvarn flyttas från 2026 till 2027 eftersom kommunen inte kan vara ordförande"
        " 2026 (kommunfullmäktige byter presidium)"
    )
    nynashamn = moved["nynashamn"]
    assert (nynashamn.expected, nynashamn.actual, nynashamn.rule) == (2027, 2026, "knock_on")
    assert nynashamn.cause.render("sv") == (
        "Nynäshamn flyttas från 2027 till 2026 eftersom en kommun före i turordningen har flyttats"
    )


def test_vice_chair_exclusion_the_year_before_moves_a_member() -> None:
    # Nykvarn cannot be vice-chair 2025, so it cannot chair 2026 under succession
    problem = sodertorn(exclusions=[Exclusion("nykvarn", 2025, "vice_chair")])
    result, check = solved(problem)
    assert result.plan is not None
    assert at(result, 2025).vice_chair != "nykvarn"
    assert at(result, 2026).chair != "nykvarn"
    (nykvarn,) = [d for d in check.deviations if d.member == "nykvarn"]
    assert nykvarn.rule == "exclusion"
    assert nykvarn.expected == 2026
    assert nykvarn.cause.render("sv").endswith(
        "eftersom kommunen inte kan vara vice ordförande 2025"
    )


def test_exclusion_from_both_seats_is_kept() -> None:
    # Haninge and Nykvarn cannot serve in 2024, so Nynäshamn is vice-chair 2024
    problem = sodertorn(exclusions=[Exclusion("haninge", 2024), Exclusion("nykvarn", 2024)])
    result, check = solved(problem)
    assert result.plan is not None
    assert seats(result.plan) == [
        (2024, "salem", "nynashamn"),
        (2025, "nynashamn", "haninge"),
        (2026, "haninge", "nykvarn"),
        (2027, "nykvarn", "tyreso"),
    ]
    assert result.cost == 4  # Haninge and Nykvarn one year late, Nynäshamn two early
    moved = {d.member: (d.expected, d.actual, d.rule) for d in check.deviations}
    assert moved == {
        "haninge": (2025, 2026, "exclusion"),
        "nykvarn": (2026, 2027, "knock_on"),
        "nynashamn": (2027, 2025, "knock_on"),
    }
    (haninge,) = [d for d in check.deviations if d.member == "haninge"]
    assert haninge.cause.render("sv") == (
        "Haninge flyttas från 2025 till 2026 eftersom kommunen inte kan vara vice ordförande 2024"
    )


def test_agreement_against_the_order_is_kept() -> None:
    problem = sodertorn(agreements=[Agreement("nynashamn", 2025)])
    result, check = solved(problem)
    assert result.plan is not None
    assert result.plan.get(2025).chair == "nynashamn"  # type: ignore[union-attr]
    assert result.plan.get(2024) == RotationYear(2024, "salem", "nynashamn")
    # two plans tie at cost 4 (Haninge and Nykvarn in either order after Nynäshamn)
    assert result.cost == 4
    moved = {d.member: d for d in check.deviations}
    haninge = moved["haninge"]
    assert (haninge.expected, haninge.rule) == (2025, "agreement")
    assert haninge.cause.render("sv") == (
        f"Haninge flyttas från 2025 till {haninge.actual} eftersom Nynäshamn enligt"
        " överenskommelse är ordförande 2025"
    )
    nynashamn = moved["nynashamn"]
    assert nynashamn.rule == "agreement"
    assert nynashamn.cause.render("sv") == (
        "Nynäshamn flyttas från 2027 till 2025 eftersom kommunen enligt överenskommelse är"
        " ordförande 2025"
    )


def test_vice_chair_agreement_is_kept() -> None:
    problem = sodertorn(agreements=[Agreement("botkyrka", 2026, Role.VICE_CHAIR)])
    # Botkyrka chaired 2023 and would chair 2027: fairness forbids it, so succession
    # makes this impossible ...
    no_plan(problem)
    # ... but with succession soft it is kept, at the price of one break
    result, _ = solved(sodertorn(agreements=problem.agreements, succession=False))
    assert result.plan is not None
    assert at(result, 2026).vice_chair == "botkyrka"
    assert at(result, 2027).chair != "botkyrka"
    assert result.cost is not None
    assert result.cost >= 100


def test_groups_are_respected() -> None:
    # Salem and Haninge are in the same group in 2024, so Haninge cannot be
    # vice-chair 2024 and so not chair 2025
    problem = sodertorn(groups=[Grouping(2024, {"salem": "M", "haninge": "M", "nykvarn": "S"})])
    result, check = solved(problem)
    assert result.plan is not None
    first = result.plan.get(2024)
    assert first is not None
    assert first.vice_chair != "haninge"
    assert at(result, 2025).chair != "haninge"
    moved = {d.member: d for d in check.deviations}
    assert moved["haninge"].rule == "group"
    assert moved["haninge"].expected == 2025
    assert (
        moved["haninge"]
        .cause.render("sv")
        .endswith("eftersom ordföranden 2024 kommer från samma grupp (M)")
    )


GROUPS = {
    "salem": "A",
    "haninge": "B",
    "nykvarn": "B",
    "nynashamn": "A",
    "tyreso": "A",
    "huddinge": "B",
    "sodertalje": "B",
    "botkyrka": "A",
}


def test_groups_every_year_are_respected() -> None:
    # Haninge and Nykvarn (both B) would be chair and vice-chair 2025 in the turn
    # order, so Nynäshamn (A) takes Nykvarn's place
    groups = [Grouping(year, GROUPS) for year in range(2024, 2028)]
    result, check = solved(sodertorn(groups=groups))
    assert result.plan is not None
    for item in result.plan.years:
        assert GROUPS[item.chair] != GROUPS[item.vice_chair]
    assert [y.chair for y in result.plan.years] == ["salem", "haninge", "nynashamn", "nykvarn"]
    assert result.cost == 2
    (nykvarn,) = [d for d in check.deviations if d.member == "nykvarn"]
    assert (nykvarn.expected, nykvarn.actual, nykvarn.rule) == (2026, 2027, "group")
    assert nykvarn.cause.render("sv") == (
        "Nykvarn flyttas från 2026 till 2027 eftersom ordföranden 2025 kommer från samma grupp (B)"
    )


def test_a_member_moved_earlier_is_not_blamed_on_its_own_group() -> None:
    groups = [Grouping(year, GROUPS) for year in range(2024, 2028)]
    result, check = solved(sodertorn(groups=groups))
    assert result.plan is not None
    assert at(result, 2026).chair == "nynashamn"
    (nynashamn,) = [d for d in check.deviations if d.member == "nynashamn"]
    assert (nynashamn.expected, nynashamn.actual) == (2027, 2026)
    # Nynäshamn itself chairs 2026: it moves because Nykvarn moved, not for a group
    assert nynashamn.rule == "knock_on"


# -- partial history and the turn order ------------------------------------------------


def test_unknown_vice_chair_before_the_plan_leaves_the_first_chair_open() -> None:
    problem = sodertorn(history=(*HISTORY[:3], Term(2023, "botkyrka", None)))
    assert problem.successor() is None
    # without a successor Salem is just one of the members that never chaired
    assert problem.turn_order()[:4] == ("haninge", "nykvarn", "nynashamn", "salem")
    result, _ = solved(problem)
    assert result.plan is not None
    assert [y.chair for y in result.plan.years] == ["haninge", "nykvarn", "nynashamn", "salem"]
    assert at(result, 2027).vice_chair == "tyreso"
    assert result.cost == 0


def test_unknown_chair_with_known_vice_chair() -> None:
    problem = sodertorn(history=(*HISTORY[:3], Term(2023, None, "huddinge")))
    assert problem.successor() == "huddinge"
    assert problem.last_chaired("botkyrka") is None
    # Huddinge first (successor), then never-chaired (Botkyrka now among them), then
    # Tyresö 2018, Södertälje 2021
    assert problem.turn_order() == (
        "huddinge",
        "botkyrka",
        "haninge",
        "nykvarn",
        "nynashamn",
        "salem",
        "tyreso",
        "sodertalje",
    )
    # Huddinge chaired 2020; since then only Södertälje chaired (as far as known), so
    # Huddinge may not chair 2024 before the others: no plan under hard succession
    no_plan(problem)
    result, _ = solved(sodertorn(history=problem.history, succession=False))
    assert result.plan is not None
    assert at(result, 2024).chair != "huddinge"


def test_no_history_follows_the_members_order() -> None:
    problem = small("abcd", 2024, 2026)
    assert problem.successor() is None
    assert problem.turn_order() == ("a", "b", "c", "d")
    result, _ = solved(problem)
    assert result.plan is not None
    assert seats(result.plan) == [(2024, "a", "b"), (2025, "b", "c"), (2026, "c", "d")]


def test_derived_order_puts_never_chaired_before_chaired() -> None:
    problem = small("abcd", history=[Term(2020, "a"), Term(2021, "b")])
    assert problem.turn_order() == ("c", "d", "a", "b")


def test_derived_order_puts_the_longest_waiting_first() -> None:
    problem = small("abc", history=[Term(2022, "a"), Term(2019, "c"), Term(2021, "b")])
    assert problem.history[0].year == 2019  # history is kept sorted
    assert problem.turn_order() == ("c", "b", "a")
    # the last term counts, not the first
    problem = small(
        "abc", history=[Term(2015, "a"), Term(2016, "b"), Term(2017, "c"), Term(2018, "a")]
    )
    assert problem.turn_order() == ("b", "c", "a")


def test_derived_order_breaks_ties_by_the_order_list() -> None:
    problem = small("abcd", history=[Term(2022, "a")], order=["d", "c"])
    assert problem.turn_order() == ("d", "c", "b", "a")
    result, _ = solved(problem)
    assert result.plan is not None
    assert [y.chair for y in result.plan.years] == ["d", "c", "b"]


def test_derived_order_puts_the_successor_first() -> None:
    problem = small("abc", history=[Term(2019, "c"), Term(2023, "a", "b")])
    # b is the successor although c has waited longer and b never chaired
    assert problem.turn_order()[0] == "b"
    assert problem.turn_order() == ("b", "c", "a")
    # a successor that chaired long ago still comes first
    problem = small("abcd", history=[Term(2019, "c"), Term(2023, "a", "c")])
    assert problem.turn_order() == ("c", "b", "d", "a")


def test_given_turn_order_is_followed() -> None:
    problem = small("abcd", order=["d", "b", "a", "c"], derive_order=False)
    assert problem.turn_order() == ("d", "b", "a", "c")
    assert ideal_positions(problem) == {"d": 0, "b": 1, "a": 2, "c": 3}
    result, check = solved(problem)
    assert result.plan is not None
    assert seats(result.plan) == [(2024, "d", "b"), (2025, "b", "a"), (2026, "a", "c")]
    assert result.cost == 0
    assert check.deviations == ()


def test_given_turn_order_ignores_the_history_for_the_order() -> None:
    # the history still decides the successor, who must chair 2024 (hard succession)
    problem = small(
        "abcd", history=[Term(2023, "d", "c")], order=["a", "b", "c", "d"], derive_order=False
    )
    assert problem.turn_order() == ("a", "b", "c", "d")
    result, check = solved(problem)
    assert result.plan is not None
    assert at(result, 2024).chair == "c"
    assert result.cost is not None
    assert result.cost > 0
    (c,) = [d for d in check.deviations if d.member == "c"]
    assert c.expected == 2026
    assert c.actual == 2024
    assert any(d.rule == "succession" for d in check.deviations)


# -- English ---------------------------------------------------------------------------


def test_english_messages() -> None:
    problem = sodertorn(
        exclusions=[
            Exclusion("nykvarn", 2025, "chair"),
            Exclusion("nykvarn", 2026, "chair", reason="election"),
        ],
    )
    _, check = solved(problem)
    (nykvarn,) = [d for d in check.deviations if d.member == "nykvarn"]
    assert nykvarn.cause.render("en") == (
        "Nykvarn moves from 2026 to 2027 because it cannot be chair in 2026 (election)"
    )
    check = check_rotation(problem, SODERTORN_PLAN)
    assert [v.render("en") for v in check.violations] == ["Nykvarn cannot be chair in 2026"]
    # the language is chosen when the messages are printed
    check = check_rotation(sodertorn(), plan_of(2024, ("salem", "haninge")))
    assert [v.message.render("en") for v in check.violations] == [
        "2025 is missing from the plan",
        "2026 is missing from the plan",
        "2027 is missing from the plan",
    ]


def test_english_reasons() -> None:
    result = no_plan(sodertorn(agreements=[Agreement("haninge", 2025), Agreement("nykvarn", 2025)]))
    assert reason(result, "en") == "in 2025 both Haninge, Nykvarn are agreed as chair"
    result = no_plan(
        small(
            "abc",
            2024,
            2026,
            history=[Term(2023, "a", "b")],
            exclusions=[Exclusion("c", 2025, "chair")],
        )
    )
    assert reason(result, "en") == "the rotation rules of K cannot all hold together"


# -- no plan ---------------------------------------------------------------------------


def test_two_agreements_for_one_seat() -> None:
    result = no_plan(sodertorn(agreements=[Agreement("nykvarn", 2025), Agreement("haninge", 2025)]))
    assert reason(result) == "2025 är både Haninge, Nykvarn överenskomna som ordförande"
    # the same member agreed twice is fine
    solved(sodertorn(agreements=[Agreement("haninge", 2025), Agreement("haninge", 2025)]))


def test_everyone_excluded_from_a_seat() -> None:
    excluded = [Exclusion(m, 2026, "vice_chair") for m in NAMES]
    result = no_plan(sodertorn(exclusions=excluded))
    assert reason(result) == "ingen kan vara vice ordförande 2026: alla är förhindrade"


def test_agreement_on_an_excluded_member() -> None:
    result = no_plan(
        sodertorn(
            exclusions=[Exclusion("nykvarn", 2026, "chair")],
            agreements=[Agreement("nykvarn", 2026)],
        )
    )
    assert (
        reason(result) == "Nykvarn är överenskommen som ordförande 2026 men kan inte tjänstgöra då"
    )


def test_succession_and_fairness_leave_no_chair() -> None:
    # a chaired 2023 with b as vice-chair, so b chairs 2024. c cannot chair 2025,
    # b has just chaired, and a may not chair again before c: nobody can chair
    # 2025, though nobody is excluded from every seat.
    problem = small(
        "abc",
        2024,
        2026,
        history=[Term(2023, "a", "b")],
        exclusions=[Exclusion("c", 2025, "chair")],
    )
    result = no_plan(problem)
    assert reason(result) == "reglerna för ordförandeskapet i K kan inte uppfyllas samtidigt"
    # with succession soft, c chairs 2024 instead, and b pays the break
    soft = small(
        "abc",
        2024,
        2026,
        history=[Term(2023, "a", "b")],
        exclusions=[Exclusion("c", 2025, "chair")],
        succession=False,
    )
    result, _ = solved(soft)
    assert result.plan is not None
    assert [y.chair for y in result.plan.years] == ["c", "b", "a"]
    assert result.cost is not None
    assert result.cost >= 100


def test_groups_leave_no_pair() -> None:
    problem = small("abc", 2024, 2025, groups=[Grouping(2025, {"a": "x", "b": "x", "c": "x"})])
    result = no_plan(problem)
    assert reason(result) == "reglerna för ordförandeskapet i K kan inte uppfyllas samtidigt"


def test_fairness_within_the_plan_leaves_no_chair() -> None:
    # Two members, succession soft. b chairs 2025 by agreement and a cannot chair
    # 2026, so b would chair 2025 and 2026 without a chairing in between
    problem = small(
        "ab",
        2024,
        2026,
        exclusions=[Exclusion("a", 2026, "chair")],
        agreements=[Agreement("b", 2025)],
        succession=False,
    )
    result = no_plan(problem)
    assert reason(result) == "reglerna för ordförandeskapet i K kan inte uppfyllas samtidigt"
    # the checker agrees that the only candidate breaks fairness
    check = check_rotation(problem, plan_of(2024, ("a", "b"), ("b", "a"), ("b", "a"), body="K"))
    assert [(v.rule, v.year, v.members) for v in check.violations] == [
        ("fairness", 2026, ("b", "a"))
    ]


# -- validation ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("changes", "words"),
    [
        ({"history": [Term(2022, "stockholm")]}, "unknown member 'stockholm'"),
        ({"history": [Term(2022, "salem", "solna")]}, "unknown member 'solna'"),
        ({"exclusions": [Exclusion("solna", 2025)]}, "unknown member 'solna'"),
        ({"agreements": [Agreement("solna", 2025)]}, "unknown member 'solna'"),
        ({"order": ["salem", "solna"]}, "unknown member 'solna'"),
        ({"groups": [Grouping(2025, {"solna": "x"})]}, "unknown member 'solna'"),
        ({"history": [Term(2024, "salem")]}, "not before the first planned year 2024"),
        ({"history": [Term(2030, "salem")]}, "not before the first planned year 2024"),
        ({"history": [Term(2022, "salem"), Term(2022, "haninge")]}, "given twice"),
        ({"last_year": 2023}, "before first_year"),
        ({"members": [Member("salem")]}, "at least two members"),
        ({"members": [Member("salem"), Member("salem")]}, "used twice"),
        ({"order": ["salem", "haninge"], "derive_order": False}, "missing: botkyrka"),
        ({"order": ["salem", "salem"]}, "twice"),
        ({"exclusions": [Exclusion("salem", 2028)]}, "outside the years"),
        ({"agreements": [Agreement("salem", 2023)]}, "outside the years"),
        ({"succession_weight": -1}, "succession_weight"),
    ],
)
def test_invalid_problems_raise(changes: dict[str, object], words: str) -> None:
    with pytest.raises(ValidationError, match=words):
        sodertorn(**changes)


def test_history_with_chair_as_vice_raises() -> None:
    with pytest.raises(ValidationError, match="both chair and vice-chair"):
        Term(2023, "salem", "salem")
    Term(2023, None, None)  # both unknown is fine


def test_invalid_items_raise() -> None:
    with pytest.raises(ValidationError, match="unknown role"):
        Exclusion("salem", 2025, "secretary")
    with pytest.raises(ValidationError, match="year"):
        Term(24, "salem")
    with pytest.raises(ValidationError, match="history"):
        sodertorn(history="salem")
    assert Exclusion("salem", 2025, "ordförande").roles == (Role.CHAIR,)
    assert Exclusion("salem", 2025).roles == (Role.CHAIR, Role.VICE_CHAIR)
    assert Agreement("salem", 2025, "vice ordförande").role is Role.VICE_CHAIR


def test_full_order_without_derivation_is_valid() -> None:
    problem = sodertorn(order=list(reversed(NAMES)), derive_order=False)
    assert problem.turn_order() == tuple(reversed(NAMES))


# -- determinism -----------------------------------------------------------------------


def test_solving_twice_gives_the_same_plan() -> None:
    problem = sodertorn(succession=False, exclusions=[Exclusion("nykvarn", 2026)])
    first = solve_rotation(problem)
    second = solve_rotation(problem)
    assert first.plan is not None
    assert first.plan == second.plan
    assert first.cost == second.cost


def test_workers_do_not_change_the_plan() -> None:
    # many equally good plans: no history, no order to tell the members apart
    for problem in (
        small("abcdefgh", 2024, 2029, succession=False, succession_weight=0),
        sodertorn(succession=False, exclusions=[Exclusion("haninge", 2025)]),
    ):
        one = solve_rotation(problem, SolveOptions(workers=1))
        three = solve_rotation(problem, SolveOptions(workers=3))
        assert one.status is three.status is Status.OPTIMAL
        assert one.plan == three.plan
        assert one.cost == three.cost


# -- fairness across a gap in the history ----------------------------------------------


def test_is_eligible_counts_past_years_as_possible() -> None:
    problem = small("abcd", 2024, 2026, exclusions=[Exclusion("c", 2024, "chair")])
    assert not is_eligible(problem, "c", 2024, 2025)  # excluded the whole stretch
    assert is_eligible(problem, "c", 2023, 2025)  # could have chaired in 2023
    assert is_eligible(problem, "c", 2024, 2024)  # an empty stretch excuses nobody
    assert is_eligible(problem, "c", 2024, 2026)


def test_fairness_after_an_old_term_agrees_with_the_checker() -> None:
    # Haninge and Nykvarn cannot serve 2024–2025. Tyresö chaired 2018; it must wait for
    # them, since they could have chaired 2019–2023: the solver and checker agree
    excluded = [Exclusion(m, y) for m in ("haninge", "nykvarn") for y in (2024, 2025)]
    problem = sodertorn(exclusions=excluded)
    result = solve_rotation(problem)
    assert result.plan is None or check_rotation(problem, result.plan).ok


def test_fairness_over_a_gap_in_the_history_agrees_with_the_checker() -> None:
    # a chaired 2022, b 2023 (2023 vice unknown). c cannot chair 2024; a is agreed as
    # chair 2025. c and d must chair before a does again, and only 2024 is left for
    # them: no plan
    problem = small(
        "abcd",
        2024,
        2026,
        history=[Term(2022, "a"), Term(2023, "b")],
        exclusions=[Exclusion("c", 2024, "chair")],
        agreements=[Agreement("a", 2025)],
    )
    result = solve_rotation(problem)
    assert result.status is Status.INFEASIBLE


# -- property test ---------------------------------------------------------------------


@settings(deadline=None, max_examples=60)
@given(rotation_problems())
def test_every_solved_plan_passes_the_checker(problem: RotationProblem) -> None:
    result = solve_rotation(problem, SolveOptions(time_limit=10))
    if result.plan is not None:
        assert result.status is Status.OPTIMAL
        check = check_rotation(problem, result.plan)
        assert check.violations == ()
        assert check.cost == result.cost
        assert [y.year for y in result.plan.years] == list(problem.years)
        assert order_cost(problem, result.plan) <= check.cost
    else:
        assert result.status is Status.INFEASIBLE
        for language in ("sv", "en"):
            text = reason(result, language)
            assert text.strip()
            assert "\n" not in text
