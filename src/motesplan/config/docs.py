"""The tables of ``docs/configuration.md``, made from the declarations of the keys.

Each table of the page stands between two markers::

    <!-- keys: [[series]] -->
    | Key | Type | Default | Meaning |
    ...
    <!-- end keys -->

:func:`update` writes the tables anew between them; a test asserts that the page is
current, and ``python -m motesplan.config.docs docs/configuration.md`` rewrites it.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from motesplan._files import write_atomic
from motesplan.config.kinds import Field, Table, model_default
from motesplan.config.schema import TABLES, TOP

__all__ = ["key_table", "update"]

_BLOCK = re.compile(r"(<!-- keys: (?P<title>.+?) -->\n).*?(<!-- end keys -->)", re.DOTALL)


def _row(table: Table, item: Field) -> str:
    default = model_default(table, item) or "none"
    return f"| `{item.name}` | {item.kind.doc} | {default} | {item.doc} |"


def key_table(table: Table) -> str:
    """One table's keys as a Markdown table (ends with a newline)."""
    lines = ["| Key | Type | Default | Meaning |", "| --- | --- | --- | --- |"]
    if table is TOP:
        lines = ["| Key | Type | Default |", "| --- | --- | --- |"]
        lines += [
            f"| `{item.name}` | {_top_type(item)} | {model_default(table, item) or 'none'} |"
            for item in table.fields
        ]
    else:
        lines += [_row(table, item) for item in table.fields]
    return "\n".join(lines) + "\n"


def _top_type(item: Field) -> str:
    return "list of tables" if item.kind.doc.startswith("list") else "table"


def update(text: str) -> str:
    """``text`` with every marked table written anew.

    Raises:
        KeyError: a marker names no table.
    """
    tables = {table.title: table for table in (TOP, *TABLES)}

    def replace(match: re.Match[str]) -> str:
        table = tables[match["title"]]
        return f"{match[1]}{key_table(table)}{match[3]}"

    return _BLOCK.sub(replace, text)


def main(arguments: list[str]) -> int:
    """Rewrite the tables of the pages named."""
    for name in arguments:
        path = Path(name)
        text = path.read_text(encoding="utf-8")
        new = update(text)
        if new != text:
            write_atomic(path, new)
            print(f"{name}: tables written anew")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
