"""The command line's flags (argparse), its help and its errors in the run's language."""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import NoReturn

from motesplan._version import __version__
from motesplan.cli.common import (
    INVALID,
    RUN_LANGUAGE,
)
from motesplan.text import (
    LANGUAGES,
    environment_language,
    phrase,
    plural,
)

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
def argparse_speaks(language: str) -> Iterator[None]:
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


class _Parser(argparse.ArgumentParser):
    """argparse, but errors are one line: ``motesplan: error: ...`` and exit code 2.

    ``motesplan: error:`` stays as it is in every language, for scripts that look for it.
    """

    def error(self, message: str) -> NoReturn:
        command = self.prog.removeprefix("motesplan").strip()
        where = f"{command}: " if command else ""
        hint = f"motesplan {command} --help" if command else "motesplan --help"
        text = phrase("cli.ap.see", RUN_LANGUAGE.get(), message=message, hint=hint)
        self.exit(INVALID, f"motesplan: error: {where}{text}\n")


def _flag_error(key: str, text: str) -> argparse.ArgumentTypeError:
    """A flag's value that is wrong, said in this run's language."""
    return argparse.ArgumentTypeError(phrase(key, RUN_LANGUAGE.get(), value=repr(text)))


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


def build_parser(language: str = "en") -> argparse.ArgumentParser:
    """The parser, its help in ``language`` (argparse's own words too, when it is made
    and used inside :func:`argparse_speaks`)."""

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


def flag_language(argv: Sequence[str]) -> str:
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
