"""Commands about framework files and the cache: validate, schema, new, cache."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from ..errors import AigovError, ExitCode
from ..output import error, write_text
from .app import command
from .options import FrameworksDirs, NoCacheOpt, OutputOpt, ValidateFormat


@command()
def validate(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            help="Files or folders; none: every built-in and user file.", show_default=False
        ),
    ] = None,
    strict: Annotated[
        bool,
        typer.Option(
            "--strict",
            help="Also require completeness: every dimension rated under a codebook rule with an "
            "official source, every obligation topic answered, every source with a kind, binding "
            "instruments with their official text, as_of under a year old.",
        ),
    ] = False,
    max_age: Annotated[
        str | None,
        typer.Option(
            "--max-age",
            help="Report every claim last verified more than AGE ago (e.g. 180d, 6m, 1y).",
            metavar="AGE",
        ),
    ] = None,
    fmt: Annotated[
        ValidateFormat,
        typer.Option(
            "--format",
            "-f",
            help="text (file:line:col: message), json, or github (Actions annotations).",
        ),
    ] = ValidateFormat.text,
    frameworks_dir: FrameworksDirs = None,
    output: OutputOpt = None,
) -> None:
    """Check framework files and report every problem as file:line:col: message.

    Exits 0 when every file is valid (warnings allowed), 1 when any problem is found, 2 on
    a usage error.

    Examples:

      aigov validate

      aigov validate --strict my-frameworks/

      aigov validate --max-age 180d
    """
    from .. import api
    from ..render.problems import render_problems

    validation = api.validate(
        paths or [], strict=strict, max_age=max_age, frameworks_dirs=frameworks_dir or []
    )
    for warning in validation.warnings:
        error(warning)
    write_text(render_problems(validation, fmt.value), output)
    error(validation.summary())
    raise typer.Exit(ExitCode.OK if validation.ok else ExitCode.FOUND)


@command()
def schema(output: OutputOpt = None) -> None:
    """Print the JSON Schema (draft 2020-12) of a framework file.

    Examples:

      aigov schema > framework.schema.json
    """
    import json

    from .. import api

    write_text(json.dumps(api.schema(), indent=2, ensure_ascii=False) + "\n", output)


@command()
def new(
    framework_id: Annotated[
        str,
        typer.Argument(
            help="The new id: lower-case letters, digits, hyphens.",
            metavar="ID",
            show_default=False,
        ),
    ],
    name: Annotated[
        str, typer.Option("--name", help="The jurisdiction's name, e.g. 'New Zealand'.")
    ],
    output: OutputOpt = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite FILE if it exists.")] = False,
) -> None:
    """Write a skeleton framework file with every section and dimension marked TODO.

    `aigov validate FILE` then lists each field still to fill as file:line:col.

    Examples:

      aigov new new-zealand --name "New Zealand" -o frameworks/new-zealand.yaml

      aigov validate frameworks/new-zealand.yaml
    """
    from .. import api

    text = api.skeleton(framework_id, name)
    if output is not None and output.exists() and not force:
        raise AigovError(f"{output}: already exists; use --force to overwrite it")
    write_text(text, output)
    if output is not None:
        error(f"wrote {output}; run 'aigov validate {output}' to list what is left to fill")


class CacheAction(str, Enum):
    """What `aigov cache` does."""

    info = "info"
    clear = "clear"
    prune = "prune"


@command()
def cache(
    action: Annotated[
        CacheAction,
        typer.Argument(
            help="info: where it is and its size; clear: empty it; prune: drop old entries."
        ),
    ] = CacheAction.info,
) -> None:
    """Show, prune or empty the cache of validated files (never needed for correctness).

    Examples:

      aigov cache

      aigov cache clear
    """
    from ..cache import Cache

    store = Cache.default()
    if store is None:
        write_text(
            "no cache: no home directory, and neither AIGOV_CACHE_DIR nor an absolute XDG_CACHE_HOME is set\n",
            None,
        )
        return
    if action is CacheAction.clear:
        error(f"removed {store.clear()} files from {store.root}")
        return
    if action is CacheAction.prune:
        error(f"removed {store.prune(force=True)} stale files from {store.root}")
        return
    info = store.info()
    write_text(
        f"path: {info['path']}\nentries: {info['entries']}\nindexes: {info['indexes']}\n"
        f"bytes: {info['bytes']}\n",
        None,
    )


class ExportFormat(str, Enum):
    """Formats of `aigov export`."""

    sqlite = "sqlite"


@command()
def export(
    output: Annotated[
        Path,
        typer.Option("--output", "-o", help="The database file to write.", show_default=False),
    ],
    fmt: Annotated[
        ExportFormat, typer.Option("--format", "-f", help="The export format.")
    ] = ExportFormat.sqlite,
    force: Annotated[bool, typer.Option("--force", help="Overwrite FILE if it exists.")] = False,
    frameworks_dir: FrameworksDirs = None,
    no_cache: NoCacheOpt = False,
) -> None:
    """Export the whole validated data set as a normalised SQLite database.

    Tables for jurisdictions, assessments and their history, instruments and milestones,
    institutions, funding, initiatives, positions, indicators, challenges, obligations,
    sources, and the citations linking every claim to its sources; keys, indexes and a meta
    table. Written atomically; an existing file is kept unless --force.

    Examples:

      aigov export --format sqlite -o aigov.db

      sqlite3 aigov.db "SELECT value, count(*) FROM assessments WHERE dimension = 'legal_form' GROUP BY value"
    """
    from .emit import open_api

    gov = open_api(frameworks_dir, no_cache)
    counts = gov.export_sqlite(output, force=force)
    error(
        f"wrote {output}: {counts['jurisdictions']} jurisdictions, {counts['obligations']} obligations, {counts['sources']} sources"
    )


@command()
def mcp(
    frameworks_dir: FrameworksDirs = None,
    no_cache: NoCacheOpt = False,
) -> None:
    """Serve the data to AI assistants over the Model Context Protocol (stdio).

    Needs the extra: pip install 'aigov[mcp]'. Register it with an MCP client as the
    command `aigov mcp` (see README). Tools return the same JSON as --format json.

    Examples:

      aigov mcp

      aigov mcp --frameworks-dir my-frameworks/
    """
    import os

    try:
        import mcp as _  # noqa: F401
    except ImportError:
        raise AigovError("the MCP server needs the mcp extra: pip install 'aigov[mcp]'") from None
    from ..mcp_server import serve

    serve(frameworks_dir or [], use_cache=not (no_cache or os.environ.get("AIGOV_NO_CACHE")))
