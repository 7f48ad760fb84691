"""Where people already work: the MCP server, driven by the official SDK's own stdio client,
and the SQLite export, checked by SQLite itself."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from aigov_cli import api

from .conftest import ROOT, invoke

mcp = pytest.importorskip("mcp")


def cli_json(*args: str) -> Any:
    result = invoke(*args, "-f", "json")
    assert result.exit_code == (1 if args[0] == "diff" else 0), result.stderr
    return json.loads(result.stdout)


# Each tool with good arguments and the CLI command that must give the same JSON.
GOOD = [
    ("list_jurisdictions", {}, ["list"]),
    (
        "list_jurisdictions",
        {"where": ["legal_form=hard_law"]},
        ["list", "-w", "legal_form=hard_law"],
    ),
    ("show", {"id": "japan", "sections": ["approach"]}, ["show", "japan", "-s", "approach"]),
    ("show", {"id": "jp", "as_of": "2024-04-01"}, ["show", "jp", "--as-of", "2024-04-01"]),
    ("compare", {"ids": ["japan", "china"]}, ["compare", "japan", "china", "--detail"]),
    ("diff", {"a": "japan@2024-04-01", "b": "japan"}, ["diff", "japan@2024-04-01", "japan"]),
    (
        "obligations",
        {"ids": ["eu"], "topics": ["content_labelling"]},
        ["obligations", "eu", "-t", "content_labelling", "--detail"],
    ),
    ("changes", {"since": "2026-06-01", "ids": ["eu"]}, ["changes", "eu", "--since", "2026-06-01"]),
    (
        "upcoming",
        {"within": "24m", "today": "2026-11-29", "ids": ["eu"]},
        ["upcoming", "eu", "--within", "24m", "--today", "2026-11-29"],
    ),
    ("timeline", {"ids": ["japan"]}, ["timeline", "japan"]),
    ("sources", {"ids": ["japan"]}, ["sources", "japan"]),
    ("similar", {"id": "japan", "top": 3}, ["similar", "japan", "-n", "3"]),
]
BAD = [
    ("show", {"id": "atlantis"}, "unknown jurisdiction 'atlantis'"),
    ("show", {"id": "japan", "as_of": "2024-13-01"}, "--as-of '2024-13-01': not a real date"),
    ("compare", {"ids": ["japan"]}, "compare needs at least two jurisdictions"),
    ("diff", {"a": "japan", "b": "japan@yesterday"}, "expected ID@YYYY-MM-DD"),
    ("obligations", {"topics": ["labels"]}, "--topic 'labels'"),
    ("changes", {"since": "soon"}, "--since 'soon'"),
    ("upcoming", {"within": "5x"}, "--within '5x'"),
    ("timeline", {"since": "2024/01/01"}, "--since '2024/01/01'"),
    ("sources", {"ids": ["atlantis"]}, "unknown jurisdiction 'atlantis'"),
    ("similar", {"id": "japan", "top": 0}, "--top 0"),
    ("list_jurisdictions", {"where": ["colour=red"]}, "unknown dimension 'colour'"),
]


def test_the_mcp_server_through_the_sdks_stdio_client(tmp_path: Path) -> None:
    import anyio
    from mcp import ClientSession, StdioServerParameters
    from mcp.client.stdio import stdio_client

    env = {**os.environ, "AIGOV_CACHE_DIR": str(tmp_path / "cache")}
    params = StdioServerParameters(
        command=sys.executable, args=["-m", "aigov_cli", "mcp"], env=env, cwd=str(tmp_path)
    )
    seen: dict[str, Any] = {}

    async def session_run() -> None:
        async with stdio_client(params, errlog=errlog) as streams:  # noqa: SIM117
            async with ClientSession(streams[0], streams[1]) as session:
                await session.initialize()
                seen["tools"] = {t.name for t in (await session.list_tools()).tools}
                seen["good"] = []
                for name, arguments, _ in GOOD:
                    result = await session.call_tool(name, arguments)
                    seen["good"].append((result.is_error, result.content[0].text))
                seen["bad"] = []
                for name, arguments, _ in BAD:
                    result = await session.call_tool(name, arguments)
                    seen["bad"].append((result.is_error, result.content[0].text))
                after = await session.call_tool("show", {"id": "japan", "sections": ["summary"]})
                seen["after"] = (after.is_error, after.content[0].text)
                resources = (await session.list_resources()).resources
                seen["resources"] = {str(r.uri) for r in resources}
                codebook = await session.read_resource("aigov://codebook")
                seen["codebook"] = codebook.contents[0].text
                japan = await session.read_resource("aigov://frameworks/japan")
                seen["japan"] = japan.contents[0].text

    with (tmp_path / "server.log").open("w") as errlog:
        anyio.run(session_run)
    assert seen["tools"] == {
        "list_jurisdictions",
        "show",
        "compare",
        "diff",
        "obligations",
        "changes",
        "upcoming",
        "timeline",
        "sources",
        "similar",
    }
    for (is_error, text), (name, _, args) in zip(seen["good"], GOOD, strict=True):
        assert not is_error, (name, text)
        assert json.loads(text) == cli_json(*args), name
    for (is_error, text), (name, _, message) in zip(seen["bad"], BAD, strict=True):
        assert is_error, name
        assert message in text, (name, text)
        assert "Traceback" not in text
    assert not seen["after"][0]  # the server kept serving after every bad call
    assert json.loads(seen["after"][1])["jurisdiction"]["id"] == "japan"
    assert "aigov://codebook" in seen["resources"]
    assert {f"aigov://frameworks/{i}" for i in api.open().ids()} <= seen["resources"]
    assert seen["codebook"].startswith("# aigov codebook")
    assert seen["japan"] == (ROOT / "frameworks" / "japan.yaml").read_text(encoding="utf-8")


def test_mcp_without_the_extra_says_how_to_get_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "mcp", None)  # as if not installed
    result = invoke("mcp")
    assert result.exit_code == 2
    assert "pip install 'aigov[mcp]'" in result.stderr


# -- SQLite -------------------------------------------------------------------------------

README_QUERIES = {
    "binding labelling duties in force": """
        SELECT o.jurisdiction_id, o.article, o.applies_from
        FROM obligations AS o
        WHERE o.topic = 'content_labelling'
          AND o.strength IN ('binding_duty', 'binding_prohibition')
          AND o.applies_from <= '2026-11-29'
          AND (o.applies_until IS NULL OR o.applies_until > '2026-11-29')
        ORDER BY o.jurisdiction_id, o.applies_from""",
    "by legal form": """
        SELECT value, count(*) AS jurisdictions, group_concat(jurisdiction_id, ', ') AS ids
        FROM assessments WHERE dimension = 'legal_form' GROUP BY value ORDER BY value""",
    "sources cited most": """
        SELECT s.jurisdiction_id, s.title, s.url, count(*) AS claims
        FROM citations AS c
        JOIN sources AS s ON s.jurisdiction_id = c.jurisdiction_id AND s.id = c.source_id
        GROUP BY s.jurisdiction_id, s.id ORDER BY claims DESC, s.title LIMIT 10""",
}


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("export") / "aigov.db"
    result = invoke("export", "--format", "sqlite", "-o", target)
    assert result.exit_code == 0, result.stderr
    assert result.stderr.startswith(f"aigov: wrote {target}: ")
    return target


def test_the_export_is_sound(database: Path) -> None:
    with sqlite3.connect(database) as db:
        assert db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert db.execute("PRAGMA foreign_key_check").fetchall() == []
        meta = dict(db.execute("SELECT key, value FROM meta"))
        assert {"aigov_version", "schema_version", "exported_at"} <= set(meta)
        indexes = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
        assert {"obligations_topic", "citations_source", "assessments_dimension"} <= indexes


def test_the_export_holds_what_the_api_holds(database: Path) -> None:
    gov = api.open()
    frameworks = list(gov.catalog.each())
    with sqlite3.connect(database) as db:

        def count(table: str) -> int:
            return int(db.execute(f"SELECT count(*) FROM {table}").fetchone()[0])

        assert count("jurisdictions") == len(frameworks)
        assert count("instruments") == sum(len(f["instruments"]) for f in frameworks)
        assert count("obligations") == sum(len(f["obligations"]) for f in frameworks)
        assert count("sources") == sum(len(f["sources"]) for f in frameworks)
        assert count("assessments") == sum(
            1 for f in frameworks for a in f["approach"].values() if a
        )
        assert count("assessment_history") == sum(
            len(a["history"]) for f in frameworks for a in f["approach"].values() if a
        )
        japan = dict(
            db.execute("SELECT dimension, value FROM assessments WHERE jurisdiction_id = 'japan'")
        )
        assert japan == {
            d: v for d, v in gov.get("japan")["approach"].items() if v for v in [v["value"]]
        }


def test_the_readmes_example_queries(database: Path) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    listing = cli_json("list")["jurisdictions"]
    with sqlite3.connect(database) as db:
        labelling = db.execute(README_QUERIES["binding labelling duties in force"]).fetchall()
        matrix = cli_json(
            "obligations", "--topic", "content_labelling", "--strength", "binding_duty"
        )
        expected = {
            o["jurisdiction"]["id"]
            for o in matrix["obligations"]
            if o["via"] is None
            and o["applies_from"]
            and o["applies_from"] <= "2026-11-29"
            and not (o["applies_until"] and o["applies_until"] <= "2026-11-29")
        }
        assert {row[0] for row in labelling} >= expected and "china" in {
            row[0] for row in labelling
        }
        forms = {row[0]: row[1] for row in db.execute(README_QUERIES["by legal form"])}
        assert sum(forms.values()) == len(listing)
        assert forms["hard_law"] == sum(
            1 for j in listing if j["values"]["legal_form"] == "hard_law"
        )
        top = db.execute(README_QUERIES["sources cited most"]).fetchall()
        assert len(top) == 10 and top[0][3] >= top[-1][3]
    for query in README_QUERIES.values():  # the README shows these very queries
        first_line = next(line.strip() for line in query.strip().splitlines())
        assert first_line in readme


def test_the_export_refuses_to_overwrite(database: Path) -> None:
    before = database.read_bytes()
    again = invoke("export", "-o", database)
    assert again.exit_code == 2 and "already exists; use --force" in again.stderr
    assert database.read_bytes() == before
    assert invoke("export", "-o", database, "--force").exit_code == 0


def test_core_commands_import_neither_mcp_nor_sqlite3(tmp_path: Path) -> None:
    env = {**os.environ, "AIGOV_CACHE_DIR": str(tmp_path / "cache")}
    code = (
        "import sys, io, contextlib\n"
        "from aigov_cli.cli import run\n"
        "for argv in (['list'], ['compare', 'japan', 'china', '-f', 'json'], ['--help'], "
        "['obligations', 'japan', '-f', 'csv'], ['changes', '--since', '2026-01-01', '-f', 'json']):\n"
        "    with contextlib.redirect_stdout(io.StringIO()):\n"
        "        run(argv)\n"
        "print(' '.join(sorted({m.split('.')[0] for m in sys.modules})))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=True,
    )
    loaded = set(done.stdout.split())
    assert "mcp" not in loaded and "sqlite3" not in loaded and "_sqlite3" not in loaded
