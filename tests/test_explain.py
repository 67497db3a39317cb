"""Why no plan exists: deliberately impossible problems are explained by a small set of
rules, named as the user stated them with their source in the configuration, and
removing any one of the named rules (really, in the problem) makes a plan possible."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from pathlib import Path

import attrs
import pytest
from hypothesis import HealthCheck, event, given, settings

from motesplan import (
    Body,
    BridgeDays,
    ClosedPeriod,
    Count,
    DateRange,
    Link,
    Pin,
    Problem,
    PublicHolidays,
    Result,
    Series,
    SolveOptions,
    Source,
    Status,
    result_to_json,
    solve,
)
from motesplan.config import config_from_text
from motesplan.planner.explanation import Explanation
from motesplan.reports.explanation import format_explanation
from motesplan.solver.planner import explain as planner_explain
from motesplan.solver.planner.explain import explain
from tests.strategies import problems

ROOT = Path(__file__).resolve().parent.parent
OPTIONS = SolveOptions(time_limit=10)

# -- relaxing a rule in the problem, by its source ----------------------------------


def located(problem: Problem, file: str = "year.toml") -> Problem:
    """``problem`` as if read from a file: each series, link, pin, body and source of
    unavailable time stated at its place in the problem (``series[1]``, ``pins[0]``,
    ``unavailable[2]``), so that a rule of an explanation says where it is."""

    def at(items: Sequence[object], name: str) -> tuple[object, ...]:
        return tuple(
            attrs.evolve(item, source=Source(file, f"{name}[{index}]"))  # type: ignore[misc]
            for index, item in enumerate(items)
        )

    return problem.evolve(
        series=at(problem.series, "series"),
        links=at(problem.links, "links"),
        pins=at(problem.pins, "pins"),
        bodies=at(problem.bodies, "bodies"),
        unavailable=at(problem.unavailable, "unavailable"),
    )


def _sources(problem: Problem) -> set[str]:
    """The source of every hard rule group of ``problem``."""
    found: set[str] = set()
    for i, series in enumerate(problem.series):
        found.add(f"series[{i}].count")
        for name in ("min_gap_days", "max_gap_days", "within", "excluding"):
            if getattr(series, name):
                found.add(f"series[{i}].{name}")
    found |= {f"links[{k}]" for k, link in enumerate(problem.links) if link.hard}
    found |= {f"pins[{k}]" for k in range(len(problem.pins))}
    found |= {f"bodies[{j}]" for j in range(len(problem.bodies))}
    found |= {_unavailable_source(problem, k) for k in range(len(problem.unavailable))}
    return found


def _unavailable_source(problem: Problem, index: int) -> str:
    source = problem.unavailable[index].source  # type: ignore[attr-defined]
    return source.key if source is not None else f"unavailable[{index}]"


def relax(problem: Problem, sources: Iterable[str]) -> Problem:
    """``problem`` without the rules of ``sources`` (a count becomes 0..anything)."""
    drop = set(sources)
    days = (problem.end - problem.start).days + 1
    series = []
    for i, each in enumerate(problem.series):
        changes: dict[str, object] = {}
        if f"series[{i}].count" in drop:
            changes["count"] = Count(0, days, 0)
        for name in ("min_gap_days", "max_gap_days"):
            if f"series[{i}].{name}" in drop:
                changes[name] = None
        for name in ("within", "excluding"):
            if f"series[{i}].{name}" in drop:
                changes[name] = ()
        j = [b.id for b in problem.bodies].index(each.body)
        if f"bodies[{j}]" in drop:  # no overlap rule: every series a body of its own
            changes["body"] = f"{each.id}-own"
        series.append(attrs.evolve(each, **changes))
    bodies = list(problem.bodies) + [
        Body(s.body) for s in series if s.body not in {b.id for b in problem.bodies}
    ]
    return problem.evolve(
        series=tuple(series),
        bodies=tuple(bodies),
        links=tuple(x for k, x in enumerate(problem.links) if f"links[{k}]" not in drop),
        pins=tuple(x for k, x in enumerate(problem.pins) if f"pins[{k}]" not in drop),
        unavailable=tuple(
            x
            for k, x in enumerate(problem.unavailable)
            if _unavailable_source(problem, k) not in drop
        ),
    )


def assert_explained(
    problem: Problem, options: SolveOptions = OPTIONS
) -> tuple[Result, Explanation]:
    """Solve: no plan, an explanation whose summary is the reason, and removing any
    one named rule from the problem makes a plan possible."""
    if all(series.source is None for series in problem.series):
        problem = located(problem)
    result = solve(problem, options)
    assert result.status is Status.INFEASIBLE
    explanation = result.explanation
    assert explanation is not None
    assert result.reason == explanation.summary
    assert result.reason is not None
    assert result.reason.render("sv") == explanation.summary.render("sv")
    assert explanation.minimal
    assert explanation.rules
    assert len({r.where for r in explanation.rules}) == len(explanation.rules)
    for rule in explanation.rules:
        text = rule.text.render("sv")
        assert text
        relaxed = solve(relax(problem, [rule.where]), OPTIONS)
        assert relaxed.status.has_plan, f"still no plan without {rule.where}: {text}"
    return result, explanation


def kinds(explanation: Explanation) -> dict[str, str]:
    return {rule.where: rule.kind for rule in explanation.rules}


def friday_thursday(**changes: object) -> Problem:
    """Ledningsgruppen on Fridays, Samarbetskommittén on Thursdays, spring 2024."""
    base = {
        "name": "Test",
        "start": "2024-01-01",
        "end": "2024-06-30",
        "bodies": (Body("lg", "Ledningsgruppen"), Body("sk", "Samarbetskommittén")),
        "series": (
            Series("lg", "lg", "Ledningsgruppen", "friday", "09:00", "11:30", count=5),
            Series("sk", "sk", "Samarbetskommittén", "thursday", "13:00", "15:00", count=4),
        ),
        "unavailable": (PublicHolidays("SE", categories=("public", "de_facto")),),
    }
    base.update(changes)
    return Problem(**base)  # type: ignore[arg-type]


# -- deliberately impossible problems ---------------------------------------------------


def test_too_many_meetings_for_the_free_days() -> None:
    problem = friday_thursday(
        unavailable=(
            PublicHolidays("SE", categories=("public", "de_facto")),
            ClosedPeriod("Stängt", "2024-02-01", "2024-06-30", series=("lg",)),
        )
    )
    result, explanation = assert_explained(problem)
    assert kinds(explanation) == {"series[0].count": "count", "unavailable[1]": "unavailable"}
    count, closed = explanation.rules
    assert count.text.render("sv") == (
        "Ledningsgruppen (fredagar) ska ha 5 möten (bara 4 av periodens 26 möjliga dagar är lediga)"
    )
    assert closed.text.render("sv").startswith("2 februari, 9 februari, 16 februari")
    assert closed.text.render("sv").endswith("är otillgängliga (Stängt 1 februari–30 juni)")
    assert result.plan is None


def test_a_link_window_no_pair_of_weekdays_can_meet() -> None:
    # From a Friday to a Thursday it is 6, 13, 20, 27 ... days: 21-25 never holds.
    problem = friday_thursday(links=(Link("lg", "sk", 21, 25),))
    _, explanation = assert_explained(problem)
    assert kinds(explanation) == {"series[1].count": "count", "links[0]": "link"}
    assert explanation.summary.render("sv") == (
        "Samarbetskommittén (torsdagar) ska ha 4 möten, men varje möte i Samarbetskommittén"
        " ska ligga 21–25 dagar efter ett möte i Ledningsgruppen (fredagar)"
        " (från en fredag till en torsdag är det 6, 13, 20, 27, … dagar)"
    )


def test_two_pins_of_one_body_overlap() -> None:
    problem = Problem(
        "T",
        "2024-01-01",
        "2024-02-29",
        bodies=(Body("x", "Styrelsen"),),
        series=(
            Series("a", "x", "Styrelsemöte", "monday", "09:00", "12:00", count=Count(0, 3)),
            Series("b", "x", "Arbetsmöte", "monday", "11:00", "13:00", count=Count(0, 3)),
        ),
        pins=(Pin("a", "2024-01-15"), Pin("b", "2024-01-08"), Pin("b", "2024-01-15")),
    )
    _, explanation = assert_explained(problem)
    assert kinds(explanation) == {"pins[0]": "pin", "pins[2]": "pin", "bodies[0]": "overlap"}
    assert explanation.summary.render("sv") == (
        "Styrelsemöte (måndagar) har ett fastlagt möte 15 januari, Arbetsmöte (måndagar)"
        " har ett fastlagt möte 15 januari, men möten i Styrelsen får inte överlappa i tid"
    )


def test_a_pin_breaks_the_least_gap_to_another_pin() -> None:
    lg = Series("lg", "lg", "Ledningsgruppen", "friday", "09:00", "11:30", count=Count(2, 5))
    problem = friday_thursday(
        series=(attrs.evolve(lg, min_gap_days=21),),
        pins=(Pin("lg", "2024-01-12"), Pin("lg", "2024-03-01"), Pin("lg", "2024-03-15")),
    )
    _, explanation = assert_explained(problem)
    assert kinds(explanation) == {
        "pins[1]": "pin",
        "pins[2]": "pin",
        "series[0].min_gap_days": "min_gap",
    }
    assert explanation.summary.render("sv") == (
        "Ledningsgruppen (fredagar) har fastlagda möten 1 mars och 15 mars,"
        " men Ledningsgruppen ska ha minst 21 dagar mellan två möten"
    )


def test_no_friday_in_may_is_free() -> None:
    # Ledningsgruppen must meet in May; the other Fridays of May are pinned for a
    # meeting of the same body, and 10 May is a bridge day.
    may = DateRange("2024-05-01", "2024-05-31", "maj")
    problem = Problem(
        "T",
        "2024-04-01",
        "2024-06-30",
        bodies=(Body("lg", "Ledningsgruppen"),),
        series=(
            Series("lg", "lg", "Ledningsgruppen", "friday", "09:00", "11:30", count=1, within=may),
            Series("ex", "lg", "Extramöte", "friday", "09:00", "12:00", count=Count(0, 5)),
        ),
        unavailable=(
            PublicHolidays("SE", categories=("public", "de_facto")),
            BridgeDays("SE"),
        ),
        pins=tuple(
            Pin("ex", day) for day in ("2024-05-03", "2024-05-17", "2024-05-24", "2024-05-31")
        ),
    )
    _, explanation = assert_explained(problem)
    assert kinds(explanation) == {
        "series[0].count": "count",
        "pins[0]": "pin",
        "pins[1]": "pin",
        "pins[2]": "pin",
        "pins[3]": "pin",
        "series[0].within": "window",
        "bodies[0]": "overlap",
        "unavailable[1]": "unavailable",
    }
    assert explanation.summary.render("sv") == (
        "Ledningsgruppen (fredagar) ska ha 1 möte, Extramöte (fredagar) har fastlagda möten"
        " 3 maj, 17 maj, 24 maj och 31 maj, Ledningsgruppen får bara mötas under 1–31 maj (maj),"
        " möten i Ledningsgruppen får inte överlappa i tid, men 10 maj (Klämdag) är otillgänglig"
    )


def test_many_committee_meetings_need_more_management_meetings() -> None:
    # The example: each committee meeting 20-27 days after a management-group
    # meeting, at least 28 days between committee meetings, so every committee
    # meeting needs its own management-group meeting.
    lg = Series("lg", "lg", "Ledningsgruppen", "friday", "09:00", "11:30", count=Count(2, 3))
    sk = Series(
        "sk", "sk", "Samarbetskommittén", "thursday", "13:00", "15:00", count=4, min_gap_days=28
    )
    problem = Problem(
        "T",
        "2024-01-01",
        "2024-06-30",
        bodies=(Body("lg", "Ledningsgruppen"), Body("sk", "Samarbetskommittén")),
        series=(lg, sk),
        links=(Link("lg", "sk", 20, 27),),
    )
    # The planner's search does not find this pigeonhole argument in its time (it
    # ends timed out); the explanation's model proves it at once.
    _, explanation = assert_explained(problem, SolveOptions(time_limit=2))
    assert kinds(explanation) == {
        "series[1].count": "count",
        "links[0]": "link",
        "series[1].min_gap_days": "min_gap",
        "series[0].count": "count",
    }
    assert explanation.summary.render("sv") == (
        "Samarbetskommittén (torsdagar) ska ha 4 möten, varje möte i Samarbetskommittén ska"
        " ligga 20–27 dagar efter ett möte i Ledningsgruppen (fredagar), Samarbetskommittén"
        " ska ha minst 28 dagar mellan två möten, men Ledningsgruppen får ha högst 3 möten"
    )


def test_a_pin_on_a_holiday() -> None:
    problem = friday_thursday(pins=(Pin("sk", "2024-05-09"),))
    _, explanation = assert_explained(problem)
    assert kinds(explanation) == {"pins[0]": "pin", "unavailable[0]": "unavailable"}
    assert explanation.summary.render("sv") == (
        "Samarbetskommittén (torsdagar) har ett fastlagt möte 9 maj,"
        " men 9 maj (Kristi himmelsfärdsdag) är otillgänglig"
    )


def test_english() -> None:
    problem = friday_thursday(links=(Link("lg", "sk", 21, 25),))
    _, explanation = assert_explained(problem)
    assert explanation.summary.render("en") == (
        "Samarbetskommittén (Thursdays) must have 4 meetings, but every meeting of"
        " Samarbetskommittén must be 21–25 days after a meeting of Ledningsgruppen (Fridays)"
        " (from a Friday to a Thursday it is 6, 13, 20, 27, … days)"
    )
    assert [rule.text.render("en") for rule in explanation.rules] == [
        "Samarbetskommittén (Thursdays) must have 4 meetings",
        "every meeting of Samarbetskommittén (Thursdays) must be 21–25 days after a meeting of"
        " Ledningsgruppen (Fridays) (from a Friday to a Thursday it is 6, 13, 20, 27, … days)",
    ]
    assert format_explanation(explanation, "en", "year.toml").splitlines() == [
        explanation.summary.render("en") + ".",
        "Rules that cannot all hold together:",
        "  - Samarbetskommittén (Thursdays) must have 4 meetings [year.toml: series[1].count]",
        "  - Every meeting of Samarbetskommittén (Thursdays) must be 21–25 days after a meeting"
        " of Ledningsgruppen (Fridays) (from a Friday to a Thursday it is 6, 13, 20, 27, … days)"
        " [year.toml: links[0]]",
        "Removing or changing any one of them resolves this conflict.",
    ]


def test_one_explanation_renders_in_every_language_without_solving_again(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The language is chosen when the explanation is printed, not when it is found.
    explanation = explain(located(friday_thursday(pins=(Pin("sk", "2024-05-09"),))))
    assert explanation is not None

    def no_more_solving(*args: object, **kwargs: object) -> None:
        raise AssertionError("rendering an explanation must not solve again")

    monkeypatch.setattr(planner_explain.GuardedModel, "test", no_more_solving)
    rules = {
        language: [rule.text.render(language) for rule in explanation.rules]
        for language in ("sv", "en", "de")
    }
    assert rules == {
        "sv": [
            "Samarbetskommittén (torsdagar) har ett fastlagt möte 9 maj",
            "9 maj (Kristi himmelsfärdsdag) är otillgänglig",
        ],
        "en": [
            "Samarbetskommittén (Thursdays) has a meeting pinned to 9 May",
            "9 May (Ascension Day) is unavailable",
        ],
        "de": [
            "Samarbetskommittén (donnerstags) hat eine fest terminierte Sitzung am 9. Mai",
            "9. Mai (Kristi himmelsfärdsdag) ist gesperrt",
        ],
    }
    assert explanation.summary.render("sv") == ", men ".join(rules["sv"])
    assert explanation.summary.render("en") == ", but ".join(rules["en"])
    assert explanation.summary.render("de") == ", aber ".join(rules["de"])
    sources = ["pins[0]", "unavailable[0]"]
    for language in ("sv", "en", "de"):
        lines = format_explanation(explanation, language, "year.toml").splitlines()
        assert [line.rsplit("[year.toml: ", 1)[1] for line in lines[2:4]] == [
            f"{source}]" for source in sources
        ]
    assert [rule.where for rule in explanation.rules] == sources


def test_explanation_in_json() -> None:
    problem = located(friday_thursday(links=(Link("lg", "sk", 21, 25),)))
    result = solve(problem, OPTIONS)
    data = json.loads(result_to_json(result, problem))
    assert data["status"] == "infeasible"
    assert result.reason is not None
    assert data["reason"] == result.reason.render("sv")
    assert data["reason"].startswith("Samarbetskommittén (torsdagar) ska ha 4 möten, men")
    assert data["explanation"]["minimal"] is True
    assert [(r["kind"], r["source"]) for r in data["explanation"]["rules"]] == [
        ("count", "series[1].count"),
        ("link", "links[0]"),
    ]
    feasible = solve(friday_thursday(), OPTIONS)
    assert feasible.explanation is None
    assert "explanation" not in json.loads(result_to_json(feasible))


def test_a_possible_problem_has_no_explanation() -> None:
    assert explain(friday_thursday()) is None


# -- sources name the configuration's keys ------------------------------------------


def _example(old: str, new: str) -> str:
    text = (ROOT / "examples" / "sodertorn-2024.toml").read_text(encoding="utf-8")
    assert text.count(old) == 1
    return text.replace(old, new)


def test_sources_name_toml_keys_for_unavailable_time() -> None:
    text = _example(
        '  { name = "Jul- och nyårsledighet", start = 2024-01-01, end = 2024-01-07 },',
        '  { name = "Jul- och nyårsledighet", start = 2024-01-01, end = 2024-01-07 },\n'
        '  { name = "Renovering", start = 2024-02-01, end = 2024-11-30, series = ["lg"] },',
    )
    config = config_from_text(text, path="sodertorn-2024.toml")
    assert [u.source.key for u in config.problem.unavailable] == [  # type: ignore[attr-defined]
        "unavailable.holidays",
        "unavailable.bridge_days",
        "unavailable.school_breaks[0]",
        "unavailable.school_breaks[1]",
        "unavailable.school_breaks[2]",
        "unavailable.periods[0]",
        "unavailable.periods[1]",
        "unavailable.periods[2]",
        "unavailable.periods[3]",
    ]
    result = solve(config.problem, OPTIONS)
    assert result.explanation is not None
    sources = {rule.where for rule in result.explanation.rules}
    assert "unavailable.periods[1]" in sources
    assert "series[0].count" in sources
    assert sources <= {
        "series[0].count",
        "unavailable.holidays",
        "unavailable.bridge_days",
        "unavailable.school_breaks[0]",
        "unavailable.school_breaks[1]",
        "unavailable.school_breaks[2]",
        "unavailable.periods[0]",
        "unavailable.periods[1]",
        "unavailable.periods[2]",
        "unavailable.periods[3]",
    }
    text_out = format_explanation(result.explanation, "sv", "sodertorn-2024.toml")
    assert "[sodertorn-2024.toml: unavailable.periods[1]]" in text_out
    assert "Renovering 1 februari–30 november" in text_out


def test_example_with_a_hard_link_no_weekdays_meet() -> None:
    text = _example(
        "days = { min = 20, max = 27 }\nhard = false", "days = { min = 21, max = 25 }\nhard = true"
    )
    config = config_from_text(text, path="sodertorn-2024.toml")
    _, explanation = assert_explained(config.problem)
    assert kinds(explanation) == {"series[1].count": "count", "links[0]": "link"}
    assert (
        explanation.rules[0].text.render("sv")
        == "Samarbetskommittén (torsdagar) ska ha minst 7 möten"
    )


def test_school_breaks_as_one_table_have_one_key() -> None:
    text = _example(
        """school_breaks = [
  { name = "Sportlov", weeks = { 2024 = [9] } },
  { name = "Påsklov", weeks = { 2024 = [14] } },
  { name = "Höstlov", weeks = { 2024 = [44] } },
]""",
        "school_breaks = { 2024 = [9, 14, 44] }",
    )
    config = config_from_text(text)
    keys = [u.source.key for u in config.problem.unavailable]  # type: ignore[attr-defined]
    assert keys[2] == "unavailable.school_breaks"
    assert [u.source for u in friday_thursday().unavailable] == [None]  # type: ignore[attr-defined]


# -- property: each explanation is a real conflict, minimal or flagged -------------------


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(  # short periods, many rules: often no plan
    problems(
        max_length=70,
        latest_hour=14,
        max_low=5,
        min_gaps=(None, 7, 14, 21),
        max_gaps=(None, 21, 35),
        windows=True,
        locations=False,
        link_spread=10,
        closed_weights=(None,),
        closed_dates=True,
        afternoons=True,
        pins="any",
    )
)
def test_each_explanation_is_a_conflict_minimal_or_flagged(problem: Problem) -> None:
    problem = located(problem)
    result = solve(problem, OPTIONS)
    event(result.status.value)
    if result.status is not Status.INFEASIBLE:
        assert result.explanation is None
        if result.status.has_plan:  # the explanation's model is not stricter
            assert explain(problem) is None
        return
    explanation = result.explanation
    assert explanation is not None
    event(f"{len(explanation.rules)} rules, minimal: {explanation.minimal}")
    named = {rule.where for rule in explanation.rules}
    assert named <= _sources(problem)
    # every other rule dropped, the named ones still cannot hold together ...
    others = _sources(problem) - named
    assert solve(relax(problem, others), OPTIONS).status is Status.INFEASIBLE
    if not explanation.minimal:
        return
    # ... and dropping any one of them as well makes a plan possible
    for source in sorted(named):
        assert solve(relax(problem, others | {source}), OPTIONS).status.has_plan, source


def test_sources_are_key_paths() -> None:
    path = re.compile(
        r"^(series\[\d+\]\.\w+|links\[\d+\]|pins\[\d+\]|bodies\[\d+\]|unavailable\[\d+\])$"
    )
    problem = friday_thursday(links=(Link("lg", "sk", 21, 25),), pins=(Pin("sk", "2024-05-09"),))
    explanation = explain(located(problem))
    assert explanation is not None
    assert all(path.match(rule.where) for rule in explanation.rules)
    # each rule names its item of the problem, and the field that states it
    items = {(type(rule.item).__name__, rule.field) for rule in explanation.rules}
    assert ("Series", "count") in items or ("Pin", None) in items


@pytest.mark.parametrize("language", ["sv", "en"])
def test_format_without_config_path(language: str) -> None:
    explanation = explain(located(friday_thursday(pins=(Pin("sk", "2024-05-09"),))))
    assert explanation is not None
    lines = format_explanation(explanation, language).splitlines()
    assert lines[2].endswith("[pins[0]]")
    assert lines[3].endswith("[unavailable[0]]")


@pytest.mark.parametrize("language", ["sv", "en"])
def test_a_problem_built_in_python_names_no_key(language: str) -> None:
    problem = friday_thursday(pins=(Pin("sk", "2024-05-09"),))
    explanation = explain(problem)
    assert explanation is not None
    assert [rule.where for rule in explanation.rules] == ["", ""]
    assert [rule.item for rule in explanation.rules] == [problem.pins[0], problem.unavailable[0]]
    lines = format_explanation(explanation, language, "year.toml").splitlines()
    assert all("[" not in line for line in lines[2:4])
    data = json.loads(result_to_json(solve(problem, OPTIONS), problem))
    assert [rule["source"] for rule in data["explanation"]["rules"]] == [None, None]


def test_out_of_time_while_shrinking_is_flagged(monkeypatch: pytest.MonkeyPatch) -> None:
    real = planner_explain.GuardedModel.test
    calls: list[int] = []

    def first_only(
        self: planner_explain.GuardedModel, rules: Sequence[object], seconds: float
    ) -> tuple[Status, set[object]]:
        calls.append(len(rules))
        if len(calls) == 1:
            return real(self, rules, seconds)
        return Status.TIMED_OUT, set()  # as if every shrinking solve ran out of time

    monkeypatch.setattr(planner_explain.GuardedModel, "test", first_only)
    problem = located(friday_thursday(links=(Link("lg", "sk", 21, 25),)))
    explanation = explain(problem)
    assert explanation is not None
    assert not explanation.minimal
    assert {"series[1].count", "links[0]"} <= {rule.where for rule in explanation.rules}
    lines = format_explanation(explanation, "sv").splitlines()
    assert lines[-1] == (
        "Tiden räckte inte för att pröva om alla reglerna behövs; en mindre mängd kan räcka."
    )


def test_meetings_of_one_series_never_overlap_by_its_definition() -> None:
    # Two-day meetings on Mondays and Tuesdays: a Monday one and a Tuesday one of the
    # same week overlap, which follows from the series itself, so only the count is named.
    problem = Problem(
        "T",
        "2024-01-01",
        "2024-01-29",
        bodies=(Body("x", "Styrelsen"),),
        series=(Series("a", "x", "Internat", ["monday", "tuesday"], "08:00", "09:00", 5, days=2),),
    )
    _, explanation = assert_explained(problem)
    assert kinds(explanation) == {"series[0].count": "count"}
    assert (
        explanation.summary.render("sv")
        == "Internat (måndagar och tisdagar) ska ha 5 möten kan inte uppfyllas"
    )
