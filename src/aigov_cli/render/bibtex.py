"""BibTeX: one @misc (or @article, @techreport, @online) entry per source; keys unique."""

from __future__ import annotations

import re
from typing import Any

from ..analysis import Bibliography
from .escape import one_line

_TYPES = {
    "article": "article",
    "report": "techreport",
    "book": "book",
    "web": "online",
    "news": "online",
    "official": "misc",
    "law": "misc",
    "treaty": "misc",
}
_SPECIAL = re.compile(r"([&%$#_{}~^\\])")
_REPLACE = {"~": r"\textasciitilde{}", "^": r"\textasciicircum{}", "\\": r"\textbackslash{}"}


def _escape(text: str) -> str:
    return _SPECIAL.sub(lambda m: _REPLACE.get(m.group(), "\\" + m.group()), one_line(text))


def _key(jurisdiction: str, source_id: str, used: set[str]) -> str:
    base = re.sub(r"[^A-Za-z0-9_:-]", "-", f"{jurisdiction}:{source_id}")
    key, n = base, 2
    while key in used:
        key, n = f"{base}-{n}", n + 1
    used.add(key)
    return key


def render(result: Any) -> str:
    """The bibliography as BibTeX."""
    if not isinstance(result, Bibliography):
        raise TypeError("bibtex renders only a bibliography")
    used: set[str] = set()
    entries = []
    for entry in result.entries:
        s = entry.source
        fields = [("title", "{" + _escape(s["title"]) + "}")]
        if s.get("author"):
            fields.append(("author", "{" + _escape(s["author"]) + "}"))
        if s.get("publisher"):
            name = "journal" if s.get("type") == "article" else "publisher"
            fields.append((name, _escape(s["publisher"])))
        date = s.get("date")
        if date:
            fields.append(("year", date[:4]))
            if len(date) >= 7:
                fields.append(("month", str(int(date[5:7]))))
            fields.append(("date", date))
        if s.get("url"):
            fields.append(("url", s["url"].replace("%", r"\%").replace("#", r"\#")))
        if s.get("accessed"):
            fields.append(("urldate", s["accessed"]))
        fields.append(
            (
                "note",
                "Cited by aigov "
                + _escape(entry.jurisdiction)
                + ": "
                + _escape(", ".join(entry.cited_by) or "no claim"),
            )
        )
        kind = _TYPES.get(s.get("type", ""), "misc")
        body = ",\n".join(
            f"  {name} = {{{value}}}" if not value.startswith("{") else f"  {name} = {value}"
            for name, value in fields
        )
        entries.append(f"@{kind}{{{_key(entry.jurisdiction, s['id'], used)},\n{body}\n}}\n")
    return "\n".join(entries)
