"""Replanning a booked plan with the least change, and alternatives for one meeting."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import attrs
import icalendar
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from motesplan import (
    Body,
    ClosedDates,
    Count,
    Meeting,
    MeetingStatus,
    Plan,
    Problem,
    Result,
    Series,
    SolveOptions,
    Status,
    ValidationError,
    alternatives,
    check,
    meeting_uid,
    plan_to_json,
    replan,
    solve,
    write_changes,
)
from motesplan.reports.replan import format_alternatives, format_replan
from tests.conftest import load_example

OPTIONS = SolveOptions(time_limit=30)

# The committee's own dates for 2024 and the rules after its decision, as the example
# examples/replan_2024.py states them: seven meetings instead of eight (27 June goes,
# four meetings a week later), each prepared 20-27 days before (now a hard rule).
REPLAN_EXAMPLE = load_example("replan_2024")
DECIDED: tuple[str, ...] = REPLAN_EXAMPLE.DECIDED
committee_decides: Callable[[Problem], Problem] = REPLAN_EXAMPLE.committee_decides


@pytest.fixture(scope="module")
def booked(sodertorn_result: Result) -> Plan:
    plan = sodertorn_result.plan
    assert plan is not None
    return plan


def _dates(plan: Plan, series: str) -> list[str]:
    return [str(m.date) for m in plan.of_series(series)]


def test_the_booked_plan_is_the_one_this_file_assumes(booked: Plan) -> None:
    assert _dates(booked, "sk") == [
        "2024-02-15", "2024-04-11", "2024-05-16", "2024-06-27",
        "2024-09-05", "2024-10-03", "2024-11-07", "2024-12-05",
    ]  # fmt: skip
    assert "2024-03-15" in _dates(booked, "lg")


def test_an_unchanged_config_changes_nothing(sodertorn: Problem, booked: Plan) -> None:
    replanned = replan(sodertorn, booked, options=OPTIONS)
    assert replanned.result.status is Status.OPTIMAL
    assert not replanned.changes.any
    assert replanned.plan == booked
    assert len(replanned.changes.unchanged) == len(booked.meetings)
    assert "Inga ändringar" in format_replan(sodertorn, replanned)


def test_the_committee_fixes_its_dates(sodertorn: Problem, booked: Plan) -> None:
    changed = committee_decides(sodertorn)
    replanned = replan(changed, booked, options=OPTIONS)
    plan = replanned.plan
    assert plan is not None
    assert check(changed, plan).ok
    assert _dates(plan, "sk") == list(DECIDED)
    moved = {
        before.id: (str(before.date), str(now.date))
        for before, now in replanned.changes.moved_or_changed
    }
    assert moved == {
        # the one management-group meeting that must move: 18 April needs one 20-27
        # days before, and 29 March is Långfredag
        "lg-2024-03": ("2024-03-15", "2024-03-22"),
        "sk-2024-02": ("2024-04-11", "2024-04-18"),
        "sk-2024-03": ("2024-05-16", "2024-05-23"),
        "sk-2024-05": ("2024-09-05", "2024-09-12"),
        "sk-2024-06": ("2024-10-03", "2024-10-10"),
    }
    assert [m.id for m in replanned.changes.cancelled] == ["sk-2024-04"]
    assert replanned.changes.added == ()
    assert replanned.moved_days == 4 * 7 + 7
    # every other management-group meeting stays where it was booked
    assert [d for d in _dates(plan, "lg") if d != "2024-03-22"] == [
        d for d in _dates(booked, "lg") if d != "2024-03-15"
    ]
    # moved meetings keep their ids with the sequence raised; the cancelled one stays, marked
    for before, now in replanned.changes.moved_or_changed:
        assert now.id == before.id
        assert now.sequence == before.sequence + 1
    cancelled = plan.get("sk-2024-04")
    assert cancelled is not None
    assert cancelled.status is MeetingStatus.CANCELLED
    assert cancelled.sequence == 1


def test_the_change_files_carry_exactly_the_changed_meetings(
    sodertorn: Problem, booked: Plan, tmp_path: Path
) -> None:
    changed = committee_decides(sodertorn)
    replanned = replan(changed, booked, options=OPTIONS)
    assert replanned.plan is not None
    written = write_changes(
        changed,
        booked,
        replanned.plan,
        tmp_path,
        organizer=("Anna", "anna@example.se"),
        attendees=[("Bo", "bo@example.se")],
    )
    names = sorted(path.name for path in written)
    assert names == [
        "lg-2024-03.ics", "sk-2024-02.ics", "sk-2024-03.ics", "sk-2024-04-cancel.ics",
        "sk-2024-05.ics", "sk-2024-06.ics",
    ]  # fmt: skip
    for path in written:
        calendar = icalendar.Calendar.from_ical(path.read_bytes())
        (event,) = calendar.walk("VEVENT")
        meeting_id = path.stem.removesuffix("-cancel")
        assert str(event["UID"]) == meeting_uid(changed.name, meeting_id)
        assert int(event["SEQUENCE"]) == 1
        cancel = path.stem.endswith("-cancel")
        assert str(calendar["METHOD"]) == ("CANCEL" if cancel else "REQUEST")
        if cancel:
            assert str(event["STATUS"]) == "CANCELLED"
        else:
            new = replanned.plan.get(meeting_id)
            assert new is not None
            assert event.decoded("DTSTART").date() == new.date


def test_frozen_meetings_never_move(sodertorn: Problem, booked: Plan) -> None:
    changed = committee_decides(sodertorn)
    # 18 April needs 22 March, but the booked 15 March is frozen: no plan
    stuck = replan(changed, booked, freeze_until="2024-04-01", options=OPTIONS)
    assert stuck.result.status is Status.INFEASIBLE
    assert stuck.plan is None
    assert stuck.result.reason is not None
    reason = stuck.result.reason.render("sv")
    assert "1 april 2024" in reason
    assert "flytta" in reason
    # frozen until March: everything before it stays as booked
    replanned = replan(changed, booked, freeze_until=dt.date(2024, 3, 1), options=OPTIONS)
    assert replanned.plan is not None
    early = [m for m in booked.meetings if m.date < dt.date(2024, 3, 1)]
    assert early
    assert all(replanned.plan.get(m.id) == m for m in early)


def test_a_higher_count_adds_meetings_with_new_ids(sodertorn: Problem, booked: Plan) -> None:
    more = sodertorn.evolve(
        series=tuple(
            attrs.evolve(s, count=Count(11)) if s.id == "lg" else s for s in sodertorn.series
        )
    )
    replanned = replan(more, booked, options=OPTIONS)
    assert replanned.plan is not None
    assert check(more, replanned.plan).ok
    (added,) = replanned.changes.added
    assert added.series == "lg"
    assert added.id == f"lg-{added.date.year}-11"
    assert booked.get(added.id) is None
    assert not replanned.changes.moved_or_changed
    assert not replanned.changes.cancelled


def test_a_closed_date_moves_the_meeting_the_least(sodertorn: Problem, booked: Plan) -> None:
    meeting = booked.get("lg-2024-07")
    assert meeting is not None
    closed = sodertorn.evolve(
        unavailable=(
            *sodertorn.unavailable,
            ClosedDates("Konferens", [meeting.date], series=["lg"]),
        )
    )
    replanned = replan(closed, booked, options=OPTIONS)
    assert replanned.plan is not None
    ((before, after),) = replanned.changes.moved_or_changed
    assert before.id == after.id == "lg-2024-07"
    assert abs((after.date - before.date).days) == 7
    assert not replanned.changes.cancelled


def test_alternatives_for_one_meeting(sodertorn: Problem, booked: Plan) -> None:
    found = alternatives(sodertorn, booked, "sk-2024-05", top=4, options=OPTIONS)
    target = booked.get("sk-2024-05")
    assert target is not None
    assert found.meeting == target
    assert found.baseline == 70
    assert len(found.options) == 4
    assert found.feasible >= 4
    booked_days = {m.date for m in booked.of_series("sk")}
    for option in found.options:
        assert option.meeting.id == target.id
        assert option.date not in booked_days
        report = check(sodertorn, option.plan)
        assert report.ok
        assert option.cost_change == report.objective - found.baseline
        assert option.plan.get(target.id) == option.meeting
        ids = [m.id for m, _ in option.others.moved_or_changed] + [
            m.id for m in option.others.cancelled
        ]
        assert target.id not in ids
    keys = [(o.moves_with, o.cost_change) for o in found.options]
    assert keys == sorted(keys)
    again = alternatives(sodertorn, booked, "sk-2024-05", top=4, options=OPTIONS)
    assert [(o.date, o.cost_change, o.others) for o in again.options] == [
        (o.date, o.cost_change, o.others) for o in found.options
    ]
    text = format_alternatives(sodertorn, found)
    assert "Andra datum för sk-2024-05 Samarbetskommittén, torsdag 5 september 2024 (v. 36)" in text
    assert "kostnad +" in text
    assert "Other dates for" in format_alternatives(sodertorn, found, "en")


def test_alternatives_of_an_unknown_meeting(sodertorn: Problem, booked: Plan) -> None:
    with pytest.raises(ValidationError, match="lg-2030-01"):
        alternatives(sodertorn, booked, "lg-2030-01")


# --- properties -------------------------------------------------------------------------


def _problem(count: int, gap: int) -> Problem:
    return Problem(
        name="Prop",
        start="2024-01-01",
        end="2024-06-30",
        bodies=(Body("a"),),
        series=(
            Series(
                "m",
                "a",
                "Möte",
                "tuesday",
                "09:00",
                "10:00",
                count=(count - 1, count),
                min_gap_days=gap,
            ),
        ),
    )


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    count=st.integers(3, 7),
    gap=st.sampled_from([7, 14, 21]),
    closed=st.lists(st.integers(0, 180), max_size=4),
    freeze=st.one_of(st.none(), st.integers(0, 180)),
)
def test_replanning_keeps_rules_and_frozen_meetings(
    count: int, gap: int, closed: list[int], freeze: int | None
) -> None:
    problem = _problem(count, gap)
    first = solve(problem, SolveOptions(time_limit=10, workers=1))
    first_plan = first.plan
    if first_plan is None:
        return
    # unchanged rules: nothing changes
    same = replan(problem, first_plan, options=SolveOptions(time_limit=10, workers=1))
    assert not same.changes.any
    start = dt.date(2024, 1, 1)
    changed = problem.evolve(
        unavailable=(ClosedDates("Stängt", [start + dt.timedelta(days=d) for d in closed]),)
    )
    until = start + dt.timedelta(days=freeze) if freeze is not None else None
    replanned = replan(
        changed, first_plan, freeze_until=until, options=SolveOptions(time_limit=10, workers=1)
    )
    if replanned.plan is None:
        assert replanned.result.status is Status.INFEASIBLE
        return
    assert check(changed, replanned.plan).ok
    for meeting in first_plan.meetings:
        now = replanned.plan.get(meeting.id)
        assert now is not None  # every booked meeting is still there, perhaps cancelled
        if until is not None and meeting.date < until:
            assert now == meeting
    if until is not None:
        new_ids = {m.id for m in replanned.changes.added}
        assert all(m.date >= until for m in replanned.plan.meetings if m.id in new_ids)
    # the changes are exactly the meetings whose date, time or place differ
    moved = {before.id for before, _ in replanned.changes.moved_or_changed}
    for meeting in first_plan.meetings:
        now = replanned.plan.get(meeting.id)
        assert now is not None
        differs = (now.date, now.start, now.status) != (meeting.date, meeting.start, meeting.status)
        assert (meeting.id in moved or now.cancelled) == differs


def test_json_of_an_unchanged_replan_is_identical(sodertorn: Problem, booked: Plan) -> None:
    replanned = replan(sodertorn, booked, options=OPTIONS)
    assert replanned.plan is not None
    assert plan_to_json(replanned.plan) == plan_to_json(booked)


def test_meetings_outside_the_rules_are_carried_over(sodertorn: Problem, booked: Plan) -> None:
    extra = Meeting("x-2024-01", "x", "Extra", "2024-03-05", "10:00", "11:00")
    with_extra = Plan(booked.start, booked.end, (*booked.meetings, extra), booked.timezone)
    replanned = replan(sodertorn, with_extra, options=OPTIONS)
    assert replanned.plan is not None
    assert replanned.plan.get("x-2024-01") == extra
    assert not replanned.changes.any
