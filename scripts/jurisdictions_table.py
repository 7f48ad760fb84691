"""The README's table of jurisdictions, generated from the data.

    python scripts/jurisdictions_table.py          # print the table
    python scripts/jurisdictions_table.py --write  # replace it in README.md

tests/test_ecosystem.py checks that README.md holds exactly this table.
"""

from __future__ import annotations

import sys
from pathlib import Path

from aigov_cli import api

ROOT = Path(__file__).resolve().parents[1]
START, END = "<!-- jurisdictions:start -->", "<!-- jurisdictions:end -->"


def table() -> str:
    """One row per built-in jurisdiction: id, name, kind, layer, legal form, counts, as-of."""
    from aigov_cli.render.labels import term, value

    listing = api.open([], use_cache=False).listing()
    lines = [
        "| id | name | kind | within | legal form | instruments | obligations | sources | as of |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for s in listing.items:
        counts = s["counts"]
        lines.append(
            f"| `{s['id']}` | {s['name']} | {term('kind', s['kind']).lower()} | "
            f"{s['within'] or ''} | {value('legal_form', s['values'].get('legal_form'))} | "
            f"{counts['instruments']} | {counts['obligations']} | {counts['sources']} | {s['as_of']} |"
        )
    return "\n".join(lines)


def replaced(readme: str) -> str:
    """README text with the generated table between its markers."""
    head, _, rest = readme.partition(START)
    _, _, tail = rest.partition(END)
    return f"{head}{START}\n{table()}\n{END}{tail}"


if __name__ == "__main__":
    if "--write" in sys.argv:
        path = ROOT / "README.md"
        path.write_text(replaced(path.read_text(encoding="utf-8")), encoding="utf-8")
    else:
        print(table())
