"""A chair rotation printed for people (the JSON for programs: ``formats/rotation_json.py``).

Two printouts of a :class:`~motesplan.RotationPlan`, in Swedish (the
default) or any other language motesplan speaks:

* :func:`format_rotation_table`: the years as an aligned terminal table;
* :func:`rotation_markdown`: the decision basis (*beslutsunderlag*) in Markdown,
  with the rules, the known history, the proposal, each departure from the turn
  order and its cause, and a proposed decision ready to paste;

When no rotation exists, :func:`motesplan.format_explanation` prints why.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

from motesplan.planner.plan import Status
from motesplan.rotation.checker import check_rotation
from motesplan.rotation.problem import (
    Role,
    RotationPlan,
    RotationProblem,
    RotationResult,
    RotationYear,
)
from motesplan.text import DEFAULT_LANGUAGE, check_language, phrase

__all__ = [
    "format_rotation_table",
    "rotation_markdown",
]


def _width(text: str) -> int:
    """Columns ``text`` takes in a terminal (combining marks take none)."""
    return sum(0 if unicodedata.combining(char) else 1 for char in text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))


def _years_text(first: int, last: int) -> str:
    """``2024–2027``, or ``2024`` for one year."""
    return str(first) if first == last else f"{first}–{last}"


def _rows(plan: RotationPlan) -> list[RotationYear]:
    return sorted(plan.years, key=lambda item: item.year)


def headers(language: str) -> tuple[str, str, str]:
    """The table's headings: year, chair, vice-chair."""
    return (
        phrase("rot.r.year", language),
        phrase("rot.r.chair", language),
        phrase("rot.r.vice_chair", language),
    )


def format_rotation_table(
    problem: RotationProblem, plan: RotationPlan, language: str = DEFAULT_LANGUAGE
) -> str:
    """The plan as an aligned terminal table, one line per year; a seat names the
    person who represents the member in the body that year, when the problem knows
    one (``Botkyrka (Katja Byström)``).

    Args:
        problem: the problem (for the members' display names).
        plan: the plan.
        language: ``sv``, ``en``, ``nb``, ``da``, ``fi`` or ``de`` (default: Swedish).

    Returns:
        The table, with a final newline.

    >>> from motesplan import Member, RotationProblem, RotationPlan, RotationYear
    >>> problem = RotationProblem("K", [Member("a", "Alby"), Member("b", "Bro")], 2024, 2025)
    >>> plan = RotationPlan("K", (RotationYear(2024, "a", "b"), RotationYear(2025, "b", "a")))
    >>> print(format_rotation_table(problem, plan), end="")
    År   | Ordförande | Vice ordförande
    -----+------------+----------------
    2024 | Alby       | Bro
    2025 | Bro        | Alby
    """
    language = check_language(language)
    header = headers(language)
    rows = _proposal_rows(problem, plan)
    widths = [max(_width(row[k]) for row in (header, *rows)) for k in range(3)]

    def line(cells: Sequence[str]) -> str:
        return " | ".join(_pad(cell, width) for cell, width in zip(cells, widths, strict=True))

    rule = "-+-".join("-" * width for width in widths)
    lines = [line(header), rule, *(line(row) for row in rows)]
    return "\n".join(text.rstrip() for text in lines) + "\n"


def _holder(problem: RotationProblem, member: str, year: int) -> str:
    """The member, and the person who represents it in the body that year when the
    problem knows one: ``Botkyrka (Katja Byström)``."""
    name = problem.member_name(member)
    person = problem.representative(member, year)
    return name if person is None else f"{name} ({person.name})"


def _proposal_rows(problem: RotationProblem, plan: RotationPlan) -> list[tuple[str, str, str]]:
    """Year, chair and vice-chair of each year, each seat with its person when known."""
    return [
        (
            str(item.year),
            _holder(problem, item.chair, item.year),
            _holder(problem, item.vice_chair, item.year),
        )
        for item in _rows(plan)
    ]


def _named_persons(problem: RotationProblem, plan: RotationPlan) -> bool:
    """Whether the proposal names a person for any seat."""
    return any(
        problem.representative(member, item.year) is not None
        for item in plan.years
        for member in (item.chair, item.vice_chair)
    )


def _cell(text: str) -> str:
    """Text safe inside a Markdown table cell."""
    return text.replace("|", "\\|")


def _markdown_table(rows: Sequence[tuple[str, str, str]], language: str) -> list[str]:
    header = headers(language)
    lines = ["| " + " | ".join(header) + " |", "| --- | --- | --- |"]
    lines += ["| " + " | ".join(_cell(cell) for cell in row) + " |" for row in rows]
    return lines


def _name(problem: RotationProblem, member: str | None, language: str) -> str:
    if member is None:
        return phrase("rot.r.unknown", language)
    return problem.member_name(member)


def _tie_break(problem: RotationProblem) -> tuple[str, ...]:
    """The list that breaks ties in a derived turn order: ``order``, then the members."""
    return tuple(dict.fromkeys((*problem.order, *problem.member_ids)))


def _rules(problem: RotationProblem, language: str) -> list[str]:
    """The background: the rules in plain words, as Markdown list lines."""
    lines = [phrase("rot.r.rules_intro", language), ""]
    lines.append("- " + phrase("rot.r.rule.municipality", language))
    lines.append("- " + phrase("rot.r.rule.different", language))
    succession = phrase(
        "rot.r.rule.succession" if problem.succession else "rot.r.rule.succession_soft", language
    )
    successor = problem.successor()
    if successor is not None:
        succession += " " + phrase(
            "rot.r.rule.successor",
            language,
            member=problem.member_name(successor),
            year=problem.first_year - 1,
            first=problem.first_year,
        )
    lines.append("- " + succession)
    lines.append("- " + phrase("rot.r.rule.order", language))
    lines.append("- " + phrase("rot.r.rule.fairness", language))
    if problem.exclusions:
        lines.append("- " + phrase("rot.r.rule.exclusions", language))
        for exclusion in sorted(problem.exclusions, key=lambda e: (e.year, e.member)):
            if not exclusion.roles:  # excluded from no seat: nothing to say
                continue
            if len(exclusion.roles) == len(Role):
                roles = phrase("rot.r.either", language)
            else:
                roles = phrase(f"rot.{exclusion.roles[0].value}", language)
            why = f" ({exclusion.reason})" if exclusion.reason else ""
            text = phrase(
                "rot.r.exclusion",
                language,
                member=problem.member_name(exclusion.member),
                roles=roles,
                year=exclusion.year,
                why=why,
            )
            lines.append("  - " + text)
    if problem.agreements:
        lines.append("- " + phrase("rot.r.rule.agreements", language))
        for agreement in sorted(problem.agreements, key=lambda a: (a.year, a.role, a.member)):
            text = phrase(
                "rot.r.agreement",
                language,
                member=problem.member_name(agreement.member),
                role=phrase(f"rot.{agreement.role.value}", language),
                year=agreement.year,
            )
            lines.append("  - " + text)
    groupings = [g for g in problem.groups if g.year in problem.years]
    if groupings:
        lines.append("- " + phrase("rot.r.rule.groups", language))
        for grouping in sorted(groupings, key=lambda g: g.year):
            by_group: dict[str, list[str]] = {}
            for member in problem.member_ids:
                group = grouping.of(member)
                if group is not None:
                    by_group.setdefault(group, []).append(problem.member_name(member))
            parts = [
                phrase("rot.r.group", language, group=group, members=", ".join(names))
                for group, names in sorted(by_group.items())
            ]
            lines.append(f"  - {grouping.year}: " + "; ".join(parts) + ".")
    return lines


def _turn_order(problem: RotationProblem, language: str) -> list[str]:
    """The turn order section: how it was derived, and the order itself."""
    lines: list[str] = []
    successor = problem.successor()
    if problem.derive_order:
        tie = ", ".join(problem.member_name(m) for m in _tie_break(problem))
        lines += [phrase("rot.r.order.derived", language, tie=tie), ""]
    else:
        lines += [phrase("rot.r.order.given", language), ""]
    for number, member in enumerate(problem.turn_order(), start=1):
        text = f"{number}. {problem.member_name(member)}"
        if problem.derive_order:
            last = problem.last_chaired(member)
            if member == successor:
                why = phrase("rot.r.order.successor", language, year=problem.first_year - 1)
            elif last is None:
                why = phrase("rot.r.order.never", language)
            else:
                why = phrase("rot.r.order.last", language, year=last)
            text += f" ({why})"
        lines.append(text)
    return lines


def _history(problem: RotationProblem, language: str) -> list[str]:
    """The known history as a table; years in between that are unknown as unknown."""
    if not problem.history:
        return [phrase("rot.r.history.none", language)]
    known = {term.year: term for term in problem.history}
    rows: list[tuple[str, str, str]] = []
    partial = False
    for year in range(min(known), problem.first_year):
        term = known.get(year)
        chair = None if term is None else term.chair
        vice = None if term is None else term.vice_chair
        partial = partial or chair is None or vice is None
        rows.append((str(year), _name(problem, chair, language), _name(problem, vice, language)))
    lines = _markdown_table(rows, language)
    if partial:
        lines = [phrase("rot.r.history.partial", language), "", *lines]
    return lines


def _broken_successions(problem: RotationProblem, plan: RotationPlan, language: str) -> list[str]:
    """Each year whose chair is not the vice-chair of the year before, for people."""
    chairs = {item.year: item.chair for item in plan.years}
    vices = {item.year: item.vice_chair for item in plan.years}
    successor = problem.successor()
    if successor is not None:
        vices[problem.first_year - 1] = successor
    found = []
    for year in problem.years:
        vice, chair = vices.get(year - 1), chairs.get(year)
        if vice is not None and chair is not None and vice != chair:
            found.append(
                phrase(
                    "rot.v.succession",
                    language,
                    member=problem.member_name(vice),
                    previous=year - 1,
                    year=year,
                )
            )
    return found


def decision_text(problem: RotationProblem, plan: RotationPlan, language: str) -> str:
    """The proposed decision in one paragraph: each year's chair and vice-chair."""
    seats = "; ".join(
        phrase(
            "rot.r.decision.year",
            language,
            year=item.year,
            chair=problem.member_name(item.chair),
            vice_chair=problem.member_name(item.vice_chair),
        )
        for item in _rows(plan)
    )
    years = _plan_years(plan)
    return phrase("rot.r.decision.text", language, body=problem.body, years=years, seats=seats)


def _plan_years(plan: RotationPlan) -> str:
    years = [item.year for item in plan.years]
    return _years_text(min(years), max(years)) if years else ""


def rotation_markdown(
    problem: RotationProblem,
    result_or_plan: RotationResult | RotationPlan,
    language: str = DEFAULT_LANGUAGE,
) -> str:
    """The decision basis (*beslutsunderlag*) for the rotation, in Markdown.

    It holds: a title with the body and the years; the rules in plain words; how
    the turn order was derived, and the order; the known history; the proposal as
    a table (each seat with the person who represents the member in the body that
    year, when ``problem.representatives`` names one: ``Botkyrka (Katja
    Byström)``; the proposed decision names the members only, as the seats go to
    them); each departure from the turn order with its cause; and a proposed
    decision ready to paste. For a result without a plan (status ``infeasible``
    or ``timed_out``) the proposal states the reason instead, and there is no
    decision. A plan that breaks a hard rule (e.g. one made by hand) lists the
    broken rules under the proposal.

    Args:
        problem: the problem the plan answers.
        result_or_plan: a :class:`~motesplan.rotation.problem.RotationResult` from
            :func:`~motesplan.solve_rotation`, or any plan.
        language: ``sv``, ``en``, ``nb``, ``da``, ``fi`` or ``de`` (default: Swedish).

    Returns:
        Markdown text with a final newline.

    >>> from motesplan import Member, RotationProblem, RotationPlan, RotationYear
    >>> problem = RotationProblem("K", [Member("a", "Alby"), Member("b", "Bro")], 2024, 2024)
    >>> text = rotation_markdown(problem, RotationPlan("K", (RotationYear(2024, "a", "b"),)))
    >>> text.splitlines()[0]
    '# Beslutsunderlag: ordförande och vice ordförande i K 2024'
    >>> text.splitlines()[-1].startswith("K föreslås besluta att ordförande och vice")
    True
    >>> "för 2024 utses enligt följande: 2024 ordförande Alby, vice ordförande Bro." in text
    True
    """
    language = check_language(language)
    plan: RotationPlan | None = None
    missing, unproven = "", False
    if isinstance(result_or_plan, RotationPlan):
        plan = result_or_plan
    else:
        plan, status = result_or_plan.plan, result_or_plan.status
        unproven = status is not Status.OPTIMAL
        if plan is None:
            said = phrase(f"status.{status.value}", language)
            given = result_or_plan.reason
            reason = ("" if given is None else given.render(language)).rstrip(".") or said
            missing = phrase("rot.r.no_plan", language, status=said, reason=reason)
    years = _years_text(problem.first_year, problem.last_year)
    lines = [f"# {phrase('rot.r.title', language, body=problem.body, years=years)}", ""]
    if problem.name:
        lines += [f"*{problem.name}*", ""]
    lines += [phrase("rot.r.intro", language, body=problem.body, years=years), ""]
    lines += [f"## {phrase('rot.r.background', language)}", "", *_rules(problem, language), ""]
    lines += [f"## {phrase('rot.r.order', language)}", "", *_turn_order(problem, language), ""]
    lines += [f"## {phrase('rot.r.history', language)}", "", *_history(problem, language), ""]
    lines += [f"## {phrase('rot.r.proposal', language)}", ""]
    if plan is None:
        lines.append(missing)
        return "\n".join(lines) + "\n"
    lines += [*_markdown_table(_proposal_rows(problem, plan), language), ""]
    if _named_persons(problem, plan):
        lines += [phrase("rot.r.persons", language, body=problem.body), ""]
    if unproven:
        lines += [phrase("rot.r.feasible", language), ""]
    report = check_rotation(problem, plan)
    if report.violations:
        lines += [phrase("rot.r.violations", language), ""]
        lines += [f"- {violation.render(language)}." for violation in report.violations]
        lines.append("")
    lines += [f"## {phrase('rot.r.deviations', language)}", ""]
    departures = [f"- {deviation.cause.render(language)}." for deviation in report.deviations]
    if not problem.succession:  # soft: a broken succession is no violation, but say it
        departures += [f"- {text}." for text in _broken_successions(problem, plan, language)]
    lines += departures or [phrase("rot.r.deviations.none", language)]
    lines += ["", f"## {phrase('rot.r.decision', language)}", ""]
    lines.append(decision_text(problem, plan, language))
    return "\n".join(lines) + "\n"
