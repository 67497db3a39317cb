"""The plan as pages people print and send: a sammanträdesplan, a year at a glance,
the lists per body, and the chair rotation, as one self-contained HTML file.

:func:`plan_page` and :func:`rotation_page` gather what each page shows (plain
records, every text already in the page's language) and render it with the Jinja2
templates beside this module (``templates/``, autoescaped: a title with ``<script>``
stays text). The page has its CSS inline, no scripts, no fonts or images from
elsewhere, table markup with headers, and print CSS for A4 landscape. Every element
that shows a meeting carries ``data-meeting`` and ``data-date``; each of the three
views (the table, the year at a glance, the lists) shows each meeting once.
:func:`motesplan.reports.pdf.html_to_pdf` prints it.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from functools import cache

import jinja2
from attrs import frozen

from motesplan.planner.freedays import FreeDays
from motesplan.planner.plan import Meeting, Plan, Status
from motesplan.planner.problem import Link, Problem, Series
from motesplan.planner.unavailable import Block, BlockKind
from motesplan.reports.plan import preparing_meeting
from motesplan.reports.rotation import decision_text, headers
from motesplan.rotation.problem import RotationPlan, RotationProblem
from motesplan.text import (
    DEFAULT_LANGUAGE,
    check_language,
    format_date,
    format_date_range,
    format_day_month,
    format_time,
    format_time_range,
    format_week,
    month_name,
    phrase,
    render,
    weekday_letter,
    weekday_name,
    weekdays_name,
)

__all__ = ["plan_page", "rotation_page"]

PATTERNS = 6
"""Series are told apart by colour and by border (solid, dashed, dotted, double ...),
so that a greyscale print still shows which mark is which; after this many, the
patterns repeat (the initials still tell)."""


@cache
def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.PackageLoader("motesplan.reports", "templates"),
        autoescape=jinja2.select_autoescape(("html", "j2")),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


# ---------------------------------------------------------------------------
# What the pages show


@frozen
class Mark:
    """One meeting where a view shows it."""

    meeting: str
    date: str
    text: str
    title: str
    pattern: int
    kind: str  # "held", "reserve" or "pinned"


@frozen
class Row:
    """A series in a year's table: its name, when it meets, and its marks by month."""

    name: str
    when: str
    initials: str
    pattern: int
    months: tuple[tuple[Mark, ...], ...]


@frozen
class Day:
    """One day in the year at a glance."""

    number: int
    date: str
    classes: str
    title: str
    marks: tuple[Mark, ...]


@frozen
class Month:
    """A month block of the year at a glance: weeks of seven days (``None`` outside)."""

    name: str
    weeks: tuple[tuple[Day | None, ...], ...]


@frozen
class Note:
    """A named stretch of unavailable time in a year (a footnote of the table)."""

    kind: str
    name: str
    span: str


@frozen
class Year:
    """One year of the plan: its table, its year at a glance, its notes."""

    year: int
    months: tuple[str, ...]
    month_numbers: tuple[int, ...]
    rows: tuple[Row, ...]
    glance: tuple[Month, ...]
    notes: tuple[Note, ...]
    labels: tuple[tuple[str, str], ...] = ()


@frozen
class Line:
    """One meeting in a body's list."""

    meeting: str
    date: str
    day: str
    weekday: str
    week: str
    time: str
    place: str
    form: str
    lunch: str
    note: str
    after: str
    state: str


@frozen
class Listing:
    """A series' meetings, in a list."""

    name: str
    body: str
    when: str
    lines: tuple[Line, ...]


# ---------------------------------------------------------------------------
# The plan


def plan_page(
    problem: Problem,
    plan: Plan,
    *,
    language: str = DEFAULT_LANGUAGE,
    status: Status | None = None,
    made: dt.date | None = None,
) -> str:
    """The plan as one HTML page: per year the sammanträdesplan (bodies down, months
    across) and the year at a glance, then every series' list.

    Args:
        problem: the rules (for names, times, links, unavailable time, milestones).
        plan: the plan (solved, booked, or read back from a file).
        language: ``sv``, ``en``, ``nb``, ``da``, ``fi`` or ``de`` (default: Swedish).
        status: how the plan was found, printed in the header (none for a plan read
            from a file).
        made: the date printed as the plan's date (default: none printed). The page
            is the same for the same input, so pass a fixed date.

    Returns:
        The page, a whole HTML document.
    """
    language = check_language(language)
    free_days = FreeDays(problem)
    patterns = {series.id: index % PATTERNS for index, series in enumerate(problem.series)}
    years = tuple(
        _year(problem, plan, free_days, year, patterns, language)
        for year in range(plan.start.year, plan.end.year + 1)
    )
    lists = tuple(
        _listing(problem, plan, series, language)
        for series in problem.series
        if plan.of_series(series.id, include_cancelled=True, include_tentative=True)
    )
    series_legend = tuple(
        (series.id.upper(), series.name, patterns[series.id]) for series in problem.series
    )
    words = _words(language)
    header = {
        "organisation": problem.name,
        "period": phrase(
            "page.period",
            language,
            start=format_date(plan.start, language),
            end=format_date(plan.end, language),
        ),
        "status": "" if status is None else phrase(f"status.{status.value}", language),
        "made": "" if made is None else format_date(made, language),
    }
    return (
        _environment()
        .get_template("plan.html.j2")
        .render(
            language=language,
            title=phrase("page.title", language, name=problem.name),
            header=header,
            words=words,
            years=years,
            lists=lists,
            series_legend=series_legend,
        )
    )


def _words(language: str) -> dict[str, object]:
    """The page's own words in ``language``."""
    keys = (
        "table",
        "glance",
        "lists",
        "body",
        "reserve",
        "pinned",
        "weekend",
        "holiday",
        "bridge_day",
        "school_break",
        "closed",
        "unavailable",
        "date",
        "weekday",
        "week",
        "time",
        "place",
        "form",
        "lunch",
        "note",
        "after",
        "status",
        "made",
        "cancelled",
    )
    words: dict[str, object] = {key: phrase(f"page.{key}", language) for key in keys}
    words["weekday_letters"] = [weekday_letter(day, language) for day in range(7)]
    return words


def _months(plan: Plan, year: int) -> tuple[int, ...]:
    first = plan.start.month if plan.start.year == year else 1
    last = plan.end.month if plan.end.year == year else 12
    return tuple(range(first, last + 1))


def _year(  # noqa: PLR0917 (the page's parts, passed on to one year's)
    problem: Problem,
    plan: Plan,
    free_days: FreeDays,
    year: int,
    patterns: dict[str, int],
    language: str,
) -> Year:
    months = _months(plan, year)
    shorts = {m.name: m.short for m in problem.milestones}
    rows: list[Row] = []
    used: set[str] = set()  # the labels of the year's meetings, for its legend
    by_day: dict[dt.date, list[Mark]] = defaultdict(list)
    for series in problem.series:
        meetings = [
            m for m in plan.of_series(series.id, include_tentative=True) if m.date.year == year
        ]
        if not meetings:
            continue
        cells: list[list[Mark]] = [[] for _ in months]
        for meeting in meetings:
            used.update(meeting.labels)
            text = _cell_text(problem, meeting, shorts)
            title = _mark_title(meeting, language)
            kind = (
                "reserve"
                if meeting.tentative
                else ("pinned" if _own_time(problem, meeting) else "held")
            )
            mark = Mark(
                meeting.id, meeting.date.isoformat(), text, title, patterns[series.id], kind
            )
            cells[months.index(meeting.date.month)].append(mark)
            by_day[meeting.date].append(
                Mark(
                    meeting.id,
                    meeting.date.isoformat(),
                    series.id.upper(),
                    title,
                    patterns[series.id],
                    kind,
                )
            )
        rows.append(
            Row(
                name=series.name,
                when=_when(series, language),
                initials=series.id.upper(),
                pattern=patterns[series.id],
                months=tuple(tuple(cell) for cell in cells),
            )
        )
    blocks = [block for block in free_days.blocks if block.date.year == year]
    glance = tuple(_month(year, month, blocks, by_day, language) for month in months)
    return Year(
        year=year,
        months=tuple(month_name(month, language, short=True) for month in months),
        month_numbers=months,
        rows=tuple(rows),
        glance=glance,
        notes=_notes(blocks, language),
        labels=tuple(sorted((shorts[name], name) for name in used if name in shorts)),
    )


def _own_time(problem: Problem, meeting: Meeting) -> bool:
    """Whether a pinned meeting has its own time (marked with a star in the table)."""
    if not meeting.pinned:
        return False
    series = problem.get_series(meeting.series)
    return (meeting.start, meeting.end) != (series.start, series.end)


def _cell_text(problem: Problem, meeting: Meeting, shorts: dict[str, str]) -> str:
    """``19``, ``15*`` (its own time), ``(12)`` (a reserve date), ``26 B`` (a label)."""
    text = str(meeting.date.day)
    if _own_time(problem, meeting):
        text += "*"
    if meeting.tentative:
        text = f"({text})"
    labels = " ".join(shorts.get(label, label) for label in meeting.labels)
    return f"{text} {labels}" if labels else text


def _mark_title(meeting: Meeting, language: str) -> str:
    """What a mark says when pointed at: the title, the date and time."""
    time = format_time_range(meeting.start, meeting.end, language)
    when = f"{format_date(meeting.date, language)}, {time}"
    extra = [*meeting.labels]
    if meeting.tentative:
        extra.append(phrase("page.reserve", language))
    suffix = f" ({', '.join(extra)})" if extra else ""
    return f"{meeting.title}: {when}{suffix}"


def _when(series: Series, language: str) -> str:
    """``fredagar kl. 09.00–11.30``: the weekdays and time of a series."""
    days = ", ".join(weekdays_name(int(day), language) for day in series.weekdays)
    return f"{days} {format_time_range(series.start, series.end, language)}"


_SHADES = (
    (BlockKind.HOLIDAY, "holiday"),
    (BlockKind.BRIDGE_DAY, "bridge"),
    (BlockKind.SCHOOL_BREAK, "school"),
    (BlockKind.CLOSED, "closed"),
)


def _month(
    year: int,
    month: int,
    blocks: Sequence[Block],
    by_day: dict[dt.date, list[Mark]],
    language: str,
) -> Month:
    first = dt.date(year, month, 1)
    days: list[Day | None] = [None] * first.weekday()
    day = first
    shading: dict[dt.date, list[Block]] = defaultdict(list)
    for block in blocks:
        if block.date.month == month and block.whole_day and not block.series:
            shading[block.date].append(block)
    while day.month == month:
        classes = []
        if day.weekday() >= 5:
            classes.append("weekend")
        kinds = {block.kind for block in shading[day]}
        classes.extend(name for kind, name in _SHADES if kind in kinds)
        title = "; ".join(
            dict.fromkeys(str(render(block.reason, language)) for block in shading[day])
        )
        days.append(
            Day(day.day, day.isoformat(), " ".join(classes), title, tuple(by_day.get(day, ())))
        )
        day += dt.timedelta(days=1)
    while len(days) % 7:
        days.append(None)
    weeks = tuple(tuple(days[i : i + 7]) for i in range(0, len(days), 7))
    return Month(month_name(month, language), weeks)


def _notes(blocks: Iterable[Block], language: str) -> tuple[Note, ...]:
    """The named unavailable time of a year: holidays, bridge days, school breaks and
    closed periods that apply to every series, consecutive days of one name joined."""
    named: dict[tuple[str, str], list[dt.date]] = defaultdict(list)
    kinds = dict(_SHADES)
    for block in sorted(blocks, key=lambda block: block.date):
        if block.kind not in kinds or block.series or not block.whole_day:
            continue
        name = str(render(block.reason, language))
        named[(kinds[block.kind], name)].append(block.date)
    notes: list[tuple[dt.date, Note]] = []
    for (kind, name), found in named.items():
        days = sorted(set(found))
        start = previous = days[0]
        for day in [*days[1:], None]:
            if day is not None and (day - previous).days <= 3 and kind != "holiday":
                previous = day
                continue
            span = (
                format_day_month(start, language)
                if start == previous
                else format_date_range(start, previous, language)
            )
            notes.append((start, Note(kind, name, span)))
            if day is not None:
                start = previous = day
    return tuple(note for _, note in sorted(notes, key=lambda item: (item[0], item[1].name)))


def _after(
    problem: Problem, plan: Plan, links: Sequence[Link], meeting: Meeting, language: str
) -> str:
    """How long after its preparing meetings a meeting comes, one per link into its
    series, measured from the same meeting as the printout
    (:func:`~motesplan.reports.plan.preparing_meeting`)."""
    parts = []
    for link in links:
        before = plan.of_series(link.before)
        if not before:
            continue
        last = preparing_meeting(link, before, meeting)
        parts.append(
            phrase(
                "plan.after",
                language,
                days=(meeting.date - last.date).days,
                series=problem.get_series(link.before).name,
                date=format_day_month(last.date, language),
            )
        )
    return "; ".join(parts)


def _listing(problem: Problem, plan: Plan, series: Series, language: str) -> Listing:
    body = problem.get_body(series.body)
    lines: list[Line] = []
    links = [link for link in problem.links if link.after == series.id]
    for meeting in plan.of_series(series.id, include_cancelled=True, include_tentative=True):
        after = _after(problem, plan, links, meeting, language) if meeting.held else ""
        state = ""
        if meeting.tentative:
            state = phrase("page.reserve", language)
        elif meeting.cancelled:
            state = phrase("page.cancelled", language)
        lunch = ""
        if series.lunch is not None and meeting.held:
            lunch = format_time(series.lunch, language)
        lines.append(
            Line(
                meeting=meeting.id,
                date=meeting.date.isoformat(),
                day=format_day_month(meeting.date, language, year=True),
                weekday=weekday_name(meeting.date.weekday(), language),
                week=format_week(meeting.date, language),
                time=format_time_range(meeting.start, meeting.end, language),
                place=meeting.location,
                form=phrase(f"form.{meeting.form.value}", language),
                lunch=lunch,
                note=" ".join(part for part in (", ".join(meeting.labels), meeting.note) if part),
                after=after,
                state=state,
            )
        )
    return Listing(series.name, body.name, _when(series, language), tuple(lines))


# ---------------------------------------------------------------------------
# The rotation


def rotation_page(
    problem: RotationProblem, plan: RotationPlan, *, language: str = DEFAULT_LANGUAGE
) -> str:
    """The chair rotation as one HTML page: the chair and vice-chair of each year and
    the proposed decision.

    Args:
        problem: the rotation's rules.
        plan: the rotation.
        language: the page's language (default: Swedish).
    """
    language = check_language(language)
    rows = [
        (
            str(item.year),
            _holder(problem, item.chair, item.year),
            _holder(problem, item.vice_chair, item.year),
        )
        for item in plan.years
    ]
    year, chair, vice_chair = headers(language)
    words = {
        "year": year,
        "chair": chair,
        "vice_chair": vice_chair,
        "decision": phrase("page.decision", language),
    }
    years = f"{problem.first_year}–{problem.last_year}"
    return (
        _environment()
        .get_template("rotation.html.j2")
        .render(
            language=language,
            title=phrase("rot.r.heading", language, body=problem.body, years=years),
            organisation=problem.name,
            words=words,
            rows=rows,
            decision=decision_text(problem, plan, language),
        )
    )


def _holder(problem: RotationProblem, member: str, year: int) -> str:
    name = problem.member_name(member)
    person = problem.representative(member, year)
    return f"{name} ({person.name})" if person is not None else name
