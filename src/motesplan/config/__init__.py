"""The TOML configuration file: one readable file that describes a whole collaboration.

:func:`load_config` reads a file (with the standard library's :mod:`tomllib`) into the
data model: a :class:`~motesplan.Problem`, optionally a
:class:`~motesplan.RotationProblem`, and the organizer and attendees of invitations.
Every key is declared once (:mod:`motesplan.config.schema`, of the kinds in
:mod:`motesplan.config.kinds`); the model stays the single judge of what values mean.
Every mistake is one :class:`~motesplan.ConfigError` that names the file, the dotted key
path (``series[1].weekdays``; lists count from 0), for TOML syntax errors the line,
what was expected and what was found. See ``docs/configuration.md`` for every key.
"""

from motesplan.config.load import config_from_text, load_config
from motesplan.config.schema import Config

__all__ = ["Config", "config_from_text", "load_config"]
