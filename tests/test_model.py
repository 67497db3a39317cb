"""Validation of the problem data in :mod:`motesplan.planner.problem` (and its converters)."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import attrs
import pytest

from motesplan import (
    Body,
    BridgeDays,
    ClosedDates,
    ClosedPeriod,
    Count,
    DateRange,
    Form,
    Link,
    Member,
    MotesplanError,
    Pin,
    Problem,
    PublicHolidays,
    SchoolBreaks,
    Series,
    Source,
    ValidationError,
    Weekday,
)
from motesplan.errors import ConfigError, PlanFormatError


def make_series(**changes: Any) -> Series:
    """A Friday morning series ``a`` of body ``a``, three meetings; override any field."""
    fields: dict[str, Any] = {
        "id": "a",
        "body": "a",
        "name": "Alfa",
        "weekdays": "friday",
        "start": "09:00",
        "end": "11:30",
        "count": 3,
    }
    fields.update(changes)
    return Series(**fields)


def make_problem(**changes: Any) -> Problem:
    """The year 2024 with series ``a`` (Fridays) and ``b`` (Thursdays); override any field."""
    fields: dict[str, Any] = {
        "name": "Test",
        "start": "2024-01-01",
        "end": "2024-12-31",
        "bodies": (Body("a", "Alfa"), Body("b", "Beta")),
        "series": (
            make_series(),
            make_series(id="b", body="b", name="Beta", weekdays="thursday"),
        ),
    }
    fields.update(changes)
    return Problem(**fields)


# ---------------------------------------------------------------------------
# The error classes


def test_validation_error_is_a_value_error_and_a_motesplan_error() -> None:
    assert issubclass(ValidationError, ValueError)
    assert issubclass(ValidationError, MotesplanError)
    with pytest.raises(ValueError, match="count max 1 is below min 2") as caught:
        Count(2, 1)
    assert isinstance(caught.value, MotesplanError)
    assert type(caught.value) is ValidationError


def test_other_errors_share_the_base() -> None:
    assert issubclass(ConfigError, ValidationError)
    assert issubclass(PlanFormatError, MotesplanError)
    assert issubclass(PlanFormatError, ValueError)
    assert not issubclass(PlanFormatError, ValidationError)


def test_validation_error_names_the_item() -> None:
    with pytest.raises(ValidationError) as caught:
        make_series(start="11:00", end="09:00")
    assert caught.value.source is None  # built in Python
    assert caught.value.field == "end"
    assert "series 'a'" in str(caught.value)


def test_config_error_says_where() -> None:
    error = ConfigError("bad weekday", path="plan.toml", key="series[1].weekdays", line=7)
    assert str(error) == "plan.toml, line 7, key 'series[1].weekdays': bad weekday"
    assert error.key == "series[1].weekdays"
    assert error.line == 7


# ---------------------------------------------------------------------------
# Periods and times that end before they start


@pytest.mark.parametrize(
    ("build", "message"),
    [
        pytest.param(
            lambda: make_problem(start="2024-12-31", end="2024-01-01"),
            "the period ends 2024-01-01 before it starts 2024-12-31",
            id="problem-period",
        ),
        pytest.param(
            lambda: DateRange("2024-02-01", "2024-01-31", "februari"),
            "date range 'februari' ends 2024-01-31 before it starts 2024-02-01",
            id="date-range",
        ),
        pytest.param(
            lambda: make_series(start="11:30", end="09:00"),
            "series 'a' ends at 09:00, not after it starts at 11:30",
            id="series-times",
        ),
        pytest.param(
            lambda: make_series(start="09:00", end="09:00"),
            "series 'a' ends at 09:00, not after it starts at 09:00",
            id="series-empty-time",
        ),
        pytest.param(
            lambda: ClosedPeriod("Sommar", "2024-08-04", "2024-07-01"),
            "closed period 'Sommar' ends 2024-07-01 before it starts 2024-08-04",
            id="closed-period",
        ),
        pytest.param(
            lambda: ClosedPeriod("Lunch", "2024-01-01", "2024-01-31", "13:00", "12:00"),
            "closed period 'Lunch': end_time is not after start_time",
            id="closed-period-times",
        ),
        pytest.param(
            lambda: Pin("a", "2024-01-19", "09:00"),
            "pin a 2024-01-19: give both start and end, or neither",
            id="pin-half-time",
        ),
        pytest.param(
            lambda: make_problem(pins=(Pin("a", "2024-01-19", "11:00", "10:00"),)),
            "pin a 2024-01-19 ends before it starts",
            id="pin-times",
        ),
        pytest.param(
            lambda: make_series(min_gap_days=30, max_gap_days=20),
            "series 'a': max_gap_days 20 is below min_gap_days 30",
            id="series-gaps",
        ),
    ],
)
def test_end_before_start_is_rejected(build: Any, message: str) -> None:
    with pytest.raises(ValidationError, match=re.escape(message)):
        build()


def test_a_multi_day_series_may_end_earlier_in_the_day_than_it_starts() -> None:
    series = make_series(days=2, start="13:00", end="12:00")
    assert series.days == 2
    assert series.end < series.start


def test_a_one_day_date_range_is_fine() -> None:
    day = DateRange("2024-03-01", "2024-03-01")
    assert list(day.days()) == [dt.date(2024, 3, 1)]
    assert dt.date(2024, 3, 1) in day
    assert dt.date(2024, 3, 2) not in day
    assert "2024-03-01" not in day


# ---------------------------------------------------------------------------
# Weekdays and times


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("friday", Weekday.FRIDAY),
        ("Friday", Weekday.FRIDAY),
        ("FRI", Weekday.FRIDAY),
        ("fredag", Weekday.FRIDAY),
        ("Fredag", Weekday.FRIDAY),
        ("fre.", Weekday.FRIDAY),
        (" torsdag ", Weekday.THURSDAY),
        ("tors", Weekday.THURSDAY),
        ("måndag", Weekday.MONDAY),
        ("lördag", Weekday.SATURDAY),
        ("söndag", Weekday.SUNDAY),
        ("monday", Weekday.MONDAY),
        (0, Weekday.MONDAY),
        (4, Weekday.FRIDAY),
        (6, Weekday.SUNDAY),
        (Weekday.WEDNESDAY, Weekday.WEDNESDAY),
    ],
)
def test_weekday_names_in_english_and_swedish_and_numbers(given: object, expected: Weekday) -> None:
    assert make_series(weekdays=given).weekdays == (expected,)


def test_several_weekdays_are_sorted_without_repeats() -> None:
    series = make_series(weekdays=["fredag", "Thursday", 0, "friday", "tis"])
    assert series.weekdays == (Weekday.MONDAY, Weekday.TUESDAY, Weekday.THURSDAY, Weekday.FRIDAY)


@pytest.mark.parametrize("given", ["fridag", "frjádagur", "", 7, -1, True, 4.0, None])
def test_unknown_weekday_is_rejected(given: object) -> None:
    with pytest.raises(
        ValidationError,
        match=r"weekday.*monday, tuesday, wednesday, thursday, friday, saturday, sunday"
        r"|expected a weekday or a list of weekdays",
    ):
        make_series(weekdays=given)


def test_unknown_weekday_message_names_the_value() -> None:
    with pytest.raises(ValidationError, match=r"unknown weekday 'fridag'; expected one of monday"):
        make_series(weekdays=["thursday", "fridag"])


def test_no_weekdays_is_rejected() -> None:
    with pytest.raises(ValidationError, match="series 'a' has no weekdays; give at least one"):
        make_series(weekdays=[])


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("09:00", dt.time(9, 0)),
        ("9:00", dt.time(9, 0)),
        ("9.00", dt.time(9, 0)),
        ("13.30", dt.time(13, 30)),
        (" 08:15 ", dt.time(8, 15)),
        (dt.time(10, 0, 59), dt.time(10, 0)),
    ],
)
def test_time_text_is_read(given: object, expected: dt.time) -> None:
    assert make_series(start=given, end="23:59").start == expected


@pytest.mark.parametrize("given", ["25:00", "24:00", "09:60", "9", "9:5", "nine", "09-00", "", 900])
def test_bad_time_text_is_rejected(given: object) -> None:
    with pytest.raises(ValidationError, match=r"expected a time of day like 09:00, got "):
        make_series(start=given)


@pytest.mark.parametrize("given", ["2024-02-30", "19 januari 2024", "2024/01/19", 20240119, ""])
def test_bad_date_is_rejected(given: object) -> None:
    with pytest.raises(ValidationError, match=r"expected a date like 2024-01-19, got "):
        make_problem(start=given)


def test_dates_from_text_and_datetimes() -> None:
    problem = make_problem(start=dt.datetime(2024, 1, 1, 8, 30), end=" 2024-12-31 ")
    assert problem.start == dt.date(2024, 1, 1)
    assert type(problem.start) is dt.date
    assert problem.end == dt.date(2024, 12, 31)


# ---------------------------------------------------------------------------
# Counts


@pytest.mark.parametrize(
    ("build", "message"),
    [
        (lambda: Count(5, 3), "count max 3 is below min 5; swap them"),
        (lambda: make_series(count=(5, 3)), "count max 3 is below min 5; swap them"),
        (lambda: make_series(count=[5, 3]), "count max 3 is below min 5; swap them"),
        (lambda: Count(2, 4, 5), "count preferred 5 is outside 2..4"),
        (lambda: Count(2, 4, 1), "count preferred 1 is outside 2..4"),
        (lambda: Count(3, preferred=4), "count preferred 4 is outside 3..3"),
        (lambda: Count(-1), "min must be a whole number >= 0, got -1"),
        (lambda: Count(True), "min must be a whole number >= 0, got True"),
        (lambda: make_series(count="many"), "expected a count (a number, or min and max)"),
        (lambda: make_series(count=(1, 2, 3)), "expected a count (a number, or min and max)"),
    ],
)
def test_bad_count_is_rejected(build: Any, message: str) -> None:
    with pytest.raises(ValidationError, match=re.escape(message)):
        build()


def test_count_defaults() -> None:
    assert Count(6) == Count(6, 6, 6)
    assert Count(8, 10).preferred == 10
    assert make_series(count=4).count == Count(4, 4, 4)
    assert make_series(count=(2, 5)).count == Count(2, 5, 5)


# ---------------------------------------------------------------------------
# Links


def test_link_to_an_unknown_series_lists_the_known_ids() -> None:
    with pytest.raises(
        ValidationError, match=re.escape("link a -> x refers to unknown series 'x'; known: a, b")
    ) as caught:
        make_problem(links=(Link("a", "x", 20, 27),))
    assert caught.value.field == "after"


def test_link_from_an_unknown_series_lists_the_known_ids() -> None:
    with pytest.raises(
        ValidationError,
        match=re.escape("link lgg -> b refers to unknown series 'lgg'; known: a, b"),
    ):
        make_problem(links=(Link("lgg", "b", 20, 27),))


def test_link_to_itself_is_rejected() -> None:
    with pytest.raises(ValidationError, match=re.escape("link a -> a links a series to itself")):
        Link("a", "a", 20, 27)


@pytest.mark.parametrize(("low", "high"), [(27, 20), (1, 0)])
def test_link_max_days_below_min_days_is_rejected(low: int, high: int) -> None:
    message = f"link a -> b: max_days {high} is below min_days {low}"
    with pytest.raises(ValidationError, match=re.escape(message)):
        Link("a", "b", low, high)


def test_link_negative_days_are_rejected() -> None:
    with pytest.raises(ValidationError, match="min_days must be a whole number >= 0, got -3"):
        Link("a", "b", -3, 5)


def test_link_distance() -> None:
    link = Link("a", "b", 20, 27)
    friday = dt.date(2024, 1, 19)
    assert link.label == "a -> b"
    assert link.distance(friday, friday + dt.timedelta(days=20)) == 0
    assert link.distance(friday, friday + dt.timedelta(days=27)) == 0
    assert link.distance(friday, friday + dt.timedelta(days=18)) == 2
    assert link.distance(friday, friday + dt.timedelta(days=30)) == 3


# ---------------------------------------------------------------------------
# References and ids


def test_unknown_body_lists_the_known_bodies() -> None:
    with pytest.raises(
        ValidationError, match=re.escape("series 'b' refers to unknown body 'b'; known: a")
    ):
        make_problem(bodies=(Body("a"),))


def test_unknown_body_without_any_bodies() -> None:
    with pytest.raises(ValidationError, match=re.escape("unknown body 'a'; known: (none)")):
        make_problem(bodies=())


def test_unknown_member_of_a_body() -> None:
    with pytest.raises(
        ValidationError,
        match=re.escape("body 'a' refers to unknown member 'tyreso'; known: salem"),
    ):
        make_problem(
            members=(Member("salem", "Salem"),),
            bodies=(Body("a", "Alfa", ("salem", "tyreso")), Body("b")),
        )


def test_unknown_series_of_unavailable_time() -> None:
    with pytest.raises(
        ValidationError,
        match=re.escape("unavailable time 'holidays SE' refers to unknown series 'x'; known: a, b"),
    ):
        make_problem(unavailable=(PublicHolidays("SE", series="x"),))


def test_pin_of_an_unknown_series() -> None:
    with pytest.raises(
        ValidationError,
        match=re.escape("pin x 2024-01-19 refers to unknown series 'x'; known: a, b"),
    ):
        make_problem(pins=(Pin("x", "2024-01-19"),))


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        pytest.param(
            {"series": (make_series(), make_series(name="Alfa igen"))},
            "series id 'a' is used twice",
            id="series",
        ),
        pytest.param(
            {"bodies": (Body("a"), Body("b"), Body("a", "Alfa"))},
            "body id 'a' is used twice",
            id="body",
        ),
        pytest.param(
            {"members": (Member("salem"), Member("salem", "Salem"))},
            "member id 'salem' is used twice",
            id="member",
        ),
    ],
)
def test_duplicate_ids_are_rejected(changes: dict[str, Any], message: str) -> None:
    with pytest.raises(ValidationError, match=re.escape(message)):
        make_problem(**changes)


@pytest.mark.parametrize("bad", ["", "-lg", "lg 2024", "sk/2", "ö", 7])
def test_bad_ids_are_rejected(bad: object) -> None:
    with pytest.raises(ValidationError, match=r"id .* is not valid; use letters, digits"):
        Member(bad)  # type: ignore[arg-type]


@pytest.mark.parametrize("good", ["lg", "sk-2024", "a.b_c", "9"])
def test_good_ids_are_accepted(good: str) -> None:
    assert Member(good).name == good


def test_get_series_lists_the_known_ids() -> None:
    problem = make_problem()
    assert problem.get_series("b").name == "Beta"
    with pytest.raises(ValidationError, match=re.escape("unknown series 'c'; known: a, b")):
        problem.get_series("c")
    with pytest.raises(ValidationError, match=re.escape("unknown body 'c'; known: a, b")):
        problem.get_body("c")


# ---------------------------------------------------------------------------
# Pins


def test_pin_on_a_weekday_the_series_never_allows() -> None:
    message = (
        "pin a 2024-01-20 is a Saturday, but series 'a' meets on Fridays;"
        " move the pin or add the weekday to the series"
    )
    with pytest.raises(ValidationError, match=re.escape(message)) as caught:
        make_problem(pins=(Pin("a", "2024-01-20"),))
    assert caught.value.field == "date"


@pytest.mark.parametrize("day", ["2023-12-29", "2025-01-03"])
def test_pin_outside_the_period(day: str) -> None:
    message = f"pin a {day} is outside the period 2024-01-01..2024-12-31"
    with pytest.raises(ValidationError, match=re.escape(message)):
        make_problem(pins=(Pin("a", day),))


def test_pin_outside_the_series_within_window() -> None:
    spring = make_series(within=[("2024-02-01", "2024-05-31")])
    with pytest.raises(
        ValidationError,
        match=re.escape("pin a 2024-01-19 is outside the part of the period series 'a' may use"),
    ):
        make_problem(series=(spring,), bodies=(Body("a"),), pins=(Pin("a", "2024-01-19"),))


def test_pin_inside_an_excluded_part() -> None:
    no_summer = make_series(excluding=[DateRange("2024-07-01", "2024-07-31", "juli")])
    with pytest.raises(ValidationError, match="outside the part of the period series 'a' may use"):
        make_problem(series=(no_summer,), bodies=(Body("a"),), pins=(Pin("a", "2024-07-05"),))


def test_pin_inside_the_within_window_is_fine() -> None:
    spring = make_series(within=[("2024-02-01", "2024-05-31")])
    problem = make_problem(series=(spring,), bodies=(Body("a"),), pins=(Pin("a", "2024-02-02"),))
    assert problem.pins_of("a") == (Pin("a", dt.date(2024, 2, 2)),)


def test_duplicate_pin_is_rejected() -> None:
    with pytest.raises(ValidationError, match=re.escape("pin a 2024-01-19 is given twice")):
        make_problem(
            pins=(Pin("a", "2024-01-19"), Pin("a", dt.date(2024, 1, 19), "10:00", "11:00"))
        )


def test_same_date_in_two_series_is_not_a_duplicate() -> None:
    both = make_series(id="c", body="b", weekdays=("thursday", "friday"))
    problem = make_problem(
        series=(make_series(), both),
        pins=(Pin("a", "2024-01-19"), Pin("c", "2024-01-19")),
    )
    assert len(problem.pins) == 2


def test_too_many_pins_for_the_count() -> None:
    fridays = ("2024-01-19", "2024-01-26", "2024-02-02", "2024-02-09")
    message = (
        "series 'a' has 4 pinned meetings but at most 3 meetings; raise the count or remove a pin"
    )
    with pytest.raises(ValidationError, match=re.escape(message)):
        make_problem(pins=tuple(Pin("a", day) for day in fridays))


def test_as_many_pins_as_the_count_is_fine() -> None:
    fridays = ("2024-02-09", "2024-01-19", "2024-01-26")
    problem = make_problem(pins=tuple(Pin("a", day) for day in fridays))
    assert [pin.date.day for pin in problem.pins_of("a")] == [19, 26, 9]
    assert problem.pins_of("b") == ()


def test_pin_of_a_multi_day_series_must_end_inside_the_period() -> None:
    conference = make_series(weekdays="thursday", days=2, count=1)
    with pytest.raises(ValidationError, match="outside the period"):
        make_problem(
            end="2024-12-26",
            series=(conference,),
            bodies=(Body("a"),),
            pins=(Pin("a", "2024-12-26"),),
        )


# ---------------------------------------------------------------------------
# Counts that cannot fit


def test_sixty_fridays_do_not_fit_one_year() -> None:
    message = (
        "series 'a' needs at least 60 meetings, but its weekdays and windows allow only 52 days;"
        " lower the count or widen the period"
    )
    with pytest.raises(ValidationError, match=re.escape(message)):
        make_problem(series=(make_series(count=60),), bodies=(Body("a"),))


def test_fifty_two_fridays_fit_2024() -> None:
    problem = make_problem(series=(make_series(count=52),), bodies=(Body("a"),))
    assert problem.series[0].count.min == 52


def test_a_window_limits_the_possible_count() -> None:
    january = make_series(count=5, within=[("2024-01-01", "2024-01-31")])
    with pytest.raises(ValidationError, match=r"needs at least 5 meetings, but .* only 4 days"):
        make_problem(series=(january,), bodies=(Body("a"),))


def test_a_two_day_series_needs_room_for_its_second_day() -> None:
    # Thursdays in the period 2024-01-01..2024-01-11: the 4th and 11th; a two-day
    # meeting on the 11th would end on the 12th, outside the period.
    conference = make_series(weekdays="thursday", days=2, count=2)
    with pytest.raises(ValidationError, match="only 1 days"):
        make_problem(end="2024-01-11", series=(conference,), bodies=(Body("a"),))


# ---------------------------------------------------------------------------
# Time zone, holidays and school breaks


@pytest.mark.parametrize("zone", ["Europe/Nowhere", "Stockholm", "", "../etc/passwd"])
def test_unknown_time_zone(zone: str) -> None:
    with pytest.raises(
        ValidationError,
        match=re.escape(f"unknown time zone {zone!r}; use an IANA name like 'Europe/Stockholm'"),
    ):
        make_problem(timezone=zone)


def test_known_time_zone() -> None:
    problem = make_problem(timezone="Europe/Oslo")
    assert problem.timezone == "Europe/Oslo"


def test_unknown_holiday_country() -> None:
    with pytest.raises(
        ValidationError, match=r"holidays: unknown country 'XX'; use an ISO 3166 code.*SE, NO, DE"
    ):
        PublicHolidays("XX")


def test_unknown_holiday_subdivision_lists_the_known_ones() -> None:
    with pytest.raises(
        ValidationError, match=r"unknown subdivision 'XX' of DE; known: .*\bBE\b.*\bBY\b"
    ):
        PublicHolidays("DE", subdiv="XX")


def test_unknown_subdivision_of_a_country_without_any() -> None:
    with pytest.raises(ValidationError, match=re.escape("of SE; known: (none)")):
        PublicHolidays("SE", subdiv="AB")


def test_unknown_holiday_category_lists_the_allowed_ones() -> None:
    message = (
        "category 'school' is not supported for SE; choose from bank, de_facto, optional, public"
    )
    with pytest.raises(ValidationError, match=re.escape(message)):
        PublicHolidays("SE", categories=("public", "school"))


def test_bridge_days_validate_like_holidays() -> None:
    with pytest.raises(ValidationError, match="category 'school' is not supported for SE"):
        BridgeDays("SE", categories=("school",))


def test_holiday_categories_are_normalised() -> None:
    assert PublicHolidays("SE", categories=" PUBLIC ").categories == ("public",)
    assert PublicHolidays("DE", subdiv="BY").label == "holidays DE-BY"


@pytest.mark.parametrize(
    ("weeks", "message"),
    [
        ({2024: [53]}, "school breaks 2024: 53 is not an ISO week of 2024"),
        ({2024: [0]}, "school breaks 2024: 0 is not an ISO week of 2024"),
        ({2024: ["v9"]}, "school breaks 2024: 'v9' is not an ISO week of 2024"),
        ({"tjugo": [9]}, "school breaks: 'tjugo' is not a year"),
        ([9, 44], "school breaks: expected ISO weeks per year"),
    ],
)
def test_bad_school_break_weeks(weeks: object, message: str) -> None:
    with pytest.raises(ValidationError, match=re.escape(message)):
        SchoolBreaks(weeks)


def test_week_53_exists_in_2020() -> None:
    assert SchoolBreaks({2020: 53}).weeks == ((2020, (53,)),)
    assert SchoolBreaks({"2024": [44, 9, 9]}).weeks == ((2024, (9, 44)),)


@pytest.mark.parametrize("weight", [-1, True, 1.5, "10"])
def test_bad_weight_of_unavailable_time(weight: object) -> None:
    with pytest.raises(ValidationError, match="weight must be None \\(hard\\) or a whole number"):
        ClosedDates("Konferens", ["2024-03-01"], weight=weight)


def test_unavailable_must_be_sources() -> None:
    with pytest.raises(ValidationError, match="expected an unavailable-time source, got 'SE'"):
        make_problem(unavailable=["SE"])


@pytest.mark.parametrize(
    ("field_name", "value", "message"),
    [
        ("series", [Body("a")], "expected Series, got Body"),
        ("series", "a", "expected a list of Series"),
        ("bodies", [Member("a")], "expected Body, got Member"),
        ("links", [("a", "b")], "expected Link, got"),
        ("pins", ["2024-01-19"], "expected Pin, got '2024-01-19'"),
    ],
)
def test_collections_must_hold_the_right_records(
    field_name: str, value: object, message: str
) -> None:
    with pytest.raises(ValidationError, match=re.escape(message)):
        make_problem(**{field_name: value})


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("digitalt", Form.ONLINE),
        ("fysiskt", Form.IN_PERSON),
        ("In person", Form.IN_PERSON),
        ("in-person", Form.IN_PERSON),
        ("HYBRID", Form.HYBRID),
        (Form.ONLINE, Form.ONLINE),
    ],
)
def test_meeting_forms(value: object, expected: Form) -> None:
    assert make_series(form=value).form is expected


def test_unknown_meeting_form() -> None:
    with pytest.raises(
        ValidationError, match="unknown meeting form 'telepathy'; expected one of in_person"
    ):
        make_series(form="telepathy")


@pytest.mark.parametrize("days", [0, -1, True, 1.5])
def test_series_days_must_be_one_or_more(days: object) -> None:
    with pytest.raises(ValidationError, match="series 'a': days must be 1 or more"):
        make_series(days=days)


def test_series_location_twice() -> None:
    with pytest.raises(ValidationError, match="series 'a' lists a location twice"):
        make_series(locations=["Huddinge", "Salem", "Huddinge"])


# ---------------------------------------------------------------------------
# Records: tuples in, frozen


def test_lists_become_tuples() -> None:
    series = make_series(
        weekdays=["thursday", "friday"],
        locations=["Huddinge kommunhus", "StorSthlm"],
        within=[["2024-01-01", "2024-06-30"], DateRange("2024-08-05", "2024-12-20")],
        excluding=[("2024-04-01", "2024-04-07")],
    )
    problem = make_problem(
        series=[series, make_series(id="b", body="b")],
        bodies=[Body("a", "Alfa", ["salem"]), Body("b")],
        members=[Member("salem")],
        links=[Link("a", "b", 20, 27)],
        pins=[Pin("a", "2024-01-19")],
        unavailable=[PublicHolidays("SE", categories=["public", "de_facto"])],
    )
    assert isinstance(series.weekdays, tuple)
    assert series.locations == ("Huddinge kommunhus", "StorSthlm")
    assert series.within == (
        DateRange(dt.date(2024, 1, 1), dt.date(2024, 6, 30)),
        DateRange(dt.date(2024, 8, 5), dt.date(2024, 12, 20)),
    )
    assert series.excluding == (DateRange(dt.date(2024, 4, 1), dt.date(2024, 4, 7)),)
    for value in (
        problem.series,
        problem.bodies,
        problem.members,
        problem.links,
        problem.pins,
        problem.unavailable,
        problem.bodies[0].members,
        problem.unavailable[0].categories,  # type: ignore[attr-defined]
    ):
        assert isinstance(value, tuple), value
    assert ClosedDates("x", ["2024-03-02", "2024-03-01", "2024-03-02"]).dates == (
        dt.date(2024, 3, 1),
        dt.date(2024, 3, 2),
    )


def test_a_single_string_is_not_split_into_letters() -> None:
    assert Body("a", members="salem").members == ("salem",)
    assert make_series(locations="Huddinge").locations == ("Huddinge",)


@pytest.mark.parametrize(
    ("record", "name", "value"),
    [
        (Member("salem"), "name", "Salem"),
        (Body("a"), "members", ()),
        (Count(3), "min", 4),
        (DateRange("2024-01-01", "2024-01-31"), "end", dt.date(2024, 2, 1)),
        (make_series(), "count", Count(4)),
        (Link("a", "b", 20, 27), "hard", False),
        (Pin("a", "2024-01-19"), "date", dt.date(2024, 1, 26)),
        (PublicHolidays("SE"), "country", "NO"),
        (ClosedPeriod("Sommar", "2024-07-01", "2024-08-04"), "start_time", dt.time(12)),
    ],
    ids=lambda value: type(value).__name__ if attrs.has(type(value)) else None,
)
def test_records_are_frozen(record: object, name: str, value: object) -> None:
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        setattr(record, name, value)


def test_problem_is_frozen_and_evolve_validates_again() -> None:
    problem = make_problem()
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        problem.timezone = "Europe/Oslo"  # type: ignore[misc]
    assert problem.evolve(timezone="Europe/Oslo").timezone == "Europe/Oslo"
    assert problem.timezone == "Europe/Stockholm"
    with pytest.raises(ValidationError, match="unknown time zone 'Europe/Nowhere'"):
        problem.evolve(timezone="Europe/Nowhere")


def test_defaults() -> None:
    problem = make_problem()
    assert problem.timezone == "Europe/Stockholm"
    assert not hasattr(problem, "language")  # text is rendered in a language when printed
    assert problem.weights.count == 200
    assert (problem.links, problem.pins, problem.unavailable, problem.members) == ((), (), (), ())
    assert Body("lg").name == "lg"
    series = problem.series[0]
    assert series.days == 1
    assert series.form is Form.IN_PERSON
    assert series.allows(dt.date(2024, 1, 19))
    assert not series.allows(dt.date(2024, 1, 18))


def test_an_error_of_a_record_from_a_file_names_its_key() -> None:
    source = Source("plan.toml", "series[3]", {"start": "series[3].time", "end": "series[3].time"})
    with pytest.raises(ValidationError) as caught:
        make_series(start="11:00", end="09:00", source=source)
    assert caught.value.source == source
    assert caught.value.source.at(caught.value.field) == "series[3].time"
    link = Source("plan.toml", "links[0]", {"max_days": "links[0].days.max"})
    with pytest.raises(ValidationError) as caught:
        Link("a", "b", 27, 20, source=link)
    assert caught.value.source is not None
    assert caught.value.source.at(caught.value.field) == "links[0].days.max"
