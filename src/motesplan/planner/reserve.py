"""Reserve dates ("extra sammanträde vid behov"): dates held as tentative, not counted.

A series with ``reserve = N`` gets N reserve dates in each segment (each calendar year
with a count per year, else the period) once its meetings are planned. A reserve
date keeps every rule of a day: it is one of the series' free slots (its weekdays
and windows, no hard unavailable time, not a pinned day), it does not overlap a
meeting or another reserve date of the same body, and it is not on a day the
series meets. It takes no part in counts, links, gaps, spread or costs.

The dates are chosen one at a time, each the free slot that suits best, by these in
turn: a day that every hard link's preparing series has a meeting within the link's
window before (so that a meeting could be held there as the plan stands); at least
the series' ``min_gap_days`` from its meetings, across the turn of the year too (so
that holding it moves none); between the segment's first and last meeting; a day
without soft unavailable time; furthest (in days) from the series' meetings and the
reserve dates chosen before it, so that the reserves fall in the longest stretches
without a meeting; the earlier date. A preference that no free day meets is passed
over, never a reason for too few dates. The same meetings give the same dates.

When a plan is replanned, the reserve dates it had are kept while they still keep
every rule of a day (up to N a segment), even when the preferences above would now
choose another day: a booked date stays booked. Only the missing ones are chosen
anew, and a reserve date that a pin has confirmed as a meeting counts as one of the N.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterable, Sequence

import attrs
from attrs import frozen

from motesplan.planner.freedays import FreeDays, Slot, spans
from motesplan.planner.objective import Segment
from motesplan.planner.plan import Meeting, MeetingStatus
from motesplan.planner.problem import Problem, Series

__all__ = ["Shortfall", "place_reserves", "reserve_id"]


@frozen
class Shortfall:
    """A segment of a series with fewer free days for reserve dates than it asks for.

    Attributes:
        series: the series.
        year: the calendar year (``None``: the period).
        wanted: the reserve dates asked for.
        free: the days that could take one.
    """

    series: Series
    year: int | None
    wanted: int
    free: int


def reserve_id(series: str, year: int, number: int) -> str:
    """The id of a reserve date: ``kf-2027-r1``.

    >>> reserve_id("kf", 2027, 1)
    'kf-2027-r1'
    """
    return f"{series}-{year}-r{number}"


def place_reserves(
    problem: Problem,
    free_days: FreeDays,
    meetings: Sequence[Meeting],
    *,
    previous: Iterable[Meeting] = (),
    confirmed: Collection[str] = (),
) -> tuple[tuple[Meeting, ...], tuple[Shortfall, ...]]:
    """The reserve dates of every series that asks for them, given the plan's meetings.

    Args:
        problem: the problem.
        free_days: its free days.
        meetings: the plan's meetings (those held count; others are ignored).
        previous: the reserve dates of the plan this one replaces, kept while valid.
        confirmed: ids of meetings held now that were reserve dates before (a pin
            confirmed them): each counts as one of its segment's reserves.

    Returns:
        The reserve dates (tentative meetings, with ids), and the segments that could
        not get all of theirs.
    """
    held = [m for m in meetings if m.held]
    taken: list[Meeting] = list(held)
    earlier = [m for m in previous if m.tentative]
    reserves: list[Meeting] = []
    short: list[Shortfall] = []
    for series in problem.series:
        if series.reserve <= 0:
            continue
        slots = free_days.slots(series.id)
        own = sorted((m for m in held if m.series == series.id), key=Meeting.sort_key)
        used_ids = {m.id for m in earlier if m.series == series.id}
        for segment in free_days.segments(series.id):
            mine = [m for m in own if _in(segment, m.date)]
            wanted = series.reserve - sum(1 for m in mine if m.id in confirmed)
            if wanted <= 0:
                continue
            options = [
                slot
                for slot in slots[segment.lo : segment.hi]
                if slot.pin is None and not _clashes(problem, series, slot, taken)
            ]
            # a day its hard links let a meeting come, as the plan stands, is preferred (a
            # reserve date that no preparing meeting precedes could never be used)
            prepared = {slot for slot in options if _prepared(problem, series, slot, held)}
            kept = [
                m
                for m in sorted(earlier, key=Meeting.sort_key)
                if m.series == series.id
                and _in(segment, m.date)
                and any(_same(slot, m) for slot in options)
            ][:wanted]
            chosen: list[Meeting] = []
            for meeting in kept:
                chosen.append(attrs.evolve(meeting, labels=()))
                taken.append(meeting)
            for _ in range(wanted - len(kept)):
                free = [s for s in options if not _clashes(problem, series, s, taken)]
                if not free:
                    break
                slot = _best(series, free, prepared, mine, own, chosen)
                meeting = _reserve(series, slot)
                chosen.append(meeting)
                taken.append(meeting)
            if len(chosen) < wanted:
                short.append(Shortfall(series, segment.year, wanted, len(chosen)))
            reserves.extend(_numbered(chosen, used_ids))
    return tuple(sorted(reserves, key=Meeting.sort_key)), tuple(short)


def _in(segment: Segment, day: dt.date) -> bool:
    return segment.year is None or day.year == segment.year


def _prepared(problem: Problem, series: Series, slot: Slot, held: Sequence[Meeting]) -> bool:
    """Whether every hard link into the series has a meeting of its preparing series in
    its window before the slot (so a meeting could be held on it)."""
    for link in problem.links:
        if link.after != series.id or not link.hard:
            continue
        if not any(m.series == link.before and link.distance(m.date, slot.date) == 0 for m in held):
            return False
    return True


def _same(slot: Slot, meeting: Meeting) -> bool:
    return (slot.date, slot.start, slot.end) == (meeting.date, meeting.start, meeting.end)


def _clashes(problem: Problem, series: Series, slot: Slot, taken: Sequence[Meeting]) -> bool:
    """Whether a slot is on a day the series meets, or overlaps a meeting (or reserve
    date) of the same body."""
    body = {s.id for s in problem.series if s.body == series.body}
    mine = {
        (day, first, last)
        for day, first, last in spans(slot.date, slot.start, slot.end, slot.end_date)
    }
    for meeting in taken:
        if meeting.series == series.id and meeting.date == slot.date:
            return True
        if meeting.series not in body:
            continue
        for day, first, last in spans(meeting.date, meeting.start, meeting.end, meeting.end_date):
            if any(day == d and first < b and a < last for d, a, b in mine):
                return True
    return False


def _best(  # noqa: PLR0917 (the slots and the meetings they are measured from)
    series: Series,
    free: Sequence[Slot],
    prepared: Collection[Slot],
    meetings: Sequence[Meeting],
    every: Sequence[Meeting],
    chosen: Sequence[Meeting],
) -> Slot:
    """The free slot a reserve date suits best, by these in turn: a day a preparing
    meeting precedes (``prepared``); at least the series' ``min_gap_days`` from every
    one of its meetings (``every``, across the turn of the year too: so holding it
    moves none); between the segment's first and last meeting (``meetings``); without
    soft unavailable time; furthest from the segment's meetings and the reserve dates
    chosen before; the earlier date."""
    first = meetings[0].date if meetings else None
    last = meetings[-1].date if meetings else None
    around = [m.date for m in (*meetings, *chosen)]
    held = [m.date for m in every]
    gap = series.min_gap_days or 0

    def distance(slot: Slot, days: Sequence[dt.date]) -> int:
        return min((abs((slot.date - day).days) for day in days), default=0)

    def rank(slot: Slot) -> tuple[bool, bool, bool, bool, int, dt.date]:
        between = first is not None and last is not None and first < slot.date < last
        too_close = bool(held) and distance(slot, held) < gap
        return (
            slot not in prepared,
            too_close,
            not between,
            slot.soft_points > 0,
            -distance(slot, around),
            slot.date,
        )

    return min(free, key=rank)


def _reserve(series: Series, slot: Slot) -> Meeting:
    return Meeting(
        id="",
        series=series.id,
        title=series.name,
        date=slot.date,
        start=slot.start,
        end=slot.end,
        end_date=slot.end_date,
        location=slot.location,
        form=series.form,
        status=MeetingStatus.TENTATIVE,
        note=series.note,
    )


def _numbered(meetings: Sequence[Meeting], used: set[str]) -> list[Meeting]:
    """New reserve dates numbered after the ids in use (``kf-2027-r1``, ``-r2`` ...);
    kept ones keep theirs."""
    numbered: list[Meeting] = []
    for meeting in sorted(meetings, key=Meeting.sort_key):
        if meeting.id:
            numbered.append(meeting)
            continue
        number = 1
        while reserve_id(meeting.series, meeting.date.year, number) in used:
            number += 1
        new_id = reserve_id(meeting.series, meeting.date.year, number)
        used.add(new_id)
        numbered.append(attrs.evolve(meeting, id=new_id))
    return numbered
