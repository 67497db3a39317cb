"""Calendar files (iCalendar, RFC 5545) that Outlook, Google, Apple and Thunderbird import.

Three kinds of file, all written with the :mod:`icalendar` package (never by hand):

* :func:`publish_calendar`: the whole plan (or one body's or some series' part of it)
  as one ``METHOD:PUBLISH`` calendar to import or subscribe to;
* :func:`invitation` / :func:`write_invitations`: one ``METHOD:REQUEST`` file per
  meeting, with an organizer and attendees (by default each meeting's own invitees,
  :meth:`motesplan.Problem.invitees`: its body's representatives), to send as
  invitations;
* :func:`write_changes`: what changed between two versions of a plan
  (:func:`motesplan.planner.diff.changes`), as updates (``REQUEST`` with a higher
  ``SEQUENCE``) and cancellations (``METHOD:CANCEL``).

Every event of a meeting carries the same UID in every file (:func:`meeting_uid`),
so a calendar program replaces the event instead of adding a second one. A reserve
date (a tentative meeting) is an event with ``STATUS:TENTATIVE`` (and
``TRANSP:OPAQUE``: the time is held); a meeting that serves milestones has their
names after its title in ``SUMMARY`` ("Kommunfullmäktige – Budget") and in
``CATEGORIES``, after its body's name (:func:`summary`).

The output is deterministic: ``DTSTAMP`` is never the current time but the ``stamp``
given, else ``SOURCE_DATE_EPOCH``, else :data:`DEFAULT_STAMP`
(see :func:`stamp_from_environment`). Two runs on the same plan give the same bytes.

Times are written in the plan's time zone (``DTSTART;TZID=Europe/Stockholm:...``)
with a ``VTIMEZONE`` of yearly rules (``RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU``), the
form Outlook handles best; see :func:`timezone_component`.
"""

from __future__ import annotations

import calendar as _calendar
import datetime as dt
import re
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from zoneinfo import ZoneInfo

from attrs import frozen
from icalendar import (
    Calendar,
    Event,
    Timezone,
    TimezoneDaylight,
    TimezoneStandard,
    vCalAddress,
    vRecur,
    vText,
)

from motesplan._convert import (
    DEFAULT_REFRESH,
    DEFAULT_STAMP,
    duration,
    slug,
    stamp_from_environment,
)
from motesplan._files import write_atomic
from motesplan.errors import ValidationError
from motesplan.planner.diff import changes
from motesplan.planner.plan import Meeting, Plan
from motesplan.planner.problem import Form, Invitee, Problem
from motesplan.text import (
    DEFAULT_LANGUAGE,
    Language,
    check_language,
    format_time,
    message,
    phrase,
)

__all__ = [
    "DEFAULT_REFRESH",
    "DEFAULT_STAMP",
    "LABEL_SEPARATOR",
    "PRODID",
    "Attendee",
    "CalendarMessage",
    "change_messages",
    "duration",
    "invitation",
    "invitation_messages",
    "meeting_event",
    "meeting_uid",
    "publish_calendar",
    "stamp_from_environment",
    "summary",
    "timezone_component",
    "write_changes",
    "write_invitations",
]

PRODID = "-//motesplan//motesplan//SV"
"""The ``PRODID`` of every file motesplan writes (in Swedish; other languages end in
their own code: ``//EN``, ``//FI``)."""


UID_DOMAIN = "motesplan"
"""The last part of every UID: ``<meeting id>@<organisation slug>.motesplan``."""

_UID_DOMAIN_SUFFIX = f".{UID_DOMAIN}"
_SAFE_FILE_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")
_MAX_YEARLY_TRANSITIONS = 2

LABEL_SEPARATOR = " – "
"""Between a meeting's title and its labels in ``SUMMARY`` (an en dash with spaces)."""

Person = tuple[str, str]
"""A person as (name, e-mail address)."""

Attendee = Person | Invitee
"""An attendee: (name, e-mail address), a required participant; or an
:class:`~motesplan.planner.problem.Invitee`, optional when ``invitee.optional``
(a substitute)."""


# --- UIDs and stamps ------------------------------------------------------------------


def meeting_uid(organisation: str, meeting_id: str) -> str:
    """The UID of a meeting's calendar event: ``<meeting id>@<slug>.motesplan``.

    ``slug`` is the organisation's name in lowercase ASCII: accents are stripped
    (``ö`` becomes ``o``), every run of other characters becomes one ``-``, and
    leading and trailing ``-`` are dropped (``"organisation"`` if nothing is left).
    The form is fixed: the meeting id is everything before the last ``@``, and
    readers of calendar files rely on that to find the meeting again.

    Args:
        organisation: the organisation's name (``Problem.name``).
        meeting_id: the meeting's stable id, e.g. ``lg-2024-03``.

    Returns:
        The UID.

    >>> meeting_uid("Södertörnskommunerna", "lg-2024-03")
    'lg-2024-03@sodertornskommunerna.motesplan'
    >>> meeting_uid("Stad & Län AB", "sk-2025-01")
    'sk-2025-01@stad-lan-ab.motesplan'
    """
    return f"{meeting_id}@{slug(organisation) or 'organisation'}{_UID_DOMAIN_SUFFIX}"


def _stamp(stamp: dt.datetime | None) -> dt.datetime:
    """The stamp in UTC; a naive stamp is taken as UTC."""
    if stamp is None:
        return stamp_from_environment()
    if stamp.tzinfo is None:
        return stamp.replace(tzinfo=dt.UTC)
    return stamp.astimezone(dt.UTC)


# --- VTIMEZONE with yearly rules -------------------------------------------------------


@frozen
class _Transition:
    """A change of UTC offset, with the local wall time just before it."""

    local: dt.datetime  # naive wall time in the offset before the change
    offset_from: dt.timedelta
    offset_to: dt.timedelta
    name: str  # abbreviation after the change, e.g. "CEST"


def _offset(zone: ZoneInfo, moment: dt.datetime) -> dt.timedelta:
    offset = moment.astimezone(zone).utcoffset()
    assert offset is not None  # a ZoneInfo always has one
    return offset


@cache
def _transitions(zone: ZoneInfo, year: int) -> tuple[_Transition, ...]:
    """The offset changes whose local onset is in ``year``, in order (a zone's rules
    do not change while motesplan runs: found once per zone and year)."""
    begin = dt.datetime(year, 1, 1, tzinfo=dt.UTC) - dt.timedelta(days=2)
    finish = dt.datetime(year + 1, 1, 1, tzinfo=dt.UTC) + dt.timedelta(days=2)
    step = dt.timedelta(hours=12)
    found: list[_Transition] = []
    moment = begin
    before = _offset(zone, moment)
    while moment < finish:
        after_moment = moment + step
        after = _offset(zone, after_moment)
        if after != before:
            low, high = moment, after_moment  # offset(low) == before, offset(high) == after
            while high - low > dt.timedelta(seconds=1):
                middle = low + (high - low) / 2
                if _offset(zone, middle) == before:
                    low = middle
                else:
                    high = middle
            local = (high + before).replace(tzinfo=None)
            if local.year == year:
                name = high.astimezone(zone).tzname() or ""
                found.append(_Transition(local, before, after, name))
        moment, before = after_moment, after
    return tuple(found)


@frozen
class _Rule:
    """A yearly onset: the ``nth`` (``-1``: last) ``weekday`` of ``month`` at ``time``."""

    month: int
    weekday: int
    nth: int
    time: dt.time

    def onset(self, year: int) -> dt.datetime:
        """The local onset in ``year``."""
        if self.nth > 0:
            first = dt.date(year, self.month, 1)
            day = 1 + (self.weekday - first.weekday()) % 7 + 7 * (self.nth - 1)
        else:
            last = dt.date(year, self.month, _calendar.monthrange(year, self.month)[1])
            day = last.day - (last.weekday() - self.weekday) % 7
        return dt.datetime.combine(dt.date(year, self.month, day), self.time)

    def recur(self) -> vRecur:
        """The rule as an ``RRULE`` value."""
        weekday = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")[self.weekday]
        return vRecur(freq="YEARLY", bymonth=self.month, byday=f"{self.nth}{weekday}")


def _candidate_rules(transition: _Transition) -> list[_Rule]:
    local = transition.local
    days_in_month = _calendar.monthrange(local.year, local.month)[1]
    nth = (local.day - 1) // 7 + 1
    candidates: list[_Rule] = []
    if local.day + 7 > days_in_month:
        candidates.append(_Rule(local.month, local.weekday(), -1, local.time()))
    if nth <= 4:
        candidates.append(_Rule(local.month, local.weekday(), nth, local.time()))
    return candidates


def _rules_hold(zone: ZoneInfo, pair: Sequence[tuple[_Transition, _Rule]], years: range) -> bool:
    """Whether the rules give exactly zoneinfo's transitions in every year."""
    for year in years:
        expected = sorted(
            (
                (rule.onset(year), reference.offset_from, reference.offset_to)
                for reference, rule in pair
            ),
            key=lambda item: item[0],
        )
        actual = [(t.local, t.offset_from, t.offset_to) for t in _transitions(zone, year)]
        if actual != expected:
            return False
    return True


def _observance(
    kind: type[TimezoneStandard] | type[TimezoneDaylight],
    *,
    start: dt.datetime,
    offset_from: dt.timedelta,
    offset_to: dt.timedelta,
    name: str,
    rule: _Rule | None = None,
) -> TimezoneStandard | TimezoneDaylight:
    component = kind()
    component.add("dtstart", start)
    component.add("tzoffsetfrom", offset_from)
    component.add("tzoffsetto", offset_to)
    if name:
        component.add("tzname", name)
    if rule is not None:
        component.add("rrule", rule.recur())
    return component


def timezone_component(tzid: str, first_year: int, last_year: int) -> Timezone:
    """A ``VTIMEZONE`` for ``tzid`` that is right from ``first_year`` to ``last_year``.

    The rule is derived from :mod:`zoneinfo`, not from a table: the offset changes of
    the year before ``first_year`` are found and each is written as a yearly rule,
    month + weekday + n-th or last week + local time (``FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU``
    with ``DTSTART`` 02:00 for central European summer time). The rules are then
    checked against zoneinfo's own changes for every year from ``first_year - 1`` to
    ``last_year``. A zone without changes in those years gets one ``STANDARD``
    component. If the changes cannot be written as two yearly rules (a zone whose
    rules change in those years, or that changes more than twice a year), the
    component is icalendar's :meth:`icalendar.Timezone.from_tzinfo` instead, which
    lists each change separately: correct, but less well handled by Outlook.

    Args:
        tzid: an IANA time zone, e.g. ``"Europe/Stockholm"``.
        first_year: the first year with events.
        last_year: the last year with events.

    Returns:
        The ``VTIMEZONE`` component.
    """
    zone = ZoneInfo(tzid)
    years = range(first_year - 1, last_year + 1)
    reference = _transitions(zone, years[0])
    if not any(_transitions(zone, year) for year in years):
        start = dt.datetime(1970, 1, 1)
        moment = dt.datetime(first_year, 1, 1, tzinfo=dt.UTC)
        offset = _offset(zone, moment)
        component = Timezone()
        component.add("tzid", tzid)
        name = moment.astimezone(zone).tzname() or ""
        component.add_component(
            _observance(
                TimezoneStandard, start=start, offset_from=offset, offset_to=offset, name=name
            )
        )
        return component
    if len(reference) == _MAX_YEARLY_TRANSITIONS:
        first, second = reference
        for first_rule in _candidate_rules(first):
            for second_rule in _candidate_rules(second):
                pair = ((first, first_rule), (second, second_rule))
                if _rules_hold(zone, pair, years):
                    component = Timezone()
                    component.add("tzid", tzid)
                    for transition, rule in sorted(
                        pair, key=lambda item: item[0].offset_to > item[0].offset_from
                    ):
                        daylight = transition.offset_to > transition.offset_from
                        component.add_component(
                            _observance(
                                TimezoneDaylight if daylight else TimezoneStandard,
                                start=transition.local,
                                offset_from=transition.offset_from,
                                offset_to=transition.offset_to,
                                name=transition.name,
                                rule=rule,
                            )
                        )
                    return component
    return Timezone.from_tzinfo(
        zone,
        tzid=tzid,
        first_date=dt.date(first_year - 1, 1, 1),
        last_date=dt.date(last_year + 1, 12, 31),
    )


# --- events -----------------------------------------------------------------------------


def summary(meeting: Meeting) -> str:
    """The ``SUMMARY`` of a meeting's event: its title, and the milestones it serves
    after an en dash, joined with ``", "``.

    >>> summary(Meeting("kf-2027-06", "kf", "Kommunfullmäktige", "2027-11-29",
    ...                 "18:00", "21:00", labels=("Budget",)))
    'Kommunfullmäktige – Budget'
    """
    if not meeting.labels:
        return meeting.title
    return meeting.title + LABEL_SEPARATOR + ", ".join(meeting.labels)


def _description(problem: Problem, meeting: Meeting, language: Language) -> str:
    series = problem.get_series(meeting.series)
    lines = [phrase(f"ics.form.{meeting.form.value}", language)]
    if meeting.tentative:
        lines.append(phrase("ics.reserve", language))
    if series.lunch is not None and meeting.form in (Form.IN_PERSON, Form.HYBRID):
        lines.append(phrase("ics.lunch", language, time=format_time(series.lunch, language)))
    # a meeting's note is the series' note unless a pin gave it its own: write it once
    notes = (series.note, meeting.note) if meeting.note != series.note else (series.note,)
    lines.extend(note for note in notes if note)
    return "\n".join(lines)


def meeting_event(
    problem: Problem,
    meeting: Meeting,
    *,
    tzid: str,
    stamp: dt.datetime,
    language: Language,
    sequence: int,
    cancel: bool = False,
    organizer: Person | None = None,
) -> Event:
    """The VEVENT of one meeting, as every file and calendar motesplan writes has it:
    its UID, times in ``tzid`` (a meeting of several days a daily recurrence when each
    day has its hours, else one event from its start to its end), summary
    with its labels, place, description, categories, status, and the organizer when
    given."""
    zone = ZoneInfo(tzid)
    body = problem.get_body(problem.get_series(meeting.series).body)
    event = Event()
    event.add("uid", meeting_uid(problem.name, meeting.id))
    event.add("dtstamp", stamp)
    event.add("sequence", sequence)
    event.add("summary", summary(meeting))
    event.add("dtstart", dt.datetime.combine(meeting.date, meeting.start, tzinfo=zone))
    if meeting.days > 1 and meeting.end > meeting.start:
        # a meeting of several days is held at its hours on each of them: one event a
        # day (a daily recurrence), not one event across the nights; one that ends the
        # last day earlier than it starts (13.00 to 12.00 the next day) runs through
        event.add("dtend", dt.datetime.combine(meeting.date, meeting.end, tzinfo=zone))
        event.add("rrule", {"freq": "daily", "count": meeting.days})
    else:
        event.add("dtend", dt.datetime.combine(meeting.end_date, meeting.end, tzinfo=zone))
    if meeting.location:
        event.add("location", meeting.location)
    event.add("description", _description(problem, meeting, language))
    event.add("categories", list(dict.fromkeys((body.name, *meeting.labels))))
    event.add("transp", "OPAQUE")  # a reserve date holds its time too
    event.add("status", _status(meeting, cancel))
    if organizer is not None:
        event.add("organizer", _address(organizer))
    return event


def _status(meeting: Meeting, cancel: bool) -> str:
    """``CANCELLED`` for a cancellation, ``TENTATIVE`` for a reserve date, else
    ``CONFIRMED``."""
    if cancel:
        return "CANCELLED"
    return "TENTATIVE" if meeting.tentative else "CONFIRMED"


def _new_calendar(method: str, language: Language) -> Calendar:
    cal = Calendar()
    cal.add("prodid", PRODID[:-2] + language.upper())  # the language of its text
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", method)
    return cal


def _years(meetings: Sequence[Meeting], plan: Plan) -> tuple[int, int]:
    if not meetings:
        return plan.start.year, plan.end.year
    return (
        min(plan.start.year, *(m.date.year for m in meetings)),
        max(plan.end.year, *(m.end_date.year for m in meetings)),
    )


def _calendar_name(
    problem: Problem, plan: Plan, series: Sequence[str] | None, body: str | None
) -> str:
    years = (
        str(plan.start.year)
        if plan.start.year == plan.end.year
        else f"{plan.start.year}–{plan.end.year}"
    )
    if body is not None:
        label = problem.get_body(body).name
    elif series is not None:
        label = ", ".join(problem.get_series(s).name for s in series)
    else:
        label = ""
    return f"{problem.name} – {label} {years}" if label else f"{problem.name} {years}"


def publish_calendar(
    problem: Problem,
    plan: Plan,
    *,
    series: Sequence[str] | None = None,
    body: str | None = None,
    stamp: dt.datetime | None = None,
    language: str = DEFAULT_LANGUAGE,
    organizer: Person | None = None,
    refresh: str = DEFAULT_REFRESH,
) -> bytes:
    """The plan as a calendar to import or subscribe to (``METHOD:PUBLISH``).

    One ``VEVENT`` per meeting that is not cancelled (cancelled meetings are left
    out; a reserve date is ``STATUS:TENTATIVE``; a meeting of several days is one event
    a day at its hours, a daily recurrence), in the plan's time zone, with a
    ``VTIMEZONE`` of yearly rules. The calendar is named
    ``"<organisation> – <body or series> <year>"`` (``NAME`` and ``X-WR-CALNAME``),
    e.g. ``"Södertörnskommunerna – Ledningsgruppen 2024"``, or
    ``"<organisation> <year>"`` for the whole plan. A subscribed calendar is asked to
    refresh every ``refresh`` (``REFRESH-INTERVAL`` and ``X-PUBLISHED-TTL``, RFC 7986).

    Args:
        problem: the problem the plan is for (series, bodies, organisation name).
        plan: the plan.
        series: only meetings of these series ids.
        body: only meetings of series of this body id.
        stamp: ``DTSTAMP`` (default: :func:`stamp_from_environment`).
        language: ``sv``, ``en``, ``nb``, ``da``, ``fi`` or ``de``, for the descriptions
            (default: Swedish).
        organizer: (name, e-mail) of the organizer, written in every event (RFC 5546
            asks for it; Outlook's own exports leave it out).
        refresh: how often a subscriber should fetch the calendar again, an ISO 8601
            duration (default ``P1D``, a day).

    Returns:
        The calendar file, UTF-8 with CRLF line endings and folded lines.

    Raises:
        ValidationError: for an unknown series or body, or a meeting whose series is
            not in the problem.
    """
    lang = check_language(language)
    when = _stamp(stamp)
    wanted_series = set(series) if series is not None else None
    if series is not None:
        for series_id in series:
            problem.get_series(series_id)
    if body is not None:
        problem.get_body(body)
    meetings = [
        m
        for m in plan.meetings
        if not m.cancelled
        and (wanted_series is None or m.series in wanted_series)
        and (body is None or problem.get_series(m.series).body == body)
    ]
    cal = _new_calendar("PUBLISH", lang)
    name = _calendar_name(problem, plan, series, body)
    cal.add("name", name)
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", plan.timezone)
    cal.add("refresh-interval", duration(refresh), parameters={"VALUE": "DURATION"})
    cal.add("x-published-ttl", vText(refresh))
    cal.add_component(timezone_component(plan.timezone, *_years(meetings, plan)))
    for meeting in meetings:
        event = meeting_event(
            problem,
            meeting,
            tzid=plan.timezone,
            stamp=when,
            language=lang,
            sequence=meeting.sequence,
            organizer=organizer,
        )
        cal.add_component(event)
    data: bytes = cal.to_ical()
    return data


# --- invitations ------------------------------------------------------------------------


def _address(person: Person, **parameters: str) -> vCalAddress:
    name, email = person
    if not email or any(c in email for c in '\r\n"<> ') or "@" not in email:
        raise ValidationError(message("fmt.email", email=email, name=name))
    address = vCalAddress(f"mailto:{email}")
    if name:
        address.params["CN"] = vText(name)
    for key, value in parameters.items():
        address.params[key] = value
    return address


def _invitees(
    problem: Problem, meeting: Meeting, attendees: Sequence[Attendee] | None
) -> tuple[Invitee, ...]:
    """Who a meeting's message goes to: ``attendees`` when given (a pair is a
    required participant), else the meeting's own invitees
    (:meth:`~motesplan.Problem.invitees`).

    Raises:
        ValidationError: when ``attendees`` is not given and nobody of the meeting's
            body has an address on its day.
    """
    if attendees is not None:
        return tuple(
            person if isinstance(person, Invitee) else Invitee(person[0], person[1])
            for person in attendees
        )
    found = problem.invitees(meeting.series, meeting.date)
    if not found:
        body = problem.get_body(problem.get_series(meeting.series).body)
        raise ValidationError(
            message(
                "fmt.no_invitees",
                meeting=meeting.id,
                date=meeting.date,
                body=body.name,
                body_id=body.id,
            )
        )
    return found


@frozen
class CalendarMessage:
    """A calendar message for a meeting's invitees (iTIP, RFC 5546): an invitation or an
    update (``REQUEST``), or a cancellation (``CANCEL``).

    Attributes:
        meeting: the meeting as the message shows it (for a cancellation, as it was).
        method: ``REQUEST`` or ``CANCEL``.
        sequence: the event's ``SEQUENCE``.
        recipients: who it goes to, the event's attendees.
        data: the calendar file.
    """

    meeting: Meeting
    method: str
    sequence: int
    recipients: tuple[Invitee, ...]
    data: bytes

    @property
    def file_name(self) -> str:
        """``<meeting id>.ics``, a cancellation ``<meeting id>-cancel.ics``."""
        return _file_name(self.meeting, "-cancel" if self.method == "CANCEL" else "")


def _message(
    problem: Problem,
    meeting: Meeting,
    *,
    tzid: str,
    organizer: Person,
    attendees: Sequence[Attendee] | None,
    stamp: dt.datetime | None,
    language: str,
    method: str,
    sequence: int,
) -> CalendarMessage:
    lang = check_language(language)
    cancel = method == "CANCEL"
    people = _invitees(problem, meeting, attendees)
    cal = _new_calendar(method, lang)
    cal.add_component(timezone_component(tzid, meeting.date.year, meeting.end_date.year))
    event = meeting_event(
        problem,
        meeting,
        tzid=tzid,
        stamp=_stamp(stamp),
        language=lang,
        sequence=sequence,
        cancel=cancel,
    )
    event.add("organizer", _address(organizer))
    for person in people:
        event.add(
            "attendee",
            _address(
                (person.name, person.email),
                CUTYPE="INDIVIDUAL",
                ROLE="OPT-PARTICIPANT" if person.optional else "REQ-PARTICIPANT",
                PARTSTAT="NEEDS-ACTION",
                RSVP="FALSE" if cancel else "TRUE",
            ),
        )
    cal.add_component(event)
    data: bytes = cal.to_ical()
    return CalendarMessage(meeting, method, sequence, people, data)


def invitation(
    problem: Problem,
    meeting: Meeting,
    *,
    organizer: Person,
    attendees: Sequence[Attendee] | None = None,
    stamp: dt.datetime | None = None,
    language: str = DEFAULT_LANGUAGE,
    method: str = "REQUEST",
    timezone: str | None = None,
) -> bytes:
    """One meeting as an invitation (``METHOD:REQUEST``) with organizer and attendees.

    The event has the same UID as in :func:`publish_calendar`, and ``SEQUENCE`` is the
    meeting's own. A reserve date is invited too, as ``STATUS:TENTATIVE``: the time
    is held in the attendees' calendars. With ``method="CANCEL"`` it is a
    cancellation instead (``STATUS:CANCELLED``); :func:`write_changes` uses that.

    Args:
        problem: the problem the meeting is from.
        meeting: the meeting.
        organizer: (name, e-mail) of the organizer.
        attendees: who is invited: (name, e-mail) pairs (required participants) or
            :class:`~motesplan.planner.problem.Invitee` records (optional ones as
            ``ROLE=OPT-PARTICIPANT``). Default: the meeting's own invitees,
            ``problem.invitees(meeting.series, meeting.date)``: the representatives
            of its body serving on its day, substitutes optional.
        stamp: ``DTSTAMP`` (default: :func:`stamp_from_environment`).
        language: ``sv``, ``en``, ``nb``, ``da``, ``fi`` or ``de`` (default: Swedish).
        method: ``"REQUEST"`` or ``"CANCEL"``.
        timezone: the time zone of the meeting's times (default: the problem's).

    Returns:
        The calendar file.

    Raises:
        ValidationError: for an unknown method, an e-mail address that is not one, a
            meeting whose series is not in the problem, or (without ``attendees``) a
            meeting whose body has nobody with an address on its day.
    """
    if method not in ("REQUEST", "CANCEL"):
        raise ValidationError(message("fmt.method", method=method))
    return _message(
        problem,
        meeting,
        tzid=timezone or problem.timezone,
        organizer=organizer,
        attendees=attendees,
        stamp=stamp,
        language=language,
        method=method,
        sequence=meeting.sequence,
    ).data


def _file_name(meeting: Meeting, suffix: str = "") -> str:
    if not _SAFE_FILE_NAME.match(meeting.id):
        raise ValidationError(message("fmt.file_name", id=meeting.id))
    return f"{meeting.id}{suffix}.ics"


def write_invitations(
    problem: Problem,
    plan: Plan,
    directory: str | Path,
    *,
    organizer: Person,
    attendees: Sequence[Attendee] | None = None,
    stamp: dt.datetime | None = None,
    language: str = DEFAULT_LANGUAGE,
) -> list[Path]:
    """Write one invitation (:func:`invitation`) per meeting that is not cancelled,
    ``<meeting id>.ics``; a reserve date as a tentative one (``STATUS:TENTATIVE``).

    Every message is made before the first file is written, so a meeting nobody can
    be invited to leaves ``directory`` as it was.

    Args:
        problem: the problem the plan is for.
        plan: the plan.
        directory: where to write (created if missing).
        organizer: (name, e-mail) of the organizer.
        attendees: who is invited to every meeting (see :func:`invitation`); default:
            each meeting's own invitees, the representatives of its body.
        stamp: ``DTSTAMP`` (default: :func:`stamp_from_environment`).
        language: ``sv``, ``en``, ``nb``, ``da``, ``fi`` or ``de`` (default: Swedish).

    Returns:
        The files written, in date order.
    """
    found = invitation_messages(
        problem, plan, organizer=organizer, attendees=attendees, stamp=stamp, language=language
    )
    return [write_atomic(Path(directory) / m.file_name, m.data) for m in found]


def invitation_messages(
    problem: Problem,
    plan: Plan,
    *,
    organizer: Person,
    attendees: Sequence[Attendee] | None = None,
    stamp: dt.datetime | None = None,
    language: str = DEFAULT_LANGUAGE,
) -> tuple[CalendarMessage, ...]:
    """The invitation of every meeting that is not cancelled (see
    :func:`write_invitations`), in date order."""
    return tuple(
        _message(
            problem,
            meeting,
            tzid=plan.timezone,
            organizer=organizer,
            attendees=attendees,
            stamp=stamp,
            language=language,
            method="REQUEST",
            sequence=meeting.sequence,
        )
        for meeting in plan.meetings
        if not meeting.cancelled
    )


# --- changes ----------------------------------------------------------------------------


def write_changes(
    problem: Problem,
    previous: Plan,
    current: Plan,
    directory: str | Path,
    *,
    organizer: Person,
    attendees: Sequence[Attendee] | None = None,
    stamp: dt.datetime | None = None,
    language: str = DEFAULT_LANGUAGE,
) -> list[Path]:
    """Write the messages that bring calendars from ``previous`` to ``current``.

    * a moved or changed meeting: ``<id>.ics``, ``METHOD:REQUEST``, same UID,
      ``SEQUENCE`` one above the previous one (or the current meeting's, if higher);
      a reserve date confirmed (or made a reserve date) is a change of its status;
    * an added meeting: ``<id>.ics``, ``METHOD:REQUEST``, its own ``SEQUENCE``;
    * a cancelled or removed meeting: ``<id>-cancel.ics``, ``METHOD:CANCEL``,
      ``STATUS:CANCELLED``, same UID, ``SEQUENCE`` one above the previous one;
    * an unchanged meeting: no file.

    Each message goes to the meeting's own invitees on its day (a cancellation: on
    the day it had), unless ``attendees`` is given. Every message is made before the
    first file is written.

    The plans are not changed: give the current plan's meetings the new sequence
    numbers before publishing it again, or calendars may ignore the published events.

    Args:
        problem: the problem (of the current plan).
        previous: the plan that was sent out.
        current: the new plan.
        directory: where to write (created if missing).
        organizer: (name, e-mail) of the organizer.
        attendees: who gets every message (see :func:`invitation`); default: each
            meeting's own invitees, the representatives of its body.
        stamp: ``DTSTAMP`` (default: :func:`stamp_from_environment`).
        language: ``sv``, ``en``, ``nb``, ``da``, ``fi`` or ``de`` (default: Swedish).

    Returns:
        The files written: changes, then additions, then cancellations.
    """
    found = change_messages(
        problem,
        previous,
        current,
        organizer=organizer,
        attendees=attendees,
        stamp=stamp,
        language=language,
    )
    return [write_atomic(Path(directory) / m.file_name, m.data) for m in found]


def change_messages(
    problem: Problem,
    previous: Plan,
    current: Plan,
    *,
    organizer: Person,
    attendees: Sequence[Attendee] | None = None,
    stamp: dt.datetime | None = None,
    language: str = DEFAULT_LANGUAGE,
) -> tuple[CalendarMessage, ...]:
    """The messages that bring calendars from ``previous`` to ``current`` (see
    :func:`write_changes`): changes, then additions, then cancellations."""
    found = changes(previous, current)
    messages: list[CalendarMessage] = []

    def make(meeting: Meeting, method: str, sequence: int) -> None:
        messages.append(
            _message(
                problem,
                meeting,
                tzid=current.timezone,
                organizer=organizer,
                attendees=attendees,
                stamp=stamp,
                language=language,
                method=method,
                sequence=sequence,
            )
        )

    for before, meeting in found.moved_or_changed:
        make(meeting, "REQUEST", max(before.sequence + 1, meeting.sequence))
    for meeting in found.added:
        make(meeting, "REQUEST", meeting.sequence)
    for before in found.cancelled:
        now = current.get(before.id)
        sequence = max(before.sequence + 1, now.sequence if now is not None else 0)
        make(before, "CANCEL", sequence)
    return tuple(messages)
