"""The Typer commands: parse, call the library, pick a renderer, exit. Nothing else.

Heavy modules (pydantic models, rich) are imported inside the commands that need them,
so that `--help` and machine formats start fast.
"""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from typer.core import TyperGroup

from . import __version__
from .errors import AigovError, ExitCode, LoadError
from .output import error, write_text

if TYPE_CHECKING:
    from .catalog import Catalog
    from .models import Framework


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


def _catalog(frameworks_dir: list[Path] | None, no_cache: bool) -> Catalog:
    import os

    from .catalog import Catalog

    use_cache = not (no_cache or os.environ.get("AIGOV_NO_CACHE"))
    return Catalog.open(frameworks_dir or [], use_cache=use_cache)


def _frameworks(
    catalog: Catalog, names: list[str], as_of: str | None
) -> tuple[list[Framework], list[str | None]]:
    """Resolve names (ID or ID@DATE) and show each as it stood on its date."""
    from .timetravel import check_when, snapshot

    frameworks, ats = [], []
    for name in names:
        framework, at = catalog.resolve(name)
        at = at or as_of
        check_when(framework, at)
        frameworks.append(snapshot(framework, at))
        ats.append(at)
    return frameworks, ats


def _emit(result: Any, fmt: Format, output: Path | None, color: Color, inputs: list[Path]) -> None:
    """Render `result` in `fmt` and write it to stdout or `output`."""
    from .render import renderer

    rendered = renderer(fmt.value).render(result)
    if fmt is not Format.table:
        write_text(rendered, output, inputs)
        return
    import io

    from .output import make_console

    if output is None:
        make_console(color.value).print(rendered)
        return
    buffer = io.StringIO()
    make_console("never", buffer, width=120).print(rendered)
    write_text(buffer.getvalue(), output, inputs)


def _as_of(value: str | None) -> str | None:
    from .registry import split_date

    return split_date(f"x@{value}")[1] if value else None


AsOfOpt = Annotated[
    str | None,
    typer.Option(
        "--as-of", help="Show regimes as they stood on DATE (YYYY-MM-DD).", metavar="DATE"
    ),
]


@app.command("list")
def list_(
    where: Annotated[
        list[str] | None,
        typer.Option(
            "--where",
            "-w",
            help="Keep jurisdictions whose DIMENSION=VALUE (repeatable; all must hold).",
            metavar="DIMENSION=VALUE",
        ),
    ] = None,
    as_of: AsOfOpt = None,
    fmt: FormatOpt = Format.table,
    output: OutputOpt = None,
    color: ColorOpt = Color.auto,
    frameworks_dir: FrameworksDirs = None,
    no_cache: NoCacheOpt = False,
) -> None:
    """List every jurisdiction: id, name, kind, legal form, compliance basis, as-of, origin.

    Examples:

      aigov list

      aigov list --where legal_form=soft_law --format csv
    """
    from .compare import listing, parse_where
    from .timetravel import snapshot

    pairs = parse_where(where or [])
    catalog = _catalog(frameworks_dir, no_cache)
    when = _as_of(as_of)
    frameworks = [snapshot(f, when) for f in catalog.all()]
    origins = {e.id: e.origin for e in catalog.registry.entries.values()}
    _emit(listing(frameworks, origins, pairs), fmt, output, color, catalog.input_paths())


@app.command()
def show(
    name: Annotated[
        str, typer.Argument(help="Jurisdiction id or alias, optionally ID@DATE.", metavar="ID")
    ],
    section: Annotated[
        list[str] | None,
        typer.Option(
            "--section",
            "-s",
            help="Only these sections (repeatable): summary, approach, instruments, institutions, funding, initiatives, positions, indicators, challenges, sources.",
        ),
    ] = None,
    as_of: AsOfOpt = None,
    fmt: FormatOpt = Format.table,
    output: OutputOpt = None,
    color: ColorOpt = Color.auto,
    frameworks_dir: FrameworksDirs = None,
    no_cache: NoCacheOpt = False,
) -> None:
    """Show one jurisdiction in full, with rationale and numbered sources.

    Examples:

      aigov show japan

      aigov show eu --section instruments --format markdown

      aigov show japan --as-of 2024-04-01
    """
    from .compare import show as show_result

    catalog = _catalog(frameworks_dir, no_cache)
    [framework], [at] = _frameworks(catalog, [name], _as_of(as_of))
    _emit(show_result(framework, at, section or []), fmt, output, color, catalog.input_paths())


@app.command()
def compare(
    names: Annotated[
        list[str] | None,
        typer.Argument(
            help="Two or more ids or aliases (ID@DATE for a past state).", metavar="ID..."
        ),
    ] = None,
    all_: Annotated[bool, typer.Option("--all", "-a", help="Compare every jurisdiction.")] = False,
    dimensions: Annotated[
        str | None,
        typer.Option("--dimensions", help="Comma-separated dimension ids to show.", metavar="A,B"),
    ] = None,
    only_differences: Annotated[
        bool, typer.Option("--only-differences", help="Only rows whose values differ.")
    ] = False,
    detail: Annotated[
        bool,
        typer.Option(
            "--detail",
            help="Rationale and source marks under each value, and a numbered source list.",
        ),
    ] = False,
    section: Annotated[
        str | None,
        typer.Option(
            "--section",
            "-s",
            help="Compare instruments, institutions, funding or positions instead of dimensions.",
        ),
    ] = None,
    as_of: AsOfOpt = None,
    fmt: FormatOpt = Format.table,
    output: OutputOpt = None,
    color: ColorOpt = Color.auto,
    frameworks_dir: FrameworksDirs = None,
    no_cache: NoCacheOpt = False,
) -> None:
    """Compare jurisdictions side by side; rows whose values differ stand out.

    Examples:

      aigov compare japan china

      aigov compare japan china eu --format markdown > table.md

      aigov compare jp cn --detail --dimensions legal_form,enforcement

      aigov compare us uk --section instruments
    """
    from .compare import compare as compare_result
    from .compare import compare_section

    catalog = _catalog(frameworks_dir, no_cache)
    chosen = catalog.registry.ids() if all_ else list(names or [])
    if len(chosen) < 2 and not all_:
        raise AigovError("compare needs at least two jurisdictions (or --all)")
    frameworks, ats = _frameworks(catalog, chosen, _as_of(as_of))
    if section:
        result: Any = compare_section(frameworks, ats, section)
    else:
        dims = dimensions.split(",") if dimensions else None
        result = compare_result(
            frameworks, ats, dimensions=dims, only_differences=only_differences, detail=detail
        )
    _emit(result, fmt, output, color, catalog.input_paths())


@app.command()
def diff(
    left: Annotated[str, typer.Argument(help="First jurisdiction (ID or ID@DATE).", metavar="A")],
    right: Annotated[str, typer.Argument(help="Second jurisdiction (ID or ID@DATE).", metavar="B")],
    dimensions: Annotated[
        str | None,
        typer.Option(
            "--dimensions", help="Comma-separated dimension ids to consider.", metavar="A,B"
        ),
    ] = None,
    fmt: FormatOpt = Format.table,
    output: OutputOpt = None,
    color: ColorOpt = Color.auto,
    frameworks_dir: FrameworksDirs = None,
    no_cache: NoCacheOpt = False,
) -> None:
    """Show only what differs: dimensions, instruments, institutions, positions.

    Exits 1 when something differs and 0 when nothing does, like diff(1).

    Examples:

      aigov diff japan china

      aigov diff japan china --format json | jq .dimensions

      aigov diff japan@2024-04-01 japan
    """
    from .compare import diff as diff_result

    catalog = _catalog(frameworks_dir, no_cache)
    (a, b), (at_a, at_b) = _frameworks(catalog, [left, right], None)
    result = diff_result(a, b, at_a, at_b, dimensions=dimensions.split(",") if dimensions else None)
    _emit(result, fmt, output, color, catalog.input_paths())
    if not result.differs:
        error("no differences")
    raise typer.Exit(ExitCode.FOUND if result.differs else ExitCode.OK)


@app.command()
def dimensions(
    fmt: FormatOpt = Format.table,
    output: OutputOpt = None,
    color: ColorOpt = Color.auto,
) -> None:
    """List the comparison dimensions, their questions and ordered vocabularies.

    Examples:

      aigov dimensions

      aigov dimensions --format json
    """
    from .compare import dimensions_list

    _emit(dimensions_list(), fmt, output, color, [])


def run() -> int:
    """Run the app in click's standalone mode (usage errors exit 2) and return its code."""
    try:
        app()
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    return 0
