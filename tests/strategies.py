"""Hypothesis strategies shared by the property tests: random small meeting problems and
random small chair rotations.

The keyword arguments set the ranges and the optional parts; the defaults are those of the
tests that compare the solver with the checker (test_solver.py, test_rotation.py). The
tests of explanations pass their own, to get problems that are often impossible."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Literal

from hypothesis import reject
from hypothesis import strategies as st

from motesplan import (
    Agreement,
    Body,
    ClosedDates,
    ClosedPeriod,
    Count,
    DateRange,
    Exclusion,
    Grouping,
    Link,
    Member,
    Milestone,
    Pin,
    Problem,
    Role,
    RotationProblem,
    Series,
    Term,
    ValidationError,
)
from motesplan.planner.unavailable import Unavailable

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday")
"""The weekdays a random series may meet on (one or two of them)."""

LOCATIONS: tuple[tuple[str, ...], ...] = ((), ("A",), ("A", "B"))
"""The lists of places a random series may use."""

ROLES = ("chair", "vice_chair", "both")
"""The roles a random exclusion may name."""

# -- meeting problems ----------------------------------------------------------------


@st.composite
def problems(
    draw: st.DrawFn,
    *,
    max_length: int = 180,
    latest_hour: int = 15,
    max_low: int = 4,
    min_gaps: Sequence[int | None] = (None, 7, 14),
    max_gaps: Sequence[int | None] = (None, 35, 60),
    windows: bool = False,
    locations: bool = True,
    link_spread: int = 14,
    closed_weights: Sequence[int | None] = (None, None, 50),
    closed_dates: bool = False,
    afternoons: bool = False,
    pins: Literal["first", "any"] = "first",
    municipal: bool = False,
) -> Problem:
    """A random problem of one to three series over four weeks or more from some day of 2024.

    Args:
        draw: given by Hypothesis.
        max_length: the most days of the period, 28 at the least.
        latest_hour: the latest hour a meeting may start.
        max_low: the largest least count of a series (the most is up to 2 above it).
        min_gaps: the least days between meetings of a series to draw from.
        max_gaps: the most days between meetings of a series to draw from.
        windows: whether half of the series have a `within` or `excluding` date range.
        locations: whether each series has a list of places from :data:`LOCATIONS`.
        link_spread: the most days a link's window spans.
        closed_weights: the weights of the closed period to draw from (None: hard).
        closed_dates: whether some random single days are closed as well.
        afternoons: whether afternoons are closed (hard or soft) from some day to the end.
        pins: "first": half of the problems pin one meeting of the first series, never
            one it cannot have; "any": up to three pins on any series, some at 7:00 or
            16:00 whatever the series' own time.
        municipal: the municipal year too: half of the series count per year (the
            period may cross New Year), some ask for a reserve date, and half of the
            problems have a milestone (at least one meeting of a series in a window).
    """
    start = dt.date(2024, 1, 1) + dt.timedelta(days=draw(st.integers(0, 300)))
    length = draw(st.integers(28, max_length))
    end = start + dt.timedelta(days=length)
    n_series = draw(st.integers(1, 3))
    bodies = tuple(Body(f"b{i}") for i in range(draw(st.integers(1, n_series))))
    series = []
    for i in range(n_series):
        hour = draw(st.integers(8, latest_hour))
        low = draw(st.integers(0, max_low))
        high = low + draw(st.integers(0, 2))
        per = draw(st.sampled_from(("period", "year"))) if municipal else "period"
        reserve = draw(st.sampled_from((0, 0, 1))) if municipal else 0
        within, excluding = _window(draw, start, length) if windows else ((), ())
        series.append(
            Series(
                id=f"s{i}",
                body=bodies[draw(st.integers(0, len(bodies) - 1))].id,
                name=f"Serie {i}",
                weekdays=draw(st.lists(st.sampled_from(WEEKDAYS), min_size=1, max_size=2)),
                start=dt.time(hour),
                end=dt.time(hour + draw(st.integers(1, 3))),
                count=Count(low, high, per=per),
                reserve=reserve,
                days=draw(st.sampled_from((1, 1, 1, 2))),
                min_gap_days=draw(st.sampled_from(min_gaps)),
                max_gap_days=draw(st.sampled_from(max_gaps)),
                within=within,
                excluding=excluding,
                locations=draw(st.sampled_from(LOCATIONS)) if locations else (),
            )
        )
    links = []
    for i in range(1, n_series):
        if draw(st.booleans()):
            least = draw(st.integers(0, 21))
            most = least + draw(st.integers(0, link_spread))
            links.append(Link(f"s{i - 1}", f"s{i}", least, most, hard=draw(st.booleans())))
    closed = start + dt.timedelta(days=draw(st.integers(0, length)))
    unavailable: list[Unavailable] = [
        ClosedPeriod(
            "Stängt",
            closed,
            closed + dt.timedelta(days=draw(st.integers(0, 20))),
            weight=draw(st.sampled_from(closed_weights)),
        )
    ]
    if closed_dates:
        offsets = draw(st.lists(st.integers(0, length)))
        unavailable.append(ClosedDates("Enstaka", [start + dt.timedelta(d) for d in offsets]))
    if afternoons:
        unavailable.append(
            ClosedPeriod(
                "Eftermiddagar",
                start + dt.timedelta(days=draw(st.integers(0, length))),
                end,
                start_time="12:00",
                end_time="17:00",
                weight=draw(st.sampled_from((None, 10))),
            )
        )
    pinned = (_pins_anywhere if pins == "any" else _pin_on_first)(draw, series, start, end)
    milestones = []
    if municipal and draw(st.booleans()):
        first = start + dt.timedelta(days=draw(st.integers(0, length - 7)))
        last = min(first + dt.timedelta(days=draw(st.integers(7, 40))), end)
        milestones.append(
            Milestone(f"s{draw(st.integers(0, n_series - 1))}", "Budget", first, last)
        )
    try:
        return Problem(
            "Slump",
            start,
            end,
            series=series,
            bodies=bodies,
            links=links,
            unavailable=unavailable,
            pins=pinned,
            milestones=milestones,
        )
    except ValidationError:  # e.g. a count the period cannot hold: not the solver's business
        reject()


def _window(
    draw: st.DrawFn, start: dt.date, length: int
) -> tuple[tuple[DateRange, ...], tuple[DateRange, ...]]:
    """Half the time one date range, as (within, excluding) of a series."""
    if not draw(st.booleans()):
        return (), ()
    first = start + dt.timedelta(days=draw(st.integers(0, length)))
    name = draw(st.sampled_from(("within", "excluding")))
    window = (DateRange(first, first + dt.timedelta(days=draw(st.integers(7, 40)))),)
    return (window, ()) if name == "within" else ((), window)


def _first_weekday(series: Series, day: dt.date) -> dt.date:
    """``day`` or the first day after it on which ``series`` meets."""
    while day.weekday() not in series.weekdays:
        day += dt.timedelta(days=1)
    return day


def _pin_on_first(
    draw: st.DrawFn, series: Sequence[Series], start: dt.date, end: dt.date
) -> list[Pin]:
    """Half the time one pin of the first series, if it may meet and the meeting fits."""
    first = series[0]
    if not draw(st.booleans()) or first.count.max == 0:
        return []
    day = _first_weekday(first, start + dt.timedelta(days=draw(st.integers(0, (end - start).days))))
    if day + dt.timedelta(days=first.days - 1) > end:
        return []
    return [Pin(first.id, day)]


def _pins_anywhere(
    draw: st.DrawFn, series: Sequence[Series], start: dt.date, end: dt.date
) -> list[Pin]:
    """Up to three pins on days the series allow, some at 7:00 or 16:00."""
    pins: list[Pin] = []
    for offset in draw(st.lists(st.integers(0, (end - start).days), max_size=3)):
        each = series[draw(st.integers(0, len(series) - 1))]
        day = _first_weekday(each, start + dt.timedelta(days=offset))
        taken = {(p.series, p.date) for p in pins}
        if day <= end and each.allows(day) and (each.id, day) not in taken:
            hour = draw(st.sampled_from((None, 7, 16)))
            if hour is None:
                pins.append(Pin(each.id, day))
            else:
                pins.append(Pin(each.id, day, start=dt.time(hour), end=dt.time(hour + 1)))
    return pins


# -- rotations -----------------------------------------------------------------------


@st.composite
def rotation_problems(
    draw: st.DrawFn,
    *,
    members: tuple[int, int] = (3, 9),
    max_extra_years: int = 5,
    history_from: int = 2012,
    max_history: int = 8,
    max_exclusions: int = 4,
    max_agreements: int = 1,
    labels: str = "xyz",
    groups_by_coin: bool = True,
    order_options: bool = True,
) -> RotationProblem:
    """A random rotation of members ``m0``, ``m1``, … from 2024, with a known history.

    Args:
        draw: given by Hypothesis.
        members: the least and the most members.
        max_extra_years: the most years after the first (2024).
        history_from: the earliest year of the history.
        max_history: the most years of history.
        max_exclusions: the most exclusions.
        max_agreements: the most agreements.
        labels: the group labels to draw from for the members.
        groups_by_coin: whether a coin first decides if there are groupings at all
            (otherwise up to two years have one, maybe none).
        order_options: whether the turn order, deriving it, and the
            succession weight are drawn as well (otherwise the model's defaults).
    """
    n = draw(st.integers(*members))
    ids = [f"m{i}" for i in range(n)]
    first = 2024
    last = first + draw(st.integers(0, max_extra_years))
    years = list(range(first, last + 1))
    member = st.sampled_from(ids)
    history = []
    for year in draw(
        st.lists(st.integers(history_from, first - 1), unique=True, max_size=max_history)
    ):
        chair = draw(st.none() | member)
        vice = draw(st.none() | st.sampled_from([m for m in ids if m != chair]))
        history.append(Term(year, chair, vice))
    exclusions = draw(
        st.lists(
            st.builds(Exclusion, member, st.sampled_from(years), st.sampled_from(ROLES)),
            max_size=max_exclusions,
        )
    )
    agreements = draw(
        st.lists(
            st.builds(Agreement, member, st.sampled_from(years), st.sampled_from(list(Role))),
            max_size=max_agreements,
        )
    )
    groups = []
    if not groups_by_coin or draw(st.booleans()):
        for year in draw(st.lists(st.sampled_from(years), unique=True, max_size=2)):
            drawn = draw(st.lists(st.sampled_from(labels), min_size=n, max_size=n))
            groups.append(Grouping(year, dict(zip(ids, drawn, strict=True))))
    succession = draw(st.booleans())
    order: list[str] = []
    derive, weight = True, 100
    if order_options:
        derive = draw(st.booleans())
        order = draw(st.permutations(ids)) if not derive or draw(st.booleans()) else []
        weight = draw(st.sampled_from([0, 3, 100]))
    try:
        return RotationProblem(
            "K",
            [Member(m) for m in ids],
            first,
            last,
            history=history,
            order=order,
            derive_order=derive,
            exclusions=exclusions,
            agreements=agreements,
            groups=groups,
            succession=succession,
            succession_weight=weight,
        )
    except ValidationError:
        reject()
