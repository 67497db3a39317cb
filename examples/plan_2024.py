"""The Södertörn meeting year 2024, as the management group's minutes of
27 October 2023 describe it, planned, printed in Swedish and saved as JSON and as a
calendar file (``plan-2024.ics``) to import into Outlook, Google, Apple or Thunderbird.

Run it with ``make demo`` or ``python examples/plan_2024.py [--lang en] [--out DIR]``.
"""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from motesplan import (
    Body,
    BridgeDays,
    ClosedPeriod,
    Count,
    DateRange,
    Link,
    Member,
    Pin,
    Problem,
    PublicHolidays,
    SchoolBreaks,
    Series,
    check,
    format_result,
    publish_calendar,
    result_to_json,
    solve,
    write_atomic,
)
from motesplan.text import LANGUAGES

MUNICIPALITIES = {
    "botkyrka": "Botkyrka",
    "haninge": "Haninge",
    "huddinge": "Huddinge",
    "nykvarn": "Nykvarn",
    "nynashamn": "Nynäshamn",
    "salem": "Salem",
    "sodertalje": "Södertälje",
    "tyreso": "Tyresö",
}


def build_problem() -> Problem:
    """The 2024 rules from the minutes (item 4) and DOMAIN.md."""
    members = tuple(Member(id, name) for id, name in MUNICIPALITIES.items())
    everyone = tuple(MUNICIPALITIES)
    return Problem(
        name="Södertörnskommunerna",
        start=dt.date(2024, 1, 1),
        end=dt.date(2024, 12, 31),
        members=members,
        bodies=(
            Body("lg", "Ledningsgruppen", everyone),
            Body("sk", "Samarbetskommittén", everyone),
        ),
        series=(
            # Fridays 09.00-11.30, in Huddinge kommunhus or at StorSthlm.
            Series(
                id="lg",
                body="lg",
                name="Ledningsgruppen",
                weekdays=("friday",),
                start="09:00",
                end="11:30",
                count=Count(9, 10),
                min_gap_days=21,
                locations=("Huddinge kommunhus", "StorSthlms lokaler"),
            ),
            # Thursdays 13.00-15.00, lunch 12.00 when in person; place decided later.
            Series(
                id="sk",
                body="sk",
                name="Samarbetskommittén",
                weekdays=("thursday",),
                start="13:00",
                end="15:00",
                count=Count(7, 8),
                min_gap_days=28,
                lunch="12:00",
            ),
            # The committee's yearly planning conference in January, two days.
            Series(
                id="pk",
                body="sk",
                name="Samarbetskommitténs planeringskonferens",
                weekdays=("thursday",),
                start="10:00",
                end="15:00",
                days=2,
                count=1,
                within=(DateRange("2024-01-08", "2024-01-31", "januari"),),
            ),
        ),
        # Committee meetings about 3-4 weeks after the management group prepares them
        # ("i möjligaste mån": a soft rule, 10 points a day outside 20-27 days).
        links=(Link("lg", "sk", min_days=20, max_days=27, hard=False, weight=10),),
        unavailable=(
            PublicHolidays("SE", categories=("public", "de_facto", "bank", "optional")),
            BridgeDays("SE"),
            SchoolBreaks({2024: (9,)}, name="Sportlov"),
            SchoolBreaks({2024: (14,)}, name="Påsklov"),
            SchoolBreaks({2024: (44,)}, name="Höstlov"),
            ClosedPeriod("Jul- och nyårsledighet", "2024-01-01", "2024-01-07"),
            ClosedPeriod("Sommaruppehåll", "2024-07-01", "2024-08-04"),
            ClosedPeriod("Jul- och nyårsledighet", "2024-12-21", "2024-12-31"),
        ),
        pins=(
            # As on 15 December 2023: breakfast meeting with Region Stockholm, jultallrik.
            Pin(
                "lg",
                "2024-12-13",
                start="08:30",
                end="11:00",
                location="Folkes, Huddinge Centrum",
                note="Region Stockholm medverkar kl. 08.30–09.30. Mötet avslutas med jultallrik.",
            ),
        ),
    )


def main(argv: list[str] | None = None) -> int:
    """Solve, print for people, write ``out/plan-2024.json`` and ``out/plan-2024.ics``."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--lang", choices=LANGUAGES, default="sv")
    parser.add_argument("--out", type=Path, default=Path("out"))
    args = parser.parse_args(argv)
    problem = build_problem()
    result = solve(problem)
    print(format_result(problem, result, args.lang), end="")
    if result.plan is None:
        return 1
    report = check(problem, result.plan)
    if not report.ok:  # the independent checker disagrees with the solver: never ship that
        for violation in report.violations:
            print(violation.render(args.lang))
        return 1
    path = write_atomic(args.out / "plan-2024.json", result_to_json(result, language=args.lang))
    calendar = write_atomic(
        args.out / "plan-2024.ics", publish_calendar(problem, result.plan, language=args.lang)
    )
    print(f"\n→ {path}\n→ {calendar}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
