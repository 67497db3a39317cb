"""Invitations, updates and cancellations by e-mail (iMIP, RFC 6047).

Each calendar message of a plan (:func:`~motesplan.formats.ics_write.invitation_messages`,
or with the plan sent before :func:`~motesplan.formats.ics_write.change_messages`)
becomes one e-mail from the organizer to the meeting's invitees: a
``multipart/alternative`` with a readable text part in the plan's language and the
calendar as ``text/calendar; method=REQUEST`` (or ``CANCEL``), which Outlook, Apple
Mail and Thunderbird show as a meeting request. An e-mail is the same for the same
plan and stamp: its Date is the stamp (``motesplan send`` stamps what it sends with
the time of sending, what it writes with ``--dry-run`` with the files' stamp), its
Message-ID comes from the meeting and the calendar.

:func:`send_mails` hands them to an SMTP server one by one and notes each one sent in a
small record beside the plan (:class:`SentRecord`); a rerun sends only what the
record lacks, so a failure halfway is mended by running again.
"""

from __future__ import annotations

import base64
import contextlib
import datetime as dt
import hashlib
import json
import smtplib
import ssl
from collections.abc import Callable, Sequence
from email import policy
from email.message import EmailMessage
from email.utils import format_datetime, formataddr
from enum import StrEnum
from pathlib import Path

from attrs import field, frozen

from motesplan._convert import stamp_from_environment
from motesplan._files import write_atomic
from motesplan.errors import MotesplanError
from motesplan.formats.ics_write import CalendarMessage, Person, meeting_uid
from motesplan.planner.problem import Problem
from motesplan.text import (
    DEFAULT_LANGUAGE,
    check_language,
    format_date,
    format_time_range,
    message,
    phrase,
)

__all__ = [
    "Mail",
    "MailError",
    "Security",
    "SendReport",
    "SentRecord",
    "SmtpServer",
    "mails",
    "send_mails",
    "write_eml",
]


class MailError(MotesplanError):
    """E-mail cannot be sent.

    Attributes:
        refused: whether the server refused (a login, a recipient): the exit code is 1;
            else the input is wrong (no such server, no password): 2.
    """

    def __init__(self, text: object, *, refused: bool = False) -> None:
        super().__init__(text)  # type: ignore[arg-type]
        self.refused = refused


@frozen
class Mail:
    """One e-mail of a plan: a calendar message to its recipients.

    Attributes:
        key: what the record of sent e-mails knows it by: the meeting, the method, the
            sequence and a digest of what the meeting is (day, hours, place, form,
            status, title) and who it goes to; not of the words, so the same meeting
            sent in another language is not sent again.
        calendar: the calendar message.
        email: the e-mail, ready to send.
    """

    key: str
    calendar: CalendarMessage
    email: EmailMessage

    @property
    def kind(self) -> str:
        """``invite``, ``update`` (a REQUEST with a higher SEQUENCE) or ``cancel``."""
        return _kind(self.calendar)

    @property
    def recipients(self) -> tuple[str, ...]:
        """The addresses it goes to."""
        return tuple(person.email for person in self.calendar.recipients)


def mails(
    problem: Problem,
    messages: Sequence[CalendarMessage],
    *,
    organizer: Person,
    language: str = DEFAULT_LANGUAGE,
    stamp: dt.datetime | None = None,
) -> tuple[Mail, ...]:
    """The e-mail of each calendar message, from ``organizer``.

    Args:
        problem: the problem (the organisation's name).
        messages: the calendar messages (invitations, or changes).
        organizer: (name, e-mail) of the sender, the meetings' ORGANIZER.
        language: the language of the subject and the text part.
        stamp: the e-mails' Date (default: the calendars' stamp).
    """
    language = check_language(language)
    when = stamp or stamp_from_environment()
    return tuple(_mail(problem, item, organizer, language, when) for item in messages)


def _kind(item: CalendarMessage) -> str:
    if item.method == "CANCEL":
        return "cancel"
    return "update" if item.sequence > 0 else "invite"


def _mail(
    problem: Problem, item: CalendarMessage, organizer: Person, language: str, when: dt.datetime
) -> Mail:
    meeting = item.meeting
    kind = _kind(item)
    date = format_date(meeting.date, language)
    if meeting.end_date != meeting.date:  # a meeting of several days: every day at its hours
        date += " – " + format_date(meeting.end_date, language)
    time = format_time_range(meeting.start, meeting.end, language)
    subject = phrase(f"mail.subject.{kind}", language, title=meeting.title, date=date)
    lines = [
        phrase(f"mail.text.{kind}", language, title=meeting.title, date=date, time=time),
    ]
    if meeting.location and item.method != "CANCEL":
        lines.append(phrase("mail.place", language, place=meeting.location))
    if meeting.tentative and item.method != "CANCEL":
        lines.append(phrase("mail.reserve", language))
    lines += ["", phrase("mail.closing", language, organisation=problem.name)]
    email = EmailMessage(policy=_POLICY)
    email["Subject"] = subject
    email["From"] = formataddr(organizer)
    email["To"] = _recipients(item)
    email["Date"] = format_datetime(when)
    digest = hashlib.sha256(item.data).hexdigest()[:32]
    domain = meeting_uid(problem.name, meeting.id).split("@", 1)[1]
    email["Message-ID"] = f"<{meeting.id}.{item.sequence}.{digest}@{domain}>"
    email.set_content("\n".join(lines) + "\n", subtype="plain", charset="utf-8")
    email.add_alternative(
        item.data,
        maintype="text",
        subtype="calendar",
        params={"method": item.method, "charset": "utf-8", "component": "VEVENT"},
        cte="base64",
    )
    # Outlook's mark of a meeting request (a Content- header: set after the content)
    email["Content-Class"] = "urn:content-classes:calendarmessage"
    key = f"{meeting.id}:{item.method}:{item.sequence}:{_state(item)}"
    return Mail(key, item, email)


_POLICY = policy.default.clone(max_line_length=998)
"""Header lines up to RFC 5322's limit: an address list is folded only when longer,
since Python 3.11 folds a list with encoded (non-ASCII) names wrongly (a comma
encoded into the next name, which readers then drop)."""

_LONGEST_TO = 900


def _recipients(item: CalendarMessage) -> str:
    """The To header: the recipients with their names, or (a list too long for one
    line) their addresses only, which fold safely."""
    named = ", ".join(formataddr((p.name, p.email)) for p in item.recipients)
    if len(named) <= _LONGEST_TO:
        return named
    return ", ".join(p.email for p in item.recipients)


def _state(item: CalendarMessage) -> str:
    """A digest of what a calendar message says of its meeting, and to whom."""
    meeting = item.meeting
    facts = (
        meeting.date.isoformat(),
        meeting.end_date.isoformat(),
        meeting.start.isoformat(),
        meeting.end.isoformat(),
        meeting.location,
        meeting.form.value,
        meeting.status.value,
        meeting.title,
        *sorted(person.email for person in item.recipients),
    )
    return hashlib.sha256("\n".join(facts).encode()).hexdigest()[:16]


def write_eml(items: Sequence[Mail], directory: str | Path) -> list[Path]:
    """Write each e-mail as ``<meeting id>.eml`` (``-cancel.eml`` for a cancellation),
    which Outlook and Thunderbird open as a meeting request."""
    folder = Path(directory)
    return [
        write_atomic(folder / item.calendar.file_name.replace(".ics", ".eml"), bytes(item.email))
        for item in items
    ]


# -- sending ---------------------------------------------------------------------------------


class Security(StrEnum):
    """How the connection to the SMTP server is protected."""

    NONE = "none"
    STARTTLS = "starttls"
    SSL = "ssl"


@frozen
class SmtpServer:
    """Where and how to send: ``host``, ``port``, protection, and a login."""

    host: str
    port: int
    security: Security = Security.NONE
    user: str | None = None
    password: str | None = field(default=None, repr=False)  # never in a log
    timeout: float = 30.0

    @property
    def name(self) -> str:
        """``host:port``, as errors name the server."""
        return f"{self.host}:{self.port}"


@frozen
class SendReport:
    """What :func:`send_mails` did.

    Attributes:
        sent: the e-mails sent now.
        skipped: those the record says were sent before.
        failed: the e-mails not sent because of an error (empty when all went).
        error: what went wrong, for people, if anything did.
    """

    sent: tuple[Mail, ...]
    skipped: tuple[Mail, ...]
    failed: tuple[Mail, ...] = ()
    error: MailError | None = None


class SentRecord:
    """The e-mails of a plan sent so far, kept as JSON beside the plan
    (``<plan>.sent.json``): the key of each, with its meeting and recipients."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.sent: dict[str, dict[str, object]] = {}
        if path.exists():
            try:
                data = json.loads(path.read_text(encoding="utf-8"))
                sent = data["sent"]
                if not isinstance(sent, dict):
                    raise TypeError(sent)
            except (ValueError, KeyError, TypeError) as error:
                raise MailError(message("mail.error.record", path=path)) from error
            self.sent = dict(sent)

    @classmethod
    def beside(cls, plan: Path) -> SentRecord:
        """The record of the plan in ``plan``."""
        return cls(plan.with_name(plan.name + ".sent.json"))

    def has(self, item: Mail) -> bool:
        return item.key in self.sent

    def note(self, item: Mail) -> None:
        """Note one e-mail sent, and save the record at once."""
        self.sent[item.key] = {
            "meeting": item.calendar.meeting.id,
            "method": item.calendar.method,
            "sequence": item.calendar.sequence,
            "recipients": list(item.recipients),
        }
        text = json.dumps({"format": 1, "sent": self.sent}, ensure_ascii=False, indent=2)
        write_atomic(self.path, text + "\n")


def send_mails(
    items: Sequence[Mail],
    server: SmtpServer,
    record: SentRecord,
    *,
    connect: Callable[[SmtpServer], smtplib.SMTP] | None = None,
) -> SendReport:
    """Send the e-mails the record lacks, one by one, noting each once sent.

    Returns:
        The report; an error stops the sending, and the report says which e-mails went
        and which did not (a rerun sends those).
    """
    waiting = [item for item in items if not record.has(item)]
    skipped = tuple(item for item in items if record.has(item))
    sent: list[Mail] = []
    if not waiting:
        return SendReport((), skipped)
    try:
        client = (connect or _connect)(server)
    except MailError as error:
        return SendReport((), skipped, tuple(waiting), error)
    try:
        for item in waiting:
            try:
                refused = client.send_message(item.email)
            except smtplib.SMTPRecipientsRefused as error:
                refused = error.recipients
            except smtplib.SMTPException as error:
                failure = MailError(
                    message(
                        "mail.error.send",
                        server=server.name,
                        meeting=item.calendar.meeting.id,
                        error=str(error),
                    ),
                    refused=True,
                )
                return SendReport(tuple(sent), skipped, tuple(waiting[len(sent) :]), failure)
            if refused:
                who = ", ".join(sorted(refused))
                failure = MailError(
                    message(
                        "mail.error.recipient",
                        server=server.name,
                        meeting=item.calendar.meeting.id,
                        recipients=who,
                    ),
                    refused=True,
                )
                return SendReport(tuple(sent), skipped, tuple(waiting[len(sent) :]), failure)
            record.note(item)
            sent.append(item)
    finally:
        with contextlib.suppress(smtplib.SMTPException, OSError):
            client.quit()
    return SendReport(tuple(sent), skipped)


def _connect(server: SmtpServer) -> smtplib.SMTP:
    """A connection, protected and logged in as asked."""
    try:
        if server.security is Security.SSL:
            context = ssl.create_default_context()
            client: smtplib.SMTP = smtplib.SMTP_SSL(
                server.host, server.port, timeout=server.timeout, context=context
            )
        else:
            client = smtplib.SMTP(server.host, server.port, timeout=server.timeout)
            if server.security is Security.STARTTLS:
                client.starttls(context=ssl.create_default_context())
    except smtplib.SMTPNotSupportedError as error:
        raise MailError(message("mail.error.no_starttls", server=server.name)) from error
    except (OSError, smtplib.SMTPException) as error:
        reason = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
        raise MailError(message("mail.error.connect", server=server.name, error=reason)) from error
    if server.user is not None:
        try:
            _login(client, server.user, server.password or "")
        except smtplib.SMTPNotSupportedError as error:
            client.close()
            raise MailError(message("mail.error.no_auth", server=server.name)) from error
        except smtplib.SMTPAuthenticationError as error:
            client.close()
            raise MailError(
                message("mail.error.login", server=server.name, user=server.user), refused=True
            ) from error
        except smtplib.SMTPException as error:
            client.close()
            raise MailError(
                message("mail.error.connect", server=server.name, error=str(error))
            ) from error
    return client


def _login(client: smtplib.SMTP, user: str, password: str) -> None:
    """Log in; a user or password beyond ASCII (``lösenord``) as UTF-8 with AUTH PLAIN
    (RFC 4616), which :meth:`smtplib.SMTP.login` cannot send."""
    if (user + password).isascii():
        client.login(user, password)
        return
    client.ehlo_or_helo_if_needed()
    if not client.has_extn("auth"):
        raise smtplib.SMTPNotSupportedError("AUTH")
    token = base64.b64encode(b"\0" + user.encode() + b"\0" + password.encode()).decode()
    code, reply = client.docmd("AUTH", f"PLAIN {token}")
    if code != 235:
        raise smtplib.SMTPAuthenticationError(code, reply)
