"""The view of `aigov show`: one jurisdiction, section by section, laid out to be read."""

from __future__ import annotations

from typing import Any

from ..results import Showing
from . import labels
from .blocks import Block, CellValue, Grid, Link, Paragraph, marks

_HINDSIGHT = "[today's text] "


def format_amount(amount: float) -> str:
    """8400000000 as '8.4 billion'; small amounts with thousands separators."""
    for size, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if abs(amount) >= size:
            return f"{amount / size:,.3f}".rstrip("0").rstrip(".") + f" {word}"
    return f"{amount:,.2f}".rstrip("0").rstrip(".")


class _Context:
    """What every section needs: source numbers and how to mark today's text."""

    def __init__(self, result: Showing) -> None:
        self.result = result
        data = result.data
        self.numbers = {s["id"]: n for n, s in enumerate(data.get("sources", []), start=1)}
        self.past = result.ref.at is not None

    def cites(self, item: dict[str, Any]) -> str:
        return marks(tuple(self.numbers[s] for s in item.get("sources", []) if s in self.numbers))

    def brief(self, value: str | None, item: dict[str, Any]) -> str:
        """A description shown only with --detail (the marks go on the heading otherwise)."""
        return self.text(value, item) if self.result.detail else ""

    def heading(self, text: str, item: dict[str, Any]) -> str:
        """A record's heading, with its source marks when its text is not shown."""
        return text if self.result.detail else " ".join(x for x in (text, self.cites(item)) if x)

    def text(self, value: str | None, item: dict[str, Any]) -> str:
        """A text with its source marks; marked as today's in a past view with hindsight."""
        if value is None:
            return self.cites(item) or ""
        prefix = _HINDSIGHT if self.past and self.result.hindsight else ""
        return " ".join(x for x in (prefix + value, self.cites(item)) if x)


def _heading(result: Showing) -> Paragraph:
    ref, data = result.ref, result.data
    title = f"{ref.name} ({ref.id}, {labels.term('kind', ref.kind).lower()})"
    title += f", as recorded for {ref.at}" if ref.at else ""
    lines = [data.get("summary") or ""]
    if result.layer is not None:
        lines.append(
            f"Sits within {result.layer.name} ({result.layer.id}), whose rules also apply here: "
            f"see 'aigov show {result.layer.id}', or 'aigov compare {ref.id} {result.layer.id}'."
        )
    fresh = result.freshness
    if fresh is not None:
        line = f"Data as of {fresh.as_of}; oldest check {fresh.oldest_verified}."
        if fresh.threshold:
            line += (
                f" {len(fresh.stale)} claim{'s' * (len(fresh.stale) != 1)} last checked before "
                f"{fresh.threshold}."
            )
        lines.append(line)
    if ref.at and not result.hindsight:
        lines.append(
            "Texts written after this date (rationales, descriptions, stances) are left out; "
            "--hindsight shows them, marked as today's text."
        )
    return Paragraph(title=title, text="\n\n".join(x for x in lines if x))


def _approach(ctx: _Context, data: dict[str, Any]) -> Grid:
    rows = []
    for dimension, found in data.get("approach", {}).items():
        if not found:
            continue
        text = ctx.text(found.get("rationale"), found)
        if ctx.result.detail and found.get("rule"):
            text = f"{text} (codebook rule {found['rule']})".strip()
        since = f" (since {found['since']})" if found.get("since") else ""
        rows.append(
            (labels.dimension(dimension), labels.value(dimension, found["value"]) + since, text)
        )
    return Grid(
        header=("Dimension", "Value", "Rationale"),
        rows=tuple(rows),
        title="Approach",
        layout="records",
        heading=2,
    )


_LATEST_FIRST = ("revoked", "lapsed", "applicable", "in_force", "adopted", "introduced")


def _dates(item: dict[str, Any], *, every: bool = True) -> str:
    """An instrument's dates; without `every`, only the one that says most of its state."""
    dates = {k: v for k, v in item.get("dates", {}).items() if v}
    if not every:
        key = next((k for k in _LATEST_FIRST if k in dates), None)
        dates = {key: dates[key]} if key else {}
    return (
        " · ".join(f"{labels.event(k).lower()} {v}" for k, v in dates.items())
        or labels.DATE_UNKNOWN
    )


def _instruments(ctx: _Context, data: dict[str, Any]) -> Grid:
    rows = []
    for i in data.get("instruments", []):
        details = " · ".join(
            x
            for x in (
                labels.term("instrument_type", i["type"]),
                "binding" if i["binding"] else "non-binding",
                labels.term("instrument_status", i["status"]).lower(),
                _dates(i, every=ctx.result.detail),
                i.get("identifier") if ctx.result.detail else None,
                i["issuer"] if ctx.result.detail else None,
            )
            if x
        )
        rows.append((i["title"], details, ctx.text(i.get("summary"), i)))
    return Grid(
        header=("Instrument", "Details", "Summary"),
        rows=tuple(rows),
        title="Instruments",
        layout="records",
        spaced=ctx.result.detail,
    )


def _institutions(ctx: _Context, data: dict[str, Any]) -> Grid:
    rows = []
    for i in data.get("institutions", []):
        details = (
            f"{labels.term('role', i['role'])} · founded {labels.date_or_unknown(i.get('founded'))}"
        )
        if i.get("dissolved"):
            details += f" · dissolved {i['dissolved']}"
        if i.get("parent"):
            details += f" · part of {i['parent']}"
        rows.append((i["name"], ctx.heading(details, i), ctx.brief(i.get("description"), i)))
    return Grid(
        header=("Institution", "Details", "Description"),
        rows=tuple(rows),
        title="Institutions",
        layout="records",
        heading=2,
        spaced=ctx.result.detail,
    )


def _funding(ctx: _Context, data: dict[str, Any]) -> Grid:
    rows = []
    for f in data.get("funding", []):
        amount = f"{format_amount(f['amount'])} {f['currency']}"
        when = f.get("period") or (f"from {f['start']}" if f.get("start") else labels.DATE_UNKNOWN)
        rows.append(
            (f["name"], ctx.heading(f"{amount} · {when}", f), ctx.brief(f.get("purpose"), f))
        )
    return Grid(
        header=("Programme", "Amount", "Purpose"),
        rows=tuple(rows),
        title="Funding",
        layout="records",
        heading=2,
        spaced=ctx.result.detail,
    )


def _initiatives(ctx: _Context, data: dict[str, Any]) -> Grid:
    rows = tuple(
        (
            i["name"],
            ctx.heading(
                f"{labels.term('initiative_type', i['type'])} · started "
                f"{labels.date_or_unknown(i.get('started'))}",
                i,
            ),
            ctx.brief(i.get("description"), i),
        )
        for i in data.get("initiatives", [])
    )
    return Grid(
        header=("Initiative", "Details", "Description"),
        rows=rows,
        title="Initiatives",
        layout="records",
        heading=2,
        spaced=ctx.result.detail,
    )


def _positions(ctx: _Context, data: dict[str, Any]) -> Grid:
    rows = tuple(
        (
            labels.topic(p["topic"]),
            ctx.text(p.get("stance"), p),
        )
        for p in data.get("positions", [])
    )
    return Grid(
        header=("Topic", "Stance"),
        rows=rows,
        title="Positions",
        layout="records",
        spaced=ctx.result.detail,
    )


def _indicators(ctx: _Context, data: dict[str, Any]) -> Grid:
    rows = tuple(
        (i["name"], f"{i['value']} {i.get('unit') or ''}".strip(), str(i["year"]), ctx.cites(i))
        for i in data.get("indicators", [])
    )
    return Grid(
        header=("Indicator", "Value", "Year", "Sources"),
        rows=rows,
        title="Indicators",
        nowrap=(2, 3),
    )


def _challenges(ctx: _Context, data: dict[str, Any]) -> Grid:
    rows = tuple((ctx.text(c.get("description"), c),) for c in data.get("challenges", []))
    return Grid(header=("Challenge",), rows=rows, title="Challenges")


def obligation_details(o: dict[str, Any], *, detail: bool) -> str:
    """Strength, actors, article and dates of an obligation, in one line."""
    parts = [labels.term("strength", o["strength"])]
    if o.get("actors"):
        parts.append(labels.terms("actor", o["actors"]).lower())
    if o.get("article"):
        parts.append(o["article"])
    if o.get("applies_from"):
        parts.append(f"from {o['applies_from']}")
    if o.get("applies_until"):
        parts.append(f"until {o['applies_until']}")
    if detail and o.get("enforcer"):
        parts.append(f"enforced by {o['enforcer']}")
    if detail and o.get("penalty"):
        parts.append(f"penalty: {o['penalty']}")
    return " · ".join(parts)


def _obligations(ctx: _Context, data: dict[str, Any]) -> Grid:
    rows = tuple(
        (
            ctx.heading(
                f"{labels.term('topic', o['topic'])}: "
                f"{obligation_details(o, detail=ctx.result.detail)}",
                o,
            ),
            ctx.brief(o.get("requirement") or o.get("rationale"), o),
        )
        for o in data.get("obligations", [])
    )
    return Grid(
        header=("Obligation", "Requirement"),
        rows=rows,
        title="Obligations",
        layout="records",
        spaced=False,
    )


def _sources(ctx: _Context, data: dict[str, Any]) -> Grid:
    rows: list[tuple[CellValue, ...]] = []
    for n, s in enumerate(data.get("sources", []), start=1):
        who = ", ".join(x for x in (s.get("author"), s.get("publisher")) if x)
        when = s.get("date") or f"accessed {s.get('accessed', 'n.d.')}"
        kind = labels.term("source_kind", s.get("kind")).lower() if ctx.result.detail else ""
        details = ", ".join(x for x in (who, when, kind) if x)
        title: CellValue = s["title"]
        if s.get("url") and ctx.result.detail:
            title = (Link(s["title"], s["url"]),)
        rows.append((f"[{n}]", title, details))
    return Grid(
        header=("No.", "Source", "Details"),
        rows=tuple(rows),
        title="Sources",
        layout="records",
        nowrap=(0,),
        heading=3,
        spaced=False,
        notes=()
        if ctx.result.detail
        else (f"URLs: 'aigov sources {ctx.result.ref.id}', or show --detail",),
    )


def _notes(data: dict[str, Any]) -> Grid | None:
    """Fact-checking notes, printed as footnotes with --detail."""
    found: list[tuple[str, str]] = []
    if data.get("notes"):
        found.append(("Summary", data["notes"]))
    for dimension, a in data.get("approach", {}).items():
        if a and a.get("notes"):
            found.append((labels.dimension(dimension), a["notes"]))
    for section, field in (
        ("instruments", "title"),
        ("institutions", "name"),
        ("funding", "name"),
        ("initiatives", "name"),
        ("positions", "topic"),
        ("indicators", "name"),
        ("obligations", "id"),
    ):
        for item in data.get(section, []):
            if item.get("notes"):
                found.append((str(item.get(field) or item.get("topic")), item["notes"]))
    if not found:
        return None
    return Grid(
        header=("Item", "Note"), rows=tuple(found), title="Notes on the sources", layout="records"
    )


_SECTIONS = {
    "approach": _approach,
    "instruments": _instruments,
    "institutions": _institutions,
    "funding": _funding,
    "initiatives": _initiatives,
    "positions": _positions,
    "indicators": _indicators,
    "challenges": _challenges,
    "obligations": _obligations,
    "sources": _sources,
}


def show_blocks(result: Showing) -> list[Block]:
    """The blocks of `aigov show`, in the order of the sections asked for."""
    ctx = _Context(result)
    blocks: list[Block] = []
    for section in result.sections:
        if section == "summary":
            blocks.append(_heading(result))
        elif result.data.get(section) or section == "approach":
            blocks.append(_SECTIONS[section](ctx, result.data))
    if result.detail:
        notes = _notes(result.data)
        if notes is not None:
            blocks.append(notes)
    return blocks
