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
    for name in grid.header:
        # fold: a cell too narrow for a word breaks the word rather than cutting it off.
        table.add_column(Text(inert(name)), overflow="fold")
    for i, row in enumerate(grid.rows):
        hit = bool(grid.highlight) and grid.highlight[i]
        cells = [Text(inert(cell)) for cell in row]
        if grid.highlight:
            # The marker shares the first cell (a column of its own cost four characters,
            # enough to break "Technology-specific" at 80 columns); colour adds to it on
            # a terminal, and the mark stays when there is none.
            cells[0] = Text(f"{DIFFERS} " if hit else "  ") + cells[0]
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
