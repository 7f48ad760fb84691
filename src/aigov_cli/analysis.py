"""Analysis no tracker offers: the two-axis map, the timeline, bibliographies, nearest regimes."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .compare import column, pick_dimensions
from .dimensions import DEFAULT_MAP_AXES, DIMENSIONS, Dimension
from .results import Column

if TYPE_CHECKING:
    from .models import Framework


@dataclass(frozen=True)
class Point:
    """A jurisdiction on the map; value None (and position None) means not assessed."""

    column: Column
    x_value: str | None
    y_value: str | None
    x: float | None
    y: float | None


@dataclass
class MapResult:
    """`aigov map`: jurisdictions on the plane of two ordered dimensions."""

    x: Dimension
    y: Dimension
    points: list[Point]


def plane(
    frameworks: Sequence[Framework],
    ats: Sequence[str | None],
    x: str = DEFAULT_MAP_AXES[0],
    y: str = DEFAULT_MAP_AXES[1],
) -> MapResult:
    """Place each framework at (x position, y position), each from 0.0 to 1.0."""
    x_dim, y_dim = pick_dimensions([x, y])
    points = []
    for framework, at in zip(frameworks, ats, strict=True):
        xa, ya = framework.assessment(x_dim.id), framework.assessment(y_dim.id)
        points.append(
            Point(
                column(framework, at),
                xa.value if xa else None,
                ya.value if ya else None,
                x_dim.position(xa.value) if xa else None,
                y_dim.position(ya.value) if ya else None,
            )
        )
    return MapResult(x_dim, y_dim, points)


@dataclass(frozen=True)
class Event:
    """A dated event in a regime's history."""

    date: str
    jurisdiction: str
    event: str
    title: str
    kind: str  # "instrument" or "institution"
    binding: bool | None = None
    detail: str = ""


@dataclass
class Timeline:
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


def _events(framework: Framework) -> Iterator[Event]:
    for i in framework.instruments:
        name = i.short_title or i.title
        dates = i.dates.model_dump()
        for key, label in _INSTRUMENT_EVENTS:
            if dates.get(key):
                yield Event(dates[key], framework.id, label, name, "instrument", i.binding)
        for m in i.milestones:
            yield Event(
                m.date, framework.id, "milestone", name, "instrument", i.binding, m.description
            )
    for inst in framework.institutions:
        if inst.founded:
            yield Event(inst.founded, framework.id, "founded", inst.name, "institution")
        for e in inst.events:
            if e.type != "founded" or e.date != inst.founded:
                yield Event(
                    e.date,
                    framework.id,
                    e.type.replace("_", " "),
                    inst.name,
                    "institution",
                    None,
                    e.description,
                )
        if inst.dissolved:
            yield Event(inst.dissolved, framework.id, "dissolved", inst.name, "institution")


def timeline(
    frameworks: Sequence[Framework], since: str | None = None, until: str | None = None
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


@dataclass(frozen=True)
class CitedSource:
    """A bibliography entry with the claims that cite it."""

    jurisdiction: str
    source: dict[str, Any]
    cited_by: tuple[str, ...]


@dataclass
class Bibliography:
    """`aigov sources`: the bibliographies of the named jurisdictions."""

    entries: list[CitedSource] = field(default_factory=list)


def _claims(framework: Framework) -> Iterator[tuple[str, list[str]]]:
    for d in DIMENSIONS:
        a = framework.assessment(d.id)
        if a is not None:
            yield f"approach.{d.id}", list(a.sources)
            for entry in a.history:
                yield f"approach.{d.id}@{entry.since or 'earliest'}", list(entry.sources)
    for section in (
        "instruments",
        "institutions",
        "funding",
        "initiatives",
        "indicators",
        "challenges",
    ):
        for item in getattr(framework, section):
            yield f"{section}.{item.id}", list(item.sources)
    for p in framework.positions:
        yield f"positions.{p.topic}", list(p.sources)


def bibliography(frameworks: Sequence[Framework]) -> Bibliography:
    """Each source of each framework, with the claims that cite it."""
    result = Bibliography()
    for framework in frameworks:
        cited: dict[str, list[str]] = {}
        for claim, ids in _claims(framework):
            for source_id in ids:
                cited.setdefault(source_id, []).append(claim)
        for s in framework.sources:
            result.entries.append(
                CitedSource(
                    framework.id,
                    s.model_dump(mode="json", exclude_none=True),
                    tuple(cited.get(s.id, [])),
                )
            )
    return result


@dataclass(frozen=True)
class Neighbour:
    """Another regime and how far it is."""

    column: Column
    distance: float
    compared: int
    differs: tuple[str, ...]


@dataclass
class Similarity:
    """`aigov similar`: the other regimes, nearest first."""

    target: Column
    neighbours: list[Neighbour]
    metric: str = (
        "mean absolute difference of positions (0 to 1) over dimensions assessed in both; "
        "unordered dimensions count 0 when equal, 1 when not"
    )


def distance(a: Framework, b: Framework) -> tuple[float, int, tuple[str, ...]]:
    """(distance from 0 to 1, dimensions compared, dimensions that differ)."""
    total, compared, differs = 0.0, 0, []
    for d in DIMENSIONS:
        x, y = a.assessment(d.id), b.assessment(d.id)
        if x is None or y is None:
            continue
        compared += 1
        gap = (
            abs(d.position(x.value) - d.position(y.value))
            if d.ordered
            else float(x.value != y.value)
        )
        total += gap
        if x.value != y.value:
            differs.append(d.id)
    return (total / compared if compared else 1.0), compared, tuple(differs)


def similar(
    target: Framework, others: Sequence[Framework], at: str | None = None, top: int | None = None
) -> Similarity:
    """The other regimes ranked by distance to `target` (ties by id)."""
    ranked = []
    for other in others:
        if other.id == target.id:
            continue
        dist, compared, differs = distance(target, other)
        ranked.append(Neighbour(column(other), round(dist, 4), compared, differs))
    ranked.sort(key=lambda n: (n.distance, n.column.id))
    return Similarity(column(target, at), ranked[:top] if top else ranked)
