"""The analysis commands: map, timeline, sources, similar."""

from enum import Enum
from typing import Annotated

import typer

from .shared import (
    AsOfOpt,
    ColorOpt,
    Format,
    FrameworksDirs,
    NoCacheOpt,
    OutputOpt,
    app,
    complete_ids,
    emit_as,
    open_catalog,
    parse_as_of,
    resolve_frameworks,
)
from .shared import Color as ColorChoice


def _views() -> None:
    """Register how the analysis results render (kept off the other commands' path)."""
    from ..render import analysis_views  # noqa: F401


class MapFormat(str, Enum):
    """Formats of `aigov map`."""

    table = "table"
    svg = "svg"
    json = "json"
    markdown = "markdown"
    csv = "csv"
    yaml = "yaml"


class SourcesFormat(str, Enum):
    """Formats of `aigov sources`."""

    markdown = "markdown"
    bibtex = "bibtex"
    csl_json = "csl-json"
    json = "json"
    table = "table"
    csv = "csv"
    yaml = "yaml"


IdsArg = Annotated[
    list[str] | None,
    typer.Argument(
        help="Jurisdiction ids or aliases (ID@DATE for a past state); none: all.",
        metavar="[ID]...",
        autocompletion=complete_ids,
    ),
]


@app.command("map")
def map_(
    names: IdsArg = None,
    x: Annotated[str, typer.Option("--x", help="Dimension on the horizontal axis.")] = "legal_form",
    y: Annotated[
        str, typer.Option("--y", help="Dimension on the vertical axis.")
    ] = "compliance_basis",
    as_of: AsOfOpt = None,
    fmt: Annotated[
        MapFormat, typer.Option("--format", "-f", help="Output format.")
    ] = MapFormat.table,
    output: OutputOpt = None,
    color: ColorOpt = ColorChoice.auto,
    frameworks_dir: FrameworksDirs = None,
    no_cache: NoCacheOpt = False,
) -> None:
    """Place regimes on the plane of two ordered dimensions (default: legal form x compliance basis).

    Examples:

      aigov map

      aigov map --format svg -o map.svg

      aigov map japan china eu us --x risk_tiering --y enforcement
    """
    from ..analysis import plane

    catalog = open_catalog(frameworks_dir, no_cache)
    chosen = list(names or []) or catalog.registry.ids()
    frameworks, ats = resolve_frameworks(catalog, chosen, parse_as_of(as_of))
    _views()
    emit_as(plane(frameworks, ats, x, y), fmt.value, output, color, catalog.input_paths())


@app.command()
def timeline(
    names: IdsArg = None,
    since: Annotated[
        str | None, typer.Option("--since", help="Only events on or after DATE.", metavar="DATE")
    ] = None,
    until: Annotated[
        str | None, typer.Option("--until", help="Only events on or before DATE.", metavar="DATE")
    ] = None,
    fmt: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.table,
    output: OutputOpt = None,
    color: ColorOpt = ColorChoice.auto,
    frameworks_dir: FrameworksDirs = None,
    no_cache: NoCacheOpt = False,
) -> None:
    """Instruments and institutional events in date order across jurisdictions.

    Examples:

      aigov timeline japan

      aigov timeline eu us china --since 2025-01-01 --format markdown
    """
    from ..analysis import timeline as timeline_result

    catalog = open_catalog(frameworks_dir, no_cache)
    chosen = list(names or []) or catalog.registry.ids()
    frameworks, _ = resolve_frameworks(catalog, chosen, None)
    result = timeline_result(frameworks, parse_as_of(since), parse_as_of(until))
    _views()
    emit_as(result, fmt.value, output, color, catalog.input_paths())


@app.command()
def sources(
    names: Annotated[
        list[str],
        typer.Argument(
            help="Jurisdiction ids or aliases.", metavar="ID...", autocompletion=complete_ids
        ),
    ],
    fmt: Annotated[
        SourcesFormat, typer.Option("--format", "-f", help="Output format.")
    ] = SourcesFormat.markdown,
    output: OutputOpt = None,
    color: ColorOpt = ColorChoice.auto,
    frameworks_dir: FrameworksDirs = None,
    no_cache: NoCacheOpt = False,
) -> None:
    """The bibliography, with the claims that cite each source.

    Examples:

      aigov sources japan

      aigov sources japan china --format bibtex > aigov.bib

      aigov sources eu --format csl-json
    """
    from ..analysis import bibliography

    catalog = open_catalog(frameworks_dir, no_cache)
    frameworks, _ = resolve_frameworks(catalog, names, None)
    _views()
    emit_as(bibliography(frameworks), fmt.value, output, color, catalog.input_paths())


@app.command()
def similar(
    name: Annotated[
        str,
        typer.Argument(
            help="Jurisdiction id or alias (ID@DATE allowed).",
            metavar="ID",
            autocompletion=complete_ids,
        ),
    ],
    top: Annotated[
        int | None, typer.Option("--top", "-n", help="Only the N nearest.", min=1)
    ] = None,
    fmt: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.table,
    output: OutputOpt = None,
    color: ColorOpt = ColorChoice.auto,
    frameworks_dir: FrameworksDirs = None,
    no_cache: NoCacheOpt = False,
) -> None:
    """The other regimes, nearest first, with the dimensions on which each differs.

    Distance is the mean absolute difference of positions (0 to 1) over the dimensions
    both regimes assess; unordered dimensions count 0 when equal and 1 when not.

    Examples:

      aigov similar japan

      aigov similar eu --top 3 --format json
    """
    from ..analysis import similar as similar_result
    from ..regime import summary_of

    catalog = open_catalog(frameworks_dir, no_cache)
    [target], [at] = resolve_frameworks(catalog, [name], None)
    result = similar_result(summary_of(target), catalog.summaries(), at, top)
    _views()
    emit_as(result, fmt.value, output, color, catalog.input_paths())


@app.command()
def report(
    names: Annotated[
        list[str],
        typer.Argument(
            help="Jurisdiction ids or aliases (ID@DATE for a past state).",
            metavar="ID...",
            autocompletion=complete_ids,
        ),
    ],
    output: OutputOpt = None,
    frameworks_dir: FrameworksDirs = None,
    no_cache: NoCacheOpt = False,
) -> None:
    """Write one self-contained HTML report: comparison, map, timeline and sources.

    No scripts, fonts or stylesheets are fetched: mail it or publish it as it is.

    Examples:

      aigov report japan china eu -o report.html

      aigov report us uk --output us-uk.html
    """
    import datetime as dt

    from ..analysis import report as build_report

    catalog = open_catalog(frameworks_dir, no_cache)
    frameworks, ats = resolve_frameworks(catalog, names, None)
    result = build_report(frameworks, ats, dt.date.today().isoformat())
    emit_as(result, "html", output, ColorChoice.never, catalog.input_paths())
