"""The Typer app, its shared options and helpers. Commands live beside it, by role; each
parses, calls the library, picks a renderer and exits. Nothing else.

Heavy modules (pydantic models, rich) are imported inside the commands that need them,
so that `--help` and machine formats start fast.
"""

import os
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from typer.core import TyperGroup

from .. import __version__
from ..errors import AigovError, ExitCode, LoadError
from ..output import error, write_text

if TYPE_CHECKING:
    from ..catalog import Catalog
    from ..regime import Regime


class AigovGroup(TyperGroup):
    """Catches aigov's own errors once, at the boundary: one line each, the right exit code."""

    def invoke(self, ctx: Any) -> Any:
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
        except (typer.Exit, typer.Abort):
            raise
        except Exception as exc:  # a bug: one line for the user, the traceback on request
            if os.environ.get("AIGOV_DEBUG"):
                raise
            error(f"internal error: {type(exc).__name__}: {exc} (set AIGOV_DEBUG=1 for details)")
            raise typer.Exit(ExitCode.TROUBLE) from None


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
        "--frameworks-dir",
        "-d",
        help="Extra folder of framework files (repeatable; also "
        "$AIGOV_FRAMEWORKS_PATH). A file with a built-in id replaces the built-in one.",
        file_okay=False,
    ),
]
FormatOpt = Annotated[Format, typer.Option("--format", "-f", help="Output format.")]
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


def _version(value: bool) -> None:
    if value:
        typer.echo(f"aigov {__version__}")
        raise typer.Exit()


@app.callback()
def main_callback(
    version: Annotated[
        bool,
        typer.Option(
            "--version", "-V", help="Print the version and exit.", callback=_version, is_eager=True
        ),
    ] = False,
) -> None:
    """Compare how jurisdictions govern artificial intelligence."""


def complete_ids(ctx: typer.Context, incomplete: str) -> list[str]:
    """Shell completion for jurisdiction names: ids first, then aliases.

    Reads the summaries index, so completion parses no YAML and imports no pydantic while
    the files are unchanged.
    """
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


def open_catalog(frameworks_dir: list[Path] | None, no_cache: bool) -> "Catalog":
    import os

    from ..catalog import Catalog

    use_cache = not (no_cache or os.environ.get("AIGOV_NO_CACHE"))
    catalog = Catalog.open(frameworks_dir or [], use_cache=use_cache)
    for warning in catalog.registry.warnings:
        error(f"warning: {warning}")
    return catalog


def resolve_frameworks(
    catalog: "Catalog", names: list[str], as_of: str | None
) -> "tuple[list[Regime], list[str | None]]":
    """Resolve names (ID or ID@DATE) and show each as it stood on its date."""
    return catalog.resolve_at(names, as_of)


def emit(result: Any, fmt: Format, output: Path | None, color: Color, inputs: list[Path]) -> None:
    """Render `result` in `fmt` and write it to stdout or `output`."""
    emit_as(result, fmt.value, output, color, inputs)


def emit_as(result: Any, fmt: str, output: Path | None, color: Color, inputs: list[Path]) -> None:
    """Render `result` with the renderer of format `fmt`; tables go through rich."""
    from ..render import renderer

    rendered = renderer(fmt).render(result)
    if fmt != "table":
        write_text(rendered, output, inputs)
        return
    import io

    from ..output import make_console

    if output is None:
        make_console(color.value).print(rendered)
        return
    buffer = io.StringIO()
    make_console("never", buffer, width=120).print(rendered)
    write_text(buffer.getvalue(), output, inputs)


def parse_as_of(value: str | None) -> str | None:
    """A --as-of, --since or --until date, checked."""
    from ..registry import _DATE, is_date, shown

    if value is None:
        return None
    if not (_DATE.fullmatch(value) and is_date(value)):
        raise AigovError(f"{shown(value)}: expected a date YYYY-MM-DD")
    return value


AsOfOpt = Annotated[
    str | None,
    typer.Option(
        "--as-of", help="Show regimes as they stood on DATE (YYYY-MM-DD).", metavar="DATE"
    ),
]


def _only_invoked_command(argv: list[str]) -> None:
    """Keep only the command being run registered.

    Typer inspects every command's parameters when it builds the app (about 2 P for our
    commands, measured with scripts/bench.py); a run needs only the one it invokes. The
    full app is kept for top-level help, completion and anything unrecognised.
    """
    if any(key.endswith("_COMPLETE") for key in os.environ):
        return
    name = next((arg for arg in argv if not arg.startswith("-")), None)
    commands = app.registered_commands
    chosen = [c for c in commands if (c.name or c.callback.__name__ if c.callback else "") == name]
    if len(chosen) == 1:
        app.registered_commands = chosen


def run(argv: list[str] | None = None) -> int:
    """Run the app in click's standalone mode (usage errors exit 2) and return its code."""
    import sys

    _only_invoked_command(list(sys.argv[1:] if argv is None else argv))
    try:
        app(args=argv, prog_name="aigov")
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    return 0
