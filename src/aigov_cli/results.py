"""The neutral results that commands compute and every renderer reads.

Results hold ids and values, never screen text: views label them (`render/labels.py`),
data formats export them as they are. Nothing here imports pydantic, yaml or rich.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .record import Record

if TYPE_CHECKING:
    from .plain import Summary


class Ref(Record):
    """One jurisdiction as a result refers to it: at None means as it stands today."""

    id: str
    name: str
    at: str | None = None
    kind: str = ""
    as_of: str = ""
    within: str | None = None

    @property
    def key(self) -> str:
        """`id`, or `id@date` for a past state: unique among a result's jurisdictions."""
        return f"{self.id}@{self.at}" if self.at else self.id


class SourceRef(Record, kw_only=True):
    """A numbered bibliography entry of a result."""

    number: int
    jurisdiction: str
    id: str
    title: str
    author: str | None = None
    publisher: str | None = None
    date: str | None = None
    url: str | None = None
    kind: str | None = None


class Cell(Record, kw_only=True):
    """One jurisdiction's rating on one dimension; value None means no record."""

    value: str | None
    since: str | None = None
    rule: str | None = None
    rationale: str | None = None
    sources: tuple[str, ...] = ()
    marks: tuple[int, ...] = ()  # numbers of the sources in the result's source list
    notes: str | None = None


class Row(Record):
    """A dimension across jurisdictions."""

    dimension: str
    cells: tuple[Cell, ...]
    differs: bool


class Comparison(Record, kw_only=True):
    """`aigov compare`: dimensions x jurisdictions."""

    columns: tuple[Ref, ...]
    rows: tuple[Row, ...]
    sources: tuple[SourceRef, ...] = ()
    detail: bool = False
    skipped: tuple[str, ...] = ()  # jurisdictions with no record yet on the date asked
    hindsight: bool = False


class SectionItem(Record):
    """One item of a section, for `compare --section`: its group and its fields."""

    jurisdiction: Ref
    group: str  # an instrument type, an institution role, a topic
    item: dict[str, Any]


class SectionComparison(Record, kw_only=True):
    """`aigov compare --section`: instruments, institutions, funding, positions or
    obligations side by side, grouped."""

    section: str
    columns: tuple[Ref, ...]
    items: tuple[SectionItem, ...]


class Change(Record, kw_only=True):
    """An item on one side only, on both with different fields, or a pair that matches."""

    change: str  # only_left | only_right | changed | pair
    section: str
    id: str  # the item's id (a topic for positions and obligation pairs)
    title: str
    left: dict[str, Any] | None = None
    right: dict[str, Any] | None = None
    fields: tuple[str, ...] = ()


class Count(Record):
    """How many items of one group each side has (`diff` across two jurisdictions)."""

    section: str
    group: str
    left: int
    right: int


class Diff(Record, kw_only=True):
    """`aigov diff`: what differs between two jurisdictions, or one at two dates."""

    left: Ref
    right: Ref
    dimensions: tuple[Row, ...]
    changes: tuple[Change, ...]
    counts: tuple[Count, ...] = ()
    full: bool = True  # items matched by id (one jurisdiction, or --section)

    @property
    def same_jurisdiction(self) -> bool:
        return self.left.id == self.right.id

    @property
    def differs(self) -> bool:
        return bool(self.dimensions) or any(c.change != "pair" for c in self.changes)


class Listing(Record, kw_only=True):
    """`aigov list`: summaries of the jurisdictions, with where each came from."""

    items: tuple[Summary, ...]
    origins: dict[str, str]
    stats: bool = False
    at: str | None = None
    stale: str | None = None  # with --stale: the cut-off date
    skipped: tuple[str, ...] = ()


class Showing(Record, kw_only=True):
    """`aigov show`: one jurisdiction in full (data is the framework as plain data)."""

    ref: Ref
    data: dict[str, Any]
    sections: tuple[str, ...]
    detail: bool = False
    hindsight: bool = False
    layer: Ref | None = None  # the regime this one sits within
    freshness: Freshness | None = None


class Freshness(Record, kw_only=True):
    """How current a file is: as of, the oldest check, and the claims older than a limit."""

    jurisdiction: str
    as_of: str
    oldest_verified: str
    threshold: str | None = None  # the cut-off date, when a maximum age was given
    stale: tuple[StaleClaim, ...] = ()


class StaleClaim(Record):
    """A claim last checked before the cut-off."""

    path: str
    verified: str
    title: str


class DimensionsList(Record):
    """`aigov dimensions`: every dimension, or one with its codebook rules."""

    dimensions: tuple[Any, ...]  # dimensions.Dimension
    rules: str = ""  # with one dimension: its section of the codebook
