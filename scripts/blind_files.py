"""Copies of the built-in framework files for a blind second rating.

Each copy keeps the evidence (instruments, institutions, funding, initiatives, obligations,
indicators, challenges, sources) and drops what would give the first rating away: the
`approach` section (values, rationales, rules), the summary, every `notes` field, and the
positions that restate a rating (training data and copyright, content labelling).

    python scripts/blind_files.py OUT_DIR
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
RESTATING = {"training_data_copyright", "content_labelling"}


def strip(node: Any) -> Any:
    """Drop every `notes` field, recursively."""
    if isinstance(node, dict):
        return {k: strip(v) for k, v in node.items() if k != "notes"}
    if isinstance(node, list):
        return [strip(v) for v in node]
    return node


def blind(data: dict[str, Any]) -> dict[str, Any]:
    """The evidence of one file without its ratings."""
    data = strip(data)
    data.pop("approach", None)
    data.pop("summary", None)
    data["positions"] = [p for p in data.get("positions", []) if p["topic"] not in RESTATING]
    return data


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for path in sorted((ROOT / "frameworks").glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        text = yaml.safe_dump(blind(data), allow_unicode=True, sort_keys=False, width=100)
        (out / path.name).write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
