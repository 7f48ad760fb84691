"""Each result as plain data: the documented JSON shapes (also YAML), docs/output-formats.md.

Data formats carry ids and values, not screen text: snake_case keys; one shape for a
jurisdiction reference everywhere, `{"id", "name", "at"}` (`at` null for today); ids for
vocabulary values, with a `label` beside a dimension value; null for a missing value.
Every document starts with `format_version` and `command`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import singledispatch
from typing import Any

from ..analysis import Bibliography, MapResult, Report, Similarity, Timeline, source_mix
from ..changes import Changes, Upcoming
from ..dimensions import Dimension, get_dimension
from ..obligations import Matrix
from ..results import (
    Cell,
    Comparison,
    Diff,
    DimensionsList,
    Freshness,
    Listing,
    Ref,
    SectionComparison,
    Showing,
)
from . import labels

FORMAT_VERSION = 2


class Lazy(list):  # type: ignore[type-arg]
    """A long list of a document, made item by item as an encoder walks it.

    JSON's encoder (with indentation it is the pure-Python one) asks a list only whether it
    is empty and then iterates it; so `compare --all` over thousands of files streams out
    without the whole document ever existing at once. `materialized` turns it into a plain
    list for encoders that need one (YAML).
    """

    def __init__(self, items: Callable[[], Iterable[Any]], count: int) -> None:
        super().__init__()
        self._items = items
        self._count = count

    def __iter__(self) -> Iterator[Any]:
        return iter(self._items())

    def __len__(self) -> int:
        return self._count

    def __bool__(self) -> bool:
        return self._count > 0


def lazy(items: Sequence[Any], make: Callable[[Any], Any]) -> Lazy:
    """`[make(item) for item in items]`, made only as it is walked."""
    return Lazy(lambda: (make(item) for item in items), len(items))


def materialized(data: Any) -> Any:
    """`data` with every lazy list made real, recursively."""
    if isinstance(data, dict):
        return {k: materialized(v) for k, v in data.items()}
    if isinstance(data, list):
        return [materialized(v) for v in data]
    return data


def ref(where: Ref) -> dict[str, Any]:
    """The one shape of a jurisdiction reference."""
    return {"id": where.id, "name": where.name, "at": where.at}


def document(command: str, **body: Any) -> dict[str, Any]:
    """A data document: its version and command first."""
    return {"format_version": FORMAT_VERSION, "command": command, **body}


def cell(dimension: str, c: Cell) -> dict[str, Any]:
    """One rating: the value id with its label, since when, why, on what sources."""
    return {
        "value": c.value,
        "label": labels.value(dimension, c.value) if c.value else None,
        "since": c.since,
        "rule": c.rule,
        "rationale": c.rationale,
        "sources": list(c.sources),
        "marks": list(c.marks),
    }


def freshness(f: Freshness | None) -> dict[str, Any] | None:
    """As-of, oldest check and stale claims of one file."""
    if f is None:
        return None
    return {
        "as_of": f.as_of,
        "oldest_verified": f.oldest_verified,
        "threshold": f.threshold,
        "stale": [s.asdict() for s in f.stale],
    }


@singledispatch
def to_data(result: Any) -> dict[str, Any]:
    """The JSON-ready form of a result."""
    raise TypeError(f"no data form for {type(result).__name__}")


@to_data.register
def _(result: Comparison) -> dict[str, Any]:
    names = {c.id: c.name for c in result.columns}

    def row(r: Any) -> dict[str, Any]:
        return {
            "id": r.dimension,
            "label": labels.dimension(r.dimension),
            "question": get_dimension(r.dimension).question,
            "differs": r.differs,
            "values": lazy(
                list(zip(result.columns, r.cells, strict=True)),
                lambda pair: {"jurisdiction": ref(pair[0]), **cell(r.dimension, pair[1])},
            ),
        }

    def source(s: Any) -> dict[str, Any]:
        where = {
            "id": s.jurisdiction,
            "name": names.get(s.jurisdiction, s.jurisdiction),
            "at": None,
        }
        return {**s.asdict(), "jurisdiction": where}

    return document(
        "compare",
        jurisdictions=lazy(result.columns, ref),
        dimensions=lazy(result.rows, row),
        sources=lazy(result.sources, source),
        skipped=list(result.skipped),
    )


@to_data.register
def _(result: SectionComparison) -> dict[str, Any]:
    return document(
        "compare",
        section=result.section,
        jurisdictions=[ref(c) for c in result.columns],
        items=[
            {"jurisdiction": ref(i.jurisdiction), "group": i.group, **i.item} for i in result.items
        ],
    )


@to_data.register
def _(result: Diff) -> dict[str, Any]:
    return document(
        "diff",
        left=ref(result.left),
        right=ref(result.right),
        differs=result.differs,
        dimensions=[
            {
                "id": r.dimension,
                "label": labels.dimension(r.dimension),
                "left": cell(r.dimension, r.cells[0]),
                "right": cell(r.dimension, r.cells[1]),
            }
            for r in result.dimensions
        ],
        changes=[
            {
                "section": c.section,
                "change": c.change,
                "id": c.id,
                "title": c.title,
                "fields": list(c.fields),
                "left": c.left,
                "right": c.right,
            }
            for c in result.changes
        ],
        counts=[c.asdict() for c in result.counts],
    )


@to_data.register
def _(result: Listing) -> dict[str, Any]:
    return document(
        "list",
        at=result.at,
        stale_before=result.stale,
        jurisdictions=[
            {
                "id": s["id"],
                "name": s["name"],
                "kind": s["kind"],
                "within": s.get("within"),
                "as_of": s["as_of"],
                "oldest_verified": s["oldest_verified"],
                "origin": result.origins.get(s["id"], ""),
                "aliases": list(s["aliases"]),
                "values": dict(s["values"]),
                "counts": dict(s["counts"]),
            }
            for s in result.items
        ],
        skipped=list(result.skipped),
    )


@to_data.register
def _(result: Showing) -> dict[str, Any]:
    framework: dict[str, Any] = {
        key: result.data.get(key) for key in ("id", "name", "aliases", "kind", "within", "as_of")
    }
    for section in result.sections:
        framework[section] = result.data.get(section, "" if section == "summary" else [])
    return document(
        "show",
        jurisdiction=ref(result.ref),
        hindsight=result.hindsight,
        within=ref(result.layer) if result.layer else None,
        freshness=freshness(result.freshness),
        framework=framework,
    )


def axis(dimension: Dimension) -> dict[str, Any]:
    """A dimension with its ordered values and their positions."""
    return {
        "id": dimension.id,
        "label": dimension.label,
        "question": dimension.question,
        "ordered": dimension.ordered,
        "values": [
            {
                "id": v.id,
                "label": v.label,
                "meaning": v.meaning,
                "position": dimension.position(v.id),
            }
            for v in dimension.values
        ],
    }


@to_data.register
def _(result: DimensionsList) -> dict[str, Any]:
    return document(
        "dimensions",
        dimensions=[axis(d) for d in result.dimensions],
        rules=result.rules or None,
    )


def _point(dimension: Dimension, value: str | None) -> dict[str, Any]:
    return {"value": value, "position": dimension.position(value) if value else None}


@to_data.register
def _(result: MapResult) -> dict[str, Any]:
    return document(
        "map",
        x=axis(result.x),
        y=axis(result.y),
        points=[
            {
                "jurisdiction": ref(p.jurisdiction),
                "x": _point(result.x, p.x_value),
                "y": _point(result.y, p.y_value),
            }
            for p in result.points
        ],
        skipped=list(result.skipped),
    )


@to_data.register
def _(result: Timeline) -> dict[str, Any]:
    return document(
        "timeline",
        since=result.since,
        until=result.until,
        events=[event(e) for e in result.events],
    )


def event(e: Any) -> dict[str, Any]:
    """One dated event."""
    return {
        **e.asdict(),
        "jurisdiction": ref(e.jurisdiction),
        "sources": list(e.sources),
        "urls": list(e.urls),
    }


@to_data.register
def _(result: Changes) -> dict[str, Any]:
    return document(
        "changes", since=result.since, until=result.until, events=[event(e) for e in result.events]
    )


@to_data.register
def _(result: Upcoming) -> dict[str, Any]:
    return document(
        "upcoming",
        today=result.today,
        until=result.until,
        topics=list(result.topics),
        events=[event(e) for e in result.events],
    )


@to_data.register
def _(result: Bibliography) -> dict[str, Any]:
    if result.summary:
        return document(
            "sources",
            summary=[
                {
                    "jurisdiction": ref(m.jurisdiction),
                    "counts": m.counts,
                    "total": m.total,
                    "authoritative": m.authoritative,
                    "authoritative_share": round(m.authoritative / m.total, 4) if m.total else None,
                }
                for m in source_mix(result)
            ],
        )
    return document(
        "sources",
        sources=[
            {
                "jurisdiction": ref(e.jurisdiction),
                **{k: e.source.get(k) for k in _SOURCE_FIELDS},
                "cited_by": list(e.cited_by),
            }
            for e in result.entries
        ],
    )


_SOURCE_FIELDS = ("id", "title", "author", "publisher", "date", "accessed", "url", "type", "kind")


@to_data.register
def _(result: Similarity) -> dict[str, Any]:
    return document(
        "similar",
        target=ref(result.target),
        metric=result.metric,
        neighbours=[
            {
                "jurisdiction": ref(n.jurisdiction),
                "distance": n.distance,
                "compared": n.compared,
                "differs": list(n.differs),
            }
            for n in result.neighbours
        ],
    )


def obligation(entry: Any) -> dict[str, Any]:
    """One obligation as a record, with its instrument and sources."""
    o = entry.obligation
    return {
        "jurisdiction": ref(entry.jurisdiction),
        "via": entry.via,
        **{k: o.get(k) for k in _OBLIGATION_FIELDS},
        "instrument": entry.instrument,
        "sources": list(entry.sources),
    }


_OBLIGATION_FIELDS = (
    "id",
    "topic",
    "strength",
    "actors",
    "requirement",
    "rationale",
    "article",
    "applies_from",
    "applies_until",
    "enforcer",
    "penalty",
    "verified",
)


@to_data.register
def _(result: Matrix) -> dict[str, Any]:
    return document(
        "obligations",
        jurisdictions=[ref(c) for c in result.columns],
        topics=list(result.topics),
        obligations=[obligation(e) for e in result.entries],
        skipped=list(result.skipped),
    )


@to_data.register
def _(result: Report) -> dict[str, Any]:
    return document(
        "report",
        title=result.title,
        generated=result.generated,
        comparison=to_data(result.comparison),
        map=to_data(result.plane),
        timeline=to_data(result.timeline),
        obligations=to_data(result.obligations),
        freshness=[
            {"jurisdiction": f.jurisdiction, **(freshness(f) or {})} for f in result.freshness
        ],
    )
