"""The command-line interface: the app and its commands, registered by importing them.

The import order is the order of `aigov --help`: everyday commands first.
"""

from . import data  # noqa: I001  (registers list, show, compare, diff, dimensions)
from . import analysis  # registers obligations, map, timeline, sources, similar, report
from . import files  # registers validate, schema, new, cache
from .app import app, run

__all__ = ["analysis", "app", "data", "files", "run"]
