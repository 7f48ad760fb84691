"""BibTeX: one entry per source, that every standard style formats.

Only the standard types with their required fields: `@techreport` (author, institution)
and `@book` (author, publisher) when the data has those, `@misc` otherwise, with the
publisher in `howpublished`. Titles are brace-protected so that styles keep "AI" upper
case; months are the standard macros; the claims citing a source go in a comment line
before the entry, never in `note` (which styles print). Keys are unique.
"""

from __future__ import annotations

import re
from typing import Any

from ..analysis import Bibliography
from .escape import one_line

_SPECIAL = re.compile(r"([&%$#_{}~^\\])")
_REPLACE = {"~": r"\textasciitilde{}", "^": r"\textasciicircum{}", "\\": r"\textbackslash{}"}
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_ORGANISATION = re.compile(
    r"\b(ministry|agency|office|council|commission|committee|department|government|"
    r"authority|institute|university|parliament|congress|senate|assembly|court|group|"
    r"association|foundation|centre|center|bureau|board|network|news|press|times|post|"
    r"journal|law|llp|inc|ltd|oecd|unesco|g7|eu|un)\b",
    re.IGNORECASE,
)


def _escape(text: str) -> str:
    return _SPECIAL.sub(lambda m: _REPLACE.get(m.group(), "\\" + m.group()), one_line(text))


def _author(name: str) -> str:
    """A person's name as BibTeX parses it; an organisation's braced whole."""
    if "," in name or _ORGANISATION.search(name) or len(name.split()) > 4:
        return "{" + _escape(name) + "}"
    return _escape(name)


def _key(jurisdiction: str, source_id: str, used: set[str]) -> str:
    base = re.sub(r"[^A-Za-z0-9_:-]", "-", f"{jurisdiction}:{source_id}")
    key, n = base, 2
    while key in used:
        key, n = f"{base}-{n}", n + 1
    used.add(key)
    return key


def entry(jurisdiction: str, cited_by: tuple[str, ...], s: dict[str, Any], key: str) -> str:
    """One source as a BibTeX entry, preceded by a comment naming the claims citing it."""
    fields: list[tuple[str, str]] = [("title", "{{" + _escape(s["title"]) + "}}")]
    author, publisher = s.get("author"), s.get("publisher")
    kind = "misc"
    if s.get("type") == "report" and author and publisher:
        kind = "techreport"
    elif s.get("type") == "book" and author and publisher:
        kind = "book"
    if author:
        fields.append(("author", "{" + _author(author) + "}"))
    if publisher:
        name = {"techreport": "institution", "book": "publisher"}.get(kind, "howpublished")
        fields.append((name, "{" + _escape(publisher) + "}"))
    date = s.get("date")
    if date:
        fields.append(("year", "{" + date[:4] + "}"))
        if len(date) >= 7:
            fields.append(("month", _MONTHS[int(date[5:7]) - 1]))
    if s.get("url"):
        fields.append(("url", "{" + s["url"].replace("%", r"\%").replace("#", r"\#") + "}"))
    if s.get("accessed"):
        fields.append(("urldate", "{" + s["accessed"] + "}"))
    body = ",\n".join(f"  {name} = {value}" for name, value in fields)
    # An "@" outside an entry starts one, so claim paths such as legal_form@2019-03-29 are
    # written with "since" in this comment line.
    claims = (", ".join(cited_by) or "no claim").replace("@", " since ")
    comment = f"% aigov {one_line(jurisdiction)}: cited by {one_line(claims)}\n"
    return f"{comment}@{kind}{{{key},\n{body}\n}}\n"


def render(result: Any) -> str:
    """The bibliography as BibTeX."""
    if not isinstance(result, Bibliography):
        raise TypeError("bibtex renders only a bibliography")
    used: set[str] = set()
    return "\n".join(
        entry(
            e.jurisdiction.id, e.cited_by, e.source, _key(e.jurisdiction.id, e.source["id"], used)
        )
        for e in result.entries
    )
