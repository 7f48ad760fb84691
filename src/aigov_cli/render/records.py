"""Each result as one tidy table for CSV: a header of snake_case names and one row per
observation (long form), with ids for values, numbers as numbers and None for a missing
value (an empty cell). `list` and `compare` join on `id` = `jurisdiction`."""

from __future__ import annotations

from functools import singledispatch
from typing import Any

from ..analysis import Bibliography, MapResult, Similarity, Timeline, source_mix
from ..changes import Changes, Upcoming
from ..dimensions import DIMENSIONS
from ..obligations import Matrix
from ..results import (
    Comparison,
    Diff,
    DimensionsList,
    Listing,
    SectionComparison,
    Showing,
)
from ..vocabulary import ids
from .data import obligation

Table = tuple[list[str], list[list[Any]]]


def _ids(values: Any) -> str:
    """A list of ids as one cell, space-separated."""
    return " ".join(str(v) for v in values or ())


@singledispatch
def to_records(result: Any) -> Table:
    """The result as (header, rows)."""
    raise TypeError(f"no CSV form for {type(result).__name__}")


@to_records.register
def _(result: Comparison) -> Table:
    header = [
        "jurisdiction",
        "at",
        "dimension",
        "value",
        "since",
        "differs",
        "rule",
        "rationale",
        "sources",
    ]
    rows = [
        [
            col.id,
            col.at,
            row.dimension,
            c.value,
            c.since,
            row.differs,
            c.rule,
            c.rationale,
            _ids(c.sources),
        ]
        for row in result.rows
        for col, c in zip(result.columns, row.cells, strict=True)
    ]
    return header, rows


_INSTRUMENT = ("id", "title", "short_title", "type", "status", "binding", "identifier")
_DATES = ("introduced", "adopted", "in_force", "applicable", "revoked", "lapsed")


def _flat(item: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    """Nested fields as `parent_child` keys; lists of ids joined; lists of records left out."""
    flat: dict[str, Any] = {}
    for key, value in item.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            flat.update(_flat(value, f"{name}_"))
        elif isinstance(value, list):
            if all(not isinstance(v, dict) for v in value):
                flat[name] = _ids(value)
        else:
            flat[name] = value
    return flat


@to_records.register
def _(result: SectionComparison) -> Table:
    flats = [
        {
            "jurisdiction": i.jurisdiction.id,
            "at": i.jurisdiction.at,
            "group": i.group,
            **_flat(i.item),
        }
        for i in result.items
    ]
    header: list[str] = []
    for f in flats:
        header += [k for k in f if k not in header]
    return header, [[f.get(k) for k in header] for f in flats]


@to_records.register
def _(result: Diff) -> Table:
    header = ["section", "change", "id", "title", "field", "left", "right"]
    rows: list[list[Any]] = [
        [
            "dimensions",
            "changed",
            r.dimension,
            r.dimension,
            "value",
            r.cells[0].value,
            r.cells[1].value,
        ]
        for r in result.dimensions
    ]
    for c in result.changes:
        fields = c.fields or tuple(sorted({*(c.left or {}), *(c.right or {})}))
        for field in fields:
            left, right = (c.left or {}).get(field), (c.right or {}).get(field)
            rows.append([c.section, c.change, c.id, c.title, field, _cell(left), _cell(right)])
    for count in result.counts:
        rows.append(
            [count.section, "count", count.group, count.group, "count", count.left, count.right]
        )
    return header, rows


def _cell(value: Any) -> Any:
    if isinstance(value, dict):
        return " ".join(f"{k}={v}" for k, v in value.items() if v is not None)
    if isinstance(value, list):
        return _ids(value)
    return value


@to_records.register
def _(result: Listing) -> Table:
    dims = [d.id for d in DIMENSIONS]
    counts = ["instruments", "obligations", "institutions", "sources"]
    header = [
        "id",
        "name",
        "kind",
        "within",
        "as_of",
        "oldest_verified",
        "origin",
        "aliases",
        *dims,
        *(f"n_{c}" for c in counts),
    ]
    rows = [
        [
            s["id"],
            s["name"],
            s["kind"],
            s.get("within"),
            s["as_of"],
            s["oldest_verified"],
            result.origins.get(s["id"], ""),
            _ids(s["aliases"]),
            *(s["values"].get(d) for d in dims),
            *(s["counts"].get(c, 0) for c in counts),
        ]
        for s in result.items
    ]
    return header, rows


@to_records.register
def _(result: Showing) -> Table:
    """Long form: one row per field of each item of each section."""
    rows: list[list[Any]] = []
    data = result.data
    for section in result.sections:
        content = data.get(section)
        if section == "summary":
            rows.append(["summary", "", "summary", content])
        elif section == "approach":
            for dimension, found in (content or {}).items():
                for field, value in _flat(found or {}).items():
                    rows.append(["approach", dimension, field, value])
        else:
            for item in content or []:
                key = item.get("id") or item.get("topic")
                for field, value in _flat(item).items():
                    rows.append([section, key, field, value])
    return ["section", "item", "field", "value"], rows


@to_records.register
def _(result: DimensionsList) -> Table:
    return (
        ["dimension", "question", "ordered", "value", "label", "meaning", "position"],
        [
            [d.id, d.question, d.ordered, v.id, v.label, v.meaning, d.position(v.id)]
            for d in result.dimensions
            for v in d.values
        ],
    )


@to_records.register
def _(result: MapResult) -> Table:
    header = [
        "jurisdiction",
        "name",
        "at",
        "x_dimension",
        "x_value",
        "x_position",
        "y_dimension",
        "y_value",
        "y_position",
    ]
    rows = [
        [
            p.jurisdiction.id,
            p.jurisdiction.name,
            p.jurisdiction.at,
            result.x.id,
            p.x_value,
            result.x.position(p.x_value) if p.x_value else None,
            result.y.id,
            p.y_value,
            result.y.position(p.y_value) if p.y_value else None,
        ]
        for p in result.points
    ]
    return header, rows


def _events(found: Any) -> Table:
    header = [
        "date",
        "jurisdiction",
        "event",
        "kind",
        "item",
        "title",
        "binding",
        "milestone",
        "topic",
        "strength",
        "detail",
        "sources",
        "urls",
    ]
    rows = [
        [
            e.date,
            e.jurisdiction.id,
            e.event,
            e.kind,
            e.item,
            e.title,
            e.binding,
            e.milestone,
            e.topic,
            e.strength,
            e.detail or None,
            _ids(e.sources),
            _ids(e.urls),
        ]
        for e in found
    ]
    return header, rows


@to_records.register
def _(result: Timeline) -> Table:
    return _events(result.events)


@to_records.register
def _(result: Changes) -> Table:
    return _events(result.events)


@to_records.register
def _(result: Upcoming) -> Table:
    return _events(result.events)


@to_records.register
def _(result: Bibliography) -> Table:
    if result.summary:
        kinds = [*ids("source_kind"), "unknown"]
        return (
            ["jurisdiction", *kinds, "total", "authoritative"],
            [
                [m.jurisdiction.id, *(m.counts.get(k, 0) for k in kinds), m.total, m.authoritative]
                for m in source_mix(result)
            ],
        )
    fields = ["id", "title", "author", "publisher", "date", "accessed", "url", "type", "kind"]
    return (
        ["jurisdiction", *fields, "cited_by"],
        [
            [e.jurisdiction.id, *(e.source.get(f) for f in fields), _ids(e.cited_by)]
            for e in result.entries
        ],
    )


@to_records.register
def _(result: Similarity) -> Table:
    return (
        ["jurisdiction", "name", "distance", "compared", "differs"],
        [
            [n.jurisdiction.id, n.jurisdiction.name, n.distance, n.compared, _ids(n.differs)]
            for n in result.neighbours
        ],
    )


@to_records.register
def _(result: Matrix) -> Table:
    header = [
        "jurisdiction",
        "at",
        "via",
        "topic",
        "id",
        "strength",
        "actors",
        "requirement",
        "rationale",
        "instrument",
        "instrument_title",
        "article",
        "applies_from",
        "applies_until",
        "enforcer",
        "penalty",
        "sources",
        "source_urls",
    ]
    rows = []
    for e in result.entries:
        o = obligation(e)
        rows.append(
            [
                e.jurisdiction.id,
                e.jurisdiction.at,
                e.via,
                o["topic"],
                o["id"],
                o["strength"],
                _ids(o["actors"]),
                o["requirement"],
                o["rationale"],
                (e.instrument or {}).get("id"),
                (e.instrument or {}).get("title"),
                o["article"],
                o["applies_from"],
                o["applies_until"],
                o["enforcer"],
                o["penalty"],
                _ids(s["id"] for s in e.sources),
                _ids(s["url"] for s in e.sources if s.get("url")),
            ]
        )
    return header, rows
