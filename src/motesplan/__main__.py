"""``python -m motesplan``: the command line (see :mod:`motesplan.cli`)."""

from __future__ import annotations

from motesplan.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
