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

# the rotation printouts (rotation_report.py)
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
        # calendar files (motesplan.ics)
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
        "cli.costs": {"sv": "Kostnader (mjuka regler):", "en": "Costs (soft rules):"},
        "cli.no_costs": {"sv": "Inga kostnader (mjuka regler).", "en": "No costs (soft rules)."},
        "cli.total": {"sv": "Total kostnad: {points} poäng", "en": "Total cost: {points} points"},
        "cli.ok": {"sv": "Alla hårda regler håller.", "en": "Every hard rule holds."},
        "cli.points": {"sv": "{points} poäng", "en": "{points} points"},
        "cli.amount": {"sv": "mängd {amount}", "en": "amount {amount}"},
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
        "cli.files": {
            "sv": "{count} filer skrivna i {dir}",
            "en": "{count} files written in {dir}",
        },
        "cli.missing_people": {
            "sv": "{path}: key '{key}' saknas; ange organizer och attendees för att skriva "
            "inbjudningar",
            "en": "{path}: key '{key}' is missing; give organizer and attendees to write invitations",
        },
    }
)
