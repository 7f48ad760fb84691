"""The everyday commands: list, show, compare, diff, dimensions."""

from typing import Annotated, Any

import typer

from ..errors import AigovError, ExitCode
from ..output import error
from .shared import (
    AsOfOpt,
    Color,
    ColorOpt,
    Format,
    FormatOpt,
    FrameworksDirs,
    NoCacheOpt,
    OutputOpt,
    app,
    complete_ids,
    emit,
    open_catalog,
    parse_as_of,
    resolve_frameworks,
)


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
    from ..compare import listing, parse_where

    pairs = parse_where(where or [])
    catalog = open_catalog(frameworks_dir, no_cache)
    when = parse_as_of(as_of)
    if when is None:
        summaries = catalog.summaries()
    else:
        from ..regime import summary_of
        from ..timetravel import snapshot

        summaries = [summary_of(snapshot(f, when)) for f in catalog.all()]
    origins = {e.id: e.origin for e in catalog.registry.entries.values()}
    emit(listing(summaries, origins, pairs), fmt, output, color, catalog.input_paths())


@app.command()
def show(
    name: Annotated[
        str,
        typer.Argument(
            help="Jurisdiction id or alias, optionally ID@DATE.",
            metavar="ID",
            autocompletion=complete_ids,
        ),
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
    from ..compare import show as show_result

    catalog = open_catalog(frameworks_dir, no_cache)
    [framework], [at] = resolve_frameworks(catalog, [name], parse_as_of(as_of))
    emit(show_result(framework, at, section or []), fmt, output, color, catalog.input_paths())


@app.command()
def compare(
    names: Annotated[
        list[str] | None,
        typer.Argument(
            help="Two or more ids or aliases (ID@DATE for a past state).",
            metavar="ID...",
            autocompletion=complete_ids,
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
    from ..compare import compare as compare_result
    from ..compare import compare_section

    catalog = open_catalog(frameworks_dir, no_cache)
    chosen = catalog.registry.ids() if all_ else list(names or [])
    if len(chosen) < 2 and not all_:
        raise AigovError("compare needs at least two jurisdictions (or --all)")
    frameworks, ats = resolve_frameworks(catalog, chosen, parse_as_of(as_of))
    if section:
        result: Any = compare_section(frameworks, ats, section)
    else:
        dims = dimensions.split(",") if dimensions else None
        result = compare_result(
            frameworks, ats, dimensions=dims, only_differences=only_differences, detail=detail
        )
    emit(result, fmt, output, color, catalog.input_paths())


@app.command()
def diff(
    left: Annotated[
        str,
        typer.Argument(
            help="First jurisdiction (ID or ID@DATE).", metavar="A", autocompletion=complete_ids
        ),
    ],
    right: Annotated[
        str,
        typer.Argument(
            help="Second jurisdiction (ID or ID@DATE).", metavar="B", autocompletion=complete_ids
        ),
    ],
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
    from ..compare import diff as diff_result

    catalog = open_catalog(frameworks_dir, no_cache)
    (a, b), (at_a, at_b) = resolve_frameworks(catalog, [left, right], None)
    result = diff_result(a, b, at_a, at_b, dimensions=dimensions.split(",") if dimensions else None)
    emit(result, fmt, output, color, catalog.input_paths())
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
    from ..compare import dimensions_list

    emit(dimensions_list(), fmt, output, color, [])
