"""Text for people, in Swedish (default) or English.

Dates, weekday and month names come from the CLDR through Babel; this module only
holds motesplan's own phrases and the Swedish conventions on top of the locale
data ("kl. 09.00–11.30", "v. 3").
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from babel.dates import format_date as _babel_format_date
from babel.dates import format_time as _babel_format_time

from motesplan.errors import ValidationError

Language = Literal["sv", "en"]
LANGUAGES: tuple[Language, ...] = ("sv", "en")

_PHRASES: dict[str, dict[Language, str]] = {
    # unavailable time
    "bridge_day": {"sv": "Klämdag", "en": "Bridge day"},
    "school_break": {"sv": "Skollov", "en": "School break"},
    "week": {"sv": "v. {week}", "en": "week {week}"},
    "from_time": {"sv": "från kl. {time}", "en": "from {time}"},
    "until_time": {"sv": "till kl. {time}", "en": "until {time}"},
    "whole_day": {"sv": "hela dagen", "en": "all day"},
    "all_series": {"sv": "alla serier", "en": "all series"},
    # meeting forms
    "form.in_person": {"sv": "fysiskt", "en": "in person"},
    "form.online": {"sv": "digitalt", "en": "online"},
    "form.hybrid": {"sv": "hybrid", "en": "hybrid"},
    "lunch": {"sv": "Lunch kl. {time} vid fysiskt möte", "en": "Lunch at {time} when in person"},
    # plan printout
    "plan.title": {
        "sv": "Mötesplan {name} {start}–{end}",
        "en": "Meeting plan {name} {start}–{end}",
    },
    "plan.meetings": {"sv": "{count} möten", "en": "{count} meetings"},
    "plan.meeting": {"sv": "{count} möte", "en": "{count} meeting"},
    "plan.after": {
        "sv": "{days} dagar efter {series} {date}",
        "en": "{days} days after {series} {date}",
    },
    "plan.no_before": {"sv": "inget förberedande möte", "en": "no preparing meeting"},
    "plan.pinned": {"sv": "fast datum", "en": "fixed date"},
    "plan.cancelled": {"sv": "INSTÄLLT", "en": "CANCELLED"},
    "plan.status": {"sv": "Status: {status}", "en": "Status: {status}"},
    "plan.cost": {"sv": "Kostnad (mjuka regler): {cost}", "en": "Cost (soft rules): {cost}"},
    "reason.pin_blocked": {
        "sv": "det fastlagda mötet i {title} {date} ligger på otillgänglig tid: {reasons}",
        "en": "the pinned {title} meeting on {date} falls on unavailable time: {reasons}",
    },
    "reason.too_few_days": {
        "sv": "{title} ska ha minst {count} möten, men bara {free} av dess dagar är lediga",
        "en": "{title} needs at least {count} meetings, but only {free} of its days are free",
    },
    "reason.infeasible": {
        "sv": "de fasta reglerna för {names} kan inte uppfyllas samtidigt",
        "en": "the hard rules of {names} cannot all hold together",
    },
    "reason.timed_out": {
        "sv": "ingen plan för {names} hittades inom {seconds} s",
        "en": "no plan for {names} was found within {seconds} s",
    },
    "status.optimal": {"sv": "optimal", "en": "optimal"},
    "status.feasible": {"sv": "godtagbar (ej bevisat bäst)", "en": "feasible (not proven best)"},
    "status.infeasible": {"sv": "ingen plan möjlig", "en": "no plan exists"},
    "status.timed_out": {"sv": "tidsgränsen nåddes utan plan", "en": "timed out without a plan"},
}


def check_language(language: str) -> Language:
    """``language`` if it is supported, else a :class:`ValidationError`."""
    if language == "sv":
        return "sv"
    if language == "en":
        return "en"
    raise ValidationError(f"unknown language {language!r}; expected one of: sv, en")


def phrase(key: str, language: str, **values: object) -> str:
    """One of motesplan's own phrases, filled in.

    >>> phrase("week", "sv", week=3)
    'v. 3'
    """
    return _PHRASES[key][check_language(language)].format(**values)


def format_date(day: dt.date, language: str) -> str:
    """``fredag 19 januari 2024`` / ``Friday 19 January 2024``.

    >>> format_date(dt.date(2024, 1, 19), "sv")
    'fredag 19 januari 2024'
    >>> format_date(dt.date(2024, 1, 19), "en")
    'Friday 19 January 2024'
    """
    return _babel_format_date(day, "EEEE d MMMM y", locale=check_language(language))


def format_short_date(day: dt.date, language: str) -> str:
    """``fredag 19 januari`` (no year), for tables inside one year.

    >>> format_short_date(dt.date(2024, 1, 19), "sv")
    'fredag 19 januari'
    """
    return _babel_format_date(day, "EEEE d MMMM", locale=check_language(language))


def format_day_month(day: dt.date, language: str) -> str:
    """``19 januari`` / ``19 January``."""
    return _babel_format_date(day, "d MMMM", locale=check_language(language))


def format_time(moment: dt.time, language: str) -> str:
    """``09.00`` in Swedish (the Swedish convention), ``09:00`` in English."""
    text = _babel_format_time(moment, "HH:mm", locale=check_language(language))
    return text.replace(":", ".") if language == "sv" else text


def format_time_range(start: dt.time, end: dt.time, language: str) -> str:
    """``kl. 09.00–11.30`` / ``09:00–11:30``.

    >>> format_time_range(dt.time(9), dt.time(11, 30), "sv")
    'kl. 09.00–11.30'
    """
    text = f"{format_time(start, language)}–{format_time(end, language)}"
    return f"kl. {text}" if language == "sv" else text


def format_week(day: dt.date, language: str) -> str:
    """The ISO week of ``day``: ``v. 3`` / ``week 3``."""
    return phrase("week", language, week=day.isocalendar().week)


_PHRASES.update(
    {
        "v.series": {
            "sv": "{meeting}: serien {series!r} finns inte i planeringen",
            "en": "{meeting}: there is no series {series!r} in the problem",
        },
        "v.id": {
            "sv": "mötes-id {meeting} förekommer flera gånger",
            "en": "meeting id {meeting} is used more than once",
        },
        "v.period": {
            "sv": "{meeting} {date} ligger utanför perioden {start}–{end}",
            "en": "{meeting} {date} is outside the period {start}–{end}",
        },
        "v.weekday": {
            "sv": "{meeting} är en {weekday}, men {title} möts på {allowed}",
            "en": "{meeting} is on a {weekday}, but {title} meets on {allowed}",
        },
        "v.window": {
            "sv": "{meeting} {date} ligger utanför den del av perioden som {title} får använda",
            "en": "{meeting} {date} is outside the part of the period {title} may use",
        },
        "v.time": {
            "sv": "{meeting} är {actual}, men {title} har {expected}",
            "en": "{meeting} is {actual}, but {title} meets {expected}",
        },
        "v.unavailable": {
            "sv": "{meeting} {date} krockar med {reason}",
            "en": "{meeting} {date} falls on {reason}",
        },
        "v.count": {
            "sv": "{title} har {actual} möten, ska ha {expected}",
            "en": "{title} has {actual} meetings, should have {expected}",
        },
        "v.min_gap": {
            "sv": "{first} och {second} ligger {days} dagar isär, minst {limit} krävs",
            "en": "{first} and {second} are {days} days apart, at least {limit} required",
        },
        "v.max_gap": {
            "sv": "{first} och {second} ligger {days} dagar isär, högst {limit} tillåts",
            "en": "{first} and {second} are {days} days apart, at most {limit} allowed",
        },
        "v.overlap": {
            "sv": "{first} och {second} överlappar i tid (samma organ)",
            "en": "{first} and {second} overlap in time (same body)",
        },
        "v.link": {
            "sv": "{meeting} {date} har inget möte i {before} {low}–{high} dagar före (närmast: {nearest})",
            "en": "{meeting} {date} has no {before} meeting {low}–{high} days before it (nearest: {nearest})",
        },
        "v.location": {
            "sv": "{meeting} är i {location!r}, som inte finns bland {title}s platser ({allowed})",
            "en": "{meeting} is at {location!r}, not one of the places of {title} ({allowed})",
        },
        "v.pin": {
            "sv": "det fastlagda mötet i {title} {date} saknas i planen",
            "en": "the pinned {title} meeting on {date} is missing from the plan",
        },
        "v.pin_time": {
            "sv": "{meeting} är {actual}, men det fastlagda mötet är {expected}",
            "en": "{meeting} is {actual}, but the pinned meeting is {expected}",
        },
        "v.pin_detail": {
            "sv": "{meeting} avviker från det fastlagda mötet: {details}",
            "en": "{meeting} differs from the pinned meeting: {details}",
        },
        "none": {"sv": "inget", "en": "none"},
        "rot.chair": {"sv": "ordförande", "en": "chair"},
        "rot.vice_chair": {"sv": "vice ordförande", "en": "vice-chair"},
        "rot.reason.two_agreed": {
            "sv": "{year} är både {members} överenskomna som {role}",
            "en": "in {year} both {members} are agreed as {role}",
        },
        "rot.reason.nobody": {
            "sv": "ingen kan vara {role} {year}: alla är förhindrade",
            "en": "nobody can be {role} in {year}: every member is excluded",
        },
        "rot.reason.agreed_excluded": {
            "sv": "{member} är överenskommen som {role} {year} men kan inte tjänstgöra då",
            "en": "{member} is agreed as {role} in {year} but cannot serve then",
        },
        "rot.reason.infeasible": {
            "sv": "reglerna för ordförandeskapet i {body} kan inte uppfyllas samtidigt",
            "en": "the rotation rules of {body} cannot all hold together",
        },
        "rot.v.missing": {
            "sv": "{year} saknas i förslaget",
            "en": "{year} is missing from the plan",
        },
        "rot.v.outside": {
            "sv": "{year} ligger utanför de planerade åren",
            "en": "{year} is outside the planned years",
        },
        "rot.v.member": {
            "sv": "{year}: {member!r} är ingen medlem",
            "en": "{year}: {member!r} is not a member",
        },
        "rot.v.same": {
            "sv": "{year}: {member} är både ordförande och vice ordförande",
            "en": "{year}: {member} is both chair and vice-chair",
        },
        "rot.v.excluded": {
            "sv": "{member} kan inte vara {role} {year}",
            "en": "{member} cannot be {role} in {year}",
        },
        "rot.v.group": {
            "sv": "{year}: ordförande och vice ordförande kommer från samma grupp ({group})",
            "en": "{year}: chair and vice-chair come from the same group ({group})",
        },
        "rot.v.agreement": {
            "sv": "överenskommelsen att {member} är {role} {year} hålls inte",
            "en": "the agreement that {member} is {role} in {year} is not kept",
        },
        "rot.v.succession": {
            "sv": "{member}, vice ordförande {previous}, är inte ordförande {year}",
            "en": "{member}, vice-chair in {previous}, does not chair in {year}",
        },
        "rot.v.fairness": {
            "sv": "{member} är ordförande {year} igen (senast {last}) innan {waiting} har varit det",
            "en": "{member} chairs again in {year} (last {last}) before {waiting} has chaired",
        },
        "rot.after_plan": {"sv": "efter planperioden", "en": "after the planned years"},
        "rot.move": {
            "sv": "{member} flyttas från {expected} till {actual}",
            "en": "{member} moves from {expected} to {actual}",
        },
        "rot.move_out": {
            "sv": "{member} flyttas från {expected} till {actual}",
            "en": "{member} moves from {expected} to {actual}",
        },
        "rot.move_in": {
            "sv": "{member} tidigareläggs till {actual} (i turordningen {expected})",
            "en": "{member} comes forward to {actual} (in the turn order: {expected})",
        },
        "rot.cause.excluded": {
            "sv": " eftersom kommunen inte kan vara {role} {year}{why}",
            "en": " because it cannot be {role} in {year}{why}",
        },
        "rot.cause.agreement": {
            "sv": " eftersom {other} enligt överenskommelse är ordförande {year}",
            "en": " because {other} is agreed as chair in {year}",
        },
        "rot.cause.succession": {
            "sv": " eftersom {other} var vice ordförande året före och blir ordförande {year}",
            "en": " because {other} was vice-chair the year before and chairs in {year}",
        },
        "rot.cause.group": {
            "sv": " eftersom ordföranden {year} kommer från samma grupp ({group})",
            "en": " because the chair in {year} is from the same group ({group})",
        },
        "rot.cause.earlier": {
            "sv": " eftersom en kommun före i turordningen har flyttats",
            "en": " because a member ahead of it in the turn order has moved",
        },
        "rot.cause.later": {
            "sv": " eftersom en kommun före i turordningen har flyttats",
            "en": " because a member ahead of it in the turn order has moved",
        },
        "rot.reason.timed_out": {
            "sv": "ingen rotation för {body} hittades inom {seconds} s",
            "en": "no rotation for {body} was found within {seconds} s",
        },
    }
)
