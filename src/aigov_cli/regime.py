"""A validated framework as plain data: what every command after validation works on.

The models validate a file once; their JSON-ready dump (every field present, None where
empty) is cached, and the comparison code reads it as plain dicts, so that a warm run
never imports pydantic or yaml. `plain.py` types that data for mypy.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .record import Record

if TYPE_CHECKING:
    from .plain import AssessmentData, FrameworkData, SourceData, Summary

    Regime = FrameworkData
else:
    Regime = dict


class Section(Record, kw_only=True):
    """A part of a framework file, and how commands treat it."""

    name: str
    label: str
    key: str = "id"  # the field that identifies an item
    title: str = "name"  # the field that names an item for people
    dated: str | None = None  # the field that says since when an item exists
    text: tuple[str, ...] = ()  # fields written as of `as_of`: withheld in past views
    compare: bool = False  # `compare --section` can show it side by side
    diff: bool = False  # `diff` lists what differs in it


# Every section of a file, in the order `show` prints them: the one table of their names.
SECTIONS: tuple[Section, ...] = (
    Section(name="summary", label="Summary"),
    Section(name="approach", label="Approach"),
    Section(
        name="instruments",
        label="Instruments",
        title="title",
        text=("summary",),
        compare=True,
        diff=True,
    ),
    Section(
        name="institutions",
        label="Institutions",
        dated="founded",
        text=("description",),
        compare=True,
        diff=True,
    ),
    Section(name="funding", label="Funding", dated="start", text=("purpose",), compare=True),
    Section(name="initiatives", label="Initiatives", dated="started", text=("description",)),
    Section(
        name="positions",
        label="Positions",
        key="topic",
        title="topic",
        dated="since",
        text=("stance",),
        compare=True,
        diff=True,
    ),
    Section(name="indicators", label="Indicators"),
    Section(name="challenges", label="Challenges", title="description", text=("description",)),
    Section(
        name="obligations",
        label="Obligations",
        title="requirement",
        dated="applies_from",
        compare=True,
        diff=True,
    ),
    Section(name="sources", label="Sources", title="title"),
)
SECTIONS_BY_NAME: dict[str, Section] = {s.name: s for s in SECTIONS}
SECTION_NAMES = tuple(s.name for s in SECTIONS)
# The lists of a framework whose items are claims with their own `sources`.
CLAIM_SECTIONS = tuple(s.name for s in SECTIONS if s.name not in ("summary", "approach", "sources"))
# The claim lists whose items have an `id` (positions are keyed by `topic`).
ITEM_SECTIONS = tuple(s for s in CLAIM_SECTIONS if SECTIONS_BY_NAME[s].key == "id")
COMPARE_SECTIONS = tuple(s.name for s in SECTIONS if s.compare)
DIFF_SECTIONS = tuple(s.name for s in SECTIONS if s.diff)


def assessment(regime: Regime, dimension_id: str) -> AssessmentData | None:
    """The assessment of a dimension, or None when the file has none."""
    return regime["approach"].get(dimension_id)


def value(regime: Regime, dimension_id: str) -> str | None:
    """The value of a dimension, or None when the file has none."""
    found = assessment(regime, dimension_id)
    return found["value"] if found else None


def source(regime: Regime, source_id: str) -> SourceData | None:
    """The bibliography entry called `source_id`."""
    return next((s for s in regime["sources"] if s["id"] == source_id), None)


def without_none(data: Any) -> Any:
    """`data` with every None-valued key left out, recursively."""
    if isinstance(data, dict):
        return {k: without_none(v) for k, v in data.items() if v is not None}
    if isinstance(data, list):
        return [without_none(v) for v in data]
    return data


def verified_dates(data: Regime) -> list[str]:
    """When each claim that can go stale was last checked (the file's as_of by default)."""
    as_of = data["as_of"]
    dates = [a.get("verified") or as_of for a in data["approach"].values() if a]
    for name in ("instruments", "institutions", "funding", "initiatives", "obligations"):
        items: list[Any] = data[name]
        dates += [item.get("verified") or as_of for item in items]
    return dates


def summary_of(data: Regime) -> Summary:
    """What `list`, name lookup and `similar` need, without the rest of the file."""
    return {
        "id": data["id"],
        "name": data["name"],
        "kind": data["kind"],
        "within": data.get("within"),
        "as_of": data["as_of"],
        "aliases": data["aliases"],
        "values": {k: v["value"] if v else None for k, v in data["approach"].items()},
        "counts": {name: len(data[name]) for name in (*CLAIM_SECTIONS, "sources")},  # type: ignore[literal-required]
        "oldest_verified": min(verified_dates(data), default=data["as_of"]),
    }
