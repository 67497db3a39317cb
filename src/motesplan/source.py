"""Where a rule was stated: the file and the key path of an item of the problem.

The configuration reader gives every record it makes (a series, a link, a pin, a
source of unavailable time, a history year of a rotation ...) a :class:`Source`. The
records carry it untouched through the solver and the checker, so an error, a broken
rule or a rule of a conflict can say where to fix it (``series[1].count``) without any
layer knowing the file's format, or reading another layer's text. A record built in
Python has no source (``None``).
"""

from __future__ import annotations

import re
from typing import Any

from attrs import field, frozen

__all__ = ["Source", "join_key", "source_field", "source_of"]

_BARE_KEY = re.compile(r"^[A-Za-z0-9_-]+$")


def join_key(key: str, name: str | int) -> str:
    """A key path one step further: ``series[1]`` and ``count`` give ``series[1].count``,
    ``links`` and ``0`` give ``links[0]``; a name that is not a bare TOML key is quoted.

    >>> join_key("series[1]", "count"), join_key("links", 0), join_key("weeks", "v 9")
    ('series[1].count', 'links[0]', 'weeks."v 9"')
    """
    if isinstance(name, int):
        return f"{key}[{name}]"
    if not _BARE_KEY.match(name):
        name = f'"{name}"'
    return f"{key}.{name}" if key else name


def _pairs(value: object) -> tuple[tuple[str, str], ...]:
    if isinstance(value, dict):
        return tuple(sorted(value.items()))
    return tuple(value)  # type: ignore[arg-type]


@frozen
class Source:
    """Where an item of the problem was stated.

    Attributes:
        file: the configuration file.
        key: the key path of the item in it (``series[1]``, ``links[0]``,
            ``unavailable.periods[2]``, ``rotation.history[3]``); ``""`` for the file's
            top level.
        fields: for the item's fields that the file states elsewhere than under
            their own name below ``key``: ``(field, key path)``, e.g.
            ``("min_days", "links[0].days.min")`` for a link, or
            ``("country", "organisation.country")`` for the holidays.
    """

    file: str
    key: str
    fields: tuple[tuple[str, str], ...] = field(default=(), converter=_pairs)

    def at(self, name: str | None = None) -> str:
        """The key path of one field of the item (of the item itself without one).

        >>> link = Source("plan.toml", "links[0]", {"min_days": "links[0].days.min"})
        >>> link.at(), link.at("min_days"), link.at("hard")
        ('links[0]', 'links[0].days.min', 'links[0].hard')
        """
        if not name:
            return self.key
        return dict(self.fields).get(name) or join_key(self.key, name)


def source_field() -> Any:
    """The ``source`` field of a record: where it was stated, set by the configuration
    reader (keyword only, no part of equality or of the record's text)."""
    return field(default=None, eq=False, repr=False, kw_only=True)


def source_of(record: object) -> Source | None:
    """Where a record was stated, if it says."""
    found = getattr(record, "source", None)
    return found if isinstance(found, Source) else None
