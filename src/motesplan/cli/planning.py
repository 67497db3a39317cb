"""The commands that plan and print: ``plan``, ``report``, ``rotation``, ``check``,
``days``, ``replan`` and ``alternatives``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from collections.abc import Callable
from pathlib import Path

from motesplan._convert import stamp_from_environment
from motesplan.cli.booking import (
    check_people,
    messages_writer,
    write_messages,
)
from motesplan.cli.common import (
    FAILED,
    OK,
    UsageError,
    check_directory,
    check_output,
    checker_agrees,
    chosen_language,
    load,
    read_plan,
    solving,
    why_no_plan,
    write_all,
)
from motesplan.config import Config
from motesplan.formats.ics_write import (
    publish_calendar,
)
from motesplan.formats.plan_json import result_to_json
from motesplan.formats.rotation_json import rotation_to_json
from motesplan.planner.checker import check
from motesplan.planner.freedays import FreeDays
from motesplan.planner.plan import Plan, Result
from motesplan.planner.replan import Alternatives, ReplanResult
from motesplan.reports.costs import format_costs
from motesplan.reports.explanation import format_explanation
from motesplan.reports.pages import plan_page, rotation_page
from motesplan.reports.pdf import html_to_pdf, pdf_browser
from motesplan.reports.plan import format_result
from motesplan.reports.replan import format_alternatives, format_replan
from motesplan.reports.rotation import format_rotation_table, rotation_markdown
from motesplan.rotation.checker import check_rotation
from motesplan.rotation.problem import RotationResult
from motesplan.text import (
    format_date,
    format_time_range,
    message,
    phrase,
    render,
)


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


def plan_command(args: argparse.Namespace) -> int:
    for output in (args.json, args.ics, args.markdown, args.html, args.pdf):
        check_output(output)
    config = load(args.config)
    if args.pdf:
        pdf_browser()  # before the solve: a missing browser is told at once
    language = chosen_language(args, config.language)
    problem = config.problem
    from motesplan.solver import solve  # noqa: PLC0415 (a broken file is told without it)

    found: list[Result] = []
    solving(args, lambda options: found.append(solve(problem, options)))
    result = found[0]
    if result.plan is None:
        status = phrase(f"status.{result.status.value}", language)
        print(phrase("plan.status", language, status=status))
        print(why_no_plan(config, result, language))
        return FAILED
    text = format_result(problem, result, language)
    print(text, end="")
    if not checker_agrees(problem, result.plan, language):
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
    write_all(outputs, language)
    return OK


def report_command(args: argparse.Namespace) -> int:
    for output in (args.html, args.pdf):
        check_output(output)
    config = load(args.config)
    if args.pdf:
        pdf_browser()
    language = chosen_language(args, config.language)
    problem = config.problem
    plan = read_plan(args.plan, problem)
    if not (args.html or args.pdf):
        raise UsageError(message("cli.err.report_output"))
    outputs = _pages(
        args, lambda: plan_page(problem, plan, language=language, made=_plan_date(args))
    )
    write_all(outputs, language)
    return OK


def rotation_command(args: argparse.Namespace) -> int:
    from motesplan.solver import solve_rotation  # noqa: PLC0415

    for output in (args.json, args.markdown, args.html, args.pdf):
        check_output(output)
    config = load(args.config)
    if args.pdf:
        pdf_browser()
    rotation = config.rotation
    if rotation is None:
        language = chosen_language(args, config.language)
        print(phrase("cli.no_rotation", language, path=config.path), file=sys.stderr)
        return FAILED
    language = chosen_language(args, config.language)
    found: list[RotationResult] = []
    solving(args, lambda options: found.append(solve_rotation(rotation, options)))
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
    write_all(outputs, language)
    return OK


def check_command(args: argparse.Namespace) -> int:
    config = load(args.config)
    problem = config.problem
    language = chosen_language(args, config.language)
    plan = read_plan(args.plan, problem)
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


def days_command(args: argparse.Namespace) -> int:
    config = load(args.config)
    problem = config.problem
    language = chosen_language(args, config.language)
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


def replan_command(args: argparse.Namespace) -> int:
    from motesplan.solver import replan  # noqa: PLC0415

    for output in (args.json, args.ics):
        check_output(output)
    if args.changes is not None:
        check_directory(args.changes)
    config = load(args.config)
    language = chosen_language(args, config.language)
    problem = config.problem
    if args.changes is not None:
        check_people(config)
    previous = read_plan(args.previous, problem)
    found: list[ReplanResult] = []
    solving(
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
        print(why_no_plan(config, result, language))
        return FAILED
    if not checker_agrees(problem, result.plan, language):
        return FAILED
    print(phrase("plan.cost", language, cost=result.objective))
    outputs: list[tuple[Path | None, str | bytes]] = [
        (args.json, result_to_json(result, problem, language=language) if args.json else ""),
        (args.ics, _feed(config, result.plan, language) if args.ics else b""),
    ]
    write_all(outputs, language)
    if args.changes is not None:
        make = messages_writer(config, problem, result.plan, previous, language)
        if not write_messages(args.changes, make, language):
            print(phrase("cli.no_changes", language))
    return OK


def alternatives_command(args: argparse.Namespace) -> int:
    from motesplan.solver import alternatives  # noqa: PLC0415

    config = load(args.config)
    language = chosen_language(args, config.language)
    problem = config.problem
    previous = read_plan(args.previous, problem)
    meeting = previous.get(args.meeting)
    if meeting is None or meeting.cancelled:
        booked = ", ".join(m.id for m in previous.meetings if not m.cancelled)
        raise UsageError(
            message(
                "cli.err.no_meeting", path=args.previous, meeting=repr(args.meeting), booked=booked
            )
        )
    found: list[Alternatives] = []
    solving(
        args,
        lambda options: found.append(
            alternatives(problem, previous, args.meeting, top=args.top, options=options)
        ),
    )
    print(format_alternatives(problem, found[0], language), end="")
    return OK if found[0].options else FAILED
