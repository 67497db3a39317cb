"""The command line: ``motesplan plan|rotation|check|days|ics|replan|alternatives CONFIG``.

Exit codes: 0 success; 1 no plan exists, no rotation, or a broken hard rule (the
reason is printed); 2 invalid input (file, key, value or flag), with one line on
stderr, ``motesplan: error: <message>``, and no output file created or changed.
Every output is computed before anything is written, and every file is written
to a temporary file and renamed into place. See ``docs/cli.md``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import os
import shutil
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn, TextIO

import attrs

from motesplan._convert import stamp_from_environment
from motesplan._files import write_atomic
from motesplan._version import __version__
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
from motesplan.config import Config, load_config
from motesplan.errors import MotesplanError
from motesplan.formats.ics_read import read_calendar
from motesplan.formats.ics_write import (
    change_messages,
    invitation_messages,
    publish_calendar,
    write_changes,
    write_invitations,
)
from motesplan.formats.plan_json import read_plan_json, result_to_json
from motesplan.formats.rotation_json import rotation_to_json
from motesplan.planner.checker import check
from motesplan.planner.freedays import FreeDays
from motesplan.planner.plan import Plan, Result
from motesplan.planner.problem import Problem
from motesplan.planner.replan import Alternatives, ReplanResult
from motesplan.reports.costs import format_costs
from motesplan.reports.errors import format_error
from motesplan.reports.explanation import format_explanation
from motesplan.reports.pages import plan_page, rotation_page
from motesplan.reports.pdf import PdfError, html_to_pdf, pdf_browser
from motesplan.reports.plan import format_result
from motesplan.reports.replan import format_alternatives, format_replan
from motesplan.reports.rotation import format_rotation_table, rotation_markdown
from motesplan.rotation.checker import check_rotation
from motesplan.rotation.problem import RotationResult
from motesplan.text import (
    LANGUAGES,
    environment_language,
    format_date,
    format_time_range,
    message,
    phrase,
    plural,
    render,
)

if TYPE_CHECKING:
    # The solver loads OR-Tools (numpy, pandas, protobuf): the commands that solve import
    # it when they run, so `check`, `days`, `ics`, --help and --version start fast.
    from motesplan.solver import Progress, SolveOptions

__all__ = ["UsageError", "main"]

OK = 0
FAILED = 1
INVALID = 2

PROGRESS_AFTER = 1.0  # seconds before the progress line appears

_CONFIG_LANGUAGE: ContextVar[str | None] = ContextVar("config_language", default=None)
"""The language of the configuration this run read, for the errors that come after."""
_RUN_LANGUAGE: ContextVar[str] = ContextVar("run_language", default="en")
"""The language of the command line's own words this run: ``--lang``, else the
environment's (the configuration is not read yet when the flags are)."""

_ARGPARSE_WORDS = {
    "usage: ": "cli.ap.usage",
    "positional arguments": "cli.ap.positionals",
    "options": "cli.ap.options",
    "show this help message and exit": "cli.ap.help",
    "show program's version number and exit": "cli.ap.version",
    "the following arguments are required: %s": "cli.ap.required",
    "unrecognized arguments: %s": "cli.ap.unrecognized",
    "argument %(argument_name)s: %(message)s": "cli.ap.argument",
    "invalid choice: %(value)r (choose from %(choices)s)": "cli.ap.choice",
    "expected one argument": "cli.ap.one",
    "expected at most one argument": "cli.ap.at_most_one",
    "expected at least one argument": "cli.ap.at_least_one",
    "invalid %(type)s value: %(value)r": "cli.ap.invalid",
    "not allowed with argument %s": "cli.ap.not_allowed",
    "one of the arguments %s is required": "cli.ap.one_of",
    "ambiguous option: %(option)s could match %(matches)s": "cli.ap.ambiguous",
    "ignored explicit argument %r": "cli.ap.ignored",
}
"""argparse's own words (its gettext message ids, with its %-placeholders) and ours."""
_ARGPARSE_PLURALS = {"expected %s argument": "cli.ap.expected"}


@contextmanager
def _argparse_speaks(language: str) -> Iterator[None]:
    """argparse's own words (headings, "usage:", its errors) in ``language``.

    argparse asks :mod:`gettext` for every word it prints, through the functions
    ``argparse._`` and ``argparse.ngettext``; while the parser is made and used they
    are ours, which look the word up in motesplan's catalogues (and leave a word they
    do not know as it is).
    """
    module = vars(argparse)
    saved = module["_"], module["ngettext"]

    def gettext(text: str) -> str:
        key = _ARGPARSE_WORDS.get(text)
        return text if key is None else phrase(key, language)

    def ngettext(singular: str, plural_text: str, count: int) -> str:
        key = _ARGPARSE_PLURALS.get(singular)
        if key is None:
            return saved[1](singular, plural_text, count)  # type: ignore[no-any-return]
        return plural(key, count, language)

    module["_"], module["ngettext"] = gettext, ngettext
    try:
        yield
    finally:
        module["_"], module["ngettext"] = saved


class UsageError(MotesplanError):
    """Invalid input found by the command line itself (exit code 2)."""


class _Parser(argparse.ArgumentParser):
    """argparse, but errors are one line: ``motesplan: error: ...`` and exit code 2.

    ``motesplan: error:`` stays as it is in every language, for scripts that look for it.
    """

    def error(self, message: str) -> NoReturn:
        command = self.prog.removeprefix("motesplan").strip()
        where = f"{command}: " if command else ""
        hint = f"motesplan {command} --help" if command else "motesplan --help"
        text = phrase("cli.ap.see", _RUN_LANGUAGE.get(), message=message, hint=hint)
        self.exit(INVALID, f"motesplan: error: {where}{text}\n")


def _flag_error(key: str, text: str) -> argparse.ArgumentTypeError:
    """A flag's value that is wrong, said in this run's language."""
    return argparse.ArgumentTypeError(phrase(key, _RUN_LANGUAGE.get(), value=repr(text)))


def _positive_float(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise _flag_error("cli.type.seconds", text) from None
    if not value > 0 or value == float("inf"):
        raise _flag_error("cli.type.positive_seconds", text)
    return value


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise _flag_error("cli.type.whole", text) from None
    if value <= 0:
        raise _flag_error("cli.type.positive_whole", text)
    return value


def _iso_date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise _flag_error("cli.type.date", text) from None


def _server(text: str) -> tuple[str, int]:
    """``HOST:PORT`` (``[::1]:25`` for an IPv6 address)."""
    host, colon, port = text.rpartition(":")
    host = host.removeprefix("[").removesuffix("]")
    if not colon or not host or not port.isdigit() or not 0 < int(port) < 65536:
        raise _flag_error("cli.type.server", text)
    return host, int(port)


def _build_parser(language: str = "en") -> argparse.ArgumentParser:
    """The parser, its help in ``language`` (argparse's own words too, when it is made
    and used inside :func:`_argparse_speaks`)."""

    def helped(key: str) -> str:
        return phrase(f"cli.help.{key}", language)

    parser = _Parser(prog="motesplan", description=helped("description"), epilog=helped("epilog"))
    parser.add_argument("--version", action="version", version=f"motesplan {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    def command(name: str) -> argparse.ArgumentParser:
        help_text = helped(name)
        sub: argparse.ArgumentParser = commands.add_parser(
            name, help=help_text, description=help_text
        )
        sub.add_argument("config", metavar="CONFIG", type=Path, help=helped("config"))
        return sub

    def lang(sub: argparse.ArgumentParser) -> None:
        sub.add_argument("--lang", choices=LANGUAGES, help=helped("lang"))

    def solving(sub: argparse.ArgumentParser) -> None:
        sub.add_argument(
            "--time-limit",
            type=_positive_float,
            default=10.0,
            metavar="S",
            help=helped("time_limit"),
        )
        sub.add_argument(
            "--workers", type=_positive_int, default=2, metavar="N", help=helped("workers")
        )

    def login(sub: argparse.ArgumentParser) -> None:
        sub.add_argument("--user", metavar="NAME", help=helped("user"))
        sub.add_argument("--password-env", metavar="VAR", help=helped("password_env"))

    def dated(sub: argparse.ArgumentParser) -> None:
        sub.add_argument("--date", type=_iso_date, metavar="DATE", help=helped("date"))

    def written(sub: argparse.ArgumentParser, command: str, *names: str) -> None:
        for name in names:
            sub.add_argument(f"--{name}", type=Path, metavar="F", help=helped(f"{command}.{name}"))

    plan = command("plan")
    written(plan, "plan", "json", "ics", "markdown", "html", "pdf")
    dated(plan)
    lang(plan)
    solving(plan)

    rotation = command("rotation")
    written(rotation, "rotation", "json", "markdown", "html", "pdf")
    lang(rotation)
    solving(rotation)

    report = command("report")
    report.add_argument("plan", metavar="PLAN", type=Path, help=helped("plan_file"))
    written(report, "report", "html", "pdf")
    dated(report)
    lang(report)

    checking = command("check")
    checking.add_argument("plan", metavar="PLAN", type=Path, help=helped("plan_file"))
    lang(checking)

    days = command("days")
    lang(days)

    ics = command("ics")
    ics.add_argument("plan", metavar="PLAN", type=Path, help=helped("plan_file"))
    what = ics.add_mutually_exclusive_group(required=True)
    what.add_argument("--invitations", type=Path, metavar="DIR", help=helped("ics.invitations"))
    what.add_argument(
        "--changes",
        nargs=2,
        type=Path,
        metavar=("PREVIOUS", "DIR"),
        help=helped("ics.changes"),
    )
    lang(ics)

    mail = command("send")
    mail.add_argument("plan", metavar="PLAN", type=Path, help=helped("plan_file"))
    mail.add_argument("--previous", type=Path, metavar="OLD", help=helped("send.previous"))
    mail.add_argument("--smtp", type=_server, metavar="HOST:PORT", help=helped("send.smtp"))
    protection = mail.add_mutually_exclusive_group()
    protection.add_argument("--starttls", action="store_true", help=helped("send.starttls"))
    protection.add_argument("--ssl", action="store_true", help=helped("send.ssl"))
    login(mail)
    mail.add_argument("--dry-run", type=Path, metavar="DIR", help=helped("send.dry_run"))
    lang(mail)

    share = command("publish")
    share.add_argument("plan", metavar="PLAN", type=Path, help=helped("plan_file"))
    share.add_argument("--caldav", metavar="URL", required=True, help=helped("publish.caldav"))
    login(share)
    share.add_argument("--dry-run", action="store_true", help=helped("publish.dry_run"))
    lang(share)

    again = command("replan")
    again.add_argument(
        "--previous", type=Path, metavar="PLAN", required=True, help=helped("previous")
    )
    again.add_argument(
        "--freeze-until", type=_iso_date, metavar="DATE", help=helped("replan.freeze_until")
    )
    written(again, "replan", "json", "ics")
    again.add_argument("--changes", type=Path, metavar="DIR", help=helped("replan.changes"))
    lang(again)
    solving(again)

    other = command("alternatives")
    other.add_argument(
        "--previous", type=Path, metavar="PLAN", required=True, help=helped("previous")
    )
    other.add_argument(
        "--meeting", metavar="ID", required=True, help=helped("alternatives.meeting")
    )
    other.add_argument(
        "--top", type=_positive_int, default=5, metavar="N", help=helped("alternatives.top")
    )
    lang(other)
    solving(other)
    return parser


def _flag_language(argv: Sequence[str]) -> str:
    """The language of this run's own words: ``--lang`` when given and known, else the
    environment's, else English."""
    for index, item in enumerate(argv):
        value = None
        if item == "--lang" and index + 1 < len(argv):
            value = argv[index + 1]
        elif item.startswith("--lang="):
            value = item.partition("=")[2]
        if value in LANGUAGES:
            return value
    return environment_language() or "en"


# --- progress ---------------------------------------------------------------------------


class _ProgressLine:
    """Objective, bound and elapsed time on stderr, once a solve runs past a moment."""

    def __init__(self, stream: TextIO, language: str) -> None:
        self.stream = stream
        self.language = language
        self.latest: Progress | None = None
        self.started = time.perf_counter()
        self.shown = False
        self.done = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)

    def update(self, progress: Progress) -> None:
        self.latest = progress

    def __enter__(self) -> _ProgressLine:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.done.set()
        self.thread.join()
        if self.shown:
            self.stream.write("\r\033[K")
            self.stream.flush()

    def _run(self) -> None:
        while not self.done.wait(0.2):
            elapsed = time.perf_counter() - self.started
            if elapsed < PROGRESS_AFTER:
                continue
            latest = self.latest
            seconds = f"{elapsed:.1f}"
            if latest is None:
                text = phrase("cli.progress.start", self.language, seconds=seconds)
            else:
                part = ""
                if latest.parts > 1:
                    part = phrase(
                        "cli.progress.part", self.language, part=latest.part, parts=latest.parts
                    )
                text = phrase(
                    "cli.progress",
                    self.language,
                    part=part,
                    objective=f"{latest.objective:g}",
                    bound=f"{latest.bound:g}",
                    seconds=seconds,
                )
            self.stream.write(f"\r\033[K{text}")
            self.stream.flush()
            self.shown = True


def _options(args: argparse.Namespace, progress: _ProgressLine | None) -> SolveOptions:
    from motesplan.solver import SolveOptions  # noqa: PLC0415

    return SolveOptions(
        time_limit=args.time_limit,
        workers=args.workers,
        on_progress=progress.update if progress is not None else None,
    )


def _solving(args: argparse.Namespace, run: Callable[[SolveOptions], None]) -> None:
    """Run ``run`` with a progress line on stderr when stderr is a terminal."""
    if sys.stderr.isatty():
        language = args.lang or _CONFIG_LANGUAGE.get() or _RUN_LANGUAGE.get()
        with _ProgressLine(sys.stderr, language) as progress:
            run(_options(args, progress))
    else:
        run(_options(args, None))


# --- input and output -------------------------------------------------------------------


def _check_output(path: Path | None) -> None:
    """Refuse, before anything is computed or written, an output that cannot be written."""
    if path is None:
        return
    if path.is_dir():
        raise UsageError(message("cli.err.is_directory", path=path))
    parent = path.parent
    while not parent.exists() and parent != parent.parent:
        parent = parent.parent
    if not parent.is_dir():
        raise UsageError(message("cli.err.cannot_create", path=path, parent=parent))
    if not os.access(parent, os.W_OK):
        raise UsageError(message("cli.err.cannot_write", path=path, parent=parent))


def _check_directory(path: Path) -> None:
    if path.exists() and not path.is_dir():
        raise UsageError(message("cli.err.not_directory", path=path))
    _check_output(path / "x")


def _load(path: Path) -> Config:
    if not path.exists():
        raise UsageError(message("cli.err.no_config", path=path))
    if path.is_dir():
        raise UsageError(message("cli.err.config_is_directory", path=path))
    config = load_config(path)
    _CONFIG_LANGUAGE.set(config.language)
    return config


def _read_plan(path: Path, problem: Problem) -> Plan:
    if not path.exists():
        raise UsageError(message("cli.err.no_plan", path=path))
    suffix = path.suffix.lower()
    if suffix == ".json":
        return read_plan_json(path)
    if suffix in (".ics", ".ical", ".ifb", ".icalendar"):
        return read_calendar(path, problem)
    raise UsageError(message("cli.err.plan_suffix", path=path, suffix=repr(suffix or "no")))


def _write_all(outputs: Sequence[tuple[Path | None, str | bytes]], language: str) -> None:
    for path, data in outputs:
        if path is not None:
            print(phrase("cli.wrote", language, path=write_atomic(path, data)))


def _language(args: argparse.Namespace, default: str) -> str:
    language: str = args.lang or default
    return language


# --- commands ---------------------------------------------------------------------------


def _plan_date(args: argparse.Namespace) -> dt.date | None:
    """The date printed on a page: ``--date``, else ``SOURCE_DATE_EPOCH``'s day, else
    none (a page is the same for the same input: it never reads the clock)."""
    if getattr(args, "date", None) is not None:
        return args.date  # type: ignore[no-any-return]
    if os.environ.get("SOURCE_DATE_EPOCH", "").strip():
        return stamp_from_environment().date()
    return None


def _pages(
    args: argparse.Namespace, page: Callable[[], str]
) -> list[tuple[Path | None, str | bytes]]:
    """The HTML and PDF outputs of a page asked for (``--html``, ``--pdf``): made before
    anything is written, so a missing browser writes nothing."""
    html = page() if args.html or args.pdf else ""
    pdf = html_to_pdf(html) if args.pdf else b""
    return [(args.html, html), (args.pdf, pdf)]


def _feed(config: Config, plan: Plan, language: str) -> bytes:
    """The plan as a calendar to import or subscribe to, with the configuration's
    organizer and refresh interval."""
    return publish_calendar(
        config.problem,
        plan,
        language=language,
        organizer=config.organizer,
        refresh=config.refresh,
    )


def _plan(args: argparse.Namespace) -> int:
    for output in (args.json, args.ics, args.markdown, args.html, args.pdf):
        _check_output(output)
    config = _load(args.config)
    if args.pdf:
        pdf_browser()  # before the solve: a missing browser is told at once
    language = _language(args, config.language)
    problem = config.problem
    from motesplan.solver import solve  # noqa: PLC0415 (a broken file is told without it)

    found: list[Result] = []
    _solving(args, lambda options: found.append(solve(problem, options)))
    result = found[0]
    if result.plan is None:
        status = phrase(f"status.{result.status.value}", language)
        print(phrase("plan.status", language, status=status))
        print(_why(config, result, language))
        return FAILED
    text = format_result(problem, result, language)
    print(text, end="")
    if not _checker_agrees(problem, result.plan, language):
        return FAILED
    outputs: list[tuple[Path | None, str | bytes]] = [
        (args.json, result_to_json(result, problem, language=language) if args.json else ""),
        (args.ics, _feed(config, result.plan, language) if args.ics else b""),
        (args.markdown, f"# {problem.name}\n\n```text\n{text}```\n" if args.markdown else ""),
    ]
    plan = result.plan
    outputs += _pages(
        args,
        lambda: plan_page(
            problem, plan, language=language, status=result.status, made=_plan_date(args)
        ),
    )
    _write_all(outputs, language)
    return OK


def _report(args: argparse.Namespace) -> int:
    for output in (args.html, args.pdf):
        _check_output(output)
    config = _load(args.config)
    if args.pdf:
        pdf_browser()
    language = _language(args, config.language)
    problem = config.problem
    plan = _read_plan(args.plan, problem)
    if not (args.html or args.pdf):
        raise UsageError(message("cli.err.report_output"))
    outputs = _pages(
        args, lambda: plan_page(problem, plan, language=language, made=_plan_date(args))
    )
    _write_all(outputs, language)
    return OK


def _rotation(args: argparse.Namespace) -> int:
    from motesplan.solver import solve_rotation  # noqa: PLC0415

    for output in (args.json, args.markdown, args.html, args.pdf):
        _check_output(output)
    config = _load(args.config)
    if args.pdf:
        pdf_browser()
    rotation = config.rotation
    if rotation is None:
        language = _language(args, config.language)
        print(phrase("cli.no_rotation", language, path=config.path), file=sys.stderr)
        return FAILED
    language = _language(args, config.language)
    found: list[RotationResult] = []
    _solving(args, lambda options: found.append(solve_rotation(rotation, options)))
    result = found[0]
    years = f"{rotation.first_year}–{rotation.last_year}"
    print(phrase("rot.r.heading", language, body=rotation.body, years=years))
    print()
    status = phrase(f"status.{result.status.value}", language)
    if result.plan is None:
        print(phrase("plan.status", language, status=status))
        if result.explanation is not None:
            print(format_explanation(result.explanation, language, config.path), end="")
        elif result.reason is not None:
            print(result.reason.render(language))
        return FAILED
    print(format_rotation_table(rotation, result.plan, language), end="")
    report = check_rotation(rotation, result.plan)
    if not report.ok:
        print(phrase("cli.checker", language))
        for broken in report.violations:
            print(f"  [{broken.rule}] {broken.render(language)}")
        return FAILED
    for deviation in report.deviations:
        print(f"  {deviation.cause.render(language)}")
    print(f"\n{phrase('plan.status', language, status=status)}")
    outputs: list[tuple[Path | None, str | bytes]] = [
        (args.json, rotation_to_json(rotation, result.plan, language) if args.json else ""),
        (args.markdown, rotation_markdown(rotation, result, language) if args.markdown else ""),
    ]
    chosen = result.plan
    outputs += _pages(args, lambda: rotation_page(rotation, chosen, language=language))
    _write_all(outputs, language)
    return OK


def _check(args: argparse.Namespace) -> int:
    config = _load(args.config)
    problem = config.problem
    language = _language(args, config.language)
    plan = _read_plan(args.plan, problem)
    report = check(problem, plan)
    if report.ok:
        print(phrase("cli.ok", language))
    else:
        print(phrase("cli.violations", language, count=len(report.violations)))
        for violation in report.violations:
            text = violation.render(language)
            unnamed = [m for m in violation.meetings if m not in text]
            meetings = f" ({', '.join(unnamed)})" if unnamed else ""
            print(f"  [{violation.rule}] {text}{meetings}")
    print()
    print(format_costs(problem, plan, report, language, total=False), end="")
    print(phrase("cli.total", language, points=report.objective))
    return OK if report.ok else FAILED


def _days(args: argparse.Namespace) -> int:
    config = _load(args.config)
    problem = config.problem
    language = _language(args, config.language)
    blocks = FreeDays(problem).blocks
    print(
        phrase(
            "cli.days_title",
            language,
            start=format_date(problem.start, language),
            end=format_date(problem.end, language),
            count=len(blocks),
        )
    )
    print()
    if not blocks:
        print(phrase("cli.no_days", language))
    for block in blocks:
        if block.whole_day:
            when = phrase("whole_day", language)
        else:
            start_time = block.start if block.start is not None else dt.time(0, 0)
            end_time = block.end if block.end is not None else dt.time(23, 59)
            when = format_time_range(start_time, end_time, language)
        series = (
            ", ".join(problem.get_series(s).name for s in block.series)
            if block.series
            else phrase("all_series", language)
        )
        rule = (
            phrase("cli.hard", language)
            if block.hard
            else phrase("cli.soft", language, points=block.weight)
        )
        reason = render(block.reason, language)
        print(f"{format_date(block.date, language)}  {when}  {reason}  [{series}; {rule}]")
    return OK


def _people(config: Config) -> None:
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


def _ics(args: argparse.Namespace) -> int:
    directory: Path = args.invitations if args.invitations is not None else args.changes[1]
    _check_directory(directory)
    config = _load(args.config)
    problem = config.problem
    language = _language(args, config.language)
    _people(config)
    plan = _read_plan(args.plan, problem)
    previous = _read_plan(args.changes[0], problem) if args.changes is not None else None
    written = _write_messages(
        directory, _messages(config, problem, plan, previous, language), language
    )
    if not written and previous is not None:
        print(phrase("cli.no_changes", language))
    return OK


def _checker_agrees(problem: Problem, plan: Plan, language: str) -> bool:
    """Whether the independent checker finds every hard rule kept in a solved plan;
    if not (a solver bug), it says which are broken, and nothing may be written."""
    report = check(problem, plan)
    if not report.ok:
        print(phrase("cli.checker", language))
        for violation in report.violations:
            print(f"  [{violation.rule}] {violation.render(language)}")
    return report.ok


def _why(config: Config, result: Result, language: str) -> str:
    """Why there is no plan: the conflicting rules with their keys in the configuration,
    or (without an explanation, e.g. on a time-out) the reason."""
    if result.explanation is not None:
        return format_explanation(result.explanation, language, config.path).rstrip("\n")
    return "" if result.reason is None else result.reason.render(language)


def _messages(
    config: Config, problem: Problem, plan: Plan, previous: Plan | None, language: str
) -> Callable[[Path], list[Path]]:
    """What writes the calendar messages of ``plan`` into a directory: one invitation
    per meeting, or (with ``previous``) the updates and cancellations since it; from
    the configuration's organizer (checked by :func:`_people` before), each meeting
    to its own invitees (:meth:`~motesplan.Problem.invitees`): its body's
    representatives serving that day, else the body's members with an e-mail address
    (every member with one, for a body that lists no members)."""
    organizer = config.organizer
    assert organizer is not None
    if previous is None:
        return partial(write_invitations, problem, plan, organizer=organizer, language=language)
    return partial(write_changes, problem, previous, plan, organizer=organizer, language=language)


def _write_messages(
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


def _replan(args: argparse.Namespace) -> int:
    from motesplan.solver import replan  # noqa: PLC0415

    for output in (args.json, args.ics):
        _check_output(output)
    if args.changes is not None:
        _check_directory(args.changes)
    config = _load(args.config)
    language = _language(args, config.language)
    problem = config.problem
    if args.changes is not None:
        _people(config)
    previous = _read_plan(args.previous, problem)
    found: list[ReplanResult] = []
    _solving(
        args,
        lambda options: found.append(
            replan(problem, previous, freeze_until=args.freeze_until, options=options)
        ),
    )
    replanned = found[0]
    result = replanned.result
    print(format_replan(problem, replanned, language), end="")
    status = phrase(f"status.{result.status.value}", language)
    print(phrase("plan.status", language, status=status))
    if result.plan is None:
        print(_why(config, result, language))
        return FAILED
    if not _checker_agrees(problem, result.plan, language):
        return FAILED
    print(phrase("plan.cost", language, cost=result.objective))
    outputs: list[tuple[Path | None, str | bytes]] = [
        (args.json, result_to_json(result, problem, language=language) if args.json else ""),
        (args.ics, _feed(config, result.plan, language) if args.ics else b""),
    ]
    _write_all(outputs, language)
    if args.changes is not None:
        make = _messages(config, problem, result.plan, previous, language)
        if not _write_messages(args.changes, make, language):
            print(phrase("cli.no_changes", language))
    return OK


def _alternatives(args: argparse.Namespace) -> int:
    from motesplan.solver import alternatives  # noqa: PLC0415

    config = _load(args.config)
    language = _language(args, config.language)
    problem = config.problem
    previous = _read_plan(args.previous, problem)
    meeting = previous.get(args.meeting)
    if meeting is None or meeting.cancelled:
        booked = ", ".join(m.id for m in previous.meetings if not m.cancelled)
        raise UsageError(
            message(
                "cli.err.no_meeting", path=args.previous, meeting=repr(args.meeting), booked=booked
            )
        )
    found: list[Alternatives] = []
    _solving(
        args,
        lambda options: found.append(
            alternatives(problem, previous, args.meeting, top=args.top, options=options)
        ),
    )
    print(format_alternatives(problem, found[0], language), end="")
    return OK if found[0].options else FAILED


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
    return getpass.getpass(phrase("cli.password", _RUN_LANGUAGE.get(), user=args.user))


def _sending_time() -> dt.datetime:
    """The stamp of what is sent or published (e-mails' Date, events' DTSTAMP): now,
    unless ``SOURCE_DATE_EPOCH`` pins it; files written for people to look at keep
    the files' stamp, so the same plan gives the same bytes."""
    if os.environ.get("SOURCE_DATE_EPOCH", "").strip():
        return stamp_from_environment()
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


def _server_refused(args: argparse.Namespace, error: MailError | CaldavError) -> int:
    """A server that could not be reached (exit 2) or refused (exit 1), in one line."""
    _fail(format_error(error, _error_language(args, error)))
    return FAILED if error.refused else INVALID


def _send(args: argparse.Namespace) -> int:
    if args.smtp is None and args.dry_run is None:
        raise UsageError(message("cli.err.send_how"))
    if args.dry_run is not None:
        _check_directory(args.dry_run)
    config = _load(args.config)
    problem = config.problem
    language = _language(args, config.language)
    _people(config)
    plan = _read_plan(args.plan, problem)
    previous = _read_plan(args.previous, problem) if args.previous is not None else None
    organizer = config.organizer
    assert organizer is not None  # _people
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
        _write_messages(args.dry_run, partial(write_eml, items), language)
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


def _publish(args: argparse.Namespace) -> int:
    config = _load(args.config)
    problem = config.problem
    language = _language(args, config.language)
    plan = _read_plan(args.plan, problem)
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


_COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "plan": _plan,
    "report": _report,
    "rotation": _rotation,
    "check": _check,
    "days": _days,
    "ics": _ics,
    "send": _send,
    "publish": _publish,
    "replan": _replan,
    "alternatives": _alternatives,
}


def _fail(text: str) -> int:
    text = " ".join(text.split())  # one line
    print(f"motesplan: error: {text}", file=sys.stderr)
    return INVALID


def _error_language(args: argparse.Namespace, error: MotesplanError) -> str:
    """The language of an error: ``--lang``, else the configuration's (once it was
    read), else the environment's locale, else English."""
    chosen = getattr(args, "lang", None)
    if chosen is not None:
        return str(chosen)
    known = _CONFIG_LANGUAGE.get() or getattr(error, "language", None)
    return known or environment_language() or "en"


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    language = _flag_language(arguments)
    _RUN_LANGUAGE.set(language)
    with _argparse_speaks(language):
        args = _build_parser(language).parse_args(arguments)
    _CONFIG_LANGUAGE.set(None)
    try:
        return _COMMANDS[args.command](args)
    except UsageError as error:
        return _fail(format_error(error, _error_language(args, error)))
    except MotesplanError as error:
        text = format_error(error, _error_language(args, error))
        config = str(args.config)
        about_other_things = (PdfError, MailError, CaldavError)  # not about the file
        if config not in text and not isinstance(error, about_other_things):
            text = f"{config}: {text}"
        return _fail(text)
    except BrokenPipeError:  # the reader (e.g. `| head`) stopped reading: stop quietly
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return FAILED
    except OSError as error:
        where = error.filename if error.filename is not None else args.config
        return _fail(f"{where}: {error.strerror or error}")
    except KeyboardInterrupt:
        print(f"motesplan: {phrase('cli.interrupted', _RUN_LANGUAGE.get())}", file=sys.stderr)
        return 130
