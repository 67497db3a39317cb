"""Why no plan exists: a small set of hard rules that cannot all hold together.

The explaining model is the planning model itself (:class:`PlanModel`, where every
hard rule is written once) with each group of rules, as the user states them,
guarded by its own Boolean (:class:`RuleGroup`, of a kind :class:`Guard`):

=================  =====================================  ==========================
rule               group                                  item (and field)
=================  =====================================  ==========================
``count``          a series' least / most meetings        a series (``count``)
``min_gap``        a series' least days between meetings  a series (``min_gap_days``)
``max_gap``        a series' most days between meetings   a series (``max_gap_days``)
``link``           a hard link                            a link
``pin``            a pin                                  a pin
``unavailable``    one source of hard unavailable time    the source
``window``         a series' ``within`` / ``excluding``   a series (``within``)
``overlap``        no two meetings of a body overlap      a body
=================  =====================================  ==========================

Each rule of the explanation names its item of the problem and the field; the item's
:class:`~motesplan.Source` (set by the configuration reader) tells where it was stated.

A series' weekdays, times and length and the plan period define the series and
always hold. :class:`GuardedModel` has one Boolean per day a series could meet on
by its weekdays alone (days blocked by unavailable time and outside its windows
included, so that those rules can be named), the gap rules as windows of days
instead of the planner's spread path, and no objective, so it is small.

The search (the shrinking loop of ``solver/conflict.py``, shared with the
rotation): CP-SAT solves the model with every group's Boolean as an *assumption*
and returns a first core. A model of the core's series alone is then built (a
conflict is nearly always about two or three series of a long chain), and the core
is shrunk by deletion there, each solve without presolve. Groups that explain least
are tried first (overlap, windows, unavailable time, gaps ...), so the rules that
remain are the ones people think in: counts, pins and links.

Finally, for each source of unavailable time in the conflict, the same deletion
over its single blocked days finds the dates that matter, which the text names
("10 maj (Klämdag)"). In a conflict of counting days only (too many meetings for
the free days) every blocked day counts, and the text says how many are free.

A minimal explanation means: with every other rule of the problem dropped, these
rules cannot hold together, and dropping any one of them makes the rest possible.
When the problem has one conflict only (the usual case), removing any one of them
from the configuration therefore makes a plan possible; when it has several, the
next one shows once this one is resolved.
"""

from __future__ import annotations

import datetime as dt
import time
from collections import defaultdict
from collections.abc import Collection, Iterable, Sequence
from typing import Any, TypeAlias

from motesplan.planner.explanation import ConflictRule, Explanation
from motesplan.planner.freedays import FreeDays, Slot, spans
from motesplan.planner.objective import Segment
from motesplan.planner.plan import Result, Status
from motesplan.planner.problem import DateRange, Link, Problem, Series
from motesplan.planner.reserve import Shortfall
from motesplan.planner.rules import Rule
from motesplan.planner.unavailable import (
    Block,
    BlockKind,
    BridgeDays,
    ClosedPeriod,
    PublicHolidays,
    SchoolBreaks,
)
from motesplan.solver.conflict import first_core, shrink
from motesplan.solver.planner.model import Guard, Part, PlanModel, RuleGroup
from motesplan.solver.sat import make_solver, status_of
from motesplan.text import (
    Capitalized,
    DateSpan,
    DayMonth,
    Joined,
    Listing,
    Message,
    TimeRange,
    WeekdayList,
    counted,
    message,
)

__all__ = ["GuardedModel", "explain", "reserve_shortfall"]

Lit: TypeAlias = Any  # an OR-Tools Boolean variable

PRESOLVE_NARROW = True
MAX_DATES = 8
"""At most this many dates are named per rule; the rest are counted."""

_WINDOWS = (Guard.WITHIN, Guard.EXCLUDING)


class GuardedModel(PlanModel):
    """The hard rules of some series, each rule group guarded; no objective.

    Args:
        problem: the problem.
        free_days: its free_days (for the planning model's interface; the unavailable
            time is read here by source, so that each source can be named).
        series: the series to look at.
    """

    def __init__(self, problem: Problem, free_days: FreeDays, series: Sequence[Series]) -> None:
        self.groups: dict[RuleGroup, Lit] = {}
        # (source index, date) -> "this day of this source blocks"; what blocks it
        self.days: dict[tuple[int, dt.date], Lit] = {}
        self.day_blocks: dict[tuple[int, dt.date], list[Block]] = defaultdict(list)
        # per slot: the (source, day)s of hard unavailable time it touches, the
        # windows it is outside of
        self.hits: dict[Slot, frozenset[tuple[int, dt.date]]] = {}
        self.outside: dict[Slot, frozenset[Guard]] = {}
        self._hard = _hard_blocks(problem)
        super().__init__(problem, free_days, series)
        for (source, _), day in sorted(self.days.items(), key=lambda item: item[0]):
            self.model.add_implication(self.guard(Guard.UNAVAILABLE, source), day)

    # -- groups ------------------------------------------------------------

    def guard(self, kind: Guard, index: int, year: int = 0) -> Lit:
        """The Boolean of a rule group, made on first use."""
        key = RuleGroup(kind, index, year)
        if key not in self.groups:
            self.groups[key] = self.model.new_bool_var(f"{kind.word}[{index}]{year or ''}")
        return self.groups[key]

    # -- where the planning model differs -------------------------------------

    def _make_slots(self, series: Series, number: int) -> tuple[tuple[Slot, Lit], ...]:
        """Every day the series' weekdays allow (and every pinned day), each guarded by
        the windows and the unavailable time it falls on. A pin with its own time adds
        a second slot that exists only with the pin (and the pin keeps the series off
        its own time that day)."""
        problem, model = self.problem, self.model
        pins = {pin.date: pin for pin in problem.pins_of(series.id)}
        length = dt.timedelta(days=series.days - 1)
        pairs: list[tuple[Slot, Lit]] = []
        day = problem.start
        while day + length <= problem.end:
            pin = pins.get(day)
            if day.weekday() in series.weekdays or pin is not None:
                start = pin.start if pin is not None and pin.start is not None else series.start
                end = pin.end if pin is not None and pin.end is not None else series.end
                own_time = (start, end) != (series.start, series.end)
                plain: Lit | None = None
                if day.weekday() in series.weekdays:
                    slot = self._slot(
                        series, day, series.start, series.end, None if own_time else pin
                    )
                    plain = self._option(series, number, slot)
                    pairs.append((slot, plain))
                if pin is not None and own_time:
                    slot = self._slot(series, day, start, end, pin)
                    chosen = self._option(series, number, slot)
                    pairs.append((slot, chosen))
                    pinned = self.guard(Guard.PIN, self._pins[pin])
                    model.add_implication(chosen, pinned)
                    if plain is not None:
                        model.add_implication(pinned, plain.Not())
            day += dt.timedelta(days=1)
        return tuple(pairs)

    def _slot(self, series: Series, day: dt.date, start: dt.time, end: dt.time, pin: Any) -> Slot:
        end_date = day + dt.timedelta(days=series.days - 1)
        return Slot(series.id, day, start, end, end_date, "", 0, (), (), pin)

    def _option(self, series: Series, number: int, slot: Slot) -> Lit:
        """The Boolean of one slot, with its windows and unavailable time."""
        model = self.model
        chosen = model.new_bool_var(f"{slot.series}@{slot.date}")
        days = [slot.date + dt.timedelta(days=k) for k in range(series.days)]
        outside: set[Guard] = set()
        if series.within and not all(any(d in w for w in series.within) for d in days):
            outside.add(Guard.WITHIN)
        if any(d in gap for d in days for gap in series.excluding):
            outside.add(Guard.EXCLUDING)
        for kind in sorted(outside):
            model.add_implication(chosen, self.guard(kind, number).Not())
        self.outside[slot] = frozenset(outside)
        hits: set[tuple[int, dt.date]] = set()
        for current, first, last in spans(slot.date, slot.start, slot.end, slot.end_date):
            for index, block in self._hard.get(current, ()):
                if block.applies_to(series.id) and block.overlaps(first, last):
                    hits.add((index, current))
                    self.day_blocks[(index, current)].append(block)
        self.hits[slot] = frozenset(hits)
        for key in sorted(hits):
            if key not in self.days:
                self.days[key] = model.new_bool_var(f"blocked{key}")
            model.add_bool_or([chosen.Not(), self.days[key].Not()])
        return chosen

    def _count(self, series: Series, pairs: Sequence[tuple[Slot, Lit]]) -> Lit:
        """The count as an integer: guarded bounds on it propagate at once."""
        days = len({slot.date for slot, _ in pairs})
        count = self.model.new_int_var(0, days, f"count {series.id}")
        self.model.add(count == sum(chosen for _, chosen in pairs))
        return count

    def _add_gaps(self, series: Series, number: int, pairs: Sequence[tuple[Slot, Lit]]) -> None:
        if series.min_gap_days is not None and series.min_gap_days > 1:
            self._add_min_gap(number, series.min_gap_days, pairs)
        if series.max_gap_days is not None:
            self._add_max_gap(number, series.max_gap_days, pairs)

    def _add_count_term(self, series: Series, count: Lit, segment: Segment) -> None:
        """No objective."""

    def _add_slot_terms(self, series: Series, pairs: Sequence[tuple[Slot, Lit]]) -> None:
        """No objective."""

    def _add_soft_link(self, link: Link) -> None:
        """Soft links are not rules."""

    def _minimise(self) -> None:
        """No objective."""

    # -- solving -------------------------------------------------------------

    def test(self, rules: Sequence[Lit], seconds: float) -> tuple[Status, set[Lit]]:
        """Solve with exactly ``rules`` on (a test of ``solver/conflict.py``); when
        infeasible, also the rules of CP-SAT's core.

        Every pin not among ``rules`` is assumed *off*: a rule left out must be as if
        removed from the problem, and a pin with its own time also adds a way to meet
        (at that time), which a free literal could still use.
        """
        assumed = {lit.index for lit in rules}
        dropped = [
            lit.Not()
            for group, lit in sorted(self.groups.items())
            if group.kind is Guard.PIN and lit.index not in assumed
        ]
        self.model.clear_assumptions()
        self.model.add_assumptions([*rules, *dropped])
        # the full LP of the windows and counts proves most conflicts of counting at once
        solver = make_solver(seconds, lp=True, presolve=self.presolve)
        status = status_of(solver.solve(self.model), solver)
        if status is not Status.INFEASIBLE:
            return status, set()
        core = set(solver.sufficient_assumptions_for_infeasibility())
        return status, {lit for lit in rules if lit.index in core}

    presolve = True
    """Whether the solves use CP-SAT's presolve (worth it on a whole part's model, not
    on the small model of a core)."""


def _hard_blocks(problem: Problem) -> dict[dt.date, list[tuple[int, Block]]]:
    """The hard blocks of every source of unavailable time, by day, with the source."""
    by_day: dict[dt.date, list[tuple[int, Block]]] = defaultdict(list)
    for index, source in enumerate(problem.unavailable):
        for block in source.blocks(problem.start, problem.end):
            if block.hard:
                by_day[block.date].append((index, block))
    return by_day


def _core_series(
    problem: Problem, part: Sequence[Series], core: Collection[RuleGroup]
) -> list[Series]:
    """The series of ``part`` the rules of a core are about."""
    ids: set[str] = set()
    for group in core:
        item = group.item(problem)
        if isinstance(item, Series):
            ids.add(item.id)
        elif isinstance(item, Link):
            ids |= {item.before, item.after}
        elif group.kind is Guard.PIN:
            ids.add(problem.pins[group.index].series)
        elif group.kind is Guard.MILESTONE:
            ids.add(problem.milestones[group.index].series)
        elif group.kind is Guard.OVERLAP:
            body = problem.bodies[group.index].id
            ids |= {series.id for series in part if series.body == body}
    return [series for series in part if series.id in ids]


def explain(
    problem: Problem,
    series: Sequence[Series] | None = None,
    *,
    time_limit: float = 5.0,
    free_days: FreeDays | None = None,
) -> Explanation[Rule] | None:
    """A small set of the hard rules of ``problem`` that cannot hold together.

    Args:
        problem: the problem.
        series: the series to look at (one independent part; default: all of them).
        time_limit: seconds for the whole explanation.
        free_days: the problem's free_days, when the caller has one.

    Returns:
        The explanation, or ``None`` when the rules hold together after all or no
        conflict was found within the time limit.
    """
    deadline = time.perf_counter() + time_limit
    free_days = free_days or FreeDays(problem)
    part = list(series if series is not None else problem.series)
    model = GuardedModel(problem, free_days, part)
    groups = sorted(model.groups, key=lambda g: (g.kind.dropped, g.index))
    found = first_core(model.test, [model.groups[group] for group in groups], deadline)
    if found is None:
        return None
    by_index = {model.groups[group].index: group for group in groups}
    core = [by_index[lit.index] for lit in found]
    # the core's series alone: a smaller model, solved without presolve
    small = _core_series(problem, part, core)
    if len(small) < len(part):
        narrow = GuardedModel(problem, free_days, small)
        narrow.presolve = False
        if all(group in narrow.groups for group in core):
            literals = [narrow.groups[group] for group in core]
            if narrow.test(literals, deadline - time.perf_counter())[0] is Status.INFEASIBLE:
                model, found = narrow, literals
    kept, minimal = shrink(model.test, found, deadline)
    by_index = {lit.index: group for group, lit in model.groups.items()}
    core = sorted(by_index[lit.index] for lit in kept)
    if _counting(core):
        dates = _counted_dates(model, core)
    else:
        dates = _dates_that_matter(model, core, deadline)
    return _Words(problem, model).explanation(core, dates, minimal)


def _counting(core: Sequence[RuleGroup]) -> bool:
    """Whether the conflict is one of counting days: too many meetings for the days
    that unavailable time (and the windows) leave free."""
    unavailable = any(g.kind is Guard.UNAVAILABLE for g in core)
    return unavailable and all(g.kind.counting for g in core)


def _possible(model: GuardedModel, core: Sequence[RuleGroup]) -> list[Slot]:
    """The days the least counts of the conflict could use by the windows in it."""
    windows = {(g.kind, g.index) for g in core if g.kind in _WINDOWS}
    found: list[Slot] = []
    for group in core:
        if group.kind is not Guard.COUNT_MIN:
            continue
        series = model.problem.series[group.index]
        found.extend(
            option
            for option, _ in model.slots[series.id]
            if option.pin is None
            and (not group.year or option.date.year == group.year)
            and not any((kind, group.index) in windows for kind in model.outside[option])
        )
    return found


def _counted_dates(model: GuardedModel, core: Sequence[RuleGroup]) -> dict[int, list[dt.date]]:
    """In a conflict of counting days, every day each source takes away counts."""
    possible = _possible(model, core)
    return {
        group.index: sorted(
            {
                day
                for option in possible
                for source, day in model.hits[option]
                if source == group.index
            }
        )
        for group in core
        if group.kind is Guard.UNAVAILABLE
    }


def _dates_that_matter(
    model: GuardedModel, core: Sequence[RuleGroup], deadline: float
) -> dict[int, list[dt.date]]:
    """For each unavailable source in the conflict, the blocked days it needs."""
    sources = [group.index for group in core if group.kind is Guard.UNAVAILABLE]
    every = {
        source: sorted(day for index, day in model.days if index == source) for source in sources
    }
    if not sources:
        return every
    fixed = [model.groups[group] for group in core if group.kind is not Guard.UNAVAILABLE]
    days = [model.days[(source, day)] for source in sources for day in every[source]]

    def test(rules: Sequence[Lit], seconds: float) -> tuple[Status, set[Lit]]:
        return model.test([*fixed, *rules], seconds)

    found = first_core(test, days, deadline)
    if found is None:
        return every
    kept, _ = shrink(test, found, deadline)
    chosen = {lit.index for lit in kept}
    needed = {
        source: [day for day in every[source] if model.days[(source, day)].index in chosen]
        for source in sources
    }
    return {source: needed[source] or every[source] for source in sources}


# ---------------------------------------------------------------------------
# The words


class _Words:
    """The conflict in the users' words: catalogue messages, rendered in a language when
    the explanation is printed."""

    def __init__(self, problem: Problem, model: GuardedModel) -> None:
        self.problem = problem
        self.model = model
        self.mentioned: set[str] | None = None

    def say(self, key: str, **values: object) -> Message:
        return message(key, **values)

    def explanation(
        self, core: Sequence[RuleGroup], dates: dict[int, list[dt.date]], minimal: bool
    ) -> Explanation[Rule]:
        rules = self.rules(core, dates)
        self.mentioned = set()
        parts = self.summary_parts(core, dates)
        self.mentioned = None
        if len(parts) == 1:
            summary = self.say("xp.alone", rule=parts[0])
        else:
            summary = self.say("xp.but", first=Joined(", ", parts[:-1]), last=parts[-1])
        return Explanation(rules=rules, minimal=minimal, summary=Capitalized(summary))

    def rules(
        self, core: Sequence[RuleGroup], dates: dict[int, list[dt.date]]
    ) -> tuple[ConflictRule[Rule], ...]:
        rules: list[ConflictRule[Rule]] = []
        kinds = {(group.kind, group.index, group.year) for group in core}
        for group in core:
            if (
                Guard.COUNT_MIN,
                group.index,
                group.year,
            ) in kinds and group.kind is Guard.COUNT_MAX:
                continue  # said together with the least count
            rules.append(
                ConflictRule(
                    kind=group.kind.rule,
                    text=self.text(group, core, dates),
                    item=group.item(self.problem),
                    field=group.kind.field,
                )
            )
        return tuple(rules)

    def summary_parts(
        self, core: Sequence[RuleGroup], dates: dict[int, list[dt.date]]
    ) -> list[Message]:
        parts: list[Message] = []
        kinds = {(group.kind, group.index, group.year) for group in core}
        pinned: dict[str, list[int]] = defaultdict(list)
        for group in core:
            if group.kind is Guard.PIN:
                pinned[self.problem.pins[group.index].series].append(group.index)
        blocked = [group.index for group in core if group.kind is Guard.UNAVAILABLE]
        for group in core:
            if (
                Guard.COUNT_MIN,
                group.index,
                group.year,
            ) in kinds and group.kind is Guard.COUNT_MAX:
                continue
            if group.kind is Guard.PIN:
                pins = pinned[self.problem.pins[group.index].series]
                if len(pins) > 1:
                    if group.index == pins[0]:
                        parts.append(self.pins_text(pins))
                    continue
            if group.kind is Guard.UNAVAILABLE and len(blocked) > 1:
                if group.index == blocked[0]:
                    parts.append(self.unavailable_together(blocked, dates))
                continue
            parts.append(self.text(group, core, dates))
        return parts

    # -- texts -------------------------------------------------------------

    def text(
        self, group: RuleGroup, core: Sequence[RuleGroup], dates: dict[int, list[dt.date]]
    ) -> Message:
        problem = self.problem
        kind, index = group.kind, group.index
        if kind in (Guard.COUNT_MIN, Guard.COUNT_MAX):
            return self.count_text(index, group.year, core)
        if kind.part is Part.SERIES:
            series = problem.series[index]
            if kind is Guard.MIN_GAP:
                return self.say("xp.min_gap", series=self.name(series), days=series.min_gap_days)
            if kind is Guard.MAX_GAP:
                return self.say("xp.max_gap", series=self.name(series), days=series.max_gap_days)
            if kind is Guard.WITHIN:
                return self.say(
                    "xp.within", series=self.name(series), ranges=self.ranges(series.within)
                )
            return self.say(
                "xp.excluding", series=self.name(series), ranges=self.ranges(series.excluding)
            )
        if kind is Guard.LINK:
            return self.link_text(problem.links[index])
        if kind is Guard.PIN:
            pin = problem.pins[index]
            date: DayMonth | Joined = self.date(pin.date)
            if pin.start is not None and pin.end is not None:
                date = Joined(" ", (date, TimeRange(pin.start, pin.end)))
            series = problem.get_series(pin.series)
            return self.say("xp.pin", series=self.name(series), date=date)
        if kind is Guard.OVERLAP:
            return self.say("xp.overlap", body=problem.bodies[index].name)
        if kind is Guard.MILESTONE:
            return self.milestone_text(index)
        return self.unavailable_text(index, dates.get(index, []))

    def milestone_text(self, index: int) -> Message:
        milestone = self.problem.milestones[index]
        series = self.problem.get_series(milestone.series)
        windows = milestone.windows(self.problem.start, self.problem.end)
        if milestone.yearly:
            first = windows[0]
            span: object = DateSpan(first.start, first.end, year=False)
            span = self.say("xp.every_year", span=span)
        else:
            span = self.ranges(windows)
        return self.say(
            "xp.milestone",
            series=self.name(series),
            meetings=counted("xp.least_meetings", milestone.count),
            span=span,
            name=milestone.name,
        )

    def count_text(self, index: int, year: int, core: Sequence[RuleGroup]) -> Message:
        series = self.problem.series[index]
        count = (
            dict(self.problem.counts_of(series)).get(year, series.count) if year else series.count
        )
        kinds = {(group.kind, group.index, group.year) for group in core}
        low = (Guard.COUNT_MIN, index, year) in kinds
        high = (Guard.COUNT_MAX, index, year) in kinds
        name = self.name(series)
        if count.min == count.max:
            text = self.say("xp.count_exact", series=name, meetings=self.meetings(count.min))
        elif low and high:
            text = self.say("xp.count_range", series=name, low=count.min, high=count.max)
        elif low:
            text = self.say("xp.count_min", series=name, meetings=self.meetings(count.min))
        else:
            text = self.say("xp.count_max", series=name, meetings=self.meetings(count.max))
        if year:
            text = self.say("xp.in_year", text=text, year=year)
        if low and _counting(core):  # say how many days there are, and how many free
            sources = {group.index for group in core if group.kind is Guard.UNAVAILABLE}
            possible = [
                option for option in _possible(self.model, core) if option.series == series.id
            ]
            free = sum(
                1
                for option in possible
                if not any(source in sources for source, _ in self.model.hits[option])
            )
            text = self.say("xp.free_days", text=text, free=free, days=len(possible))
        return text

    def link_text(self, link: Link) -> Message:
        before = self.problem.get_series(link.before)
        after = self.problem.get_series(link.after)
        text = self.say(
            "xp.link",
            after=self.name(after),
            before=self.name(before),
            low=link.min_days,
            high=link.max_days,
        )
        if len(before.weekdays) == 1 and len(after.weekdays) == 1 and before.days == 1:
            first = (after.weekdays[0] - before.weekdays[0]) % 7 or 7
            distances = list(range(first, max(link.max_days + 8, first + 15), 7))
            if not any(link.min_days <= d <= link.max_days for d in distances):
                shown = ", ".join(str(d) for d in distances) + ", …"  # numbers: any language
                text = self.say(
                    "xp.link_weekdays",
                    text=text,
                    before=self.weekday(before.weekdays[0]),
                    after=self.weekday(after.weekdays[0]),
                    distances=shown,
                )
        return text

    def pins_text(self, indexes: Sequence[int]) -> Message:
        pins = [self.problem.pins[index] for index in indexes]
        series = self.problem.get_series(pins[0].series)
        days = self.listing([self.date(pin.date) for pin in sorted(pins, key=lambda p: p.date)])
        return self.say("xp.pins", series=self.name(series), dates=days)

    def unavailable_text(self, index: int, days: Sequence[dt.date]) -> Message:
        source = self.problem.unavailable[index]
        what = self.what(index)
        if not days:
            return self.say("xp.unavailable_none", what=what)
        named = True
        items: list[object] = []
        for day in days:
            reasons = self.reasons(self.model.day_blocks[(index, day)])
            if reasons:
                items.append(self.say("xp.dated", date=self.date(day), reasons=reasons))
            else:
                named = False
                items.append(self.date(day))
        text = counted("xp.unavailable", len(days), dates=self.listing(items))
        if not named or not getattr(source, "label", ""):
            text = self.say("xp.unavailable_what", text=text, what=what)
        return text

    def unavailable_together(
        self, indexes: Sequence[int], dates: dict[int, list[dt.date]]
    ) -> Message:
        """Several sources of unavailable time in one sentence, date by date."""
        items: list[tuple[dt.date, Message]] = []
        for index in indexes:
            what = self.what(index)
            for day in dates.get(index, []):
                reasons = self.reasons(self.model.day_blocks[(index, day)]) or what
                items.append((day, self.say("xp.dated", date=self.date(day), reasons=reasons)))
        if not items:
            return self.say(
                "xp.unavailable_none", what=self.listing([self.what(index) for index in indexes])
            )
        listed = self.listing([text for _, text in sorted(items, key=lambda item: item[0])])
        return counted("xp.unavailable", len(items), dates=listed)

    def reasons(self, blocks: Iterable[Block]) -> Joined | None:
        """The reasons named with a date, when they differ from day to day (holidays,
        busy time, bridge days), each once; ``None`` when there are none."""
        found: dict[object, None] = {}
        for block in blocks:
            if block.kind in (BlockKind.HOLIDAY, BlockKind.HALF_DAY, BlockKind.BUSY):
                found.setdefault(block.reason)
            elif block.kind is BlockKind.BRIDGE_DAY:
                found.setdefault(message("bridge_day"))
        found.pop("", None)
        return Joined("; ", found) if found else None

    def what(self, index: int) -> Message | Joined | str:
        """The source of unavailable time in the users' words."""
        source = self.problem.unavailable[index]
        if isinstance(source, PublicHolidays):
            return self.say("xp.holidays")
        if isinstance(source, BridgeDays):
            return self.say("xp.bridge_days")
        if isinstance(source, SchoolBreaks):
            return source.name or self.say("xp.school_breaks")
        if isinstance(source, ClosedPeriod):
            period = DateRange(source.start, source.end)
            return Joined(" ", (source.label, self.ranges((period,))))
        return str(source.label)

    # -- pieces --------------------------------------------------------------

    def name(self, series: Series) -> str | Message:
        """The series' name, with its weekdays the first time (or always in a rule)."""
        if self.mentioned is not None:
            if series.id in self.mentioned:
                return series.name
            self.mentioned.add(series.id)
        return self.say("xp.series", title=series.name, weekdays=self.weekdays(series.weekdays))

    def weekday(self, number: int) -> WeekdayList:
        """``torsdag`` / ``Thursday``."""
        return WeekdayList((number,))

    def weekdays(self, numbers: Sequence[int]) -> WeekdayList:
        """``tisdagar och torsdagar`` / ``Tuesdays and Thursdays``."""
        return WeekdayList(tuple(numbers), plural=True)

    def date(self, day: dt.date) -> DayMonth:
        return DayMonth(day, year=self.many_years)

    @property
    def many_years(self) -> bool:
        return self.problem.start.year != self.problem.end.year

    def meetings(self, count: int) -> Message:
        return counted("xp.meetings", count)

    def ranges(self, ranges: Iterable[DateRange]) -> Message | Listing:
        """``1–31 maj``, ``1 juli–4 augusti``, with the range's name in brackets."""
        items: list[object] = []
        for each in ranges:
            text = DateSpan(each.start, each.end, year=self.many_years)
            items.append(self.say("xp.named", text=text, name=each.name) if each.name else text)
        return self.listing(items)

    def listing(self, items: Sequence[object]) -> Message | Listing:
        """``a, b och c``; beyond :data:`MAX_DATES` items, ``a, b … och 3 till``."""
        items = list(items)
        if len(items) > MAX_DATES:
            shown = Joined(", ", items[:MAX_DATES])
            return self.say("xp.more", items=shown, count=len(items) - MAX_DATES)
        return Listing(items)


def reserve_shortfall(problem: Problem, short: Sequence[Shortfall], *, runtime: float) -> Result:
    """The result when the meetings leave too few free days for the reserve dates a
    series asks for: no plan, and the reserve rule as the explanation (without it
    there is a plan)."""
    rules: list[ConflictRule[Rule]] = []
    for shortfall in short[:1]:  # one conflict: the others show once it is resolved
        series = shortfall.series
        name = message(
            "xp.series", title=series.name, weekdays=WeekdayList(series.weekdays, plural=True)
        )
        text = counted(
            "xp.reserve",
            shortfall.wanted,
            series=name,
            free=shortfall.free,
        )
        if shortfall.year is not None:
            text = message("xp.in_year", text=text, year=shortfall.year)
        rules.append(ConflictRule(Rule.RESERVE, text, series, "reserve"))
    summary = Capitalized(rules[0].text)
    explanation = Explanation(rules=tuple(rules), minimal=True, summary=summary)
    return Result(Status.INFEASIBLE, reason=summary, runtime=runtime, explanation=explanation)
