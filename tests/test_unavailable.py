"""Unavailable time from the real `holidays` package, bridge days, school breaks and
closed periods, and how the calendar of free days uses them."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from motesplan import (
    Block,
    BlockKind,
    Body,
    BridgeDays,
    ClosedDates,
    ClosedPeriod,
    FreeDays,
    Problem,
    PublicHolidays,
    SchoolBreaks,
    Series,
)
from motesplan.planner import unavailable as unavailable_module
from motesplan.planner.unavailable import Unavailable
from motesplan.text import render

YEAR_START = dt.date(2024, 1, 1)
YEAR_END = dt.date(2024, 12, 31)
ALL_SE = ("public", "de_facto", "bank", "optional")
LOCALE_VARIABLES = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")
SKARTORSDAGEN = dt.date(2024, 3, 28)


@pytest.fixture(autouse=True)
def _neutral_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    """The holidays package reads the language of holiday names from these variables
    when it is not given one; clear them so the tests mean the same everywhere (see
    the tests at the end of the file for what happens when they are set)."""
    for name in LOCALE_VARIABLES:
        monkeypatch.delenv(name, raising=False)


def blocks_of(source: Unavailable) -> dict[dt.date, Block]:
    """The blocks of a source in 2024, by date (one block per date expected)."""
    found: dict[dt.date, Block] = {}
    for block in source.blocks(YEAR_START, YEAR_END):
        assert block.date not in found, f"two blocks on {block.date}"
        found[block.date] = block
    return found


def reason(block: Block, language: str = "sv") -> str:
    """The reason of a block as people read it in ``language``."""
    text = render(block.reason, language)
    assert isinstance(text, str)
    return text


def reasons_of(source: Unavailable, language: str = "sv") -> dict[dt.date, str]:
    """The reasons of a source's blocks in 2024, by date, in ``language``."""
    return {day: reason(block, language) for day, block in blocks_of(source).items()}


def thursday_problem(*unavailable: Unavailable, **changes: Any) -> Problem:
    """2024 with Thursday series ``a`` and ``b`` (13-15) and the given unavailable time."""
    fields: dict[str, Any] = {
        "name": "Test",
        "start": YEAR_START,
        "end": YEAR_END,
        "bodies": (Body("a"), Body("b")),
        "series": (
            Series("a", "a", "Alfa", "thursday", "13:00", "15:00", count=2),
            Series("b", "b", "Beta", "thursday", "09:00", "11:30", count=2),
        ),
        "unavailable": unavailable,
    }
    fields.update(changes)
    return Problem(**fields)


# ---------------------------------------------------------------------------
# Swedish holidays


def test_public_holidays_of_sweden_2024() -> None:
    public = blocks_of(PublicHolidays("SE"))
    national_day = public[dt.date(2024, 6, 6)]
    assert reason(national_day) == "Nationaldagen"
    assert national_day.kind is BlockKind.HOLIDAY
    assert national_day.whole_day
    assert national_day.hard
    assert national_day.source == "holidays SE"
    assert reason(public[dt.date(2024, 3, 29)]) == "Långfredagen"
    assert reason(public[dt.date(2024, 5, 9)]) == "Kristi himmelsfärdsdag"
    assert reason(public[dt.date(2024, 6, 22)]) == "Midsommardagen"
    assert reason(public[dt.date(2024, 1, 6)]) == "Trettondedag jul"  # a Saturday: listed too
    assert len(public) == 13
    # de facto and bank holidays are not public ones
    for day in (dt.date(2024, 6, 21), dt.date(2024, 12, 24), SKARTORSDAGEN):
        assert day not in public
    # an ordinary Friday
    assert dt.date(2024, 1, 19) not in public


def test_de_facto_holidays_of_sweden_2024() -> None:
    de_facto = blocks_of(PublicHolidays("SE", categories="de_facto"))
    assert {day: reason(block) for day, block in de_facto.items()} == {
        dt.date(2024, 6, 21): "Midsommarafton",
        dt.date(2024, 12, 24): "Julafton",
        dt.date(2024, 12, 31): "Nyårsafton",
    }
    assert all(block.kind is BlockKind.HOLIDAY and block.whole_day for block in de_facto.values())


@pytest.mark.parametrize("category", ["bank", "optional"])
def test_skartorsdagen_is_a_half_day_from_14(category: str) -> None:
    block = blocks_of(PublicHolidays("SE", categories=category))[SKARTORSDAGEN]
    assert block.kind is BlockKind.HALF_DAY
    assert block.start == dt.time(14, 0)
    assert block.end is None
    assert not block.whole_day
    assert reason(block) == "Skärtorsdagen (från kl. 14.00)"
    assert block.overlaps(13 * 60, 15 * 60)
    assert not block.overlaps(9 * 60, 11 * 60 + 30)
    assert not block.overlaps(13 * 60, 14 * 60)  # ends exactly when it starts


def test_half_days_and_whole_days_in_the_bank_category() -> None:
    bank = blocks_of(PublicHolidays("SE", categories="bank"))
    assert bank[dt.date(2024, 4, 30)].kind is BlockKind.HALF_DAY  # Valborgsmässoafton
    assert bank[dt.date(2024, 6, 20)].start == dt.time(14, 0)  # Dag före Midsommarafton
    assert bank[dt.date(2024, 6, 21)].kind is BlockKind.HOLIDAY  # Midsommarafton: all day
    assert bank[dt.date(2024, 6, 21)].start is None


def test_kladag_is_an_optional_holiday() -> None:
    optional = blocks_of(PublicHolidays("SE", categories="optional"))
    squeeze = optional[dt.date(2024, 5, 10)]
    assert reason(squeeze) == "Klämdag"
    assert squeeze.kind is BlockKind.HOLIDAY
    assert dt.date(2024, 5, 10) not in blocks_of(PublicHolidays("SE"))


def test_calendar_half_day_collides_only_in_the_afternoon() -> None:
    calendar = FreeDays(thursday_problem(PublicHolidays("SE", categories=ALL_SE)))
    afternoon = calendar.collisions("a", SKARTORSDAGEN, dt.time(13), dt.time(15), SKARTORSDAGEN)
    assert [(block.kind, block.start) for block in afternoon] == [
        (BlockKind.HALF_DAY, dt.time(14, 0))
    ]
    assert reason(afternoon[0]).startswith("Skärtorsdagen")
    morning = calendar.collisions("b", SKARTORSDAGEN, dt.time(9), dt.time(11, 30), SKARTORSDAGEN)
    assert morning == ()
    # and so the morning series may meet that day, the afternoon one may not
    assert SKARTORSDAGEN in {slot.date for slot in calendar.slots("b")}
    assert SKARTORSDAGEN not in {slot.date for slot in calendar.slots("a")}


def test_calendar_reasons_in_swedish() -> None:
    problem = thursday_problem(PublicHolidays("SE", categories=ALL_SE))
    calendar = FreeDays(problem)
    reasons = {block.date: reason(block, "sv") for block in calendar.blocks}
    assert reasons[dt.date(2024, 6, 21)] == "Midsommarafton"
    assert reasons[dt.date(2024, 6, 6)] == "Nationaldagen"
    assert reasons[dt.date(2024, 12, 24)] == "Julafton"


def test_calendar_reasons_in_english() -> None:
    problem = thursday_problem(PublicHolidays("SE", categories=ALL_SE))
    calendar = FreeDays(problem)
    reasons = {block.date: reason(block, "en") for block in calendar.blocks}
    assert reasons[dt.date(2024, 6, 21)] == "Midsummer Eve"
    assert reasons[dt.date(2024, 6, 6)] == "National Day"
    assert reasons[dt.date(2024, 12, 31)] == "New Year's Eve"
    # the same blocks, rendered in Swedish
    swedish = {block.date: reason(block, "sv") for block in calendar.blocks}
    assert swedish[dt.date(2024, 6, 21)] == "Midsommarafton"


def test_english_half_day_keeps_its_start() -> None:
    block = blocks_of(PublicHolidays("SE", categories="bank"))[SKARTORSDAGEN]
    assert block.kind is BlockKind.HALF_DAY
    assert block.start == dt.time(14, 0)
    assert reason(block, "en") == "Maundy Thursday (from 2pm)"


def test_another_country_norway() -> None:
    norway = PublicHolidays("NO")
    assert norway.label == "holidays NO"
    blocks = blocks_of(norway)
    assert reason(blocks[dt.date(2024, 5, 17)], "en") == "Constitution Day"
    assert blocks[dt.date(2024, 5, 17)].kind is BlockKind.HOLIDAY
    # Swedish is not a language of the Norwegian table: names stay Norwegian
    assert reason(blocks[dt.date(2024, 5, 17)], "sv") == "Grunnlovsdag"
    # and Swedish holidays are not Norwegian ones
    assert dt.date(2024, 6, 6) not in blocks


def test_a_subdivision() -> None:
    bavaria = {
        block.date for block in PublicHolidays("DE", subdiv="BY").blocks(YEAR_START, YEAR_END)
    }
    berlin = {
        block.date for block in PublicHolidays("DE", subdiv="BE").blocks(YEAR_START, YEAR_END)
    }
    epiphany = dt.date(2024, 1, 6)
    assert epiphany in bavaria
    assert epiphany not in berlin
    assert dt.date(2024, 10, 3) in bavaria & berlin  # Tag der Deutschen Einheit


def test_holidays_only_inside_the_asked_range() -> None:
    source = PublicHolidays("SE", categories=ALL_SE)
    days = [block.date for block in source.blocks(dt.date(2024, 6, 1), dt.date(2024, 6, 21))]
    assert days == sorted(days)
    assert days[0] >= dt.date(2024, 6, 1)
    assert days[-1] == dt.date(2024, 6, 21)
    assert dt.date(2024, 6, 22) not in days


def test_holidays_across_a_new_year() -> None:
    source = PublicHolidays("SE", categories="de_facto")
    days = [block.date for block in source.blocks(dt.date(2024, 12, 1), dt.date(2025, 1, 31))]
    assert days == [dt.date(2024, 12, 24), dt.date(2024, 12, 31)]
    public = PublicHolidays("SE")
    assert dt.date(2025, 1, 6) in {
        block.date for block in public.blocks(dt.date(2024, 12, 1), dt.date(2025, 1, 31))
    }


# ---------------------------------------------------------------------------
# Bridge days


def test_bridge_days_of_sweden_2024() -> None:
    bridges = blocks_of(BridgeDays("SE"))
    after_national_day = bridges[dt.date(2024, 6, 7)]
    assert after_national_day.kind is BlockKind.BRIDGE_DAY
    assert reason(after_national_day) == "Klämdag (Nationaldagen)"
    assert after_national_day.whole_day
    assert after_national_day.source == "bridge days SE"
    assert reason(bridges[dt.date(2024, 5, 10)]) == "Klämdag (Kristi himmelsfärdsdag)"
    # ordinary Fridays, and the holidays themselves, are not bridge days
    for day in (
        dt.date(2024, 5, 3),
        dt.date(2024, 5, 17),
        dt.date(2024, 6, 14),
        dt.date(2024, 1, 19),
        dt.date(2024, 6, 6),
        dt.date(2024, 5, 9),
    ):
        assert day not in bridges, day
    # every bridge day is a working day
    assert all(day.weekday() < 5 for day in bridges)
    # the whole list for 2024 (docs/unavailable-time.md)
    assert {day: reason(block) for day, block in bridges.items()} == {
        dt.date(2024, 5, 10): "Klämdag (Kristi himmelsfärdsdag)",
        dt.date(2024, 6, 7): "Klämdag (Nationaldagen)",
        dt.date(2024, 12, 23): "Klämdag (Julafton)",
        dt.date(2024, 12, 27): "Klämdag (Annandag jul)",
        dt.date(2024, 12, 30): "Klämdag (Nyårsafton)",
    }


def test_bridge_days_in_english() -> None:
    bridges = blocks_of(BridgeDays("SE"))
    assert reason(bridges[dt.date(2024, 6, 7)], "en") == "Bridge day (National Day)"
    assert reason(bridges[dt.date(2024, 5, 10)], "en") == "Bridge day (Ascension Day)"


def test_bridge_day_needs_the_holiday_category() -> None:
    # Monday 23 December lies between a Sunday and Julafton, a de facto holiday
    assert dt.date(2024, 12, 23) in blocks_of(BridgeDays("SE"))
    assert dt.date(2024, 12, 23) not in blocks_of(BridgeDays("SE", categories="public"))


def test_bridge_days_look_beyond_the_range() -> None:
    # 7 June is a bridge day because of 6 June, even when the range starts on the 7th
    days = [
        block.date for block in BridgeDays("SE").blocks(dt.date(2024, 6, 7), dt.date(2024, 6, 7))
    ]
    assert days == [dt.date(2024, 6, 7)]


# ---------------------------------------------------------------------------
# School breaks, closed periods and dates


def test_school_break_week_9() -> None:
    sportlov = blocks_of(SchoolBreaks({2024: [9]}, name="Sportlov"))
    assert sorted(sportlov) == [dt.date(2024, 2, 26) + dt.timedelta(days=n) for n in range(7)]
    assert min(sportlov) == dt.date(2024, 2, 26)
    assert max(sportlov) == dt.date(2024, 3, 3)
    assert {reason(block) for block in sportlov.values()} == {"Sportlov v. 9"}
    assert {block.kind for block in sportlov.values()} == {BlockKind.SCHOOL_BREAK}
    assert all(block.whole_day and block.hard for block in sportlov.values())


def test_school_break_without_a_name() -> None:
    breaks = SchoolBreaks({2024: [9, 44]})
    assert breaks.label == "school breaks"
    assert reason(blocks_of(breaks)[dt.date(2024, 10, 28)]) == "Skollov v. 44"
    assert reason(blocks_of(breaks)[dt.date(2024, 2, 26)], "en") == "School break week 9"


def test_school_break_clipped_to_the_range() -> None:
    breaks = SchoolBreaks({2024: 9}, name="Sportlov")
    days = [block.date for block in breaks.blocks(dt.date(2024, 3, 1), dt.date(2024, 3, 31))]
    assert days == [dt.date(2024, 3, 1), dt.date(2024, 3, 2), dt.date(2024, 3, 3)]


def test_closed_period_whole_days() -> None:
    summer = blocks_of(ClosedPeriod("Sommaruppehåll", "2024-07-01", "2024-08-04"))
    assert len(summer) == 35
    assert min(summer) == dt.date(2024, 7, 1)
    assert max(summer) == dt.date(2024, 8, 4)
    assert all(block.whole_day and block.kind is BlockKind.CLOSED for block in summer.values())
    assert {block.reason for block in summer.values()} == {"Sommaruppehåll"}  # the user's name


def test_closed_period_clipped_to_the_range() -> None:
    christmas = ClosedPeriod("Jul", "2024-12-21", "2025-01-06")
    days = [block.date for block in christmas.blocks(YEAR_START, YEAR_END)]
    assert days[0] == dt.date(2024, 12, 21)
    assert days[-1] == YEAR_END
    assert len(days) == 11


def test_closed_period_with_times_blocks_part_of_the_day() -> None:
    lunch = ClosedPeriod("Personalmöte", "2024-03-01", "2024-03-31", "12:00", "13:30")
    calendar = FreeDays(thursday_problem(lunch))
    day = dt.date(2024, 3, 14)
    (block,) = calendar.blocks_on(day)
    assert (block.start, block.end) == (dt.time(12), dt.time(13, 30))
    assert not block.whole_day
    assert calendar.collisions("a", day, dt.time(13), dt.time(15), day) == (block,)
    assert calendar.collisions("b", day, dt.time(9), dt.time(11, 30), day) == ()
    assert calendar.collisions("a", day, dt.time(13, 30), dt.time(15), day) == ()
    assert calendar.collisions("b", day, dt.time(11, 30), dt.time(12), day) == ()
    # so the afternoon series loses its March Thursdays, the morning one keeps them
    march = [dt.date(2024, 3, n) for n in (7, 14, 21, 28)]
    a_days = {slot.date for slot in calendar.slots("a")}
    b_days = {slot.date for slot in calendar.slots("b")}
    assert not a_days & set(march)
    assert set(march) <= b_days


def test_closed_period_from_a_time_until_midnight() -> None:
    evening = ClosedPeriod("Kväll", "2024-03-14", "2024-03-14", start_time="14:00")
    (block,) = evening.blocks(YEAR_START, YEAR_END)
    assert block.end is None
    assert block.overlaps(13 * 60, 15 * 60)
    assert not block.overlaps(9 * 60, 14 * 60)


def test_closed_dates() -> None:
    closed = blocks_of(ClosedDates("Konferens", ["2024-03-14", dt.date(2024, 5, 16), "2025-01-02"]))
    assert sorted(closed) == [dt.date(2024, 3, 14), dt.date(2024, 5, 16)]
    assert closed[dt.date(2024, 3, 14)].reason == "Konferens"  # the user's name, as given
    assert closed[dt.date(2024, 3, 14)].kind is BlockKind.CLOSED


def test_multi_day_meeting_collides_on_its_second_day() -> None:
    closed = ClosedDates("Kongress", ["2024-03-15"])
    calendar = FreeDays(thursday_problem(closed))
    thursday, friday = dt.date(2024, 3, 14), dt.date(2024, 3, 15)
    assert calendar.collisions("a", thursday, dt.time(13), dt.time(15), thursday) == ()
    (block,) = calendar.collisions("a", thursday, dt.time(13), dt.time(10), friday)
    assert block.date == friday


# ---------------------------------------------------------------------------
# series= and weight=


def test_series_restricts_a_block_to_one_series() -> None:
    source = ClosedDates("Budgetdag", ["2024-03-14"], series="a")
    (block,) = source.blocks(YEAR_START, YEAR_END)
    assert block.series == ("a",)
    assert block.applies_to("a")
    assert not block.applies_to("b")
    everyone = ClosedDates("Budgetdag", ["2024-03-14"]).blocks(YEAR_START, YEAR_END)
    assert next(iter(everyone)).applies_to("b")

    calendar = FreeDays(thursday_problem(source))
    day = dt.date(2024, 3, 14)
    assert calendar.collisions("a", day, dt.time(13), dt.time(15), day) == (block,)
    assert calendar.collisions("b", day, dt.time(13), dt.time(15), day) == ()
    assert day not in {slot.date for slot in calendar.slots("a")}
    assert day in {slot.date for slot in calendar.slots("b")}


def test_series_on_holidays() -> None:
    source = PublicHolidays("SE", categories="de_facto", series=("a",))
    calendar = FreeDays(
        thursday_problem(
            source,
            series=(
                Series("a", "a", "Alfa", "friday", "09:00", "11:00", count=2),
                Series("b", "b", "Beta", "friday", "09:00", "11:00", count=2),
            ),
        )
    )
    midsummer_eve = dt.date(2024, 6, 21)
    assert midsummer_eve not in {slot.date for slot in calendar.slots("a")}
    assert midsummer_eve in {slot.date for slot in calendar.slots("b")}


def test_weight_makes_a_block_soft() -> None:
    soft = SchoolBreaks({2024: [9]}, name="Sportlov", weight=50)
    hard = ClosedDates("Kongress", ["2024-03-14"])
    calendar = FreeDays(thursday_problem(soft, hard))
    (sportlov,) = calendar.blocks_on(dt.date(2024, 2, 29))
    assert sportlov.weight == 50
    assert not sportlov.hard
    (kongress,) = calendar.blocks_on(dt.date(2024, 3, 14))
    assert kongress.hard

    slots = {slot.date: slot for slot in calendar.slots("a")}
    kept = slots[dt.date(2024, 2, 29)]  # the Thursday of week 9: soft, kept at a cost
    assert kept.soft_blocks == (sportlov,)
    assert kept.hard_blocks == ()
    assert kept.soft_points == 50
    assert dt.date(2024, 3, 14) not in slots  # hard: dropped
    assert slots[dt.date(2024, 3, 7)].soft_points == 0


def test_two_soft_blocks_add_up() -> None:
    calendar = FreeDays(
        thursday_problem(
            SchoolBreaks({2024: [9]}, name="Sportlov", weight=50),
            ClosedDates("Mässa", ["2024-02-29"], weight=7),
        )
    )
    slot = next(slot for slot in calendar.slots("a") if slot.date == dt.date(2024, 2, 29))
    assert slot.soft_points == 57
    assert len(slot.soft_blocks) == 2


def test_weight_zero_is_soft_and_free() -> None:
    (block,) = ClosedDates("x", ["2024-03-14"], weight=0).blocks(YEAR_START, YEAR_END)
    assert not block.hard
    assert block.weight == 0


def test_calendar_blocks_are_sorted_by_day_and_time() -> None:
    calendar = FreeDays(
        thursday_problem(
            ClosedPeriod("Sommar", "2024-07-01", "2024-08-04"),
            PublicHolidays("SE", categories=ALL_SE),
            SchoolBreaks({2024: [9, 14, 44]}, name="Lov"),
        )
    )
    keys = [(block.date, block.start or dt.time(0)) for block in calendar.blocks]
    assert keys == sorted(keys)
    assert len(calendar.blocks_on(dt.date(2024, 4, 1))) == 2  # Annandag påsk in Påsklov
    assert calendar.blocks_on(dt.date(2024, 3, 14)) == ()


def test_every_source_is_an_unavailable() -> None:
    sources: list[object] = [
        PublicHolidays("SE"),
        BridgeDays("SE"),
        SchoolBreaks({2024: [9]}),
        ClosedPeriod("x", "2024-01-01", "2024-01-02"),
        ClosedDates("x", ["2024-01-01"]),
    ]
    assert all(isinstance(source, Unavailable) for source in sources)


# ---------------------------------------------------------------------------
# Holiday names must not depend on the locale of the machine


@pytest.fixture(params=["en_US.UTF-8", "C.UTF-8", "de_DE.UTF-8", "sv_SE.UTF-8"])
def machine_locale(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """The process locale of a machine: English (as many servers and containers are),
    C, one the Swedish table has no names in, and Swedish."""
    for name in LOCALE_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", request.param)
    # names are looked up when a reason is rendered, from cached tables: start afresh,
    # so that the tables are made under this locale
    unavailable_module._names_table.cache_clear()
    return str(request.param)


@pytest.mark.usefixtures("machine_locale")
def test_half_day_does_not_depend_on_the_machine_locale() -> None:
    block = blocks_of(PublicHolidays("SE", categories="bank"))[SKARTORSDAGEN]
    assert block.kind is BlockKind.HALF_DAY
    assert block.start == dt.time(14, 0)
    assert reason(block, "sv") == "Skärtorsdagen (från kl. 14.00)"
    assert reason(block, "en") == "Maundy Thursday (from 2pm)"


@pytest.mark.usefixtures("machine_locale")
def test_reasons_do_not_depend_on_the_machine_locale() -> None:
    assert reasons_of(PublicHolidays("SE"))[dt.date(2024, 6, 6)] == "Nationaldagen"
    assert reasons_of(PublicHolidays("SE"), "en")[dt.date(2024, 6, 6)] == "National Day"
    assert reasons_of(PublicHolidays("NO"))[dt.date(2024, 5, 17)] == "Grunnlovsdag"
    assert reasons_of(PublicHolidays("NO"), "en")[dt.date(2024, 5, 17)] == "Constitution Day"


@pytest.mark.usefixtures("machine_locale")
def test_morning_meeting_on_a_half_day_does_not_depend_on_the_machine_locale() -> None:
    calendar = FreeDays(thursday_problem(PublicHolidays("SE", categories=ALL_SE)))
    morning = calendar.collisions("b", SKARTORSDAGEN, dt.time(9), dt.time(11, 30), SKARTORSDAGEN)
    assert morning == ()
    afternoon = calendar.collisions("a", SKARTORSDAGEN, dt.time(13), dt.time(15), SKARTORSDAGEN)
    assert len(afternoon) == 1


@pytest.mark.usefixtures("machine_locale")
def test_bridge_day_reasons_do_not_depend_on_the_machine_locale() -> None:
    bridges = blocks_of(BridgeDays("SE"))
    assert reason(bridges[dt.date(2024, 6, 7)], "sv") == "Klämdag (Nationaldagen)"
    assert reason(bridges[dt.date(2024, 6, 7)], "en") == "Bridge day (National Day)"
