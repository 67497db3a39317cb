"""The independent checker: it agrees with the solver, and it catches plans broken by hand."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest

from motesplan import (
    Body,
    ClosedDates,
    Count,
    Link,
    Meeting,
    MeetingStatus,
    Pin,
    Plan,
    Problem,
    PublicHolidays,
    Result,
    Series,
    check,
)


def _cost_keys(costs: object) -> list[tuple[str, str, int, int, str | None]]:
    return sorted((c.rule, c.subject, c.points, c.amount, c.meeting) for c in costs)  # type: ignore[attr-defined]


def _replace(plan: Plan, meeting_id: str, **changes: object) -> Plan:
    if "date" in changes and "end_date" not in changes:
        changes["end_date"] = changes["date"]
    meetings = tuple(
        attrs.evolve(meeting, **changes) if meeting.id == meeting_id else meeting
        for meeting in plan.meetings
    )
    return attrs.evolve(plan, meetings=meetings)


def test_solved_example_passes_and_costs_agree(
    sodertorn: Problem, sodertorn_result: Result
) -> None:
    assert sodertorn_result.plan is not None
    report = check(sodertorn, sodertorn_result.plan)
    assert report.violations == ()
    assert report.ok
    assert _cost_keys(report.costs) == _cost_keys(sodertorn_result.costs)
    assert report.objective == sodertorn_result.objective


def test_meeting_moved_onto_julafton_is_named(sodertorn: Problem, sodertorn_result: Result) -> None:
    assert sodertorn_result.plan is not None
    first = sodertorn_result.plan.of_series("lg")[0]
    broken = _replace(sodertorn_result.plan, first.id, date=dt.date(2024, 12, 24))
    report = check(sodertorn, broken)
    rules = {(v.rule, v.meetings) for v in report.violations}
    assert ("unavailable", (first.id,)) in rules
    assert ("weekday", (first.id,)) in rules  # julafton 2024 is a Tuesday, LG meets on Fridays
    messages = " ".join(v.render("sv") for v in report.violations)
    assert "Julafton" in messages
    assert not report.ok


def test_committee_forty_days_after_preparation_costs(
    sodertorn: Problem, sodertorn_result: Result
) -> None:
    plan = sodertorn_result.plan
    assert plan is not None
    committee = plan.of_series("sk")[-1]
    preparations = [m.date for m in plan.of_series("lg") if m.date < committee.date]
    # keep only LG meetings far from the committee meeting: drop those 0..40 days before it
    target = committee.date
    kept = tuple(
        m for m in plan.meetings if m.series != "lg" or not 0 <= (target - m.date).days <= 40
    )
    broken = attrs.evolve(plan, meetings=kept)
    report = check(sodertorn, broken)
    link_costs = [c for c in report.costs if c.rule == "link" and c.meeting == committee.id]
    assert preparations
    assert len(link_costs) == 1
    assert link_costs[0].amount > 40 - 27
    assert link_costs[0].points == 10 * link_costs[0].amount


def test_hard_link_broken_is_a_violation(sodertorn: Problem, sodertorn_result: Result) -> None:
    hard = sodertorn.evolve(links=(Link("lg", "sk", 20, 27, hard=True),))
    plan = sodertorn_result.plan
    assert plan is not None
    committee = plan.of_series("sk")[2]
    kept = tuple(
        m
        for m in plan.meetings
        if m.series != "lg" or not 0 <= (committee.date - m.date).days <= 40
    )
    report = check(hard, attrs.evolve(plan, meetings=kept))
    assert any(v.rule == "link" and v.meetings == (committee.id,) for v in report.violations)
    assert any("Ledningsgruppen 20–27 dagar före" in v.render("sv") for v in report.violations)


def _one_series(**series_changes: object) -> Problem:
    series = Series("m", "a", "Möte", ("thursday",), "13:00", "15:00", count=Count(1, 5))
    return Problem(
        "T",
        "2024-03-01",
        "2024-04-30",
        bodies=(Body("a"),),
        series=(attrs.evolve(series, **series_changes),),
        unavailable=(PublicHolidays("SE", categories=("public", "bank")),),
    )


def _meeting(day: str, start: str = "13:00", end: str = "15:00", **extra: object) -> Meeting:
    return Meeting("m-x", "m", "Möte", day, start, end, **extra)  # type: ignore[arg-type]


def _plan(*meetings: Meeting) -> Plan:
    numbered = tuple(attrs.evolve(m, id=f"m-{i}") for i, m in enumerate(meetings, start=1))
    return Plan("2024-03-01", "2024-04-30", numbered)


def test_half_day_blocks_afternoon_but_not_morning() -> None:
    afternoon = check(_one_series(), _plan(_meeting("2024-03-28")))
    assert [v.rule for v in afternoon.violations] == ["unavailable"]
    assert "Skärtorsdagen" in afternoon.violations[0].render("sv")
    morning = check(
        _one_series(start="09:00", end="11:30"), _plan(_meeting("2024-03-28", "09:00", "11:30"))
    )
    assert morning.ok


@pytest.mark.parametrize(
    ("series_changes", "meetings", "rule"),
    [
        ({}, [_meeting("2024-03-08")], "weekday"),
        ({}, [_meeting("2024-05-02")], "period"),
        ({}, [_meeting("2024-03-07", "13:00", "16:00")], "time"),
        ({"count": Count(2)}, [_meeting("2024-03-07")], "count"),
        ({"min_gap_days": 14}, [_meeting("2024-03-07"), _meeting("2024-03-14")], "min_gap"),
        ({"max_gap_days": 14}, [_meeting("2024-03-07"), _meeting("2024-04-11")], "max_gap"),
        ({"locations": ("Hus A", "Hus B")}, [_meeting("2024-03-07", location="Hus C")], "location"),
        (
            {"within": [("2024-04-01", "2024-04-30")]},
            [_meeting("2024-03-07")],
            "window",
        ),
    ],
)
def test_each_rule_is_caught(
    series_changes: dict[str, object], meetings: list[Meeting], rule: str
) -> None:
    report = check(_one_series(**series_changes), _plan(*meetings))
    assert [v.rule for v in report.violations] == [rule]
    assert report.violations[0].series in ("m", None)


def test_cancelled_meetings_do_not_count() -> None:
    cancelled = _meeting("2024-03-28", status=MeetingStatus.CANCELLED)
    report = check(_one_series(), _plan(_meeting("2024-03-07"), cancelled))
    assert report.ok


def test_duplicate_ids_unknown_series_and_overlap() -> None:
    problem = _one_series()
    problem = problem.evolve(
        series=(
            *problem.series,
            Series("n", "a", "Annat", "thursday", "14:00", "16:00", count=Count(0, 3)),
        )
    )
    first = Meeting("dup", "m", "Möte", "2024-03-07", "13:00", "15:00")
    second = Meeting("dup", "n", "Annat", "2024-03-07", "14:00", "16:00")
    stranger = Meeting("z", "zz", "?", "2024-03-14", "13:00", "15:00")
    report = check(problem, Plan("2024-03-01", "2024-04-30", (first, second, stranger)))
    rules = sorted(v.rule for v in report.violations)
    assert rules == ["id", "overlap", "series"]


def test_pins_are_checked() -> None:
    problem = _one_series().evolve(pins=(Pin("m", "2024-03-14", start="10:00", end="12:00"),))
    missing = check(problem, _plan(_meeting("2024-03-07")))
    assert [v.rule for v in missing.violations] == ["pin"]
    wrong_time = check(problem, _plan(_meeting("2024-03-14")))
    assert [v.rule for v in wrong_time.violations] == ["pin"]
    right = check(problem, _plan(_meeting("2024-03-14", "10:00", "12:00")))
    assert right.ok


def test_soft_unavailable_time_costs_points() -> None:
    problem = _one_series().evolve(
        unavailable=(ClosedDates("Fullmäktige", ["2024-03-07"], weight=30),)
    )
    report = check(problem, _plan(_meeting("2024-03-07")))
    assert report.ok
    assert [(c.rule, c.points) for c in report.costs if c.rule == "unavailable"] == [
        ("unavailable", 30)
    ]


def test_messages_in_english() -> None:
    report = check(_one_series(), _plan(_meeting("2024-03-08")))
    assert report.violations[0].render("en") == "m-1 is on a Friday, but Möte meets on Thursday"


def test_one_check_renders_its_violations_in_swedish_and_in_english() -> None:
    # the model holds no language: one CheckResult is printed in either, without checking again
    report = check(_one_series(), _plan(_meeting("2024-03-08"), _meeting("2024-03-28")))
    assert [v.rule for v in report.violations] == ["weekday", "unavailable"]
    weekday, holiday = report.violations
    assert weekday.render("sv") == "m-1 är en fredag, men Möte möts på torsdag"
    assert weekday.render("en") == "m-1 is on a Friday, but Möte meets on Thursday"
    assert weekday.message.render("en") == weekday.render("en")
    assert "Skärtorsdagen" in holiday.render("sv")
    assert "Maundy Thursday" in holiday.render("en")
    # and rendering changes nothing: the same result still reads in Swedish
    assert weekday.render("sv") == "m-1 är en fredag, men Möte möts på torsdag"


def test_pinned_place_and_form_are_checked() -> None:
    pin = Pin("m", "2024-03-14", location="Folkes", form="online")
    problem = _one_series(locations=("Hus A",)).evolve(pins=(pin,))
    kept = _meeting("2024-03-14", location="Folkes", form="online")
    assert check(problem, _plan(kept)).ok
    moved = _meeting("2024-03-14", location="Hus A", form="online")
    report = check(problem, _plan(moved))
    assert [v.rule for v in report.violations] == ["pin"]
    assert "'Hus A' ≠ 'Folkes'" in report.violations[0].render("sv")


def test_multi_day_meeting_must_end_inside_its_window() -> None:
    problem = _one_series(days=2, end="12:00", within=[("2024-03-01", "2024-03-14")])
    inside = Meeting("m-1", "m", "Möte", "2024-03-07", "13:00", "12:00", "2024-03-08")
    assert check(problem, Plan("2024-03-01", "2024-04-30", (inside,))).ok
    across = Meeting("m-1", "m", "Möte", "2024-03-14", "13:00", "12:00", "2024-03-15")
    report = check(problem, Plan("2024-03-01", "2024-04-30", (across,)))
    assert [v.rule for v in report.violations] == ["window"]
