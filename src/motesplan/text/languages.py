"""The languages motesplan speaks, in one place.

Swedish is the default; every language has a complete message catalogue
(``locale/<language>/LC_MESSAGES/motesplan.po``) and is written with its own CLDR
locale (dates, weekday and month names, lists) through Babel.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Literal

from motesplan.errors import ValidationError

__all__ = [
    "DEFAULT_LANGUAGE",
    "LANGUAGES",
    "Language",
    "babel_locale",
    "check_language",
    "environment_language",
]

Language = Literal["sv", "en", "nb", "da", "fi", "de"]
LANGUAGES: tuple[Language, ...] = ("sv", "en", "nb", "da", "fi", "de")
"""Swedish, English, Norwegian Bokmål, Danish, Finnish, German."""
DEFAULT_LANGUAGE: Language = "sv"

_BABEL_LOCALES: dict[Language, str] = {
    "sv": "sv_SE",
    "en": "en_GB",  # British English: "Friday, 19 January 2024", "a, b and c"
    "nb": "nb_NO",
    "da": "da_DK",
    "fi": "fi_FI",
    "de": "de_DE",
}
_ALIASES = {"no": "nb", "nn": "nb"}
"""Locale codes of the environment read as one of ours (Norwegian: Bokmål)."""


def check_language(language: str) -> Language:
    """``language`` if motesplan speaks it, else a :class:`ValidationError`.

    >>> check_language("fi")
    'fi'
    """
    if language in LANGUAGES:
        return language
    raise ValidationError(f"unknown language {language!r}; expected one of: {', '.join(LANGUAGES)}")


def babel_locale(language: str) -> str:
    """The CLDR locale a language is written in (``en`` is British English)."""
    return _BABEL_LOCALES[check_language(language)]


def environment_language(environ: Mapping[str, str] | None = None) -> Language | None:
    """The language of the environment's locale (``LC_ALL``, ``LC_MESSAGES``, ``LANG``,
    as gettext reads them), when motesplan speaks it; else ``None``.

    >>> environment_language({"LANG": "fi_FI.UTF-8"})
    'fi'
    >>> environment_language({"LANG": "C.UTF-8"}) is None
    True
    """
    environ = os.environ if environ is None else environ
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(name, "")
        for item in value.split(":"):
            code = item.split(".")[0].split("@")[0].split("_")[0].lower()
            code = _ALIASES.get(code, code)
            if code in LANGUAGES:
                return code
        if value:
            return None  # the first variable set decides, as in gettext
    return None
