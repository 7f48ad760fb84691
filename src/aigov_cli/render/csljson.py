"""CSL-JSON: the bibliography for Zotero, Pandoc and citation processors."""

from __future__ import annotations

import json
from typing import Any

from ..analysis import Bibliography
from .escape import json_safe

_TYPES = {
    "article": "article-journal",
    "report": "report",
    "book": "book",
    "web": "webpage",
    "news": "article-newspaper",
    "official": "document",
    "law": "legislation",
    "treaty": "treaty",
    "judgment": "legal_case",
}


def _date(text: str) -> dict[str, list[list[int]]]:
    return {"date-parts": [[int(part) for part in text.split("-")]]}


def render(result: Any) -> str:
    """The bibliography as a CSL-JSON array."""
    if not isinstance(result, Bibliography):
        raise TypeError("csl-json renders only a bibliography")
    items = []
    for entry in result.entries:
        s = entry.source
        item: dict[str, Any] = {
            "id": f"{entry.jurisdiction.id}:{s['id']}",
            "type": _TYPES.get(s.get("type", ""), "document"),
            "title": s["title"],
        }
        if s.get("author"):
            item["author"] = [{"literal": s["author"]}]
        if s.get("publisher"):
            item["publisher"] = s["publisher"]
        if s.get("date"):
            item["issued"] = _date(s["date"])
        if s.get("accessed"):
            item["accessed"] = _date(s["accessed"])
        if s.get("url"):
            item["URL"] = s["url"]
        # `annote`, not `note`: citation styles print a note in the reference list.
        item["annote"] = "aigov: cited by " + (", ".join(entry.cited_by) or "no claim")
        items.append(item)
    return json_safe(json.dumps(items, indent=2, ensure_ascii=False)) + "\n"
