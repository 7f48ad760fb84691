"""Renderers: one module per format, each with `render(result)`; nothing else lives here.

`FORMATS` maps each `--format` value to its module, loaded only when used (rich is
imported only for table output). The analysis results register their data and block forms
in `analysis_views`, which the analysis commands import.
"""

from __future__ import annotations

import importlib
from types import ModuleType

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
}


def renderer(fmt: str) -> ModuleType:
    """The renderer module for a format name."""
    return importlib.import_module(f"{__name__}.{FORMATS[fmt]}")
