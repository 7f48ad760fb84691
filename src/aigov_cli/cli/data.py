"""The everyday commands: list, show, compare, diff, dimensions. Each parses its options,
calls the API, and hands the result to `deliver`; nothing is computed here."""

from __future__ import annotations

from typing import Annotated

import typer

from ..errors import ExitCode
from ..output import error
from .app import command
from .emit import choose_format, deliver, emit, open_api
from .options import (
    AsOfOpt,
    Color,
    ColorOpt,
    DimensionsOpt,
    FormatOpt,
    FrameworksDirs,
    HindsightOpt,
    NoCacheOpt,
    NoPagerOpt,
    OutputOpt,
    complete_dimensions,
    complete_ids,
)

DATA = ["table", "markdown", "json", "csv", "yaml"]


@command("list")
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
    stats: Annotated[
        bool, typer.Option("--stats", help="Counts per section and the oldest check instead.")
    ] = False,
    stale: Annotated[
        str | None,
        typer.Option(
            "--stale",
            help="Only jurisdictions with a claim last checked more than AGE ago (90d, 6m, 1y).",
            metavar="AGE",
        ),
    ] = None,
    fmt: FormatOpt = None,
    output: OutputOpt = None,
    color: ColorOpt = Color.auto,
    frameworks_dir: FrameworksDirs = None,
    no_cache: NoCacheOpt = False,
    no_pager: NoPagerOpt = False,
) -> None:
    """List every jurisdiction: id, name, kind, legal form, as-of (and origin of user files).

    Examples:

      aigov list

      aigov list --where legal_form=soft_law --format csv

      aigov list --stats

      aigov list --stale 90d
    """
    chosen = choose_format(fmt, output, DATA)
    gov = open_api(frameworks_dir, no_cache)
    result = gov.listing(where or [], as_of=as_of, stats=stats, stale=stale)
    deliver(gov, result, chosen, output, color, pager=not no_pager, when=as_of)


@command()
def show(
    name: Annotated[
        str,
        typer.Argument(
            help="Jurisdiction id or alias, optionally ID@DATE.",
            metavar="ID",
            autocompletion=complete_ids,
            show_default=False,
        ),
    ],
    section: Annotated[
        list[str] | None,
        typer.Option(
            "--section",
            "-s",
            help="Only these sections (repeatable): summary, approach, instruments, institutions, "
            "funding, initiatives, positions, indicators, challenges, obligations, sources.",
        ),
    ] = None,
    as_of: AsOfOpt = None,
    detail: Annotated[
        bool,
        typer.Option("--detail", help="Also codebook rules, penalties and fact-checking notes."),
    ] = False,
    hindsight: HindsightOpt = False,
    max_age: Annotated[
        str | None,
        typer.Option(
            "--max-age",
            help="Count claims last checked more than AGE ago (e.g. 6m).",
            metavar="AGE",
        ),
    ] = None,
    fmt: FormatOpt = None,
    output: OutputOpt = None,
    color: ColorOpt = Color.auto,
    frameworks_dir: FrameworksDirs = None,
    no_cache: NoCacheOpt = False,
    no_pager: NoPagerOpt = False,
) -> None:
    """Show one jurisdiction in full, with rationale and numbered sources.

    In a past view (ID@DATE or --as-of) only what existed then is shown, and text written
    later is left out unless --hindsight asks for it.

    Examples:

      aigov show japan

      aigov show eu --section instruments --format markdown

      aigov show japan --as-of 2024-04-01
    """
    chosen = choose_format(fmt, output, DATA)
    gov = open_api(frameworks_dir, no_cache)
    result = gov.show(
        name, section or [], as_of=as_of, detail=detail, hindsight=hindsight, max_age=max_age
    )
    deliver(gov, result, chosen, output, color, pager=not no_pager)


@command()
def compare(
    names: Annotated[
        list[str] | None,
        typer.Argument(
            help="Two or more ids or aliases (ID@DATE for a past state).",
            metavar="ID...",
            autocompletion=complete_ids,
            show_default=False,
        ),
    ] = None,
    all_: Annotated[bool, typer.Option("--all", "-a", help="Compare every jurisdiction.")] = False,
    dimensions: DimensionsOpt = None,
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
            help="Compare instruments, institutions, funding, positions or obligations instead.",
        ),
    ] = None,
    layers: Annotated[
        bool,
        typer.Option(
            "--layers", help="Add the regime each one sits within (the EU for a member state)."
        ),
    ] = False,
    as_of: AsOfOpt = None,
    hindsight: HindsightOpt = False,
    fmt: FormatOpt = None,
    output: OutputOpt = None,
    color: ColorOpt = Color.auto,
    frameworks_dir: FrameworksDirs = None,
    no_cache: NoCacheOpt = False,
    no_pager: NoPagerOpt = False,
) -> None:
    """Compare jurisdictions side by side; rows whose values differ are marked.

    Examples:

      aigov compare japan china

      aigov compare japan china eu --format markdown > table.md

      aigov compare jp cn --detail --dimensions legal_form,enforcement

      aigov compare us uk --section instruments

      aigov compare --all --format csv
    """
    chosen = choose_format(fmt, output, DATA)
    gov = open_api(frameworks_dir, no_cache)
    if section:
        result = gov.compare_section(names or [], section, all=all_, as_of=as_of)
    else:
        result = gov.compare(
            names or [],
            all=all_,
            dimensions=dimensions.split(",") if dimensions else None,
            only_differences=only_differences,
            detail=detail,
            as_of=as_of,
            layers=layers,
            hindsight=hindsight,
        )
    deliver(gov, result, chosen, output, color, pager=not no_pager, when=as_of)


@command()
def diff(
    left: Annotated[
        str,
        typer.Argument(
            help="First jurisdiction (ID or ID@DATE).",
            metavar="A",
            autocompletion=complete_ids,
            show_default=False,
        ),
    ],
    right: Annotated[
        str,
        typer.Argument(
            help="Second jurisdiction (ID or ID@DATE).",
            metavar="B",
            autocompletion=complete_ids,
            show_default=False,
        ),
    ],
    dimensions: DimensionsOpt = None,
    section: Annotated[
        str | None,
        typer.Option(
            "--section",
            "-s",
            help="List one section in full: instruments, institutions, positions or obligations.",
        ),
    ] = None,
    fmt: FormatOpt = None,
    output: OutputOpt = None,
    color: ColorOpt = Color.auto,
    frameworks_dir: FrameworksDirs = None,
    no_cache: NoCacheOpt = False,
    no_pager: NoPagerOpt = False,
) -> None:
    """Show only what differs: dimensions first, then instruments, obligations, positions.

    One jurisdiction at two dates: everything added, removed or changed since. Two
    jurisdictions: counts by type and the instruments that match by topic (--section
    instruments lists them all). Exits 1 when something differs and 0 when nothing does,
    like diff(1).

    Examples:

      aigov diff japan china

      aigov diff japan china --format json | jq .dimensions

      aigov diff japan@2024-04-01 japan
    """
    chosen = choose_format(fmt, output, DATA)
    gov = open_api(frameworks_dir, no_cache)
    result = gov.diff(
        left, right, dimensions=dimensions.split(",") if dimensions else None, section=section
    )
    deliver(gov, result, chosen, output, color, pager=not no_pager)
    if not result.differs:
        error("no differences")
    raise typer.Exit(ExitCode.FOUND if result.differs else ExitCode.OK)


@command()
def dimensions(
    dimension: Annotated[
        str | None,
        typer.Argument(
            help="One dimension's id: show its codebook rules too.",
            metavar="[DIMENSION]",
            autocompletion=complete_dimensions,
            show_default=False,
        ),
    ] = None,
    fmt: FormatOpt = None,
    output: OutputOpt = None,
    color: ColorOpt = Color.auto,
    no_pager: NoPagerOpt = False,
) -> None:
    """List the comparison dimensions, their questions and ordered vocabularies.

    Examples:

      aigov dimensions

      aigov dimensions pre_market_control

      aigov dimensions --format json
    """
    from .. import api

    chosen = choose_format(fmt, output, DATA)
    emit(api.dimensions(dimension), chosen, output, color, pager=not no_pager)
