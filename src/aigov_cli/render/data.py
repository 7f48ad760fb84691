"""Each result as plain data: the documented JSON shapes (also used for YAML)."""

from __future__ import annotations

from functools import singledispatch
from typing import Any

from ..results import (
    Cell,
    Column,
    Comparison,
    Diff,
    DimensionsList,
    Listing,
    Row,
    SectionComparison,
    Showing,
)


def _column(column: Column) -> dict[str, Any]:
    return column.asdict()


def _cell(cell: Cell) -> dict[str, Any]:
    return {
        "value": cell.value,
        "label": cell.label,
        "rationale": cell.rationale,
        "sources": list(cell.sources),
        "since": cell.since,
    }


def _row(row: Row, columns: list[Column]) -> dict[str, Any]:
    return {
        "id": row.dimension,
        "label": row.label,
        "question": row.question,
        "differs": row.differs,
        "values": {c.key: _cell(cell) for c, cell in zip(columns, row.cells, strict=True)},
    }


@singledispatch
def to_data(result: Any) -> dict[str, Any]:
    """The JSON-ready form of a result."""
    raise TypeError(f"no data form for {type(result).__name__}")


@to_data.register
def _(result: Comparison) -> dict[str, Any]:
    return {
        "command": "compare",
        "jurisdictions": [_column(c) for c in result.columns],
        "dimensions": [_row(r, result.columns) for r in result.rows],
        "sources": [s.asdict() for s in result.sources],
    }


@to_data.register
def _(result: SectionComparison) -> dict[str, Any]:
    return {
        "command": "compare",
        "section": result.section,
        "jurisdictions": [_column(c) for c in result.columns],
        "groups": [
            {
                "group": r.group,
                "items": {
                    c.key: list(items) for c, items in zip(result.columns, r.cells, strict=True)
                },
            }
            for r in result.rows
        ],
    }


@to_data.register
def _(result: Diff) -> dict[str, Any]:
    columns = [result.left, result.right]
    return (
        {
            "command": "diff",
            "left": _column(result.left),
            "right": _column(result.right),
            "differs": result.differs,
            "dimensions": [
                {
                    "id": r.dimension,
                    "label": r.label,
                    "question": r.question,
                    "left": _cell(r.cells[0]),
                    "right": _cell(r.cells[1]),
                }
                for r in result.dimensions
            ],
            **{
                section: [
                    {
                        "change": c.kind,
                        "key": c.key,
                        "title": c.title,
                        "fields": list(c.fields),
                        "left": c.left,
                        "right": c.right,
                    }
                    for c in changes
                ]
                for section, changes in result.sections.items()
            },
        }
        if columns
        else {}
    )


@to_data.register
def _(result: Listing) -> dict[str, Any]:
    return {
        "command": "list",
        "jurisdictions": [
            {**item.asdict(), "aliases": list(item.aliases)} for item in result.items
        ],
    }


@to_data.register
def _(result: Showing) -> dict[str, Any]:
    data: dict[str, Any] = {
        key: result.data[key]
        for key in ("id", "name", "kind", "as_of", "aliases")
        if key in result.data
    }
    for section in result.sections:
        data[section] = result.data.get(section, "" if section == "summary" else [])
    return {"command": "show", "at": result.column.at, "jurisdiction": data}


@to_data.register
def _(result: DimensionsList) -> dict[str, Any]:
    return {"command": "dimensions", "dimensions": result.dimensions}
