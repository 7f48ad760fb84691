"""SVG: the two-axis map as a clean, self-contained picture (no fonts, scripts or links)."""

from __future__ import annotations

from collections import defaultdict
from typing import Any
from xml.sax.saxutils import escape

from ..analysis import MapResult

WIDTH, HEIGHT = 960, 720
LEFT, RIGHT, TOP, BOTTOM = 170, 40, 84, 100
KIND_COLOURS = {
    "national": "#1f77b4",
    "supranational": "#d62728",
    "subnational": "#2ca02c",
    "multilateral": "#9467bd",
}


def _text(value: str) -> str:
    from .escape import one_line

    return escape(one_line(value), {'"': "&quot;"})


def render(result: Any) -> str:
    """The map as an SVG document."""
    if not isinstance(result, MapResult):
        raise TypeError("svg renders only the map")
    nx, ny = len(result.x.values), len(result.y.values)
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    cell_w, cell_h = plot_w / nx, plot_h / ny

    def cx(i: int) -> float:
        return LEFT + cell_w * (i + 0.5)

    def cy(j: int) -> float:
        return TOP + plot_h - cell_h * (j + 0.5)

    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" '
        f'viewBox="0 0 {WIDTH} {HEIGHT}" role="img" font-family="Helvetica, Arial, sans-serif">',
        f"<title>{_text(f'AI regimes by {result.x.label} and {result.y.label}')}</title>",
        f'<rect width="{WIDTH}" height="{HEIGHT}" fill="#ffffff"/>',
        f'<text x="{WIDTH / 2}" y="36" font-size="22" font-weight="bold" text-anchor="middle" '
        f'fill="#222">{_text(f"{result.x.label} × {result.y.label}")}</text>',
    ]
    for i in range(nx):
        for j in range(ny):
            shade = "#f6f8fa" if (i + j) % 2 == 0 else "#eef1f5"
            out.append(
                f'<rect x="{LEFT + cell_w * i:.1f}" y="{TOP + plot_h - cell_h * (j + 1):.1f}" '
                f'width="{cell_w:.1f}" height="{cell_h:.1f}" fill="{shade}" stroke="#d0d7de"/>'
            )
    for i, value in enumerate(result.x.values):
        out.append(
            f'<text x="{cx(i):.1f}" y="{TOP + plot_h + 28}" font-size="15" '
            f'text-anchor="middle" fill="#333">{_text(value.label)}</text>'
        )
    for j, value in enumerate(result.y.values):
        out.append(
            f'<text x="{LEFT - 14}" y="{cy(j) + 5:.1f}" font-size="15" text-anchor="end" '
            f'fill="#333">{_text(value.label)}</text>'
        )
    out.append(
        f'<text x="{LEFT + plot_w / 2:.1f}" y="{HEIGHT - 34}" font-size="17" '
        f'text-anchor="middle" fill="#111">{_text(result.x.label)} →</text>'
    )
    out.append(
        f'<text x="30" y="{TOP + plot_h / 2:.1f}" font-size="17" text-anchor="middle" '
        f'fill="#111" transform="rotate(-90 30 {TOP + plot_h / 2:.1f})">'
        f"{_text(result.y.label)} →</text>"
    )
    cells: dict[tuple[int, int], list[tuple[str, str]]] = defaultdict(list)
    for point in result.points:
        if point.x_value is None or point.y_value is None:
            continue
        key = (result.x.value_ids.index(point.x_value), result.y.value_ids.index(point.y_value))
        label = point.column.name + (f" ({point.column.at})" if point.column.at else "")
        cells[key].append((label, point.column.kind))
    line = 19
    for (i, j), names in sorted(cells.items()):
        top = cy(j) - (len(names) - 1) * line / 2
        for k, (name, kind) in enumerate(sorted(names)):
            colour = KIND_COLOURS.get(kind, "#555")
            y = top + k * line
            x = LEFT + cell_w * i + 22
            out.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="6" fill="{colour}"/>')
            out.append(
                f'<text x="{x + 12:.1f}" y="{y + 5:.1f}" font-size="14" fill="#111">'
                f"{_text(name)}</text>"
            )
    kinds = sorted({p.column.kind for p in result.points})
    for n, kind in enumerate(kinds):
        x = LEFT + n * 140
        out.append(
            f'<circle cx="{x + 6}" cy="{TOP - 22}" r="6" fill="{KIND_COLOURS.get(kind, "#555")}"/>'
        )
        out.append(
            f'<text x="{x + 18}" y="{TOP - 17}" font-size="13" fill="#333">{_text(kind)}</text>'
        )
    missing = [p.column.name for p in result.points if p.x_value is None or p.y_value is None]
    if missing:
        out.append(
            f'<text x="{LEFT}" y="{HEIGHT - 12}" font-size="12" fill="#666">'
            f"{_text('Not assessed: ' + ', '.join(missing))}</text>"
        )
    out.append("</svg>")
    return "\n".join(out) + "\n"
