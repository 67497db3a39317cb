"""Reading calendars: plans back from .ics files, and other calendars as busy time."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from zoneinfo import ZoneInfo

import attrs
import icalendar
import pytest

from motesplan import (
    Block,
    BlockKind,
    Body,
    BusyCalendar,
    Form,
    FreeDays,
    MeetingStatus,
    Pin,
    PlanFormatError,
    Problem,
    Series,
    SolveOptions,
    Status,
    check,
    read_calendar,
    solve,
)
from motesplan.text import render

STOCKHOLM = ZoneInfo("Europe/Stockholm")
UTC = dt.UTC


def local(*parts: int) -> dt.datetime:
    return dt.datetime(*parts, tzinfo=STOCKHOLM)  # type: ignore[misc]


def event(uid: str, summary: str, start: dt.date, end: dt.date | None = None, **extra: object):
    item = icalendar.Event()
    item.add("uid", uid)
    item.add("dtstamp", dt.datetime(2024, 1, 1, tzinfo=UTC))
    item.add("summary", summary)
    item.add("dtstart", start)
    if end is not None:
        item.add("dtend", end)
    for key, value in extra.items():
        item.add(key.replace("_", "-"), value)
    return item


def calendar(*events: icalendar.Event, **extra: object) -> bytes:
    cal = icalendar.Calendar()
    cal.add("prodid", "-//motesplan tests//EN")
    cal.add("version", "2.0")
    for key, value in extra.items():
        cal.add(key.replace("_", "-"), value)
    for item in events:
        cal.add_component(item)
    cal.add_missing_timezones()
    return cal.to_ical()


@pytest.fixture
def problem() -> Problem:
    return Problem(
        name="Södertörnskommunerna",
        start="2024-01-01",
        end="2024-12-31",
        bodies=(Body("lg", "Ledningsgruppen"), Body("sk", "Samarbetskommittén")),
        series=(
            Series("lg", "lg", "Ledningsgruppen", "friday", "09:00", "11:30", count=(0, 12)),
            Series("sk", "sk", "Samarbetskommittén", "thursday", "13:00", "15:00", count=(0, 8)),
        ),
    )


@pytest.fixture
def plan_file() -> bytes:
    return calendar(
        event(
            "lg-2024-01@sodertornskommunerna.motesplan",
            "Ledningsgruppen",
            local(2024, 1, 19, 9),
            local(2024, 1, 19, 11, 30),
            location="Huddinge",
            description="Fysiskt möte\nLunch kl. 12.00",
        ),
        event(
            "lg-2024-02@sodertornskommunerna.motesplan",
            "Ledningsgruppen",
            local(2024, 6, 14, 9),
            local(2024, 6, 14, 11, 30),
            sequence=2,
            status="CANCELLED",
        ),
        # a UTC event: 08:00Z is 09:00 in winter, 07:00Z is 09:00 in summer
        event(
            "lg-2024-03@sodertornskommunerna.motesplan",
            "Ledningsgruppen",
            dt.datetime(2024, 2, 16, 8, tzinfo=UTC),
            dt.datetime(2024, 2, 16, 10, 30, tzinfo=UTC),
        ),
        event(
            "lg-2024-04@sodertornskommunerna.motesplan",
            "Ledningsgruppen",
            dt.datetime(2024, 8, 16, 7, tzinfo=UTC),
            dt.datetime(2024, 8, 16, 9, 30, tzinfo=UTC),
        ),
        # made by hand in Outlook: no motesplan UID, found by its SUMMARY
        event(
            "040000008200E00074C5B7101A82E0080000000",
            "Samarbetskommittén (extra)",
            local(2024, 3, 14, 13),
            local(2024, 3, 14, 15),
            description="Digitalt, länk kommer",
        ),
        # found by CATEGORIES
        event(
            "outlook-2",
            "Möte",
            local(2024, 4, 11, 13),
            local(2024, 4, 11, 15),
            categories=["Samarbetskommittén"],
        ),
        # an all-day, two-day event
        event("conf-1", "Planeringskonferens", dt.date(2024, 9, 5), dt.date(2024, 9, 7)),
        x_wr_timezone="Europe/Stockholm",
    )


def test_read_back_gives_the_meetings(problem: Problem, plan_file: bytes) -> None:
    plan = read_calendar(plan_file, problem)
    assert (plan.start, plan.end, plan.timezone) == (problem.start, problem.end, problem.timezone)
    by_id = {m.id: m for m in plan.meetings}
    first = by_id["lg-2024-01"]
    assert (first.series, first.title, first.date) == (
        "lg",
        "Ledningsgruppen",
        dt.date(2024, 1, 19),
    )
    assert (first.start, first.end) == (dt.time(9), dt.time(11, 30))
    assert (first.location, first.form, first.note) == ("Huddinge", Form.IN_PERSON, "")
    cancelled = by_id["lg-2024-02"]
    assert cancelled.status is MeetingStatus.CANCELLED
    assert cancelled.sequence == 2
    # UTC converted to local time in winter (UTC+1) and summer (UTC+2)
    assert (by_id["lg-2024-03"].date, by_id["lg-2024-03"].start) == (
        dt.date(2024, 2, 16),
        dt.time(9),
    )
    assert (by_id["lg-2024-04"].start, by_id["lg-2024-04"].end) == (dt.time(9), dt.time(11, 30))
    # derived ids, numbered per series and year, after the ones the UIDs give
    extra = [m for m in plan.meetings if m.series == "sk"]
    assert [(m.id, m.date, m.form) for m in extra] == [
        ("sk-2024-01", dt.date(2024, 3, 14), Form.ONLINE),
        ("sk-2024-02", dt.date(2024, 4, 11), Form.IN_PERSON),
    ]
    conference = next(m for m in plan.meetings if m.title == "Planeringskonferens")
    assert conference.series == "planeringskonferens"
    assert (conference.date, conference.end_date, conference.days) == (
        dt.date(2024, 9, 5),
        dt.date(2024, 9, 6),
        2,
    )
    assert (conference.start, conference.end) == (dt.time(0), dt.time(23, 59))


def test_the_checker_runs_on_the_result(problem: Problem, plan_file: bytes) -> None:
    plan = read_calendar(plan_file, problem)
    result = check(problem, plan)
    rules = {(v.rule, v.meetings) for v in result.violations}
    # the hand-made conference has no series in the problem; everything else holds
    assert {rule for rule, _ in rules} == {"series"}
    only_known = attrs.evolve(
        plan, meetings=tuple(m for m in plan.meetings if m.series in ("lg", "sk"))
    )
    assert check(problem, only_known).ok


def test_without_a_problem(plan_file: bytes) -> None:
    plan = read_calendar(plan_file)
    assert plan.timezone == "Europe/Stockholm"
    assert (plan.start, plan.end) == (dt.date(2024, 1, 19), dt.date(2024, 9, 6))
    assert plan.get("lg-2024-01") is not None
    summer = plan.get("lg-2024-04")
    assert summer is not None
    assert summer.start == dt.time(9)


def test_calendar_time_zone_is_used_without_a_problem() -> None:
    data = calendar(
        event("x-2024-01@t.motesplan", "X", dt.datetime(2024, 1, 10, 12, tzinfo=UTC)),
        x_wr_timezone="America/New_York",
    )
    plan = read_calendar(data)
    assert plan.timezone == "America/New_York"
    assert plan.meetings[0].start == dt.time(7)


def test_a_file_on_disk(tmp_path: Path, problem: Problem, plan_file: bytes) -> None:
    path = tmp_path / "plan.ics"
    path.write_bytes(plan_file)
    assert read_calendar(path, problem) == read_calendar(str(path), problem)


def test_a_recurring_meeting_becomes_one_meeting_per_occurrence(problem: Problem) -> None:
    weekly = event(
        "abc",
        "Ledningsgruppen",
        local(2024, 1, 5, 9),
        local(2024, 1, 5, 11, 30),
        rrule={"freq": "weekly", "count": 3},
    )
    plan = read_calendar(calendar(weekly), problem)
    assert [(m.id, m.date) for m in plan.meetings] == [
        ("lg-2024-01", dt.date(2024, 1, 5)),
        ("lg-2024-02", dt.date(2024, 1, 12)),
        ("lg-2024-03", dt.date(2024, 1, 19)),
    ]


def test_tentative_events_and_labels_without_a_problem() -> None:
    data = calendar(
        # as motesplan writes it: the body's name first in CATEGORIES, then the labels
        event(
            "kf-2027-06@kommunen.motesplan",
            "Kommunfullmäktige – Budget, Skattesats",
            local(2027, 11, 29, 18),
            local(2027, 11, 29, 21),
            categories=["Kommunfullmäktige", "Budget", "Skattesats"],
        ),
        event(
            "kf-2027-r1@kommunen.motesplan",
            "Kommunfullmäktige",
            local(2027, 3, 1, 18),
            local(2027, 3, 1, 21),
            status="TENTATIVE",
            categories=["Kommunfullmäktige"],
        ),
        # a dash in a title, and a category that is its only one: no label
        event(
            "x",
            "Kommunfullmäktige – Kommunfullmäktige",
            local(2027, 12, 13, 18),
            local(2027, 12, 13, 21),
            categories=["Kommunfullmäktige"],
        ),
    )
    plan = read_calendar(data)
    budget, reserve = plan.get("kf-2027-06"), plan.get("kf-2027-r1")
    assert budget is not None
    assert reserve is not None
    assert (budget.title, budget.labels, budget.status) == (
        "Kommunfullmäktige",
        ("Budget", "Skattesats"),
        MeetingStatus.CONFIRMED,
    )
    assert (reserve.series, reserve.status, reserve.labels) == ("kf", MeetingStatus.TENTATIVE, ())
    assert plan.reserves == (reserve,)
    other = plan.meetings[-1]
    assert (other.title, other.labels) == ("Kommunfullmäktige – Kommunfullmäktige", ())


def test_errors_name_the_file_and_the_event(tmp_path: Path) -> None:
    with pytest.raises(PlanFormatError, match=r"missing\.ics"):
        read_calendar(tmp_path / "missing.ics")
    latin = tmp_path / "latin.ics"
    latin.write_bytes("BEGIN:VCALENDAR\nSUMMARY:Möte\nEND:VCALENDAR\n".encode("latin-1"))
    with pytest.raises(PlanFormatError, match=r"latin\.ics: not UTF-8"):
        read_calendar(latin)
    text = tmp_path / "notes.ics"
    text.write_text("just some notes\n", encoding="utf-8")
    with pytest.raises(PlanFormatError, match=r"notes\.ics: not an iCalendar file"):
        read_calendar(text)
    broken = tmp_path / "broken.ics"
    no_start = icalendar.Event()
    no_start.add("uid", "lg-2024-09@x.motesplan")
    no_start.add("summary", "Ledningsgruppen")
    broken.write_bytes(calendar(no_start))
    with pytest.raises(
        PlanFormatError, match=r"broken\.ics: event 'lg-2024-09@x.motesplan' \(Ledningsgruppen\)"
    ):
        read_calendar(broken)
    with pytest.raises(PlanFormatError, match=r"upload\.ics: .*no DTSTART"):
        read_calendar(calendar(no_start), source="upload.ics")
    with pytest.raises(PlanFormatError, match=r"broken\.ics.*no DTSTART"):
        BusyCalendar(broken)


def test_round_trip_through_the_writer(problem: Problem) -> None:
    ics = pytest.importorskip("motesplan.formats.ics_write")
    lg = Series(
        "lg",
        "lg",
        "Ledningsgruppen",
        "friday",
        "09:00",
        "11:30",
        count=4,
        note="Ta med bärbar dator",
        lunch="12:00",
        locations=("Huddinge", "Botkyrka"),
    )
    sk = Series("sk", "sk", "Samarbetskommittén", "thursday", "13:00", "15:00", count=3)
    full = problem.evolve(
        series=(lg, attrs.evolve(sk, form="digitalt")),
        pins=(Pin("lg", "2024-03-15", location="Botkyrka", note="Budget"),),
    )
    result = solve(full, SolveOptions(time_limit=10))
    assert result.plan is not None
    solved = result.plan
    data = ics.publish_calendar(full, solved, stamp=dt.datetime(2024, 1, 1, tzinfo=UTC))
    back = read_calendar(data, full)
    # a calendar does not say which meetings were pinned
    assert back.meetings == tuple(attrs.evolve(m, pinned=False) for m in solved.meetings)
    assert back.get("lg-2024-01") is not None
    pinned = next(m for m in back.meetings if m.date == dt.date(2024, 3, 15))
    assert (pinned.note, pinned.location) == ("Budget", "Botkyrka")
    assert {m.form for m in back.of_series("sk")} == {Form.ONLINE}
    assert check(full, back).ok


# ---------------------------------------------------------------------------
# Busy calendars


def council() -> bytes:
    """Kommunfullmäktige on Thursdays 18:00-21:00 from 11 January to 22 February 2024,
    not on 25 January (EXDATE), and on Friday 9 February instead of Thursday 8 (moved)."""
    weekly = event(
        "kf-salem",
        "Kommunfullmäktige",
        local(2024, 1, 11, 18),
        local(2024, 1, 11, 21),
        rrule={"freq": "weekly", "byday": "TH", "until": dt.datetime(2024, 2, 22, 23, tzinfo=UTC)},
        exdate=local(2024, 1, 25, 18),
    )
    moved = event(
        "kf-salem",
        "Kommunfullmäktige (flyttat)",
        local(2024, 2, 9, 18),
        local(2024, 2, 9, 21),
        recurrence_id=local(2024, 2, 8, 18),
    )
    summer = event("kf-juni", "KF juni", local(2024, 6, 13, 17), local(2024, 6, 13, 19))
    utc = event(
        "ks-utc",
        "KS",
        dt.datetime(2024, 6, 20, 6, tzinfo=UTC),
        dt.datetime(2024, 6, 20, 8, tzinfo=UTC),
    )
    all_day = event("kf-dag", "Budgetdag", dt.date(2024, 3, 7), dt.date(2024, 3, 8))
    cancelled = event(
        "kf-x", "Inställt", local(2024, 3, 14, 18), local(2024, 3, 14, 21), status="CANCELLED"
    )
    free = event(
        "kf-free", "Fika", local(2024, 3, 21, 15), local(2024, 3, 21, 16), transp="TRANSPARENT"
    )
    return calendar(weekly, moved, summer, utc, all_day, cancelled, free)


def test_busy_calendar_blocks_each_event_at_its_time() -> None:
    busy = BusyCalendar.from_bytes(council(), "Salem KF")
    assert busy.label == "Salem KF"
    blocks = list(busy.blocks(dt.date(2024, 1, 1), dt.date(2024, 12, 31)))
    days = [(b.date, b.start, b.end) for b in blocks]
    evening = (dt.time(18), dt.time(21))
    thursdays = [dt.date(2024, 1, 11), dt.date(2024, 1, 18), dt.date(2024, 2, 1)]
    thursdays += [dt.date(2024, 2, 15), dt.date(2024, 2, 22)]
    expected = [(day, *evening) for day in thursdays]
    expected.append((dt.date(2024, 2, 9), *evening))  # the moved instance
    expected.append((dt.date(2024, 3, 7), None, None))  # all day
    expected.append((dt.date(2024, 6, 13), dt.time(17), dt.time(19)))  # summer time
    expected.append((dt.date(2024, 6, 20), dt.time(8), dt.time(10)))  # 06:00Z in summer
    assert sorted(days) == sorted(expected)
    assert dt.date(2024, 1, 25) not in {b.date for b in blocks}  # EXDATE
    assert dt.date(2024, 2, 8) not in {b.date for b in blocks}  # moved away
    first = blocks[0]
    assert first == Block(
        dt.date(2024, 1, 11),
        dt.time(18),
        dt.time(21),
        "Salem KF: Kommunfullmäktige",
        BlockKind.BUSY,
        (),
        None,
        "Salem KF",
    )
    moved = next(b for b in blocks if b.date == dt.date(2024, 2, 9))
    assert moved.reason == "Salem KF: Kommunfullmäktige (flyttat)"
    # the events' own text, the same in every language
    assert {render(b.reason, "en") for b in blocks} == {render(b.reason, "sv") for b in blocks}
    assert render(moved.reason, "en") == "Salem KF: Kommunfullmäktige (flyttat)"
    # and only inside the period asked for
    assert list(busy.blocks(dt.date(2024, 1, 1), dt.date(2024, 1, 31))) == blocks[:2]


def test_an_event_over_midnight_blocks_two_days() -> None:
    late = event("late", "Valvaka", local(2024, 9, 8, 20), local(2024, 9, 9, 2))
    blocks = list(
        BusyCalendar.from_bytes(calendar(late), "Val").blocks(
            dt.date(2024, 9, 1), dt.date(2024, 9, 30)
        )
    )
    assert [(b.date, b.start, b.end) for b in blocks] == [
        (dt.date(2024, 9, 8), dt.time(20), None),
        (dt.date(2024, 9, 9), None, dt.time(2)),
    ]


def busy_problem(*series: Series, weight: int | None = None) -> Problem:
    return Problem(
        name="Test",
        start="2024-01-01",
        end="2024-02-29",
        bodies=(Body("b", "Beta"),),
        series=series,
        unavailable=(BusyCalendar.from_bytes(council(), "Salem KF", weight=weight),),
    )


def test_an_evening_meeting_blocks_only_overlapping_times() -> None:
    morning = Series("m", "b", "Morgon", "thursday", "09:00", "11:30", count=1)
    late = Series("e", "b", "Eftermiddag", "thursday", "17:00", "19:00", count=1)
    cal = FreeDays(busy_problem(morning, late))
    day = dt.date(2024, 1, 11)
    assert cal.collisions("m", day, dt.time(9), dt.time(11, 30), day) == ()
    hits = cal.collisions("e", day, dt.time(17), dt.time(19), day)
    assert [b.reason for b in hits] == ["Salem KF: Kommunfullmäktige"]
    assert (
        cal.collisions("e", dt.date(2024, 1, 25), dt.time(17), dt.time(19), dt.date(2024, 1, 25))
        == ()
    )
    assert len(cal.slots("m")) == 9  # every Thursday
    free = [dt.date(2024, 1, 4), dt.date(2024, 1, 25), dt.date(2024, 2, 8), dt.date(2024, 2, 29)]
    assert [slot.date for slot in cal.slots("e")] == free


def test_solve_avoids_hard_busy_time() -> None:
    late = Series("e", "b", "Eftermiddag", "thursday", "17:00", "19:00", count=4)
    problem = busy_problem(late)
    result = solve(problem, SolveOptions(time_limit=10))
    assert result.status is Status.OPTIMAL
    assert result.plan is not None
    assert [m.date for m in result.plan.meetings] == [
        dt.date(2024, 1, 4),
        dt.date(2024, 1, 25),
        dt.date(2024, 2, 8),
        dt.date(2024, 2, 29),
    ]
    assert check(problem, result.plan).ok
    too_many = busy_problem(attrs.evolve(late, count=5))
    assert solve(too_many, SolveOptions(time_limit=10)).status is Status.INFEASIBLE


def test_soft_busy_time_costs_points() -> None:
    late = Series("e", "b", "Eftermiddag", "thursday", "17:00", "19:00", count=5)
    problem = busy_problem(late, weight=50)
    result = solve(problem, SolveOptions(time_limit=10))
    assert result.plan is not None
    checked = check(problem, result.plan)
    assert checked.ok
    assert sum(c.points for c in checked.costs if c.rule == "unavailable") == 50


def test_busy_calendar_from_a_file(tmp_path: Path) -> None:
    path = tmp_path / "salem-kf.ics"
    path.write_bytes(council())
    busy = BusyCalendar(path, series=("e",))
    assert busy.label == "salem-kf"
    assert busy.path == str(path)
    blocks = list(busy.blocks(dt.date(2024, 1, 1), dt.date(2024, 1, 31)))
    assert [b.series for b in blocks] == [("e",), ("e",)]
    assert busy == BusyCalendar(str(path), series=("e",))
    text = BusyCalendar.from_text(council().decode("utf-8"), "KF")
    assert {b.source for b in text.blocks(dt.date(2024, 1, 1), dt.date(2024, 1, 31))} == {"KF"}
