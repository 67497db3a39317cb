"""A shared calendar kept equal to the plan, over CalDAV (RFC 4791, the ``caldav`` library).

:func:`publish_to_caldav` brings a calendar collection (Nextcloud, SOGo, Fastmail, Radicale ...)
to the plan: one resource per meeting held or reserved, named by its UID (the same
UID as in every file motesplan writes). A meeting the calendar lacks is created; one
that changed is updated in place (``If-Match`` on the ETag read, ``SEQUENCE`` one
above the calendar's); one cancelled or no longer in the plan is deleted. Each
resource carries ``X-MOTESPLAN-FINGERPRINT``, a digest of what people see of the
meeting, so an unchanged meeting is not written again: publishing twice writes
nothing. Only events with motesplan's UIDs for this organisation
(``<meeting id>@<organisation>.motesplan``) are ever touched; everything else in the
calendar stays as it is. An event of a motesplan file imported into the calendar
before has such a UID but no fingerprint: it is taken over (updated in place) rather
than duplicated.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable
from enum import StrEnum
from typing import Any

from attrs import frozen
from icalendar import Calendar

from motesplan._convert import DEFAULT_STAMP, stamp_from_environment
from motesplan.errors import MotesplanError
from motesplan.formats.ics_write import Person, meeting_event, meeting_uid, timezone_component
from motesplan.planner.plan import Meeting, Plan
from motesplan.planner.problem import Problem
from motesplan.text import DEFAULT_LANGUAGE, check_language, message

__all__ = [
    "FINGERPRINT",
    "CaldavError",
    "Change",
    "ChangeKind",
    "SyncReport",
    "publish_to_caldav",
    "resource",
]

FINGERPRINT = "X-MOTESPLAN-FINGERPRINT"
"""The property of a resource motesplan made: a digest of what people see of it."""


class CaldavError(MotesplanError):
    """The calendar cannot be brought to the plan.

    Attributes:
        refused: whether the server refused (a login, a write): exit code 1; else the
            input is wrong (no such server, not a calendar): 2.
    """

    def __init__(
        self, text: object, *, refused: bool = False, done: tuple[Change, ...] = ()
    ) -> None:
        super().__init__(text)  # type: ignore[arg-type]
        self.refused = refused
        self.done = done


class ChangeKind(StrEnum):
    """What publishing does to one resource."""

    CREATE = "create"
    UPDATE = "update"
    DELETE = "delete"


@frozen
class Change:
    """One write to the calendar: the meeting (or the resource's UID), and what."""

    kind: ChangeKind
    uid: str
    meeting: str
    sequence: int = 0


@frozen
class SyncReport:
    """What :func:`publish_to_caldav` did (or, in a dry run, would do)."""

    changes: tuple[Change, ...]
    unchanged: tuple[str, ...]
    dry_run: bool = False

    def of(self, kind: ChangeKind) -> tuple[Change, ...]:
        """The changes of one kind."""
        return tuple(change for change in self.changes if change.kind is kind)


def resource(
    problem: Problem,
    meeting: Meeting,
    *,
    tzid: str,
    sequence: int,
    stamp: dt.datetime,
    language: str,
    organizer: Person | None = None,
) -> tuple[bytes, str]:
    """The calendar resource of one meeting (a VCALENDAR without METHOD, as CalDAV
    wants, with its VTIMEZONE), and its fingerprint."""
    lang = check_language(language)

    def calendar(sequence: int, stamp: dt.datetime) -> Calendar:
        cal = Calendar()
        cal.add("prodid", f"-//motesplan//motesplan//{lang.upper()}")
        cal.add("version", "2.0")
        cal.add("calscale", "GREGORIAN")
        cal.add_component(timezone_component(tzid, meeting.date.year, meeting.end_date.year))
        event = meeting_event(
            problem,
            meeting,
            tzid=tzid,
            stamp=stamp,
            language=lang,
            sequence=sequence,
            organizer=organizer,
        )
        cal.add_component(event)
        return cal

    # what people see: the event without its revision and stamp
    fingerprint = hashlib.sha256(calendar(0, DEFAULT_STAMP).to_ical()).hexdigest()[:32]
    cal = calendar(sequence, stamp)
    for component in cal.walk("VEVENT"):
        component.add(FINGERPRINT, fingerprint)
    data: bytes = cal.to_ical()
    return data, fingerprint


def publish_to_caldav(
    problem: Problem,
    plan: Plan,
    url: str,
    *,
    username: str | None = None,
    password: str | None = None,
    dry_run: bool = False,
    language: str = DEFAULT_LANGUAGE,
    stamp: dt.datetime | None = None,
    organizer: Person | None = None,
    client: Callable[..., Any] | None = None,
) -> SyncReport:
    """Bring the CalDAV calendar at ``url`` to the plan (see the module's description).

    Args:
        problem: the rules (the organisation's name gives the UIDs).
        plan: the plan.
        url: the calendar collection.
        username: the login, if the server wants one.
        password: its password (never logged).
        dry_run: only say what would change.
        language: the language of the events' descriptions.
        stamp: the events' ``DTSTAMP`` (default: the calendars' stamp).
        organizer: (name, e-mail) written as every event's ORGANIZER.
        client: the DAV client class (default: ``caldav.DAVClient``).

    Raises:
        CaldavError: the server cannot be reached, is not a CalDAV calendar, refused the
            login or a write; its ``done`` holds the writes made before (publishing
            again finishes the work).
    """
    from caldav.davclient import DAVClient  # noqa: PLC0415 (loaded only to publish)
    from caldav.elements import dav  # noqa: PLC0415
    from caldav.lib import error as dav_error  # noqa: PLC0415

    when = stamp or stamp_from_environment()
    make: Callable[..., Any] = client if client is not None else DAVClient
    suffix = "@" + meeting_uid(problem.name, "x").split("@", 1)[1]
    changes: list[Change] = []
    done: list[Change] = []  # the writes the server took
    try:
        davclient = make(
            url=url,
            username=username,
            password=password,
            require_tls=url.lower().startswith("https:"),
        )
        calendar = davclient.calendar(url=url)
        kinds = calendar.get_properties([dav.ResourceType()]).get("{DAV:}resourcetype") or []
        if "{urn:ietf:params:xml:ns:caldav}calendar" not in kinds:
            raise CaldavError(message("caldav.not_calendar", url=url))
        found = {}
        for item in calendar.events():
            component = _event_of(item)
            if component is None:
                continue
            uid = str(component.get("UID", ""))
            if uid.endswith(suffix):  # motesplan's (a file of its imported has no fingerprint)
                found[uid] = (item, component)
        live = [m for m in plan.meetings if not m.cancelled]
        unchanged: list[str] = []
        for meeting in live:
            uid = meeting_uid(problem.name, meeting.id)
            data, fingerprint = resource(
                problem,
                meeting,
                tzid=plan.timezone,
                sequence=meeting.sequence,
                stamp=when,
                language=language,
                organizer=organizer,
            )
            present = found.pop(uid, None)
            if present is None:
                changes.append(Change(ChangeKind.CREATE, uid, meeting.id, meeting.sequence))
                if not dry_run:
                    calendar.save_event(data.decode(), increase_seqno=False)
                    done.append(changes[-1])
                continue
            item, component = present
            if str(component.get(FINGERPRINT)) == fingerprint:
                unchanged.append(meeting.id)
                continue
            sequence = max(int(component.get("SEQUENCE", 0)) + 1, meeting.sequence)
            changes.append(Change(ChangeKind.UPDATE, uid, meeting.id, sequence))
            if not dry_run:
                data, _ = resource(
                    problem,
                    meeting,
                    tzid=plan.timezone,
                    sequence=sequence,
                    stamp=when,
                    language=language,
                    organizer=organizer,
                )
                item.data = data.decode()
                item.save(increase_seqno=False, precondition="etag")
                done.append(changes[-1])
        for uid, (item, component) in sorted(found.items()):
            meeting_id = uid.removesuffix(suffix)
            changes.append(
                Change(ChangeKind.DELETE, uid, meeting_id, int(component.get("SEQUENCE", 0)))
            )
            if not dry_run:
                item.delete(if_match=True, precondition="etag")
                done.append(changes[-1])
    except CaldavError:
        raise
    except dav_error.AuthorizationError as error:
        if username is None:  # no login given: the input lacks one
            raise CaldavError(message("caldav.login_needed", url=url)) from error
        text = message("caldav.login", url=url, user=username)
        raise CaldavError(text, refused=True, done=tuple(done)) from error
    except dav_error.NotFoundError as error:
        raise CaldavError(message("caldav.not_calendar", url=url), done=tuple(done)) from error
    except dav_error.DAVError as error:
        text = message("caldav.refused", url=url, error=str(error).splitlines()[0])
        raise CaldavError(text, refused=True, done=tuple(done)) from error
    except OSError as error:  # no such host, nothing listening, a broken connection
        text = message("caldav.unreachable", url=url, error=type(error).__name__)
        raise CaldavError(text, done=tuple(done)) from error
    return SyncReport(tuple(changes), tuple(unchanged), dry_run)


def _event_of(item: Any) -> Any:
    """The VEVENT of a calendar resource, if it has one."""
    try:
        instance = item.icalendar_instance
    except Exception:
        return None
    for component in instance.walk("VEVENT"):
        return component
    return None
