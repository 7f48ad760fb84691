"""The views of the analysis results: map, timeline, sources, similar, obligations."""

from __future__ import annotations

from ..analysis import Bibliography, Event, MapResult, Similarity, Timeline, source_mix
from ..changes import Changes, Upcoming
from ..obligations import Matrix
from ..vocabulary import ids
from . import labels
from .blocks import Block, CellValue, Grid, Lines, Link, to_blocks
from .show import obligation_details


def skipped_note(skipped: tuple[str, ...], at: str | None = None) -> tuple[str, ...]:
    """A note naming the jurisdictions left out for having no record yet."""
    if not skipped:
        return ()
    return (f"left out, no record yet{f' on {at}' if at else ''}: {', '.join(skipped)}",)


@to_blocks.register
def _(result: MapResult) -> list[Block]:
    """The plane as a grid: x values across, y values down (highest first)."""
    rows = []
    for y_value in reversed(result.y.values):
        row: list[CellValue] = [y_value.label]
        for x_value in result.x.values:
            names = sorted(
                labels.name(p.jurisdiction)
                for p in result.points
                if p.x_value == x_value.id and p.y_value == y_value.id
            )
            row.append(", ".join(names) or "-")
        rows.append(tuple(row))
    missing = [
        labels.name(p.jurisdiction) for p in result.points if p.x_value is None or p.y_value is None
    ]
    notes: tuple[CellValue, ...] = (
        f"rows: {result.y.label} (top: {result.y.values[-1].label}); columns: {result.x.label}",
    )
    if missing:
        notes += (f"not assessed on both dimensions: {', '.join(missing)}",)
    notes += skipped_note(result.skipped)
    return [
        Grid(
            header=(f"{result.y.label} / {result.x.label}", *(v.label for v in result.x.values)),
            rows=tuple(rows),
            layout="matrix",
            notes=notes,
        )
    ]


def _binding(value: bool | None) -> str:
    return "" if value is None else ("binding" if value else "non-binding")


def event_grid(found: tuple[Event, ...], notes: tuple[CellValue, ...] = ()) -> Grid:
    """Dated events, one a row: stacked (date, jurisdiction, event, title; then the detail)
    below 100 columns."""
    rows = tuple(
        (
            e.date,
            e.jurisdiction.name,
            labels.event(e.event),
            e.title,
            " · ".join(
                x
                for x in (
                    labels.term("topic", e.topic) if e.topic else "",
                    labels.term("strength", e.strength) if e.strength else _binding(e.binding),
                    e.detail,
                )
                if x
            ),
        )
        for e in found
    )
    return Grid(
        header=("Date", "Jurisdiction", "Event", "Title", "Detail"),
        rows=rows,
        layout="records",
        heading=4,
        spaced=False,
        wide="list",
        nowrap=(0,),
        notes=notes,
    )


@to_blocks.register
def _(result: Timeline) -> list[Block]:
    return [event_grid(result.events)]


@to_blocks.register
def _(result: Changes) -> list[Block]:
    window = f"since {result.since}" + (f" until {result.until}" if result.until else "")
    return [event_grid(result.events, (f"{len(result.events)} events {window}, newest first",))]


@to_blocks.register
def _(result: Upcoming) -> list[Block]:
    topics = f" on {labels.terms('topic', result.topics)}" if result.topics else ""
    note = f"{len(result.events)} events after {result.today} until {result.until}{topics}, soonest first"
    return [event_grid(result.events, (note,))]


@to_blocks.register
def _(result: Bibliography) -> list[Block]:
    if result.summary:
        kinds = ids("source_kind")
        rows = tuple(
            (
                m.jurisdiction.name,
                *(str(m.counts.get(k, 0)) for k in kinds),
                str(m.total),
                f"{100 * m.authoritative / m.total:.0f}%" if m.total else "-",
            )
            for m in source_mix(result)
        )
        header = (
            "Jurisdiction",
            *(labels.term("source_kind", k) for k in kinds),
            "Total",
            "Official etc.",
        )
        return [Grid(header=header, rows=rows, layout="list", nowrap=tuple(range(1, len(header))))]
    entries: list[tuple[CellValue, ...]] = []
    for n, e in enumerate(result.entries, start=1):
        s = e.source
        who = ", ".join(x for x in (s.get("author"), s.get("publisher")) if x)
        title: CellValue = (Link(s["title"], s["url"]),) if s.get("url") else s["title"]
        details = [
            " · ".join(
                x
                for x in (
                    e.jurisdiction.name,
                    who,
                    f"published {s['date']}" if s.get("date") else "",
                    f"accessed {s['accessed']}" if s.get("accessed") else "",
                    labels.term("source_kind", s.get("kind")).lower(),
                )
                if x
            ),
            f"cited by {', '.join(e.cited_by)}" if e.cited_by else "cited by no claim",
        ]
        entries.append((str(n), title, Lines(tuple(details))))
    return [
        Grid(
            header=("No.", "Source", "Details"),
            rows=tuple(entries),
            layout="records",
            heading=2,
            nowrap=(0,),
        )
    ]


@to_blocks.register
def _(result: Similarity) -> list[Block]:
    rows = tuple(
        (
            str(i),
            labels.name(n.jurisdiction),
            f"{n.distance:.3f}",
            ", ".join(labels.dimension(d) for d in n.differs) or "-",
        )
        for i, n in enumerate(result.neighbours, start=1)
    )
    return [
        Grid(
            header=("Rank", "Jurisdiction", "Distance", "Differs on"),
            rows=rows,
            title=f"Nearest to {labels.name(result.target)}",
            layout="list",
            nowrap=(0, 2),
            notes=(f"distance: {result.metric}",),
        )
    ]


def _cell_lines(result: Matrix, topic: str, column_index: int) -> CellValue:
    column = result.columns[column_index]
    entries = result.cell(topic, column)
    if not entries:
        return "-"
    lines = []
    for e in entries:
        o = e.obligation
        line = labels.term("strength", o["strength"])
        if o.get("applies_from"):
            line += f" from {o['applies_from']}"
        if o.get("article"):
            line += f" ({o['article']})"
        if e.via:
            line += f" [via {e.via}]"
        lines.append(line)
    return Lines(tuple(lines))


@to_blocks.register
def _(result: Matrix) -> list[Block]:
    notes = skipped_note(result.skipped)
    if len(result.columns) <= 4 and not result.detail:
        notes = ("- no record", *notes)
        rows = tuple(
            (
                labels.term("topic", t),
                *(_cell_lines(result, t, n) for n in range(len(result.columns))),
            )
            for t in result.topics
        )
        return [
            Grid(
                header=("Topic", *(labels.name(c) for c in result.columns)),
                rows=rows,
                layout="matrix",
                notes=notes,
            )
        ]
    blocks: list[Block] = []
    for topic in result.topics:
        rows_: list[tuple[CellValue, ...]] = []
        for column in result.columns:
            for e in result.cell(topic, column):
                o = e.obligation
                parts: list[str | Link] = [o.get("requirement") or o.get("rationale") or ""]
                if result.detail and e.instrument:
                    parts.append(f" ({e.instrument.get('short_title') or e.instrument['title']})")
                if result.detail and e.sources:
                    parts.append(". Sources: ")
                    for k, s in enumerate(e.sources):
                        parts += ["; "] if k else []
                        parts.append(Link(s["title"], s["url"]) if s.get("url") else s["title"])
                via = f" via {e.via}" if e.via else ""
                rows_.append(
                    (
                        labels.name(column) + via,
                        obligation_details(o, detail=result.detail),
                        tuple(parts),
                    )
                )
        blocks.append(
            Grid(
                header=("Jurisdiction", "Obligation", "Requirement"),
                rows=tuple(rows_),
                title=labels.term("topic", topic),
                layout="records",
            )
        )
    if notes and blocks:
        last = blocks[-1]
        assert isinstance(last, Grid)
        blocks[-1] = last.replace(notes=notes)
    return blocks
