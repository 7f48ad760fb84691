"""The views' building blocks: tables and paragraphs whose cells know what they hold (plain
text, a link, a rating with its rationale, several lines), so that each view renderer lays
them out its own way: the terminal as columns or stacked blocks, Markdown as GFM tables
without raw HTML, HTML with real links. Text here is raw; renderers escape it.

`to_blocks(result)` gives a result's blocks; the core results register here, the analysis
results in `views.py`.
"""

from __future__ import annotations

from functools import singledispatch
from typing import Any, TypeAlias

from ..record import Record

DIFFERS = "≠"


class Link(Record):
    """Text that links to a URL."""

    text: str
    url: str


class Rated(Record, kw_only=True):
    """A value with its date, its rationale and its source marks (a comparison cell)."""

    value: str
    since: str | None = None
    text: str | None = None
    marks: tuple[int, ...] = ()


class Lines(Record):
    """Several short items in one cell: stacked on a terminal, joined in Markdown."""

    items: tuple[str, ...]


CellValue: TypeAlias = str | Link | Rated | Lines | tuple[str | Link, ...]


class Grid(Record, kw_only=True):
    """A table.

    `layout` says how a terminal lays it out: `list` (one line per row, no rules; long
    cells wrap in place), `matrix` (a boxed grid, for values side by side), or `records`
    (a table when wide, stacked blocks below 100 columns: the first `heading` cells make a
    heading line, the rest follow as labelled lines). `nowrap` names columns (by index) that
    never wrap: ids and dates. `compact` is a narrower form to use when this one cannot fit.
    """

    header: tuple[str, ...]
    rows: tuple[tuple[CellValue, ...], ...]
    title: str | None = None
    layout: str = "list"
    highlight: tuple[bool, ...] = ()
    notes: tuple[CellValue, ...] = ()
    nowrap: tuple[int, ...] = ()
    heading: int = 1
    spaced: bool = True  # stacked blocks: a blank line between records
    wide: str = "matrix"  # how `records` lay out at 100 columns and more: matrix or list
    compact: Grid | None = None


class Paragraph(Record, kw_only=True):
    """A heading and a paragraph (or a few)."""

    title: str
    text: str
    notes: tuple[CellValue, ...] = ()


Block: TypeAlias = Grid | Paragraph


def plain(cell: CellValue) -> str:
    """A cell as plain text, one item per line (terminal and fallback form)."""
    if isinstance(cell, str):
        return cell
    if isinstance(cell, Link):
        return f"{cell.text} <{cell.url}>" if cell.text != cell.url else cell.url
    if isinstance(cell, Rated):
        head = cell.value + (f" (since {cell.since})" if cell.since else "")
        tail = " ".join(x for x in (cell.text or "", marks(cell.marks)) if x)
        return f"{head}\n{tail}" if tail else head
    if isinstance(cell, Lines):
        return "\n".join(cell.items)
    return "".join(plain(part) for part in cell)


def marks(numbers: tuple[int, ...]) -> str:
    """[1,2] for the source numbers a claim cites (no space: it never wraps inside)."""
    return f"[{','.join(map(str, numbers))}]" if numbers else ""


def source_note(
    number: int, title: str, url: str | None, *details: str | None
) -> tuple[str | Link, ...]:
    """A numbered bibliography line: the title linked when there is a URL."""
    rest = ". ".join(d for d in details if d)
    head: str | Link = Link(title, url) if url else title
    return (f"[{number}] ", head, f". {rest}" if rest else "")


@singledispatch
def to_blocks(result: Any) -> list[Block]:
    """The result laid out as tables and paragraphs."""
    raise TypeError(f"no view of {type(result).__name__}")
