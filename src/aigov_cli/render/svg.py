"""SVG: the two-axis map as a clean, self-contained picture (no fonts, scripts or links)."""

from __future__ import annotations

from collections import defaultdict
from typing import Any
from xml.sax.saxutils import escape

from ..analysis import MapResult

WIDTH, HEIGHT = 960, 720
LEFT, RIGHT, TOP, BOTTOM = 170, 40, 70, 110
PALETTE = (
    "#1f77b4",
    "#d62728",
    "#2ca02c",
    "#9467bd",
    "#ff7f0e",
    "#17becf",
    "#8c564b",
    "#e377c2",
    "#7f7f7f",
    "#bcbd22",
)


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
        f'<text x="{LEFT + plot_w / 2:.1f}" y="{HEIGHT - 40}" font-size="17" '
        f'text-anchor="middle" fill="#111">{_text(result.x.label)} →</text>'
    )
    out.append(
        f'<text x="30" y="{TOP + plot_h / 2:.1f}" font-size="17" text-anchor="middle" '
        f'fill="#111" transform="rotate(-90 30 {TOP + plot_h / 2:.1f})">'
        f"{_text(result.y.label)} →</text>"
    )
    cells: dict[tuple[int, int], list[str]] = defaultdict(list)
    for point in result.points:
        if point.x_value is None or point.y_value is None:
            continue
        key = (result.x.value_ids.index(point.x_value), result.y.value_ids.index(point.y_value))
        cells[key].append(
            point.column.name if not point.column.at else f"{point.column.name} ({point.column.at})"
        )
    line = 19
    for n, ((i, j), names) in enumerate(sorted(cells.items())):
        colour = PALETTE[n % len(PALETTE)]
        top = cy(j) - (len(names) - 1) * line / 2
        for k, name in enumerate(sorted(names)):
            y = top + k * line
            x = LEFT + cell_w * i + 22
            out.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="6" fill="{colour}"/>')
            out.append(
                f'<text x="{x + 12:.1f}" y="{y + 5:.1f}" font-size="14" fill="#111">'
                f"{_text(name)}</text>"
            )
    missing = [p.column.name for p in result.points if p.x_value is None or p.y_value is None]
    if missing:
        out.append(
            f'<text x="{LEFT}" y="{HEIGHT - 12}" font-size="12" fill="#666">'
            f"{_text('Not assessed: ' + ', '.join(missing))}</text>"
        )
    out.append("</svg>")
    return "\n".join(out) + "\n"
