"""The views of the everyday results: compare, diff, list, show, dimensions.

Every label comes from `labels`; every layout decision is the grid's (see `blocks.Grid`).
"""

from __future__ import annotations

from typing import Any

from ..dimensions import SHORT
from ..results import (
    Cell,
    Change,
    Comparison,
    Diff,
    DimensionsList,
    Listing,
    Ref,
    Row,
    SectionComparison,
    Showing,
    SourceRef,
)
from . import labels
from .blocks import (
    Block,
    CellValue,
    Grid,
    Lines,
    Link,
    Paragraph,
    Rated,
    marks,
    source_note,
    to_blocks,
)
from .show import format_amount, show_blocks


def source_notes(sources: tuple[SourceRef, ...], names: dict[str, str]) -> tuple[CellValue, ...]:
    """The numbered source list under a comparison."""
    return tuple(
        source_note(
            s.number,
            s.title,
            s.url,
            ", ".join(x for x in (s.author, s.publisher) if x),
            s.date or "n.d.",
            f"({names.get(s.jurisdiction, s.jurisdiction)})",
        )
        for s in sources
    )


def _rated(row: Row, cell: Cell, column: Ref, detail: bool) -> CellValue:
    label = labels.value(row.dimension, cell.value)
    if not detail:
        return label
    text = cell.rationale
    if text is None and cell.value is not None and column.at:
        text = "(today's rationale is left out of a past view; --hindsight shows it)"
    return Rated(value=label, since=cell.since, text=text, marks=cell.marks)


def _compact(result: Comparison) -> Grid:
    """compare --all: one row per jurisdiction, dimensions as short codes with a legend."""
    dims = [row.dimension for row in result.rows]
    rows = tuple(
        (
            col.name,
            *(
                SHORT.get(row.dimension, ("", {}))[1].get(row.cells[n].value or "", "-")
                for row in result.rows
            ),
        )
        for n, col in enumerate(result.columns)
    )
    legend = tuple(
        f"{SHORT[d][0]} {labels.dimension(d)}: "
        + ", ".join(f"{code} {labels.value(d, v)}" for v, code in SHORT[d][1].items())
        for d in dims
        if d in SHORT
    )
    return Grid(
        header=("Jurisdiction", *(SHORT.get(d, (d, {}))[0] for d in dims)),
        rows=rows,
        layout="list",
        notes=(*legend, "- no record"),
        nowrap=tuple(range(1, len(dims) + 1)),
    )


@to_blocks.register
def _(result: Comparison) -> list[Block]:
    names = {c.id: c.name for c in result.columns}
    notes = source_notes(result.sources, names) if result.detail else ()
    if len(result.columns) > len(result.rows) and not result.detail:
        # More jurisdictions than dimensions (`compare --all`): one row per jurisdiction;
        # a terminal too narrow for the labels gets the short codes with a legend.
        transposed = Grid(
            header=("Jurisdiction", *(labels.dimension(r.dimension) for r in result.rows)),
            rows=tuple(
                (
                    labels.name(col),
                    *(labels.value(r.dimension, r.cells[n].value) for r in result.rows),
                )
                for n, col in enumerate(result.columns)
            ),
            layout="list",
            compact=_compact(result),
        )
        return [transposed]
    grid = Grid(
        header=("Dimension", *(labels.name(c) for c in result.columns)),
        rows=tuple(
            (
                labels.dimension(row.dimension),
                *(
                    _rated(row, c, col, result.detail)
                    for c, col in zip(row.cells, result.columns, strict=True)
                ),
            )
            for row in result.rows
        ),
        layout="records" if result.detail else "matrix",
        highlight=tuple(row.differs for row in result.rows),
        notes=notes,
        compact=_compact(result) if not result.detail else None,
    )
    return [grid]


def _item_line(section: str, item: dict[str, Any]) -> str:
    """One item of a section as a short line for `compare --section`."""
    if section == "instruments":
        first = next(
            (
                item["dates"].get(k)
                for k in ("adopted", "introduced", "in_force")
                if item["dates"].get(k)
            ),
            None,
        )
        binding = "binding" if item["binding"] else "non-binding"
        status = labels.term("instrument_status", item["status"]).lower()
        return f"{item.get('short_title') or item['title']} ({(first or 'n.d.')[:4]}, {binding}, {status})"
    if section == "institutions":
        return f"{item['name']} ({labels.date_or_unknown(item.get('founded'))})"
    if section == "funding":
        period = f" ({item['period']})" if item.get("period") else ""
        return f"{item['name']}: {format_amount(item['amount'])} {item['currency']}{period}"
    if section == "obligations":
        strength = labels.term("strength", item["strength"])
        when = f" from {item['applies_from']}" if item.get("applies_from") else ""
        article = f", {item['article']}" if item.get("article") else ""
        return f"{strength}{when}{article}"
    return str(item.get("stance") or "")


_GROUP_VOCABULARY = {
    "instruments": "instrument_type",
    "institutions": "role",
    "obligations": "topic",
    "positions": "topic",
}


@to_blocks.register
def _(result: SectionComparison) -> list[Block]:
    groups = sorted({i.group for i in result.items})
    vocabulary = _GROUP_VOCABULARY.get(result.section)
    rows = []
    for group in groups:
        cells = []
        for column in result.columns:
            lines = tuple(
                _item_line(result.section, i.item)
                for i in result.items
                if i.group == group and i.jurisdiction == column
            )
            cells.append(Lines(lines) if lines else "-")
        label = labels.term(vocabulary, group) if vocabulary else group.title()
        rows.append((label, *cells))
    return [
        Grid(
            header=(result.section.title(), *(labels.name(c) for c in result.columns)),
            rows=tuple(rows),
            layout="matrix",
        )
    ]


def _describe(section: str, data: dict[str, Any] | None, fields: tuple[str, ...]) -> str:
    """A changed item's fields in brief, with labels."""
    if data is None:
        return "-"
    shown = fields or tuple(
        k for k in ("type", "role", "status", "founded", "strength", "stance") if k in data
    )
    parts = []
    for key in shown:
        v = data.get(key)
        if key == "stance":
            parts.append(str(v or "-"))
            continue
        if isinstance(v, dict):
            v = ", ".join(f"{labels.event(k).lower()} {d}" for k, d in v.items() if d) or "-"
        elif isinstance(v, bool):
            v = "binding" if v else "non-binding"
        elif isinstance(v, list):
            v = labels.terms("strength" if key == "strength" else "actor", v) or "-"
        elif key in ("type", "status", "role", "strength"):
            vocab = {"type": "instrument_type", "status": "instrument_status"}.get(key, key)
            v = labels.term(vocab, v)
        parts.append(f"{key.replace('_', ' ')}: {v if v is not None else '-'}")
    return "; ".join(parts)


def _change_label(change: Change, left: Ref, right: Ref, same: bool) -> str:
    if same:
        since = f" since {left.at}" if left.at else ""
        return {"only_left": f"removed{since}", "only_right": f"added{since}"}.get(
            change.change,
            f"changed{since}: {', '.join(f.replace('_', ' ') for f in change.fields)}",
        )
    return {"only_left": f"only in {left.name}", "only_right": f"only in {right.name}"}.get(
        change.change, f"differs: {', '.join(f.replace('_', ' ') for f in change.fields)}"
    )


@to_blocks.register
def _(result: Diff) -> list[Block]:
    left, right = result.left, result.right
    blocks: list[Block] = []
    head = ("Dimension", labels.name(left), labels.name(right))
    if result.dimensions:
        blocks.append(
            Grid(
                header=head,
                rows=tuple(
                    (
                        labels.dimension(r.dimension),
                        *(labels.value(r.dimension, c.value) for c in r.cells),
                    )
                    for r in result.dimensions
                ),
                title="Dimensions",
                layout="matrix",
            )
        )
    if result.counts:
        for section in ("instruments", "institutions"):
            counts = [c for c in result.counts if c.section == section]
            vocab = "instrument_type" if section == "instruments" else "role"
            blocks.append(
                Grid(
                    header=(
                        "Type" if section == "instruments" else "Role",
                        labels.name(left),
                        labels.name(right),
                    ),
                    rows=tuple(
                        (labels.term(vocab, c.group), str(c.left), str(c.right)) for c in counts
                    ),
                    title=f"{section.title()} by {'type' if section == 'instruments' else 'role'}",
                    nowrap=(1, 2),
                )
            )
    pairs = [c for c in result.changes if c.change == "pair"]
    if pairs:
        blocks.append(
            Grid(
                header=("Topic", labels.name(left), labels.name(right)),
                rows=tuple(
                    (
                        labels.term("topic", c.id),
                        _pair_side(c.left),
                        _pair_side(c.right),
                    )
                    for c in pairs
                ),
                title="Instruments on the same topic",
                layout="matrix",
            )
        )
    same = result.same_jurisdiction
    for section in ("instruments", "institutions", "obligations", "positions"):
        changes = [c for c in result.changes if c.section == section and c.change != "pair"]
        if not changes:
            continue
        if section == "obligations" and not result.full:
            rows: tuple[tuple[CellValue, ...], ...] = tuple(
                (
                    labels.term("topic", c.id),
                    labels.terms("strength", (c.left or {}).get("strength") or []) or "-",
                    labels.terms("strength", (c.right or {}).get("strength") or []) or "-",
                )
                for c in changes
            )
            blocks.append(
                Grid(
                    header=("Topic", labels.name(left), labels.name(right)),
                    rows=rows,
                    title="Obligations that differ",
                    layout="matrix",
                )
            )
            continue
        blocks.append(
            Grid(
                header=("Change", "Item", labels.name(left), labels.name(right)),
                rows=tuple(
                    (
                        _change_label(c, left, right, same),
                        _item_title(section, c),
                        _describe(section, c.left, c.fields),
                        _describe(section, c.right, c.fields),
                    )
                    for c in changes
                ),
                title=section.title(),
                layout="records",
                heading=2,
            )
        )
    return blocks


def _item_title(section: str, change: Change) -> str:
    """How a changed item is named: a position by its topic, an obligation by its topic
    and article."""
    if section == "positions":
        return labels.topic(change.title)
    if section == "obligations":
        data = change.right or change.left or {}
        article = f", {data['article']}" if data.get("article") else ""
        return f"{labels.topic(str(data.get('topic', change.title)))}{article}"
    return change.title


def _pair_side(item: dict[str, Any] | None) -> str:
    if not item:
        return "-"
    return f"{item['title']} ({labels.term('instrument_type', item['type']).lower()}, {labels.term('instrument_status', item['status']).lower()})"


@to_blocks.register
def _(result: Listing) -> list[Block]:
    builtin_only = all(result.origins.get(s["id"], "built-in") == "built-in" for s in result.items)
    if result.stats:
        header: tuple[str, ...] = (
            "ID",
            "Instruments",
            "Obligations",
            "Institutions",
            "Sources",
            "As of",
            "Checked",
        )
        rows = tuple(
            (
                s["id"],
                str(s["counts"].get("instruments", 0)),
                str(s["counts"].get("obligations", 0)),
                str(s["counts"].get("institutions", 0)),
                str(s["counts"].get("sources", 0)),
                s["as_of"],
                s["oldest_verified"],
            )
            for s in result.items
        )
        nowrap = tuple(range(7))
    else:
        header = ("ID", "Name", "Kind", "Legal form", "As of") + (
            () if builtin_only else ("Origin",)
        )
        rows = tuple(
            (
                s["id"],
                s["name"],
                labels.term("kind", s["kind"]),
                labels.value("legal_form", s["values"].get("legal_form")),
                s["as_of"],
                *(() if builtin_only else (result.origins.get(s["id"], ""),)),
            )
            for s in result.items
        )
        nowrap = (0, 4)
    notes: tuple[CellValue, ...] = ()
    if result.at:
        notes += (f"as recorded for {result.at}",)
    if result.stale:
        notes += (f"with claims last checked before {result.stale}",)
    notes += (f"{len(result.items)} jurisdiction{'s' * (len(result.items) != 1)}",)
    return [Grid(header=header, rows=rows, layout="list", nowrap=nowrap, notes=notes)]


@to_blocks.register
def _(result: Showing) -> list[Block]:
    return show_blocks(result)


@to_blocks.register
def _(result: DimensionsList) -> list[Block]:
    rows = tuple(
        (
            d.label,
            d.id,
            d.question,
            Lines(tuple(f"{v.label} ({v.id}): {v.meaning}" for v in d.values)),
        )
        for d in result.dimensions
    )
    blocks: list[Block] = [
        Grid(
            header=("Dimension", "ID", "Question", "Values, in order"),
            rows=rows,
            layout="records",
            heading=2,
            nowrap=(1,),
        )
    ]
    if result.rules:
        blocks.append(Paragraph(title="Codebook rules", text=result.rules))
    return blocks


__all__ = ["Link", "marks"]
