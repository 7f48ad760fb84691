"""`aigov mcp`: a Model Context Protocol server over stdio, on the official `mcp` SDK.

Each tool calls the Python API, the same code path as the CLI, and returns the CLI's own
`--format json` document, sources and their URLs included, so an assistant can cite them.
A bad argument (an unknown id, a bad date) comes back as a tool error carrying the CLI's
message; the server keeps serving. Resources: each framework file as YAML, and the codebook.
Installed as an extra: `pip install 'aigov[mcp]'`; nothing here is imported by other commands.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import __version__, api
from .errors import AigovError

if TYPE_CHECKING:
    from mcp.server.mcpserver import MCPServer

INSTRUCTIONS = (
    "aigov compares how jurisdictions govern AI, from sourced, dated data. Every tool returns "
    "JSON with the sources' URLs: cite them. Jurisdictions are named by id or alias (japan, jp, "
    "eu), optionally ID@YYYY-MM-DD for a past state. list_jurisdictions gives the ids; the "
    "codebook resource defines the dimensions and obligation topics."
)


def _answer(make: Callable[[], Any]) -> str:
    """The JSON text of a result; aigov's own errors become the tool's error message."""
    from mcp.server.mcpserver.exceptions import ToolError

    try:
        return json.dumps(api.to_data(make()), ensure_ascii=False)
    except AigovError as exc:
        raise ToolError(str(exc)) from None


def build(frameworks_dirs: list[Path] | None = None, *, use_cache: bool = True) -> Any:
    """The server, with its tools and resources, over the given framework folders."""
    from mcp.server.mcpserver import MCPServer

    gov = api.open(frameworks_dirs or [], use_cache=use_cache)
    server = MCPServer(
        name="aigov", version=__version__, instructions=INSTRUCTIONS, log_level="WARNING"
    )

    @server.tool()
    def list_jurisdictions(where: list[str] | None = None, as_of: str | None = None) -> str:
        """Every jurisdiction with its kind, as-of date and dimension values.
        `where`: DIMENSION=VALUE filters, e.g. ["legal_form=soft_law"]."""
        return _answer(lambda: gov.listing(where or [], as_of=as_of))

    @server.tool()
    def show(id: str, sections: list[str] | None = None, as_of: str | None = None) -> str:
        """One jurisdiction in full, or only some sections (approach, instruments,
        institutions, funding, initiatives, positions, indicators, challenges, obligations,
        sources), optionally as it stood on a date."""
        return _answer(lambda: gov.show(id, sections or [], as_of=as_of))

    @server.tool()
    def compare(
        ids: list[str],
        dimensions: list[str] | None = None,
        as_of: str | None = None,
        detail: bool = True,
    ) -> str:
        """Two or more jurisdictions side by side on the dimensions, with rationales and
        numbered sources."""
        return _answer(lambda: gov.compare(ids, dimensions=dimensions, as_of=as_of, detail=detail))

    @server.tool()
    def diff(a: str, b: str, section: str | None = None) -> str:
        """Only what differs between two jurisdictions, or one at two dates (japan@2024-04-01
        and japan)."""
        return _answer(lambda: gov.diff(a, b, section=section))

    @server.tool()
    def obligations(
        ids: list[str] | None = None,
        topics: list[str] | None = None,
        actors: list[str] | None = None,
        strengths: list[str] | None = None,
        as_of: str | None = None,
    ) -> str:
        """What regimes require, topic by topic (e.g. content_labelling, incident_reporting),
        of whom (developer, provider, deployer, ...), how strongly, from when, with the
        article and sources. No ids: every jurisdiction."""
        return _answer(
            lambda: gov.obligations(
                ids or [],
                topics=topics or [],
                actors=actors or [],
                strengths=strengths or [],
                as_of=as_of,
                detail=True,
            )
        )

    @server.tool()
    def changes(since: str, until: str | None = None, ids: list[str] | None = None) -> str:
        """Every dated event since a date, newest first: new instruments, entries into force,
        obligations starting to apply, rating changes."""
        return _answer(lambda: gov.changes(ids or [], since=since, until=until))

    @server.tool()
    def upcoming(
        within: str = "12m",
        ids: list[str] | None = None,
        topics: list[str] | None = None,
        today: str | None = None,
    ) -> str:
        """Dated events still to come, soonest first, within a duration such as 12m or 2y."""
        return _answer(
            lambda: gov.upcoming(ids or [], within=within, topics=topics or [], today=today)
        )

    @server.tool()
    def timeline(
        ids: list[str] | None = None, since: str | None = None, until: str | None = None
    ) -> str:
        """Instruments and institutional events in date order."""
        return _answer(lambda: gov.timeline(ids or [], since=since, until=until))

    @server.tool()
    def sources(ids: list[str]) -> str:
        """The bibliographies of jurisdictions, each source with its URL, kind and the claims
        citing it."""
        return _answer(lambda: gov.sources(ids))

    @server.tool()
    def similar(id: str, top: int | None = None) -> str:
        """The other regimes, nearest first, with the dimensions on which each differs."""
        return _answer(lambda: gov.similar(id, top=top))

    for entry in gov.catalog.registry.entries.values():
        _add_file(server, entry.id, entry.path)

    @server.resource("aigov://codebook", name="codebook", mime_type="text/markdown")
    def codebook() -> str:
        """The rules the ratings follow, and the obligation topics' definitions."""
        from .codebook import codebook_path

        return codebook_path().read_text(encoding="utf-8")

    return server


def _add_file(server: MCPServer[Any], framework_id: str, path: Path) -> None:
    @server.resource(
        f"aigov://frameworks/{framework_id}",
        name=framework_id,
        description=f"The framework file of {framework_id} (YAML)",
        mime_type="application/yaml",
    )
    def framework_file() -> str:
        return path.read_text(encoding="utf-8")


def serve(frameworks_dirs: list[Path] | None = None, *, use_cache: bool = True) -> None:
    """Run the server on stdin and stdout until the client goes away."""
    build(frameworks_dirs, use_cache=use_cache).run("stdio")
