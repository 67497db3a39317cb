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
    "whole_day": {"sv": "hela dagen", "en": "whole day"},
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
            "en": "{member} chairs again in {year} (last {last}) before {waiting} have chaired",
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
            "sv": " eftersom en annan kommun har flyttats fram",
            "en": " because another member has come forward",
        },
        "rot.cause.own_agreement": {
            "sv": " eftersom kommunen enligt överenskommelse är ordförande {year}",
            "en": " because it is agreed as chair in {year}",
        },
        "rot.reason.timed_out": {
            "sv": "ingen rotation för {body} hittades inom {seconds} s",
            "en": "no rotation for {body} was found within {seconds} s",
        },
    }
)

# the rotation printouts (reports/rotation.py)
_PHRASES.update(
    {
        "rot.r.year": {"sv": "År", "en": "Year"},
        "rot.r.chair": {"sv": "Ordförande", "en": "Chair"},
        "rot.r.vice_chair": {"sv": "Vice ordförande", "en": "Vice-chair"},
        "rot.r.unknown": {"sv": "okänd", "en": "unknown"},
        "rot.r.either": {"sv": "ordförande eller vice ordförande", "en": "chair or vice-chair"},
        "rot.r.heading": {
            "sv": "Ordförande och vice ordförande i {body} {years}",
            "en": "Chair and vice-chair of {body} {years}",
        },
        "rot.r.title": {
            "sv": "Beslutsunderlag: ordförande och vice ordförande i {body} {years}",
            "en": "Decision basis: chair and vice-chair of {body} {years}",
        },
        "rot.r.intro": {
            "sv": "Underlaget föreslår vilka kommuner som är ordförande och vice ordförande i {body} åren {years}.",
            "en": "This document proposes which members chair {body}, and which are its vice-chair, in the years {years}.",
        },
        "rot.r.background": {"sv": "Bakgrund", "en": "Background"},
        "rot.r.rules_intro": {
            "sv": "Dessa regler gäller:",
            "en": "These rules apply:",
        },
        "rot.r.rule.municipality": {
            "sv": "Uppdragen går till kommuner, inte till personer. En kommun behåller sitt uppdrag även när personerna byts, till exempel efter ett val.",
            "en": "The seats go to members (municipalities), not to persons. A member keeps its seat when its representatives change, for example after an election.",
        },
        "rot.r.rule.different": {
            "sv": "Ordförande och vice ordförande kommer från olika kommuner.",
            "en": "The chair and the vice-chair come from different members.",
        },
        "rot.r.rule.succession": {
            "sv": "Vice ordförande blir ordförande året efter.",
            "en": "The vice-chair becomes chair the year after.",
        },
        "rot.r.rule.succession_soft": {
            "sv": "Vice ordförande blir som regel ordförande året efter. Förslaget avviker från det bara när det ger en klart bättre turordning eller när andra regler kräver det.",
            "en": "As a rule, the vice-chair becomes chair the year after. The proposal departs from that only when it gives a clearly better turn order or other rules require it.",
        },
        "rot.r.rule.successor": {
            "sv": "{member} var vice ordförande {year} och står därför först på tur {first}.",
            "en": "{member} was vice-chair in {year} and is therefore first in turn for {first}.",
        },
        "rot.r.rule.order": {
            "sv": "En turordning följs i möjligaste mån (se nedan).",
            "en": "A turn order is followed as far as possible (see below).",
        },
        "rot.r.rule.fairness": {
            "sv": "Ingen kommun blir ordförande en andra gång förrän alla andra kommuner har varit ordförande sedan dess, räknat även över den kända historiken. En kommun som har varit förhindrad att vara ordförande varje år däremellan behöver inte väntas in.",
            "en": "No member chairs a second time before every other member has chaired since its last term, counting the known history too. A member that was excluded from chairing in every year in between is not waited for.",
        },
        "rot.r.rule.exclusions": {
            "sv": "Kommuner som inte kan ha ett uppdrag ett visst år:",
            "en": "Members that cannot hold a seat in a given year:",
        },
        "rot.r.exclusion": {
            "sv": "{member} kan inte vara {roles} {year}{why}.",
            "en": "{member} cannot be {roles} in {year}{why}.",
        },
        "rot.r.rule.agreements": {
            "sv": "Överenskomna uppdrag, som alltid hålls:",
            "en": "Agreed seats, always kept:",
        },
        "rot.r.agreement": {
            "sv": "{member} är {role} {year}.",
            "en": "{member} is {role} in {year}.",
        },
        "rot.r.rule.groups": {
            "sv": "Ordförande och vice ordförande kommer från olika grupper de år grupper anges:",
            "en": "The chair and the vice-chair come from different groups in the years groups are given:",
        },
        "rot.r.group": {"sv": "{group}: {members}", "en": "{group}: {members}"},
        "rot.r.order": {"sv": "Turordning", "en": "Turn order"},
        "rot.r.order.derived": {
            "sv": "Turordningen har härletts ur den kända historiken: först vice ordförande året före planperioden (eftersom vice ordförande blir ordförande året efter), sedan kommuner som inte har varit ordförande under de kända åren, sedan de vars senaste år som ordförande ligger längst tillbaka. Vid lika läge avgör den angivna ordningen: {tie}.",
            "en": "The turn order was derived from the known history: first the vice-chair of the year before the planned years (since the vice-chair becomes chair the year after), then members that have not chaired in the known years, then those whose last term as chair is longest ago. Ties are broken by the given list: {tie}.",
        },
        "rot.r.order.given": {
            "sv": "Turordningen är fastställd i förväg.",
            "en": "The turn order is given in advance.",
        },
        "rot.r.order.successor": {"sv": "vice ordförande {year}", "en": "vice-chair in {year}"},
        "rot.r.order.never": {
            "sv": "inte ordförande under de kända åren",
            "en": "has not chaired in the known years",
        },
        "rot.r.order.last": {"sv": "senast ordförande {year}", "en": "last chaired in {year}"},
        "rot.r.history": {"sv": "Känd historik", "en": "Known history"},
        "rot.r.history.none": {
            "sv": "Ingen tidigare ordförande är känd.",
            "en": "No earlier chair is known.",
        },
        "rot.r.history.partial": {
            "sv": "Historiken är ofullständig: det som inte är känt står som okänd.",
            "en": "The history is partial: what is not known is shown as unknown.",
        },
        "rot.r.proposal": {"sv": "Förslag", "en": "Proposal"},
        "rot.r.feasible": {
            "sv": "Förslaget följer alla regler men är inte bevisat det som bäst följer turordningen (tidsgränsen nåddes).",
            "en": "The proposal keeps every rule but is not proven to follow the turn order best (the time limit was reached).",
        },
        "rot.r.no_plan": {
            "sv": "Inget förslag kunde tas fram ({status}): {reason}.",
            "en": "No proposal could be made ({status}): {reason}.",
        },
        "rot.r.violations": {
            "sv": "Förslaget bryter mot dessa regler:",
            "en": "The proposal breaks these rules:",
        },
        "rot.r.deviations": {
            "sv": "Avvikelser från turordningen",
            "en": "Departures from the turn order",
        },
        "rot.r.deviations.none": {
            "sv": "Inga avvikelser från turordningen.",
            "en": "No departures from the turn order.",
        },
        "rot.r.decision": {"sv": "Förslag till beslut", "en": "Proposed decision"},
        "rot.r.decision.text": {
            "sv": "{body} föreslås besluta att ordförande och vice ordförande för {years} utses enligt följande: {seats}. Uppdragen tillfaller kommunerna, inte personer.",
            "en": "{body} is proposed to decide that the chair and vice-chair for {years} are appointed as follows: {seats}. The seats go to the member municipalities, not to persons.",
        },
        "rot.r.decision.year": {
            "sv": "{year} ordförande {chair}, vice ordförande {vice_chair}",
            "en": "{year} chair {chair}, vice-chair {vice_chair}",
        },
    }
)


_PHRASES.update(
    {
        # calendar files (motesplan.formats.ics_write)
        "ics.form.in_person": {"sv": "Fysiskt möte", "en": "In-person meeting"},
        "ics.form.online": {"sv": "Digitalt möte", "en": "Online meeting"},
        "ics.form.hybrid": {"sv": "Hybridmöte", "en": "Hybrid meeting"},
        "ics.lunch": {"sv": "Lunch kl. {time}", "en": "Lunch at {time}"},
    }
)


# The command line's own phrases.
_PHRASES.update(
    {
        "cli.wrote": {"sv": "→ {path}", "en": "→ {path}"},
        "cli.no_rotation": {
            "sv": "{path}: konfigurationen har ingen [rotation]; lägg till en för att planera "
            "ordförandeskapet",
            "en": "{path}: the configuration has no [rotation]; add one to plan the chairs",
        },
        "cli.checker": {
            "sv": "Kontrollen hittade brutna regler i lösarens plan; inga filer skrivs:",
            "en": "The checker found broken rules in the solver's plan; no file is written:",
        },
        "cli.violations": {
            "sv": "Brutna hårda regler: {count}",
            "en": "Broken hard rules: {count}",
        },
        "cli.total": {"sv": "Total kostnad: {points} poäng", "en": "Total cost: {points} points"},
        "cli.ok": {"sv": "Alla hårda regler håller.", "en": "Every hard rule holds."},
        "cli.hard": {"sv": "hårt", "en": "hard"},
        "cli.soft": {
            "sv": "mjukt, {points} poäng per möte",
            "en": "soft, {points} points a meeting",
        },
        "cli.days_title": {
            "sv": "Otillgänglig tid {start} – {end}: {count} poster",
            "en": "Unavailable time {start} – {end}: {count} entries",
        },
        "cli.no_days": {"sv": "Ingen otillgänglig tid.", "en": "No unavailable time."},
        "cli.no_changes": {"sv": "Inga ändringar att skicka.", "en": "No changes to send."},
    }
)

# -- explanations: why no plan exists (planner) ----------------------------------
_PHRASES.update(
    {
        "xp.series": {"sv": "{title} ({weekdays})", "en": "{title} ({weekdays})"},
        "xp.meeting": {"sv": "{count} möte", "en": "{count} meeting"},
        "xp.meetings": {"sv": "{count} möten", "en": "{count} meetings"},
        "xp.count_exact": {
            "sv": "{series} ska ha {meetings}",
            "en": "{series} must have {meetings}",
        },
        "xp.count_min": {
            "sv": "{series} ska ha minst {meetings}",
            "en": "{series} must have at least {meetings}",
        },
        "xp.count_max": {
            "sv": "{series} får ha högst {meetings}",
            "en": "{series} may have at most {meetings}",
        },
        "xp.count_range": {
            "sv": "{series} ska ha {low}–{high} möten",
            "en": "{series} must have {low}–{high} meetings",
        },
        "xp.free_days": {
            "sv": "{text} (bara {free} av periodens {days} möjliga dagar är lediga)",
            "en": "{text} (only {free} of the {days} possible days of the period are free)",
        },
        "xp.min_gap": {
            "sv": "{series} ska ha minst {days} dagar mellan två möten",
            "en": "{series} must have at least {days} days between two meetings",
        },
        "xp.max_gap": {
            "sv": "{series} får ha högst {days} dagar mellan två möten",
            "en": "{series} may have at most {days} days between two meetings",
        },
        "xp.link": {
            "sv": "varje möte i {after} ska ligga {low}–{high} dagar efter ett möte i {before}",
            "en": "every meeting of {after} must be {low}–{high} days after a meeting of {before}",
        },
        "xp.link_weekdays": {
            "sv": "{text} (från en {before} till en {after} är det {distances} dagar)",
            "en": "{text} (from a {before} to a {after} it is {distances} days)",
        },
        "xp.pin": {
            "sv": "{series} har ett fastlagt möte {date}",
            "en": "{series} has a meeting pinned to {date}",
        },
        "xp.pins": {
            "sv": "{series} har fastlagda möten {dates}",
            "en": "{series} has meetings pinned to {dates}",
        },
        "xp.within": {
            "sv": "{series} får bara mötas under {ranges}",
            "en": "{series} may only meet during {ranges}",
        },
        "xp.excluding": {
            "sv": "{series} får inte mötas under {ranges}",
            "en": "{series} may not meet during {ranges}",
        },
        "xp.overlap": {
            "sv": "möten i {body} får inte överlappa i tid",
            "en": "meetings of {body} may not overlap in time",
        },
        "xp.unavailable_one": {
            "sv": "{dates} är otillgänglig",
            "en": "{dates} is unavailable",
        },
        "xp.unavailable_many": {
            "sv": "{dates} är otillgängliga",
            "en": "{dates} are unavailable",
        },
        "xp.unavailable_what": {"sv": "{text} ({what})", "en": "{text} ({what})"},
        "xp.unavailable_none": {
            "sv": "otillgänglig tid: {what}",
            "en": "unavailable time: {what}",
        },
        "xp.holidays": {"sv": "helgdagar", "en": "public holidays"},
        "xp.bridge_days": {"sv": "klämdagar", "en": "bridge days"},
        "xp.school_breaks": {"sv": "skollov", "en": "school breaks"},
        "xp.and": {"sv": "{first} och {last}", "en": "{first} and {last}"},
        "xp.more": {"sv": "{items} och {count} till", "en": "{items} and {count} more"},
        "xp.but": {"sv": "{first}, men {last}", "en": "{first}, but {last}"},
        "xp.alone": {"sv": "{rule} kan inte uppfyllas", "en": "{rule} cannot hold"},
        "xp.rules": {
            "sv": "Regler som inte kan gälla samtidigt:",
            "en": "Rules that cannot all hold together:",
        },
        "xp.rule": {"sv": "  - {text} [{source}]", "en": "  - {text} [{source}]"},
        "xp.minimal": {
            "sv": "Tas någon av dem bort eller ändras, går just den här konflikten att lösa.",
            "en": "Removing or changing any one of them resolves this conflict.",
        },
        "xp.not_minimal": {
            "sv": "Tiden räckte inte för att pröva om alla reglerna behövs; en mindre mängd kan räcka.",
            "en": "There was not time to test whether every rule is needed; fewer may be enough.",
        },
        # explain-plan: entries above this line
    }
)

# -- explanations: why no rotation exists -----------------------------------------
_PHRASES.update(
    {
        # the rules of a conflict, one each (solver/rotation/explain.py)
        "rot.x.exclusion": {
            "sv": "{member} kan inte vara {roles} {year}{why}",
            "en": "{member} cannot be {roles} in {year}{why}",
        },
        "rot.x.agreed": {
            "sv": "{member} ska vara {role} {year} enligt överenskommelse",
            "en": "{member} is agreed to be {role} in {year}",
        },
        "rot.x.groups": {
            "sv": "{year} ska ordförande och vice ordförande komma från olika grupper ({groups})",
            "en": "in {year} the chair and the vice-chair come from different groups ({groups})",
        },
        "rot.x.succession": {
            "sv": "vice ordförande {previous} blir ordförande {year}",
            "en": "the vice-chair of {previous} chairs in {year}",
        },
        "rot.x.successor": {
            "sv": "{member} var vice ordförande {previous} och blir därför ordförande {year}",
            "en": "{member} was vice-chair in {previous} and so chairs in {year}",
        },
        "rot.x.fairness": {
            "sv": "{member} var ordförande {last} och får inte bli det igen förrän {waiting} "
            "har varit det",
            "en": "{member} chaired in {last} and may not chair again before {waiting} have "
            "chaired",
        },
        "rot.x.fairness_plan": {
            "sv": "{member} får inte vara ordförande två gånger under {years} utan att alla "
            "andra har varit det emellan",
            "en": "{member} may not chair twice in {years} unless every other member chairs "
            "in between",
        },
        "rot.x.and": {"sv": " och ", "en": " and "},
        "rot.x.more": {"sv": "{names} och {count} till", "en": "{names} and {count} more"},
        # the summary: what the conflict is about
        "rot.x.nobody": {
            "sv": "Ingen kan vara {role} {year}",
            "en": "Nobody can be {role} in {year}",
        },
        "rot.x.all_excluded": {
            "sv": "alla kommuner är förhindrade",
            "en": "every member is excluded",
        },
        "rot.x.two": {
            "sv": "{first} och {second} skulle båda behöva vara {role} {year}",
            "en": "{first} and {second} would both have to be {role} in {year}",
        },
        "rot.x.all": {
            "sv": "{members} skulle alla behöva vara {role} {year}",
            "en": "{members} would all have to be {role} in {year}",
        },
        "rot.x.many": {
            "sv": "Fler än en kommun skulle behöva vara {role} {year}",
            "en": "More than one member would have to be {role} in {year}",
        },
        "rot.x.same": {
            "sv": "{member} skulle behöva vara både ordförande och vice ordförande {year}",
            "en": "{member} would have to be both chair and vice-chair in {year}",
        },
        "rot.x.same_member": {
            "sv": "Ordförande och vice ordförande {year} skulle behöva vara samma kommun",
            "en": "The chair and the vice-chair in {year} would have to be the same member",
        },
        "rot.x.agreement": {
            "sv": "Överenskommelsen att {member} är {role} {year} kan inte hållas",
            "en": "The agreement that {member} is {role} in {year} cannot be kept",
        },
        "rot.x.rules": {
            "sv": "Reglerna för ordförandeskapet i {body} {years} kan inte uppfyllas samtidigt",
            "en": "The rotation rules of {body} for {years} cannot all hold together",
        },
        # explain-rotation: entries above this line
    }
)

# -- cost report: what each choice costs -------------------------------------------
_PHRASES.update(
    {
        "costs.title": {
            "sv": "Mjuka regler som inte är helt uppfyllda:",
            "en": "Soft rules not fully met:",
        },
        "costs.none": {
            "sv": "Alla mjuka regler är helt uppfyllda.",
            "en": "Every soft rule is fully met.",
        },
        "costs.total": {"sv": "Totalt: {points}", "en": "Total: {points}"},
        "costs.point": {"sv": "{points} poäng", "en": "{points} point"},
        "costs.points": {"sv": "{points} poäng", "en": "{points} points"},
        "costs.series": {"sv": "{title} — {points}", "en": "{title} — {points}"},
        "costs.line": {"sv": "{what}: {text} ({points})", "en": "{what}: {text} ({points})"},
        "costs.day": {"sv": "{count} dag", "en": "{count} day"},
        "costs.days": {"sv": "{count} dagar", "en": "{count} days"},
        "costs.about": {"sv": "ca {value}", "en": "about {value}"},
        # link: the nearest preparing meeting is outside the window
        "costs.link.late": {
            "sv": "{days} efter {before} {date}, {excess} fler än {high}",
            "en": "{days} after {before} {date}, {excess} more than {high}",
        },
        "costs.link.early": {
            "sv": "{days} efter {before} {date}, {short} färre än {low}",
            "en": "{days} after {before} {date}, {short} fewer than {low}",
        },
        "costs.link.same_day": {
            "sv": "samma dag som {before} {date}, {short} färre än {low}",
            "en": "the same day as {before} {date}, {short} fewer than {low}",
        },
        "costs.link.ahead": {
            "sv": "{days} före {before} {date}, ska vara {low}–{high} dagar efter",
            "en": "{days} before {before} {date}, should be {low}–{high} days after",
        },
        "costs.link.capped": {
            "sv": "{text}; högst {cap} räknas",
            "en": "{text}; at most {cap} count",
        },
        "costs.link.none": {
            "sv": "inget förberedande möte i {before}; räknas som {cap}",
            "en": "no preparing meeting of {before}; counted as {cap}",
        },
        # location: a place lower on the series' list
        "costs.location": {
            "sv": "{location}, {choice}; förstahandsval är {first}",
            "en": "{location}, {choice}; first choice is {first}",
        },
        "costs.choice.2": {"sv": "andrahandsval", "en": "second choice"},
        "costs.choice.3": {"sv": "tredjehandsval", "en": "third choice"},
        "costs.choice.4": {"sv": "fjärdehandsval", "en": "fourth choice"},
        "costs.choice.5": {"sv": "femtehandsval", "en": "fifth choice"},
        "costs.choice.n": {"sv": "val nr {choice} i listan", "en": "choice {choice} on the list"},
        # unavailable: soft unavailable time
        "costs.unavailable": {"sv": "krockar med {reasons}", "en": "falls on {reasons}"},
        # count: away from the preferred count
        "costs.count": {
            "sv": "{title} har {meetings}, önskat {preferred}",
            "en": "{title} has {meetings}, {preferred} preferred",
        },
        # spread: the room before the first meeting, each gap, the room after the last
        "costs.spread": {
            "sv": "Jämn spridning för {meetings} på {slots}: {gap} mellan mötena, {edge} före det första och efter det sista",
            "en": "Even spread for {meetings} on {slots}: {gap} between meetings, {edge} before the first and after the last",
        },
        "costs.slot": {"sv": "{count} möjlig mötesdag", "en": "{count} possible meeting day"},
        "costs.slots": {"sv": "{count} möjliga mötesdagar", "en": "{count} possible meeting days"},
        "costs.spread.window_start": {
            "sv": "räknat från {start}, när länken tidigast låter serien mötas",
            "en": "counted from {start}, the earliest its link lets the series meet",
        },
        "costs.spread.window_end": {
            "sv": "räknat till {end}, när länken senast låter serien mötas",
            "en": "counted up to {end}, the latest its link lets the series meet",
        },
        "costs.spread.window": {
            "sv": "räknat {start}–{end}, där länken låter serien mötas",
            "en": "counted {start} to {end}, where its link lets the series meet",
        },
        "costs.spread.before": {
            "sv": "första mötet, {slots} före, jämnt vore {even}",
            "en": "the first meeting, {slots} before it, even would be {even}",
        },
        "costs.spread.gap": {
            "sv": "{slots} efter {previous}, jämnt vore {even}",
            "en": "{slots} after {previous}, even would be {even}",
        },
        "costs.spread.after": {
            "sv": "sista mötet, {slots} efter, jämnt vore {even}",
            "en": "the last meeting, {slots} after it, even would be {even}",
        },
        # costs: entries above this line
    }
)

# -- replanning and alternatives -----------------------------------------------------
_PHRASES.update(
    {
        "replan.timed_out": {
            "sv": "ingen ny plan hittades inom {seconds} s",
            "en": "no new plan was found within {seconds} s",
        },
        "replan.frozen": {
            "sv": "de nya reglerna kan inte hållas utan att flytta möten före {date}, "
            "som inte får flyttas",
            "en": "the new rules cannot hold without moving meetings before {date}, "
            "which may not move",
        },
        "replan.infeasible": {
            "sv": "ingen plan håller de nya reglerna",
            "en": "no plan keeps the new rules",
        },
        "replan.summary": {
            "sv": "Ändringar mot den bokade planen: flyttade eller ändrade {moved}, nya {added}, "
            "inställda {cancelled}, oförändrade {unchanged}",
            "en": "Changes to the booked plan: moved or changed {moved}, added {added}, "
            "cancelled {cancelled}, unchanged {unchanged}",
        },
        "replan.nothing": {
            "sv": "Inga ändringar: alla {count} möten står kvar som de är bokade.",
            "en": "No changes: all {count} meetings stay as booked.",
        },
        "replan.frozen_until": {
            "sv": "Möten före {date} flyttas inte.",
            "en": "Meetings before {date} do not move.",
        },
        "replan.moved": {"sv": "Flyttade eller ändrade:", "en": "Moved or changed:"},
        "replan.added": {"sv": "Nya:", "en": "Added:"},
        "replan.cancelled": {"sv": "Inställda:", "en": "Cancelled:"},
        "replan.moved_from_to": {
            "sv": "{before} → {after} ({days} dagar)",
            "en": "{before} → {after} ({days} days)",
        },
        "replan.changed_same_day": {
            "sv": "{date}, samma dag men ändrad tid, plats eller text",
            "en": "{date}, same day but changed time, place or text",
        },
        "replan.alternatives_for": {
            "sv": "Andra datum för {meeting}, {date}:",
            "en": "Other dates for {meeting}, {date}:",
        },
        "replan.cost_change": {"sv": "kostnad {points} poäng", "en": "cost {points} points"},
        "replan.alone": {"sv": "inga andra möten ändras", "en": "no other meeting changes"},
        "replan.with_others": {
            "sv": "{count} andra möten ändras:",
            "en": "{count} other meetings change:",
        },
        "replan.with_other": {"sv": "1 annat möte ändras:", "en": "1 other meeting changes:"},
        "replan.is_added": {"sv": "läggs till", "en": "is added on"},
        "replan.is_cancelled": {"sv": "ställs in", "en": "is cancelled"},
        "replan.no_alternatives": {
            "sv": "Inget annat datum håller alla fasta regler.",
            "en": "No other date keeps every hard rule.",
        },
        "replan.tried": {
            "sv": "{considered} datum provade, {feasible} möjliga; kostnaden jämförs med "
            "bästa planen där mötet står kvar ({baseline} poäng).",
            "en": "{considered} dates tried, {feasible} possible; costs are compared with the "
            "best plan that keeps the meeting where it is ({baseline} points).",
        },
        "replan.unfinished": {
            "sv": "För {count} datum tog tiden slut innan bästa planen var bevisad.",
            "en": "For {count} dates the time ran out before the best plan was proven.",
        },
        # replan: entries above this line
    }
)
