"""The commands that book: ``ics`` (calendar messages as files), ``send`` (by e-mail)
and ``publish`` (to a CalDAV calendar), and the calendar messages ``replan`` writes.
"""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import os
import shutil
import sys
import tempfile
from collections.abc import Callable
from functools import partial
from pathlib import Path

import attrs

from motesplan._convert import stamp_from_environment
from motesplan.booking.caldav_sync import CaldavError, Change, ChangeKind, publish_to_caldav
from motesplan.booking.mail import (
    MailError,
    Security,
    SentRecord,
    SmtpServer,
    mails,
    send_mails,
    write_eml,
)
from motesplan.cli.common import (
    FAILED,
    INVALID,
    OK,
    RUN_LANGUAGE,
    UsageError,
    check_directory,
    chosen_language,
    error_language,
    fail,
    load,
    read_plan,
)
from motesplan.config import Config
from motesplan.formats.ics_write import (
    change_messages,
    invitation_messages,
    write_changes,
    write_invitations,
)
from motesplan.planner.plan import Plan
from motesplan.planner.problem import Problem
from motesplan.reports.errors import format_error
from motesplan.text import (
    message,
    phrase,
)


def check_people(config: Config) -> None:
    """An organizer, and someone to invite: a body that meets has representatives, or
    a member has an e-mail address. Which people each meeting goes to is the
    problem's (:meth:`~motesplan.Problem.invitees`); a meeting whose body has nobody
    on its day is told when its message is made."""
    if config.organizer is None:
        raise UsageError(message("cli.err.no_organizer", path=config.path))
    problem = config.problem
    meeting_bodies = {series.body for series in problem.series}
    represented = any(problem.get_body(body).representatives for body in meeting_bodies)
    if not represented and not config.attendees:
        raise UsageError(message("cli.err.no_attendees", path=config.path))


def ics_command(args: argparse.Namespace) -> int:
    directory: Path = args.invitations if args.invitations is not None else args.changes[1]
    check_directory(directory)
    config = load(args.config)
    problem = config.problem
    language = chosen_language(args, config.language)
    check_people(config)
    plan = read_plan(args.plan, problem)
    previous = read_plan(args.changes[0], problem) if args.changes is not None else None
    written = write_messages(
        directory, messages_writer(config, problem, plan, previous, language), language
    )
    if not written and previous is not None:
        print(phrase("cli.no_changes", language))
    return OK


def messages_writer(
    config: Config, problem: Problem, plan: Plan, previous: Plan | None, language: str
) -> Callable[[Path], list[Path]]:
    """What writes the calendar messages of ``plan`` into a directory: one invitation
    per meeting, or (with ``previous``) the updates and cancellations since it; from
    the configuration's organizer (checked by :func:`check_people` before), each meeting
    to its own invitees (:meth:`~motesplan.Problem.invitees`): its body's
    representatives serving that day, else the body's members with an e-mail address
    (every member with one, for a body that lists no members)."""
    organizer = config.organizer
    assert organizer is not None
    if previous is None:
        return partial(write_invitations, problem, plan, organizer=organizer, language=language)
    return partial(write_changes, problem, previous, plan, organizer=organizer, language=language)


def write_messages(
    directory: Path, make: Callable[[Path], list[Path]], language: str
) -> list[Path]:
    """Write calendar messages into ``directory``: first all of them into a scratch
    directory, then move them into place, so a failure leaves ``directory`` untouched."""
    existing = directory
    while not existing.exists():
        existing = existing.parent
    scratch = Path(tempfile.mkdtemp(dir=existing, prefix=".motesplan-"))
    try:
        written = make(scratch)
        directory.mkdir(parents=True, exist_ok=True)
        moved = []
        for path in written:
            target = directory / path.name
            os.replace(path, target)
            moved.append(target)
            print(phrase("cli.wrote", language, path=target))
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return moved


# --- booking ----------------------------------------------------------------------------


def _password(args: argparse.Namespace, server: str) -> str | None:
    """The password of ``--user``: from the environment variable ``--password-env``
    names, else typed at a prompt; never a flag's value, never printed."""
    if args.user is None:
        if args.password_env is not None:
            raise UsageError(message("cli.err.password_without_user", name=args.password_env))
        return None
    if args.password_env is not None:
        value = os.environ.get(args.password_env)
        if not value:
            raise UsageError(
                message("cli.err.password_env", name=args.password_env, user=args.user)
            )
        return value
    if not sys.stdin.isatty():
        raise UsageError(message("cli.err.no_password", user=args.user, server=server))
    return getpass.getpass(phrase("cli.password", RUN_LANGUAGE.get(), user=args.user))


def _sending_time() -> dt.datetime:
    """The stamp of what is sent or published (e-mails' Date, events' DTSTAMP): now,
    unless ``SOURCE_DATE_EPOCH`` pins it; files written for people to look at keep
    the files' stamp, so the same plan gives the same bytes."""
    if os.environ.get("SOURCE_DATE_EPOCH", "").strip():
        return stamp_from_environment()
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


def _server_refused(args: argparse.Namespace, error: MailError | CaldavError) -> int:
    """A server that could not be reached (exit 2) or refused (exit 1), in one line."""
    fail(format_error(error, error_language(args, error)))
    return FAILED if error.refused else INVALID


def send_command(args: argparse.Namespace) -> int:
    if args.smtp is None and args.dry_run is None:
        raise UsageError(message("cli.err.send_how"))
    if args.dry_run is not None:
        check_directory(args.dry_run)
    config = load(args.config)
    problem = config.problem
    language = chosen_language(args, config.language)
    check_people(config)
    plan = read_plan(args.plan, problem)
    previous = read_plan(args.previous, problem) if args.previous is not None else None
    organizer = config.organizer
    assert organizer is not None  # check_people
    stamp = None if args.dry_run is not None else _sending_time()
    if previous is None:
        found = invitation_messages(
            problem, plan, organizer=organizer, language=language, stamp=stamp
        )
    else:
        found = change_messages(
            problem, previous, plan, organizer=organizer, language=language, stamp=stamp
        )
    items = mails(problem, found, organizer=organizer, language=language, stamp=stamp)
    if not items:
        print(phrase("cli.no_changes", language))
        return OK
    if args.dry_run is not None:
        write_messages(args.dry_run, partial(write_eml, items), language)
        return OK
    host, port = args.smtp
    security = Security.SSL if args.ssl else Security.STARTTLS if args.starttls else Security.NONE
    server = SmtpServer(host, port, security, args.user)
    record = SentRecord.beside(args.plan)  # a broken record is told before a password is asked
    server = attrs.evolve(server, password=_password(args, server.name))
    report = send_mails(items, server, record)
    for item in report.sent:
        kind = phrase(f"cli.sent.{item.kind}", language)
        recipients = ", ".join(item.recipients)
        print(
            phrase("cli.sent", language, meeting=item.calendar.meeting.id, kind=kind, to=recipients)
        )
    done = phrase(
        "cli.sent.summary",
        language,
        sent=len(report.sent),
        before=len(report.skipped),
        record=record.path,
    )
    print(done)
    if report.error is None:
        return OK
    missing = ", ".join(item.calendar.meeting.id for item in report.failed)
    print(phrase("cli.sent.missing", language, meetings=missing))
    return _server_refused(args, report.error)


def publish_command(args: argparse.Namespace) -> int:
    config = load(args.config)
    problem = config.problem
    language = chosen_language(args, config.language)
    plan = read_plan(args.plan, problem)
    password = _password(args, args.caldav)
    try:
        report = publish_to_caldav(
            problem,
            plan,
            args.caldav,
            username=args.user,
            password=password,
            dry_run=args.dry_run,
            language=language,
            stamp=_sending_time(),
            organizer=config.organizer,
        )
    except CaldavError as error:
        for change in error.done:
            print(_change_line(change, language, dry_run=False))
        if error.done:
            print(phrase("cli.publish.again", language))
        return _server_refused(args, error)
    for change in report.changes:
        print(_change_line(change, language, dry_run=report.dry_run))
    counts = {kind.value: len(report.of(kind)) for kind in ChangeKind}
    key = "cli.publish.would" if report.dry_run else "cli.publish.summary"
    print(phrase(key, language, url=args.caldav, unchanged=len(report.unchanged), **counts))
    return OK


def _change_line(change: Change, language: str, *, dry_run: bool) -> str:
    kind, meeting, sequence = change.kind.value, change.meeting, change.sequence
    if dry_run:
        return phrase(f"cli.publish.would.{kind}", language, meeting=meeting, sequence=sequence)
    return phrase(f"cli.publish.{kind}", language, meeting=meeting, sequence=sequence)
