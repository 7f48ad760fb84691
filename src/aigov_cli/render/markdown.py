"""Markdown: GitHub-flavoured tables that stay tables whatever the data holds."""

from __future__ import annotations

from typing import Any

from .blocks import DIFFERS, Grid, Paragraph, to_blocks
from .escape import markdown_cell, one_line


def _table(grid: Grid) -> list[str]:
    header = list(grid.header)
    rows = [list(r) for r in grid.rows]
    if any(grid.highlight):
        header.insert(0, DIFFERS)
        rows = [[DIFFERS if hit else "", *r] for r, hit in zip(rows, grid.highlight, strict=True)]
    lines = [
        "| " + " | ".join(markdown_cell(h) for h in header) + " |",
        "|" + "|".join(" --- " for _ in header) + "|",
    ]
    lines += ["| " + " | ".join(markdown_cell(c) for c in row) + " |" for row in rows]
    if not rows:
        lines.append("| " + " | ".join(["(none)"] + [""] * (len(header) - 1)) + " |")
    return lines


def render(result: Any) -> str:
    """The result as GitHub-flavoured Markdown."""
    out: list[str] = []
    for block in to_blocks(result):
        if isinstance(block, Paragraph):
            out += [f"## {markdown_cell(one_line(block.title))}", "", markdown_cell(block.text), ""]
            continue
        if block.title:
            out += [f"### {markdown_cell(block.title)}", ""]
        out += [*_table(block), ""]
        if block.notes:
            out += [
                f"{n}. {markdown_cell(note.split('] ', 1)[-1])}"
                for n, note in enumerate(block.notes, 1)
            ]
            out.append("")
    return "\n".join(out).rstrip("\n") + "\n"
