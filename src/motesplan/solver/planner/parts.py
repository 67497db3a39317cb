"""The independent parts of a problem, and the meeting a chosen slot makes: what the
planner, the replanner and the explanations share."""

from __future__ import annotations

import datetime as dt

from motesplan.planner.freedays import FreeDays, Slot, spans
from motesplan.planner.plan import Meeting
from motesplan.planner.problem import Problem, Series

__all__ = ["build_meeting", "parts"]


def parts(problem: Problem, free_days: FreeDays | None = None) -> tuple[tuple[Series, ...], ...]:
    """The independent parts of a problem: series joined where a conflict is possible,
    by a link or by two meetings of one body that could overlap (on the same day, at
    overlapping times). Series of one body that never meet at the same time are
    independent: on a weekday of its own each, say.

    >>> from motesplan import Body, Link, Problem, Series
    >>> def weekly(id, body, weekday="monday"):
    ...     return Series(id, body, id.upper(), weekday, "09:00", "10:00", count=2)
    >>> problem = Problem("X", "2024-01-01", "2024-03-31", bodies=[Body("a"), Body("b"), Body("c")],
    ...     series=[weekly("a1", "a"), weekly("a2", "a"), weekly("b1", "c"), weekly("b2", "b"),
    ...             weekly("a3", "a", "friday")],
    ...     links=[Link("a1", "b2", 7, 14)])
    >>> [[s.id for s in part] for part in parts(problem)]
    [['a1', 'a2', 'b2'], ['b1'], ['a3']]
    """
    free_days = free_days or FreeDays(problem)
    root = {series.id: series.id for series in problem.series}
    position = {series.id: index for index, series in enumerate(problem.series)}

    def find(item: str) -> str:
        while root[item] != item:
            root[item] = root[root[item]]
            item = root[item]
        return item

    def join(first: str, second: str) -> None:
        a, b = find(first), find(second)
        if a != b:
            keep, drop = sorted((a, b), key=position.__getitem__)
            root[drop] = keep

    for link in problem.links:
        join(link.before, link.after)
    busy: dict[tuple[str, dt.date], list[tuple[int, int, str]]] = {}
    for series in problem.series:
        for slot in free_days.slots(series.id):
            for day, first, last in spans(slot.date, slot.start, slot.end, slot.end_date):
                busy.setdefault((series.body, day), []).append((first, last, series.id))
    for items in busy.values():
        for index, (first, last, series_id) in enumerate(items):
            for other_first, other_last, other_id in items[index + 1 :]:
                if other_id != series_id and first < other_last and other_first < last:
                    join(series_id, other_id)
    grouped: dict[str, list[Series]] = {}
    for series in problem.series:
        grouped.setdefault(find(series.id), []).append(series)
    return tuple(tuple(group) for group in grouped.values())


def build_meeting(problem: Problem, slot: Slot) -> Meeting:
    """The meeting a chosen slot makes (without its id)."""
    series = problem.get_series(slot.series)
    pin = slot.pin
    return Meeting(
        id="",
        series=series.id,
        title=(pin.title if pin and pin.title else series.name),
        date=slot.date,
        start=slot.start,
        end=slot.end,
        end_date=slot.end_date,
        location=slot.location,
        form=(pin.form if pin and pin.form else series.form),
        note=(pin.note if pin and pin.note else series.note),
        pinned=pin is not None,
    )
