"""motesplan's phrases, from gettext message catalogues read through Babel.

Each language has ``locale/<language>/LC_MESSAGES/motesplan.po``; ``locale/motesplan.pot``
is the template: every message id with notes for translators. The ``.po`` files are
compiled when a language is first used (Babel's ``read_po`` and ``write_mo``, read back
as :class:`babel.support.Translations`), so the wheel ships only the sources and
nothing can go stale between them. Message ids are symbolic (``plan.title``); plurals
follow the catalogue's CLDR plural rule (``ngettext``).
"""

from __future__ import annotations

import io
from functools import cache
from importlib.resources import files

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import Translations

from motesplan.text.languages import Language, check_language

__all__ = ["DOMAIN", "catalogue_path", "message_ids", "phrase", "plural"]

DOMAIN = "motesplan"


def catalogue_path(language: str) -> str:
    """Where the catalogue of ``language`` lies (inside the installed package)."""
    path = files("motesplan.text") / "locale" / language / "LC_MESSAGES" / f"{DOMAIN}.po"
    return str(path)


@cache
def _compiled(language: Language) -> tuple[Translations, frozenset[str]]:
    with open(catalogue_path(language), "rb") as source:
        catalog = read_po(source, locale=language, domain=DOMAIN)
    ids = frozenset(m.id if isinstance(m.id, str) else m.id[0] for m in catalog if m.id)
    compiled = io.BytesIO()
    write_mo(compiled, catalog)
    compiled.seek(0)
    return Translations(compiled, domain=DOMAIN), ids


def message_ids(language: str) -> frozenset[str]:
    """Every message id of a language's catalogue."""
    return _compiled(check_language(language))[1]


def _translations(key: str, language: str) -> Translations:
    translations, ids = _compiled(check_language(language))
    if key not in ids:
        raise KeyError(f"no message {key!r} in the {language} catalogue")
    return translations


def phrase(key: str, language: str, /, **values: object) -> str:
    """One of motesplan's phrases in ``language``, its placeholders filled in.

    >>> phrase("week", "sv", week=3), phrase("week", "de", week=3)
    ('v. 3', 'KW 3')
    """
    return _translations(key, language).gettext(key).format(**values)


def plural(key: str, count: int, language: str, /, **values: object) -> str:
    """A phrase whose form depends on ``count`` (the catalogue's plural rule);
    ``count`` is also a placeholder.

    >>> plural("plan.meetings", 1, "sv"), plural("plan.meetings", 3, "sv")
    ('1 möte', '3 möten')
    """
    text = _translations(key, language).ngettext(key, key, count)
    return text.format(count=count, **values)
