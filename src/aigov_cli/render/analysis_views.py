"""Data and block forms of the analysis results (map, timeline, sources, similar)."""

from __future__ import annotations

from typing import Any

from ..analysis import Bibliography, MapResult, Similarity, Timeline
from .blocks import Block, Grid, to_blocks
from .data import to_data


def _axis(dimension: Any) -> dict[str, Any]:
    return {
        "id": dimension.id,
        "label": dimension.label,
        "values": [
            {"id": v.id, "label": v.label, "position": dimension.position(v.id)}
            for v in dimension.values
        ],
    }


@to_data.register
def _(result: MapResult) -> dict[str, Any]:
    return {
        "command": "map",
        "x": _axis(result.x),
        "y": _axis(result.y),
        "points": [
            {
                "key": p.column.key,
                "id": p.column.id,
                "name": p.column.name,
                "at": p.column.at,
                "x_value": p.x_value,
                "y_value": p.y_value,
                "x": p.x,
                "y": p.y,
            }
            for p in result.points
        ],
    }


@to_blocks.register
def _(result: MapResult) -> list[Block]:
    """The plane as a grid: x values across, y values down (highest first)."""
    header = [f"{result.y.label} \\ {result.x.label}", *(v.label for v in result.x.values)]
    rows = []
    for y_value in reversed(result.y.values):
        row = [y_value.label]
        for x_value in result.x.values:
            names = [
                p.column.key
                for p in result.points
                if p.x_value == x_value.id and p.y_value == y_value.id
            ]
            row.append("\n".join(names))
        rows.append(row)
    grid = Grid(header, rows)
    missing = [p.column.key for p in result.points if p.x_value is None or p.y_value is None]
    if missing:
        grid.notes = [f"not assessed on both dimensions: {', '.join(missing)}"]
    return [grid]


@to_data.register
def _(result: Timeline) -> dict[str, Any]:
    return {
        "command": "timeline",
        "since": result.since,
        "until": result.until,
        "events": [e.asdict() for e in result.events],
    }


@to_blocks.register
def _(result: Timeline) -> list[Block]:
    def binding(value: bool | None) -> str:
        return "-" if value is None else ("binding" if value else "non-binding")

    return [
        Grid(
            ["Date", "Jurisdiction", "Event", "Title", "Binding", "Detail"],
            [
                [e.date, e.jurisdiction, e.event, e.title, binding(e.binding), e.detail]
                for e in result.events
            ],
        )
    ]


@to_data.register
def _(result: Bibliography) -> dict[str, Any]:
    return {
        "command": "sources",
        "sources": [
            {"jurisdiction": e.jurisdiction, **e.source, "cited_by": list(e.cited_by)}
            for e in result.entries
        ],
    }


@to_blocks.register
def _(result: Bibliography) -> list[Block]:
    rows = []
    for n, e in enumerate(result.entries, start=1):
        s = e.source
        who = ", ".join(x for x in (s.get("author"), s.get("publisher")) if x)
        rows.append(
            [
                str(n),
                e.jurisdiction,
                s["title"],
                who,
                s.get("date") or s.get("accessed", ""),
                s.get("url", ""),
                ", ".join(e.cited_by),
            ]
        )
    return [
        Grid(
            ["No.", "Jurisdiction", "Title", "Author / publisher", "Date", "URL", "Cited by"], rows
        )
    ]


@to_data.register
def _(result: Similarity) -> dict[str, Any]:
    return {
        "command": "similar",
        "target": result.target.asdict(),
        "metric": result.metric,
        "neighbours": [
            {
                "id": n.column.id,
                "name": n.column.name,
                "distance": n.distance,
                "compared": n.compared,
                "differs": list(n.differs),
            }
            for n in result.neighbours
        ],
    }


@to_blocks.register
def _(result: Similarity) -> list[Block]:
    grid = Grid(
        ["Rank", "Jurisdiction", "Distance", "Differs on"],
        [
            [
                str(i),
                f"{n.column.name} ({n.column.id})",
                f"{n.distance:.3f}",
                ", ".join(n.differs) or "-",
            ]
            for i, n in enumerate(result.neighbours, start=1)
        ],
        title=f"Nearest to {result.target.name}",
    )
    grid.notes = [f"distance: {result.metric}"]
    return [grid]
