"""The neutral results that commands compute and every renderer reads.

Results hold plain data (strings, lists, records) so that renderers never need the
pydantic models and never recompute anything.
"""

from __future__ import annotations

from typing import Any

from .record import Record


class Column(Record):
    """One jurisdiction as shown: `key` is its id, or `id@date` for a past state."""

    key: str
    id: str
    name: str
    kind: str
    as_of: str
    at: str | None = None


class Cell(Record):
    """One jurisdiction's value on one dimension; value None means no record."""

    value: str | None
    label: str
    rationale: str = ""
    sources: tuple[str, ...] = ()
    since: str | None = None
    marks: tuple[int, ...] = ()  # numbers of the sources in the comparison's source list


class Row(Record):
    """A dimension across jurisdictions."""

    dimension: str
    label: str
    question: str
    cells: tuple[Cell, ...]
    differs: bool


class SourceRef(Record):
    """A numbered bibliography entry of a result."""

    number: int
    column: str
    id: str
    title: str
    author: str | None
    publisher: str | None
    date: str | None
    url: str | None


class Comparison(Record):
    """`aigov compare`: dimensions x jurisdictions."""

    columns: list[Column]
    rows: list[Row]
    sources: list[SourceRef]
    detail: bool = False


class SectionRow(Record):
    """One group of a section comparison (an instrument type, a role, a topic)."""

    group: str
    cells: tuple[tuple[str, ...], ...]  # per column, the items in this group


class SectionComparison(Record):
    """`aigov compare --section`: instruments, institutions, funding or positions side by side."""

    section: str
    columns: list[Column]
    rows: list[SectionRow]


class Change(Record):
    """An item present on one side only, or on both with different fields."""

    kind: str  # "only_left", "only_right", "changed"
    key: str
    title: str
    left: dict[str, Any] | None
    right: dict[str, Any] | None
    fields: tuple[str, ...] = ()


class Diff(Record):
    """`aigov diff`: what differs between two jurisdictions (or one at two dates)."""

    left: Column
    right: Column
    dimensions: list[Row]
    sections: dict[str, list[Change]]

    @property
    def differs(self) -> bool:
        return bool(self.dimensions) or any(self.sections.values())


class ListItem(Record):
    """A row of `aigov list`."""

    id: str
    name: str
    kind: str
    legal_form: str | None
    compliance_basis: str | None
    as_of: str
    origin: str
    aliases: tuple[str, ...] = ()


class Listing(Record):
    """`aigov list`."""

    items: list[ListItem]


class Showing(Record):
    """`aigov show`: one jurisdiction in full (data is the framework as JSON-ready data)."""

    column: Column
    data: dict[str, Any]
    sections: tuple[str, ...]
    labels: dict[str, str]  # dimension id -> value label, for the approach section


class DimensionsList(Record):
    """`aigov dimensions`."""

    dimensions: list[dict[str, Any]]
