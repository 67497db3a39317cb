"""The Södertörn year 2024 replanned after the committee fixed its own dates.

The management group's minutes say its dates "may change depending on the dates
the committee later decides". This example books the 2024 plan of
``examples/sodertorn-2024.toml``; then the committee decides seven dates of its
own (27 June goes, four meetings a week later), and every committee meeting must
now be prepared by a management-group meeting 20–27 days before. ``replan`` keeps
the committee's dates, moves only the management-group meetings that must move,
and the update and cancellation calendars carry exactly the changed meetings.

Run it with ``make demo`` or ``python examples/replan_2024.py [--lang en] [--out DIR]``.
It writes ``replan-2024.json``, ``replan-2024.ics`` and the messages in
``replan-2024-changes/``.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import attrs

from motesplan import (
    Count,
    Pin,
    Problem,
    SolveOptions,
    alternatives,
    check,
    load_config,
    publish_calendar,
    replan,
    result_to_json,
    solve,
    write_atomic,
    write_changes,
)
from motesplan.reports.replan import format_alternatives, format_replan
from motesplan.text import LANGUAGES

ROOT = Path(__file__).resolve().parent
CONFIG = ROOT / "sodertorn-2024.toml"

DECIDED = (
    "2024-02-15",
    "2024-04-18",
    "2024-05-23",
    "2024-09-12",
    "2024-10-10",
    "2024-11-07",
    "2024-12-05",
)
"""The committee's own dates for 2024."""

ORGANIZER = ("Kansliet Södertörn", "kansli@example.se")
ATTENDEES = (("Ledningsgruppen", "lg@example.se"), ("Samarbetskommittén", "sk@example.se"))


def committee_decides(problem: Problem) -> Problem:
    """The rules after the committee's decision: seven meetings on its dates, each
    prepared by a management-group meeting 20–27 days before (now a hard rule)."""
    series = tuple(attrs.evolve(s, count=Count(7)) if s.id == "sk" else s for s in problem.series)
    links = tuple(attrs.evolve(link, hard=True) for link in problem.links)
    pins = problem.pins + tuple(Pin("sk", day) for day in DECIDED)
    return problem.evolve(series=series, links=links, pins=pins)


def main() -> None:
    """Book, change the rules, replan, write the new plan and the messages."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", choices=LANGUAGES, default="sv")
    parser.add_argument("--out", type=Path, default=Path("out"))
    args = parser.parse_args()
    options = SolveOptions(time_limit=30)
    problem = load_config(CONFIG).problem
    booked = solve(problem, options).plan
    assert booked is not None, "the 2024 example has a plan"

    changed = committee_decides(problem)
    replanned = replan(changed, booked, options=options)
    print(format_replan(changed, replanned, args.lang), end="")
    plan = replanned.plan
    if plan is None:
        reason = replanned.result.reason
        raise SystemExit("" if reason is None else reason.render(args.lang))
    assert check(changed, plan).ok
    write_atomic(
        args.out / "replan-2024.json", result_to_json(replanned.result, changed, language=args.lang)
    )
    write_atomic(args.out / "replan-2024.ics", publish_calendar(changed, plan, language=args.lang))
    written = write_changes(
        changed,
        booked,
        plan,
        args.out / "replan-2024-changes",
        organizer=ORGANIZER,
        attendees=ATTENDEES,
        language=args.lang,
    )
    for path in written:
        print(f"→ {path}")

    # Before it decided, the committee asked: could the September meeting (booked for
    # 5 September) take another date, and what would that cost?
    print()
    found = alternatives(problem, booked, "sk-2024-05", top=3)
    print(format_alternatives(changed, found, args.lang), end="")


if __name__ == "__main__":
    main()
