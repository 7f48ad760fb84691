"""The CLI's contract with people and scripts: usage mistakes read as usage, closed pipes are
quiet, only bugs say "internal error", machine formats are tidy and joinable, and the API
gives the CLI's own data."""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from aigov_cli import api

from .conftest import invoke

# (arguments, how help names the culprit)
USAGE_MISTAKES = [
    (["list", "-f", "xml"], "'--format' / '-f'"),
    (["compre", "japan", "china"], "No such command 'compre'"),
    (["show"], "Missing argument 'ID'"),
    (["diff", "japan"], "Missing argument 'B'"),
    (["compare", "--detial", "jp", "cn"], "No such option: --detial"),
    (["similar", "japan", "--top", "0"], "'--top' / '-n'"),
    (["compare", "japan"], "compare needs at least two jurisdictions"),
    (["show", "japan", "--as-of", "2024-13-01"], "--as-of '2024-13-01'"),
    (["show", "japan@yesterday"], "expected ID@YYYY-MM-DD"),
    (["compare", "jp", "cn", "--dimensions", "colour"], "unknown dimension 'colour'"),
    (["list", "--where", "legal_form"], "expected DIMENSION=VALUE"),
    (["map", "--x", "colour"], "unknown dimension 'colour'"),
    (["timeline", "--since", "2024/01/01"], "--since '2024/01/01'"),
    (["sources", "japan", "-f", "pdf"], "'--format' / '-f'"),
    (["obligations", "--topic", "labels"], "--topic 'labels'"),
    (["obligations", "--actor", "robot"], "--actor 'robot'"),
    (["validate", "--max-age", "5x"], "--max-age '5x'"),
    (["list", "--stale", "soon"], "--stale 'soon'"),
    (["show", "japan", "--section", "gossip"], "unknown section 'gossip'"),
    (["dimensions", "colour"], "unknown dimension 'colour'"),
    (["new"], "Missing argument 'ID'"),
    (["cache", "burn"], "'burn' is not one of"),
    (["report"], "Missing argument 'ID...'"),
    (["compare", "jp", "cn", "-f", "table", "-o", "x.json"], "refusing to write a terminal table"),
    (["changes"], "Missing option '--since'"),
    (["upcoming", "--today", "tomorrow"], "--today 'tomorrow'"),
    (["export"], "Missing option '--output'"),
    (["export", "-o", "x.db", "-f", "xlsx"], "'--format' / '-f'"),
    (["mcp", "--bogus"], "No such option: --bogus"),
]


@pytest.mark.parametrize(
    ("args", "named"), USAGE_MISTAKES, ids=lambda a: " ".join(a) if isinstance(a, list) else ""
)
def test_usage_mistakes_read_as_usage(args: list[str], named: str) -> None:
    result = invoke(*args)
    assert result.exit_code == 2, result.stderr
    assert "Usage: aigov" in result.stderr
    assert "Try 'aigov" in result.stderr and "-h' for help." in result.stderr
    assert named in result.stderr
    assert "internal error" not in result.stderr
    assert result.stdout == ""


def test_the_mistakes_cover_every_command() -> None:
    from aigov_cli.cli import app

    commands = {c.name or c.callback.__name__ for c in app.registered_commands if c.callback}
    mistaken = {args[0] for args, _ in USAGE_MISTAKES}
    assert commands <= mistaken | {"schema"}  # schema takes nothing to get wrong but -o


def test_a_bug_is_an_internal_error_with_exit_70(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: Any, **kwargs: Any) -> Any:
        raise ZeroDivisionError("a bug")

    monkeypatch.setattr(api.Frameworks, "compare", broken)
    result = invoke("compare", "japan", "china")
    assert result.exit_code == 70
    assert result.stderr == (
        "aigov: internal error: ZeroDivisionError: a bug (set AIGOV_DEBUG=1 for details)\n"
    )


def test_an_unknown_jurisdiction_is_trouble_not_usage() -> None:
    result = invoke("show", "atlantis")
    assert result.exit_code == 2
    assert result.stderr.startswith("aigov: unknown jurisdiction 'atlantis'")
    assert "Usage:" not in result.stderr


def test_run_works_many_times_in_one_process() -> None:
    from aigov_cli.cli import run

    outputs = []
    for argv in (
        ["dimensions", "-f", "json"],
        ["list", "-f", "json"],
        ["dimensions", "-f", "json"],
    ):
        buffer = io.StringIO()
        with contextlib.redirect_stdout(buffer):
            assert run(argv) == 0
        outputs.append(json.loads(buffer.getvalue())["command"])
    assert outputs == ["dimensions", "list", "dimensions"]


# -- closed pipes ---------------------------------------------------------------------------


def aigov_command() -> list[str]:
    """The installed console script when there is one, else the module."""
    script = Path(sys.executable).parent / "aigov"
    return [str(script)] if script.exists() else [sys.executable, "-m", "aigov_cli"]


PIPED = [
    (["list"], ["table", "markdown", "json", "csv", "yaml"]),
    (["show", "japan"], ["table", "markdown", "json", "csv", "yaml"]),
    (["compare", "--all"], ["table", "markdown", "json", "csv", "yaml"]),
    (["diff", "japan", "china"], ["table", "json", "csv"]),
    (["dimensions"], ["table", "json"]),
    (["obligations", "--all"], ["table", "markdown", "json", "csv", "yaml"]),
    (["map"], ["table", "svg", "json"]),
    (["timeline"], ["table", "markdown", "json", "csv", "yaml"]),
    (["sources", "japan", "china"], ["table", "bibtex", "csl-json", "json"]),
    (["similar", "japan"], ["table", "json"]),
    (["report", "japan", "china"], [""]),
    (["schema"], [""]),
    (["validate", "--strict"], [""]),
]
CASES = [(args, fmt) for args, formats in PIPED for fmt in formats]


@pytest.fixture(scope="module")
def warm_cache(tmp_path_factory: pytest.TempPathFactory) -> str:
    folder = str(tmp_path_factory.mktemp("pipe-cache"))
    subprocess.run(
        [*aigov_command(), "list"],
        env={**os.environ, "AIGOV_CACHE_DIR": folder},
        capture_output=True,
        check=True,
    )
    return folder


@pytest.mark.parametrize("unbuffered", [False, True], ids=["buffered", "unbuffered"])
@pytest.mark.parametrize(
    ("args", "fmt"), CASES, ids=lambda x: " ".join(x) if isinstance(x, list) else x
)
def test_a_reader_that_closes_early_gets_quiet_141(
    args: list[str], fmt: str, unbuffered: bool, warm_cache: str
) -> None:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}
    env["AIGOV_CACHE_DIR"] = warm_cache
    if unbuffered:
        env["PYTHONUNBUFFERED"] = "1"
    command = [*aigov_command(), *args, *(["-f", fmt] if fmt else [])]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    assert process.stdout is not None and process.stderr is not None
    first = process.stdout.readline()
    process.stdout.close()  # the reader goes away after one line
    code = process.wait(timeout=60)
    err = process.stderr.read()
    process.stderr.close()
    assert first
    finished = {"diff": (1,), "validate": (0, 1)}.get(args[0], (0,))  # their usual codes
    assert code in (*finished, 141)  # the usual code only if all the output fitted the pipe
    if code == 141 or args[0] != "validate":  # validate's summary line is normal output
        assert err == b"", err.decode()
    size = len(invoke(*args, *(["-f", fmt] if fmt else [])).stdout.encode())
    if size > 256 * 1024:  # far more than a pipe holds: the writer must have met the close
        assert code == 141


# -- tidy data ---------------------------------------------------------------------------------


def _csv(*args: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(invoke(*args, "-f", "csv").stdout)))


def test_list_and_compare_join_on_ids_without_a_lookup_table() -> None:
    jurisdictions = {row["id"]: row for row in _csv("list")}
    compared = _csv("compare", "--all")
    assert compared
    for row in compared:
        assert row["jurisdiction"] in jurisdictions  # ids join
        assert row["value"] == jurisdictions[row["jurisdiction"]][row["dimension"]]  # values join


def test_csv_missing_values_are_empty_cells_not_placeholders() -> None:
    rows = _csv("compare", "japan", "china", "--dimensions", "legal_form")
    assert {row["at"] for row in rows} == {""}
    text = invoke("list", "-f", "csv").stdout
    assert "'-" not in text and ",-," not in text


def _json(*args: str) -> Any:
    return json.loads(invoke(*args, "-f", "json").stdout)


REF = {"id", "name", "at"}


def test_one_jurisdiction_reference_shape_everywhere() -> None:
    """Every place a document names a jurisdiction, it is {"id", "name", "at"}."""

    def refs(node: Any, top: bool = True) -> Any:
        if isinstance(node, dict):
            for key, value in node.items():
                named = key in ("jurisdiction", "target") or (top and key in ("left", "right"))
                if named and isinstance(value, dict):
                    yield value
                yield from refs(value, top=False)
        elif isinstance(node, list):
            for item in node:
                yield from refs(item, top=False)

    documents = [
        _json("compare", "japan", "china"),
        _json("diff", "japan", "china"),
        _json("show", "japan"),
        _json("map"),
        _json("timeline", "japan"),
        _json("sources", "japan"),
        _json("similar", "japan"),
        _json("obligations", "japan"),
    ]
    for document in documents:
        found = list(refs(document))
        assert found, document["command"]
        for ref in found:
            assert set(ref) == REF, (document["command"], ref)


def test_jq_style_selections_on_documented_values() -> None:
    """What a script would write with jq, on ids the files use."""
    events = _json("timeline", "japan")["events"]
    assert [e for e in events if e["event"] == "in_force"]  # not "in force"
    compare = _json("compare", "japan", "china")
    legal = next(d for d in compare["dimensions"] if d["id"] == "legal_form")
    japan = next(v for v in legal["values"] if v["jurisdiction"]["id"] == "japan")
    listed = next(j for j in _json("list")["jurisdictions"] if j["id"] == "japan")
    assert japan["value"] == listed["values"]["legal_form"]
    obligations = _json("obligations", "--topic", "content_labelling")["obligations"]
    binding = [o for o in obligations if o["strength"] == "binding_duty"]
    assert binding and all(o["topic"] == "content_labelling" for o in binding)
    assert {"european-union", "china"} <= {o["jurisdiction"]["id"] for o in binding}
    plane = _json("map")
    x_ids = {v["id"] for v in plane["x"]["values"]}
    assert all(p["x"]["value"] in x_ids for p in plane["points"] if p["x"]["value"])
    official = [s for s in _json("sources", "japan")["sources"] if s["kind"] == "official"]
    assert official and all(s["jurisdiction"]["id"] == "japan" for s in official)
    in_force = [
        i for i in _json("show", "eu")["framework"]["instruments"] if i["status"] == "in_force"
    ]
    assert in_force
    changes = _json("diff", "japan@2024-04-01", "japan")["changes"]
    assert [c for c in changes if c["change"] == "only_right" and c["section"] == "instruments"]
    near = _json("similar", "japan", "--top", "3")["neighbours"]
    assert all(isinstance(n["distance"], float) for n in near)


def test_section_items_are_structured_records() -> None:
    items = _json("compare", "japan", "china", "--section", "instruments")["items"]
    assert all(isinstance(i["dates"], dict) and isinstance(i["binding"], bool) for i in items)


# -- one orchestration --------------------------------------------------------------------------


def test_the_api_and_the_cli_give_identical_data() -> None:
    gov = api.open()
    pairs = [
        (gov.listing(), ["list"]),
        (
            gov.listing(["legal_form=soft_law"], stats=True),
            ["list", "-w", "legal_form=soft_law", "--stats"],
        ),
        (gov.show("japan"), ["show", "japan"]),
        (gov.show("japan", as_of="2024-04-01"), ["show", "japan", "--as-of", "2024-04-01"]),
        (gov.compare(["japan", "china"], detail=True), ["compare", "japan", "china", "--detail"]),
        (gov.compare(all=True, as_of="2020-01-01"), ["compare", "--all", "--as-of", "2020-01-01"]),
        (gov.compare_section(["us", "uk"], "funding"), ["compare", "us", "uk", "-s", "funding"]),
        (gov.diff("japan", "china"), ["diff", "japan", "china"]),
        (api.dimensions(), ["dimensions"]),
        (
            gov.map(x="risk_tiering", y="enforcement"),
            ["map", "--x", "risk_tiering", "--y", "enforcement"],
        ),
        (gov.timeline(["eu"], since="2025-01-01"), ["timeline", "eu", "--since", "2025-01-01"]),
        (gov.sources(["japan"]), ["sources", "japan"]),
        (gov.sources(["japan", "eu"], summary=True), ["sources", "japan", "eu", "--summary"]),
        (gov.similar("japan", top=3), ["similar", "japan", "-n", "3"]),
        (
            gov.obligations(["eu"], topics=["content_labelling"]),
            ["obligations", "eu", "-t", "content_labelling"],
        ),
    ]
    for result, args in pairs:
        assert api.to_data(result) == _json(*args), args
    assert api.schema() == json.loads(invoke("schema").stdout)
    problems = api.validate()
    assert [str(p) for p in problems.problems] == invoke("validate").stdout.splitlines()


def test_the_api_checks_what_the_cli_checks() -> None:
    gov = api.open()
    for call in (
        lambda: gov.compare(["japan"]),
        lambda: gov.show("japan", as_of="2024-13-01"),
        lambda: gov.similar("japan", top=0),
        lambda: gov.listing(["colour=red"]),
        lambda: gov.obligations(topics=["labels"]),
    ):
        with pytest.raises(api.UsageError):
            call()
