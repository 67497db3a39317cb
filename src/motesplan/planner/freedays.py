"""The calendar of free days: unavailable time resolved, and each series' candidate slots.

This is the step between the problem data and the solver: it turns holidays,
bridge days, school breaks and closed periods into :class:`Block` s, then lists
for every series the days it may meet on (its :class:`Slot` s). The checker uses
the same calendar to say *why* a meeting may not be on a day.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterator

from attrs import frozen

from motesplan.planner.objective import Segment, segments, spread_windows
from motesplan.planner.problem import Pin, Problem, Series
from motesplan.planner.unavailable import MINUTES_PER_DAY, Block, minutes

__all__ = ["FreeDays", "Slot", "spans"]


def spans(
    day: dt.date, start: dt.time, end: dt.time, end_date: dt.date
) -> Iterator[tuple[dt.date, int, int]]:
    """The part of each day a meeting occupies, as ``(day, start_minute, end_minute)``.

    >>> list(spans(dt.date(2024, 1, 11), dt.time(13), dt.time(15), dt.date(2024, 1, 11)))
    [(datetime.date(2024, 1, 11), 780, 900)]
    """
    current = day
    while current <= end_date:
        first = minutes(start) if current == day else 0
        last = minutes(end) if current == end_date else MINUTES_PER_DAY
        yield current, first, last
        current += dt.timedelta(days=1)


@frozen
class Slot:
    """A day a series may meet on, with the time, place and soft costs it would have.

    Attributes:
        series: the series id.
        date: first day.
        start: start time.
        end: end time.
        end_date: last day.
        location: the place it would use.
        location_rank: position of that place in the series' list (0: first choice).
        soft_blocks: soft unavailable time it falls on.
        hard_blocks: hard unavailable time it falls on (only a pinned slot can have any).
        pin: the pin that fixes it, if any.
    """

    series: str
    date: dt.date
    start: dt.time
    end: dt.time
    end_date: dt.date
    location: str
    location_rank: int
    soft_blocks: tuple[Block, ...]
    hard_blocks: tuple[Block, ...]
    pin: Pin | None = None

    @property
    def soft_points(self) -> int:
        """Points of the soft unavailable time it falls on."""
        return sum(block.weight or 0 for block in self.soft_blocks)


class FreeDays:
    """Unavailable time and candidate slots of one problem.

    Args:
        problem: the problem.
    """

    def __init__(self, problem: Problem) -> None:
        self.problem = problem
        blocks: list[Block] = []
        for source in problem.unavailable:
            blocks.extend(source.blocks(problem.start, problem.end))
        self.blocks: tuple[Block, ...] = tuple(sorted(blocks, key=_block_order))
        by_day: dict[dt.date, list[Block]] = defaultdict(list)
        for block in self.blocks:
            by_day[block.date].append(block)
        self._by_day = {day: tuple(items) for day, items in by_day.items()}
        self._slots: dict[str, tuple[Slot, ...]] = {}
        self._windows: dict[str, tuple[int, int]] | None = None

    def blocks_on(self, day: dt.date) -> tuple[Block, ...]:
        """Every block on ``day``."""
        return self._by_day.get(day, ())

    def collisions(
        self, series_id: str, day: dt.date, start: dt.time, end: dt.time, end_date: dt.date
    ) -> tuple[Block, ...]:
        """The blocks that apply to ``series_id`` and overlap a meeting at this time."""
        found: list[Block] = []
        for current, first, last in spans(day, start, end, end_date):
            found.extend(
                block
                for block in self.blocks_on(current)
                if block.applies_to(series_id) and block.overlaps(first, last)
            )
        return tuple(found)

    def slots(self, series_id: str) -> tuple[Slot, ...]:
        """The candidate slots of a series, in date order: every day its weekdays and
        windows allow that no hard block touches, plus its pinned days (always)."""
        if series_id not in self._slots:
            self._slots[series_id] = tuple(self._make_slots(self.problem.get_series(series_id)))
        return self._slots[series_id]

    def spread_window(self, series_id: str) -> tuple[int, int]:
        """The first and last index into :meth:`slots` over which the series' spread is
        measured (:func:`~motesplan.planner.objective.spread_windows`: all its slots unless a
        link shifts where it starts or ends)."""
        if self._windows is None:
            self._windows = spread_windows(
                self.problem, lambda s: [slot.date for slot in self.slots(s)]
            )
        return self._windows[series_id]

    def segments(self, series_id: str) -> tuple[Segment, ...]:
        """The parts of a series' slots in which its count holds and its spread is
        measured (:func:`~motesplan.planner.objective.segments`): one for the period,
        or one for each calendar year with a count per year."""
        series = self.problem.get_series(series_id)
        dates = [slot.date for slot in self.slots(series_id)]
        return segments(self.problem, series, dates, self.spread_window(series_id))

    def _make_slots(self, series: Series) -> Iterator[Slot]:
        problem = self.problem
        pins = {pin.date: pin for pin in problem.pins_of(series.id)}
        length = dt.timedelta(days=series.days - 1)
        day = problem.start
        while day + length <= problem.end:
            pin = pins.get(day)
            if pin is not None or series.allows(day):
                start = pin.start if pin is not None and pin.start is not None else series.start
                end = pin.end if pin is not None and pin.end is not None else series.end
                hit = self.collisions(series.id, day, start, end, day + length)
                hard = tuple(block for block in hit if block.hard)
                if pin is not None or not hard:
                    location, rank = _location(series, pin)
                    yield Slot(
                        series=series.id,
                        date=day,
                        start=start,
                        end=end,
                        end_date=day + length,
                        location=location,
                        location_rank=rank,
                        soft_blocks=tuple(block for block in hit if not block.hard),
                        hard_blocks=hard,
                        pin=pin,
                    )
            day += dt.timedelta(days=1)


def location_rank(series: Series, location: str) -> int:
    """Position of ``location`` in the series' list (0 when the series lists none or
    the place is not in the list: a place of its own, as a pin may have)."""
    if location in series.locations:
        return series.locations.index(location)
    return 0


def _location(series: Series, pin: Pin | None) -> tuple[str, int]:
    if pin is not None and pin.location is not None:
        return pin.location, location_rank(series, pin.location)
    return (series.locations[0], 0) if series.locations else ("", 0)


def _block_order(block: Block) -> tuple[dt.date, int, str, str]:
    """Date, time, kind and source; within one source, the order it made them in."""
    return (block.date, minutes(block.start) if block.start else 0, block.kind.value, block.source)
