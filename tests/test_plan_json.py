"""The public JSON plan format: written deterministically, read back exactly, bad input
named by source and key."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import attrs
import pytest

from motesplan import (
    Cost,
    Form,
    Meeting,
    MeetingStatus,
    Plan,
    PlanFormatError,
    Problem,
    Result,
    Status,
    plan_from_json,
    plan_to_json,
    read_plan_json,
    result_to_json,
    write_atomic,
)
from motesplan.formats.plan_json import FORMAT_VERSION

HAND_PLAN = Plan(
    "2024-01-01",
    "2024-12-31",
    (
        Meeting(
            "sk-2024-01",
            "sk",
            "Samarbetskommittén",
            "2024-02-08",
            "13:00",
            "15:00",
            location="Tyresö kommunhus",
            form=Form.HYBRID,
            note="Lunch kl. 12.00 på Nynäs",
        ),
        Meeting(
            "lg-2024-01",
            "lg",
            "Ledningsgruppen",
            "2024-01-19",
            "09:00",
            "11:30",
            location="Huddinge kommunhus",
            pinned=True,
        ),
        Meeting(
            "pk-2024-01",
            "pk",
            "Planeringskonferens",
            "2024-01-25",
            "10:00",
            "15:00",
            end_date="2024-01-26",
            form=Form.ONLINE,
            status=MeetingStatus.CANCELLED,
        ),
    ),
    timezone="Europe/Stockholm",
    name="Södertörnskommunerna",
)


@pytest.fixture(scope="module")
def example_json(sodertorn_result: Result) -> str:
    return result_to_json(sodertorn_result)


@pytest.fixture(scope="module")
def example_data(example_json: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(example_json)
    return data


def good_data() -> dict[str, Any]:
    """A valid plan as parsed JSON, to break one key at a time."""
    data: dict[str, Any] = json.loads(plan_to_json(HAND_PLAN))
    return data


# ---------------------------------------------------------------------------
# Round trip


def test_round_trip_of_a_hand_made_plan() -> None:
    again = plan_from_json(plan_to_json(HAND_PLAN))
    assert again == HAND_PLAN
    assert again.meetings == HAND_PLAN.meetings
    assert again.name == "Södertörnskommunerna"
    cancelled = again.get("pk-2024-01")
    assert cancelled is not None
    assert cancelled.cancelled
    assert cancelled.days == 2
    assert cancelled.form is Form.ONLINE
    pinned = again.get("lg-2024-01")
    assert pinned is not None
    assert pinned.pinned


def test_round_trip_of_labels_and_a_reserve_date() -> None:
    budget = Meeting(
        "kf-2027-06",
        "kf",
        "Kommunfullmäktige",
        "2027-11-29",
        "18:00",
        "21:00",
        labels=("Budget", "Skattesats"),
    )
    reserve = Meeting(
        "kf-2027-r1",
        "kf",
        "Kommunfullmäktige",
        "2027-03-01",
        "18:00",
        "21:00",
        status=MeetingStatus.TENTATIVE,
    )
    plan = Plan("2027-01-01", "2027-12-31", (budget, reserve), name="Kommunen")
    data = json.loads(plan_to_json(plan))
    assert [m["labels"] for m in data["meetings"]] == [[], ["Budget", "Skattesats"]]
    assert [m["status"] for m in data["meetings"]] == ["tentative", "confirmed"]
    again = plan_from_json(json.dumps(data))
    assert again == plan
    assert again.reserves == (reserve,)


def test_round_trip_of_the_example(sodertorn_result: Result, example_json: str) -> None:
    plan = sodertorn_result.plan
    assert plan is not None
    again = plan_from_json(example_json)
    assert again == plan
    assert again.meetings == plan.meetings
    assert len(again.meetings) > 10
    # and written again, byte for byte the same
    assert (
        plan_to_json(
            again,
            status=sodertorn_result.status.value,
            costs=sodertorn_result.costs,
            objective=sodertorn_result.objective,
            bound=sodertorn_result.bound,
        )
        == example_json
    )


def test_round_trip_of_an_empty_plan() -> None:
    empty = Plan("2024-01-01", "2024-06-30", (), timezone="Europe/Oslo", name="")
    assert plan_from_json(plan_to_json(empty)) == empty


def test_meetings_are_written_in_date_order() -> None:
    data = good_data()
    assert [m["id"] for m in data["meetings"]] == ["lg-2024-01", "pk-2024-01", "sk-2024-01"]


# ---------------------------------------------------------------------------
# Deterministic output


def test_output_is_byte_identical_for_two_runs(
    sodertorn_result: Result, example_json: str, tmp_path: Path
) -> None:
    again = result_to_json(sodertorn_result)
    assert again == example_json
    first = write_atomic(tmp_path / "a" / "plan-2024.json", example_json).read_bytes()
    second = write_atomic(tmp_path / "b" / "plan-2024.json", again).read_bytes()
    assert first == second
    assert first == example_json.encode("utf-8")


def test_output_does_not_depend_on_runtime_or_meeting_order(sodertorn_result: Result) -> None:
    plan = sodertorn_result.plan
    assert plan is not None
    shuffled = attrs.evolve(
        sodertorn_result,
        runtime=sodertorn_result.runtime + 99.5,
        plan=attrs.evolve(plan, meetings=tuple(reversed(plan.meetings))),
    )
    assert result_to_json(shuffled) == result_to_json(sodertorn_result)


def test_output_has_no_timestamp_and_ends_with_a_newline(example_json: str) -> None:
    assert example_json.endswith("}\n")
    assert not example_json.endswith("\n\n")
    assert "runtime" not in example_json
    assert "\r" not in example_json


# ---------------------------------------------------------------------------
# The documented keys


def test_top_level_keys(example_data: dict[str, Any], sodertorn_result: Result) -> None:
    assert list(example_data) == [
        "format",
        "generator",
        "name",
        "status",
        "reason",
        "timezone",
        "period",
        "objective",
        "bound",
        "meetings",
        "costs",
    ]
    assert example_data["format"] == FORMAT_VERSION == 1
    assert example_data["generator"].startswith("motesplan ")
    assert example_data["status"] == sodertorn_result.status.value
    assert example_data["status"] in ("optimal", "feasible")
    assert example_data["timezone"] == "Europe/Stockholm"
    assert example_data["period"] == {"start": "2024-01-01", "end": "2024-12-31"}
    assert example_data["objective"] == sodertorn_result.objective
    assert example_data["bound"] == sodertorn_result.bound


def test_meeting_keys(example_data: dict[str, Any]) -> None:
    expected = {
        "id",
        "series",
        "title",
        "date",
        "start",
        "end",
        "end_date",
        "week",
        "location",
        "form",
        "status",
        "note",
        "pinned",
        "sequence",
        "labels",
    }
    for meeting in example_data["meetings"]:
        assert list(meeting)[-1] == "labels"
        assert set(meeting) == expected
        assert meeting["labels"] == []  # the example serves no milestone
        assert re.fullmatch(r"(lg|sk|pk)-2024-\d\d", meeting["id"])
        assert meeting["series"] == meeting["id"].split("-")[0]
        assert meeting["form"] in {"in_person", "online", "hybrid"}
        assert meeting["status"] in {"confirmed", "cancelled"}  # no reserve dates
        assert isinstance(meeting["pinned"], bool)
        assert isinstance(meeting["location"], str)
        assert isinstance(meeting["title"], str)


def test_dates_are_iso_and_times_are_hh_mm(example_data: dict[str, Any]) -> None:
    for meeting in example_data["meetings"]:
        for key in ("date", "end_date"):
            assert re.fullmatch(r"\d{4}-\d\d-\d\d", meeting[key])
            dt.date.fromisoformat(meeting[key])
        for key in ("start", "end"):
            assert re.fullmatch(r"[0-2]\d:[0-5]\d", meeting[key]), meeting[key]
        day = dt.date.fromisoformat(meeting["date"])
        assert meeting["week"] == day.isocalendar().week


def test_example_meeting_values(example_data: dict[str, Any]) -> None:
    by_id = {meeting["id"]: meeting for meeting in example_data["meetings"]}
    first_lg = by_id["lg-2024-01"]
    assert first_lg["title"] == "Ledningsgruppen"
    assert (first_lg["start"], first_lg["end"]) == ("09:00", "11:30")
    assert dt.date.fromisoformat(first_lg["date"]).weekday() == 4
    pinned = [m for m in example_data["meetings"] if m["pinned"]]
    assert [(m["series"], m["date"], m["start"], m["end"]) for m in pinned] == [
        ("lg", "2024-12-13", "08:30", "11:00")
    ]
    assert pinned[0]["location"] == "Folkes, Huddinge Centrum"
    conference = by_id["pk-2024-01"]
    assert conference["end_date"] != conference["date"]


def test_costs(example_data: dict[str, Any], sodertorn_result: Result) -> None:
    assert isinstance(example_data["costs"], list)
    assert len(example_data["costs"]) == len(sodertorn_result.costs)
    for cost in example_data["costs"]:
        assert list(cost) == ["rule", "subject", "meeting", "amount", "points"]
    assert sum(cost["points"] for cost in example_data["costs"]) == sum(
        cost.points for cost in sodertorn_result.costs
    )


def test_cost_values() -> None:
    text = plan_to_json(
        HAND_PLAN,
        status="feasible",
        costs=(Cost("link", "lg -> sk", 30, 3, "sk-2024-01"), Cost("spread", "lg", 12, 12)),
        objective=42,
        bound=40,
        reason="",
    )
    data = json.loads(text)
    assert data["costs"] == [
        {"rule": "link", "subject": "lg -> sk", "meeting": "sk-2024-01", "amount": 3, "points": 30},
        {"rule": "spread", "subject": "lg", "meeting": None, "amount": 12, "points": 12},
    ]
    assert (data["status"], data["objective"], data["bound"]) == ("feasible", 42, 40)


def test_swedish_characters_are_kept(example_json: str) -> None:
    assert "Samarbetskommittén" in example_json
    assert "Södertörnskommunerna" in example_json
    assert "\\u00e9" not in example_json
    assert "\\u00f6" not in example_json
    text = plan_to_json(HAND_PLAN)
    assert '"location": "Tyresö kommunhus"' in text
    assert '"note": "Lunch kl. 12.00 på Nynäs"' in text


def test_result_without_a_plan(small: Problem) -> None:
    result = Result(Status.INFEASIBLE, reason="too many meetings")
    with pytest.raises(ValueError, match="needs its problem"):
        result_to_json(result)
    problem = small.evolve(timezone="Europe/Oslo")
    data = json.loads(result_to_json(result, problem))
    assert data["status"] == "infeasible"
    assert data["reason"] == "too many meetings"
    assert data["meetings"] == []
    assert data["timezone"] == "Europe/Oslo"
    assert data["name"] == "Test"
    assert data["period"] == {"start": "2024-01-01", "end": "2024-06-30"}
    assert data["objective"] is None


def test_hand_written_file_with_only_the_required_keys() -> None:
    text = json.dumps(
        {
            "period": {"start": "2024-01-01", "end": "2024-12-31"},
            "meetings": [
                {
                    "id": "lg-2024-01",
                    "series": "lg",
                    "title": "Ledningsgruppen",
                    "date": "2024-01-19",
                    "start": "09:00",
                    "end": "11:30",
                }
            ],
        }
    )
    plan = plan_from_json(text)
    (meeting,) = plan.meetings
    assert meeting.end_date == dt.date(2024, 1, 19)
    assert meeting.location == ""
    assert meeting.form is Form.IN_PERSON
    assert meeting.status is MeetingStatus.CONFIRMED
    assert not meeting.pinned
    assert plan.timezone == "Europe/Stockholm"


# ---------------------------------------------------------------------------
# Bad input


def test_invalid_json_names_the_source_and_line() -> None:
    text = '{\n  "period": {"start": "2024-01-01", "end": "2024-12-31"},\n  "meetings": [,]\n}\n'
    with pytest.raises(PlanFormatError, match=r"^plan\.json, line 3: not valid JSON: "):
        plan_from_json(text, source="plan.json")


def test_default_source_name() -> None:
    with pytest.raises(PlanFormatError, match=r"^<json>, line 1: not valid JSON"):
        plan_from_json("")


@pytest.mark.parametrize("text", ["[]", '"plan"', "42", "null"])
def test_not_an_object(text: str) -> None:
    with pytest.raises(
        PlanFormatError, match=re.escape("plan.json: expected a JSON object with 'meetings'")
    ):
        plan_from_json(text, source="plan.json")


def _broken(path: tuple[str | int, ...], value: object) -> str:
    """The good plan with the value at ``path`` replaced (``...`` deletes the key)."""
    data = good_data()
    target: Any = data
    for step in path[:-1]:
        target = target[step]
    if value is ...:
        del target[path[-1]]
    else:
        target[path[-1]] = value
    return json.dumps(data, ensure_ascii=False)


@pytest.mark.parametrize(
    ("path", "value", "message"),
    [
        pytest.param(("meetings",), ..., "plan.json: missing key 'meetings'", id="no-meetings"),
        pytest.param(("period",), ..., "plan.json: missing key 'period'", id="no-period"),
        pytest.param(
            ("period", "end"), ..., "plan.json: period: missing key 'end'", id="no-period-end"
        ),
        pytest.param(
            ("meetings",),
            {"lg-2024-01": {}},
            "plan.json: key 'meetings' should be list, got dict",
            id="meetings-dict",
        ),
        pytest.param(
            ("period",), "2024", "plan.json: key 'period' should be dict, got str", id="period-str"
        ),
        pytest.param(
            ("period", "start"),
            20240101,
            "plan.json: period: key 'start' should be str, got int 20240101",
            id="period-start-int",
        ),
        pytest.param(
            ("meetings", 1),
            "lg-2024-01",
            "plan.json: meetings[1]: expected an object",
            id="meeting-str",
        ),
        pytest.param(
            ("meetings", 0, "id"), ..., "plan.json: meetings[0]: missing key 'id'", id="no-id"
        ),
        pytest.param(
            ("meetings", 2, "date"),
            ...,
            "plan.json: meetings[2]: missing key 'date'",
            id="no-date",
        ),
        pytest.param(
            ("meetings", 0, "date"),
            20240119,
            "plan.json: meetings[0]: key 'date' should be str, got int 20240119",
            id="date-int",
        ),
        pytest.param(
            ("meetings", 0, "title"),
            None,
            "plan.json: meetings[0]: key 'title' should be str, got NoneType None",
            id="title-null",
        ),
        pytest.param(
            ("meetings", 0, "start"),
            True,
            "plan.json: meetings[0]: key 'start' should be str, got bool True",
            id="start-bool",
        ),
        pytest.param(
            ("meetings", 0, "end_date"),
            "2024-01-18",
            "plan.json: meetings[0]: meeting lg-2024-01: end_date 2024-01-18 is before 2024-01-19",
            id="end-date-before-date",
        ),
    ],
)
def test_bad_input_names_the_source_and_key(
    path: tuple[str | int, ...], value: object, message: str
) -> None:
    with pytest.raises(PlanFormatError, match=f"^{re.escape(message)}"):
        plan_from_json(_broken(path, value), source="plan.json")


@pytest.mark.parametrize(
    ("path", "value", "where"),
    [
        pytest.param(
            ("meetings", 0, "date"),
            "2024-13-01",
            "meetings[0]: key 'date'",
            id="bad-date",
        ),
        pytest.param(
            ("meetings", 0, "date"),
            "19 januari",
            "meetings[0]: key 'date'",
            id="date-text",
        ),
        pytest.param(
            ("period", "start"),
            "2024-13-01",
            "period: key 'start'",
            id="bad-period-start",
        ),
        pytest.param(
            ("meetings", 1, "start"),
            "25:00",
            "meetings[1]: key 'start'",
            id="bad-time",
        ),
        pytest.param(
            ("meetings", 0, "form"),
            "telepathy",
            "meetings[0]: key 'form'",
            id="bad-form",
        ),
        pytest.param(
            ("meetings", 0, "status"),
            "maybe",
            "meetings[0]: key 'status'",
            id="bad-status",
        ),
    ],
)
def test_bad_values_name_the_source_and_key(
    path: tuple[str | int, ...], value: object, where: str
) -> None:
    with pytest.raises(PlanFormatError, match=f"^plan\\.json: {re.escape(where)}"):
        plan_from_json(_broken(path, value), source="plan.json")


@pytest.mark.parametrize(
    ("path", "value"),
    [
        (("meetings", 0, "date"), "2024-13-01"),
        (("meetings", 0, "date"), "19 januari"),
        (("period", "start"), "2024-13-01"),
        (("meetings", 1, "start"), "25:00"),
        (("meetings", 0, "form"), "telepathy"),
        (("meetings", 0, "status"), "maybe"),
    ],
)
def test_bad_values_raise_plan_format_error_naming_the_source(
    path: tuple[str | int, ...], value: object
) -> None:
    with pytest.raises(PlanFormatError, match=r"^plan\.json: ") as caught:
        plan_from_json(_broken(path, value), source="plan.json")
    assert isinstance(caught.value, ValueError)
    assert caught.value.__cause__ is not None


@pytest.mark.parametrize(
    ("key", "value"),
    [
        pytest.param("location", 5, id="location-int"),
        pytest.param("note", ["a"], id="note-list"),
        pytest.param("pinned", "false", id="pinned-str"),
        pytest.param("end_date", 20240119, id="end-date-int"),
    ],
)
def test_optional_keys_of_the_wrong_type_are_rejected(key: str, value: object) -> None:
    with pytest.raises(PlanFormatError, match=f"meetings\\[0\\]: key '{key}' should be"):
        plan_from_json(_broken(("meetings", 0, key), value), source="plan.json")


def test_good_data_is_good() -> None:
    # the helper itself: unbroken, the data reads back as the hand-made plan
    assert plan_from_json(json.dumps(good_data())) == HAND_PLAN
    assert plan_from_json(_broken(("name",), "Annat namn")).name == "Annat namn"


# ---------------------------------------------------------------------------
# Reading files


def test_read_plan_json(tmp_path: Path) -> None:
    path = write_atomic(tmp_path / "plan.json", plan_to_json(HAND_PLAN))
    assert read_plan_json(path) == HAND_PLAN
    assert read_plan_json(str(path)) == HAND_PLAN


def test_read_a_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "nowhere" / "plan.json"
    with pytest.raises(PlanFormatError, match=f"^{re.escape(str(path))}: cannot read the file"):
        read_plan_json(path)


def test_read_a_directory(tmp_path: Path) -> None:
    with pytest.raises(PlanFormatError, match="cannot read the file"):
        read_plan_json(tmp_path)


def test_read_a_file_that_is_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "latin1.json"
    path.write_bytes(plan_to_json(HAND_PLAN).encode("latin-1"))
    with pytest.raises(PlanFormatError, match=f"^{re.escape(str(path))}: cannot read the file"):
        read_plan_json(path)


def test_read_a_file_with_bad_json_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text('{\n  "meetings": [\n', encoding="utf-8")
    with pytest.raises(
        PlanFormatError, match=f"^{re.escape(str(path))}, line \\d+: not valid JSON"
    ):
        read_plan_json(path)


def test_read_a_file_with_a_missing_key_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "nomeetings.json"
    path.write_text(_broken(("meetings",), ...), encoding="utf-8")
    with pytest.raises(PlanFormatError, match=f"^{re.escape(str(path))}: missing key 'meetings'$"):
        read_plan_json(path)
