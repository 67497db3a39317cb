"""The municipal year in the files for programs and for people: reserve dates, the
milestones a meeting serves (its labels), counts per year and each body's own
representatives, in the JSON plan, the calendar files, the printouts, the cost report,
the rotation's decision basis and the command line."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import attrs
import icalendar
import pytest
import vobject

from motesplan import (
    Body,
    Cost,
    Count,
    Link,
    Meeting,
    MeetingStatus,
    Member,
    Milestone,
    Plan,
    PlanFormatError,
    Problem,
    PublicHolidays,
    Representative,
    Result,
    RotationPlan,
    RotationProblem,
    RotationYear,
    Rule,
    Series,
    SolveOptions,
    ValidationError,
    check,
    format_costs,
    format_plan,
    format_rotation_table,
    invitation,
    plan_from_json,
    plan_to_json,
    publish_calendar,
    read_calendar,
    result_to_json,
    rotation_markdown,
    solve,
    write_changes,
    write_invitations,
)
from motesplan.formats.ics_write import Attendee
from motesplan.planner.checker import CountDetail, SpreadDetail
from motesplan.planner.problem import Invitee
from tests.test_cli import motesplan

ORGANIZER = ("Kommunkansliet", "kansli@example.se")
KATJA = "katja@example.se"  # Botkyrka in the council, all period
SVEN = "sven@example.se"  # Botkyrka's substitute in the council
OLD = "old@example.se"  # Huddinge in the council until 30 June 2027
NEW = "new@example.se"  # Huddinge in the council from 1 July 2027
KALLE = "kalle@example.se"  # Botkyrka in the executive board
HUDDINGE = "huddinge@example.se"  # Huddinge's own address (the working committee)
MANDATE_CHANGE = dt.date(2027, 7, 1)
EASTER_MONDAY = dt.date(2027, 3, 29)


def council_representatives() -> tuple[Representative, ...]:
    return (
        Representative("bot", "Katja Byström", KATJA, "ledamot"),
        Representative("bot", "Sven Svensson", SVEN, "ersättare"),
        Representative("hud", "Olle Gammal", OLD, "ledamot", end="2027-06-30"),
        Representative("hud", "Nina Ny", NEW, "ledamot", start="2027-07-01"),
    )


@pytest.fixture(scope="module")
def municipal() -> Problem:
    """A council (counted per year, one reserve date a year, the budget in November),
    its executive board (counted per year) and a working committee (counted in the
    period, no representatives: its member's own address), 2027 and half of 2028."""
    return Problem(
        "Kommunen",
        "2027-01-01",
        "2028-06-30",
        members=(
            Member("bot", "Botkyrka"),
            Member("hud", "Huddinge", email=HUDDINGE, contact="Huddinges kansli"),
        ),
        bodies=(
            Body(
                "kf", "Kommunfullmäktige", ["bot", "hud"], representatives=council_representatives()
            ),
            Body(
                "ks",
                "Kommunstyrelsen",
                ["bot", "hud"],
                representatives=[Representative("bot", "Kalle Karlsson", KALLE, "ledamot")],
            ),
            Body("au", "Arbetsutskottet", ["hud"]),
        ),
        series=(
            Series(
                "kf",
                "kf",
                "Kommunfullmäktige",
                "monday",
                "18:00",
                "21:00",
                count=Count(5, 6, per="year"),
                reserve=1,
            ),
            Series(
                "ks",
                "ks",
                "Kommunstyrelsen",
                "tuesday",
                "09:00",
                "12:00",
                count=Count(6, per="year"),
            ),
            Series("au", "au", "Arbetsutskottet", "wednesday", "09:00", "10:00", count=4),
        ),
        milestones=(Milestone("kf", "Budget", "2027-11-01", "2027-11-30", yearly=True),),
        unavailable=(PublicHolidays("SE"),),
    )


@pytest.fixture(scope="module")
def solved(municipal: Problem) -> Result:
    result = solve(municipal, SolveOptions(time_limit=10))
    assert result.plan is not None
    assert check(municipal, result.plan).ok
    return result


@pytest.fixture(scope="module")
def plan(solved: Result) -> Plan:
    assert solved.plan is not None
    return solved.plan


def budget_meeting(plan: Plan) -> Meeting:
    (meeting,) = [m for m in plan.meetings if m.labels]
    return meeting


def first_reserve(plan: Plan) -> Meeting:
    return plan.reserves[0]


def test_the_plan_has_what_the_files_must_carry(plan: Plan) -> None:
    # the solver's side, as this file relies on it
    assert [m.id for m in plan.reserves] == ["kf-2027-r1", "kf-2028-r1"]
    assert all(m.tentative and not m.held for m in plan.reserves)
    budget = budget_meeting(plan)
    assert budget.labels == ("Budget",)
    assert budget.date.month == 11


# --- JSON -------------------------------------------------------------------------------


def test_json_round_trip_keeps_labels_reserves_and_writes_cost_years(
    municipal: Problem, solved: Result, plan: Plan
) -> None:
    text = result_to_json(solved, municipal)
    data: dict[str, Any] = json.loads(text)
    by_id = {m["id"]: m for m in data["meetings"]}
    assert all(isinstance(m["labels"], list) for m in data["meetings"])  # always written
    assert by_id[budget_meeting(plan).id]["labels"] == ["Budget"]
    assert by_id["kf-2027-r1"]["status"] == "tentative"
    assert by_id["kf-2027-r1"]["labels"] == []
    years = {(c["rule"], c["subject"], c.get("year")) for c in data["costs"]}
    assert all(c["year"] is not None for c in data["costs"] if c["subject"] in ("kf", "ks"))
    assert ("spread", "kf", 2027) in years or ("count", "kf", 2027) in years
    assert all("year" not in c for c in data["costs"] if c["subject"] == "au")
    again = plan_from_json(text)
    assert again == plan
    assert again.reserves == plan.reserves
    assert plan_to_json(again, status=solved.status.value, costs=solved.costs) == plan_to_json(
        plan, status=solved.status.value, costs=solved.costs
    )


def test_json_cost_year_is_written_only_when_known() -> None:
    empty = Plan("2027-01-01", "2027-12-31", ())
    costs = (Cost(Rule.COUNT, "kf", 200, 1, year=2027), Cost(Rule.SPREAD, "au", 12, 12))
    data = json.loads(plan_to_json(empty, costs=costs))
    assert data["costs"] == [
        {
            "rule": "count",
            "subject": "kf",
            "meeting": None,
            "amount": 1,
            "points": 200,
            "year": 2027,
        },
        {"rule": "spread", "subject": "au", "meeting": None, "amount": 12, "points": 12},
    ]


def test_json_of_an_older_file_without_labels_still_reads(plan: Plan) -> None:
    data = json.loads(plan_to_json(plan))
    for meeting in data["meetings"]:
        del meeting["labels"]
    again = plan_from_json(json.dumps(data))
    assert all(m.labels == () for m in again.meetings)
    assert again == attrs.evolve(plan, meetings=[attrs.evolve(m, labels=()) for m in plan.meetings])


@pytest.mark.parametrize(
    ("labels", "key"),
    [("Budget", "labels"), ([1], "labels[0]"), (["Budget", None], "labels[1]")],
)
def test_json_labels_of_the_wrong_type_name_the_key(plan: Plan, labels: object, key: str) -> None:
    data = json.loads(plan_to_json(plan))
    data["meetings"][0]["labels"] = labels
    with pytest.raises(PlanFormatError, match=rf"meetings\[0\]: key '{re.escape(key)}' should be"):
        plan_from_json(json.dumps(data), source="plan.json")


# --- calendars written ------------------------------------------------------------------


def _vevents(data: bytes) -> dict[str, Any]:
    """The events of a calendar file by meeting id, as vobject (an independent
    parser) reads them."""
    calendar = next(vobject.readComponents(data.decode("utf-8")))
    return {event.uid.value.split("@")[0]: event for event in calendar.vevent_list}


def test_published_reserve_dates_are_tentative_and_labels_in_summary_and_categories(
    municipal: Problem, plan: Plan
) -> None:
    events = _vevents(publish_calendar(municipal, plan))
    assert len(events) == len(plan.meetings)
    for meeting in plan.meetings:
        event = events[meeting.id]
        assert event.transp.value == "OPAQUE"
        assert event.status.value == ("TENTATIVE" if meeting.tentative else "CONFIRMED")
    reserve = events["kf-2027-r1"]
    assert reserve.summary.value == "Kommunfullmäktige"
    assert reserve.description.value.splitlines() == [
        "Fysiskt möte",
        "Reservdatum: hålls för ett extra sammanträde vid behov",
    ]
    budget = events[budget_meeting(plan).id]
    assert budget.summary.value == "Kommunfullmäktige – Budget"
    assert budget.categories.value == ["Kommunfullmäktige", "Budget"]
    plain = next(events[m.id] for m in plan.of_series("kf") if not m.labels)
    assert plain.summary.value == "Kommunfullmäktige"
    assert plain.categories.value == ["Kommunfullmäktige"]


def test_several_labels_are_joined_with_a_comma(municipal: Problem, plan: Plan) -> None:
    budget = budget_meeting(plan)
    both = attrs.evolve(budget, labels=("Budget", "Delårsrapport, tertial 2"))
    edited = attrs.evolve(plan, meetings=[both if m is budget else m for m in plan.meetings])
    data = publish_calendar(municipal, edited, language="en")
    event = _vevents(data)[budget.id]
    assert event.summary.value == "Kommunfullmäktige – Budget, Delårsrapport, tertial 2"
    assert event.categories.value == ["Kommunfullmäktige", "Budget", "Delårsrapport, tertial 2"]
    assert read_calendar(data, municipal).get(budget.id) == attrs.evolve(both, pinned=False)


# --- calendars read back ----------------------------------------------------------------


def test_calendar_round_trip_with_and_without_the_problem(municipal: Problem, plan: Plan) -> None:
    data = publish_calendar(municipal, plan)
    expected = tuple(attrs.evolve(m, pinned=False) for m in plan.meetings)
    assert read_calendar(data, municipal).meetings == expected
    alone = read_calendar(data)  # the labels are known from CATEGORIES alone
    assert [(m.id, m.title, m.labels, m.status) for m in alone.meetings] == [
        (m.id, m.title, m.labels, m.status) for m in expected
    ]
    assert check(municipal, read_calendar(data, municipal)).ok


def _event(uid: str, summary: str, day: dt.date, **extra: object) -> icalendar.Event:
    event = icalendar.Event()
    event.add("uid", uid)
    event.add("dtstamp", dt.datetime(2027, 1, 1, tzinfo=dt.UTC))
    event.add("summary", summary)
    event.add("dtstart", dt.datetime.combine(day, dt.time(18)))
    event.add("dtend", dt.datetime.combine(day, dt.time(21)))
    for key, value in extra.items():
        event.add(key, value)
    return event


def _calendar(*events: icalendar.Event) -> bytes:
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//Outlook by hand//EN")
    calendar.add("version", "2.0")
    for event in events:
        calendar.add_component(event)
    data: bytes = calendar.to_ical()
    return data


def test_a_calendar_made_by_hand_gives_labels_and_reserve_dates(municipal: Problem) -> None:
    data = _calendar(
        # the milestone's name after the title: a label (a milestone of the series)
        _event("a", "Kommunfullmäktige – Budget", dt.date(2027, 11, 15)),
        # a suffix that is no milestone: part of the title
        _event("b", "Kommunfullmäktige – extra", dt.date(2027, 10, 4)),
        # the milestone in CATEGORIES only
        _event("c", "Kommunfullmäktige", dt.date(2027, 11, 22), categories=["Budget"]),
        # tentative, without a motesplan UID: a reserve date with a reserve id
        _event("d", "Kommunfullmäktige", dt.date(2027, 3, 1), status="TENTATIVE"),
    )
    read = {m.date: m for m in read_calendar(data, municipal).meetings}
    labelled = read[dt.date(2027, 11, 15)]
    assert (labelled.title, labelled.labels, labelled.series) == (
        "Kommunfullmäktige",
        ("Budget",),
        "kf",
    )
    extra = read[dt.date(2027, 10, 4)]
    assert (extra.title, extra.labels) == ("Kommunfullmäktige – extra", ())
    assert read[dt.date(2027, 11, 22)].labels == ("Budget",)
    reserve = read[dt.date(2027, 3, 1)]
    assert reserve.tentative
    assert reserve.id == "kf-2027-r1"
    assert [m.id for m in read.values() if m.held] == ["kf-2027-01", "kf-2027-02", "kf-2027-03"]


def test_check_on_a_calendar_finds_a_reserve_date_on_a_holiday(
    municipal: Problem, plan: Plan
) -> None:
    reserve = first_reserve(plan)
    moved = attrs.evolve(reserve, date=EASTER_MONDAY, end_date=EASTER_MONDAY)
    edited = attrs.evolve(plan, meetings=[moved if m is reserve else m for m in plan.meetings])
    back = read_calendar(publish_calendar(municipal, edited), municipal)
    assert back.get(reserve.id) == attrs.evolve(moved, pinned=False)
    report = check(municipal, back)
    assert not report.ok
    assert [(v.rule, v.meetings) for v in report.violations] == [(Rule.UNAVAILABLE, (reserve.id,))]
    assert "Annandag påsk" in report.violations[0].render("sv")


# --- invitations ------------------------------------------------------------------------


def _attendees(data: bytes) -> dict[str, str]:
    """The attendees of an invitation: address -> role, read by vobject."""
    (event,) = _vevents(data).values()
    found: dict[str, str] = {}
    for attendee in event.contents.get("attendee", []):
        found[attendee.value.removeprefix("mailto:")] = attendee.params["ROLE"][0]
    return found


def _expected(meeting: Meeting) -> dict[str, str]:
    if meeting.series == "kf":
        huddinge = OLD if meeting.date < MANDATE_CHANGE else NEW
        return {KATJA: "REQ-PARTICIPANT", SVEN: "OPT-PARTICIPANT", huddinge: "REQ-PARTICIPANT"}
    if meeting.series == "ks":
        return {KALLE: "REQ-PARTICIPANT"}
    return {HUDDINGE: "REQ-PARTICIPANT"}  # the working committee lists no representatives


def test_invitations_go_to_each_bodys_own_representatives(
    municipal: Problem, plan: Plan, tmp_path: Path
) -> None:
    paths = write_invitations(municipal, plan, tmp_path, organizer=ORGANIZER, language="en")
    assert [p.name for p in paths] == [f"{m.id}.ics" for m in plan.meetings]
    dates = set()
    for meeting, path in zip(plan.meetings, paths, strict=True):
        attendees = _attendees(path.read_bytes())
        assert attendees == _expected(meeting), meeting.id
        dates.add(meeting.date < MANDATE_CHANGE)
        if meeting.series != "ks":
            assert KALLE not in attendees  # the board's people get no council meeting
    assert dates == {True, False}  # both sides of the change of mandate were checked


def test_a_reserve_date_is_invited_as_tentative(municipal: Problem, plan: Plan) -> None:
    reserve = first_reserve(plan)
    data = invitation(municipal, reserve, organizer=ORGANIZER)
    calendar = next(vobject.readComponents(data.decode("utf-8")))
    assert calendar.method.value == "REQUEST"
    (event,) = calendar.vevent_list
    assert (event.status.value, event.transp.value) == ("TENTATIVE", "OPAQUE")
    assert set(_attendees(data)) == {KATJA, SVEN, OLD}


def test_an_explicit_list_of_attendees_still_works(municipal: Problem, plan: Plan) -> None:
    meeting = budget_meeting(plan)
    attendees: list[Attendee] = [
        ("Anna", "anna@example.se"),
        Invitee("Bo", "bo@example.se", optional=True),
    ]
    data = invitation(municipal, meeting, organizer=ORGANIZER, attendees=attendees)
    assert _attendees(data) == {
        "anna@example.se": "REQ-PARTICIPANT",
        "bo@example.se": "OPT-PARTICIPANT",
    }
    nobody = invitation(municipal, meeting, organizer=ORGANIZER, attendees=())
    assert _attendees(nobody) == {}


def test_nobody_to_invite_is_an_error_naming_the_meeting_and_body(
    municipal: Problem, plan: Plan, tmp_path: Path
) -> None:
    silent = municipal.evolve(
        members=(Member("bot", "Botkyrka"), Member("hud", "Huddinge")),  # no addresses
    )
    out = tmp_path / "invitations"
    with pytest.raises(ValidationError) as caught:
        write_invitations(silent, plan, out, organizer=ORGANIZER)
    first_au = plan.of_series("au")[0]
    english = caught.value.message.render("en")
    assert english.startswith(f"nobody to invite to meeting {first_au.id} ({first_au.date})")
    assert "body 'au' (Arbetsutskottet)" in english
    assert "Arbetsutskottet" in caught.value.message.render("sv")
    assert not out.exists()  # nothing written


def test_changes_go_to_the_changed_meetings_own_people(
    municipal: Problem, plan: Plan, tmp_path: Path
) -> None:
    council = plan.of_series("kf")[0]
    board = plan.of_series("ks")[-1]
    moved = attrs.evolve(council, start=dt.time(17), sequence=council.sequence + 1)
    current = attrs.evolve(
        plan,
        meetings=[
            moved
            if m is council
            else attrs.evolve(m, status=MeetingStatus.CANCELLED)
            if m is board
            else m
            for m in plan.meetings
        ],
    )
    paths = write_changes(municipal, plan, current, tmp_path, organizer=ORGANIZER)
    assert [p.name for p in paths] == [f"{council.id}.ics", f"{board.id}-cancel.ics"]
    assert _attendees(paths[0].read_bytes()) == _expected(council)
    assert set(_attendees(paths[1].read_bytes())) == {KALLE}


# --- printouts --------------------------------------------------------------------------


def test_printout_marks_reserve_dates_and_labels_and_counts_per_year(
    municipal: Problem, plan: Plan
) -> None:
    swedish = format_plan(municipal, plan, "sv")
    lines = swedish.splitlines()
    council = lines.index("Kommunfullmäktige")
    kf_2027 = [m for m in plan.of_series("kf") if m.date.year == 2027]
    kf_2028 = [m for m in plan.of_series("kf") if m.date.year == 2028]
    assert lines[council + 1] == f"  2027 — {len(kf_2027)} möten, 1 reservdatum"
    # 2028 is half a year here: its share of 5-6 meetings, said in the printout
    assert f"  2028 — {len(kf_2028)} möten, 1 reservdatum (del av året: 2–3 möten)" in lines
    reserve_lines = [line for line in lines if line.endswith("(reservdatum)")]
    assert len(reserve_lines) == len(plan.reserves) == 2
    assert "(Budget)" in next(line for line in lines if "november" in line and "18.00" in line)
    assert "Arbetsutskottet — 4 möten" in lines
    english = format_plan(municipal, plan, "en")
    assert "  2027 — 6 meetings, 1 reserve date" in english.splitlines()
    assert english.count("(reserve date)") == 2
    assert "(Budget)" in english
    assert "(part of the year: 2–3 meetings)" in english


def test_printout_of_a_reserve_date_in_a_linked_series_says_no_link() -> None:
    meetings = (
        Meeting("ks-2027-01", "ks", "KS", "2027-02-23", "09:00", "12:00"),
        Meeting("kf-2027-01", "kf", "KF", "2027-03-01", "18:00", "21:00"),
        Meeting(
            "kf-2027-r1", "kf", "KF", "2027-03-08", "18:00", "21:00", status=MeetingStatus.TENTATIVE
        ),
    )
    problem = Problem(
        "X",
        "2027-01-01",
        "2027-06-30",
        bodies=[Body("kf", "KF"), Body("ks", "KS")],
        series=[
            Series("ks", "ks", "KS", "tuesday", "09:00", "12:00", count=1),
            Series("kf", "kf", "KF", "monday", "18:00", "21:00", count=1, reserve=1),
        ],
        links=[Link("ks", "kf", 5, 14)],
    )
    lines = format_plan(problem, Plan("2027-01-01", "2027-06-30", meetings), "en").splitlines()
    assert "KF — 1 meeting, 1 reserve date" in lines
    held = next(line for line in lines if "1 March" in line)
    assert held.endswith("(6 days after KS 23 February)")
    reserve = next(line for line in lines if "8 March" in line)
    assert reserve.endswith("in person  (reserve date)")


def test_cost_report_speaks_per_year(municipal: Problem, plan: Plan) -> None:
    # one council meeting of 2027 less: 5 of 6 preferred that year
    dropped = next(m for m in plan.of_series("kf") if m.date.year == 2027 and not m.labels)
    fewer = attrs.evolve(plan, meetings=[m for m in plan.meetings if m is not dropped])
    report = check(municipal, fewer)
    assert report.ok
    counts = [d for d in report.details if isinstance(d, CountDetail) and d.series == "kf"]
    assert [(d.year, d.actual, d.preferred) for d in counts] == [(2027, 5, 6)]
    for detail in report.details:
        owners = [cost for cost in report.costs if detail.belongs_to(cost)]
        assert len(owners) == 1, detail
        if isinstance(detail, CountDetail | SpreadDetail) and detail.series != "au":
            assert detail.year is not None
            assert owners[0].year == detail.year
    spread_years = {
        d.year for d in report.details if isinstance(d, SpreadDetail) and d.series == "kf"
    }
    swedish = format_costs(municipal, fewer, report, "sv")
    assert "Kommunfullmäktige har 5 möten 2027, önskat 6" in swedish
    for year in sorted(y for y in spread_years if y is not None):
        assert f"  Jämn spridning {year} för " in swedish
    english = format_costs(municipal, fewer, report, "en")
    assert "Kommunfullmäktige has 5 meetings in 2027, 6 preferred" in english
    lines = swedish.splitlines()
    # each year together: its count, its spread, then its meetings
    first = lines.index(next(line for line in lines if "har 5 möten 2027" in line))
    later = [n for n, line in enumerate(lines) if "2028" in line and "Kommunfullmäktige" in line]
    assert all(n > first for n in later)


# --- the rotation's decision basis ------------------------------------------------------


def test_rotation_names_the_representative_of_the_chairing_member() -> None:
    members = (Member("bot", "Botkyrka"), Member("hud", "Huddinge"))
    rotation = RotationProblem(
        "Kommunfullmäktige",
        members,
        2027,
        2028,
        representatives=council_representatives(),
    )
    plan = RotationPlan(
        "Kommunfullmäktige",
        (RotationYear(2027, "bot", "hud"), RotationYear(2028, "hud", "bot")),
    )
    text = rotation_markdown(rotation, plan, "sv")
    assert "| 2027 | Botkyrka (Katja Byström) | Huddinge (Olle Gammal) |" in text
    assert "| 2028 | Huddinge (Nina Ny) | Botkyrka (Katja Byström) |" in text
    assert "Sven Svensson" not in text  # a substitute does not chair
    assert "Inom parentes: den som företräder kommunen i Kommunfullmäktige det året." in text
    # the decision names the municipalities: the seats go to them
    decision = text.splitlines()[-1]
    assert "2027 ordförande Botkyrka, vice ordförande Huddinge" in decision
    assert "Katja" not in decision
    english = rotation_markdown(rotation, plan, "en")
    assert "| 2027 | Botkyrka (Katja Byström) | Huddinge (Olle Gammal) |" in english
    assert "In brackets: the person who represents the member" in english
    table = format_rotation_table(rotation, plan, "en")
    assert "2028 | Huddinge (Nina Ny)" in table
    anonymous = attrs.evolve(rotation, representatives=())
    assert "(" not in format_rotation_table(anonymous, plan, "en")
    assert "In brackets" not in rotation_markdown(anonymous, plan, "en")


# --- the command line -------------------------------------------------------------------

CONFIG = """
[organisation]
name = "Kommunen"
country = "SE"
timezone = "Europe/Stockholm"
language = "sv"

[period]
start = 2027-01-01
end = 2027-12-31

[[members]]
id = "bot"
name = "Botkyrka"

[[members]]
id = "hud"
name = "Huddinge"

[[bodies]]
id = "kf"
name = "Kommunfullmäktige"
members = ["bot", "hud"]
representatives = [
  { member = "bot", name = "Katja Byström", email = "katja@example.se", role = "ledamot" },
  { member = "bot", name = "Sven Svensson", email = "sven@example.se", role = "ersättare" },
  { member = "hud", name = "Olle Gammal", email = "old@example.se", until = 2027-06-30 },
  { member = "hud", name = "Nina Ny", email = "new@example.se", from = 2027-07-01 },
]

[[bodies]]
id = "ks"
name = "Kommunstyrelsen"
members = ["bot", "hud"]
representatives = [{ member = "bot", name = "Kalle Karlsson", email = "kalle@example.se" }]

[unavailable]
holidays = ["public"]

[[series]]
id = "kf"
body = "kf"
name = "Kommunfullmäktige"
weekdays = ["monday"]
time = "18:00-21:00"
count = { min = 5, max = 6, per = "year" }
reserve = 1

[[series]]
id = "ks"
body = "ks"
name = "Kommunstyrelsen"
weekdays = ["tuesday"]
time = "09:00-12:00"
count = { min = 6, per = "year" }

[[milestones]]
series = "kf"
name = "Budget"
start = 2027-11-01
end = 2027-11-30

[invitations]
organizer = { name = "Kommunkansliet", email = "kansli@example.se" }
"""


@pytest.fixture(scope="module")
def cli_plan(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The configuration and the plan the ``plan`` command made of it (JSON and .ics)."""
    folder = tmp_path_factory.mktemp("municipal")
    (folder / "kommunen.toml").write_text(CONFIG, encoding="utf-8")
    run = motesplan(
        "plan",
        folder / "kommunen.toml",
        "--json",
        folder / "plan.json",
        "--ics",
        folder / "plan.ics",
        "--time-limit",
        "10",
    )
    assert run.returncode == 0, run.stderr
    assert "(reservdatum)" in run.stdout
    assert "(Budget)" in run.stdout
    assert "  2027 — 6 möten, 1 reservdatum" in run.stdout.splitlines()
    return folder


def test_cli_invitations_go_to_each_bodys_people(cli_plan: Path, tmp_path: Path) -> None:
    out = tmp_path / "invitations"
    run = motesplan("ics", cli_plan / "kommunen.toml", cli_plan / "plan.json", "--invitations", out)
    assert run.returncode == 0, run.stderr
    plan = plan_from_json((cli_plan / "plan.json").read_text(encoding="utf-8"))
    assert len(list(out.iterdir())) == len(plan.meetings)
    for meeting in plan.meetings:
        attendees = _attendees((out / f"{meeting.id}.ics").read_bytes())
        assert attendees == _expected(meeting), meeting.id
    reserve = (out / "kf-2027-r1.ics").read_bytes()
    assert b"STATUS:TENTATIVE" in reserve


def test_cli_invitations_without_anyone_to_invite_exit_2(cli_plan: Path, tmp_path: Path) -> None:
    config = tmp_path / "nobody.toml"
    text = re.sub(r"(?m)^representatives = \[.*?^\]\n", "", CONFIG, flags=re.DOTALL)
    text = re.sub(r"(?m)^representatives = \[\{.*\}\]\n", "", text)
    assert "representatives" not in text
    config.write_text(text, encoding="utf-8")
    out = tmp_path / "invitations"
    run = motesplan("ics", config, cli_plan / "plan.json", "--invitations", out)
    assert run.returncode == 2, run
    assert "bodies[].representatives" in run.stderr
    assert "members[].email" in run.stderr
    assert not out.exists()


def test_cli_invitations_to_a_body_without_people_exit_2(cli_plan: Path, tmp_path: Path) -> None:
    config = tmp_path / "no-board.toml"
    text = re.sub(r"(?m)^representatives = \[\{.*\}\]\n", "", CONFIG)
    assert text.count("representatives") == 1  # the council keeps its people
    config.write_text(text, encoding="utf-8")
    out = tmp_path / "invitations"
    run = motesplan("ics", config, cli_plan / "plan.json", "--invitations", out, "--lang", "en")
    assert run.returncode == 2, run
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(
        f"motesplan: error: {config}: nobody to invite to meeting ks-2027-01"
    )
    assert "body 'ks' (Kommunstyrelsen)" in lines[0]
    assert not out.exists()  # nothing written, not even the council's invitations


def test_cli_check_on_a_calendar_reports_a_reserve_date_on_a_holiday(cli_plan: Path) -> None:
    calendar = icalendar.Calendar.from_ical((cli_plan / "plan.ics").read_bytes())
    (reserve,) = [e for e in calendar.walk("VEVENT") if str(e["STATUS"]) == "TENTATIVE"]
    zone = ZoneInfo("Europe/Stockholm")
    for key, hour in (("dtstart", 18), ("dtend", 21)):
        del reserve[key]
        reserve.add(key, dt.datetime.combine(EASTER_MONDAY, dt.time(hour), tzinfo=zone))
    edited = cli_plan / "edited.ics"
    edited.write_bytes(calendar.to_ical())
    run = motesplan("check", cli_plan / "kommunen.toml", edited, "--lang", "en")
    assert run.returncode == 1, run
    line = next(line for line in run.stdout.splitlines() if "kf-2027-r1" in line)
    assert line.strip().startswith("[unavailable]")
    assert "Easter Monday" in line
    clean = motesplan("check", cli_plan / "kommunen.toml", cli_plan / "plan.ics")
    assert clean.returncode == 0, clean.stdout
