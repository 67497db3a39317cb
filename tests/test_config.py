"""The TOML configuration file: the example equals the Python examples, and every
mistake is one ConfigError naming the file, the key path and (for TOML) the line."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from motesplan import ConfigError, Problem, RotationProblem, result_to_json, solve
from motesplan.config import Config, config_from_text, load_config
from motesplan.config.docs import key_table, update
from motesplan.config.schema import TABLES, TOP
from tests.conftest import ROOT, load_example

EXAMPLE = ROOT / "examples" / "sodertorn-2024.toml"
TEXT = EXAMPLE.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def config() -> Config:
    return load_config(EXAMPLE)


def test_example_equals_the_python_plan(config: Config) -> None:
    problem: Problem = load_example("plan_2024").build_problem()
    assert config.problem == problem


def test_example_equals_the_python_rotation(config: Config) -> None:
    rotation: RotationProblem = load_example("rotation_2024_2027").build_problem()
    assert config.rotation == rotation


def test_example_fields(config: Config) -> None:
    assert config.path == EXAMPLE
    assert config.organizer is None
    assert config.attendees == ()


def test_relative_path_from_the_repository_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    assert load_config("examples/sodertorn-2024.toml").path == Path("examples/sodertorn-2024.toml")


def test_invitations_and_attendees() -> None:
    text = TEXT.replace(
        'id = "salem"\nname = "Salem"',
        'id = "salem"\nname = "Salem"\ncontact = "Anna Andersson"\nemail = "anna@salem.se"',
    ).replace(
        'id = "haninge"\nname = "Haninge"',
        'id = "haninge"\nname = "Haninge"\nemail = "kansli@haninge.se"',
    )
    text += '\n[invitations]\norganizer = { name = "Kansliet", email = "kansli@example.se" }\n'
    config = config_from_text(text)
    assert config.organizer == ("Kansliet", "kansli@example.se")
    assert config.attendees == (
        ("Haninge", "kansli@haninge.se"),
        ("Anna Andersson", "anna@salem.se"),
    )


def test_minimal_config_and_other_shapes(tmp_path: Path) -> None:
    (tmp_path / "busy.ics").write_text(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\nBEGIN:VEVENT\r\n"
        "UID:1@t\r\nDTSTAMP:20240101T000000Z\r\nDTSTART:20240209T090000\r\n"
        "DTEND:20240209T120000\r\nSUMMARY:KF\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
        encoding="utf-8",
    )
    path = tmp_path / "small.toml"
    path.write_text(
        """
[organisation]
name = "Test"

[period]
start = 2024-01-01
end = 2024-06-30

[[bodies]]
id = "a"

[unavailable]
holidays = { categories = ["public"], weight = 5 }
bridge_days = { series = ["a"] }
school_breaks = { 2024 = [9, 14] }
dates = [{ name = "Val", dates = [2024-06-09] }]
calendars = [{ path = "busy.ics", name = "KF", series = ["a"] }]

[[unavailable.periods]]
name = "Kvällar"
start = 2024-01-01
end = 2024-06-30
start_time = "17:00"
end_time = "23:00"

[[series]]
id = "a"
body = "a"
name = "Alfa"
weekdays = "fredag"
start = "09:00"
end = "11:30"
count = { min = 3, max = 5, preferred = 4 }
form = "digitalt"
excluding = [{ start = 2024-03-01, end = 2024-03-31 }]

[[pins]]
series = "a"
date = 2024-02-02
form = "hybrid"

[weights]
count = 100
""",
        encoding="utf-8",
    )
    config = load_config(path)
    problem = config.problem
    assert problem.series[0].count.preferred == 4
    assert problem.series[0].form.value == "online"
    assert len(problem.unavailable) == 6
    assert problem.weights.count == 100
    assert config.rotation is None


# Each case: (old text, new text, key path the message must name). ``old`` is
# replaced once in the example text.
BROKEN: list[tuple[str, str, str, str]] = [
    # id, old, new, key
    ("unknown-top", "[period]", "[periode]", "periode"),
    ("unknown-org-key", 'language = "sv"', 'langauge = "sv"', "organisation.langauge"),
    ("missing-org-name", 'name = "Södertörnskommunerna"', "", "organisation.name"),
    ("org-name-type", 'name = "Södertörnskommunerna"', "name = 5", "organisation.name"),
    ("bad-language", 'language = "sv"', 'language = "fr"', "organisation.language"),
    (
        "bad-timezone",
        'timezone = "Europe/Stockholm"',
        'timezone = "Europe/Sthlm"',
        "organisation.timezone",
    ),
    ("bad-country", 'country = "SE"', 'country = "XX"', "organisation.country"),
    ("period-string", "start = 2024-01-01\nend", 'start = "2024-13-01"\nend', "period.start"),
    (
        "period-datetime",
        "start = 2024-01-01\nend",
        "start = 2024-01-01T10:00:00\nend",
        "period.start",
    ),
    ("period-backwards", "end = 2024-12-31\n", "end = 2023-12-31\n", "period.end"),
    ("missing-period-end", "end = 2024-12-31\n", "\n", "period.end"),
    ("member-unknown-key", 'id = "salem"\nname', 'id = "salem"\nnamn', "members[5].namn"),
    ("member-bad-id", 'id = "salem"', 'id = "sa lem"', "members[5].id"),
    ("member-duplicate", 'id = "salem"', 'id = "haninge"', "members[5].id"),
    ("member-bad-email", 'id = "salem"', 'id = "salem"\nemail = "salem"', "members[5].email"),
    (
        "body-unknown-member",
        'members = ["botkyrka", "haninge"',
        'members = ["botkyrka", "haningee"',
        "bodies[0].members[1]",
    ),
    (
        "body-members-type",
        'members = ["botkyrka", "haninge"',
        'members = [1, "haninge"',
        "bodies[0].members[0]",
    ),
    ("series-weekday", 'weekdays = ["friday"]', 'weekdays = ["fridya"]', "series[0].weekdays[0]"),
    ("series-weekday-type", 'weekdays = ["friday"]', "weekdays = [5]", "series[0].weekdays[0]"),
    ("series-weekday-key", 'weekdays = ["friday"]', 'weekday = ["friday"]', "series[0].weekday"),
    ("series-time", 'time = "09:00-11:30"', 'time = "25:00-26:00"', "series[0].time"),
    ("series-time-shape", 'time = "09:00-11:30"', 'time = "09:00"', "series[0].time"),
    ("series-time-backwards", 'time = "09:00-11:30"', 'time = "11:30-09:00"', "series[0]"),
    (
        "series-time-and-start",
        'time = "09:00-11:30"',
        'time = "09:00-11:30"\nstart = "09:00"',
        "series[0].start",
    ),
    ("series-missing-time", 'time = "09:00-11:30"', "", "series[0].time"),
    ("series-count-type", "count = { min = 9, max = 10 }", 'count = "nine"', "series[0].count"),
    (
        "series-count-backwards",
        "count = { min = 9, max = 10 }",
        "count = { min = 10, max = 9 }",
        "series[0].count",
    ),
    (
        "series-count-key",
        "count = { min = 9, max = 10 }",
        "count = { min = 9, maks = 10 }",
        "series[0].count.maks",
    ),
    ("series-too-many", "count = { min = 9, max = 10 }", "count = 60", "series[0]"),
    ("series-unknown-body", 'body = "lg"', 'body = "lgg"', "series[0].body"),
    ("series-duplicate-id", 'id = "pk"', 'id = "sk"', "series[2].id"),
    ("series-gap-type", "min_gap_days = 21", 'min_gap_days = "21"', "series[0].min_gap_days"),
    ("series-gap-negative", "min_gap_days = 21", "min_gap_days = -1", "series[0].min_gap_days"),
    ("series-lunch", 'lunch = "12:00"', 'lunch = "12"', "series[1].lunch"),
    ("series-form", 'lunch = "12:00"', 'form = "telepathy"', "series[1].form"),
    ("series-days", "days = 2\n", "days = 0\n", "series[2].days"),
    ("series-within-date", "start = 2024-01-08", 'start = "8 jan"', "series[2].within[0].start"),
    ("series-within-backwards", "start = 2024-01-08", "start = 2024-02-08", "series[2].within[0]"),
    (
        "series-locations-type",
        'locations = ["Huddinge kommunhus", "StorSthlms lokaler"]',
        'locations = "Huddinge"',
        "series[0].locations",
    ),
    ("link-unknown-series", 'after = "sk"', 'after = "skk"', "links[0].after"),
    ("link-days-type", "days = { min = 20, max = 27 }", "days = 20", "links[0].days"),
    (
        "link-days-missing",
        "days = { min = 20, max = 27 }",
        "days = { min = 20 }",
        "links[0].days.max",
    ),
    ("link-hard-type", "hard = false", 'hard = "no"', "links[0].hard"),
    ("pin-unknown-series", 'series = "lg"\ndate', 'series = "xx"\ndate', "pins[0].series"),
    ("pin-bad-date", "date = 2024-12-13", 'date = "2024-12-32"', "pins[0].date"),
    ("pin-wrong-weekday", "date = 2024-12-13", "date = 2024-12-12", "pins[0]"),
    ("holiday-category", '"bank", "optional"]', '"bank", "optionall"]', "unavailable.holidays"),
    ("bridge-type", "bridge_days = true", 'bridge_days = "yes"', "unavailable.bridge_days"),
    (
        "school-week",
        "weeks = { 2024 = [9] }",
        "weeks = { 2024 = [60] }",
        "unavailable.school_breaks[0]",
    ),
    (
        "school-year",
        "weeks = { 2024 = [9] }",
        "weeks = { twenty = [9] }",
        "unavailable.school_breaks[0].weeks.twenty",
    ),
    (
        "period-key",
        'name = "Sommaruppehåll", start',
        'nam = "Sommaruppehåll", start',
        "unavailable.periods[1].nam",
    ),
    ("unavailable-key", "bridge_days = true", "bridgedays = true", "unavailable.bridgedays"),
    (
        "calendar-missing",
        "bridge_days = true",
        'bridge_days = true\ncalendars = [{ path = "nothere.ics" }]',
        "unavailable.calendars[0].path",
    ),
    ("weights-type", "[rotation]", "[weights]\nspread = 1.5\n\n[rotation]", "weights.spread"),
    ("rotation-body", 'body = "sk"\nyears', 'body = "Samarbetskommittén"\nyears', "rotation.body"),
    ("rotation-years", "years = [2024, 2027]", "years = 2024", "rotation.years"),
    ("rotation-backwards", "years = [2024, 2027]", "years = [2027, 2024]", "rotation"),
    (
        "rotation-history-member",
        'chair = "tyreso"',
        'chair = "tyresö"',
        "rotation.history[0].chair",
    ),
    (
        "rotation-history-key",
        'vice_chair = "salem"',
        'vicechair = "salem"',
        "rotation.history[3].vicechair",
    ),
    ("rotation-order", 'order = ["botkyrka"', 'order = ["botkyrk"', "rotation.order[0]"),
    (
        "rotation-exclusion-role",
        "order = [",
        'exclusions = [{ member = "salem", year = 2025, roles = ["king"] }]\norder = [',
        "rotation.exclusions[0].roles",
    ),
    (
        "rotation-agreement-year",
        "order = [",
        'agreements = [{ member = "salem", year = 2030 }]\norder = [',
        "rotation.agreements[0]",
    ),
    (
        "invitation-email",
        "[rotation]",
        '[invitations]\norganizer = { name = "K", email = "k" }\n\n[rotation]',
        "invitations.organizer.email",
    ),
]

SYNTAX: list[tuple[str, str, str, int]] = [
    ("unclosed-string", 'name = "Ledningsgruppen"', 'name = "Ledningsgruppen', 0),
    ("bad-date-value", "start = 2024-01-01\nend", "start = 2024-02-30\nend", 0),
    ("missing-equals", 'country = "SE"', 'country "SE"', 0),
    (
        "duplicate-key",
        'timezone = "Europe/Stockholm"',
        'timezone = "Europe/Stockholm"\ntimezone = "UTC"',
        0,
    ),
]


def _edit(old: str, new: str) -> str:
    assert old in TEXT, old
    return TEXT.replace(old, new, 1)


@pytest.mark.parametrize(
    ("old", "new", "key"), [case[1:] for case in BROKEN], ids=[case[0] for case in BROKEN]
)
def test_broken_config_names_the_key(old: str, new: str, key: str, tmp_path: Path) -> None:
    path = tmp_path / "broken.toml"
    path.write_text(_edit(old, new), encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    error = caught.value
    assert type(error) is ConfigError
    assert str(path) in str(error)
    assert f"key '{key}" in str(error), str(error)
    assert error.key.startswith(key)


def test_corpus_is_large_enough() -> None:
    assert len(BROKEN) + len(SYNTAX) >= 40


@pytest.mark.parametrize(
    ("old", "new"), [case[1:3] for case in SYNTAX], ids=[case[0] for case in SYNTAX]
)
def test_toml_syntax_error_names_the_line(old: str, new: str) -> None:
    text = _edit(old, new)
    line = text[: text.index(new)].count("\n") + 1 + new.count("\n")
    with pytest.raises(ConfigError) as caught:
        config_from_text(text, path="broken.toml")
    error = caught.value
    assert error.line is not None
    assert abs(error.line - line) <= 1, (error.line, line, str(error))
    assert f"broken.toml, line {error.line}" in str(error)
    assert "invalid TOML" in str(error)
    assert "(at line" not in str(error)


def test_did_you_mean() -> None:
    with pytest.raises(ConfigError, match=r"did you mean 'weekdays'\?"):
        config_from_text(_edit('weekdays = ["friday"]', 'weekday = ["friday"]'))
    with pytest.raises(ConfigError, match=r"did you mean 'organisation'\?"):
        config_from_text(_edit("[organisation]", "[organization]"))
    with pytest.raises(ConfigError, match=r"unknown body 'lgg'; did you mean 'lg'\?"):
        config_from_text(_edit('body = "lg"', 'body = "lgg"'))


def test_expected_and_found() -> None:
    with pytest.raises(ConfigError) as caught:
        config_from_text(_edit("min_gap_days = 21", 'min_gap_days = "21"'), path="x.toml")
    assert str(caught.value) == (
        "x.toml, key 'series[0].min_gap_days': expected a whole number, found '21' (a string)"
    )


def test_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "latin1.toml"
    path.write_bytes(TEXT.encode("latin-1", errors="replace"))
    with pytest.raises(ConfigError, match="not UTF-8") as caught:
        load_config(path)
    assert caught.value.line == TEXT[: TEXT.index("ö")].count("\n") + 1
    assert str(path) in str(caught.value)


def test_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "nothere.toml"
    with pytest.raises(ConfigError, match="cannot read the file") as caught:
        load_config(path)
    assert caught.value.path == str(path)


def test_directory_is_unreadable(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="cannot read the file"):
        load_config(tmp_path)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "organisation = 5",
        "[organisation]\nname = 'x'\n[period]\nstart = 1\nend = 2",
        "[[organisation]]\nname = 'x'",
        "series = 5\n[organisation]\nname='x'\n[period]\nstart=2024-01-01\nend=2024-02-01",
    ],
)
def test_odd_files_raise_config_error_only(text: str) -> None:
    with pytest.raises(ConfigError):
        config_from_text(text)


def test_toml_and_python_examples_give_identical_json(config: Config) -> None:
    python_problem = load_example("plan_2024").build_problem()
    assert result_to_json(solve(config.problem)) == result_to_json(solve(python_problem))


def test_the_configuration_page_shows_every_key_as_declared() -> None:
    # docs/configuration.md's key tables are made from the declarations
    # (python -m motesplan.config.docs docs/configuration.md writes them anew)
    page = (ROOT / "docs" / "configuration.md").read_text(encoding="utf-8")
    assert update(page) == page
    for table in (TOP, *TABLES):
        assert f"<!-- keys: {table.title} -->" in page, table.title
        for item in table.fields:
            assert f"| `{item.name}` |" in key_table(table)


def test_every_key_of_the_example_is_declared() -> None:
    data = tomllib.loads(TEXT)
    for name, value in data.items():
        assert name in TOP.names
        if isinstance(value, dict) and name in {"organisation", "period", "unavailable"}:
            table = next(t for t in TABLES if t.title == f"[{name}]")
            assert set(value) <= set(table.names)
