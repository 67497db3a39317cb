"""The command line: ``motesplan COMMAND CONFIG ...``, the commands of ``docs/cli.md``.

Exit codes: 0 success; 1 no plan exists, no rotation, or a broken hard rule (the
reason is printed); 2 invalid input (file, key, value or flag), with one line on
stderr, ``motesplan: error: <message>``, and no output file created or changed.
Every output is computed before anything is written, and every file is written
to a temporary file and renamed into place. See ``docs/cli.md``.

The package: ``parser.py`` (the flags), ``common.py`` (what the commands share),
``planning.py`` (the commands that plan and print) and ``booking.py`` (the commands
that book: ``ics``, ``send``, ``publish``); here the table of commands and
:func:`main`.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence

from motesplan.booking.caldav_sync import CaldavError
from motesplan.booking.mail import MailError
from motesplan.cli.booking import ics_command, publish_command, send_command
from motesplan.cli.common import (
    CONFIG_LANGUAGE,
    FAILED,
    RUN_LANGUAGE,
    UsageError,
    error_language,
    fail,
)
from motesplan.cli.parser import argparse_speaks, build_parser, flag_language
from motesplan.cli.planning import (
    alternatives_command,
    check_command,
    days_command,
    plan_command,
    replan_command,
    report_command,
    rotation_command,
)
from motesplan.errors import MotesplanError
from motesplan.reports.errors import format_error
from motesplan.reports.pdf import PdfError
from motesplan.text import phrase

__all__ = ["UsageError", "main"]

_COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "plan": plan_command,
    "report": report_command,
    "rotation": rotation_command,
    "check": check_command,
    "days": days_command,
    "ics": ics_command,
    "send": send_command,
    "publish": publish_command,
    "replan": replan_command,
    "alternatives": alternatives_command,
}


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    language = flag_language(arguments)
    RUN_LANGUAGE.set(language)
    with argparse_speaks(language):
        args = build_parser(language).parse_args(arguments)
    CONFIG_LANGUAGE.set(None)
    try:
        return _COMMANDS[args.command](args)
    except UsageError as error:
        return fail(format_error(error, error_language(args, error)))
    except MotesplanError as error:
        text = format_error(error, error_language(args, error))
        config = str(args.config)
        about_other_things = (PdfError, MailError, CaldavError)  # not about the file
        if config not in text and not isinstance(error, about_other_things):
            text = f"{config}: {text}"
        return fail(text)
    except BrokenPipeError:  # the reader (e.g. `| head`) stopped reading: stop quietly
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return FAILED
    except OSError as error:
        where = error.filename if error.filename is not None else args.config
        return fail(f"{where}: {error.strerror or error}")
    except KeyboardInterrupt:
        print(f"motesplan: {phrase('cli.interrupted', RUN_LANGUAGE.get())}", file=sys.stderr)
        return 130
