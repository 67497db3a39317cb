"""What each choice costs: every soft rule a plan does not fully meet, meeting by
meeting, in the words people use.

The checker (:func:`motesplan.check`) measures every soft cost of a plan and says
what each is about (:class:`~motesplan.planner.checker.CostDetail`); this module prints
that, grouped per series, in date order, each line with its points ("Samarbetskommittén
14 november: 34 dagar efter Ledningsgruppen 11 oktober, 7 fler än 27 (70 poäng)").

A series' spread is shown part by part (the room before its first meeting, each
gap, the room after its last); the parts' points add up to the series' spread
cost, so the lines add up to :attr:`~motesplan.planner.checker.CheckResult.objective`.
A series counted per year is shown year by year: each year's count ("Kommunfullmäktige
har 8 möten 2027, önskat 9"), its spread ("Jämn spridning 2027 för ...") and its
meetings' lines together.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal
from fractions import Fraction

import attrs
from babel.numbers import format_decimal

from motesplan.planner.checker import (
    CheckResult,
    CostDetail,
    CountDetail,
    LinkDetail,
    LocationDetail,
    SpreadDetail,
    UnavailableDetail,
    check,
)
from motesplan.planner.plan import Plan
from motesplan.planner.problem import Problem
from motesplan.planner.unavailable import Block
from motesplan.text import (
    DEFAULT_LANGUAGE,
    check_language,
    format_day_month,
    phrase,
    plural,
    render,
)

__all__ = ["cost_details_json", "format_costs"]

_NAMED_CHOICES = 5
"""Places down to this one on the list have a word of their own ("femtehandsval")."""


def format_costs(
    problem: Problem,
    plan: Plan,
    check_result: CheckResult | None = None,
    language: str = DEFAULT_LANGUAGE,
    *,
    total: bool = True,
) -> str:
    """Every soft rule ``plan`` does not fully meet, per series and meeting, as text.

    Args:
        problem: the rules (for the names of series and the period).
        plan: the plan.
        check_result: what :func:`~motesplan.check` found for ``plan``; checked here
            when not given.
        language: ``sv``, ``en``, ``nb``, ``da``, ``fi`` or ``de`` (default: Swedish).
        total: whether to end with the total.

    Returns:
        The report, ending in a newline; one line saying every soft rule is met when
        the plan costs nothing.
    """
    language = check_language(language)
    result = check_result if check_result is not None else check(problem, plan)
    details = [detail for detail in result.details if detail.points or detail.amount]
    if not details:
        return phrase("costs.none", language) + "\n"
    with_year = problem.start.year != problem.end.year
    lines = [phrase("costs.title", language)]
    names = {series.id: series.name for series in problem.series}
    per_year = {series.id for series in problem.series if series.count.per_year}
    order = [series.id for series in problem.series]
    for series_id in order:
        own = [detail for detail in details if detail.series == series_id]
        if own:
            lines.append("")
            lines.extend(_series_lines(names, own, language, with_year, series_id in per_year))
    if total:
        points = sum(detail.points for detail in details)
        lines.extend(("", phrase("costs.total", language, points=_points(points, language))))
    return "\n".join(lines) + "\n"


def cost_details_json(
    check_result: CheckResult, language: str = DEFAULT_LANGUAGE
) -> list[dict[str, object]]:
    """The details of ``check_result`` as JSON-ready dictionaries, in report order,
    the reasons of unavailable time in ``language``.

    Every detail has ``rule``, ``subject``, ``series``, ``points``, ``amount``,
    ``meeting`` and ``date`` (ISO), and the fields of its kind
    (:class:`~motesplan.planner.checker.LinkDetail` and the others); dates are ISO
    strings, fractions numbers, and unavailable blocks ``{date, reason, weight}``.
    """
    language = check_language(language)
    return [_detail_json(detail, language) for detail in check_result.details]


# -- one series ---------------------------------------------------------------------


def _series_lines(
    names: dict[str, str],
    details: Sequence[CostDetail],
    language: str,
    with_year: bool,
    per_year: bool = False,
) -> list[str]:
    """A series' heading with its points, then its details; a series counted per
    year year by year (each year's count, spread and meetings together)."""
    series_id = details[0].series
    title = names[series_id]
    points = _points(sum(detail.points for detail in details), language)
    lines = [phrase("costs.series", language, title=title, points=points)]
    if not per_year:
        return lines + _block(names, details, language, with_year)
    years: dict[int | None, list[CostDetail]] = {}
    for detail in details:
        year = detail.year
        if year is None and detail.date is not None:
            year = detail.date.year
        years.setdefault(year, []).append(detail)
    for year in sorted(years, key=lambda item: -1 if item is None else item):
        lines += _block(names, years[year], language, with_year)
    return lines


def _block(
    names: dict[str, str], details: Sequence[CostDetail], language: str, with_year: bool
) -> list[str]:
    """The lines of some details of one series: its count, the spread's even gaps,
    then meeting by meeting."""
    title = names[details[0].series]
    lines: list[str] = []
    for detail in details:
        if detail.date is None:  # the series as a whole: its count
            text = _text(detail, names, language, with_year)
            lines.append(f"  {text} ({_points(detail.points, language)})")
    spread = [detail for detail in details if isinstance(detail, SpreadDetail)]
    if spread:
        lines.append("  " + _spread_intro(spread[0], language))
    for detail in details:
        if detail.date is not None:
            line = phrase(
                "costs.line",
                language,
                what=f"{title} {_day(detail.date, language, with_year)}",
                text=_text(detail, names, language, with_year),
                points=_points(detail.points, language),
            )
            lines.append("  " + line)
    return lines


def _spread_intro(detail: SpreadDetail, language: str) -> str:
    gap = Fraction(detail.total_slots, detail.preferred)
    meetings = plural("plan.meetings", detail.preferred, language)
    values: dict[str, object] = {
        "gap": _number(gap, language),
        "edge": _number((gap - 1) / 2, language),
        "slots": _slots(detail.total_slots, language),
        "meetings": meetings,
    }
    if detail.year is None:
        text = phrase("costs.spread", language, **values)
    else:  # the spread of one calendar year, of a series counted per year
        text = phrase("costs.spread.year", language, year=detail.year, **values)
    if detail.window_start is None and detail.window_end is None:
        return text
    # a link shifts the window the spread is measured over (docs/objective.md)
    start, end = detail.window_start, detail.window_end
    dates = {
        name: format_day_month(day, language)
        for name, day in (("start", start), ("end", end))
        if day is not None
    }
    key = "costs.spread." + ("window" if len(dates) == 2 else f"window_{next(iter(dates))}")
    return f"{text} ({phrase(key, language, **dates)})"


def _text(detail: CostDetail, names: dict[str, str], language: str, with_year: bool) -> str:
    if isinstance(detail, LinkDetail):
        return _link_text(detail, names[detail.before], language, with_year)
    if isinstance(detail, LocationDetail):
        return phrase(
            "costs.location",
            language,
            location=detail.location,
            choice=_choice(detail.choice, language),
            first=detail.first,
        )
    if isinstance(detail, UnavailableDetail):
        reasons = dict.fromkeys(str(render(block.reason, language)) for block in detail.blocks)
        return phrase("costs.unavailable", language, reasons=", ".join(reasons))
    if isinstance(detail, CountDetail):
        meetings = plural("plan.meetings", detail.actual, language)
        values = {"title": names[detail.series], "meetings": meetings}
        if detail.year is None:
            return phrase("costs.count", language, preferred=detail.preferred, **values)
        return phrase(
            "costs.count.year", language, preferred=detail.preferred, year=detail.year, **values
        )
    if isinstance(detail, SpreadDetail):
        return _spread_text(detail, language, with_year)
    raise TypeError(f"no text for a {type(detail).__name__}")  # pragma: no cover


def _link_text(detail: LinkDetail, before: str, language: str, with_year: bool) -> str:
    cap = _days(detail.cap, language)
    if detail.preparing_date is None or detail.days is None or detail.outside is None:
        return phrase("costs.link.none", language, before=before, cap=cap)
    values: dict[str, object] = {
        "before": before,
        "date": _day(detail.preparing_date, language, with_year),
        "days": _days(abs(detail.days), language),
        "low": detail.low,
        "high": detail.high,
    }
    if detail.days > detail.high:
        text = phrase("costs.link.late", language, excess=detail.days - detail.high, **values)
    elif detail.days > 0:
        text = phrase("costs.link.early", language, short=detail.low - detail.days, **values)
    elif detail.days == 0:
        text = phrase("costs.link.same_day", language, short=detail.low, **values)
    else:
        text = phrase("costs.link.ahead", language, **values)
    if detail.outside > detail.cap:
        text = phrase("costs.link.capped", language, text=text, cap=cap)
    return text


def _spread_text(detail: SpreadDetail, language: str, with_year: bool) -> str:
    values: dict[str, object] = {
        "slots": _slots(detail.slots, language),
        "even": _number(detail.even, language),
    }
    if detail.part == "gap":
        assert detail.previous_date is not None
        values["previous"] = _day(detail.previous_date, language, with_year)
    return phrase(f"costs.spread.{detail.part}", language, **values)


# -- words and numbers ----------------------------------------------------------------


def _day(day: dt.date, language: str, with_year: bool) -> str:
    """``14 november``, with the year when the period spans more than one."""
    text = format_day_month(day, language)
    return f"{text} {day.year}" if with_year else text


def _points(points: int, language: str) -> str:
    return plural("costs.points", points, language, points=points)


def _days(count: int, language: str) -> str:
    return plural("costs.days", count, language)


def _slots(count: int, language: str) -> str:
    return plural("costs.slots", count, language)


def _choice(choice: int, language: str) -> str:
    if 2 <= choice <= _NAMED_CHOICES:
        return phrase(f"costs.choice.{choice}", language)
    return phrase("costs.choice.n", language, choice=choice)


def _number(value: Fraction, language: str) -> str:
    """``3,8`` / ``3.8``; at most three decimals, ``ca 0,333`` when rounded."""
    text = format_decimal(
        Decimal(value.numerator) / Decimal(value.denominator), "0.###", locale=language
    )
    if value * 1000 != int(value * 1000):
        return phrase("costs.about", language, value=text)
    return text


# -- JSON -----------------------------------------------------------------------------


def _detail_json(detail: CostDetail, language: str) -> dict[str, object]:
    data: dict[str, object] = {"rule": detail.rule}
    for field in attrs.fields(type(detail)):
        data[field.name] = _json_value(getattr(detail, field.name), language)
    return data


def _json_value(value: object, language: str) -> object:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Fraction):
        return float(value)
    if isinstance(value, tuple):  # the blocks of an UnavailableDetail
        return [
            {
                "date": block.date.isoformat(),
                "reason": render(block.reason, language),
                "weight": block.weight,
            }
            for block in value
            if isinstance(block, Block)
        ]
    return value
