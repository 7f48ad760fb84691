"""Analysis no tracker offers: the two-axis map, the timeline, bibliographies, nearest regimes,
and the report that gathers them."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from .compare import pick_dimensions, ref
from .dimensions import DIMENSIONS, Dimension
from .record import Record
from .regime import ITEM_SECTIONS, Regime, assessment, value, without_none
from .results import Comparison, Ref

if TYPE_CHECKING:
    from .obligations import Matrix
    from .plain import Summary


class Point(Record):
    """A jurisdiction on the map; value None means not assessed."""

    jurisdiction: Ref
    x_value: str | None
    y_value: str | None


class MapResult(Record, kw_only=True):
    """`aigov map`: jurisdictions on the plane of two ordered dimensions."""

    x: Dimension
    y: Dimension
    points: tuple[Point, ...]
    skipped: tuple[str, ...] = ()


def plane(
    frameworks: Iterable[tuple[Regime, str | None]], x: str, y: str, skipped: Sequence[str] = ()
) -> MapResult:
    """Place each framework by its values on two dimensions."""
    x_dim, y_dim = pick_dimensions([x, y])
    points = tuple(
        Point(ref(f, at), value(f, x_dim.id), value(f, y_dim.id)) for f, at in frameworks
    )
    return MapResult(x=x_dim, y=y_dim, points=points, skipped=tuple(skipped))


class Event(Record, kw_only=True):
    """A dated event in a regime's history."""

    date: str
    jurisdiction: Ref
    event: str  # introduced | adopted | in_force | applicable | revoked | lapsed | milestone |
    # founded | an institution event type | applies (an obligation)
    kind: str  # instrument | institution | obligation | rating
    item: str  # the item's id
    title: str
    binding: bool | None = None
    detail: str = ""
    milestone: str | None = None  # a milestone's type
    topic: str | None = None  # an obligation's topic
    strength: str | None = None  # an obligation's strength
    sources: tuple[str, ...] = ()  # bibliography ids of the item
    urls: tuple[str, ...] = ()  # the URLs of those sources, where they have one


class Timeline(Record, kw_only=True):
    """`aigov timeline`: dated events in order."""

    events: tuple[Event, ...]
    since: str | None = None
    until: str | None = None


INSTRUMENT_EVENTS = ("introduced", "adopted", "in_force", "applicable", "revoked", "lapsed")


def source_urls(framework: Regime, source_ids: Iterable[str]) -> tuple[str, ...]:
    """The URLs of the sources named, in order, where they have one."""
    url_of = {s["id"]: s["url"] for s in framework["sources"] if s["url"]}
    return tuple(url_of[s] for s in source_ids if s in url_of)


def events(framework: Regime) -> Iterator[Event]:
    """Every dated event of one framework, in file order."""
    where = ref(framework)
    for i in framework["instruments"]:
        name = i["short_title"] or i["title"]
        common: dict[str, Any] = {
            "jurisdiction": where,
            "kind": "instrument",
            "item": i["id"],
            "title": name,
            "binding": i["binding"],
            "sources": tuple(i["sources"]),
            "urls": source_urls(framework, i["sources"]),
        }
        for key in INSTRUMENT_EVENTS:
            if i["dates"][key]:  # type: ignore[literal-required]
                yield Event(date=i["dates"][key], event=key, **common)  # type: ignore[literal-required]
        for m in i["milestones"]:
            yield Event(
                date=m["date"],
                event="milestone",
                detail=m["description"],
                milestone=m.get("type"),
                **common,
            )
    for inst in framework["institutions"]:
        common = {
            "jurisdiction": where,
            "kind": "institution",
            "item": inst["id"],
            "title": inst["name"],
            "sources": tuple(inst["sources"]),
            "urls": source_urls(framework, inst["sources"]),
        }
        if inst["founded"]:
            yield Event(date=inst["founded"], event="founded", **common)
        for e in inst["events"]:
            # The founding and dissolution dates are events of their own (below).
            if (e["type"], e["date"]) not in (
                ("founded", inst["founded"]),
                ("dissolved", inst["dissolved"]),
            ):
                yield Event(
                    date=e["date"], event=e["type"], detail=e["description"] or "", **common
                )
        if inst["dissolved"]:
            yield Event(date=inst["dissolved"], event="dissolved", **common)


def in_window(date: str, since: str | None, until: str | None) -> bool:
    """Whether a (possibly partial) date falls within [since, until]."""
    return (since is None or date >= since[: len(date)]) and (
        until is None or date[: len(until)] <= until
    )


def timeline(
    frameworks: Iterable[Regime], since: str | None = None, until: str | None = None
) -> Timeline:
    """Every dated event of the frameworks, oldest first, within [since, until]."""
    found = [e for f in frameworks for e in events(f) if in_window(e.date, since, until)]
    found.sort(key=lambda e: (e.date, e.jurisdiction.id, e.kind, e.title, e.event))
    return Timeline(events=tuple(found), since=since, until=until)


class CitedSource(Record):
    """A bibliography entry with the claims that cite it."""

    jurisdiction: Ref
    source: dict[str, Any]
    cited_by: tuple[str, ...]


class Bibliography(Record, kw_only=True):
    """`aigov sources`: the bibliographies of the named jurisdictions."""

    entries: tuple[CitedSource, ...]
    summary: bool = False  # `--summary`: the mix of kinds per jurisdiction


def claims(framework: Regime) -> Iterator[tuple[str, list[str]]]:
    """Each claim's path and the sources it cites (official texts included)."""
    for d in DIMENSIONS:
        found = assessment(framework, d.id)
        if found is not None:
            yield f"approach.{d.id}", found["sources"]
            for entry in found["history"]:
                yield f"approach.{d.id}@{entry['since'] or 'earliest'}", entry["sources"]
    for section in ITEM_SECTIONS:
        for item in framework[section]:  # type: ignore[literal-required]
            key = item.get("id") or f"{item['topic']}:none"
            yield f"{section}.{key}", item["sources"]
            if item.get("official_text"):
                yield f"{section}.{key}.official_text", [item["official_text"]]
    for p in framework["positions"]:
        yield f"positions.{p['topic']}", p["sources"]


def bibliography(frameworks: Iterable[Regime], *, summary: bool = False) -> Bibliography:
    """Each source of each framework, with the claims that cite it."""
    entries = []
    for framework in frameworks:
        cited: dict[str, list[str]] = {}
        for claim, ids in claims(framework):
            for source_id in ids:
                cited.setdefault(source_id, []).append(claim)
        where = ref(framework)
        entries += [
            CitedSource(where, without_none(dict(s)), tuple(cited.get(s["id"], [])))
            for s in framework["sources"]
        ]
    return Bibliography(entries=tuple(entries), summary=summary)


class Mix(Record, kw_only=True):
    """How one jurisdiction's bibliography divides among source kinds."""

    jurisdiction: Ref
    counts: dict[str, int]
    total: int
    authoritative: int  # official, intergovernmental, court and academic sources


def source_mix(result: Bibliography) -> list[Mix]:
    """The mix of source kinds per jurisdiction (`sources --summary`)."""
    from .vocabulary import AUTHORITATIVE_KINDS, ids

    mixes: dict[str, Mix] = {}
    for e in result.entries:
        if e.jurisdiction.id not in mixes:
            counts = dict.fromkeys([*ids("source_kind"), "unknown"], 0)
            mixes[e.jurisdiction.id] = Mix(
                jurisdiction=e.jurisdiction, counts=counts, total=0, authoritative=0
            )
        mix = mixes[e.jurisdiction.id]
        kind = e.source.get("kind") or "unknown"
        mix.counts[kind] += 1
        mixes[e.jurisdiction.id] = mix.replace(
            total=mix.total + 1, authoritative=mix.authoritative + (kind in AUTHORITATIVE_KINDS)
        )
    return list(mixes.values())


class Neighbour(Record):
    """Another regime and how far it is."""

    jurisdiction: Ref
    distance: float
    compared: int
    differs: tuple[str, ...]


class Similarity(Record, kw_only=True):
    """`aigov similar`: the other regimes, nearest first."""

    target: Ref
    neighbours: tuple[Neighbour, ...]
    metric: str = (
        "mean absolute difference of positions (0 to 1) over dimensions assessed in both; "
        "unordered dimensions count 0 when equal, 1 when not"
    )


def distance(a: Summary, b: Summary) -> tuple[float, int, tuple[str, ...]]:
    """(distance from 0 to 1, dimensions compared, dimensions that differ) between two
    summaries."""
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
    target: Summary, others: Iterable[Summary], at: str | None = None, top: int | None = None
) -> Similarity:
    """The other regimes ranked by distance to `target`, ties by id."""
    ranked = []
    for other in others:
        if other["id"] == target["id"]:
            continue
        dist, compared, differs = distance(target, other)
        ranked.append(Neighbour(ref(other), round(dist, 4), compared, differs))
    ranked.sort(key=lambda n: (n.distance, n.jurisdiction.id))
    return Similarity(target=ref(target, at), neighbours=tuple(ranked[:top] if top else ranked))


class Report(Record, kw_only=True):
    """`aigov report`: a comparison with rationale, the obligations, the map, the timeline
    and the data's freshness, for HTML."""

    title: str
    generated: str
    version: str
    comparison: Comparison
    plane: MapResult
    timeline: Timeline
    obligations: Matrix
    freshness: tuple[Any, ...] = ()  # results.Freshness, one per jurisdiction


def report_title(columns: Sequence[Ref]) -> str:
    """'AI governance compared: Japan (1 April 2024), Japan (today)' when dates differ."""
    dated = any(c.at for c in columns)
    names = [f"{c.name} ({c.at or 'today'})" if dated else c.name for c in columns]
    return "AI governance compared: " + ", ".join(names)
