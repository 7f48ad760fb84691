"""Markdown: GitHub-flavoured tables that stay tables whatever the data holds.

No raw HTML (safe-mode renderers drop it): a cell is one line, a rating reads
`**Value** (since DATE): rationale [1]`, several items are joined with "; ". Links are
`[title](<url>)`, the URL never backslash-escaped (cmark-gfm would keep the backslash).
"""

from __future__ import annotations

from typing import Any

from .blocks import DIFFERS, CellValue, Grid, Lines, Link, Paragraph, Rated, marks, to_blocks
from .escape import markdown_text, markdown_url


def cell(value: CellValue) -> str:
    """A cell's content on one line."""
    if isinstance(value, str):
        return markdown_text(value)
    if isinstance(value, Link):
        return f"[{markdown_text(value.text)}]({markdown_url(value.url)})"
    if isinstance(value, Rated):
        text = f"**{markdown_text(value.value)}**"
        if value.since:
            text += f" (since {markdown_text(value.since)})"
        tail = " ".join(x for x in (value.text or "", marks(value.marks)) if x)
        return f"{text}: {markdown_text(tail)}" if tail else text
    if isinstance(value, Lines):
        return "; ".join(markdown_text(item) for item in value.items)
    return "".join(_part(part) for part in value)


def _part(part: str | Link) -> str:
    """A piece of a cell: inner pieces keep the spaces at their edges."""
    if isinstance(part, Link):
        return cell(part)
    lead = " " if part[:1].isspace() else ""
    trail = " " if part[-1:].isspace() else ""
    return lead + markdown_text(part) + trail


def _table(grid: Grid) -> list[str]:
    header = [markdown_text(h) for h in grid.header]
    rows = [[cell(c) for c in row] for row in grid.rows]
    if any(grid.highlight):
        header.insert(0, DIFFERS)
        rows = [[DIFFERS if hit else "", *r] for r, hit in zip(rows, grid.highlight, strict=True)]
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join(" --- " for _ in header) + "|"]
    lines += ["| " + " | ".join(r) + " |" for r in rows]
    if not rows:
        lines.append("| " + " | ".join(["(none)"] + [""] * (len(header) - 1)) + " |")
    return lines


def render(result: Any) -> str:
    """The result as GitHub-flavoured Markdown."""
    out: list[str] = []
    for block in to_blocks(result):
        if isinstance(block, Paragraph):
            out += [f"## {markdown_text(block.title)}", ""]
            out += [x for p in block.text.split("\n\n") for x in (markdown_text(p), "")]
            continue
        if block.title:
            out += [f"### {markdown_text(block.title)}", ""]
        out += [*_table(block), ""]
        if block.notes:
            out += [f"- {cell(note)}" for note in block.notes]
            out.append("")
    return "\n".join(out).rstrip("\n") + "\n"
