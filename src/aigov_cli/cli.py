"""The Typer commands: parse, call the library, pick a renderer, exit. Nothing else.

Heavy modules (pydantic models, rich) are imported inside the commands that need them,
so that `--help` and machine formats start fast.
"""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Any

import click
import typer
from typer.core import TyperGroup

from . import __version__
from .errors import AigovError, ExitCode, LoadError
from .output import error, write_text


class AigovGroup(TyperGroup):
    """Catches aigov's own errors once, at the boundary: one line each, the right exit code."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except LoadError as exc:
            for problem in exc.problems:
                error(str(problem))
            raise typer.Exit(ExitCode.TROUBLE) from None
        except AigovError as exc:
            error(str(exc))
            raise typer.Exit(exc.exit_code) from None
        except KeyboardInterrupt:
            raise typer.Exit(ExitCode.INTERRUPTED) from None


app = typer.Typer(
    name="aigov",
    cls=AigovGroup,
    help="Compare how jurisdictions govern artificial intelligence.\n\n"
    "Examples:\n\n"
    "  aigov compare japan china\n\n"
    "  aigov diff japan china --format json | jq .\n\n"
    "  aigov validate --strict",
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    no_args_is_help=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)


class Format(str, Enum):
    """Output formats of the data commands."""

    table = "table"
    markdown = "markdown"
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


FrameworksDirs = Annotated[
    list[Path] | None,
    typer.Option(
        "--frameworks-dir", "-d", help="Extra folder of framework files (repeatable; also "
        "$AIGOV_FRAMEWORKS_PATH). A file with a built-in id replaces the built-in one.",
        file_okay=False,
    ),
]
FormatOpt = Annotated[Format, typer.Option("--format", "-f", help="Output format.")]
OutputOpt = Annotated[
    Path | None, typer.Option("--output", "-o", help="Write to FILE (atomically) instead of stdout.")
]
ColorOpt = Annotated[Color, typer.Option("--color", help="Colour in tables: auto (on a terminal), always, never.")]
NoCacheOpt = Annotated[
    bool, typer.Option("--no-cache", help="Do not read or write the cache of validated files (also $AIGOV_NO_CACHE).")
]


def _version(value: bool) -> None:
    if value:
        typer.echo(f"aigov {__version__}")
        raise typer.Exit()


@app.callback()
def main_callback(
    version: Annotated[
        bool, typer.Option("--version", "-V", help="Print the version and exit.", callback=_version, is_eager=True)
    ] = False,
) -> None:
    """Compare how jurisdictions govern artificial intelligence."""


@app.command()
def validate(
    paths: Annotated[list[Path] | None, typer.Argument(help="Files or folders; none: every built-in and user file.")] = None,
    strict: Annotated[bool, typer.Option("--strict", help="Also require completeness: every dimension assessed and sourced, every source cited, as_of under a year old, statuses that agree with dates.")] = False,
    fmt: Annotated[ValidateFormat, typer.Option("--format", "-f", help="text (file:line:col: message), json, or github (Actions annotations).")] = ValidateFormat.text,
    frameworks_dir: FrameworksDirs = None,
    output: OutputOpt = None,
) -> None:
    """Check framework files and report every problem as file:line:col: message.

    Exits 0 when every file is valid, 1 when any problem is found, 2 on a usage error.

    Examples:

      aigov validate

      aigov validate --strict my-frameworks/
    """
    from .checker import check, expand
    from .registry import discover
    from .render.problems import render_problems

    if paths:
        files = expand(paths)
    else:
        files = [e.path for e in discover(frameworks_dir or []).entries.values()]
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

    from .models import json_schema

    write_text(json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n", output)


def run() -> int:
    """Run the app and return its exit code (usage errors: 2)."""
    try:
        result = app(standalone_mode=False)
    except click.exceptions.Abort:
        sys.stderr.write("\n")
        return int(ExitCode.INTERRUPTED)
    except click.exceptions.ClickException as exc:
        exc.show()
        return exc.exit_code
    except click.exceptions.Exit as exc:
        return exc.exit_code
    return result if isinstance(result, int) else 0
