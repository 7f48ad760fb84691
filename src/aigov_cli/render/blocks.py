"""Each result as blocks of tables and paragraphs: what the table, Markdown and CSV
renderers lay out, each in its own way. Text here is raw; renderers escape it."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import singledispatch
from typing import Any

from ..compare import format_amount
from ..results import (
    Cell,
    Change,
    Column,
    Comparison,
    Diff,
    DimensionsList,
    Listing,
    SectionComparison,
    Showing,
    SourceRef,
)

DIFFERS = "≠"


@dataclass
class Grid:
    """A table: header, rows, which rows differ, and notes printed under it."""

    header: list[str]
    rows: list[list[str]]
    title: str | None = None
    highlight: list[bool] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


@dataclass
class Paragraph:
    """A heading and a paragraph of text."""

    title: str
    text: str


Block = Grid | Paragraph


def _name(column: Column) -> str:
    return f"{column.name} @ {column.at}" if column.at else column.name


def _marks(numbers: tuple[int, ...]) -> str:
    return f"[{', '.join(map(str, numbers))}]" if numbers else ""


def source_line(ref: SourceRef) -> str:
    """One numbered bibliography line."""
    who = ", ".join(x for x in (ref.author, ref.publisher) if x)
    parts = [f"[{ref.number}]", f"{ref.column}:", ref.title]
    tail = "; ".join(x for x in (who, ref.date or "n.d.", ref.url or "") if x)
    return " ".join(parts) + (f". {tail}" if tail else "")


def _cell_text(cell: Cell, detail: bool) -> str:
    if not detail:
        return cell.label
    lines = [cell.label + (f" (since {cell.since})" if cell.since else "")]
    if cell.rationale:
        lines.append(f"{cell.rationale} {_marks(cell.marks)}".strip())
    return "\n".join(lines)


@singledispatch
def to_blocks(result: Any) -> list[Block]:
    """The result laid out as tables and paragraphs."""
    raise TypeError(f"no block form for {type(result).__name__}")


@to_blocks.register
def _(result: Comparison) -> list[Block]:
    if len(result.columns) > len(result.rows):
        # More jurisdictions than dimensions (`compare --all`): one row each, dimensions
        # across, whichever way round gives fewer and so wider columns.
        grid = Grid(
            ["Jurisdiction", *(row.label for row in result.rows)],
            [
                [_name(col), *(_cell_text(row.cells[n], result.detail) for row in result.rows)]
                for n, col in enumerate(result.columns)
            ],
        )
    else:
        grid = Grid(
            ["Dimension", *(_name(c) for c in result.columns)],
            [
                [row.label, *(_cell_text(c, result.detail) for c in row.cells)]
                for row in result.rows
            ],
            highlight=[row.differs for row in result.rows],
        )
    if result.detail:
        grid.notes = [source_line(ref) for ref in result.sources]
    return [grid]


@to_blocks.register
def _(result: SectionComparison) -> list[Block]:
    return [
        Grid(
            [result.section.title(), *(_name(c) for c in result.columns)],
            [[row.group, *("\n".join(items) or "-" for items in row.cells)] for row in result.rows],
        )
    ]


def _summary(data: dict[str, Any] | None, fields: tuple[str, ...]) -> str:
    """A changed item's fields in brief: the changed ones, or its essentials."""
    if data is None:
        return "-"
    if "stance" in data:
        return str(data["stance"])
    shown = fields or tuple(k for k in ("type", "role", "status", "founded") if k in data)
    parts = []
    for key in shown:
        value = data.get(key)
        if isinstance(value, dict):
            value = ", ".join(f"{k} {v}" for k, v in value.items()) or "-"
        elif isinstance(value, bool):
            value = "binding" if value else "non-binding"
        parts.append(f"{key}: {value if value is not None else '-'}")
    return "; ".join(parts)


def _change_row(change: Change, left: Column, right: Column) -> list[str]:
    what = {"only_left": f"only in {left.key}", "only_right": f"only in {right.key}"}.get(
        change.kind, f"changed: {', '.join(change.fields)}"
    )
    return [
        what,
        change.title,
        _summary(change.left, change.fields),
        _summary(change.right, change.fields),
    ]


@to_blocks.register
def _(result: Diff) -> list[Block]:
    left, right = result.left, result.right
    blocks: list[Block] = []
    if result.dimensions:
        blocks.append(
            Grid(
                ["Dimension", _name(left), _name(right)],
                [[r.label, r.cells[0].label, r.cells[1].label] for r in result.dimensions],
                title="Dimensions",
            )
        )
    for section, changes in result.sections.items():
        if changes:
            blocks.append(
                Grid(
                    ["Change", "Item", _name(left), _name(right)],
                    [_change_row(c, left, right) for c in changes],
                    title=section.title(),
                )
            )
    return blocks


@to_blocks.register
def _(result: Listing) -> list[Block]:
    return [
        Grid(
            ["ID", "Name", "Kind", "Legal form", "Compliance basis", "As of", "Origin"],
            [
                [
                    i.id,
                    i.name,
                    i.kind,
                    i.legal_form or "-",
                    i.compliance_basis or "-",
                    i.as_of,
                    i.origin,
                ]
                for i in result.items
            ],
        )
    ]


@to_blocks.register
def _(result: DimensionsList) -> list[Block]:
    return [
        Grid(
            ["Dimension", "Question", "Values (in order)"],
            [
                [
                    d["id"],
                    d["question"],
                    "\n".join(f"{v['id']}: {v['meaning']}" for v in d["values"]),
                ]
                for d in result.dimensions
            ],
        )
    ]


def _date(item: dict[str, Any], *keys: str) -> str:
    return next((str(item[k]) for k in keys if item.get(k)), "-")


@to_blocks.register
def _(result: Showing) -> list[Block]:
    data = result.data
    numbers = {s["id"]: i for i, s in enumerate(data.get("sources", []), start=1)}

    def marks(item: dict[str, Any]) -> str:
        return _marks(tuple(numbers[s] for s in item.get("sources", []) if s in numbers))

    sections: dict[str, Block] = {
        "summary": Paragraph(_heading(result), data.get("summary", "")),
        "approach": Grid(
            ["Dimension", "Value", "Since", "Rationale", "Sources"],
            [
                [d, result.labels.get(d, a["value"]), a.get("since", "-"), a["rationale"], marks(a)]
                for d, a in data.get("approach", {}).items()
            ],
            title="Approach",
        ),
        "instruments": Grid(
            ["Instrument", "Type", "Issuer", "Binding", "Status", "Adopted", "In force", "Sources"],
            [
                [
                    i["title"],
                    i["type"],
                    i["issuer"],
                    "yes" if i["binding"] else "no",
                    i["status"],
                    _date(i["dates"], "adopted", "introduced"),
                    _date(i["dates"], "in_force"),
                    marks(i),
                ]
                for i in data.get("instruments", [])
            ],
            title="Instruments",
        ),
        "institutions": Grid(
            ["Institution", "Role", "Founded", "Description", "Sources"],
            [
                [i["name"], i["role"], i.get("founded", "-"), i["description"], marks(i)]
                for i in data.get("institutions", [])
            ],
            title="Institutions",
        ),
        "funding": Grid(
            ["Programme", "Amount", "Period", "Purpose", "Sources"],
            [
                [
                    f["name"],
                    f"{format_amount(f['amount'])} {f['currency']}",
                    f.get("period") or _date(f, "start"),
                    f["purpose"],
                    marks(f),
                ]
                for f in data.get("funding", [])
            ],
            title="Funding",
        ),
        "initiatives": Grid(
            ["Initiative", "Type", "Started", "Description", "Sources"],
            [
                [i["name"], i["type"], i.get("started", "-"), i["description"], marks(i)]
                for i in data.get("initiatives", [])
            ],
            title="Initiatives",
        ),
        "positions": Grid(
            ["Topic", "Stance", "Sources"],
            [[p["topic"], p["stance"], marks(p)] for p in data.get("positions", [])],
            title="Positions",
        ),
        "indicators": Grid(
            ["Indicator", "Value", "Year", "Sources"],
            [
                [i["name"], f"{i['value']} {i.get('unit', '')}".strip(), str(i["year"]), marks(i)]
                for i in data.get("indicators", [])
            ],
            title="Indicators",
        ),
        "challenges": Grid(
            ["Challenge", "Sources"],
            [[c["description"], marks(c)] for c in data.get("challenges", [])],
            title="Challenges",
        ),
        "sources": Grid(
            ["No.", "Source", "Author / publisher", "Date", "URL"],
            [
                [
                    str(n),
                    s["title"],
                    ", ".join(x for x in (s.get("author"), s.get("publisher")) if x),
                    s.get("date") or s.get("accessed", "-"),
                    s.get("url", "-"),
                ]
                for n, s in enumerate(data.get("sources", []), start=1)
            ],
            title="Sources",
        ),
    }
    return [sections[name] for name in result.sections]


def _heading(result: Showing) -> str:
    c = result.column
    when = f" as of {c.at}" if c.at else ""
    return f"{c.name} ({c.id}, {c.kind}){when}; file checked {c.as_of}"
