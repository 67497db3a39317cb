"""Why no rotation exists: deliberately impossible rotations, each explained by the
rules that conflict; removing any one named rule makes a rotation possible (shown by
removing it from the problem and solving, and, for rules that cannot be removed one by
one from a problem, by solving without it and letting the independent checker confirm
that only it is broken). Texts in Swedish and English; a property test over random
small problems."""

from __future__ import annotations

import tomllib
from collections.abc import Collection
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings

from motesplan import (
    Agreement,
    Exclusion,
    Grouping,
    Member,
    RotationPlan,
    RotationProblem,
    RotationResult,
    RotationRule,
    SolveOptions,
    Source,
    Status,
    Term,
    check_rotation,
    solve_rotation,
)
from motesplan.config import config_from_text
from motesplan.planner.explanation import ConflictRule, Explanation
from motesplan.reports.explanation import format_explanation
from motesplan.rotation.checker import RotationViolation
from motesplan.solver.rotation import explain as rotation_explain
from motesplan.solver.rotation.explain import (
    RotationConflict,
    explain_rotation,
    find_conflict,
    plan_keeping,
    rule_keys,
)
from motesplan.solver.rotation.model import RuleKey
from motesplan.text import Joined
from tests.strategies import rotation_problems
from tests.test_rotation import HISTORY, MEMBERS, NAMES

# -- helpers ----------------------------------------------------------------------


def sodertorn(**changes: object) -> RotationProblem:
    """The Södertörn rotation 2024–2027 (docs/rotation.md), with ``changes``."""
    values: dict[str, object] = {
        "body": "Samarbetskommittén",
        "members": MEMBERS,
        "first_year": 2024,
        "last_year": 2027,
        "history": HISTORY,
    }
    values.update(changes)
    return RotationProblem(**values)  # type: ignore[arg-type]


def small(ids: str, first: int, last: int, **changes: object) -> RotationProblem:
    return RotationProblem("K", [Member(x) for x in ids], first, last, **changes)  # type: ignore[arg-type]


def located(problem: RotationProblem, file: str = "year.toml") -> RotationProblem:
    """``problem`` as if read from a file's ``[rotation]``: the problem, each history
    year, exclusion, agreement and grouping stated at its place (``rotation.history[2]``),
    so that a rule of an explanation says where it is."""

    def at(items: tuple[object, ...], name: str) -> list[object]:
        key = f"rotation.{name}"
        return [
            attrs.evolve(item, source=Source(file, f"{key}[{index}]"))  # type: ignore[misc]
            for index, item in enumerate(items)
        ]

    return attrs.evolve(
        problem,
        history=at(problem.history, "history"),
        exclusions=at(problem.exclusions, "exclusions"),
        agreements=at(problem.agreements, "agreements"),
        groups=at(problem.groups, "groups"),
        source=Source(file, "rotation"),
    )


def explained(problem: RotationProblem) -> tuple[RotationResult, Explanation]:
    """Solve: no rotation, and an explanation proven minimal."""
    if problem.source is None:
        problem = located(problem)
    result = solve_rotation(problem, SolveOptions(time_limit=10))
    assert result.status is Status.INFEASIBLE
    assert result.plan is None
    assert result.explanation is not None
    assert result.explanation.minimal
    assert result.explanation.rules
    return result, result.explanation


def reason(result: RotationResult, language: str = "sv") -> str:
    """The one-line reason of a result without a rotation, in ``language``."""
    assert result.reason is not None
    return result.reason.render(language)


def sources(explanation: Explanation) -> list[tuple[str, str]]:
    return [(rule.kind, rule.where) for rule in explanation.rules]


def feasible(problem: RotationProblem) -> None:
    """The problem has a rotation, which the independent checker accepts."""
    result = solve_rotation(problem, SolveOptions(time_limit=10))
    assert result.plan is not None, result.reason and result.reason.render("sv")
    assert result.explanation is None
    assert check_rotation(problem, result.plan).ok


def without(problem: RotationProblem, rule: ConflictRule) -> RotationProblem:
    """The problem with one rule of an explanation removed, where a problem can say it:
    an exclusion, agreement or grouping dropped; a history entry's seat forgotten
    (the chair for a fairness rule, the vice-chair for a succession into the plan);
    succession made soft for a handover inside the plan."""
    if rule.where == "rotation.succession":
        return attrs.evolve(problem, succession=False)
    name, _, rest = rule.where.removeprefix("rotation.").partition("[")
    index = int(rest.rstrip("]"))
    if name == "history":
        term = problem.history[index]
        forgotten = (
            attrs.evolve(term, vice_chair=None)
            if rule.kind == "succession"
            else attrs.evolve(term, chair=None)
        )
        history = [forgotten if k == index else t for k, t in enumerate(problem.history)]
        return attrs.evolve(problem, history=history)
    items = list(getattr(problem, name))
    del items[index]
    return attrs.evolve(problem, **{name: items})  # type: ignore[arg-type]


def kept_problem(problem: RotationProblem, kept: Collection[RuleKey]) -> RotationProblem:
    """The problem with only the kept exclusions, agreements and groupings."""

    def keep(kind: str, items: tuple[object, ...]) -> list[object]:
        return [item for k, item in enumerate(items) if RuleKey(kind, k) in kept]

    return attrs.evolve(
        problem,
        exclusions=keep("exclusion", problem.exclusions),
        agreements=keep("agreement", problem.agreements),
        groups=keep("groups", problem.groups),
    )


def broken_kept_rules(
    problem: RotationProblem, plan: RotationPlan, kept: Collection[RuleKey]
) -> list[RotationViolation]:
    """The checker's violations of ``plan`` that break one of the ``kept`` rules.

    Exclusions, agreements and groupings not kept are taken out of the problem first;
    a succession or fairness violation counts only when its rule is kept.
    """
    reduced = kept_problem(problem, kept)
    found = []
    for violation in check_rotation(reduced, plan).violations:
        if violation.rule == "succession":
            key = RuleKey("succession", violation.year or 0)
        elif violation.rule == "fairness":
            member, year = violation.members[0], violation.year or 0
            chairs = [t.year for t in problem.history if t.chair == member]
            chairs += [y.year for y in plan.years if y.chair == member and y.year < year]
            kind = "fairness" if max(chairs) < problem.first_year else "fairness_plan"
            key = RuleKey(kind, member)
        else:  # exclusion, agreement, group: only kept ones are left; same, year, member
            found.append(violation)
            continue
        if key in kept:
            found.append(violation)
    return found


def assert_minimal_conflict(problem: RotationProblem, conflict: RotationConflict) -> None:
    """The conflict's rules cannot hold together, and without any one of them they can:
    the plan found then breaks no rule kept (the independent checker says)."""
    rules = set(conflict.rules)
    assert plan_keeping(problem, rules) is None
    for rule in conflict.rules:
        kept = rules - {rule}
        plan = plan_keeping(problem, kept)
        assert plan is not None, rule
        assert broken_kept_rules(problem, plan, kept) == [], rule


def assert_each_removal_solves(problem: RotationProblem, explanation: Explanation) -> None:
    """Removing any one named rule from the problem makes a rotation possible."""
    for rule in explanation.rules:
        feasible(without(problem, rule))


# -- an agreement against succession -----------------------------------------------


def test_an_agreement_against_succession_from_the_history() -> None:
    problem = sodertorn(agreements=[Agreement("haninge", 2024)])
    result, explanation = explained(problem)
    assert sources(explanation) == [
        ("agreement", "rotation.agreements[0]"),
        ("succession", "rotation.history[3]"),
    ]
    assert explanation.summary.render("sv") == (
        "Haninge och Salem skulle båda behöva vara ordförande 2024: "
        "Haninge ska vara ordförande 2024 enligt överenskommelse; "
        "Salem var vice ordförande 2023 och blir därför ordförande 2024."
    )
    # the one-line reason is kept as it was
    assert (
        reason(result)
        == "reglerna för ordförandeskapet i Samarbetskommittén kan inte uppfyllas samtidigt"
    )
    assert_each_removal_solves(problem, explanation)
    feasible(attrs.evolve(problem, succession=False))


def test_an_agreement_against_succession_inside_the_plan() -> None:
    # Nykvarn chairs 2027, so it is vice-chair 2026, which it cannot be
    problem = sodertorn(
        agreements=[Agreement("nykvarn", 2027)],
        exclusions=[Exclusion("nykvarn", 2026, "vice_chair", reason="byter organisation")],
    )
    _, explanation = explained(problem)
    assert sources(explanation) == [
        ("agreement", "rotation.agreements[0]"),
        ("exclusion", "rotation.exclusions[0]"),
        ("succession", "rotation.succession"),
    ]
    assert explanation.summary.render("sv").startswith("Ingen kan vara vice ordförande 2026: ")
    assert_each_removal_solves(problem, explanation)
    conflict = find_conflict(problem, 10)
    assert conflict is not None
    assert RuleKey("succession", 2027) in conflict.rules
    assert_minimal_conflict(problem, conflict)


def test_swedish_and_english_text() -> None:
    exclusion = Exclusion("nykvarn", 2026, "vice_chair", reason="byter organisation")
    swedish = sodertorn(agreements=[Agreement("nykvarn", 2027)], exclusions=[exclusion])
    _, explanation = explained(swedish)
    assert explanation.summary.render("sv") == (
        "Ingen kan vara vice ordförande 2026: "
        "Nykvarn ska vara ordförande 2027 enligt överenskommelse; "
        "Nykvarn kan inte vara vice ordförande 2026 (byter organisation); "
        "vice ordförande 2026 blir ordförande 2027."
    )
    assert format_explanation(explanation, "sv", "sodertorn-2024.toml") == (
        "Ingen kan vara vice ordförande 2026: Nykvarn ska vara ordförande 2027 enligt "
        "överenskommelse; Nykvarn kan inte vara vice ordförande 2026 (byter organisation); "
        "vice ordförande 2026 blir ordförande 2027.\n"
        "Regler som inte kan gälla samtidigt:\n"
        "  - Nykvarn ska vara ordförande 2027 enligt överenskommelse "
        "[sodertorn-2024.toml: rotation.agreements[0]]\n"
        "  - Nykvarn kan inte vara vice ordförande 2026 (byter organisation) "
        "[sodertorn-2024.toml: rotation.exclusions[0]]\n"
        "  - Vice ordförande 2026 blir ordförande 2027 "
        "[sodertorn-2024.toml: rotation.succession]\n"
        "Tas någon av dem bort eller ändras, går just den här konflikten att lösa.\n"
    )
    # the same explanation, printed in English: no solving again
    english = explanation
    assert english.summary.render("en") == (
        "Nobody can be vice-chair in 2026: "
        "Nykvarn is agreed to be chair in 2027; "
        "Nykvarn cannot be vice-chair in 2026 (byter organisation); "
        "the vice-chair of 2026 chairs in 2027."
    )
    assert format_explanation(english, "en") == (
        f"{english.summary.render('en')}\n"
        "Rules that cannot all hold together:\n"
        "  - Nykvarn is agreed to be chair in 2027 [rotation.agreements[0]]\n"
        "  - Nykvarn cannot be vice-chair in 2026 (byter organisation) "
        "[rotation.exclusions[0]]\n"
        "  - The vice-chair of 2026 chairs in 2027 [rotation.succession]\n"
        "Removing or changing any one of them resolves this conflict.\n"
    )


def test_a_rule_kept_for_lack_of_time_is_said() -> None:
    explanation = Explanation(
        (
            ConflictRule(
                RotationRule.FAIRNESS,
                Joined("", ["a får inte vara ordförande två gånger"]),
                located(small("ab", 2024, 2025)),
            ),
        ),
        False,
        Joined("", ["Reglerna kan inte uppfyllas samtidigt."]),
    )
    text = format_explanation(explanation, "sv")
    assert text.splitlines()[-1].startswith("Tiden räckte inte")
    assert "  - A får inte vara ordförande två gånger [rotation]" in text


# -- exclusions that leave nobody --------------------------------------------------


def test_exclusions_leave_nobody_as_vice_chair() -> None:
    problem = sodertorn(exclusions=[Exclusion(m, 2027, "vice_chair") for m in NAMES])
    result, explanation = explained(problem)
    assert sources(explanation) == [("exclusion", f"rotation.exclusions[{k}]") for k in range(8)]
    assert (
        explanation.summary.render("sv")
        == "Ingen kan vara vice ordförande 2027: alla kommuner är förhindrade."
    )
    assert reason(result) == "ingen kan vara vice ordförande 2027: alla är förhindrade"
    assert_each_removal_solves(problem, explanation)


def test_exclusions_and_the_history_leave_nobody_as_chair() -> None:
    # a chaired 2023 with b as vice-chair, so b chairs 2024. c cannot chair 2025,
    # b has just chaired, and a may not chair again before c: nobody chairs 2025
    problem = small(
        "abc",
        2024,
        2026,
        history=[Term(2023, "a", "b")],
        exclusions=[Exclusion("c", 2025, "chair")],
    )
    _, explanation = explained(problem)
    assert sources(explanation) == [
        ("exclusion", "rotation.exclusions[0]"),
        ("succession", "rotation.history[0]"),
        ("fairness", "rotation.history[0]"),
        ("fairness", "rotation"),
    ]
    assert explanation.summary.render("sv") == "Ingen kan vara ordförande 2025."
    assert [rule.text.render("sv") for rule in explanation.rules] == [
        "c kan inte vara ordförande 2025",
        "b var vice ordförande 2023 och blir därför ordförande 2024",
        "a var ordförande 2023 och får inte bli det igen förrän b och c har varit det",
        "b får inte vara ordförande två gånger under 2024–2026 utan att alla andra har "
        "varit det emellan",
    ]
    conflict = find_conflict(problem, 10)
    assert conflict is not None
    assert_minimal_conflict(problem, conflict)
    feasible(without(problem, explanation.rules[0]))
    feasible(without(problem, explanation.rules[1]))


# -- agreements against each other and against fairness ----------------------------


def test_two_agreements_for_one_seat() -> None:
    problem = sodertorn(agreements=[Agreement("nykvarn", 2025), Agreement("haninge", 2025)])
    result, explanation = explained(problem)
    assert sources(explanation) == [
        ("agreement", "rotation.agreements[0]"),
        ("agreement", "rotation.agreements[1]"),
    ]
    assert explanation.summary.render("sv") == (
        "Haninge och Nykvarn skulle båda behöva vara ordförande 2025: "
        "Nykvarn ska vara ordförande 2025 enligt överenskommelse; "
        "Haninge ska vara ordförande 2025 enligt överenskommelse."
    )
    assert reason(result) == "2025 är både Haninge, Nykvarn överenskomna som ordförande"
    assert_each_removal_solves(problem, explanation)


def test_one_member_agreed_for_both_seats() -> None:
    problem = sodertorn(
        agreements=[Agreement("nykvarn", 2026), Agreement("nykvarn", 2026, "vice_chair")]
    )
    _, explanation = explained(problem)
    assert [rule.kind for rule in explanation.rules] == ["agreement", "agreement"]
    assert explanation.summary.render("sv").startswith(
        "Nykvarn skulle behöva vara både ordförande och vice ordförande 2026: "
    )
    assert_each_removal_solves(problem, explanation)


def test_an_agreement_on_an_excluded_member() -> None:
    problem = sodertorn(
        exclusions=[Exclusion("nykvarn", 2026, "chair")], agreements=[Agreement("nykvarn", 2026)]
    )
    _, explanation = explained(problem)
    assert sources(explanation) == [
        ("agreement", "rotation.agreements[0]"),
        ("exclusion", "rotation.exclusions[0]"),
    ]
    assert explanation.summary.render("sv").startswith(
        "Överenskommelsen att Nykvarn är ordförande 2026 kan inte hållas: "
    )
    assert_each_removal_solves(problem, explanation)


def test_an_agreement_against_fairness_over_the_history() -> None:
    # Huddinge chaired 2020; five members have not chaired since, and 2024–2025 leave
    # room for two of them (docs/rotation.md)
    problem = sodertorn(agreements=[Agreement("huddinge", 2026)])
    _, explanation = explained(problem)
    assert sources(explanation) == [
        ("agreement", "rotation.agreements[0]"),
        ("fairness", "rotation.history[1]"),
    ]
    assert explanation.rules[1].text.render("sv") == (
        "Huddinge var ordförande 2020 och får inte bli det igen förrän Haninge, Nykvarn, "
        "Nynäshamn, Salem och Tyresö har varit det"
    )
    assert explanation.summary.render("sv").startswith(
        "Överenskommelsen att Huddinge är ordförande 2026 kan inte hållas: "
    )
    assert_each_removal_solves(problem, explanation)


def test_a_member_agreed_to_chair_twice() -> None:
    problem = sodertorn(agreements=[Agreement("haninge", 2025), Agreement("haninge", 2027)])
    _, explanation = explained(problem)
    assert sources(explanation) == [
        ("agreement", "rotation.agreements[0]"),
        ("agreement", "rotation.agreements[1]"),
        ("fairness", "rotation"),
    ]
    assert "Haninge får inte vara ordförande två gånger under 2024–2027" in (
        explanation.rules[2].text.render("sv")
    )
    feasible(without(problem, explanation.rules[0]))
    feasible(without(problem, explanation.rules[1]))
    conflict = find_conflict(problem, 10)
    assert conflict is not None
    assert RuleKey("fairness_plan", "haninge") in conflict.rules
    assert_minimal_conflict(problem, conflict)


# -- groups ----------------------------------------------------------------------------


def test_groups_leave_no_pair() -> None:
    problem = small("abc", 2024, 2025, groups=[Grouping(2025, {"a": "x", "b": "x", "c": "x"})])
    _, explanation = explained(problem)
    assert sources(explanation) == [("group", "rotation.groups[0]")]
    assert explanation.rules[0].text.render("sv") == (
        "2025 ska ordförande och vice ordförande komma från olika grupper (x: a, b och c)"
    )
    assert_each_removal_solves(problem, explanation)


def test_groups_with_an_exclusion() -> None:
    # in 2025 only d is in another group than a, b and c, and d cannot serve then
    problem = small(
        "abcd",
        2024,
        2026,
        groups=[
            Grouping(2024, {"a": "x", "b": "y"}),
            Grouping(2025, {"a": "S", "b": "S", "c": "S", "d": "M"}),
        ],
        exclusions=[Exclusion("d", 2025, reason="val")],
    )
    _, explanation = explained(problem)
    assert sources(explanation) == [
        ("exclusion", "rotation.exclusions[0]"),
        ("group", "rotation.groups[1]"),
    ]
    assert explanation.rules[0].text.render("en") == "d cannot be chair or vice-chair in 2025 (val)"
    assert explanation.rules[1].text.render("en") == (
        "in 2025 the chair and the vice-chair come from different groups (M: d; S: a, b and c)"
    )
    assert_each_removal_solves(problem, explanation)


# -- the history and fairness ----------------------------------------------------------


def test_the_history_makes_fairness_impossible_with_an_exclusion() -> None:
    # a full round in the history: a 2021, b 2022, c 2023. a cannot chair 2024, and b
    # and c must wait for a (c for b too): nobody can chair 2024
    problem = small(
        "abc",
        2024,
        2025,
        history=[Term(2021, "a"), Term(2022, "b"), Term(2023, "c")],
        exclusions=[Exclusion("a", 2024, "chair", reason="omorganisation")],
    )
    _, explanation = explained(problem)
    assert sources(explanation) == [
        ("exclusion", "rotation.exclusions[0]"),
        ("fairness", "rotation.history[1]"),
        ("fairness", "rotation.history[2]"),
    ]
    assert explanation.summary.render("sv") == (
        "Ingen kan vara ordförande 2024: a kan inte vara ordförande 2024 (omorganisation); "
        "b var ordförande 2022 och får inte bli det igen förrän a har varit det; "
        "c var ordförande 2023 och får inte bli det igen förrän a och b har varit det."
    )
    # each rule out of the problem: the exclusion dropped, or the history entry that
    # binds b (or c) forgotten
    assert_each_removal_solves(problem, explanation)
    conflict = find_conflict(problem, 10)
    assert conflict is not None
    assert_minimal_conflict(problem, conflict)


def test_an_exclusion_that_excuses_is_part_of_the_conflict() -> None:
    # c is excluded from chairing 2024, the only year between a's 2023 term and its
    # agreed 2025 one, so a need not wait for c: dropping that exclusion does not
    # help, and the explanation must not name it
    problem = small(
        "abc",
        2024,
        2025,
        history=[Term(2023, "a")],
        exclusions=[Exclusion("c", 2024, "chair"), Exclusion("b", 2024, "chair")],
        agreements=[Agreement("a", 2025)],
    )
    result = solve_rotation(problem)
    assert result.status is Status.INFEASIBLE
    conflict = find_conflict(problem, 10)
    assert conflict is not None
    assert conflict.minimal
    assert_minimal_conflict(problem, conflict)


# -- sources in a configuration file -----------------------------------------------

ROTATION_TOML = """
[rotation]
body = "sk"
years = [2024, 2027]
history = [
  { year = 2023, chair = "botkyrka", vice_chair = "salem" },
  { year = 2018, chair = "tyreso", vice_chair = "nynashamn" },
  { year = 2021, chair = "sodertalje" },
  { year = 2020, chair = "huddinge", vice_chair = "sodertalje" },
]
exclusions = [
  { member = "tyreso", year = 2025 },
  { member = "nykvarn", year = 2026, roles = "vice_chair", reason = "byter organisation" },
]
agreements = [
  { member = "salem", year = 2024 },
  { member = "nykvarn", year = 2027 },
  { member = "huddinge", year = 2026 },
]
"""


def entry(data: dict[str, object], source: str) -> object:
    """The TOML entry a source names: ``rotation.agreements[1]``."""
    name, _, rest = source.removeprefix("rotation.").partition("[")
    table = data["rotation"]
    assert isinstance(table, dict)
    return table[name][int(rest.rstrip("]"))]


def test_sources_name_the_entries_of_the_configuration_file() -> None:
    # the history is given out of order: the sources still name its entries as written
    example = Path(__file__).parent.parent / "examples" / "sodertorn-2024.toml"
    text = example.read_text(encoding="utf-8").split("[rotation]")[0] + ROTATION_TOML
    problem = config_from_text(text).rotation
    assert problem is not None
    data = tomllib.loads(text)
    # two conflicts; the explanation names one: Huddinge 2026 against its 2020 term
    _, huddinge = explained(problem)
    assert sources(huddinge) == [
        ("agreement", "rotation.agreements[2]"),
        ("fairness", "rotation.history[3]"),
    ]
    assert entry(data, "rotation.agreements[2]") == {"member": "huddinge", "year": 2026}
    assert entry(data, "rotation.history[3]")["year"] == 2020  # type: ignore[index]
    # without that agreement: Nykvarn 2027 against its exclusion as vice-chair 2026
    _, nykvarn = explained(attrs.evolve(problem, agreements=problem.agreements[:2]))
    assert sources(nykvarn) == [
        ("agreement", "rotation.agreements[1]"),
        ("exclusion", "rotation.exclusions[1]"),
        ("succession", "rotation.succession"),
    ]
    assert entry(data, "rotation.agreements[1]") == {"member": "nykvarn", "year": 2027}
    assert entry(data, "rotation.exclusions[1]")["reason"] == "byter organisation"  # type: ignore[index]
    # against the succession from 2023 (history[0]): Salem 2024 is fine, Haninge is not
    haninge = attrs.evolve(problem, agreements=[Agreement("haninge", 2024)], exclusions=[])
    _, explanation = explained(haninge)
    assert ("succession", "rotation.history[0]") in sources(explanation)


# -- the result ------------------------------------------------------------------------


def test_every_infeasible_result_has_an_explanation_and_others_none() -> None:
    feasible(sodertorn())
    # the cases the quick check catches before solving are explained as well
    for problem in (
        sodertorn(agreements=[Agreement("haninge", 2025), Agreement("nykvarn", 2025)]),
        sodertorn(exclusions=[Exclusion(m, 2026, "vice_chair") for m in NAMES]),
        sodertorn(
            exclusions=[Exclusion("nykvarn", 2026, "chair")],
            agreements=[Agreement("nykvarn", 2026)],
        ),
    ):
        explained(problem)


def test_the_explanation_is_deterministic() -> None:
    problem = sodertorn(
        agreements=[Agreement("huddinge", 2026), Agreement("haninge", 2024)],
        exclusions=[Exclusion("nykvarn", 2025, "chair")],
    )
    first = solve_rotation(problem, SolveOptions(workers=2)).explanation
    second = solve_rotation(problem, SolveOptions(workers=1)).explanation
    assert first is not None
    assert first == second


def test_no_conflict_in_a_problem_with_a_plan() -> None:
    assert find_conflict(sodertorn(), 10) is None
    assert explain_rotation(sodertorn(), 10) is None


def test_a_shrink_step_out_of_time_keeps_its_rule(monkeypatch: pytest.MonkeyPatch) -> None:
    problem = sodertorn(agreements=[Agreement("haninge", 2024)])
    solve = rotation_explain._Search.solve
    calls = []

    def slow(self: rotation_explain._Search, rules: Collection[RuleKey], **kw: object) -> Status:
        calls.append(len(rules))
        if len(calls) == 2:  # the first step after the first core: "out of time"
            return Status.TIMED_OUT
        return solve(self, rules, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(rotation_explain._Search, "solve", slow)
    conflict = find_conflict(problem, 10)
    assert conflict is not None
    assert not conflict.minimal
    assert len(conflict.rules) == 2


def test_every_rule_has_a_key_and_a_source() -> None:
    problem = sodertorn(
        exclusions=[Exclusion("nykvarn", 2026)],
        agreements=[Agreement("salem", 2024)],
        groups=[Grouping(2025, {"haninge": "S"})],
    )
    keys = rule_keys(problem)
    assert {key.kind.word for key in keys} == {
        "exclusion",
        "agreement",
        "groups",
        "succession",
        "fairness",
        "fairness_plan",
    }
    assert RuleKey("succession", 2024) in keys  # from the history
    assert RuleKey("fairness", "huddinge") in keys
    assert RuleKey("fairness", "haninge") not in keys  # never chaired: nothing to wait for
    # with succession soft there is no succession rule to explain
    soft = rule_keys(attrs.evolve(problem, succession=False))
    assert not any(key.kind == "succession" for key in soft)


# -- property test -------------------------------------------------------------------


@settings(deadline=None, max_examples=80)
@given(  # few members, more agreements, no turn order: often no rotation
    rotation_problems(
        members=(2, 6),
        max_extra_years=4,
        history_from=2016,
        max_history=6,
        max_exclusions=5,
        max_agreements=3,
        labels="xy",
        groups_by_coin=False,
        order_options=False,
    )
)
def test_every_conflict_is_minimal_and_checked(problem: RotationProblem) -> None:
    problem = located(problem)
    result = solve_rotation(problem, SolveOptions(time_limit=10))
    if result.plan is not None:
        assert result.explanation is None
        return
    assert result.status is Status.INFEASIBLE
    assert result.explanation is not None
    assert result.explanation.minimal
    conflict = find_conflict(problem, 10)
    assert conflict is not None
    assert len(conflict.rules) == len(result.explanation.rules)
    assert_minimal_conflict(problem, conflict)
    for rule in result.explanation.rules:
        assert rule.where.startswith("rotation")
        assert rule.text.render("sv")
        assert rule.text.render("en")
