"""Analysis no tracker offers: the two-axis map, the timeline, bibliographies, nearest regimes."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from .compare import column, pick_dimensions
from .dimensions import DEFAULT_MAP_AXES, DIMENSIONS, Dimension
from .record import Record
from .regime import ITEM_SECTIONS, Regime, assessment, value, without_none
from .results import Column, Comparison


class Point(Record):
    """A jurisdiction on the map; value None (and position None) means not assessed."""

    column: Column
    x_value: str | None
    y_value: str | None
    x: float | None
    y: float | None


class MapResult(Record):
    """`aigov map`: jurisdictions on the plane of two ordered dimensions."""

    x: Dimension
    y: Dimension
    points: list[Point]


def plane(
    frameworks: Sequence[Regime],
    ats: Sequence[str | None],
    x: str = DEFAULT_MAP_AXES[0],
    y: str = DEFAULT_MAP_AXES[1],
) -> MapResult:
    """Place each framework at (x position, y position), each from 0.0 to 1.0."""
    x_dim, y_dim = pick_dimensions([x, y])
    points = []
    for framework, at in zip(frameworks, ats, strict=True):
        xv, yv = value(framework, x_dim.id), value(framework, y_dim.id)
        points.append(
            Point(
                column(framework, at),
                xv,
                yv,
                x_dim.position(xv) if xv else None,
                y_dim.position(yv) if yv else None,
            )
        )
    return MapResult(x_dim, y_dim, points)


class Event(Record):
    """A dated event in a regime's history."""

    date: str
    jurisdiction: str
    event: str
    title: str
    kind: str  # "instrument" or "institution"
    binding: bool | None = None
    detail: str = ""


class Timeline(Record):
    """`aigov timeline`: instruments and institutional events in date order."""

    events: list[Event]
    since: str | None = None
    until: str | None = None


_INSTRUMENT_EVENTS = (
    ("introduced", "introduced"),
    ("adopted", "adopted"),
    ("in_force", "in force"),
    ("applicable", "applicable"),
    ("revoked", "revoked"),
    ("lapsed", "lapsed"),
)


def _events(framework: Regime) -> Iterator[Event]:
    jurisdiction = framework["id"]
    for i in framework["instruments"]:
        name = i["short_title"] or i["title"]
        for key, label in _INSTRUMENT_EVENTS:
            if i["dates"][key]:
                yield Event(i["dates"][key], jurisdiction, label, name, "instrument", i["binding"])
        for m in i["milestones"]:
            yield Event(
                m["date"],
                jurisdiction,
                "milestone",
                name,
                "instrument",
                i["binding"],
                m["description"],
            )
    for inst in framework["institutions"]:
        if inst["founded"]:
            yield Event(inst["founded"], jurisdiction, "founded", inst["name"], "institution")
        for e in inst["events"]:
            if e["type"] != "founded" or e["date"] != inst["founded"]:
                yield Event(
                    e["date"],
                    jurisdiction,
                    e["type"].replace("_", " "),
                    inst["name"],
                    "institution",
                    None,
                    e["description"],
                )
        if inst["dissolved"]:
            yield Event(inst["dissolved"], jurisdiction, "dissolved", inst["name"], "institution")


def timeline(
    frameworks: Sequence[Regime], since: str | None = None, until: str | None = None
) -> Timeline:
    """Every dated event of the frameworks, oldest first, within [since, until]."""
    events = [
        e
        for f in frameworks
        for e in _events(f)
        if (since is None or e.date >= since) and (until is None or e.date[: len(until)] <= until)
    ]
    events.sort(key=lambda e: (e.date, e.jurisdiction, e.kind, e.title, e.event))
    return Timeline(events, since, until)


class CitedSource(Record):
    """A bibliography entry with the claims that cite it."""

    jurisdiction: str
    source: dict[str, Any]
    cited_by: tuple[str, ...]


class Bibliography(Record):
    """`aigov sources`: the bibliographies of the named jurisdictions."""

    entries: list[CitedSource]


def _claims(framework: Regime) -> Iterator[tuple[str, list[str]]]:
    for d in DIMENSIONS:
        found = assessment(framework, d.id)
        if found is not None:
            yield f"approach.{d.id}", found["sources"]
            for entry in found["history"]:
                yield f"approach.{d.id}@{entry['since'] or 'earliest'}", entry["sources"]
    for section in ITEM_SECTIONS:
        for item in framework[section]:
            yield f"{section}.{item['id']}", item["sources"]
    for p in framework["positions"]:
        yield f"positions.{p['topic']}", p["sources"]


def bibliography(frameworks: Sequence[Regime]) -> Bibliography:
    """Each source of each framework, with the claims that cite it."""
    result = Bibliography([])
    for framework in frameworks:
        cited: dict[str, list[str]] = {}
        for claim, ids in _claims(framework):
            for source_id in ids:
                cited.setdefault(source_id, []).append(claim)
        for s in framework["sources"]:
            result.entries.append(
                CitedSource(framework["id"], without_none(s), tuple(cited.get(s["id"], [])))
            )
    return result


class Neighbour(Record):
    """Another regime and how far it is."""

    column: Column
    distance: float
    compared: int
    differs: tuple[str, ...]


class Similarity(Record):
    """`aigov similar`: the other regimes, nearest first."""

    target: Column
    neighbours: list[Neighbour]
    metric: str = (
        "mean absolute difference of positions (0 to 1) over dimensions assessed in both; "
        "unordered dimensions count 0 when equal, 1 when not"
    )


def distance(a: dict[str, Any], b: dict[str, Any]) -> tuple[float, int, tuple[str, ...]]:
    """(distance from 0 to 1, dimensions compared, dimensions that differ) between two
    summaries (`regime.summary_of`)."""
    total, compared, differs = 0.0, 0, []
    for d in DIMENSIONS:
        x, y = a["values"].get(d.id), b["values"].get(d.id)
        if x is None or y is None:
            continue
        compared += 1
        total += abs(d.position(x) - d.position(y)) if d.ordered else float(x != y)
        if x != y:
            differs.append(d.id)
    return (total / compared if compared else 1.0), compared, tuple(differs)


def similar(
    target: dict[str, Any],
    others: Sequence[dict[str, Any]],
    at: str | None = None,
    top: int | None = None,
) -> Similarity:
    """The other regimes ranked by distance to `target`, ties by id; all are summaries
    (`regime.summary_of`), which hold every dimension's value."""
    ranked = []
    for other in others:
        if other["id"] == target["id"]:
            continue
        dist, compared, differs = distance(target, other)
        ranked.append(Neighbour(column(other), round(dist, 4), compared, differs))
    ranked.sort(key=lambda n: (n.distance, n.column.id))
    return Similarity(column(target, at), ranked[:top] if top else ranked)


class Report(Record):
    """`aigov report`: a comparison with rationale, the map and the timeline, for HTML."""

    title: str
    generated: str
    version: str
    comparison: Comparison
    plane: MapResult
    timeline: Timeline


def report(frameworks: Sequence[Regime], ats: Sequence[str | None], generated: str) -> Report:
    """Everything the HTML report shows for these jurisdictions."""
    from . import __version__
    from .compare import compare

    names = ", ".join(f["name"] for f in frameworks)
    return Report(
        f"AI governance compared: {names}",
        generated,
        __version__,
        compare(frameworks, ats, detail=True),
        plane(frameworks, ats),
        timeline(frameworks),
    )
