"""The terminal view: blocks laid out to a width, as text with optional colour.

Three layouts (see `blocks.Grid`): `matrix` (a rich table with a rule between rows, for
values side by side), `records` (the same when the terminal is wide, stacked blocks below
`STACK_BELOW` columns), and `list` (aligned columns with no rules, laid out here in plain
string work: rich takes about 0.7 ms a row, which made a thousand-row listing slow).
Columns shrink to the longest word they hold, so a word, an id or a date is never split
while it fits; a grid that cannot fit even so falls back to its compact form, or to
stacked blocks.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from typing import Any

from .blocks import DIFFERS, Block, Grid, Paragraph, Rated, marks, plain, to_blocks
from .escape import inert

STACK_BELOW = 100
MAX_WORD = 24  # words up to this long are never split; longer ones (URLs) may fold
GAP = 2

BOLD, DIM, HIGHLIGHT, RESET = "\x1b[1m", "\x1b[2m", "\x1b[1;33m", "\x1b[0m"


def width_of(text: str) -> int:
    """Columns a line takes on a terminal (East Asian wide characters take two)."""
    if text.isascii():
        return len(text)
    return sum(
        0 if unicodedata.combining(ch) else (2 if unicodedata.east_asian_width(ch) in "WF" else 1)
        for ch in text
    )


def _longest_word(text: str) -> int:
    return max((min(width_of(w), MAX_WORD) for w in text.split()), default=0)


def wrap(text: str, width: int) -> list[str]:
    """Lines of at most `width` columns, breaking between words; a word longer than the
    width (a URL) is folded."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line, line_width = "", 0
        for word in paragraph.split():
            w = width_of(word)
            while w > width:  # fold a word that cannot fit on any line
                if line:
                    lines.append(line)
                    line, line_width = "", 0
                cut = _cut(word, width)
                lines.append(word[:cut])
                word = word[cut:]
                w = width_of(word)
            if line and line_width + 1 + w > width:
                lines.append(line)
                line, line_width = "", 0
            line, line_width = (f"{line} {word}", line_width + 1 + w) if line else (word, w)
        lines.append(line)
    return lines


def _cut(word: str, width: int) -> int:
    total = 0
    for i, ch in enumerate(word):
        total += width_of(ch)
        if total > width:
            return max(i, 1)
    return len(word)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - width_of(text))


class Painter:
    """Adds colour when asked; otherwise leaves text as it is."""

    def __init__(self, color: bool) -> None:
        self.color = color

    def __call__(self, text: str, style: str) -> str:
        return f"{style}{text}{RESET}" if self.color and text else text


def _cells(grid: Grid) -> list[list[str]]:
    return [[inert(plain(c)) for c in row] for row in grid.rows]


def _widths(grid: Grid, cells: list[list[str]], room: int, gap: int) -> list[int] | None:
    """Column widths that fit `room`, or None when even the narrowest do not."""
    n = len(grid.header)
    header = [inert(h) for h in grid.header]
    natural = [
        max(
            [width_of(h) for h in header[i].split("\n")]
            + [width_of(line) for row in cells for line in row[i].split("\n")]
        )
        for i in range(n)
    ]
    minimum = [
        natural[i]
        if i in grid.nowrap
        else max([_longest_word(header[i])] + [_longest_word(row[i]) for row in cells] + [1])
        for i in range(n)
    ]
    budget = room - gap * (n - 1)
    if sum(minimum) > budget:
        return None
    widths = natural[:]
    while sum(widths) > budget:
        flexible = [i for i in range(n) if widths[i] > minimum[i]]
        widest = max(flexible, key=lambda i: widths[i])
        others = sorted((widths[i] for i in flexible if i != widest), reverse=True)
        target = max(
            minimum[widest],
            others[0] if others else minimum[widest],
            widths[widest] - (sum(widths) - budget),
        )
        widths[widest] = target if target < widths[widest] else widths[widest] - 1
    return widths


def _table(grid: Grid, cells: list[list[str]], widths: list[int], paint: Painter) -> list[str]:
    """A list: aligned columns, a rule under the header, no rules between rows."""
    out: list[str] = []

    def line(parts: Sequence[str]) -> str:
        return (" " * GAP).join(_pad(p, w) for p, w in zip(parts, widths, strict=True)).rstrip()

    header = [wrap(inert(h), w) for h, w in zip(grid.header, widths, strict=True)]
    for k in range(max(len(h) for h in header)):
        out.append(paint(line([h[k] if k < len(h) else "" for h in header]), BOLD))
    out.append("─" * (sum(widths) + GAP * (len(widths) - 1)))
    for r, row in enumerate(cells):
        wrapped = [wrap(c, w) for c, w in zip(row, widths, strict=True)]
        hit = bool(grid.highlight) and grid.highlight[r]
        for k in range(max(len(w) for w in wrapped)):
            text = line([w[k] if k < len(w) else "" for w in wrapped])
            out.append(paint(text, HIGHLIGHT) if hit else text)
    return out


def _rich_table(grid: Grid, cells: list[list[str]], widths: list[int], color: bool) -> list[str]:
    """A matrix: a rich table, each column as wide as the layout decided."""
    import io

    from rich import box
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    table = Table(box=box.SQUARE, show_lines=True, header_style="bold", expand=False, pad_edge=True)
    for header, w in zip(grid.header, widths, strict=True):
        table.add_column(Text(inert(header)), width=w, overflow="fold")
    for r, row in enumerate(cells):
        hit = bool(grid.highlight) and grid.highlight[r]
        room = [w - (2 if k == 0 and grid.highlight else 0) for k, w in enumerate(widths)]
        texts = [Text("\n".join(wrap(c, w))) for c, w in zip(row, room, strict=True)]
        if grid.highlight:
            # The marker shares the first cell, so that no column is spent on it; colour
            # adds to it on a terminal, and the mark stays when there is none.
            texts[0] = Text(DIFFERS + " " if hit else "  ") + texts[0]
        table.add_row(*texts, style="bold yellow" if hit and color else None)
    buffer = io.StringIO()
    console = Console(
        file=buffer,
        width=sum(widths) + 3 * len(widths) + 1,
        force_terminal=color,
        no_color=not color,
        color_system="standard" if color else None,
        markup=False,
        emoji=False,
        highlight=False,
        legacy_windows=False,
        soft_wrap=False,
    )
    console.print(table)
    return buffer.getvalue().rstrip("\n").split("\n")


def _stacked(grid: Grid, width: int, paint: Painter) -> list[str]:
    out: list[str] = []
    indent = "  "
    for r, row in enumerate(grid.rows):
        hit = bool(grid.highlight) and grid.highlight[r]
        head = " · ".join(inert(plain(c)) for c in row[: grid.heading] if plain(c))
        mark = "≠ " if hit else ""
        out += [paint(text, HIGHLIGHT if hit else BOLD) for text in wrap(mark + head, width)]
        for cell in row[grid.heading :]:
            if isinstance(cell, Rated):
                first = inert(cell.value + (f" (since {cell.since})" if cell.since else ""))
                out += [indent + x for x in wrap(first, width - 2)]
                rest = inert(" ".join(x for x in (cell.text or "", marks(cell.marks)) if x))
                out += [indent + x for x in wrap(rest, width - 2) if rest]
                continue
            text = inert(plain(cell))
            if text and text != "-":
                out += [indent + x for x in wrap(text, width - 2)]
        if grid.spaced:
            out.append("")
    return out[:-1] if out and out[-1] == "" else out


def grid_lines(grid: Grid, width: int, paint: Painter) -> list[str]:
    """One grid laid out to `width` columns."""
    out: list[str] = []
    stacked = grid.layout == "records" and width < STACK_BELOW
    if grid.title:
        # A stacked section's records start with bold headings; no blank line is needed.
        out += [paint(inert(grid.title.upper() if stacked else grid.title), BOLD)]
        out += [] if stacked else [""]
    cells = _cells(grid)
    if grid.highlight:
        marked = [[("  " + row[0]) if k == 0 else c for k, c in enumerate(row)] for row in cells]
    else:
        marked = cells
    if stacked:
        out += _stacked(grid, width, paint)
    else:
        boxed = grid.layout == "matrix" or (grid.layout == "records" and grid.wide == "matrix")
        room = width - (3 * len(grid.header) + 1 if boxed else 0)
        widths = _widths(grid, marked, room, 0 if boxed else GAP)
        if widths is None and grid.compact is not None:
            return out + grid_lines(grid.compact, width, paint)
        if widths is None:
            out += _stacked(grid, width, paint)
        elif boxed:
            out += _rich_table(grid, cells, widths, paint.color)
        else:
            out += _table(grid, cells, widths, paint)
    if grid.notes:
        out.append("")
        for note in grid.notes:
            out += [paint(x, DIM) for x in wrap(inert(plain(note)), width)]
    return out


def render_text(result: Any, width: int = 100, color: bool = False) -> str:
    """The result's blocks laid out for a terminal `width` columns wide."""
    paint = Painter(color)
    out: list[str] = []
    blocks: list[Block] = to_blocks(result)
    for block in blocks:
        if out:
            out.append("")
        if isinstance(block, Paragraph):
            out += [paint(x, BOLD) for x in wrap(inert(block.title), width)]
            for paragraph in block.text.split("\n\n"):
                out += ["", *wrap(inert(paragraph), width)]
        else:
            out += grid_lines(block, width, paint)
    return "\n".join(out) + "\n"


render = render_text
