"""CSV: RFC 4180, one header, one record per line; no cell can become a formula."""

from __future__ import annotations

import csv
import io
from typing import Any

from .blocks import Grid, Paragraph, to_blocks
from .escape import csv_cell


def _rows(result: Any) -> list[list[str]]:
    blocks = to_blocks(result)
    grids = [b for b in blocks if isinstance(b, Grid)]
    if len(blocks) == 1 and grids:
        grid = grids[0]
        if any(grid.highlight):
            return [[*grid.header, "differs"]] + [
                [*row, "yes" if hit else "no"]
                for row, hit in zip(grid.rows, grid.highlight, strict=True)
            ]
        return [grid.header, *grid.rows]
    # Several tables: one long table of section, row, field, value, so it stays rectangular.
    rows = [["section", "row", "field", "value"]]
    for block in blocks:
        if isinstance(block, Paragraph):
            rows.append(["summary", "1", block.title, block.text])
            continue
        for n, row in enumerate(block.rows, start=1):
            rows += [
                [block.title or "", str(n), h, v] for h, v in zip(block.header, row, strict=True)
            ]
    return rows


def render(result: Any) -> str:
    """The result as CSV text (CRLF line ends, as RFC 4180 says)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    for row in _rows(result):
        writer.writerow([csv_cell(cell) for cell in row])
    return buffer.getvalue()
