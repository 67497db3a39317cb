"""Realistic benchmark cases: the meeting year (*sammanträdesplan*) of a Swedish
municipality and of a region, for one year or a whole mandate period of four, and the
Södertörn example stretched over four years.

A municipality's decisions run through hard chains: each committee's working committee
(*arbetsutskott*, AU) prepares the committee (*nämnd*) 7-14 days before it; the
committees' decisions go to the executive board (*kommunstyrelsen*, KS) 14-35 days
later; the board's working committee (KSAU) prepares every board meeting 7-14 days
before it; and the board prepares every council meeting (*kommunfullmäktige*, KF) 14-35
days before it. A region is the same at its size (*regionfullmäktige*, *regionstyrelsen*
and its AU, eight or nine committees with AUs), with the board's other committees,
the council's drafting committees (*beredningar*), joint councils, and some bodies that
meet in two forms (two series of one body).

Every case is deterministic from its seed, and feasible by construction where the
generator can tell: counts are lowered where a series' free days, after its hard links
(only days its preparing series can reach), cannot hold them with room to spare
(:func:`fit_counts`).
"""

from __future__ import annotations

import bisect
import datetime as dt
import graphlib
import random
from collections.abc import Sequence

import attrs

from motesplan import (
    Body,
    BridgeDays,
    ClosedPeriod,
    Count,
    DateRange,
    FreeDays,
    Link,
    Pin,
    Problem,
    PublicHolidays,
    SchoolBreaks,
    Series,
)
from motesplan.planner.unavailable import Unavailable

FIRST_YEAR = 2027
"""The first year of the mandate period 2027-2030 (the elections are in September 2026)."""
ROOM = 0.8
"""A count may use at most this share of what its free days hold."""

WORKDAYS = ("monday", "tuesday", "wednesday", "thursday")
COMMITTEE_TIMES = ("13:00-16:00", "13:30-16:30", "14:00-17:00", "13:00-17:00")
AU_TIMES = ("08:00-10:00", "08:30-10:30", "09:00-11:00", "09:00-12:00")


# ---------------------------------------------------------------------------
# Shared pieces


def easter(year: int) -> dt.date:
    """Easter Sunday (the anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    el = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * el) // 451
    month, day = divmod(h + el - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def _monday(year: int, week: int) -> dt.date:
    return dt.date.fromisocalendar(year, week, 1)


def swedish_unavailable(first: int, last: int, *, sportlov: Sequence[int]) -> list[Unavailable]:
    """A Swedish public body's unavailable time in ``first..last``: public and de facto
    holidays and the afternoons before them, bridge days, the summer break (from the
    Monday after midsummer, week 26, to the Sunday of week 32, mid August) and Christmas
    (21 December to 6 January) closed; the winter sports break (``sportlov`` weeks) and
    the autumn break (week 44) cost 30 points a meeting."""
    years = range(first, last + 1)
    unavailable: list[Unavailable] = [
        PublicHolidays("SE", categories=("public", "de_facto", "bank")),
        BridgeDays("SE"),
        SchoolBreaks({year: tuple(sportlov) for year in years}, name="Sportlov", weight=30),
        SchoolBreaks(dict.fromkeys(years, (44,)), name="Höstlov", weight=30),
    ]
    for year in years:
        unavailable.append(
            ClosedPeriod("Sommaruppehåll", _monday(year, 26), _monday(year, 32) + dt.timedelta(6))
        )
        unavailable.append(
            ClosedPeriod("Jul- och nyårsledighet", dt.date(year - 1, 12, 21), dt.date(year, 1, 6))
        )
    unavailable.append(
        ClosedPeriod("Jul- och nyårsledighet", dt.date(last, 12, 21), dt.date(last, 12, 31))
    )
    return unavailable


def _count(per_year: int | tuple[int, int], years: int) -> Count:
    """A count per year as a count over ``years`` (the model counts the whole period)."""
    if isinstance(per_year, int):
        return Count(per_year * years)
    return Count(per_year[0] * years, per_year[1] * years)


def _gap(per_year: int | tuple[int, int]) -> int:
    """The least gap a body meeting this often keeps (about 40 free weeks a year)."""
    most = per_year if isinstance(per_year, int) else per_year[1]
    if most >= 7:
        return 21
    if most >= 5:
        return 28
    if most >= 3:
        return 42
    return 90


_Extra = tuple[str, str, str, str, int | tuple[int, int], tuple[str, int, int, int] | None]
"""A smaller body: id, name, weekday, hours, meetings a year, and a soft link to a later
series (after, min days, max days, weight) or none."""


@attrs.define
class _Builder:
    """Collects bodies, series and links in an order that reads like the plan."""

    years: int
    bodies: list[Body] = attrs.field(factory=list)
    series: list[Series] = attrs.field(factory=list)
    links: list[Link] = attrs.field(factory=list)

    def add(
        self,
        series_id: str,
        name: str,
        weekdays: str | Sequence[str],
        hours: str,
        per_year: int | tuple[int, int],
        *,
        location: str,
        body: str | None = None,
        days: int = 1,
        within: Sequence[DateRange] = (),
        gap: int | None = None,
    ) -> str:
        """A series (and its body, unless ``body`` names an existing one)."""
        if body is None:
            self.bodies.append(Body(series_id, name))
        start, end = hours.split("-")
        self.series.append(
            Series(
                id=series_id,
                body=body or series_id,
                name=name,
                weekdays=(weekdays,) if isinstance(weekdays, str) else tuple(weekdays),
                start=start,
                end=end,
                count=_count(per_year, self.years),
                days=days,
                within=tuple(within),
                min_gap_days=gap if gap is not None else _gap(per_year),
                locations=(location,),
            )
        )
        return series_id

    def link(
        self, before: str, after: str, low: int, high: int, *, hard: bool = True, weight: int = 10
    ) -> None:
        self.links.append(
            Link(before, after, min_days=low, max_days=high, hard=hard, weight=weight)
        )


def _hard_order(problem: Problem) -> list[str]:
    """Series ids with every series after the series its hard links need."""
    needs = {
        each.id: {link.before for link in problem.links if link.hard and link.after == each.id}
        for each in problem.series
    }
    return list(graphlib.TopologicalSorter(needs).static_order())


def _capacity(dates: Sequence[dt.date], gap: int) -> int:
    """The most meetings these days hold at least ``gap`` days apart (earliest first)."""
    count, last = 0, None
    for day in dates:
        if last is None or (day - last).days >= gap:
            count, last = count + 1, day
    return count


def fit_counts(problem: Problem) -> Problem:
    """Lower the counts that the free days cannot hold with room to spare.

    A series' free days are its candidate slots; after a hard link, only those its
    preparing series' free days can reach (for every hard link into it, in the order
    of the links' chains). A count keeps at most :data:`ROOM` of what they hold with
    the series' least gap (a series confined to windows, as once each November, may
    use every window), and an exact count stays exact."""
    calendar = FreeDays(problem)
    free = {s.id: [slot.date for slot in calendar.slots(s.id)] for s in problem.series}
    for series_id in _hard_order(problem):
        for link in problem.links:
            if not link.hard or link.after != series_id:
                continue
            before = free[link.before]

            def reached(day: dt.date, before: list[dt.date] = before, link: Link = link) -> bool:
                index = bisect.bisect_left(before, day - dt.timedelta(days=link.max_days))
                return index < len(before) and (day - before[index]).days >= link.min_days

            free[series_id] = [day for day in free[series_id] if reached(day)]
    fitted = []
    for each in problem.series:
        capacity = _capacity(free[each.id], each.min_gap_days or 0)
        room = capacity if each.within else int(ROOM * capacity)
        high = min(each.count.max, room)
        low = min(each.count.min, high)
        fitted.append(attrs.evolve(each, count=Count(low, high)))
    return problem.evolve(series=fitted)


# ---------------------------------------------------------------------------
# A municipality

MUNICIPALITY_SERIES = 19
COMMITTEES: tuple[tuple[str, str], ...] = (
    ("bun", "Barn- och utbildningsnämnden"),
    ("soc", "Socialnämnden"),
    ("von", "Vård- och omsorgsnämnden"),
    ("sbn", "Samhällsbyggnadsnämnden"),
    ("kfn", "Kultur- och fritidsnämnden"),
    ("bmn", "Bygg- och miljönämnden"),
    ("tkn", "Tekniska nämnden"),
    ("gvn", "Gymnasie- och vuxenutbildningsnämnden"),
)


def municipality(seed: int, years: int = 1) -> Problem:
    """The meeting year of a municipality of about 19 series from ``FIRST_YEAR``.

    KF (Monday or Thursday evening, 7-9 a year), KS (Tuesday or Wednesday morning,
    9-11), KSAU (mornings, 10-12, 7-14 days before every KS, hard), KS 14-35 days before
    every KF (hard); five or six committees (afternoons, 8-11 a year), each with its own
    AU (mornings, 7-14 days before every committee meeting, hard); two or three of the
    committees send every KS meeting matters 14-35 days before it (hard; they meet about
    as often as KS), the others would like to (soft); then councils and smaller bodies
    up to 19 series (the pensioners' and the disability council and the board's
    personnel committee before KS, the nominating committee and the democracy committee
    before KF, soft; the guardianship committee, the auditors, the crisis committee on
    their own). Every body is its own. ``years`` > 1 multiplies the counts (a mandate
    period)."""
    rng = random.Random(f"municipality {seed}")
    first, last = FIRST_YEAR, FIRST_YEAR + years - 1
    plan = _Builder(years)
    kf_day = rng.choice(("monday", "thursday"))
    ks_day = rng.choice(("tuesday", "wednesday"))
    n_kf = rng.randint(7, 9)
    n_ks = rng.randint(max(9, n_kf), 11)
    n_ksau = rng.randint(max(10, n_ks), 12)

    kf = plan.add(
        "kf",
        "Kommunfullmäktige",
        kf_day,
        "18:00-22:00",
        n_kf,
        location="Kommunhuset, fullmäktigesalen",
    )
    ks = plan.add(
        "ks", "Kommunstyrelsen", ks_day, "09:00-12:00", n_ks, location="Kommunhuset, KS-salen"
    )
    ksau = plan.add(
        "ksau",
        "Kommunstyrelsens arbetsutskott",
        rng.choice(("monday", "tuesday", "wednesday")),
        rng.choice(("08:00-10:00", "08:30-11:30")),
        n_ksau,
        location="Kommunhuset, KS-salen",
    )
    committees = sorted(rng.sample(range(len(COMMITTEES)), rng.choice((5, 6))))
    hard = set(rng.sample(committees, rng.choice((2, 3))))
    feeding: list[tuple[str, bool]] = []
    for index in committees:
        code, name = COMMITTEES[index]
        n = rng.randint(n_ks, 11) if index in hard else rng.randint(8, 11)
        room = f"Kommunhuset, sammanträdesrum {rng.choice(('Ekbacken', 'Sjövik', 'Ängen'))}"
        au = plan.add(
            f"{code}au",
            f"{name}s arbetsutskott",
            rng.choice(WORKDAYS),
            rng.choice(AU_TIMES),
            min(12, n + int(rng.random() < 0.25)),
            location=room,
        )
        committee = plan.add(
            code,
            name,
            rng.choice(WORKDAYS),
            rng.choice(COMMITTEE_TIMES),
            n,
            location=room,
        )
        plan.link(au, committee, 7, 14)
        feeding.append((committee, index in hard))
    plan.link(ksau, ks, 7, 14)
    for committee, is_hard in feeding:
        plan.link(committee, ks, 14, 35, hard=is_hard, weight=10)
    plan.link(ks, kf, 14, 35)

    extras: list[_Extra] = [
        ("ofn", "Överförmyndarnämnden", "thursday", "15:00-17:00", 10, None),
        ("rev", "Kommunens revisorer", "monday", "13:00-16:00", 9, None),
        ("kpr", "Kommunala pensionärsrådet", "wednesday", "13:30-15:30", (4, 5), (ks, 7, 28, 5)),
        (
            "krf",
            "Kommunala rådet för funktionshinderfrågor",
            "thursday",
            "13:30-15:30",
            (4, 5),
            (ks, 7, 28, 5),
        ),
        ("kspu", "Kommunstyrelsens personalutskott", "monday", "10:30-12:00", 6, (ks, 7, 21, 10)),
        ("valb", "Valberedningen", kf_day, "17:00-17:45", (4, 6), (kf, 7, 14, 10)),
        ("demb", "Demokratiberedningen", "tuesday", "17:30-19:30", 6, (kf, 14, 42, 5)),
        ("kln", "Krisledningsnämnden", "wednesday", "13:00-15:00", 2, None),
    ]
    wanted = MUNICIPALITY_SERIES - len(plan.series)
    chosen = sorted(rng.sample(range(len(extras)), wanted))
    for index in chosen:
        code, name, day, hours, per_year, link = extras[index]
        plan.add(code, name, day, hours, per_year, location="Kommunhuset")
        if link is not None:
            after, low, high, weight = link
            plan.link(code, after, low, high, hard=False, weight=weight)

    span = "" if years == 1 else f"–{last}"
    problem = Problem(
        name=f"Sjöbacka kommun {first}{span}",
        start=dt.date(first, 1, 1),
        end=dt.date(last, 12, 31),
        series=plan.series,
        bodies=plan.bodies,
        links=plan.links,
        unavailable=swedish_unavailable(first, last, sportlov=(rng.choice((8, 9)),)),
    )
    return fit_counts(problem)


# ---------------------------------------------------------------------------
# A region

REGION_COMMITTEES: tuple[tuple[str, str], ...] = (
    ("hsn", "Hälso- och sjukvårdsnämnden"),
    ("tn", "Trafiknämnden"),
    ("kn", "Kulturnämnden"),
    ("trn", "Tillväxt- och regionplanenämnden"),
    ("fsn", "Fastighets- och servicenämnden"),
    ("run", "Regionala utvecklingsnämnden"),
    ("nss", "Norra sjukvårdsstyrelsen"),
    ("sss", "Södra sjukvårdsstyrelsen"),
    ("ftn", "Folkhälso- och tandvårdsnämnden"),
)


def region(seed: int, years: int = 1) -> Problem:
    """The meeting year of a region, about 40 series from ``FIRST_YEAR``.

    Regionfullmäktige (RF, Tuesdays, 8-10 a year, and its two-day budget meeting in
    November), regionstyrelsen (RS, Tuesday or Wednesday morning, 10-12, and its
    information meetings, a second series of the same body), RS's working committee
    (7-14 days before every RS, hard), RS 14-35 days before every RF and the budget
    meeting (hard); RS's four other committees (soft, before RS); eight or nine
    committees, each with its AU (7-14 days before, hard), of which the health care
    committee, the transport committee and one more send every RS meeting matters
    14-35 days before it (hard), the others softly; the health care committee's
    seminars (its second series); RF's three drafting committees (soft, before RF);
    three joint councils, two advisory councils (before RS, soft), the auditors, the
    patients' committee, the nominating committee (before RF, soft) and the crisis
    committee. ``years`` > 1 multiplies the counts (a mandate period)."""
    rng = random.Random(f"region {seed}")
    first, last = FIRST_YEAR, FIRST_YEAR + years - 1
    plan = _Builder(years)
    house = "Regionens hus"
    rs_day = rng.choice(("tuesday", "wednesday"))
    n_rf = rng.randint(8, 10)
    n_rs = rng.randint(max(10, n_rf), 12)

    rf = plan.add(
        "rf", "Regionfullmäktige", "tuesday", "10:00-17:00", n_rf, location=f"{house}, plenisalen"
    )
    budget = plan.add(
        "rfb",
        "Regionfullmäktige, budgetsammanträde",
        "tuesday",
        "09:00-18:00",
        1,
        body=rf,
        days=2,
        within=[
            DateRange(dt.date(year, 11, 8), dt.date(year, 11, 30), "november")
            for year in range(first, last + 1)
        ],
        gap=300,
        location=f"{house}, plenisalen",
    )
    rs = plan.add(
        "rs", "Regionstyrelsen", rs_day, "10:00-13:00", n_rs, location=f"{house}, styrelserummet"
    )
    plan.add(
        "rsi",
        "Regionstyrelsen, information och beredning",
        rng.choice(("monday", "thursday")),
        "13:00-16:00",
        6,
        body=rs,
        location=f"{house}, styrelserummet",
    )
    rsau = plan.add(
        "rsau",
        "Regionstyrelsens arbetsutskott",
        rng.choice(("monday", "tuesday", "wednesday")),
        "08:30-10:30",
        rng.randint(max(11, n_rs), 12),
        location=f"{house}, styrelserummet",
    )
    plan.link(rsau, rs, 7, 14)
    for code, name, per_year, high, weight in (
        ("rsep", "Regionstyrelsens ekonomi- och planeringsutskott", 8, 21, 10),
        ("rspu", "Regionstyrelsens personalutskott", 6, 21, 10),
        ("rsiu", "Regionstyrelsens innovationsutskott", 5, 28, 5),
        ("rsagu", "Regionstyrelsens ägarutskott", 5, 28, 5),
    ):
        plan.add(
            code,
            name,
            rng.choice(WORKDAYS),
            rng.choice(AU_TIMES),
            per_year,
            location=f"{house}, sammanträdesrum {rng.randint(1, 6)}",
        )
        plan.link(code, rs, 7, high, hard=False, weight=weight)

    chosen = [0, 1, *sorted(rng.sample(range(2, len(REGION_COMMITTEES)), rng.choice((6, 7))))]
    hard = {0, 1, rng.choice(chosen[2:])}
    for index in chosen:
        code, name = REGION_COMMITTEES[index]
        n = rng.randint(n_rs, max(n_rs, 11)) if index in hard else rng.randint(8, 11)
        room = f"{house}, sammanträdesrum {rng.randint(1, 6)}"
        au = plan.add(
            f"{code}au",
            f"{name}s arbetsutskott",
            rng.choice(WORKDAYS),
            rng.choice(AU_TIMES),
            min(12, n + int(rng.random() < 0.25)),
            location=room,
        )
        day = rng.choice(WORKDAYS)
        committee = plan.add(code, name, day, rng.choice(COMMITTEE_TIMES), n, location=room)
        plan.link(au, committee, 7, 14)
        plan.link(committee, rs, 14, 35, hard=index in hard, weight=10)
        if code == "hsn":  # the health care committee also meets for seminars
            plan.add(
                "hsns",
                "Hälso- och sjukvårdsnämndens seminarium",
                day,
                "09:00-12:00",
                4,
                body=committee,
                location=room,
            )
    plan.link(rs, rf, 14, 35)
    plan.link(rs, budget, 14, 35)

    others: list[_Extra] = [
        ("demb", "Demokratiberedningen", "thursday", "13:00-16:00", 6, (rf, 14, 42, 5)),
        (
            "mrb",
            "Beredningen för mänskliga rättigheter",
            "monday",
            "13:00-15:30",
            5,
            (rf, 14, 42, 5),
        ),
        ("fhb", "Folkhälsoberedningen", "wednesday", "13:00-15:30", 5, (rf, 14, 42, 5)),
        ("ssg", "Samverkansnämnden Stockholm–Gotland", "friday", "10:00-12:00", 4, None),
        ("psr", "Politiskt samråd region–kommuner", "friday", "09:00-11:00", 5, (rs, 7, 28, 5)),
        ("ghn", "Gemensamma hjälpmedelsnämnden", "thursday", "13:00-15:00", 5, None),
        ("rpr", "Regionala pensionärsrådet", "wednesday", "13:00-15:00", 5, (rs, 7, 28, 5)),
        (
            "rfr",
            "Regionala rådet för funktionshinderfrågor",
            "thursday",
            "09:30-12:00",
            5,
            (rs, 7, 28, 5),
        ),
        ("rev", "Revisorskollegiet", "monday", "13:00-16:00", 10, None),
        ("pan", "Patientnämnden", "wednesday", "14:00-16:00", 8, None),
        ("valb", "Valberedningen", "tuesday", "08:00-09:00", (4, 6), (rf, 7, 14, 10)),
        ("kln", "Krisledningsnämnden", "wednesday", "13:00-15:00", 2, None),
    ]
    for code, name, weekday, hours, meetings, link in others:
        plan.add(code, name, weekday, hours, meetings, location=house)
        if link is not None:
            after, low, high, weight = link
            plan.link(code, after, low, high, hard=False, weight=weight)

    span = "" if years == 1 else f"–{last}"
    problem = Problem(
        name=f"Region Mälarlanda {first}{span}",
        start=dt.date(first, 1, 1),
        end=dt.date(last, 12, 31),
        series=plan.series,
        bodies=plan.bodies,
        links=plan.links,
        # a region's municipalities take their winter sports break in week 8 or 9
        unavailable=swedish_unavailable(first, last, sportlov=(8, 9)),
    )
    return fit_counts(problem)


# ---------------------------------------------------------------------------
# Södertörn over several years


def _shift_week(day: dt.date, year: int) -> dt.date:
    """The same ISO weekday of the same ISO week in ``year``."""
    _, week, weekday = day.isocalendar()
    return dt.date.fromisocalendar(year, week, weekday)


def stretch_years(example: Problem, years: int) -> Problem:
    """The Södertörn example (one year) over ``years`` years from its own.

    Counts are multiplied by the years. The unavailable time is rebuilt for every
    year: the holidays and bridge days as they are; each school break in the same ISO
    week every year, except Easter's (påsklov), which keeps its distance in weeks
    from Easter (in 2024 the week after it); the closed periods at Christmas (in
    December or January) on the same dates, the others (the summer) in the same ISO
    weeks on the same weekdays. A series' windows (the planning conference in January)
    repeat every year, and a series with one meeting a year in such a window gets a
    least gap of 300 days, so it meets once in each. Pins repeat every year on the same
    weekday of the same ISO week, where that day is in the period."""
    first = example.start.year
    all_years = range(first, first + years)
    unavailable: list[Unavailable] = []
    for source in example.unavailable:
        if isinstance(source, SchoolBreaks):
            weeks = dict(source.weeks)
            base = weeks[first]
            if "påsk" in source.name.lower():
                offset = [week - easter(first).isocalendar()[1] for week in base]
                per_year = {
                    year: tuple(easter(year).isocalendar()[1] + o for o in offset)
                    for year in all_years
                }
            else:
                per_year = dict.fromkeys(all_years, base)
            unavailable.append(attrs.evolve(source, weeks=per_year))
        elif isinstance(source, ClosedPeriod):
            # Christmas (late December, early January) keeps its dates, the summer its weeks
            by_date = source.start.month in (1, 12) or source.end.month in (1, 12)
            for year in all_years:
                if not by_date:
                    start, end = _shift_week(source.start, year), _shift_week(source.end, year)
                else:
                    start = source.start.replace(year=year + source.start.year - first)
                    end = source.end.replace(year=year + source.end.year - first)
                unavailable.append(attrs.evolve(source, start=start, end=end))
        else:
            unavailable.append(source)
    series = []
    for each in example.series:
        count = Count(each.count.min * years, each.count.max * years, each.count.preferred * years)
        within = tuple(
            DateRange(
                window.start.replace(year=year + window.start.year - first),
                window.end.replace(year=year + window.end.year - first),
                window.name,
            )
            for year in all_years
            for window in each.within
        )
        gap = each.min_gap_days
        if each.within and each.count.max == len(each.within):
            gap = max(gap or 0, 300)
        series.append(attrs.evolve(each, count=count, within=within, min_gap_days=gap))
    end = example.end.replace(year=example.end.year + years - 1)
    pins: list[Pin] = []
    for pin in example.pins:
        for year in all_years:
            day = _shift_week(pin.date, year)
            if example.start <= day <= end:
                pins.append(attrs.evolve(pin, date=day))
    return example.evolve(
        name=f"{example.name} {first}–{first + years - 1}",
        end=end,
        series=series,
        unavailable=unavailable,
        pins=pins,
    )
