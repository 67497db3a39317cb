"""Text for people: the languages (:mod:`~motesplan.text.languages`), the phrases from
the message catalogues (:mod:`~motesplan.text.catalogues`, ``locale/``), and dates,
times and lists as each language writes them (:mod:`~motesplan.text.formatting`)."""

from motesplan.text.catalogues import phrase, plural
from motesplan.text.formatting import (
    format_date,
    format_date_range,
    format_day_month,
    format_list,
    format_short_date,
    format_time,
    format_time_range,
    format_week,
    weekday_name,
    weekdays_name,
)
from motesplan.text.languages import (
    DEFAULT_LANGUAGE,
    LANGUAGES,
    Language,
    babel_locale,
    check_language,
    environment_language,
)
from motesplan.text.message import Message, WeekdayList, message

__all__ = [
    "DEFAULT_LANGUAGE",
    "LANGUAGES",
    "Language",
    "Message",
    "WeekdayList",
    "babel_locale",
    "check_language",
    "environment_language",
    "format_date",
    "format_date_range",
    "format_day_month",
    "format_list",
    "format_short_date",
    "format_time",
    "format_time_range",
    "format_week",
    "message",
    "phrase",
    "plural",
    "weekday_name",
    "weekdays_name",
]
