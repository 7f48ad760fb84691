"""The neutral results that commands compute and every renderer reads.

Results hold plain data (strings, lists, dataclasses) so that renderers never need the
pydantic models and never recompute anything.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Column:
    """One jurisdiction as shown: `key` is its id, or `id@date` for a past state."""

    key: str
    id: str
    name: str
    kind: str
    as_of: str
    at: str | None = None


@dataclass(frozen=True)
class Cell:
    """One jurisdiction's value on one dimension; value None means no record."""

    value: str | None
    label: str
    rationale: str = ""
    sources: tuple[str, ...] = ()
    since: str | None = None
    marks: tuple[int, ...] = ()  # numbers of the sources in the comparison's source list


@dataclass(frozen=True)
class Row:
    """A dimension across jurisdictions."""

    dimension: str
    label: str
    question: str
    cells: tuple[Cell, ...]
    differs: bool


@dataclass(frozen=True)
class SourceRef:
    """A numbered bibliography entry of a result."""

    number: int
    column: str
    id: str
    title: str
    author: str | None
    publisher: str | None
    date: str | None
    url: str | None


@dataclass
class Comparison:
    """`aigov compare`: dimensions x jurisdictions."""

    columns: list[Column]
    rows: list[Row]
    sources: list[SourceRef] = field(default_factory=list)
    detail: bool = False


@dataclass(frozen=True)
class SectionRow:
    """One group of a section comparison (an instrument type, a role, a topic)."""

    group: str
    cells: tuple[tuple[str, ...], ...]  # per column, the items in this group


@dataclass
class SectionComparison:
    """`aigov compare --section`: instruments, institutions, funding or positions side by side."""

    section: str
    columns: list[Column]
    rows: list[SectionRow]


@dataclass(frozen=True)
class Change:
    """An item present on one side only, or on both with different fields."""

    kind: str  # "only_left", "only_right", "changed"
    key: str
    title: str
    left: dict[str, Any] | None
    right: dict[str, Any] | None
    fields: tuple[str, ...] = ()


@dataclass
class Diff:
    """`aigov diff`: what differs between two jurisdictions (or one at two dates)."""

    left: Column
    right: Column
    dimensions: list[Row]
    sections: dict[str, list[Change]]

    @property
    def differs(self) -> bool:
        return bool(self.dimensions) or any(self.sections.values())


@dataclass(frozen=True)
class ListItem:
    """A row of `aigov list`."""

    id: str
    name: str
    kind: str
    legal_form: str | None
    compliance_basis: str | None
    as_of: str
    origin: str
    aliases: tuple[str, ...] = ()


@dataclass
class Listing:
    """`aigov list`."""

    items: list[ListItem]


@dataclass
class Showing:
    """`aigov show`: one jurisdiction in full (data is the framework as JSON-ready data)."""

    column: Column
    data: dict[str, Any]
    sections: tuple[str, ...]
    labels: dict[str, str]  # dimension id -> value label, for the approach section


@dataclass
class DimensionsList:
    """`aigov dimensions`."""

    dimensions: list[dict[str, Any]]
