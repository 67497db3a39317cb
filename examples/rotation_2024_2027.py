"""Chair and vice-chair of Samarbetskommittén 2024–2027, as the management group's
minutes of 27 October 2023 (item 6) ask: proposed for 2024 to 2027 (one year past
the election year 2026), the vice-chair chairs the year after, a turn order is
followed as far as possible, and the seats go to municipalities, not persons.
Planned, printed as a table, and saved as a decision basis (Markdown) and as JSON.

Run it with ``make demo`` or
``python examples/rotation_2024_2027.py [--lang en] [--out DIR]``.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from motesplan import (
    Member,
    RotationProblem,
    Term,
    check_rotation,
    format_rotation_table,
    rotation_markdown,
    rotation_to_json,
    solve_rotation,
    write_atomic,
)
from motesplan.text import LANGUAGES, phrase

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


def build_problem() -> RotationProblem:
    """The rotation of item 6 of the minutes, with the history in DOMAIN.md."""
    return RotationProblem(
        body="Samarbetskommittén",
        name="Södertörnskommunerna",
        members=tuple(Member(id, name) for id, name in MUNICIPALITIES.items()),
        first_year=2024,
        last_year=2027,
        # What is known; 2019 and 2022 are unknown, and so is the vice-chair of 2021.
        history=(
            Term(2018, chair="tyreso", vice_chair="nynashamn"),
            Term(2020, chair="huddinge", vice_chair="sodertalje"),
            Term(2021, chair="sodertalje"),
            Term(2023, chair="botkyrka", vice_chair="salem"),
        ),
        # The turn order is derived from the history (the vice-chair of 2023 first,
        # then those that never chaired, then those whose last term is longest ago).
        # Ties between members the history does not tell apart are broken by this
        # list: simply the municipalities in alphabetical order.
        order=sorted(MUNICIPALITIES),
    )


def main(argv: list[str] | None = None) -> int:
    """Solve, print the table, write ``rotation-2024-2027.md`` and ``.json``."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--lang", choices=LANGUAGES, default="sv")
    parser.add_argument("--out", type=Path, default=Path("out"))
    args = parser.parse_args(argv)
    problem = build_problem()
    result = solve_rotation(problem)
    years = f"{problem.first_year}–{problem.last_year}"
    print(phrase("rot.r.heading", args.lang, body=problem.body, years=years))
    print()
    if result.plan is None:
        reason = "" if result.reason is None else result.reason.render(args.lang)
        print(phrase(f"status.{result.status.value}", args.lang) + f": {reason}")
        return 1
    print(format_rotation_table(problem, result.plan, args.lang), end="")
    report = check_rotation(problem, result.plan)
    if not report.ok:  # the independent checker disagrees with the solver: never ship that
        for violation in report.violations:
            print(violation.render(args.lang))
        return 1
    for deviation in report.deviations:
        print(f"  {deviation.cause.render(args.lang)}")
    status = phrase(f"status.{result.status.value}", args.lang)
    print(f"\n{phrase('plan.status', args.lang, status=status)}")
    stem = f"rotation-{problem.first_year}-{problem.last_year}"
    markdown = rotation_markdown(problem, result, args.lang)
    for path in (
        write_atomic(args.out / f"{stem}.md", markdown),
        write_atomic(args.out / f"{stem}.json", rotation_to_json(problem, result.plan, args.lang)),
    ):
        print(f"→ {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
