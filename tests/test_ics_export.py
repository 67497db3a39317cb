"""Calendar files: the published plan, invitations, updates and cancellations.

The published Södertörn 2024 plan is compared byte for byte with the golden file
``tests/golden/plan-2024.ics``. After a deliberate change to the output, regenerate it
with ``MOTESPLAN_UPDATE_GOLDEN=1 .venv/bin/pytest tests/test_ics_export.py`` and
review the diff before committing it.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from zoneinfo import ZoneInfo

import attrs
import pytest
import vobject
from icalendar import Calendar, Event

from motesplan import (
    Meeting,
    MeetingStatus,
    Pin,
    Plan,
    Problem,
    Result,
    SolveOptions,
    ValidationError,
    changes,
    invitation,
    meeting_uid,
    publish_calendar,
    solve,
    stamp_from_environment,
    write_changes,
    write_invitations,
)
from motesplan.formats.ics_write import DEFAULT_STAMP, timezone_component
from tests.conftest import load_example

GOLDEN = Path(__file__).parent / "golden" / "plan-2024.ics"
STAMP = dt.datetime(2024, 1, 2, 8, 0, tzinfo=dt.UTC)
ORGANIZER = ("Södertörns kansli", "kansli@example.se")
ATTENDEES = (("Åsa Öberg", "asa@example.se"), ("Erik Ärling, Tyresö", "erik@example.se"))


def _plan(result: Result) -> Plan:
    assert result.plan is not None
    return result.plan


def _parse(data: bytes) -> Calendar:
    return Calendar.from_ical(data)


def _events(data: bytes) -> list[Calendar]:
    return list(_parse(data).walk("VEVENT"))


@pytest.fixture(scope="module")
def moved_result(sodertorn: Problem) -> Result:
    """The same year with the third management-group meeting pinned a week later."""
    problem = sodertorn.evolve(pins=(*sodertorn.pins, Pin("lg", "2024-03-22")))
    return solve(problem, SolveOptions(time_limit=30))


# --- the published plan ----------------------------------------------------------------


def test_published_plan_matches_golden_file(sodertorn: Problem, sodertorn_result: Result) -> None:
    data = publish_calendar(sodertorn, _plan(sodertorn_result), stamp=STAMP)
    if os.environ.get("MOTESPLAN_UPDATE_GOLDEN") == "1":
        GOLDEN.parent.mkdir(exist_ok=True)
        GOLDEN.write_bytes(data)
    assert data == GOLDEN.read_bytes(), (
        "the calendar differs from tests/golden/plan-2024.ics; if the change is intended,"
        " regenerate it with MOTESPLAN_UPDATE_GOLDEN=1"
    )


def test_two_exports_are_byte_identical(sodertorn: Problem, sodertorn_result: Result) -> None:
    plan = _plan(sodertorn_result)
    assert publish_calendar(sodertorn, plan) == publish_calendar(sodertorn, plan)


def test_calendar_properties_and_events(sodertorn: Problem, sodertorn_result: Result) -> None:
    plan = _plan(sodertorn_result)
    cal = _parse(publish_calendar(sodertorn, plan, stamp=STAMP))
    assert cal["METHOD"] == "PUBLISH"
    assert cal["VERSION"] == "2.0"
    assert str(cal["PRODID"]).startswith("-//motesplan//")
    assert cal["X-WR-CALNAME"] == cal["NAME"] == "Södertörnskommunerna 2024"
    assert cal["X-WR-TIMEZONE"] == "Europe/Stockholm"
    events = list(cal.walk("VEVENT"))
    assert len(events) == len(plan.meetings)
    by_uid = {str(e["UID"]): e for e in events}
    for meeting in plan.meetings:
        event = by_uid[meeting_uid("Södertörnskommunerna", meeting.id)]
        assert str(event["SUMMARY"]) == meeting.title
        assert event["DTSTAMP"].dt == STAMP
        assert event["SEQUENCE"] == meeting.sequence
        assert event["TRANSP"] == "OPAQUE"
        assert event["STATUS"] == "CONFIRMED"
        zone = ZoneInfo("Europe/Stockholm")
        assert event["DTSTART"].dt == dt.datetime.combine(meeting.date, meeting.start, zone)
        # a meeting of several days: one event a day at its hours, a daily recurrence
        assert event["DTEND"].dt == dt.datetime.combine(meeting.date, meeting.end, zone)
        days = (meeting.end_date - meeting.date).days + 1
        if days > 1:
            assert event["RRULE"] == {"FREQ": ["DAILY"], "COUNT": [days]}
        else:
            assert "RRULE" not in event
        assert event["DTSTART"].params["TZID"] == "Europe/Stockholm"
        body = sodertorn.get_body(sodertorn.get_series(meeting.series).body).name
        assert event["CATEGORIES"].cats == [body]
        assert str(event.get("LOCATION", "")) == meeting.location
    conference = by_uid["pk-2024-01@sodertornskommunerna.motesplan"]
    assert conference["DTEND"].dt.date() == conference["DTSTART"].dt.date()
    assert conference["RRULE"]["COUNT"] == [2]
    assert cal["REFRESH-INTERVAL"].dt == dt.timedelta(days=1)
    assert cal["REFRESH-INTERVAL"].params["VALUE"] == "DURATION"
    assert str(cal["X-PUBLISHED-TTL"]) == "P1D"
    committee = by_uid["sk-2024-01@sodertornskommunerna.motesplan"]
    assert str(committee["DESCRIPTION"]) == "Fysiskt möte\nLunch kl. 12.00"
    last = by_uid["lg-2024-10@sodertornskommunerna.motesplan"]
    assert str(last["DESCRIPTION"]).startswith("Fysiskt möte\nRegion Stockholm medverkar")


def test_english_descriptions_and_filter_by_body(
    sodertorn: Problem, sodertorn_result: Result
) -> None:
    data = publish_calendar(sodertorn, _plan(sodertorn_result), body="lg", language="en")
    cal = _parse(data)
    assert cal["NAME"] == "Södertörnskommunerna – Ledningsgruppen 2024"
    events = list(cal.walk("VEVENT"))
    assert events
    assert {str(e["SUMMARY"]) for e in events} == {"Ledningsgruppen"}
    assert all(str(e["DESCRIPTION"]).startswith("In-person meeting") for e in events)
    only_sk = _parse(publish_calendar(sodertorn, _plan(sodertorn_result), series=["sk"]))
    assert {str(e["UID"])[:3] for e in only_sk.walk("VEVENT")} == {"sk-"}
    with pytest.raises(ValidationError):
        publish_calendar(sodertorn, _plan(sodertorn_result), series=["nope"])


def test_cancelled_meetings_are_left_out_of_publish(
    sodertorn: Problem, sodertorn_result: Result
) -> None:
    plan = _plan(sodertorn_result)
    first = plan.meetings[0]
    cancelled = attrs.evolve(
        plan, meetings=(attrs.evolve(first, status=MeetingStatus.CANCELLED), *plan.meetings[1:])
    )
    uids = {str(e["UID"]) for e in _events(publish_calendar(sodertorn, cancelled))}
    assert meeting_uid(sodertorn.name, first.id) not in uids
    assert len(uids) == len(plan.meetings) - 1


# --- time zones -------------------------------------------------------------------------


def test_vobject_reads_the_same_utc_times_as_zoneinfo(
    sodertorn: Problem, sodertorn_result: Result
) -> None:
    plan = _plan(sodertorn_result)
    text = publish_calendar(sodertorn, plan).decode("utf-8")
    cal = next(vobject.readComponents(text))
    starts = {event.uid.value: event.dtstart.value.astimezone(dt.UTC) for event in cal.vevent_list}
    zone = ZoneInfo(plan.timezone)
    checked_months = set()
    for meeting in plan.meetings:
        expected = dt.datetime.combine(meeting.date, meeting.start, zone).astimezone(dt.UTC)
        assert starts[meeting_uid(sodertorn.name, meeting.id)] == expected, meeting.id
        checked_months.add(meeting.date.month)
    assert {1, 6, 10} <= checked_months  # winter time, summer time, summer time in October


def test_vobject_expands_a_meeting_of_two_days_to_one_event_a_day(
    sodertorn: Problem, sodertorn_result: Result
) -> None:
    plan = _plan(sodertorn_result)
    text = publish_calendar(sodertorn, plan).decode("utf-8")
    cal = next(vobject.readComponents(text))
    event = next(e for e in cal.vevent_list if e.uid.value.startswith("pk-2024-01@"))
    meeting = plan.get("pk-2024-01")
    assert meeting is not None
    assert meeting.end_date > meeting.date
    zone = ZoneInfo(plan.timezone)
    starts = list(event.getrruleset())
    assert [s.astimezone(zone) for s in starts] == [
        dt.datetime.combine(meeting.date + dt.timedelta(days=n), meeting.start, zone)
        for n in range((meeting.end_date - meeting.date).days + 1)
    ]
    length = event.dtend.value - event.dtstart.value
    assert length == dt.timedelta(hours=5)  # 10-15 each day, not across the night


def test_a_meeting_through_the_night_is_one_event_and_reads_back(small: Problem) -> None:
    from motesplan import read_calendar  # noqa: PLC0415

    meeting = Meeting(
        "a-2024-01", "a", "Alfa", dt.date(2024, 3, 14), dt.time(13), dt.time(12),
        end_date=dt.date(2024, 3, 15),
    )  # fmt: skip
    plan = Plan(small.start, small.end, (meeting,))
    cal = _parse(publish_calendar(small, plan, stamp=STAMP))
    (event,) = cal.walk("VEVENT")
    assert "RRULE" not in event
    zone = ZoneInfo("Europe/Stockholm")
    assert event["DTSTART"].dt == dt.datetime(2024, 3, 14, 13, tzinfo=zone)
    assert event["DTEND"].dt == dt.datetime(2024, 3, 15, 12, tzinfo=zone)
    (back,) = read_calendar(publish_calendar(small, plan), small).meetings
    assert (back.date, back.end_date, back.start, back.end) == (
        meeting.date, meeting.end_date, meeting.start, meeting.end,
    )  # fmt: skip


def test_vtimezone_has_yearly_rules_not_dates(sodertorn: Problem, sodertorn_result: Result) -> None:
    text = publish_calendar(sodertorn, _plan(sodertorn_result)).decode("utf-8")
    block = text[text.index("BEGIN:VTIMEZONE") : text.index("END:VTIMEZONE")]
    assert "RDATE" not in block
    assert block.count("BEGIN:STANDARD") == block.count("BEGIN:DAYLIGHT") == 1
    assert "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3\r\n" in block
    assert "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10\r\n" in block
    assert "TZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200" in block


def _vobject_utc(tzid: str, moments: list[dt.datetime]) -> None:
    """A calendar with one event per moment reads back (by vobject) at zoneinfo's UTC."""
    zone = ZoneInfo(tzid)
    cal = Calendar()
    cal.add("version", "2.0")
    cal.add("prodid", "-//test//test//EN")
    cal.add_component(timezone_component(tzid, moments[0].year, moments[-1].year))
    for number, moment in enumerate(moments):
        event = Event()
        event.add("uid", str(number))
        event.add("dtstamp", DEFAULT_STAMP)
        event.add("dtstart", moment.replace(tzinfo=zone))
        cal.add_component(event)
    parsed = next(vobject.readComponents(cal.to_ical().decode("utf-8")))
    for event in parsed.vevent_list:
        moment = moments[int(event.uid.value)].replace(tzinfo=zone)
        assert event.dtstart.value.astimezone(dt.UTC) == moment.astimezone(dt.UTC), moment


@pytest.mark.parametrize(
    ("tzid", "daylight_rule", "standard_rule"),
    [
        ("America/New_York", "BYDAY=2SU;BYMONTH=3", "BYDAY=1SU;BYMONTH=11"),
        ("Australia/Sydney", "BYDAY=1SU;BYMONTH=10", "BYDAY=1SU;BYMONTH=4"),
        ("Europe/London", "BYDAY=-1SU;BYMONTH=3", "BYDAY=-1SU;BYMONTH=10"),
    ],
)
def test_rules_are_derived_for_other_zones(
    tzid: str, daylight_rule: str, standard_rule: str
) -> None:
    text = timezone_component(tzid, 2024, 2027).to_ical().decode("ascii")
    daylight = text[text.index("BEGIN:DAYLIGHT") : text.index("END:DAYLIGHT")]
    standard = text[text.index("BEGIN:STANDARD") : text.index("END:STANDARD")]
    assert f"RRULE:FREQ=YEARLY;{daylight_rule}" in daylight
    assert f"RRULE:FREQ=YEARLY;{standard_rule}" in standard
    assert "RDATE" not in text
    moments = [dt.datetime(year, month, 15, 12) for year in (2024, 2027) for month in (1, 4, 7, 11)]
    _vobject_utc(tzid, moments)


def test_zone_without_daylight_time_has_one_standard_component() -> None:
    text = timezone_component("Asia/Tokyo", 2024, 2024).to_ical().decode("ascii")
    assert text.count("BEGIN:STANDARD") == 1
    assert "DAYLIGHT" not in text
    assert "RRULE" not in text
    assert "TZOFFSETTO:+0900" in text


def test_zone_whose_rules_change_falls_back_to_listed_changes() -> None:
    # Brazil ended daylight saving time in 2019: no yearly rule covers 2018-2020.
    component = timezone_component("America/Sao_Paulo", 2019, 2020)
    assert "RRULE" not in component.to_ical().decode("ascii")
    _vobject_utc("America/Sao_Paulo", [dt.datetime(2019, 1, 10, 9), dt.datetime(2020, 1, 10, 9)])


# --- stamps and UIDs --------------------------------------------------------------------


def test_stamp_comes_from_source_date_epoch_or_a_fixed_default(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    assert stamp_from_environment() == DEFAULT_STAMP == dt.datetime(2000, 1, 1, tzinfo=dt.UTC)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert stamp_from_environment() == dt.datetime(2023, 11, 14, 22, 13, 20, tzinfo=dt.UTC)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "yesterday")
    with pytest.raises(ValidationError, match="SOURCE_DATE_EPOCH"):
        stamp_from_environment()


def test_source_date_epoch_sets_dtstamp(
    sodertorn: Problem, sodertorn_result: Result, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    data = publish_calendar(sodertorn, _plan(sodertorn_result))
    assert b"DTSTAMP:20231114T221320Z\r\n" in data


def test_meeting_uid_form() -> None:
    assert (
        meeting_uid("Södertörnskommunerna", "lg-2024-03")
        == "lg-2024-03@sodertornskommunerna.motesplan"
    )
    assert meeting_uid("  Åre & Östersund!  ", "x-1") == "x-1@are-ostersund.motesplan"
    assert meeting_uid("東京", "x-1") == "x-1@organisation.motesplan"


def test_uids_stay_when_one_meeting_moves(
    sodertorn: Problem, sodertorn_result: Result, moved_result: Result
) -> None:
    before, after = _plan(sodertorn_result), _plan(moved_result)
    moved = after.get("lg-2024-03")
    assert moved is not None
    assert moved.date == dt.date(2024, 3, 22)
    old = {str(e["UID"]): e for e in _events(publish_calendar(sodertorn, before))}
    new = {str(e["UID"]): e for e in _events(publish_calendar(sodertorn, after))}
    assert set(old) == set(new)
    uid = meeting_uid(sodertorn.name, "lg-2024-03")
    assert old[uid]["DTSTART"].dt.date() == dt.date(2024, 3, 15)
    assert new[uid]["DTSTART"].dt.date() == dt.date(2024, 3, 22)


# --- invitations, updates and cancellations ---------------------------------------------


def test_invitation_has_organizer_attendees_and_request(
    sodertorn: Problem, sodertorn_result: Result
) -> None:
    meeting = _plan(sodertorn_result).meetings[1]
    data = invitation(sodertorn, meeting, organizer=ORGANIZER, attendees=ATTENDEES, stamp=STAMP)
    cal = _parse(data)
    assert cal["METHOD"] == "REQUEST"
    (event,) = cal.walk("VEVENT")
    assert str(event["UID"]) == meeting_uid(sodertorn.name, meeting.id)
    organizer = event["ORGANIZER"]
    assert str(organizer) == "mailto:kansli@example.se"
    assert organizer.params["CN"] == "Södertörns kansli"
    attendees = event["ATTENDEE"]
    assert [str(a) for a in attendees] == ["mailto:asa@example.se", "mailto:erik@example.se"]
    assert attendees[1].params["CN"] == "Erik Ärling, Tyresö"
    for attendee in attendees:
        assert attendee.params["ROLE"] == "REQ-PARTICIPANT"
        assert attendee.params["PARTSTAT"] == "NEEDS-ACTION"
        assert attendee.params["RSVP"] == "TRUE"
    assert b"ORGANIZER;CN=" in data
    assert len(list(cal.walk("VTIMEZONE"))) == 1
    with pytest.raises(ValidationError):
        invitation(sodertorn, meeting, organizer=("X", "not an address"), attendees=())


def test_invitations_without_attendees_go_to_the_members_of_the_body(
    sodertorn: Problem, sodertorn_result: Result, tmp_path: Path
) -> None:
    meeting = _plan(sodertorn_result).meetings[1]
    # the example gives no addresses: nobody to invite, said with the meeting and body
    with pytest.raises(ValidationError, match=rf"nobody to invite to meeting {meeting.id}"):
        invitation(sodertorn, meeting, organizer=ORGANIZER)
    with_email = sodertorn.evolve(
        members=[attrs.evolve(m, email=f"{m.id}@example.se") for m in sodertorn.members]
    )
    (event,) = _parse(invitation(with_email, meeting, organizer=ORGANIZER)).walk("VEVENT")
    attendees = event["ATTENDEE"]
    assert [str(a) for a in attendees] == [f"mailto:{m.id}@example.se" for m in sodertorn.members]
    assert {a.params["ROLE"] for a in attendees} == {"REQ-PARTICIPANT"}
    assert attendees[0].params["CN"] == sodertorn.members[0].name
    paths = write_invitations(with_email, _plan(sodertorn_result), tmp_path, organizer=ORGANIZER)
    assert len(paths) == len(_plan(sodertorn_result).meetings)


def test_write_invitations_writes_one_file_per_confirmed_meeting(
    sodertorn: Problem, sodertorn_result: Result, tmp_path: Path
) -> None:
    plan = _plan(sodertorn_result)
    paths = write_invitations(
        sodertorn, plan, tmp_path / "inv", organizer=ORGANIZER, attendees=ATTENDEES
    )
    assert [p.name for p in paths] == [f"{m.id}.ics" for m in plan.meetings]
    assert sorted(p.name for p in (tmp_path / "inv").iterdir()) == sorted(p.name for p in paths)
    first = _parse(paths[0].read_bytes())
    assert first["METHOD"] == "REQUEST"


def test_changes_and_their_files(
    sodertorn: Problem, sodertorn_result: Result, moved_result: Result, tmp_path: Path
) -> None:
    previous = _plan(sodertorn_result)
    moved = _plan(moved_result)
    # the committee meeting of 5 September is called off in the new plan, one meeting is new
    committee = next(m for m in moved.meetings if m.date == dt.date(2024, 9, 5))
    extra = Meeting("lg-2024-11", "lg", "Ledningsgruppen", "2024-12-20", "09:00", "11:30")
    current = attrs.evolve(
        moved,
        meetings=(
            *(
                attrs.evolve(m, status=MeetingStatus.CANCELLED) if m is committee else m
                for m in moved.meetings
            ),
            extra,
        ),
    )
    found = changes(previous, current)
    # the pin moves LG's third meeting a week; its second follows (objective.md)
    assert {b.id for b, _ in found.moved_or_changed} == {"lg-2024-02", "lg-2024-03"}
    assert all(b.id == a.id for b, a in found.moved_or_changed)
    assert [m.id for m in found.added] == ["lg-2024-11"]
    assert [m.id for m in found.cancelled] == [committee.id]
    assert len(found.unchanged) == len(previous.meetings) - 3
    assert found.any

    paths = write_changes(
        sodertorn,
        previous,
        current,
        tmp_path,
        organizer=ORGANIZER,
        attendees=ATTENDEES,
        stamp=STAMP,
    )
    names = {p.name for p in paths}
    assert names == {
        "lg-2024-02.ics",
        "lg-2024-03.ics",
        "lg-2024-11.ics",
        f"{committee.id}-cancel.ics",
    }
    update = _parse((tmp_path / "lg-2024-03.ics").read_bytes())
    assert update["METHOD"] == "REQUEST"
    (event,) = update.walk("VEVENT")
    assert str(event["UID"]) == meeting_uid(sodertorn.name, "lg-2024-03")
    assert event["SEQUENCE"] == previous.get("lg-2024-03").sequence + 1  # type: ignore[union-attr]
    assert event["DTSTART"].dt.date() == dt.date(2024, 3, 22)
    added = _parse((tmp_path / "lg-2024-11.ics").read_bytes())
    assert next(iter(added.walk("VEVENT")))["SEQUENCE"] == 0
    cancel = _parse((tmp_path / f"{committee.id}-cancel.ics").read_bytes())
    assert cancel["METHOD"] == "CANCEL"
    (event,) = cancel.walk("VEVENT")
    assert str(event["UID"]) == meeting_uid(sodertorn.name, committee.id)
    assert event["STATUS"] == "CANCELLED"
    assert event["SEQUENCE"] == 1
    assert "ORGANIZER" in event
    assert "ATTENDEE" in event


def test_a_removed_meeting_is_cancelled_and_nothing_unchanged_is_written(
    sodertorn: Problem, sodertorn_result: Result, tmp_path: Path
) -> None:
    previous = _plan(sodertorn_result)
    last = previous.meetings[-1]
    previous = attrs.evolve(
        previous, meetings=(*previous.meetings[:-1], attrs.evolve(last, sequence=3))
    )
    current = attrs.evolve(previous, meetings=previous.meetings[:-1])
    paths = write_changes(
        sodertorn, previous, current, tmp_path, organizer=ORGANIZER, attendees=ATTENDEES
    )
    assert [p.name for p in paths] == [f"{last.id}-cancel.ics"]
    (event,) = _parse(paths[0].read_bytes()).walk("VEVENT")
    assert event["SEQUENCE"] == 4
    assert not changes(previous, previous).any
    assert (
        write_changes(
            sodertorn, previous, previous, tmp_path / "none", organizer=ORGANIZER, attendees=()
        )
        == []
    )


# --- safety -----------------------------------------------------------------------------


def test_injection_attempts_stay_text(sodertorn: Problem, sodertorn_result: Result) -> None:
    plan = _plan(sodertorn_result)
    title = "Möte; med, allt\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nSUMMARY:falskt"
    note = "Rad ett\nBEGIN:VEVENT\nUID:evil@example.com\nEND:VEVENT;,\\"
    location = "Rum 1; våning 2, Tyresö\nBEGIN:VALARM"
    first = attrs.evolve(plan.meetings[0], title=title, note=note, location=location)
    hostile = attrs.evolve(plan, meetings=(first, *plan.meetings[1:]))
    data = publish_calendar(sodertorn, hostile)
    assert data.count(b"\r\nBEGIN:VEVENT\r\n") == len(plan.meetings)  # as lines, not text
    assert b"\r\nBEGIN:VALARM" not in data
    events = _events(data)
    assert len(events) == len(plan.meetings)
    parsed = next(e for e in events if str(e["UID"]).startswith(first.id + "@"))
    assert str(parsed["SUMMARY"]) == title.replace("\r\n", "\n")  # iCalendar has only \n
    assert str(parsed["LOCATION"]) == location
    assert str(parsed["DESCRIPTION"]).endswith(note)
    text = data.decode("utf-8")
    vevents = next(vobject.readComponents(text)).vevent_list
    assert len(vevents) == len(plan.meetings)


def test_crlf_folding_and_utf8(sodertorn: Problem, sodertorn_result: Result) -> None:
    plan = _plan(sodertorn_result)
    long_note = "Åäö " * 60 + "– slut"
    first = attrs.evolve(plan.meetings[0], note=long_note)
    data = publish_calendar(sodertorn, attrs.evolve(plan, meetings=(first, *plan.meetings[1:])))
    text = data.decode("utf-8")  # whole file is valid UTF-8: no character split by folding
    assert data.endswith(b"\r\n")
    assert b"\n" not in data.replace(b"\r\n", b"")
    lines = data.split(b"\r\n")
    assert max(len(line) for line in lines) <= 75
    for line in lines:
        line.decode("utf-8")  # every physical line is whole UTF-8 on its own
    assert "Södertörnskommunerna" in text
    parsed = next(e for e in _events(data) if str(e["UID"]).startswith(first.id + "@"))
    assert str(parsed["DESCRIPTION"]).endswith(long_note)


def test_example_writes_the_calendar(tmp_path: Path) -> None:
    example = load_example("plan_2024")
    assert example.main(["--out", str(tmp_path)]) == 0
    data = (tmp_path / "plan-2024.ics").read_bytes()
    assert data.startswith(b"BEGIN:VCALENDAR\r\n")
    assert b"METHOD:PUBLISH\r\n" in data
