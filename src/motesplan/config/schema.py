"""Every key of the configuration file, declared once (see :mod:`motesplan.config.kinds`).

The tables below are read in this order: an id is known before anything refers to it.
:func:`read_config` turns what they give into the model's records, each with its
:class:`~motesplan.Source`; the docs' tables are made from the same declarations
(:mod:`motesplan.config.docs`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from attrs import frozen

from motesplan._convert import DEFAULT_REFRESH, duration
from motesplan.config.kinds import (
    Boolean,
    Choice,
    Context,
    Converted,
    Date,
    Either,
    Email,
    Field,
    Integer,
    ListOf,
    MapOf,
    Read,
    Record,
    Records,
    Ref,
    Table,
    Text,
    Time,
    TimeSpan,
    Values,
    Weekdays,
    WeeksPerYear,
    YearPair,
)
from motesplan.planner.busy import BusyCalendar
from motesplan.planner.problem import (
    Body,
    Count,
    DateRange,
    Link,
    Member,
    Milestone,
    Pin,
    Problem,
    Representative,
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
from motesplan.source import join_key
from motesplan.text import DEFAULT_LANGUAGE, LANGUAGES, message

__all__ = ["TABLES", "TOP", "Config", "read_config"]

_FORM = Converted(
    Text(),
    _to_form,
    doc_text='`"in_person"`, `"online"`, `"hybrid"` (or `"fysiskt"`, `"digitalt"`)',
)
_SERIES_REFS = Field(
    "series", ListOf(Ref("series")), "the series it applies to", default="all series"
)
_WEIGHT = Field(
    "weight", Integer(), "points per meeting on it: a soft rule", default="none (a hard rule)"
)
_LANGUAGES = ", ".join(f'`"{language}"`' for language in LANGUAGES)


def _language(value: str, context: Context) -> None:
    """Every later error of the file reads in its language."""
    context.language = value


ORGANISATION = Table(
    (
        Field("name", Text(), "the organisation (`Problem.name`), in titles and UIDs", True),
        Field(
            "country",
            Text(),
            "ISO 3166 country of `holidays` and `bridge_days`",
            model=None,
            default='`"SE"`',
        ),
        Field(
            "subdivision",
            Text(),
            'subdivision of the country (e.g. `"CA"` for `US`)',
            model=None,
            default="none",
        ),
        Field("timezone", Text(), "IANA time zone of every time"),
        Field(
            "language",
            Choice(LANGUAGES, "cfg.want.language", _LANGUAGES),
            "language of text for people ([languages.md](languages.md))",
            model=None,
            default=f'`"{DEFAULT_LANGUAGE}"`',
            then=_language,
        ),
    ),
    Problem,
    "[organisation]",
)
PERIOD = Table(
    (
        Field("start", Date(), "first day of the period", True),
        Field("end", Date(), "last day (not before `start`)", True),
    ),
    Problem,
    "[period]",
)


def _attendee(values: Values, key: str, context: Context) -> dict[str, Any]:
    """A member with an ``email`` is an attendee of invitations (of the bodies that
    list no representatives)."""
    email, contact = values.get("email"), values.get("contact")
    if email is not None:
        name = contact.value if contact is not None else values.get("name", values["id"]).value
        context.attendees.append((name, email.value))
    elif contact is not None:
        context.fail(join_key(key, "email"), message("cfg.contact_email"))
    return {}


MEMBER = Table(
    (
        Field("id", Text(), "letters, digits, `-`, `_`, `.`; unique", True, unique="member"),
        Field("name", Text(), "display name", default="the id"),
        Field(
            "email",
            Email(),
            "e-mail address; invitations to a body that lists no representatives go to it",
        ),
        Field(
            "contact", Text(), "the attendee's name (needs `email`)", default="the member's name"
        ),
    ),
    Member,
    "[[members]]",
)


def _body(body: tuple[Body, ...], context: Context) -> None:
    context.body_members.update({item.id: item.members for item in body})


REPRESENTATIVE = Table(
    (
        Field(
            "member", Ref("member"), "the member the person represents (one of the body's)", True
        ),
        Field("name", Text(), "the person's name", True),
        Field("email", Email(), "where invitations go", True),
        Field(
            "role",
            Text(),
            '`"ledamot"`, `"ersättare"` (a substitute: an optional attendee), `"ordförande"` ...',
        ),
        Field("from", Date(), "first day of the mandate", model="start", default="always"),
        Field("until", Date(), "last day of the mandate", model="end", default="always"),
    ),
    Representative,
)
BODY = Table(
    (
        Field("id", Text(), "unique; series refer to it", True, unique="body"),
        Field("name", Text(), "display name", default="the id"),
        Field("members", ListOf(Ref("member")), "its members"),
        Field(
            "representatives",
            Records(Record(REPRESENTATIVE)),
            "the people invited to its meetings (else the members' `email`)",
        ),
    ),
    Body,
    "[[bodies]]",
)
DATE_RANGE = Table(
    (
        Field("start", Date(), "first day", True),
        Field("end", Date(), "last day", True),
        Field("name", Text(), "a name for people"),
    ),
    DateRange,
)
COUNT = Table(
    (
        Field("min", Integer(), "the least number of meetings", True),
        Field("max", Integer(), "the most", default="`min`"),
        Field("preferred", Integer(), "the number the objective pulls towards", default="`max`"),
        Field(
            "per",
            Choice(("period", "year"), "cfg.want.per"),
            '`"year"`: the range holds in every calendar year (a partial year pro rata)',
            default='`"period"`',
        ),
    ),
    Count,
)
SERIES = Table(
    (
        Field("id", Text(), "unique; used in meeting ids (`lg-2024-03`)", True, unique="series"),
        Field("body", Ref("body"), "the body that meets", True),
        Field("name", Text(), "title of the meetings", True),
        Field("weekdays", Weekdays(), "the days it may meet on", True),
        Field(
            "time",
            TimeSpan(),
            "start and end time",
            model=("start", "end"),
            default="required (or `start` and `end`)",
        ),
        Field("start", Time(), "start (on the first day), with `end`", default="instead of `time`"),
        Field("end", Time(), "end (on the last day), with `start`", default="instead of `time`"),
        Field(
            "count",
            Either(
                (
                    (int, Converted(Integer(), Count), "count"),
                    (dict, Record(COUNT, False), "count"),
                ),
                "cfg.want.count",
                "number, or table `{ min, max, preferred, per }`",
            ),
            'meetings in the period, or with `per = "year"` in every calendar year;'
            " `max` default `min`, `preferred` default `max`",
            True,
        ),
        Field("days", Integer(1), "length in days"),
        Field(
            "within",
            Records(Record(DATE_RANGE, False)),
            "the parts of the period it may use",
            default="`[]` (the whole period)",
        ),
        Field("excluding", Records(Record(DATE_RANGE, False)), "parts it may not use"),
        Field("min_gap_days", Integer(), "at least this many days between meetings"),
        Field("max_gap_days", Integer(), "at most this many days between meetings"),
        Field("locations", ListOf(Text()), "places, most preferred first"),
        Field("form", _FORM, "how meetings are held"),
        Field("lunch", Time(), "lunch before an in-person meeting"),
        Field("note", Text(), "text shown with every meeting"),
        Field(
            "reserve",
            Integer(),
            "reserve dates, tentative, not counted (per year when the count is per year)",
        ),
    ),
    Series,
    "[[series]]",
    either=(("time",), ("start", "end")),
    either_required=True,
)


def _place(values: Values, key: str, context: Context) -> dict[str, Any]:
    """Holidays and bridge days are of the organisation's country (and subdivision)."""
    return {
        "country": context.country,
        "subdiv": context.subdivision,
        "elsewhere": {"country": "organisation.country", "subdiv": "organisation.subdivision"},
    }


def _calendar(values: Values, key: str, context: Context) -> dict[str, Any]:
    """A calendar's path is relative to the configuration file; its times are in the
    organisation's time zone; what goes wrong reading it is wrong at ``path``."""
    path = Path(values["path"].value)
    where = values["path"].key
    values["path"] = Read(str(path if path.is_absolute() else context.base / path), where)
    return {"timezone": context.timezone, "elsewhere": {"timezone": "organisation.timezone"}}


_CATEGORIES = ListOf(Text(), want="cfg.want.categories", doc_text="list of categories")
HOLIDAYS = Table(
    (
        Field(
            "categories",
            _CATEGORIES,
            "categories of the `holidays` package",
            default='`["public"]`',
        ),
        _SERIES_REFS,
        _WEIGHT,
    ),
    PublicHolidays,
)
BRIDGE_DAYS = Table(
    (
        Field(
            "categories",
            _CATEGORIES,
            "the holidays whose bridge days count",
            default="public and de facto",
        ),
        _SERIES_REFS,
        _WEIGHT,
    ),
    BridgeDays,
)
SCHOOL_BREAK = Table(
    (
        Field("name", Text(), "a name for people", default='"Skollov" / "School break"'),
        Field("weeks", WeeksPerYear(), "ISO weeks per year", True),
        _SERIES_REFS,
        _WEIGHT,
    ),
    SchoolBreaks,
)
CLOSED_PERIOD = Table(
    (
        Field("name", Text(), "a name for people", True),
        Field("start", Date(), "first day", True),
        Field("end", Date(), "last day", True),
        Field("start_time", Time(), "from this time of each day", default="whole days"),
        Field("end_time", Time(), "until this time of each day", default="whole days"),
        _SERIES_REFS,
        _WEIGHT,
    ),
    ClosedPeriod,
)
CLOSED_DATES = Table(
    (
        Field("name", Text(), "a name for people", True),
        Field("dates", ListOf(Date(), want="cfg.want.dates"), "the days", True),
        _SERIES_REFS,
        _WEIGHT,
    ),
    ClosedDates,
)
CALENDAR = Table(
    (
        Field("path", Text(), "an `.ics` file, relative to the configuration file", True),
        Field("name", Text(), "a name for people", default="the file name"),
        _SERIES_REFS,
        _WEIGHT,
    ),
    BusyCalendar,
)
UNAVAILABLE = Table(
    (
        Field(
            "holidays",
            Either(
                ((list, _CATEGORIES, "categories"), (dict, HOLIDAYS, "")), "cfg.want.categories"
            ),
            "`PublicHolidays` of the organisation's country: categories of the `holidays`"
            ' package, `public`, `de_facto`, `bank`, `optional`, ... (default `["public"]`)',
            model=None,
            default="no holidays",
        ),
        Field(
            "bridge_days",
            Either(((bool, Boolean(), "on"), (dict, BRIDGE_DAYS, "")), "cfg.want.boolean"),
            "`BridgeDays`: a weekday between a holiday and a weekend; `categories` default:"
            " public and de facto",
            model=None,
            default="`false`",
        ),
        Field(
            "school_breaks",
            Either(
                ((dict, WeeksPerYear(), "weeks"), (list, Records(Record(SCHOOL_BREAK)), "breaks")),
                "cfg.want.school_breaks",
                "table of ISO weeks per year, or list of tables `{ name, weeks, series, weight }`",
            ),
            '`SchoolBreaks`; `name` default "Skollov" / "School break"',
            model=None,
            default="none",
        ),
        Field(
            "periods",
            Records(Record(CLOSED_PERIOD)),
            "`ClosedPeriod`; `start_time` / `end_time` (default: whole days) limit it to part"
            " of each day",
            model=None,
        ),
        Field("dates", Records(Record(CLOSED_DATES)), "`ClosedDates`", model=None),
        Field(
            "calendars",
            Records(Record(CALENDAR, prepare=_calendar, at="path")),
            "`BusyCalendar`: busy time in other calendars; `path` relative to the"
            " configuration file, `name` default the file name; times in the organisation's"
            " time zone",
            model=None,
        ),
    ),
    title="[unavailable]",
)
LINK_DAYS = Table(
    (
        Field("min", Integer(), "", True, model="min_days"),
        Field("max", Integer(), "", True, model="max_days"),
    ),
)
LINK = Table(
    (
        Field("before", Ref("series"), "the preparing series", True),
        Field("after", Ref("series"), "the series that follows", True),
        Field("days", LINK_DAYS, "the window in days", True),
        Field("hard", Boolean(), "a hard rule, or soft"),
        Field("weight", Integer(), "soft: points per day outside the window"),
        Field("cap_days", Integer(), "soft: at most this many days counted per meeting"),
    ),
    Link,
    "[[links]]",
)
PIN = Table(
    (
        Field("series", Ref("series"), "the series", True),
        Field("date", Date(), "the day (a weekday of the series, inside its windows)", True),
        Field(
            "time", TimeSpan(), "its own time", model=("start", "end"), default="the series' time"
        ),
        Field("start", Time(), "its own start, with `end`", default="instead of `time`"),
        Field("end", Time(), "its own end, with `start`", default="instead of `time`"),
        Field("location", Text(), "its place", default="chosen by the solver"),
        Field("form", _FORM, "how it is held", default="the series' form"),
        Field("title", Text(), "its own title", default="the series' name"),
        Field("note", Text(), "its own note"),
    ),
    Pin,
    "[[pins]]",
    either=(("time",), ("start", "end")),
)
MILESTONE = Table(
    (
        Field("series", Ref("series"), "the series whose meetings serve it", True),
        Field("name", Text(), 'the label ("Budget", "Delårsrapport")', True),
        Field("start", Date(), "first day of the window", True),
        Field("end", Date(), "last day of the window", True),
        Field("count", Integer(1), "at least this many meetings in the window"),
        Field("yearly", Boolean(), "the same window (month and day) every year of the period"),
        Field("short", Text(), 'the short form in a table ("B", "DR", "ÅR")', default="initials"),
    ),
    Milestone,
    "[[milestones]]",
)
WEIGHTS = Table(
    (
        Field("spread", Integer(), "per tenth of a meeting-week away from evenly spread"),
        Field("location", Integer(), "per meeting, per step down the list of locations"),
        Field("count", Integer(), "per meeting away from the preferred count"),
    ),
    Weights,
    "[weights]",
)
HISTORY = Table(
    (
        Field("year", Integer(), "the year", True),
        Field("chair", Ref("rotation member"), "who chaired", default="unknown"),
        Field("vice_chair", Ref("rotation member"), "who was vice-chair", default="unknown"),
    ),
    Term,
)
EXCLUSION = Table(
    (
        Field("member", Ref("rotation member"), "the member", True),
        Field("year", Integer(), "the year", True),
        Field(
            "roles",
            Either(
                (
                    (str, Converted(Text(), _to_roles), "roles"),
                    (list, Converted(ListOf(Text()), _to_roles), "roles"),
                ),
                "cfg.want.strings",
            ),
            '`["chair"]`, `["vice_chair"]` or `"both"`',
            default="both",
        ),
        Field("reason", Text(), "why, for people"),
    ),
    Exclusion,
)
AGREEMENT = Table(
    (
        Field("member", Ref("rotation member"), "the member", True),
        Field("year", Integer(), "the year", True),
        Field("role", Converted(Text(), _to_role), '`"chair"` or `"vice_chair"`'),
    ),
    Agreement,
)
GROUPING = Table(
    (
        Field("year", Integer(), "the year", True),
        Field("groups", MapOf("rotation member", Text()), "each member's group", True),
    ),
    Grouping,
)


def _rotation_body(body: str, context: Context) -> None:
    """Who may hold the seats: the body's members (all members when it lists none)."""
    members = context.body_members.get(body) or tuple(context.ids.get("member", []))
    context.ids["rotation member"] = list(members)


def _rotation_members(members: tuple[str, ...], context: Context) -> None:
    context.ids["rotation member"] = list(members)


ROTATION = Table(
    (
        Field("body", Ref("body"), "the body whose seats rotate", True, then=_rotation_body),
        Field("years", YearPair(), "the planned years", True, model=("first_year", "last_year")),
        Field(
            "members",
            ListOf(Ref("member")),
            "who can hold the seats",
            default="the body's members (or all members)",
            then=_rotation_members,
        ),
        Field(
            "history", Records(Record(HISTORY)), "known earlier years; either seat may be left out"
        ),
        Field(
            "order",
            ListOf(Ref("rotation member")),
            "the turn order, or with `derive_order` the tie-break",
        ),
        Field("derive_order", Boolean(), "derive the turn order from the history"),
        Field("exclusions", Records(Record(EXCLUSION)), "members that cannot serve in a year"),
        Field("agreements", Records(Record(AGREEMENT)), "agreed assignments"),
        Field(
            "groups",
            Records(Record(GROUPING)),
            "chair and vice-chair from different groups that year",
        ),
        Field("succession", Boolean(), "the vice-chair chairs the year after as a hard rule"),
        Field(
            "succession_weight",
            Integer(),
            "points per year it is broken when `succession = false`",
        ),
    ),
    RotationProblem,
    "[rotation]",
)
PERSON = Table(
    (Field("name", Text(), "the name", True), Field("email", Email(), "the address", True)),
)
INVITATIONS = Table(
    (
        Field(
            "organizer",
            PERSON,
            "the organizer of invitations ([Calendars](calendars.md))",
            model=None,
            default="none",
        ),
    ),
    title="[invitations]",
)


def _refresh(text: str) -> str:
    duration(text)  # an ISO 8601 duration, or an error
    return text


CALENDAR = Table(
    (
        Field(
            "refresh",
            Converted(Text(), _refresh, doc_text='ISO 8601 duration (`"P1D"`, `"PT12H"`)'),
            "how often a subscribed calendar is asked to fetch the plan again",
            model=None,
            default=f'`"{DEFAULT_REFRESH}"` (a day)',
        ),
    ),
    title="[calendar]",
)
MEMBERS = Records(Record(MEMBER, prepare=_attendee))
BODIES = Records(Record(BODY))
SERIES_LIST = Records(Record(SERIES))
LINKS = Records(Record(LINK))
PINS = Records(Record(PIN))
MILESTONES = Records(Record(MILESTONE))
TOP = Table(
    (
        Field("organisation", ORGANISATION, "", True),
        Field("period", PERIOD, "", True),
        Field("members", MEMBERS, "", default="`[]`"),
        Field("bodies", BODIES, "", default="`[]`"),
        Field("series", SERIES_LIST, "", True),
        Field("unavailable", UNAVAILABLE, "", default="none"),
        Field("links", LINKS, "", default="`[]`"),
        Field("pins", PINS, "", default="`[]`"),
        Field("milestones", MILESTONES, "", default="`[]`"),
        Field("weights", Record(WEIGHTS), "", default="defaults below"),
        Field("rotation", ROTATION, "", default="no rotation"),
        Field("invitations", INVITATIONS, "", default="no organizer"),
        Field("calendar", CALENDAR, "", default="defaults below"),
    ),
    title="Top level",
)
TABLES = (
    ORGANISATION,
    PERIOD,
    MEMBER,
    BODY,
    UNAVAILABLE,
    SERIES,
    LINK,
    PIN,
    MILESTONE,
    WEIGHTS,
    ROTATION,
    INVITATIONS,
    CALENDAR,
)
"""The tables of the file, in the order the docs describe them."""


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
        refresh: ``[calendar] refresh``: how often a subscribed calendar is asked to
            fetch the plan again (an ISO 8601 duration).
    """

    path: Path
    problem: Problem
    rotation: RotationProblem | None
    organizer: tuple[str, str] | None
    attendees: tuple[tuple[str, str], ...]
    language: str = DEFAULT_LANGUAGE
    refresh: str = DEFAULT_REFRESH


# ---------------------------------------------------------------------------
# From what the tables give to the model


def read_config(data: dict[str, Any], context: Context) -> Config:
    """The configuration in the parsed TOML ``data``; every mistake is one ConfigError.

    Its keys are read in the order of :data:`TOP` (an id is known before anything
    refers to it); the rotation is read once the problem is made.
    """
    stated = data.get("organisation")
    if isinstance(stated, dict) and stated.get("language") in LANGUAGES:
        context.language = stated["language"]  # even errors before it read in it
    TOP.check(data, "", context)
    organisation = ORGANISATION.read(data["organisation"], "organisation", context)
    language = organisation.pop("language").value if "language" in organisation else None
    context.country = organisation.pop("country").value if "country" in organisation else "SE"
    subdivision = organisation.pop("subdivision", None)
    context.subdivision = None if subdivision is None else subdivision.value
    if "timezone" in organisation:
        context.timezone = organisation["timezone"].value
    period = PERIOD.read(data["period"], "period", context)
    members = MEMBERS.read(data.get("members", []), "members", context)
    bodies = BODIES.read(data.get("bodies", []), "bodies", context)
    _body(bodies, context)
    series = SERIES_LIST.read(data["series"], "series", context)
    unavailable = _unavailable(data.get("unavailable", {}), context)
    links = LINKS.read(data.get("links", []), "links", context)
    pins = PINS.read(data.get("pins", []), "pins", context)
    milestones = MILESTONES.read(data.get("milestones", []), "milestones", context)
    weights = Record(WEIGHTS).read(data.get("weights", {}), "weights", context)
    problem = context.make(
        "",
        Problem,
        {**organisation, **period},
        series=series,
        bodies=bodies,
        members=members,
        links=links,
        unavailable=unavailable,
        pins=pins,
        weights=weights,
        milestones=milestones,
    )
    rotation = None
    if "rotation" in data:
        rotation = _rotation(data["rotation"], problem, context)
    organizer = None
    invitations = INVITATIONS.read(data.get("invitations", {}), "invitations", context)
    if "organizer" in invitations:
        person: Values = invitations["organizer"].value
        organizer = (person["name"].value, person["email"].value)
    feed = CALENDAR.read(data.get("calendar", {}), "calendar", context)
    refresh = feed["refresh"].value if "refresh" in feed else DEFAULT_REFRESH
    return Config(
        path=Path(context.path),
        problem=problem,
        rotation=rotation,
        organizer=organizer,
        attendees=tuple(context.attendees),
        language=language or DEFAULT_LANGUAGE,
        refresh=refresh,
    )


def _unavailable(value: object, context: Context) -> tuple[Unavailable, ...]:
    """The sources of unavailable time, in the order of the table's keys."""
    key = "unavailable"
    values = UNAVAILABLE.read(value, key, context)
    sources: list[Unavailable] = []
    if "holidays" in values:
        where = join_key(key, "holidays")
        holidays = Record(HOLIDAYS, prepare=_place)
        sources.append(holidays.make(values["holidays"].value, where, context))
    if "bridge_days" in values:
        where = join_key(key, "bridge_days")
        options: Values = values["bridge_days"].value
        on = options.pop("on", None)
        if on is None or on.value:
            sources.append(Record(BRIDGE_DAYS, prepare=_place).make(options, where, context))
    if "school_breaks" in values:
        breaks: Values = values["school_breaks"].value
        if "weeks" in breaks:
            sources.append(Record(SCHOOL_BREAK).make(breaks, breaks["weeks"].key, context))
        else:
            sources.extend(breaks["breaks"].value)
    for name in ("periods", "dates", "calendars"):
        if name in values:
            sources.extend(values[name].value)
    return tuple(sources)


def _rotation(value: object, problem: Problem, context: Context) -> RotationProblem:
    """The rotation of one body; its members are member records, its body's name and
    the organisation's name are given for printouts."""
    values = ROTATION.read(value, "rotation", context)
    body = problem.get_body(values.pop("body").value)
    by_id = {member.id: member for member in problem.members}
    members = tuple(by_id[member] for member in context.ids["rotation member"])
    where = values["members"].key if "members" in values else "rotation.members"
    values["members"] = Read(members, where)
    return context.make(  # type: ignore[no-any-return]
        "rotation",
        RotationProblem,
        values,
        body=body.name,
        name=problem.name,
        representatives=body.representatives,
    )
