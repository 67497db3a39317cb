"""The kinds of value a configuration file holds, and the tables that hold them.

A key of the file is declared once, as a :class:`Field` of a :class:`Table`: its name,
its kind of value, whether it is required, the field of the model it fills, and what
it means. From that one declaration follow the reading (types checked, with the key
path of every mistake), unknown keys with "did you mean", the required keys, the
:class:`~motesplan.Source` of every record (so the model's errors, and the solver's
explanations, name the key), and the tables of ``docs/configuration.md``
(:mod:`motesplan.config.docs`). What a value *means* (a count's order, a pin on the
right weekday, a known time zone) the model alone checks.

Reading a table gives :data:`Values`: for each model field it fills, the value and
the key path it was read at.
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any, ClassVar, NoReturn, TypeAlias

import attrs
from attrs import frozen

from motesplan._convert import Weekday, to_date, to_time, to_weekdays
from motesplan.errors import ConfigError, MotesplanError, Renderable
from motesplan.source import Source, join_key
from motesplan.text import Message, message

__all__ = [
    "Boolean",
    "Choice",
    "Context",
    "Converted",
    "Date",
    "Either",
    "Email",
    "Field",
    "Integer",
    "ListOf",
    "MapOf",
    "Read",
    "Record",
    "Records",
    "Ref",
    "Table",
    "Text",
    "Time",
    "TimeSpan",
    "Values",
    "Weekdays",
    "WeeksPerYear",
    "YearPair",
]


@frozen
class Read:
    """A value read from the file, and the key path it was read at."""

    value: Any
    key: str


Values: TypeAlias = dict[str, Read]
"""What a table gave: the value of each model field it fills, and where it was read."""


# ---------------------------------------------------------------------------
# Where the reading is


def _found(value: object) -> Message | str:
    """What was found, for "expected ..., found ..."."""
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


def did_you_mean(name: str, known: Sequence[str]) -> Message | str:
    """``; did you mean 'weekdays'?`` when a known name is close, else nothing."""
    close = difflib.get_close_matches(name, known, n=1)
    return message("cfg.did_you_mean", name=repr(close[0])) if close else ""


class Context:
    """The reading of one file: where errors point, and the ids known so far.

    Attributes:
        path: the file, as errors name it.
        base: the folder that relative paths in the file start from.
        language: the file's language, once ``[organisation]`` says it (its errors
            read in it).
        ids: the ids of each kind read so far (``series``, ``body``, ``member``, and
            the members of a rotation), for references to them.
        body_members: the members of each body.
        attendees: ``(name, email)`` of each member with an ``email``, in file order.
        country: the organisation's country, for holidays and bridge days.
        subdivision: its subdivision, if any.
        timezone: its time zone, for busy calendars.
    """

    def __init__(self, path: str) -> None:
        self.path = path
        self.base = Path(path).parent
        self.language: str | None = None
        self.ids: dict[str, list[str]] = {}
        self.body_members: dict[str, tuple[str, ...]] = {}
        self.attendees: list[tuple[str, str]] = []
        self.country = "SE"
        self.subdivision: str | None = None
        self.timezone = "Europe/Stockholm"

    def fail(self, key: str, text: str | Renderable) -> NoReturn:
        """One error at ``key``."""
        raise ConfigError(text, path=self.path, key=key, language=self.language)

    def expected(self, key: str, what: str | Message, value: object) -> NoReturn:
        """``expected <what>, found <value>`` at ``key`` (``what``: a message id or
        a message)."""
        if isinstance(what, str):
            what = message(what)
        self.fail(key, message("cfg.expected", what=what, found=_found(value)))

    def source(self, key: str, values: Values, **elsewhere: str) -> Source:
        """The source of a record stated at ``key`` with these values: each model field
        read at another key path than its own name below ``key`` is noted, and so are
        ``elsewhere`` (fields stated in another table, e.g. the country of holidays)."""
        fields = {
            name: read.key for name, read in values.items() if read.key != join_key(key, name)
        }
        return Source(self.path, key, {**fields, **elsewhere})

    def build(
        self, key: str, make: Callable[..., Any], *args: Any, fallback: str = "", **kwargs: Any
    ) -> Any:
        """Call a model constructor or converter; its error becomes a ConfigError at the
        key its source and field name, else at ``fallback`` or ``key``."""
        try:
            return make(*args, **kwargs)
        except ConfigError:
            raise
        except (MotesplanError, ValueError, TypeError) as error:
            source = getattr(error, "source", None)
            where = source.at(getattr(error, "field", None)) if source is not None else ""
            text = error.message if isinstance(error, MotesplanError) else str(error)
            self.fail(where or fallback or key, text)

    def make(
        self,
        key: str,
        model: Callable[..., Any],
        values: Values,
        *,
        elsewhere: Mapping[str, str] | None = None,
        fallback: str = "",
        **more: Any,
    ) -> Any:
        """A model record from the values of a table at ``key``, with its source;
        ``more`` are further arguments, ``elsewhere`` the fields they come from."""
        kwargs = {name: read.value for name, read in values.items()}
        source = self.source(key, values, **(elsewhere or {}))
        return self.build(key, model, **kwargs, **more, source=source, fallback=fallback)


# ---------------------------------------------------------------------------
# Kinds of value


class Kind:
    """A kind of value: reads one, and describes itself for the docs."""

    doc = ""
    """How the docs name this kind of value ("string", "date", "list of series ids")."""

    def read(self, value: object, key: str, context: Context) -> Any:
        """The value, checked and converted; a mistake is a ConfigError at ``key``."""
        raise NotImplementedError


class _Typed(Kind):
    """A value of one TOML type, as it is."""

    python_type: ClassVar[type]
    want: ClassVar[str]
    """The message id of what was expected."""

    def read(self, value: object, key: str, context: Context) -> Any:
        if not isinstance(value, self.python_type):
            context.expected(key, self.want, value)
        return value


@frozen
class Text(_Typed):
    """A string."""

    python_type = str
    want = "cfg.want.string"
    doc: str = "string"


@frozen
class Choice(Kind):
    """One of some strings (a language)."""

    choices: tuple[str, ...]
    want: str
    """The message id of what was expected; ``{languages}`` is filled with the choices."""
    doc: str = "string"

    def read(self, value: object, key: str, context: Context) -> str:
        text: str = Text().read(value, key, context)
        if text not in self.choices:
            context.expected(key, message(self.want, languages=", ".join(self.choices)), value)
        return text


@frozen
class Email(Kind):
    """An e-mail address (``name@host``)."""

    doc: str = "e-mail address"

    def read(self, value: object, key: str, context: Context) -> str:
        text: str = Text().read(value, key, context)
        local, at, host = text.partition("@")
        if not (local and at and host) or any(c.isspace() or c == "@" for c in local + host):
            context.expected(key, "cfg.want.email", value)
        return text


@frozen
class Integer(Kind):
    """A whole number, at least ``minimum``."""

    minimum: int = 0

    @property
    def doc(self) -> str:  # type: ignore[override]
        return f"number >= {self.minimum}"

    def read(self, value: object, key: str, context: Context) -> int:
        if isinstance(value, bool) or not isinstance(value, int):
            context.expected(key, "cfg.want.integer", value)
        if value < self.minimum:
            context.expected(key, message("cfg.want.integer_min", minimum=self.minimum), value)
        return value


@frozen
class Boolean(_Typed):
    """``true`` or ``false``."""

    python_type = bool
    want = "cfg.want.boolean"
    doc: str = "`true` or `false`"


@frozen
class Date(Kind):
    """A TOML date (or an ISO date in quotes), without a time."""

    doc: str = "date"

    def read(self, value: object, key: str, context: Context) -> dt.date:
        if isinstance(value, dt.datetime):
            context.expected(key, "cfg.want.date_only", value)
        try:
            return to_date(value)
        except MotesplanError:
            return context.expected(key, "cfg.want.date", value)


@frozen
class Time(Kind):
    """A time of day: ``"09:00"`` (or ``"9.00"``, or a TOML time)."""

    doc: str = 'time `"HH:MM"`'

    def read(self, value: object, key: str, context: Context) -> dt.time:
        if isinstance(value, dt.time | str):
            try:
                return to_time(value)
            except MotesplanError:
                pass
        return context.expected(key, "cfg.want.time", value)


@frozen
class TimeSpan(Kind):
    """A start and an end time: ``"09:00-11:30"``."""

    doc: str = 'string `"HH:MM-HH:MM"`'

    def read(self, value: object, key: str, context: Context) -> tuple[dt.time, dt.time]:
        parts = value.split("-") if isinstance(value, str) else []
        if len(parts) != 2:
            context.expected(key, "cfg.want.time_span", value)
        start, end = (Time().read(part.strip(), key, context) for part in parts)
        return start, end


@frozen
class Ref(Kind):
    """The id of an item read earlier in the file: a series, a body, a member."""

    kind: str
    """Which ids: ``series``, ``body``, ``member`` or ``rotation member``."""

    @property
    def doc(self) -> str:  # type: ignore[override]
        return f"{self.kind.split()[-1]} id"

    def read(self, value: object, key: str, context: Context) -> str:
        text: str = Text().read(value, key, context)
        known = context.ids.get(self.kind, [])
        if text not in known:
            context.fail(
                key,
                message(
                    f"cfg.unknown.{self.kind.split()[-1]}",
                    value=repr(text),
                    hint=did_you_mean(text, known),
                    known=", ".join(known) or message("cfg.none"),
                ),
            )
        return text


@frozen
class ListOf(Kind):
    """A list, each item of ``item``'s kind (key paths count from 0)."""

    item: Kind
    want: str = "cfg.want.strings"
    """The message id of what a value that is no list should have been."""
    doc_text: str = ""

    @property
    def doc(self) -> str:  # type: ignore[override]
        return self.doc_text or f"list of {self.item.doc}s"

    def read(self, value: object, key: str, context: Context) -> tuple[Any, ...]:
        if not isinstance(value, list):
            context.expected(key, self.want, value)
        return tuple(
            self.item.read(item, join_key(key, i), context) for i, item in enumerate(value)
        )


@frozen
class Converted(Kind):
    """A value of ``base`` kind, converted by the model's own converter (a form, a role,
    weekdays), whose error is reported at the key."""

    base: Kind
    convert: Callable[[Any], Any]
    doc_text: str = ""

    @property
    def doc(self) -> str:  # type: ignore[override]
        return self.doc_text or self.base.doc

    def read(self, value: object, key: str, context: Context) -> Any:
        return context.build(key, self.convert, self.base.read(value, key, context))


@frozen
class Weekdays(Kind):
    """One weekday name, or a list of them (English or Swedish, full or short)."""

    doc: str = 'list of weekday names (or one name): `"friday"`, `"fredag"`, `"fri"`'

    def read(self, value: object, key: str, context: Context) -> tuple[Weekday, ...]:
        items = value if isinstance(value, list) else [value]
        for index, item in enumerate(items):
            where = join_key(key, index) if isinstance(value, list) else key
            if not isinstance(item, str):
                context.expected(where, "cfg.want.weekday", item)
            context.build(where, to_weekdays, [item])
        if not items:
            context.expected(key, "cfg.want.weekdays", value)
        return context.build(key, to_weekdays, items)  # type: ignore[no-any-return]


@frozen
class WeeksPerYear(Kind):
    """ISO weeks per year: ``{ 2024 = [9, 14, 44] }``."""

    doc: str = "table of ISO weeks per year"

    def read(self, value: object, key: str, context: Context) -> dict[int, tuple[int, ...]]:
        if not isinstance(value, dict):
            context.expected(key, "cfg.want.weeks_per_year", value)
        weeks: dict[int, tuple[int, ...]] = {}
        for year, items in value.items():
            where = join_key(key, year)
            if not (len(year) == 4 and year.isdigit()):
                context.fail(where, message("cfg.year_key", found=repr(year)))
            read = ListOf(Integer(1), want="cfg.want.weeks").read(items, where, context)
            weeks[int(year)] = read
        return weeks


@frozen
class YearPair(Kind):
    """``[first, last]``: two years."""

    doc: str = "`[first, last]`"

    def read(self, value: object, key: str, context: Context) -> tuple[int, int]:
        if not isinstance(value, list) or len(value) != 2:
            context.expected(key, "cfg.want.years", value)
        first, last = (
            Integer().read(year, join_key(key, i), context) for i, year in enumerate(value)
        )
        return first, last


@frozen
class MapOf(Kind):
    """A table whose keys are ids of one kind (checked like unknown keys), each with a
    value of ``value`` kind: ``{ botkyrka = "S", salem = "M" }``."""

    keys: str
    """Which ids the keys are (as :attr:`Ref.kind`)."""
    value: Kind
    doc: str = "table `{ member = group }`"

    def read(self, value: object, key: str, context: Context) -> dict[str, Any]:
        if not isinstance(value, dict):
            context.expected(key, "cfg.want.table", value)
        allowed = context.ids.get(self.keys, [])
        _check_keys(value, key, allowed, context)
        return {
            name: self.value.read(item, join_key(key, name), context)
            for name, item in value.items()
        }


# ---------------------------------------------------------------------------
# Tables


@frozen
class Field:
    """One key of a table, declared once.

    Attributes:
        name: the key in the file.
        kind: its kind of value.
        doc: what it means, for the docs.
        required: whether the table must have it.
        model: the model field it fills: ``""`` for the same name, a tuple for a value
            that fills several (``time`` fills ``start`` and ``end``), ``None`` for a
            key that fills no model field (the reader uses it itself). A field whose
            kind is a :class:`Table` or an :class:`Either` of tables fills the fields
            of that table instead, each at its own key path.
        default: the default, for the docs, when the model's own default is not the
            thing to show (``""``: take the model's).
        unique: the kind of id this key names, unique in its list (``series``).
        then: called with the value read and the context, before the next key is read
            (a rotation's body tells which members its history may name).
    """

    name: str
    kind: Kind
    doc: str = ""
    required: bool = False
    model: str | tuple[str, ...] | None = ""
    default: str = ""
    unique: str = ""
    then: Callable[[Any, Context], None] | None = None

    @property
    def targets(self) -> tuple[str, ...]:
        """The model fields it fills."""
        if self.model is None:
            return ()
        if isinstance(self.model, tuple):
            return self.model
        return (self.model or self.name,)


def _check_keys(
    value: Mapping[str, object], key: str, allowed: Sequence[str], context: Context
) -> None:
    for name in value:
        if name not in allowed:
            context.fail(
                join_key(key, name),
                message(
                    "cfg.unknown_key",
                    name=repr(name),
                    hint=did_you_mean(name, allowed),
                    allowed=", ".join(allowed),
                ),
            )


@frozen
class Table(Kind):
    """A table (``[name]``, or ``{ ... }`` inline) of declared keys.

    Attributes:
        fields: its keys, in the order they are read (an id before what refers to it).
        model: the model record it states, for the docs' default column.
        title: how the docs name the table (``[[series]]``).
        either: groups of keys of which only one may be given (``time``, or ``start``
            and ``end``): the first group alone, or all keys of the rest together.
        either_required: whether one of the ``either`` groups must be given.
        about: how the docs describe it as a value of another table (default: its
            keys, ``table `{ start, end, name }```).
    """

    fields: tuple[Field, ...]
    model: type | None = None
    title: str = ""
    either: tuple[tuple[str, ...], ...] = ()
    either_required: bool = False
    about: str = ""

    @property
    def doc(self) -> str:  # type: ignore[override]
        return self.about or "table `{ " + ", ".join(self.names) + " }`"

    @property
    def names(self) -> tuple[str, ...]:
        """Its keys."""
        return tuple(item.name for item in self.fields)

    def field(self, name: str) -> Field:
        """The declaration of one key."""
        return next(item for item in self.fields if item.name == name)

    def check(self, value: object, key: str, context: Context) -> dict[str, Any]:
        """The table's shape: a table, no unknown key, every required key, at most one
        of the ``either`` groups."""
        if not isinstance(value, dict):
            context.expected(key, "cfg.want.table", value)
        _check_keys(value, key, self.names, context)
        for item in self.fields:
            if item.required and item.name not in value:
                context.fail(
                    join_key(key, item.name), message("cfg.missing_key", name=repr(item.name))
                )
        self._check_either(value, key, context)
        return value

    def read(self, value: object, key: str, context: Context) -> Values:
        """Each key's value, by the model field it fills: a key that fills no model
        field under its own name, a table's (or an :class:`Either`'s) values merged."""
        table = self.check(value, key, context)
        values: Values = {}
        for item in self.fields:
            if item.name not in table:
                continue
            where = join_key(key, item.name)
            read = item.kind.read(table[item.name], where, context)
            if item.then is not None:
                item.then(read, context)
            if item.model is None:
                values[item.name] = Read(read, where)
            elif isinstance(item.kind, Table | Either) and item.model == "":
                values.update(read)  # a table's values, each at its own key
            else:
                for index, target in enumerate(item.targets):
                    values[target] = Read(read[index] if len(item.targets) > 1 else read, where)
        return values

    def _check_either(self, value: Mapping[str, object], key: str, context: Context) -> None:
        if not self.either:
            return
        alone, *together = self.either
        given = [name for name in alone if name in value]
        rest = [name for group in together for name in group]
        if given:
            for name in rest:
                if name in value:
                    context.fail(join_key(key, name), message("cfg.time_or_span"))
            return
        if any(name in value for name in rest):
            for name in rest:
                if name not in value:
                    context.fail(
                        join_key(key, name), message("cfg.missing_key_or_time", name=repr(name))
                    )
            return
        if self.either_required:
            context.fail(join_key(key, alone[0]), message("cfg.missing_time"))


@frozen
class Record(Kind):
    """A table read into a record of its model (``table.model``): ``prepare`` may change
    the values first (a path made relative to the file); the record gets its
    :class:`~motesplan.Source` unless ``sourced`` is false (a value such as a count)."""

    table: Table
    sourced: bool = True
    prepare: Callable[[Values, str, Context], dict[str, Any]] | None = None
    at: str = ""
    """The key, below the table's, of an error that names no field (a calendar file
    that cannot be read is wrong at ``path``)."""

    @property
    def doc(self) -> str:  # type: ignore[override]
        return self.table.doc

    def read(self, value: object, key: str, context: Context) -> Any:
        return self.make(self.table.read(value, key, context), key, context)

    def make(self, values: Values, key: str, context: Context) -> Any:
        """The record of values already read."""
        assert self.table.model is not None
        more = {} if self.prepare is None else self.prepare(values, key, context)
        fallback = join_key(key, self.at) if self.at else ""
        if self.sourced:
            return context.make(key, self.table.model, values, fallback=fallback, **more)
        kwargs = {name: read.value for name, read in values.items()}
        return context.build(key, self.table.model, **kwargs, **more, fallback=fallback)


@frozen
class Records(Kind):
    """A list of tables (``[[name]]``, or ``name = [{ ... }, ...]``), each read into a
    record (as :class:`Record`). A :attr:`Field.unique` key is checked unique in the
    list, and its ids become known to what is read after."""

    record: Record
    doc_text: str = ""

    @property
    def doc(self) -> str:  # type: ignore[override]
        return self.doc_text or "list of " + self.record.table.doc.replace("table", "tables", 1)

    def read(self, value: object, key: str, context: Context) -> tuple[Any, ...]:
        if not isinstance(value, list):
            context.expected(key, "cfg.want.tables", value)
        table = self.record.table
        items = [
            (join_key(key, index), table.read(item, join_key(key, index), context))
            for index, item in enumerate(value)
        ]
        for declared in table.fields:
            if declared.unique:
                seen: list[str] = []
                for _, values in items:
                    read = values[declared.targets[0]]
                    if read.value in seen:
                        twice = message(f"cfg.twice.{declared.unique}", value=repr(read.value))
                        context.fail(read.key, twice)
                    seen.append(read.value)
                context.ids[declared.unique] = seen
        return tuple(self.record.make(values, where, context) for where, values in items)


@frozen
class Either(Kind):
    """One of several kinds of value, told apart by the TOML type: ``count = 6`` or
    ``count = { min = 9, max = 10 }``; ``bridge_days = true`` or a table.

    Attributes:
        forms: ``(python type, kind, model field)``: a value of that type is read as
            that kind; a table's values fill their own fields, any other value fills
            ``model field``.
        want: the message id of what any other value should have been.
    """

    forms: tuple[tuple[type, Kind, str], ...]
    want: str
    doc_text: str = ""

    @property
    def doc(self) -> str:  # type: ignore[override]
        return self.doc_text or ", or ".join(kind.doc for _, kind, _ in self.forms)

    def read(self, value: object, key: str, context: Context) -> Values:
        for python_type, kind, target in self.forms:
            number = python_type is int and isinstance(value, bool)  # TOML true is no number
            if isinstance(value, python_type) and not number:
                read = kind.read(value, key, context)
                if isinstance(kind, Table):
                    return read  # type: ignore[no-any-return]
                return {target: Read(read, key)}
        return context.expected(key, self.want, value)


def model_default(table: Table, item: Field) -> str:
    """The default of a key for the docs: the declared one, else the model's."""
    if item.default:
        return item.default
    if item.required:
        return "required"
    if table.model is None or not item.targets or not attrs.has(table.model):
        return ""
    fields = attrs.fields_dict(table.model)
    found = fields.get(item.targets[0])
    if found is None or found.default is attrs.NOTHING:
        return ""
    default = found.default
    if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
        return ""
    if default is None:
        return "none"
    if isinstance(default, tuple):
        return "`[]`" if not default else f"`{list(default)}`"
    if isinstance(default, bool):
        return f"`{str(default).lower()}`"
    if isinstance(default, str):
        return f'`"{default}"`' if default else '`""`'
    return f"`{getattr(default, 'value', default)}`"
