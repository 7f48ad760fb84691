"""The analysis commands: obligations, map, timeline, sources, similar, report."""

from __future__ import annotations

from enum import Enum
from typing import Annotated

import typer

from .app import command
from .emit import choose_format, deliver, open_api
from .options import (
    AsOfOpt,
    Color,
    ColorOpt,
    FormatOpt,
    FrameworksDirs,
    IdsArg,
    MapFormat,
    NoCacheOpt,
    NoPagerOpt,
    OutputOpt,
    SourcesFormat,
    complete_dimensions,
    complete_ids,
    complete_vocabulary,
)

DATA = ["table", "markdown", "json", "csv", "yaml"]


@command()
def obligations(
    names: IdsArg = None,
    all_: Annotated[
        bool, typer.Option("--all", "-a", help="Every jurisdiction (the default with no ID).")
    ] = False,
    topic: Annotated[
        list[str] | None,
        typer.Option(
            "--topic",
            "-t",
            help="Only this topic (repeatable), e.g. content_labelling; see 'aigov obligations --help'.",
            autocompletion=complete_vocabulary("topic"),
        ),
    ] = None,
    actor: Annotated[
        list[str] | None,
        typer.Option(
            "--actor",
            help="Only obligations on this actor (repeatable): developer, provider, deployer, "
            "importer, distributor, platform, public_body, user.",
            autocompletion=complete_vocabulary("actor"),
        ),
    ] = None,
    strength: Annotated[
        list[str] | None,
        typer.Option(
            "--strength",
            help="Only this strength (repeatable): binding_duty, binding_prohibition, "
            "voluntary, proposed, none.",
            autocompletion=complete_vocabulary("strength"),
        ),
    ] = None,
    detail: Annotated[
        bool,
        typer.Option("--detail", help="Each obligation with its article, penalty and sources."),
    ] = False,
    no_layers: Annotated[
        bool,
        typer.Option(
            "--no-layers",
            help="Leave out what a member inherits from the layer above (the EU for Italy).",
        ),
    ] = False,
    as_of: AsOfOpt = None,
    fmt: FormatOpt = None,
    output: OutputOpt = None,
    color: ColorOpt = Color.auto,
    frameworks_dir: FrameworksDirs = None,
    no_cache: NoCacheOpt = False,
    no_pager: NoPagerOpt = False,
) -> None:
    """What each regime requires, topic by topic: of whom, how strongly, from when.

    Topics are rows and jurisdictions columns; each cell gives the strength, the date it
    applies from and the article. Every topic is answered: by records, or by 'None' with
    the reason. 'aigov dimensions' and docs/codebook.md define the topics.

    Examples:

      aigov obligations japan china eu south-korea --topic content_labelling

      aigov obligations eu@2025-01-01 --actor provider

      aigov obligations --all --topic incident_reporting --format csv
    """
    chosen = choose_format(fmt, output, DATA)
    gov = open_api(frameworks_dir, no_cache)
    result = gov.obligations(
        [] if all_ else (names or []),
        topics=topic or [],
        actors=actor or [],
        strengths=strength or [],
        as_of=as_of,
        detail=detail,
        layers=not no_layers,
    )
    deliver(gov, result, chosen, output, color, pager=not no_pager, when=as_of)


@command("map")
def map_(
    names: IdsArg = None,
    x: Annotated[
        str | None,
        typer.Option(
            "--x",
            help="Dimension across [default: legal_form].",
            autocompletion=complete_dimensions,
            show_default=False,
        ),
    ] = None,
    y: Annotated[
        str | None,
        typer.Option(
            "--y",
            help="Dimension up [default: compliance_basis].",
            autocompletion=complete_dimensions,
            show_default=False,
        ),
    ] = None,
    as_of: AsOfOpt = None,
    fmt: Annotated[
        MapFormat | None,
        typer.Option("--format", "-f", help="Output format [default: table].", show_default=False),
    ] = None,
    output: OutputOpt = None,
    color: ColorOpt = Color.auto,
    frameworks_dir: FrameworksDirs = None,
    no_cache: NoCacheOpt = False,
    no_pager: NoPagerOpt = False,
) -> None:
    """Place regimes on the plane of two ordered dimensions (default: legal form x compliance basis).

    Examples:

      aigov map

      aigov map --format svg -o map.svg

      aigov map japan china eu us --x risk_tiering --y enforcement
    """
    chosen = choose_format(fmt, output, [m.value for m in MapFormat])
    gov = open_api(frameworks_dir, no_cache)
    result = gov.map(names or [], x=x, y=y, as_of=as_of)
    deliver(gov, result, chosen, output, color, pager=not no_pager, when=as_of)


@command()
def timeline(
    names: IdsArg = None,
    since: Annotated[
        str | None, typer.Option("--since", help="Only events on or after DATE.", metavar="DATE")
    ] = None,
    until: Annotated[
        str | None, typer.Option("--until", help="Only events on or before DATE.", metavar="DATE")
    ] = None,
    fmt: FormatOpt = None,
    output: OutputOpt = None,
    color: ColorOpt = Color.auto,
    frameworks_dir: FrameworksDirs = None,
    no_cache: NoCacheOpt = False,
    no_pager: NoPagerOpt = False,
) -> None:
    """Instruments and institutional events in date order across jurisdictions.

    Examples:

      aigov timeline japan

      aigov timeline eu us china --since 2025-01-01 --format markdown
    """
    chosen = choose_format(fmt, output, DATA)
    gov = open_api(frameworks_dir, no_cache)
    result = gov.timeline(names or [], since=since, until=until)
    deliver(gov, result, chosen, output, color, pager=not no_pager)


@command()
def sources(
    names: Annotated[
        list[str] | None,
        typer.Argument(
            help="Jurisdiction ids or aliases; none: all.",
            metavar="[ID]...",
            autocompletion=complete_ids,
            show_default=False,
        ),
    ] = None,
    summary: Annotated[
        bool,
        typer.Option("--summary", help="The mix of source kinds per jurisdiction instead."),
    ] = False,
    fmt: Annotated[
        SourcesFormat | None,
        typer.Option("--format", "-f", help="Output format [default: table].", show_default=False),
    ] = None,
    output: OutputOpt = None,
    color: ColorOpt = Color.auto,
    frameworks_dir: FrameworksDirs = None,
    no_cache: NoCacheOpt = False,
    no_pager: NoPagerOpt = False,
) -> None:
    """The bibliography, with the claims that cite each source.

    Examples:

      aigov sources japan

      aigov sources japan china --format bibtex > aigov.bib

      aigov sources eu --format csl-json

      aigov sources --summary japan china eu

      aigov sources --summary              # every jurisdiction
    """
    chosen = choose_format(fmt, output, [s.value for s in SourcesFormat])
    gov = open_api(frameworks_dir, no_cache)
    deliver(
        gov, gov.sources(names or [], summary=summary), chosen, output, color, pager=not no_pager
    )


@command()
def similar(
    name: Annotated[
        str,
        typer.Argument(
            help="Jurisdiction id or alias (ID@DATE allowed).",
            metavar="ID",
            autocompletion=complete_ids,
            show_default=False,
        ),
    ],
    top: Annotated[
        int | None, typer.Option("--top", "-n", help="Only the N nearest.", min=1)
    ] = None,
    fmt: FormatOpt = None,
    output: OutputOpt = None,
    color: ColorOpt = Color.auto,
    frameworks_dir: FrameworksDirs = None,
    no_cache: NoCacheOpt = False,
    no_pager: NoPagerOpt = False,
) -> None:
    """The other regimes, nearest first, with the dimensions on which each differs.

    Distance is the mean absolute difference of positions (0 to 1) over the dimensions
    both regimes assess; unordered dimensions count 0 when equal and 1 when not.

    Examples:

      aigov similar japan

      aigov similar eu --top 3 --format json
    """
    chosen = choose_format(fmt, output, DATA)
    gov = open_api(frameworks_dir, no_cache)
    deliver(gov, gov.similar(name, top=top), chosen, output, color, pager=not no_pager)


@command()
def report(
    names: Annotated[
        list[str],
        typer.Argument(
            help="Jurisdiction ids or aliases (ID@DATE for a past state).",
            metavar="ID...",
            autocompletion=complete_ids,
            show_default=False,
        ),
    ],
    max_age: Annotated[
        str,
        typer.Option(
            "--max-age", help="Name claims last checked more than AGE ago.", metavar="AGE"
        ),
    ] = "1y",
    output: OutputOpt = None,
    frameworks_dir: FrameworksDirs = None,
    no_cache: NoCacheOpt = False,
) -> None:
    """Write one self-contained HTML report: comparison, obligations, map, timeline, sources.

    No scripts, fonts or stylesheets are fetched: mail it or publish it as it is.

    Examples:

      aigov report japan china eu -o report.html

      aigov report japan@2024-04-01 japan -o japan-then-and-now.html
    """
    choose_format("html", output, ["html"], default="html")
    gov = open_api(frameworks_dir, no_cache)
    deliver(gov, gov.report(names, max_age=max_age), "html", output)


class ChangesFormat(str, Enum):
    """Formats of `aigov changes`."""

    table = "table"
    markdown = "markdown"
    json = "json"
    csv = "csv"
    yaml = "yaml"
    atom = "atom"


class UpcomingFormat(str, Enum):
    """Formats of `aigov upcoming`."""

    table = "table"
    markdown = "markdown"
    json = "json"
    csv = "csv"
    yaml = "yaml"
    ics = "ics"


@command()
def changes(
    names: IdsArg = None,
    since: Annotated[
        str, typer.Option("--since", help="Events on or after DATE (YYYY-MM-DD).", metavar="DATE")
    ] = ...,  # type: ignore[assignment]
    until: Annotated[
        str | None, typer.Option("--until", help="Events on or before DATE.", metavar="DATE")
    ] = None,
    fmt: Annotated[
        ChangesFormat | None,
        typer.Option("--format", "-f", help="Output format [default: table].", show_default=False),
    ] = None,
    output: OutputOpt = None,
    color: ColorOpt = Color.auto,
    frameworks_dir: FrameworksDirs = None,
    no_cache: NoCacheOpt = False,
    no_pager: NoPagerOpt = False,
) -> None:
    """What changed: every dated event since DATE, newest first, across jurisdictions.

    New instruments, entries into force and application, revocations and lapses,
    obligations starting to apply, rating changes, institutions founded or renamed.
    --format atom writes a feed a feed reader can follow.

    Examples:

      aigov changes --since 2026-01-01

      aigov changes --since 2026-06-01 eu us china --format json

      aigov changes --since 2026-01-01 --format atom -o aigov.atom
    """
    chosen = choose_format(fmt, output, [f.value for f in ChangesFormat])
    gov = open_api(frameworks_dir, no_cache)
    result = gov.changes(names or [], since=since, until=until)
    deliver(gov, result, chosen, output, color, pager=not no_pager)


@command()
def upcoming(
    names: IdsArg = None,
    within: Annotated[
        str,
        typer.Option("--within", help="How far ahead to look: 90d, 12w, 6m, 2y.", metavar="AGE"),
    ] = "12m",
    topic: Annotated[
        list[str] | None,
        typer.Option(
            "--topic",
            "-t",
            help="Only obligations on this topic, and the instruments that carry them (repeatable).",
            autocompletion=complete_vocabulary("topic"),
        ),
    ] = None,
    today: Annotated[
        str | None,
        typer.Option(
            "--today",
            help="Count from DATE instead of today (for reproducible output).",
            metavar="DATE",
        ),
    ] = None,
    fmt: Annotated[
        UpcomingFormat | None,
        typer.Option("--format", "-f", help="Output format [default: table].", show_default=False),
    ] = None,
    output: OutputOpt = None,
    color: ColorOpt = Color.auto,
    frameworks_dir: FrameworksDirs = None,
    no_cache: NoCacheOpt = False,
    no_pager: NoPagerOpt = False,
) -> None:
    """What is coming: dated events after today, soonest first.

    Obligations that start to apply, phases of laws, consultations that close. --format ics
    writes a calendar (one all-day event per date) that calendar programs import.

    Examples:

      aigov upcoming

      aigov upcoming --within 24m eu --topic content_labelling

      aigov upcoming --today 2026-11-29 --format ics -o ai-deadlines.ics
    """
    chosen = choose_format(fmt, output, [f.value for f in UpcomingFormat])
    gov = open_api(frameworks_dir, no_cache)
    result = gov.upcoming(names or [], within=within, topics=topic or [], today=today)
    deliver(gov, result, chosen, output, color, pager=not no_pager)
