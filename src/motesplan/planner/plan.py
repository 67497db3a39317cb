"""Plans and results: what the solver returns and what the checker and exporters read."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from enum import StrEnum

import attrs
from attrs import field, frozen

from motesplan._convert import to_date, to_str_tuple, to_time
from motesplan.errors import Renderable, ValidationError
from motesplan.planner.explanation import Explanation
from motesplan.planner.problem import Form, Problem
from motesplan.planner.rules import Rule
from motesplan.text import message

__all__ = ["Cost", "Meeting", "MeetingStatus", "Plan", "Result", "Status", "label_meetings"]


class Status(StrEnum):
    """How a solve ended."""

    OPTIMAL = "optimal"
    """A plan that keeps every hard rule, proven to have the lowest cost."""
    FEASIBLE = "feasible"
    """A plan that keeps every hard rule; the time limit stopped the proof."""
    INFEASIBLE = "infeasible"
    """No plan keeps every hard rule."""
    TIMED_OUT = "timed_out"
    """The time limit came before any plan was found."""

    @property
    def has_plan(self) -> bool:
        """Whether a result with this status carries a plan."""
        return self in (Status.OPTIMAL, Status.FEASIBLE)


class MeetingStatus(StrEnum):
    """Whether a meeting takes place."""

    CONFIRMED = "confirmed"
    CANCELLED = "cancelled"
    TENTATIVE = "tentative"
    """A reserve date ("extra sammanträde vid behov"): held, not counted as a meeting."""


@frozen(order=False)
class Meeting:
    """One meeting of a plan.

    Attributes:
        id: stable id, ``<series>-<year>-<nn>`` (``lg-2024-03``).
        series: id of its series.
        title: what people see ("Ledningsgruppen").
        date: the (first) day.
        start: time it starts on ``date``.
        end: time it ends on ``end_date``.
        end_date: last day (the same as ``date`` for a one-day meeting).
        location: the place, or ``""`` when not decided.
        form: in person, online or hybrid.
        status: confirmed, cancelled, or tentative (a reserve date).
        note: free text for people (a pinned meeting's own note).
        pinned: whether its date was fixed by a pin.
        sequence: how many times it has been changed since it was first sent out
            (the iCalendar ``SEQUENCE``; updates carry a higher number).
        labels: the names of the milestones it serves ("Budget"), in the problem's order.
    """

    id: str
    series: str
    title: str
    date: dt.date = field(converter=to_date)
    start: dt.time = field(converter=to_time)
    end: dt.time = field(converter=to_time)
    end_date: dt.date = field(converter=to_date)
    location: str = ""
    form: Form = Form.IN_PERSON
    status: MeetingStatus = MeetingStatus.CONFIRMED
    note: str = ""
    pinned: bool = False
    sequence: int = 0
    labels: tuple[str, ...] = field(default=(), converter=to_str_tuple, kw_only=True)

    @end_date.default
    def _end_date_default(self) -> dt.date:
        return self.date

    def __attrs_post_init__(self) -> None:
        if self.end_date < self.date:
            raise ValidationError(
                message("val.meeting_days", id=self.id, end_date=self.end_date, date=self.date)
            )

    @property
    def days(self) -> int:
        """Length in days."""
        return (self.end_date - self.date).days + 1

    @property
    def cancelled(self) -> bool:
        """Whether it is cancelled."""
        return self.status is MeetingStatus.CANCELLED

    @property
    def tentative(self) -> bool:
        """Whether it is a reserve date (held, not counted as a meeting)."""
        return self.status is MeetingStatus.TENTATIVE

    @property
    def held(self) -> bool:
        """Whether it is a meeting that takes place: confirmed (not cancelled, not a
        reserve date)."""
        return self.status is MeetingStatus.CONFIRMED

    def sort_key(self) -> tuple[dt.date, dt.time, str]:
        """Chronological order, ties by id."""
        return (self.date, self.start, self.id)


def _sorted_meetings(value: Iterable[Meeting]) -> tuple[Meeting, ...]:
    return tuple(sorted(value, key=Meeting.sort_key))


@frozen
class Plan:
    """Meetings over a period: solved, made by hand, or read back from a file."""

    start: dt.date = field(converter=to_date)
    end: dt.date = field(converter=to_date)
    meetings: tuple[Meeting, ...] = field(converter=_sorted_meetings)
    timezone: str = "Europe/Stockholm"
    name: str = ""

    def of_series(
        self, series_id: str, *, include_cancelled: bool = False, include_tentative: bool = False
    ) -> tuple[Meeting, ...]:
        """The meetings of one series, in date order: those held, and with the flags
        the cancelled ones and the reserve dates too."""
        return tuple(
            m
            for m in self.meetings
            if m.series == series_id
            and (
                m.held or (include_cancelled and m.cancelled) or (include_tentative and m.tentative)
            )
        )

    @property
    def reserves(self) -> tuple[Meeting, ...]:
        """The reserve dates (tentative meetings), in date order."""
        return tuple(m for m in self.meetings if m.tentative)

    def get(self, meeting_id: str) -> Meeting | None:
        """The meeting with this id, if any."""
        for meeting in self.meetings:
            if meeting.id == meeting_id:
                return meeting
        return None


@frozen
class Cost:
    """The cost of one soft rule for one subject.

    Attributes:
        rule: :attr:`Rule.SPREAD`, ``COUNT``, ``LOCATION``, ``LINK`` or ``UNAVAILABLE``.
        subject: what it is about: a series id, or ``"lg -> sk"`` for a link.
        points: the cost in objective points (weight included).
        amount: the cost in the rule's own unit (days, meeting-weeks/10, steps).
        meeting: the meeting it is about, for per-meeting costs.
        year: the calendar year, for the count and spread of a series whose count is
            per year (``None`` otherwise).
    """

    rule: Rule = field(converter=Rule)
    subject: str
    points: int
    amount: int = 0
    meeting: str | None = None
    year: int | None = field(default=None, kw_only=True)


@frozen
class Result:
    """What :func:`motesplan.solve` returns.

    Attributes:
        status: how the solve ended.
        plan: the plan (``None`` unless ``status.has_plan``).
        objective: total cost in points of the plan.
        bound: the best proven lower bound on the cost.
        costs: cost of each soft term (aggregated per rule and subject).
        runtime: wall-clock seconds spent.
        reason: for a result without plan, one line saying why.
            A catalogue message, rendered in a language when printed
            (``result.reason.render("sv")``); ``None`` when there is nothing to say.
        explanation: for an infeasible result, the rules that cannot hold together
            (``None`` when none was found in time, and for every other status).
    """

    status: Status
    plan: Plan | None = None
    objective: int | None = None
    bound: int | None = None
    costs: tuple[Cost, ...] = ()
    runtime: float = 0.0
    reason: Renderable | None = None
    explanation: Explanation[Rule] | None = None


def number_meetings(meetings: Iterable[Meeting]) -> tuple[Meeting, ...]:
    """Give meetings their stable ids, ``<series>-<year>-<nn>``, numbered per series
    and year in date order (cancelled meetings keep their place in the numbering).

    >>> import attrs
    >>> m = Meeting("x", "lg", "LG", "2024-03-01", "09:00", "11:30")
    >>> earlier = attrs.evolve(m, date=dt.date(2024, 1, 5), end_date=dt.date(2024, 1, 5))
    >>> [n.id for n in number_meetings([m, earlier])]
    ['lg-2024-01', 'lg-2024-02']
    """
    counters: dict[tuple[str, int], int] = {}
    numbered: list[Meeting] = []
    for meeting in sorted(meetings, key=Meeting.sort_key):
        key = (meeting.series, meeting.date.year)
        counters[key] = counters.get(key, 0) + 1
        numbered.append(
            attrs.evolve(meeting, id=f"{meeting.series}-{meeting.date.year}-{counters[key]:02d}")
        )
    return tuple(numbered)


def label_meetings(problem: Problem, meetings: Iterable[Meeting]) -> tuple[Meeting, ...]:
    """The meetings, each held one labelled with the milestones it serves: in each
    window of a milestone, the first ``count`` meetings of its series (in the order of
    the problem's milestones). A meeting that serves none has no labels.

    >>> from motesplan import Milestone, Problem, Series, Body
    >>> kf = Series("kf", "kf", "KF", "monday", "18:00", "21:00", count=2)
    >>> problem = Problem("X", "2027-09-01", "2027-12-31", [kf], bodies=[Body("kf")],
    ...     milestones=[Milestone("kf", "Budget", "2027-11-01", "2027-11-30")])
    >>> meetings = [Meeting(f"kf-{d}", "kf", "KF", d, "18:00", "21:00")
    ...     for d in ("2027-10-04", "2027-11-08", "2027-11-22")]
    >>> [m.labels for m in label_meetings(problem, meetings)]
    [(), ('Budget',), ()]
    """
    meetings = tuple(meetings)
    labels: dict[str, list[str]] = {}
    for milestone in problem.milestones:
        held = sorted(
            (m for m in meetings if m.held and m.series == milestone.series), key=Meeting.sort_key
        )
        for window in milestone.windows(problem.start, problem.end):
            for meeting in [m for m in held if m.date in window][: milestone.count]:
                labels.setdefault(meeting.id, []).append(milestone.name)
    return tuple(
        attrs.evolve(m, labels=tuple(labels.get(m.id, []))) if m.held or m.labels else m
        for m in meetings
    )
