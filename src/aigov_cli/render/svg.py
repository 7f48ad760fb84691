"""SVG: the two-axis map as a self-contained picture (no fonts, scripts or links).

Point labels are set in a monospace font, so the renderer knows how wide each is, and lays
them out in columns inside their cell: rows of the grid grow to fit their most crowded
cell, and only past `MAX_ROWS` lines does a cell say "+N more". Margins are sized to the
longest axis label. Nothing is ever drawn over anything else (a test checks every box).
"""

from __future__ import annotations

import math
from collections import defaultdict
from typing import Any
from xml.sax.saxutils import escape

from ..analysis import MapResult
from . import labels

WIDTH = 1200
NAME_SIZE = 12
CHAR = 0.6 * NAME_SIZE  # monospace advance per character
LINE = 18  # distance between the baselines of two names
DOT = 14  # a dot and the gap before its name
PAD = 10  # inside a cell
MAX_ROWS = 40
AXIS_SIZE = 14
AXIS_CHAR = 0.62 * AXIS_SIZE  # generous for a sans-serif face
KIND_COLOURS = {
    "national": "#1f77b4",
    "supranational": "#d62728",
    "subnational": "#2ca02c",
    "multilateral": "#9467bd",
}
MONO = "ui-monospace, Menlo, Consolas, 'DejaVu Sans Mono', monospace"


def _text(value: str) -> str:
    from .escape import one_line

    return escape(one_line(value), {'"': "&quot;"})


def name_width(name: str) -> float:
    """How wide a point label is drawn, dot included."""
    return DOT + len(name) * CHAR


def _layout(names: list[str], width: float) -> tuple[int, int, list[str]]:
    """(columns, rows, names shown) for one cell `width` wide; a last '+N more' when needed."""
    if not names:
        return 1, 0, []
    column = max(name_width(n) for n in names) + PAD
    columns = max(1, min(len(names), int((width - PAD) // column)))
    rows = math.ceil(len(names) / columns)
    if rows <= MAX_ROWS:
        return columns, rows, names
    shown = names[: MAX_ROWS * columns - 1]
    return columns, MAX_ROWS, [*shown, f"+{len(names) - len(shown)} more"]


def render(result: Any) -> str:
    """The map as an SVG document."""
    if not isinstance(result, MapResult):
        raise TypeError("svg renders only the map")
    xs, ys = result.x.values, result.y.values
    left = 60 + max(len(v.label) for v in ys) * AXIS_CHAR
    right, top = 30, 96
    cells: dict[tuple[int, int], list[tuple[str, str]]] = defaultdict(list)
    for p in result.points:
        if p.x_value is None or p.y_value is None:
            continue
        key = (result.x.value_ids.index(p.x_value), result.y.value_ids.index(p.y_value))
        cells[key].append((labels.name(p.jurisdiction), p.jurisdiction.kind))
    # Every cell is at least as wide as the longest name (and the x-axis labels) needs.
    widest = max([name_width(n) for items in cells.values() for n, _ in items] + [0.0])
    cell_w = max(
        (WIDTH - left - right) / len(xs),
        widest + 2 * PAD,
        max(len(v.label) for v in xs) * AXIS_CHAR + 2 * PAD,
    )
    width = int(left + right + cell_w * len(xs))
    plans = {}
    for key, items in cells.items():
        items.sort()
        plans[key] = _layout([n for n, _ in items], cell_w)
    row_h = [
        max([90.0] + [2 * PAD + plans[(i, j)][1] * LINE for i in range(len(xs)) if (i, j) in plans])
        for j in range(len(ys))
    ]
    plot_h = sum(row_h)
    height = int(top + plot_h + 110)
    # y offset of each row's top edge; the highest value is drawn first (at the top).
    row_top = {}
    y = float(top)
    for j in reversed(range(len(ys))):
        row_top[j] = y
        y += row_h[j]
    title = f"{result.x.label} × {result.y.label}"
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" font-family="Helvetica, Arial, sans-serif">',
        f"<title>{_text(f'AI regimes by {result.x.label} and {result.y.label}')}</title>",
        f'<rect width="{width}" height="{height}" fill="#ffffff"/>',
        f'<text x="{width / 2:.1f}" y="34" font-size="22" font-weight="bold" text-anchor="middle" '
        f'fill="#222">{_text(title)}</text>',
    ]
    for i in range(len(xs)):
        for j in range(len(ys)):
            shade = "#f6f8fa" if (i + j) % 2 == 0 else "#eef1f5"
            out.append(
                f'<rect class="cell" data-x="{xs[i].id}" data-y="{ys[j].id}" '
                f'x="{left + cell_w * i:.1f}" y="{row_top[j]:.1f}" width="{cell_w:.1f}" '
                f'height="{row_h[j]:.1f}" fill="{shade}" stroke="#d0d7de"/>'
            )
    for i, value in enumerate(xs):
        out.append(
            f'<text class="axis" x="{left + cell_w * (i + 0.5):.1f}" y="{top + plot_h + 26:.1f}" '
            f'font-size="{AXIS_SIZE}" text-anchor="middle" fill="#333">{_text(value.label)}</text>'
        )
    for j, value in enumerate(ys):
        out.append(
            f'<text class="axis" x="{left - 12:.1f}" y="{row_top[j] + row_h[j] / 2 + 5:.1f}" '
            f'font-size="{AXIS_SIZE}" text-anchor="end" fill="#333">{_text(value.label)}</text>'
        )
    out.append(
        f'<text x="{left + (width - left - right) / 2:.1f}" y="{top + plot_h + 62:.1f}" font-size="16" '
        f'text-anchor="middle" fill="#111">{_text(result.x.label)} →</text>'
    )
    middle = top + plot_h / 2
    out.append(
        f'<text x="24" y="{middle:.1f}" font-size="16" text-anchor="middle" fill="#111" '
        f'transform="rotate(-90 24 {middle:.1f})">{_text(result.y.label)} →</text>'
    )
    for (i, j), (columns, _, shown) in sorted(plans.items()):
        kinds = dict(cells[(i, j)])
        column_w = (cell_w - PAD) / columns
        for n, name in enumerate(shown):
            col, row = divmod(n, math.ceil(len(shown) / columns))
            x = left + cell_w * i + PAD + col * column_w
            base = row_top[j] + PAD + row * LINE + NAME_SIZE
            colour = KIND_COLOURS.get(kinds.get(name, ""), "#555")
            if name in kinds:
                out.append(f'<circle cx="{x + 5:.1f}" cy="{base - 4:.1f}" r="5" fill="{colour}"/>')
            out.append(
                f'<text class="name" x="{x + DOT:.1f}" y="{base:.1f}" font-size="{NAME_SIZE}" '
                f'font-family="{MONO}" fill="#111">{_text(name)}</text>'
            )
    for n, kind in enumerate(sorted({p.jurisdiction.kind for p in result.points})):
        x = left + n * 150
        out.append(
            f'<circle cx="{x + 6:.1f}" cy="{top - 26}" r="6" fill="{KIND_COLOURS.get(kind, "#555")}"/>'
        )
        out.append(
            f'<text x="{x + 18:.1f}" y="{top - 21}" font-size="13" fill="#333">'
            f"{_text(labels.term('kind', kind))}</text>"
        )
    notes = [
        labels.name(p.jurisdiction) for p in result.points if p.x_value is None or p.y_value is None
    ]
    footer = []
    if notes:
        footer.append("Not assessed: " + ", ".join(notes))
    if result.skipped:
        footer.append("No record yet: " + ", ".join(result.skipped))
    for n, line in enumerate(footer):
        out.append(
            f'<text x="{left:.1f}" y="{height - 24 + n * 14}" font-size="12" fill="#666">{_text(line)}</text>'
        )
    out.append("</svg>")
    return "\n".join(out) + "\n"
