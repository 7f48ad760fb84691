"""The options commands share, declared once."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated, Any

import typer


class Format(str, Enum):
    """Output formats of the data commands."""

    table = "table"
    markdown = "markdown"
    json = "json"
    csv = "csv"
    yaml = "yaml"


class MapFormat(str, Enum):
    """Formats of `aigov map`."""

    table = "table"
    svg = "svg"
    markdown = "markdown"
    json = "json"
    csv = "csv"
    yaml = "yaml"


class SourcesFormat(str, Enum):
    """Formats of `aigov sources`."""

    table = "table"
    markdown = "markdown"
    bibtex = "bibtex"
    csl_json = "csl-json"
    json = "json"
    csv = "csv"
    yaml = "yaml"


class ValidateFormat(str, Enum):
    """Output formats of `validate`."""

    text = "text"
    json = "json"
    github = "github"


class Color(str, Enum):
    """When to colour terminal output."""

    auto = "auto"
    always = "always"
    never = "never"


def complete_ids(ctx: typer.Context, incomplete: str) -> list[str]:
    """Shell completion for jurisdiction names: ids first, then aliases.

    Reads the summaries index, so completion parses no YAML and imports no pydantic while
    the files are unchanged.
    """
    import os

    from ..catalog import Catalog

    try:
        dirs = [Path(p) for p in (ctx.params.get("frameworks_dir") or [])]
        summaries = Catalog.open(dirs, use_cache=not os.environ.get("AIGOV_NO_CACHE")).summaries()
    except Exception:  # completion must never fail loudly; it offers nothing instead
        return []
    prefix = incomplete.lower()
    ids = [s["id"] for s in summaries if s["id"].startswith(prefix)]
    aliases = [a for s in summaries for a in s["aliases"] if a.startswith(prefix)]
    return sorted(ids) + sorted(set(aliases) - set(ids))


def complete_vocabulary(vocabulary: str) -> Any:
    """Shell completion for a vocabulary's ids (topics, actors, strengths)."""

    def complete(incomplete: str) -> list[str]:
        from ..vocabulary import ids

        return [t for t in ids(vocabulary) if t.startswith(incomplete)]

    return complete


def complete_dimensions(incomplete: str) -> list[str]:
    """Shell completion for dimension ids."""
    from ..dimensions import DIMENSIONS

    return [d.id for d in DIMENSIONS if d.id.startswith(incomplete)]


FrameworksDirs = Annotated[
    list[Path] | None,
    typer.Option(
        "--frameworks-dir",
        "-d",
        help="Extra folder of framework files (repeatable; also "
        "$AIGOV_FRAMEWORKS_PATH). A file with a built-in id replaces the built-in one.",
        file_okay=False,
    ),
]
FormatOpt = Annotated[
    Format | None,
    typer.Option(
        "--format",
        "-f",
        help="Output format [default: table, or what the --output file's extension says].",
        show_default=False,
    ),
]
OutputOpt = Annotated[
    Path | None,
    typer.Option("--output", "-o", help="Write to FILE (atomically) instead of stdout."),
]
ColorOpt = Annotated[
    Color, typer.Option("--color", help="Colour in tables: auto (on a terminal), always, never.")
]
NoCacheOpt = Annotated[
    bool,
    typer.Option(
        "--no-cache",
        help="Do not read or write the cache of validated files (also $AIGOV_NO_CACHE).",
    ),
]
NoPagerOpt = Annotated[
    bool,
    typer.Option(
        "--no-pager",
        help="Print long output straight to the terminal instead of through $PAGER.",
    ),
]
AsOfOpt = Annotated[
    str | None,
    typer.Option(
        "--as-of", help="Show regimes as they stood on DATE (YYYY-MM-DD).", metavar="DATE"
    ),
]
HindsightOpt = Annotated[
    bool,
    typer.Option(
        "--hindsight",
        help="In a past view, also show text written later (rationales, descriptions), "
        "marked as today's text.",
    ),
]
IdsArg = Annotated[
    list[str] | None,
    typer.Argument(
        help="Jurisdiction ids or aliases (ID@DATE for a past state); none: all.",
        metavar="[ID]...",
        autocompletion=complete_ids,
        show_default=False,
    ),
]
DimensionsOpt = Annotated[
    str | None,
    typer.Option(
        "--dimensions",
        help="Comma-separated dimension ids to show.",
        metavar="A,B",
        autocompletion=complete_dimensions,
    ),
]
