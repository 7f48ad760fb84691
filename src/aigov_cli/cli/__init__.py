"""The command-line interface: the app and its commands, registered by importing them."""

from . import analysis, data, files  # noqa: F401  (registers the commands)
from .app import app, run

__all__ = ["app", "run"]
