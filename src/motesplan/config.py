"""The TOML configuration file: one readable file that describes a whole collaboration.

:func:`load_config` reads a file (with the standard library's :mod:`tomllib`) and maps
it one-to-one onto the data model: a :class:`~motesplan.Problem`, optionally a
:class:`~motesplan.RotationProblem`, and the organizer and attendees of invitations.
The model stays the single source of truth; this module only reads, checks types and
reports where a mistake is. Every mistake is one :class:`~motesplan.ConfigError` that
names the file, the dotted key path (``series[1].weekdays``; lists count from 0), for
TOML syntax errors the line, what was expected and what was found.
See ``docs/configuration.md`` for every key.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
import tomllib
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any, NoReturn, TypeVar
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from attrs import frozen

from motesplan._convert import to_time, to_weekdays
from motesplan.errors import ConfigError, MotesplanError, Renderable, ValidationError
from motesplan.planner.busy import BusyCalendar
from motesplan.planner.problem import (
    Body,
    Count,
    DateRange,
    Link,
    Member,
    Pin,
    Problem,
    Series,
    Weights,
    _to_form,
)
from motesplan.planner.unavailable import (
    BridgeDays,
    ClosedDates,
    ClosedPeriod,
    PublicHolidays,
    SchoolBreaks,
    Unavailable,
)
from motesplan.rotation.problem import (
    Agreement,
    Exclusion,
    Grouping,
    RotationProblem,
    Term,
    _to_role,
    _to_roles,
)
from motesplan.text import DEFAULT_LANGUAGE, LANGUAGES, Message, message

__all__ = ["Config", "config_from_text", "load_config"]

T = TypeVar("T")
Table = dict[str, Any]

_TOP = (
    "organisation",
    "period",
    "members",
    "bodies",
    "unavailable",
    "series",
    "links",
    "pins",
    "weights",
    "rotation",
    "invitations",
)
_TOML_POSITION = re.compile(r"\s*\(at line (\d+), column (\d+)\)\s*$")
_TOML_END = re.compile(r"\s*\(at end of document\)\s*$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+$")


@frozen
class Config:
    """A configuration file, loaded.

    Attributes:
        path: the file.
        problem: the meeting year to plan.
        rotation: the chair rotation, if the file has a ``[rotation]`` table.
        organizer: ``(name, email)`` of the organizer of invitations, if given.
        attendees: ``(name, email)`` of every member with an ``email``, in file order.
        language: ``[organisation] language``: the language its plans, reports and
            calendars are written in unless another is asked for (``--lang``).
    """

    path: Path
    problem: Problem
    rotation: RotationProblem | None
    organizer: tuple[str, str] | None
    attendees: tuple[tuple[str, str], ...]
    language: str = DEFAULT_LANGUAGE


def load_config(path: str | Path) -> Config:
    """Read a configuration file.

    Raises:
        ConfigError: for any mistake: an unreadable or non-UTF-8 file, invalid TOML,
            an unknown key, a wrong type or value, an unknown reference.
    """
    where = str(path)
    try:
        data = Path(path).read_bytes()
    except OSError as error:
        reason = error.strerror or str(error)
        raise ConfigError(message("cfg.unreadable", reason=reason), path=where) from error
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        byte = f"{data[error.start]:02x}"
        raise ConfigError(
            message("cfg.not_utf8", byte=byte, position=error.start), path=where, line=line
        ) from error
    return config_from_text(text, path=where)


def config_from_text(text: str, *, path: str = "<config>") -> Config:
    """Read a configuration from TOML text; ``path`` names it in errors and is the
    base for relative paths in it (busy calendars).

    Raises:
        ConfigError: as :func:`load_config`.
    """
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        detail: str | Message = str(error)
        line: int | None = None
        match = _TOML_POSITION.search(str(error))
        if match:
            line = int(match[1])
            detail = message("cfg.toml.column", detail=str(error)[: match.start()], column=match[2])
        elif _TOML_END.search(str(error)):
            line = text.count("\n") + 1
            detail = message("cfg.toml.end", detail=_TOML_END.sub("", str(error)))
        raise ConfigError(message("cfg.toml", detail=detail), path=path, line=line) from error
    return _Reader(path).config(data)


# ---------------------------------------------------------------------------
# Describing values


def _found(value: object) -> Message | str:
    if isinstance(value, bool):
        return message("cfg.found.boolean", value=str(value).lower())
    if isinstance(value, int | float):
        return message("cfg.found.number", value=value)
    if isinstance(value, str):
        return message("cfg.found.string", value=repr(value))
    if isinstance(value, dt.datetime):
        return message("cfg.found.datetime", value=value.isoformat())
    if isinstance(value, dt.date):
        return message("cfg.found.date", value=value.isoformat())
    if isinstance(value, dt.time):
        return message("cfg.found.time", value=value.isoformat())
    if isinstance(value, list):
        return message("cfg.found.list")
    if isinstance(value, dict):
        return message("cfg.found.table")
    return repr(value)


def _did_you_mean(name: str, known: Sequence[str]) -> Message | str:
    close = difflib.get_close_matches(name, known, n=1)
    return message("cfg.did_you_mean", name=repr(close[0])) if close else ""


def _join(key: str, name: str | int) -> str:
    if isinstance(name, int):
        return f"{key}[{name}]"
    if not re.match(r"^[A-Za-z0-9_-]+$", name):
        name = f'"{name}"'
    return f"{key}.{name}" if key else name


class _Reader:
    """Reads the parsed TOML into the model; every check names its key path."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.base = Path(path).parent
        self.place = {"country": "organisation.country", "subdiv": "organisation.subdivision"}
        self.language: str | None = None  # once [organisation] is read: its errors' language

    # -- errors -----------------------------------------------------------

    def fail(self, key: str, text: str | Renderable) -> NoReturn:
        raise ConfigError(text, path=self.path, key=key, language=self.language)

    def expected(self, key: str, what: str | Message, value: object) -> NoReturn:
        if isinstance(what, str):
            what = message(what)
        self.fail(key, message("cfg.expected", what=what, found=_found(value)))

    def build(
        self,
        key: str,
        make: Callable[..., T],
        *args: Any,
        items: Mapping[str, str] | None = None,
        **kwargs: Any,
    ) -> T:
        """Call a model constructor; its error becomes a ConfigError at ``key``
        (or at ``items[error.item]`` when the model names the item)."""
        try:
            return make(*args, **kwargs)
        except ConfigError:
            raise
        except (MotesplanError, ValueError, TypeError) as error:
            item = getattr(error, "item", "")
            text = error.message if isinstance(error, MotesplanError) else str(error)
            self.fail((items or {}).get(item, key), text)

    # -- tables and values ------------------------------------------------

    def table(
        self,
        value: object,
        key: str,
        allowed: Sequence[str],
        required: Sequence[str] = (),
    ) -> Table:
        if not isinstance(value, dict):
            self.expected(key, "cfg.want.table", value)
        for name in value:
            if name not in allowed:
                self.fail(
                    _join(key, name),
                    message(
                        "cfg.unknown_key",
                        name=repr(name),
                        hint=_did_you_mean(name, allowed),
                        allowed=", ".join(allowed),
                    ),
                )
        for name in required:
            if name not in value:
                self.fail(_join(key, name), message("cfg.missing_key", name=repr(name)))
        return value

    def tables(
        self,
        value: object,
        key: str,
        allowed: Sequence[str],
        required: Sequence[str] = (),
    ) -> list[tuple[str, Table]]:
        """A list of tables (``[[name]]`` or ``name = [{...}, ...]``), with their key paths."""
        if not isinstance(value, list):
            self.expected(key, "cfg.want.tables", value)
        return [
            (_join(key, index), self.table(item, _join(key, index), allowed, required))
            for index, item in enumerate(value)
        ]

    def string(self, value: object, key: str) -> str:
        if not isinstance(value, str):
            self.expected(key, "cfg.want.string", value)
        return value

    def opt_string(self, table: Table, name: str, key: str) -> str | None:
        return None if name not in table else self.string(table[name], _join(key, name))

    def integer(self, value: object, key: str, minimum: int | None = 0) -> int:
        if isinstance(value, bool) or not isinstance(value, int):
            self.expected(key, "cfg.want.integer", value)
        if minimum is not None and value < minimum:
            self.expected(key, message("cfg.want.integer_min", minimum=minimum), value)
        return value

    def boolean(self, value: object, key: str) -> bool:
        if not isinstance(value, bool):
            self.expected(key, "cfg.want.boolean", value)
        return value

    def strings(self, value: object, key: str) -> tuple[str, ...]:
        if not isinstance(value, list):
            self.expected(key, "cfg.want.strings", value)
        return tuple(self.string(item, _join(key, index)) for index, item in enumerate(value))

    def date(self, value: object, key: str) -> dt.date:
        if isinstance(value, dt.datetime):
            self.expected(key, "cfg.want.date_only", value)
        if isinstance(value, dt.date):
            return value
        if isinstance(value, str):
            try:
                return dt.date.fromisoformat(value.strip())
            except ValueError:
                pass
        return self.expected(key, "cfg.want.date", value)

    def time(self, value: object, key: str) -> dt.time:
        if isinstance(value, dt.time | str):
            try:
                return to_time(value)
            except ValidationError:
                pass
        return self.expected(key, "cfg.want.time", value)

    def times(self, table: Table, key: str) -> tuple[dt.time, dt.time] | None:
        """``time = "09:00-11:30"``, or ``start`` and ``end``; ``None`` if neither."""
        if "time" in table:
            for name in ("start", "end"):
                if name in table:
                    self.fail(_join(key, name), message("cfg.time_or_span"))
            value = table["time"]
            where = _join(key, "time")
            parts = value.split("-") if isinstance(value, str) else []
            if len(parts) != 2:
                self.expected(where, "cfg.want.time_span", value)
            return self.time(parts[0].strip(), where), self.time(parts[1].strip(), where)
        if "start" in table or "end" in table:
            for name in ("start", "end"):
                if name not in table:
                    self.fail(_join(key, name), message("cfg.missing_key_or_time", name=repr(name)))
            return (
                self.time(table["start"], _join(key, "start")),
                self.time(table["end"], _join(key, "end")),
            )
        return None

    def weight(self, table: Table, key: str) -> int | None:
        if "weight" not in table:
            return None
        return self.integer(table["weight"], _join(key, "weight"))

    def known(self, value: str, key: str, kind: str, known: Sequence[str]) -> str:
        if value not in known:
            self.fail(
                key,
                message(
                    f"cfg.unknown.{kind}",
                    value=repr(value),
                    hint=_did_you_mean(value, known),
                    known=", ".join(known) or message("cfg.none"),
                ),
            )
        return value

    def unique(self, ids: Sequence[tuple[str, str]], kind: str) -> None:
        seen: set[str] = set()
        for key, value in ids:
            if value in seen:
                self.fail(key, message(f"cfg.twice.{kind}", value=repr(value)))
            seen.add(value)

    # -- the file ---------------------------------------------------------

    def config(self, data: Table) -> Config:
        stated = data.get("organisation")
        if isinstance(stated, dict) and stated.get("language") in LANGUAGES:
            self.language = stated["language"]  # every error of the file reads in it
        self.table(data, "", _TOP, ("organisation", "period", "series"))
        org = self.table(
            data["organisation"],
            "organisation",
            ("name", "country", "subdivision", "timezone", "language"),
            ("name",),
        )
        name = self.string(org["name"], "organisation.name")
        country = self.string(org.get("country", "SE"), "organisation.country")
        subdiv = self.opt_string(org, "subdivision", "organisation")
        timezone = self.string(org.get("timezone", "Europe/Stockholm"), "organisation.timezone")
        try:
            ZoneInfo(timezone)
        except (ValueError, ZoneInfoNotFoundError, OSError):
            self.expected("organisation.timezone", "cfg.want.timezone", timezone)
        language = self.string(org.get("language", DEFAULT_LANGUAGE), "organisation.language")
        if language not in LANGUAGES:
            want = message("cfg.want.language", languages=", ".join(LANGUAGES))
            self.expected("organisation.language", want, language)
        self.language = language
        period = self.table(data["period"], "period", ("start", "end"), ("start", "end"))
        start = self.date(period["start"], "period.start")
        end = self.date(period["end"], "period.end")
        if end < start:
            self.fail("period.end", message("cfg.period_order", end=end, start=start))

        members, attendees = self.members(data.get("members", []))
        member_ids = [m.id for m in members]
        bodies = self.bodies(data.get("bodies", []), member_ids)
        series = self.series(data["series"], [b.id for b in bodies])
        series_ids = [s.id for s in series]
        unavailable = self.unavailable(
            data.get("unavailable", {}), country, subdiv, timezone, series_ids
        )
        links = self.links(data.get("links", []), series_ids)
        pins = self.pins(data.get("pins", []), series_ids)
        weights = self.weights(data.get("weights", {}))
        problem = self.build(
            "",
            Problem,
            name=name,
            start=start,
            end=end,
            series=series,
            bodies=bodies,
            members=members,
            links=links,
            unavailable=unavailable,
            pins=pins,
            timezone=timezone,
            weights=weights,
            items={
                "period": "period",
                "timezone": "organisation.timezone",
                **{f"series {s.id!r}": f"series[{i}]" for i, s in enumerate(series)},
                **{f"pin {p.series} {p.date}": f"pins[{i}]" for i, p in enumerate(pins)},
            },
        )
        rotation = None
        if "rotation" in data:
            rotation = self.rotation(data["rotation"], problem)
        organizer = None
        if "invitations" in data:
            invitations = self.table(data["invitations"], "invitations", ("organizer",))
            if "organizer" in invitations:
                organizer = self.person(invitations["organizer"], "invitations.organizer")
        return Config(
            path=Path(self.path),
            problem=problem,
            rotation=rotation,
            organizer=organizer,
            attendees=attendees,
            language=language,
        )

    def person(self, value: object, key: str) -> tuple[str, str]:
        table = self.table(value, key, ("name", "email"), ("name", "email"))
        return self.string(table["name"], _join(key, "name")), self.email(
            table["email"], _join(key, "email")
        )

    def email(self, value: object, key: str) -> str:
        text = self.string(value, key)
        if not _EMAIL.match(text):
            self.expected(key, "cfg.want.email", value)
        return text

    def members(self, value: object) -> tuple[tuple[Member, ...], tuple[tuple[str, str], ...]]:
        members: list[Member] = []
        attendees: list[tuple[str, str]] = []
        items = self.tables(value, "members", ("id", "name", "contact", "email"), ("id",))
        for key, table in items:
            member_id = self.string(table["id"], _join(key, "id"))
            member_name = self.opt_string(table, "name", key)
            member = self.build(
                _join(key, "id"),
                Member,
                member_id,
                *(() if member_name is None else (member_name,)),
            )
            members.append(member)
            contact = self.opt_string(table, "contact", key)
            if "email" in table:
                email = self.email(table["email"], _join(key, "email"))
                attendees.append((contact or member.name, email))
            elif contact is not None:
                self.fail(_join(key, "email"), message("cfg.contact_email"))
        self.unique(
            [(_join(k, "id"), m.id) for (k, _), m in zip(items, members, strict=True)], "member"
        )
        return tuple(members), tuple(attendees)

    def bodies(self, value: object, member_ids: Sequence[str]) -> tuple[Body, ...]:
        bodies: list[Body] = []
        items = self.tables(value, "bodies", ("id", "name", "members"), ("id",))
        for key, table in items:
            body_id = self.string(table["id"], _join(key, "id"))
            body_name = self.opt_string(table, "name", key) or body_id
            ids: tuple[str, ...] = ()
            if "members" in table:
                ids = self.strings(table["members"], _join(key, "members"))
                for index, member in enumerate(ids):
                    self.known(member, f"{key}.members[{index}]", "member", member_ids)
            bodies.append(self.build(key, Body, body_id, body_name, ids))
        self.unique(
            [(_join(k, "id"), b.id) for (k, _), b in zip(items, bodies, strict=True)], "body"
        )
        return tuple(bodies)

    def count(self, value: object, key: str) -> Count:
        if isinstance(value, dict):
            table = self.table(value, key, ("min", "max", "preferred"), ("min",))
            low = self.integer(table["min"], _join(key, "min"))
            high = self.integer(table.get("max", low), _join(key, "max"))
            preferred = self.integer(table.get("preferred", high), _join(key, "preferred"))
            return self.build(key, Count, low, high, preferred)
        if isinstance(value, bool) or not isinstance(value, int):
            self.expected(key, "cfg.want.count", value)
        number = self.integer(value, key)
        return self.build(key, Count, number)

    def ranges(self, value: object, key: str) -> tuple[DateRange, ...]:
        ranges: list[DateRange] = []
        for where, table in self.tables(value, key, ("start", "end", "name"), ("start", "end")):
            first = self.date(table["start"], _join(where, "start"))
            last = self.date(table["end"], _join(where, "end"))
            label = self.opt_string(table, "name", where) or ""
            ranges.append(self.build(where, DateRange, first, last, label))
        return tuple(ranges)

    def series(self, value: object, body_ids: Sequence[str]) -> tuple[Series, ...]:
        allowed = (
            "id",
            "body",
            "name",
            "weekdays",
            "time",
            "start",
            "end",
            "count",
            "days",
            "within",
            "excluding",
            "min_gap_days",
            "max_gap_days",
            "locations",
            "form",
            "lunch",
            "note",
        )
        result: list[Series] = []
        items = self.tables(value, "series", allowed, ("id", "body", "name", "weekdays", "count"))
        for key, table in items:
            kwargs: dict[str, Any] = {
                "id": self.string(table["id"], _join(key, "id")),
                "body": self.known(
                    self.string(table["body"], _join(key, "body")),
                    _join(key, "body"),
                    "body",
                    body_ids,
                ),
                "name": self.string(table["name"], _join(key, "name")),
                "weekdays": self.weekdays(table["weekdays"], _join(key, "weekdays")),
                "count": self.count(table["count"], _join(key, "count")),
            }
            span = self.times(table, key)
            if span is None:
                self.fail(_join(key, "time"), message("cfg.missing_time"))
            kwargs["start"], kwargs["end"] = span
            if "days" in table:
                kwargs["days"] = self.integer(table["days"], _join(key, "days"), minimum=1)
            for name in ("within", "excluding"):
                if name in table:
                    kwargs[name] = self.ranges(table[name], _join(key, name))
            for name in ("min_gap_days", "max_gap_days"):
                if name in table:
                    kwargs[name] = self.integer(table[name], _join(key, name))
            if "locations" in table:
                kwargs["locations"] = self.strings(table["locations"], _join(key, "locations"))
            if "form" in table:
                where = _join(key, "form")
                kwargs["form"] = self.build(where, _to_form, self.string(table["form"], where))
            if "lunch" in table:
                kwargs["lunch"] = self.time(table["lunch"], _join(key, "lunch"))
            if "note" in table:
                kwargs["note"] = self.string(table["note"], _join(key, "note"))
            result.append(self.build(key, Series, **kwargs))
        self.unique(
            [(_join(k, "id"), s.id) for (k, _), s in zip(items, result, strict=True)], "series"
        )
        return tuple(result)

    def weekdays(self, value: object, key: str) -> tuple[Any, ...]:
        items = value if isinstance(value, list) else [value]
        for index, item in enumerate(items):
            where = _join(key, index) if isinstance(value, list) else key
            if not isinstance(item, str):
                self.expected(where, "cfg.want.weekday", item)
            self.build(where, to_weekdays, [item])
        if not items:
            self.expected(key, "cfg.want.weekdays", value)
        return self.build(key, to_weekdays, items)

    def series_refs(self, table: Table, key: str, series_ids: Sequence[str]) -> tuple[str, ...]:
        if "series" not in table:
            return ()
        where = _join(key, "series")
        names = self.strings(table["series"], where)
        for index, name in enumerate(names):
            self.known(name, _join(where, index), "series", series_ids)
        return names

    def unavailable(
        self,
        value: object,
        country: str,
        subdiv: str | None,
        timezone: str,
        series_ids: Sequence[str],
    ) -> tuple[Unavailable, ...]:
        key = "unavailable"
        table = self.table(
            value,
            key,
            ("holidays", "bridge_days", "school_breaks", "periods", "dates", "calendars"),
        )
        sources: list[Unavailable] = []
        if "holidays" in table:
            where = _join(key, "holidays")
            item = table["holidays"]
            if isinstance(item, dict):
                options = self.table(item, where, ("categories", "series", "weight"))
                categories = self.strings(
                    options.get("categories", ["public"]), _join(where, "categories")
                )
                refs = self.series_refs(options, where, series_ids)
                weight = self.weight(options, where)
            else:
                if not isinstance(item, list):
                    self.expected(where, "cfg.want.categories", item)
                categories, refs, weight = self.strings(item, where), (), None
            sources.append(
                self.build(
                    where,
                    PublicHolidays,
                    country,
                    subdiv,
                    categories,
                    series=refs,
                    weight=weight,
                    config_key=where,
                    items=self.place,
                )
            )
        if "bridge_days" in table:
            where = _join(key, "bridge_days")
            item = table["bridge_days"]
            if isinstance(item, dict):
                options = self.table(item, where, ("categories", "series", "weight"))
                kwargs: dict[str, Any] = {
                    "series": self.series_refs(options, where, series_ids),
                    "weight": self.weight(options, where),
                    "config_key": where,
                }
                if "categories" in options:
                    kwargs["categories"] = self.strings(
                        options["categories"], _join(where, "categories")
                    )
                sources.append(
                    self.build(where, BridgeDays, country, subdiv, items=self.place, **kwargs)
                )
            elif self.boolean(item, where):
                sources.append(
                    self.build(
                        where, BridgeDays, country, subdiv, config_key=where, items=self.place
                    )
                )
        if "school_breaks" in table:
            sources.extend(self.school_breaks(table["school_breaks"], series_ids))
        if "periods" in table:
            where = _join(key, "periods")
            allowed: tuple[str, ...] = (
                "name",
                "start",
                "end",
                "start_time",
                "end_time",
                "series",
                "weight",
            )
            for item_key, item in self.tables(
                table["periods"], where, allowed, ("name", "start", "end")
            ):
                args: dict[str, Any] = {
                    "name": self.string(item["name"], _join(item_key, "name")),
                    "start": self.date(item["start"], _join(item_key, "start")),
                    "end": self.date(item["end"], _join(item_key, "end")),
                    "series": self.series_refs(item, item_key, series_ids),
                    "weight": self.weight(item, item_key),
                    "config_key": item_key,
                }
                for name in ("start_time", "end_time"):
                    if name in item:
                        args[name] = self.time(item[name], _join(item_key, name))
                sources.append(self.build(item_key, ClosedPeriod, **args))
        if "dates" in table:
            where = _join(key, "dates")
            allowed = ("name", "dates", "series", "weight")
            for item_key, item in self.tables(table["dates"], where, allowed, ("name", "dates")):
                dates_key = _join(item_key, "dates")
                if not isinstance(item["dates"], list):
                    self.expected(dates_key, "cfg.want.dates", item["dates"])
                args = {
                    "name": self.string(item["name"], _join(item_key, "name")),
                    "dates": tuple(
                        self.date(day, _join(dates_key, index))
                        for index, day in enumerate(item["dates"])
                    ),
                    "series": self.series_refs(item, item_key, series_ids),
                    "weight": self.weight(item, item_key),
                    "config_key": item_key,
                }
                sources.append(self.build(item_key, ClosedDates, **args))
        if "calendars" in table:
            where = _join(key, "calendars")
            allowed = ("path", "name", "series", "weight")
            for item_key, item in self.tables(table["calendars"], where, allowed, ("path",)):
                file = Path(self.string(item["path"], _join(item_key, "path")))
                if not file.is_absolute():
                    file = self.base / file
                args = {
                    "path": str(file),
                    "name": self.opt_string(item, "name", item_key) or "",
                    "series": self.series_refs(item, item_key, series_ids),
                    "weight": self.weight(item, item_key),
                    "timezone": timezone,
                }
                sources.append(self.build(_join(item_key, "path"), BusyCalendar, **args))
        return tuple(sources)

    def weeks(self, value: object, key: str) -> dict[int, tuple[int, ...]]:
        if not isinstance(value, dict):
            self.expected(key, "cfg.want.weeks_per_year", value)
        table: Table = value
        weeks: dict[int, tuple[int, ...]] = {}
        for year, items in table.items():
            where = _join(key, year)
            if not re.fullmatch(r"\d{4}", year):
                self.fail(where, message("cfg.year_key", found=repr(year)))
            if not isinstance(items, list):
                self.expected(where, "cfg.want.weeks", items)
            numbers = [self.integer(week, _join(where, i), 1) for i, week in enumerate(items)]
            weeks[int(year)] = tuple(numbers)
        return weeks

    def school_breaks(self, value: object, series_ids: Sequence[str]) -> list[Unavailable]:
        key = "unavailable.school_breaks"
        if isinstance(value, dict):
            weeks = self.weeks(value, key)
            return [self.build(key, SchoolBreaks, weeks, config_key=key)]
        if not isinstance(value, list):
            self.expected(key, "cfg.want.school_breaks", value)
        allowed = ("name", "weeks", "series", "weight")
        sources: list[Unavailable] = []
        for item_key, item in self.tables(value, key, allowed, ("weeks",)):
            args: dict[str, Any] = {
                "weeks": self.weeks(item["weeks"], _join(item_key, "weeks")),
                "name": self.opt_string(item, "name", item_key) or "",
                "series": self.series_refs(item, item_key, series_ids),
                "weight": self.weight(item, item_key),
                "config_key": item_key,
            }
            sources.append(self.build(item_key, SchoolBreaks, **args))
        return sources

    def links(self, value: object, series_ids: Sequence[str]) -> tuple[Link, ...]:
        links: list[Link] = []
        allowed = ("before", "after", "days", "hard", "weight", "cap_days")
        for key, table in self.tables(value, "links", allowed, ("before", "after", "days")):
            before, after = (
                self.known(
                    self.string(table[name], _join(key, name)),
                    _join(key, name),
                    "series",
                    series_ids,
                )
                for name in ("before", "after")
            )
            days_key = _join(key, "days")
            days = self.table(table["days"], days_key, ("min", "max"), ("min", "max"))
            args: dict[str, Any] = {
                "before": before,
                "after": after,
                "min_days": self.integer(days["min"], _join(days_key, "min")),
                "max_days": self.integer(days["max"], _join(days_key, "max")),
            }
            if "hard" in table:
                args["hard"] = self.boolean(table["hard"], _join(key, "hard"))
            for name in ("weight", "cap_days"):
                if name in table:
                    args[name] = self.integer(table[name], _join(key, name))
            links.append(self.build(key, Link, **args))
        return tuple(links)

    def pins(self, value: object, series_ids: Sequence[str]) -> tuple[Pin, ...]:
        pins: list[Pin] = []
        allowed = ("series", "date", "time", "start", "end", "location", "form", "title", "note")
        for key, table in self.tables(value, "pins", allowed, ("series", "date")):
            args: dict[str, Any] = {
                "series": self.known(
                    self.string(table["series"], _join(key, "series")),
                    _join(key, "series"),
                    "series",
                    series_ids,
                ),
                "date": self.date(table["date"], _join(key, "date")),
            }
            span = self.times(table, key)
            if span is not None:
                args["start"], args["end"] = span
            for name in ("location", "title", "note"):
                if name in table:
                    args[name] = self.string(table[name], _join(key, name))
            if "form" in table:
                where = _join(key, "form")
                args["form"] = self.build(where, _to_form, self.string(table["form"], where))
            pins.append(self.build(key, Pin, **args))
        return tuple(pins)

    def weights(self, value: object) -> Weights:
        table = self.table(value, "weights", ("spread", "location", "count"))
        args: dict[str, Any] = {
            name: self.integer(item, _join("weights", name)) for name, item in table.items()
        }
        return self.build("weights", Weights, **args)

    def rotation(self, value: object, problem: Problem) -> RotationProblem:
        key = "rotation"
        allowed = (
            "body",
            "years",
            "members",
            "history",
            "order",
            "derive_order",
            "exclusions",
            "agreements",
            "groups",
            "succession",
            "succession_weight",
        )
        table = self.table(value, key, allowed, ("body", "years"))
        body_ids = [b.id for b in problem.bodies]
        body_key = _join(key, "body")
        body = problem.get_body(
            self.known(self.string(table["body"], body_key), body_key, "body", body_ids)
        )
        all_ids = [m.id for m in problem.members]
        if "members" in table:
            where = _join(key, "members")
            ids = self.strings(table["members"], where)
            for index, member in enumerate(ids):
                self.known(member, _join(where, index), "member", all_ids)
        else:
            ids = body.members or tuple(all_ids)
        by_id = {m.id: m for m in problem.members}
        members = tuple(by_id[i] for i in ids)

        years_key = _join(key, "years")
        years = table["years"]
        if not isinstance(years, list) or len(years) != 2:
            self.expected(years_key, "cfg.want.years", years)
        first, last = (self.integer(y, _join(years_key, i)) for i, y in enumerate(years))

        def member_of(item: Table, name: str, where: str) -> str | None:
            if name not in item:
                return None
            return self.known(
                self.string(item[name], _join(where, name)), _join(where, name), "member", ids
            )

        args: dict[str, Any] = {}
        history: list[Term] = []
        for where, item in self.tables(
            table.get("history", []),
            _join(key, "history"),
            ("year", "chair", "vice_chair"),
            ("year",),
        ):
            year = self.integer(item["year"], _join(where, "year"))
            chair, vice = member_of(item, "chair", where), member_of(item, "vice_chair", where)
            history.append(self.build(where, Term, year, chair, vice))
        if "order" in table:
            where = _join(key, "order")
            args["order"] = self.strings(table["order"], where)
            for index, name in enumerate(args["order"]):
                self.known(name, _join(where, index), "member", ids)
        for name in ("derive_order", "succession"):
            if name in table:
                args[name] = self.boolean(table[name], _join(key, name))
        if "succession_weight" in table:
            args["succession_weight"] = self.integer(
                table["succession_weight"], _join(key, "succession_weight")
            )
        exclusions: list[Exclusion] = []
        for where, item in self.tables(
            table.get("exclusions", []),
            _join(key, "exclusions"),
            ("member", "year", "roles", "reason"),
            ("member", "year"),
        ):
            exclusion_args: dict[str, Any] = {
                "member": member_of(item, "member", where),
                "year": self.integer(item["year"], _join(where, "year")),
                "reason": self.opt_string(item, "reason", where) or "",
            }
            if "roles" in item:
                roles_key = _join(where, "roles")
                roles = item["roles"]
                if not isinstance(roles, str):
                    roles = self.strings(roles, roles_key)
                exclusion_args["roles"] = self.build(roles_key, _to_roles, roles)
            exclusions.append(self.build(where, Exclusion, **exclusion_args))
        agreements: list[Agreement] = []
        for where, item in self.tables(
            table.get("agreements", []),
            _join(key, "agreements"),
            ("member", "year", "role"),
            ("member", "year"),
        ):
            agreement_args: dict[str, Any] = {
                "member": member_of(item, "member", where),
                "year": self.integer(item["year"], _join(where, "year")),
            }
            if "role" in item:
                role_key = _join(where, "role")
                role = self.string(item["role"], role_key)
                agreement_args["role"] = self.build(role_key, _to_role, role)
            agreements.append(self.build(where, Agreement, **agreement_args))
        groupings: list[Grouping] = []
        for where, item in self.tables(
            table.get("groups", []), _join(key, "groups"), ("year", "groups"), ("year", "groups")
        ):
            groups_key = _join(where, "groups")
            groups = self.table(item["groups"], groups_key, ids)
            mapping = {m: self.string(g, _join(groups_key, m)) for m, g in groups.items()}
            year = self.integer(item["year"], _join(where, "year"))
            groupings.append(self.build(where, Grouping, year, mapping))
        return self.build(
            key,
            RotationProblem,
            body=body.name,
            members=members,
            first_year=first,
            last_year=last,
            history=tuple(history),
            exclusions=tuple(exclusions),
            agreements=tuple(agreements),
            groups=tuple(groupings),
            name=problem.name,
            items={
                "years": _join(key, "years"),
                "order": _join(key, "order"),
                "members": _join(key, "members"),
                "succession_weight": _join(key, "succession_weight"),
                **{f"history {t.year}": f"{key}.history[{i}]" for i, t in enumerate(history)},
                **{
                    f"exclusion {e.member} {e.year}": f"{key}.exclusions[{i}]"
                    for i, e in enumerate(exclusions)
                },
                **{
                    f"agreement {e.member} {e.year}": f"{key}.agreements[{i}]"
                    for i, e in enumerate(agreements)
                },
            },
            **args,
        )
