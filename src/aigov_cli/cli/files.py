"""Commands about framework files: validate, schema, new."""

from pathlib import Path
from typing import Annotated

import typer

from ..errors import AigovError, ExitCode
from ..output import error, write_text
from .shared import (
    FrameworksDirs,
    OutputOpt,
    ValidateFormat,
    app,
    open_catalog,
)


@app.command()
def validate(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(help="Files or folders; none: every built-in and user file."),
    ] = None,
    strict: Annotated[
        bool,
        typer.Option(
            "--strict",
            help="Also require completeness: every dimension assessed and sourced, every source cited, as_of under a year old, statuses that agree with dates.",
        ),
    ] = False,
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

    Exits 0 when every file is valid, 1 when any problem is found, 2 on a usage error.

    Examples:

      aigov validate

      aigov validate --strict my-frameworks/
    """
    from ..checker import check, expand
    from ..render.problems import render_problems

    if paths:
        files = expand(paths)
    else:
        # The same discovery (and warnings about skipped files) as every other command.
        registry = open_catalog(frameworks_dir, no_cache=True).registry
        files = [e.path for e in registry.entries.values()]
    report = check(files, strict=strict)
    write_text(render_problems(report, fmt.value), output)
    error(report.summary())
    raise typer.Exit(ExitCode.OK if report.ok else ExitCode.FOUND)


@app.command()
def schema(output: OutputOpt = None) -> None:
    """Print the JSON Schema (draft 2020-12) of a framework file.

    Examples:

      aigov schema > framework.schema.json
    """
    import json

    from ..models import json_schema

    write_text(json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n", output)


@app.command()
def new(
    framework_id: Annotated[
        str, typer.Argument(help="The new id: lower-case letters, digits, hyphens.", metavar="ID")
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
    from ..skeleton import skeleton

    try:
        text = skeleton(framework_id, name)
    except ValueError as exc:
        raise AigovError(f"{framework_id!r}: {exc}") from None
    if output is not None and output.exists() and not force:
        raise AigovError(f"{output}: already exists; use --force to overwrite it")
    write_text(text, output)
    if output is not None:
        error(f"wrote {output}; run 'aigov validate {output}' to list what is left to fill")
