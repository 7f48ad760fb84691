"""Rich tables for the terminal; data goes in as Text, so markup and emoji codes stay inert."""

from __future__ import annotations

from typing import Any

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from .blocks import DIFFERS, Grid, Paragraph, to_blocks
from .escape import inert


def _grid(grid: Grid) -> RenderableType:
    table = Table(
        title=grid.title, title_justify="left", show_lines=True, expand=False, header_style="bold"
    )
    highlighted = any(grid.highlight)
    if highlighted:
        table.add_column(DIFFERS, no_wrap=True, width=1)
    for name in grid.header:
        table.add_column(Text(inert(name)), overflow="fold")
    for i, row in enumerate(grid.rows):
        hit = highlighted and grid.highlight[i]
        cells = [Text(inert(cell)) for cell in row]
        if highlighted:
            cells.insert(0, Text(DIFFERS if hit else ""))
        table.add_row(*cells, style="bold yellow" if hit else None)
    if not grid.notes:
        return table
    notes = Text("\n".join(inert(n) for n in grid.notes), style="dim")
    return Group(table, notes)


def render(result: Any) -> RenderableType:
    """The result as a rich renderable."""
    parts: list[RenderableType] = []
    for block in to_blocks(result):
        if isinstance(block, Paragraph):
            parts += [Text(inert(block.title), style="bold"), Text(inert(block.text)), Text("")]
        else:
            parts.append(_grid(block))
    return Group(*parts)
