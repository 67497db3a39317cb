"""The independent checker: every hard rule and every soft cost of any plan.

Pure Python, no OR-Tools. It takes the problem and a plan from anywhere (the
solver, a person, a free_days read back from a file) and returns every violated
hard rule (which meeting, which rule, why) and the cost of every soft rule,
measured as ``docs/objective.md`` defines it, so a solved plan's costs can be
compared with the solver's.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from fractions import Fraction
from itertools import pairwise
from typing import ClassVar

from attrs import evolve, frozen

from motesplan.planner.freedays import FreeDays, spans
from motesplan.planner.objective import Segment, edge_cost, gap_cost
from motesplan.planner.plan import Cost, Meeting, Plan
from motesplan.planner.problem import Link, Pin, Problem, Series
from motesplan.planner.rules import SOFT_ORDER, Rule
from motesplan.planner.unavailable import Block
from motesplan.text import Message, TimeRange, WeekdayList, message

__all__ = [
    "CheckResult",
    "CostDetail",
    "CountDetail",
    "LinkDetail",
    "LocationDetail",
    "SpreadDetail",
    "UnavailableDetail",
    "Violation",
    "check",
]


@frozen
class Violation:
    """A broken hard rule.

    Attributes:
        rule: the rule broken (:class:`~motesplan.Rule`; its value, e.g. ``min_gap``,
            is what the command line prints in brackets).
        message: what is wrong, for people: a catalogue message, rendered in a
            language when it is printed (:meth:`render`).
        series: the series it is about, if any.
        meetings: the ids of the meetings involved.
    """

    rule: Rule
    message: Message
    series: str | None = None
    meetings: tuple[str, ...] = ()

    def render(self, language: str) -> str:
        """What is wrong, in ``language``."""
        return self.message.render(language)


@frozen(kw_only=True)
class CostDetail:
    """What one soft rule that is not fully met is about, for the cost report.

    Every :class:`Cost` the checker returns has details: one for a ``link``,
    ``location``, ``unavailable`` or ``count`` cost, with the same points and
    amount, and one for each uneven gap or end of a ``spread`` cost, whose points
    and amounts add up to it. :meth:`belongs_to` tells which cost a detail is part of.

    Attributes:
        subject: as :attr:`Cost.subject` (a series id, or ``"lg -> sk"`` for a link).
        series: the series it is about (for a link: the ``after`` series).
        points: its cost in objective points (weight included).
        amount: its cost in the rule's own unit.
        meeting: the meeting it is about (for a spread part: the meeting the gap or
            end leads to, the last meeting for the room after it), ``None`` for a count.
        date: that meeting's date.
        year: the calendar year, for a count per year (``None`` otherwise).
    """

    RULE: ClassVar[Rule]

    subject: str
    series: str
    points: int
    amount: int
    meeting: str | None = None
    date: dt.date | None = None
    year: int | None = None

    @property
    def rule(self) -> Rule:
        """The rule, as :attr:`Cost.rule`."""
        return self.RULE

    def belongs_to(self, cost: Cost) -> bool:
        """Whether this detail is (part of) ``cost``."""
        mine = (self.rule, self.subject, self.meeting, self.year)
        return (cost.rule, cost.subject, cost.meeting, cost.year) == mine


@frozen(kw_only=True)
class LinkDetail(CostDetail):
    """A meeting whose nearest preparing meeting is outside a soft link's window.

    Attributes:
        before: the preparing series.
        low: the window's first day (``Link.min_days``).
        high: the window's last day (``Link.max_days``).
        cap: at most this many days are counted (``Link.cap_days``).
        preparing: the preparing meeting it is measured from (the nearest to the
            window, the later one on a tie), ``None`` when the series has none.
        preparing_date: that meeting's date.
        days: days from the preparing meeting to this one (negative: it comes after).
        outside: days outside the window, before the cap (``None`` without a
            preparing meeting); ``amount`` is this, at most ``cap``.
    """

    RULE: ClassVar[Rule] = Rule.LINK

    before: str
    low: int
    high: int
    cap: int
    preparing: str | None = None
    preparing_date: dt.date | None = None
    days: int | None = None
    outside: int | None = None


@frozen(kw_only=True)
class LocationDetail(CostDetail):
    """A meeting at a place lower on its series' list than the first.

    Attributes:
        location: the place.
        choice: its place on the list, 1 for the first (so ``amount`` is ``choice - 1``).
        first: the first place on the list.
    """

    RULE: ClassVar[Rule] = Rule.LOCATION

    location: str
    choice: int
    first: str


@frozen(kw_only=True)
class UnavailableDetail(CostDetail):
    """A meeting on soft unavailable time.

    Attributes:
        blocks: the soft blocks it overlaps; their weights add up to ``amount``.
    """

    RULE: ClassVar[Rule] = Rule.UNAVAILABLE

    blocks: tuple[Block, ...]


@frozen(kw_only=True)
class CountDetail(CostDetail):
    """A series with more or fewer meetings than it prefers.

    Attributes:
        actual: meetings in the plan.
        preferred: the preferred count.
        minimum: the smallest count allowed.
        maximum: the largest count allowed.
    """

    RULE: ClassVar[Rule] = Rule.COUNT

    actual: int
    preferred: int
    minimum: int
    maximum: int


@frozen(kw_only=True)
class SpreadDetail(CostDetail):
    """One uneven part of a series' spread (``docs/objective.md``): the room before
    its first meeting, a gap between two meetings, or the room after its last.

    Slots are the series' candidate days, numbered in date order.

    Attributes:
        part: ``before`` (slots before the first meeting), ``gap`` (slots from the
            previous meeting to this one) or ``after`` (slots after the last meeting).
        slots: the slots of the part.
        even: what they would be if the meetings were even: the gap ``g = m / P``,
            or ``(g - 1) / 2`` before the first and after the last.
        total_slots: ``m``, the series' candidate slots.
        preferred: ``P``, the series' preferred count.
        previous: for a gap, the meeting before it.
        previous_date: that meeting's date.
        window_start: the first slot of the window the spread is measured over, when a
            link makes it later than the series' first slot (``None`` otherwise).
        window_end: its last slot, when a link makes it earlier than the series' last.
    """

    RULE: ClassVar[Rule] = Rule.SPREAD

    part: str
    slots: int
    even: Fraction
    total_slots: int
    preferred: int
    previous: str | None = None
    previous_date: dt.date | None = None
    window_start: dt.date | None = None
    window_end: dt.date | None = None

    def belongs_to(self, cost: Cost) -> bool:
        """Whether this part is part of ``cost`` (the series' spread)."""
        mine = (Rule.SPREAD, self.subject, None, self.year)
        return (cost.rule, cost.subject, cost.meeting, cost.year) == mine


@frozen
class CheckResult:
    """What :func:`check` found.

    Attributes:
        violations: every broken hard rule.
        costs: every soft cost with points or amount, as the solver reports them.
        details: what each of ``costs`` is about, in date order per series (see
            :class:`CostDetail`); :func:`motesplan.reports.costs.format_costs` prints them.
    """

    violations: tuple[Violation, ...]
    costs: tuple[Cost, ...]
    details: tuple[CostDetail, ...] = ()

    @property
    def ok(self) -> bool:
        """Whether every hard rule holds."""
        return not self.violations

    @property
    def objective(self) -> int:
        """Total cost in points."""
        return sum(cost.points for cost in self.costs)


def check(problem: Problem, plan: Plan) -> CheckResult:
    """Check ``plan`` against every rule of ``problem``.

    Cancelled meetings are ignored, except that they keep their ids. The violations'
    messages are rendered in a language when they are printed
    (:meth:`Violation.render`).

    Args:
        problem: the rules.
        plan: any plan.

    Returns:
        A :class:`CheckResult` with every violation and every soft cost.
    """
    return _Checker(problem, plan).run()


class _Checker:
    def __init__(self, problem: Problem, plan: Plan) -> None:
        self.problem = problem
        self.plan = plan
        self.free_days = FreeDays(problem)
        self.violations: list[Violation] = []
        self.costs: list[Cost] = []
        self.details: list[CostDetail] = []
        self.series = {series.id: series for series in problem.series}
        self.active = tuple(m for m in plan.meetings if m.held)
        self.reserves = tuple(m for m in plan.meetings if m.tentative)
        self.pins = {(pin.series, pin.date): pin for pin in problem.pins}

    def say(self, key: str, **values: object) -> Message:
        return message(key, **values)

    def flag(self, rule: Rule, text: Message, series: str | None, *meetings: Meeting) -> None:
        self.violations.append(Violation(rule, text, series, tuple(m.id for m in meetings)))

    def run(self) -> CheckResult:
        for meeting_id, times in sorted(Counter(m.id for m in self.plan.meetings).items()):
            if times > 1:
                self.violations.append(
                    Violation(Rule.ID, self.say("v.id", meeting=meeting_id), None, (meeting_id,))
                )
        for meeting in (*self.active, *self.reserves):
            if meeting.series not in self.series:
                message = self.say("v.series", meeting=meeting.id, series=meeting.series)
                self.flag(Rule.SERIES, message, meeting.series, meeting)
            else:
                self.check_meeting(meeting, self.series[meeting.series])
        for series in self.problem.series:
            meetings = tuple(m for m in self.active if m.series == series.id)
            self.check_series(series, meetings)
            self.check_reserves(series, meetings)
        self.check_pins()
        self.check_milestones()
        self.check_overlaps()
        for link in self.problem.links:
            self.check_link(link)
        return CheckResult(
            tuple(self.violations),
            tuple(c for c in self.costs if c.points or c.amount),
            self.sorted_details(),
        )

    def sorted_details(self) -> tuple[CostDetail, ...]:
        """The details with points or amount, per series in the problem's order, then
        series-wide (count) first, then by date."""
        order = {series.id: number for number, series in enumerate(self.problem.series)}
        rules = {rule: number for number, rule in enumerate(SOFT_ORDER)}

        def key(detail: CostDetail) -> tuple[int, int, dt.date, int, str]:
            return (
                order.get(detail.series, len(order)),
                detail.date is not None,
                detail.date or dt.date.min,
                rules[detail.rule],
                detail.subject,
            )

        return tuple(sorted((d for d in self.details if d.points or d.amount), key=key))

    # -- one meeting ---------------------------------------------------------

    def check_meeting(self, meeting: Meeting, series: Series) -> None:
        """The rules of one meeting's day, time and place (for a reserve date too, which
        costs nothing and has no pin)."""
        problem = self.problem
        pin = None if meeting.tentative else self.pins.get((series.id, meeting.date))
        if meeting.date < problem.start or meeting.end_date > problem.end:
            message = self.say(
                "v.period",
                meeting=meeting.id,
                date=meeting.date,
                start=problem.start,
                end=problem.end,
            )
            self.flag(Rule.PERIOD, message, series.id, meeting)
        if meeting.date.weekday() not in series.weekdays:
            message = self.say(
                "v.weekday",
                meeting=meeting.id,
                weekday=WeekdayList((meeting.date.weekday(),)),
                title=series.name,
                allowed=WeekdayList(series.weekdays),
            )
            self.flag(Rule.WEEKDAY, message, series.id, meeting)
        elif not series.allows(meeting.date):
            message = self.say("v.window", meeting=meeting.id, date=meeting.date, title=series.name)
            self.flag(Rule.WINDOW, message, series.id, meeting)
        actual = TimeRange(meeting.start, meeting.end)
        if pin is not None and pin.start is not None and pin.end is not None:
            if (meeting.start, meeting.end) != (pin.start, pin.end):
                expected = TimeRange(pin.start, pin.end)
                message = self.say(
                    "v.pin_time", meeting=meeting.id, actual=actual, expected=expected
                )
                self.flag(Rule.PIN, message, series.id, meeting)
        elif (meeting.start, meeting.end, meeting.days) != (series.start, series.end, series.days):
            message = self.say(
                "v.time",
                meeting=meeting.id,
                actual=_time_and_days(meeting.start, meeting.end, meeting.days),
                title=series.name,
                expected=_time_and_days(series.start, series.end, series.days),
            )
            self.flag(Rule.TIME, message, series.id, meeting)
        hits = self.free_days.collisions(
            series.id, meeting.date, meeting.start, meeting.end, meeting.end_date
        )
        soft: list[Block] = []
        for block in hits:
            if block.hard:
                message = self.say(
                    "v.unavailable", meeting=meeting.id, date=block.date, reason=block.reason
                )
                self.flag(Rule.UNAVAILABLE, message, series.id, meeting)
            else:
                soft.append(block)
        weight = sum(block.weight or 0 for block in soft)
        if weight and not meeting.tentative:
            self.costs.append(Cost(Rule.UNAVAILABLE, series.id, weight, weight, meeting.id))
            self.details.append(
                UnavailableDetail(
                    subject=series.id,
                    series=series.id,
                    points=weight,
                    amount=weight,
                    meeting=meeting.id,
                    date=meeting.date,
                    blocks=tuple(soft),
                )
            )
        if pin is not None:
            self.check_pin_details(meeting, series, pin)
        own_place = pin is not None and pin.location == meeting.location
        outside = meeting.location not in series.locations
        if series.locations and meeting.location and not own_place and outside:
            message = self.say(
                "v.location",
                meeting=meeting.id,
                location=meeting.location,
                title=series.name,
                allowed=", ".join(series.locations),
            )
            self.flag(Rule.LOCATION, message, series.id, meeting)

    def check_pin_details(self, meeting: Meeting, series: Series, pin: Pin) -> None:
        """A pinned meeting keeps the pin's own place and form, and the series' length."""
        wrong: list[str] = []
        if pin.location is not None and meeting.location != pin.location:
            wrong.append(f"{meeting.location!r} ≠ {pin.location!r}")
        if pin.form is not None and meeting.form != pin.form:
            wrong.append(f"{meeting.form.value} ≠ {pin.form.value}")
        if pin.start is not None and meeting.days != series.days:
            wrong.append(f"{meeting.days} d ≠ {series.days} d")
        if wrong:
            message = self.say("v.pin_detail", meeting=meeting.id, details="; ".join(wrong))
            self.flag(Rule.PIN, message, series.id, meeting)

    # -- one series ------------------------------------------------------------

    def check_series(self, series: Series, meetings: tuple[Meeting, ...]) -> None:
        for year, count in self.problem.counts_of(series):
            mine = meetings
            if series.count.per_year:
                mine = tuple(m for m in meetings if m.date.year == year)
            if not count.min <= len(mine) <= count.max:
                expected = str(count.min) if count.min == count.max else f"{count.min}–{count.max}"
                if series.count.per_year:
                    message = self.say(
                        "v.count_year",
                        title=series.name,
                        actual=len(mine),
                        expected=expected,
                        year=year,
                    )
                else:
                    message = self.say(
                        "v.count", title=series.name, actual=len(mine), expected=expected
                    )
                self.flag(Rule.COUNT, message, series.id, *mine)
        for first, second in pairwise(meetings):
            days = (second.date - first.date).days
            if series.min_gap_days is not None and days < series.min_gap_days:
                message = self.say(
                    "v.min_gap",
                    first=first.id,
                    second=second.id,
                    days=days,
                    limit=series.min_gap_days,
                )
                self.flag(Rule.MIN_GAP, message, series.id, first, second)
            if series.max_gap_days is not None and days > series.max_gap_days:
                message = self.say(
                    "v.max_gap",
                    first=first.id,
                    second=second.id,
                    days=days,
                    limit=series.max_gap_days,
                )
                self.flag(Rule.MAX_GAP, message, series.id, first, second)
        self.measure_series(series, meetings)

    def measure_series(self, series: Series, meetings: tuple[Meeting, ...]) -> None:
        weights = self.problem.weights
        slots = [slot.date for slot in self.free_days.slots(series.id)]
        # a meeting off the slots (a broken rule) counts at its place among them
        placed = [(bisect_left(slots, m.date), m) for m in meetings]
        for segment in self.free_days.segments(series.id):
            mine = [(p, m) for p, m in placed if _in_segment(segment, m.date)]
            count, year = segment.count, segment.year
            if count.min != count.max:
                away = abs(len(mine) - count.preferred)
                self.costs.append(
                    Cost(Rule.COUNT, series.id, weights.count * away, away, year=year)
                )
                self.details.append(
                    CountDetail(
                        subject=series.id,
                        series=series.id,
                        points=weights.count * away,
                        amount=away,
                        year=year,
                        actual=len(mine),
                        preferred=count.preferred,
                        minimum=count.min,
                        maximum=count.max,
                    )
                )
            # measured within the segment's window (a link can shift it)
            positions = [p - segment.first for p, _ in mine]
            total = segment.spread([p for p, _ in mine])
            self.costs.append(
                Cost(Rule.SPREAD, series.id, weights.spread * total, total, year=year)
            )
            starts = slots[segment.first] if segment.lo < segment.first < len(slots) else None
            ends = slots[segment.last] if 0 <= segment.last < segment.hi - 1 else None
            self.details.extend(
                _spread_details(
                    series,
                    [m for _, m in mine],
                    positions,
                    segment,
                    weights.spread,
                    window=(starts, ends),
                )
            )
        for meeting in meetings:
            if meeting.location in series.locations[1:]:
                steps = series.locations.index(meeting.location)
                self.costs.append(
                    Cost(Rule.LOCATION, series.id, weights.location * steps, steps, meeting.id)
                )
                self.details.append(
                    LocationDetail(
                        subject=series.id,
                        series=series.id,
                        points=weights.location * steps,
                        amount=steps,
                        meeting=meeting.id,
                        date=meeting.date,
                        location=meeting.location,
                        choice=steps + 1,
                        first=series.locations[0],
                    )
                )

    # -- across meetings ---------------------------------------------------------

    def check_reserves(self, series: Series, meetings: tuple[Meeting, ...]) -> None:
        """A series' reserve dates: at most its ``reserve`` a segment, none on a day it
        meets (the day rules and overlaps are checked with every meeting's)."""
        reserves = [m for m in self.reserves if m.series == series.id]
        if not reserves:
            return
        days = {m.date for m in meetings}
        for reserve in reserves:
            if reserve.date in days:
                message = self.say("v.reserve_day", meeting=reserve.id, date=reserve.date)
                self.flag(Rule.RESERVE, message, series.id, reserve)
        years = self.problem.counts_of(series) if series.count.per_year else ((None, None),)
        for year, _ in years:
            mine = [m for m in reserves if year is None or m.date.year == year]
            if len(mine) > series.reserve:
                message = self.say(
                    "v.reserves",
                    title=series.name,
                    actual=len(mine),
                    allowed=series.reserve,
                    when=message_in_year(year),
                )
                self.flag(Rule.RESERVE, message, series.id, *mine)

    def check_milestones(self) -> None:
        """At least a milestone's count of meetings of its series in each window."""
        for milestone in self.problem.milestones:
            if milestone.series not in self.series:
                continue
            meetings = [m for m in self.active if m.series == milestone.series]
            for window in milestone.windows(self.problem.start, self.problem.end):
                inside = [m for m in meetings if m.date in window]
                if len(inside) < milestone.count:
                    message = self.say(
                        "v.milestone",
                        title=self.series[milestone.series].name,
                        name=milestone.name,
                        actual=len(inside),
                        expected=milestone.count,
                        start=window.start,
                        end=window.end,
                    )
                    self.flag(Rule.MILESTONE, message, milestone.series, *inside)

    def check_pins(self) -> None:
        present = {(m.series, m.date) for m in self.active}
        for pin in self.problem.pins:
            if (pin.series, pin.date) not in present:
                title = self.series[pin.series].name
                self.violations.append(
                    Violation(Rule.PIN, self.say("v.pin", title=title, date=pin.date), pin.series)
                )

    def check_overlaps(self) -> None:
        by_body: dict[str, list[Meeting]] = defaultdict(list)
        for meeting in sorted((*self.active, *self.reserves), key=Meeting.sort_key):
            if meeting.series in self.series:
                by_body[self.series[meeting.series].body].append(meeting)
        for meetings in by_body.values():
            for i, first in enumerate(meetings):
                for second in meetings[i + 1 :]:
                    if _overlap(first, second):
                        message = self.say("v.overlap", first=first.id, second=second.id)
                        self.flag(Rule.OVERLAP, message, first.series, first, second)

    def check_link(self, link: Link) -> None:
        before = [m for m in self.active if m.series == link.before]
        title = self.series[link.before].name
        for meeting in (m for m in self.active if m.series == link.after):
            distances = [link.distance(other.date, meeting.date) for other in before]
            nearest = min(distances, default=None)
            if link.hard:
                if nearest != 0:
                    shown = _nearest_text(before, meeting)
                    message = self.say(
                        "v.link",
                        meeting=meeting.id,
                        date=meeting.date,
                        before=title,
                        low=link.min_days,
                        high=link.max_days,
                        nearest=shown,
                    )
                    self.flag(Rule.LINK, message, meeting.series, meeting)
            else:
                deviation = link.cap_days if nearest is None else min(nearest, link.cap_days)
                if deviation:
                    self.costs.append(
                        Cost(Rule.LINK, link.label, link.weight * deviation, deviation, meeting.id)
                    )
                    self.details.append(_link_detail(link, before, meeting, deviation))


def _link_detail(
    link: Link, before: Sequence[Meeting], meeting: Meeting, amount: int
) -> LinkDetail:
    """The detail of a soft link's cost for ``meeting``, measured from the preparing
    meeting nearest to the window (the later one on a tie, as the printout does)."""
    detail = LinkDetail(
        subject=link.label,
        series=link.after,
        points=link.weight * amount,
        amount=amount,
        meeting=meeting.id,
        date=meeting.date,
        before=link.before,
        low=link.min_days,
        high=link.max_days,
        cap=link.cap_days,
    )
    if not before:
        return detail
    preparing = min(
        before, key=lambda m: (link.distance(m.date, meeting.date), -m.date.toordinal())
    )
    return evolve(
        detail,
        preparing=preparing.id,
        preparing_date=preparing.date,
        days=(meeting.date - preparing.date).days,
        outside=link.distance(preparing.date, meeting.date),
    )


def message_in_year(year: int | None) -> Message | str:
    """`` in 2027`` after a number of one year (nothing for the period)."""
    return "" if year is None else message("val.in_year", year=year)


def _in_segment(segment: Segment, day: dt.date) -> bool:
    """Whether a meeting on ``day`` belongs to the segment (for a count per year, the
    segment of its year)."""
    return segment.year is None or day.year == segment.year


def _spread_details(
    series: Series,
    meetings: Sequence[Meeting],
    positions: Sequence[int],
    segment: Segment,
    weight: int,
    *,
    window: tuple[dt.date | None, dt.date | None] = (None, None),
) -> list[SpreadDetail]:
    """The spread of a series in one segment, part by part: the room before the first
    meeting, each gap, the room after the last. The parts' amounts add up to
    :meth:`~motesplan.planner.objective.Segment.spread` (each is rounded on its own, as there)."""
    preferred = segment.count.preferred
    slots = segment.window
    if not meetings or preferred <= 0 or slots <= 0:
        return []
    gap = Fraction(slots, preferred)
    edge = (gap - 1) / 2

    def part(
        kind: str, meeting: Meeting, length: int, amount: int, previous: Meeting | None = None
    ) -> SpreadDetail:
        return SpreadDetail(
            subject=series.id,
            series=series.id,
            points=weight * amount,
            amount=amount,
            meeting=meeting.id,
            date=meeting.date,
            year=segment.year,
            part=kind,
            slots=length,
            even=edge if previous is None else gap,
            total_slots=slots,
            preferred=preferred,
            previous=None if previous is None else previous.id,
            previous_date=None if previous is None else previous.date,
            window_start=window[0],
            window_end=window[1],
        )

    parts = [part("before", meetings[0], positions[0], edge_cost(positions[0], slots, preferred))]
    for (previous, meeting), (a, b) in zip(pairwise(meetings), pairwise(positions), strict=True):
        parts.append(part("gap", meeting, b - a, gap_cost(b - a, slots, preferred), previous))
    after = slots - 1 - positions[-1]
    parts.append(part("after", meetings[-1], after, edge_cost(after, slots, preferred)))
    return parts


def _overlap(first: Meeting, second: Meeting) -> bool:
    own = {day: (a, b) for day, a, b in spans(first.date, first.start, first.end, first.end_date)}
    for day, start, end in spans(second.date, second.start, second.end, second.end_date):
        if day in own and own[day][0] < end and start < own[day][1]:
            return True
    return False


def _nearest_text(before: Iterable[Meeting], meeting: Meeting) -> Message | str:
    earlier = [other for other in before if other.date <= meeting.date]
    if not earlier:
        return message("none")
    last = max(earlier, key=lambda m: m.date)
    return f"{last.id}, {(meeting.date - last.date).days} d"


def _time_and_days(start: dt.time, end: dt.time, days: int) -> TimeRange | Message:
    """A time of day, with the number of days when a meeting lasts more than one."""
    if days > 1:
        return message("v.time_days", time=TimeRange(start, end), days=days)
    return TimeRange(start, end)
