"""Renderers: one module per format, each with `render(result) -> str`; nothing else lives here.

`FORMATS` maps each format name to its module, loaded only when used. Views (table,
markdown, html, svg) read a result's blocks (`blocks.to_blocks`, registered in `views` and
`views_analysis`); data formats (json, yaml, csv) read its data (`data.to_data`,
`records.to_records`). A test proves every format maps to a module.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable
from types import ModuleType
from typing import Any

FORMATS: dict[str, str] = {
    "table": "table",
    "markdown": "markdown",
    "json": "json",
    "csv": "csv",
    "yaml": "yaml",
    "svg": "svg",
    "bibtex": "bibtex",
    "csl-json": "csljson",
    "html": "html",
    "atom": "atom",
    "ics": "ics",
}
# Formats for people: laid out from the result's blocks.
VIEWS = ("table", "markdown", "html", "svg")


def renderer(fmt: str) -> ModuleType:
    """The renderer module for a format name (the views are registered on first use)."""
    if fmt in ("table", "markdown"):
        from . import views, views_analysis  # noqa: F401  (register the views)
    return importlib.import_module(f"{__name__}.{FORMATS[fmt]}")


def render_chunks(result: Any, fmt: str) -> Iterable[str]:
    """A result in a data format, piece by piece where the format allows it."""
    module = renderer(fmt)
    if hasattr(module, "chunks"):
        chunks: Iterable[str] = module.chunks(result)
        return chunks
    return [module.render(result)]


def render_text(result: Any, fmt: str, *, width: int = 100, color: bool = False) -> str:
    """A result as text in `fmt`; the table layout at `width` columns."""
    module = renderer(fmt)
    if fmt == "table":
        text: str = module.render_text(result, width=width, color=color)
        return text
    rendered: str = module.render(result)
    return rendered
