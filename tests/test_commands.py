"""list, show, compare, diff, dimensions: every format parses; exit codes as documented."""

from __future__ import annotations

import csv
import io
import json

import pytest
import yaml
from markdown_it import MarkdownIt

from aigov_cli.cli.shared import Format
from aigov_cli.render import FORMATS, renderer

from .conftest import invoke

COMMANDS = [
    ["list"],
    ["show", "japan"],
    ["compare", "japan", "china"],
    ["compare", "japan", "china", "eu", "--detail"],
    ["compare", "us", "uk", "--section", "instruments"],
    ["compare", "--all", "--dimensions", "legal_form,compliance_basis"],
    ["diff", "japan", "china"],
    ["dimensions"],
]


def tables(markdown: str) -> list[list[list[str]]]:
    """Every table in GFM text, as rows of cell texts (via a real GFM parser)."""
    tokens = MarkdownIt("commonmark").enable("table").parse(markdown)
    found: list[list[list[str]]] = []
    row: list[str] | None = None
    for token in tokens:
        if token.type == "table_open":
            found.append([])
        elif token.type == "tr_open":
            row = []
        elif token.type == "inline" and row is not None:
            row.append(token.content)
        elif token.type == "tr_close" and row is not None:
            found[-1].append(row)
            row = None
    return found


@pytest.mark.parametrize("args", COMMANDS, ids=lambda a: " ".join(a))
@pytest.mark.parametrize("fmt", [f.value for f in Format])
def test_every_command_in_every_format(args: list[str], fmt: str) -> None:
    result = invoke(*args, "--format", fmt)
    assert result.exit_code == (1 if args[0] == "diff" else 0), result.stderr
    out = result.stdout
    assert out.strip()
    if fmt == "json":
        assert json.loads(out)["command"] == args[0]
    elif fmt == "yaml":
        assert yaml.safe_load(out)["command"] == args[0]
    elif fmt == "csv":
        rows = list(csv.reader(io.StringIO(out)))
        assert len(rows) > 1 and len({len(r) for r in rows}) == 1
    elif fmt == "markdown":
        found = tables(out)
        assert found
        for table in found:
            assert len({len(r) for r in table}) == 1
    else:
        assert "\x1b" not in out


def test_every_format_has_a_renderer_for_every_result() -> None:
    from aigov_cli import analysis, compare
    from aigov_cli.catalog import Catalog
    from aigov_cli.cli.analysis import MapFormat, SourcesFormat
    from aigov_cli.regime import summary_of
    from aigov_cli.render import analysis_views  # noqa: F401

    catalog = Catalog.open()
    japan, _ = catalog.resolve("japan")
    china, _ = catalog.resolve("china")
    pair, dates = [japan, china], [None, None]
    cases = [
        (compare.compare(pair, dates), Format),
        (compare.compare_section(pair, dates, "positions"), Format),
        (compare.diff(japan, china), Format),
        (compare.listing([summary_of(japan)], {}), Format),
        (compare.show(japan), Format),
        (compare.dimensions_list(), Format),
        (analysis.plane(pair, dates), MapFormat),
        (analysis.timeline(pair), Format),
        (analysis.bibliography(pair), SourcesFormat),
        (analysis.similar(summary_of(japan), [summary_of(f) for f in pair]), Format),
    ]
    offered = {f.value for _, formats in cases for f in formats}
    assert offered <= set(FORMATS)
    for result, formats in cases:
        for fmt in formats:
            assert renderer(fmt.value).render(result), (type(result).__name__, fmt)


def test_diff_exit_codes() -> None:
    assert invoke("diff", "japan", "china").exit_code == 1
    same = invoke("diff", "japan", "japan")
    assert same.exit_code == 0
    assert same.stderr == "aigov: no differences\n"


def test_diff_json_shape() -> None:
    body = json.loads(invoke("diff", "japan", "china", "--format", "json").stdout)
    assert set(body) == {
        "command",
        "left",
        "right",
        "differs",
        "dimensions",
        "instruments",
        "institutions",
        "positions",
    }
    assert body["left"]["id"] == "japan" and body["differs"] is True
    legal = next(d for d in body["dimensions"] if d["id"] == "legal_form")
    assert legal["left"]["value"] != legal["right"]["value"]
    assert {c["change"] for c in body["instruments"]} <= {"only_left", "only_right", "changed"}


def test_diff_mirrors() -> None:
    ab = json.loads(invoke("diff", "japan", "china", "-f", "json").stdout)
    ba = json.loads(invoke("diff", "china", "japan", "-f", "json").stdout)
    assert [d["left"] for d in ab["dimensions"]] == [d["right"] for d in ba["dimensions"]]
    swap = {"only_left": "only_right", "only_right": "only_left", "changed": "changed"}
    assert sorted((swap[c["change"]], c["key"]) for c in ab["instruments"]) == sorted(
        (c["change"], c["key"]) for c in ba["instruments"]
    )


def test_unknown_jurisdiction_suggests() -> None:
    result = invoke("show", "japn")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith("aigov: unknown jurisdiction 'japn'; did you mean japan")


@pytest.mark.parametrize("alias", ["JP", "jpn", "Japan", "nippon"])
def test_aliases_are_case_insensitive(alias: str) -> None:
    body = json.loads(invoke("show", alias, "--format", "json").stdout)
    assert body["jurisdiction"]["id"] == "japan"


def test_compare_json_shape() -> None:
    body = json.loads(invoke("compare", "jp", "cn", "--format", "json").stdout)
    assert set(body) == {"command", "jurisdictions", "dimensions", "sources"}
    assert [j["id"] for j in body["jurisdictions"]] == ["japan", "china"]
    assert len(body["dimensions"]) == 10
    row = body["dimensions"][0]
    assert set(row) == {"id", "label", "question", "differs", "values"}
    assert set(row["values"]) == {"japan", "china"}
    assert set(row["values"]["japan"]) == {"value", "label", "rationale", "sources", "since"}


def test_compare_options() -> None:
    body = json.loads(
        invoke(
            "compare",
            "jp",
            "cn",
            "-f",
            "json",
            "--only-differences",
            "--dimensions",
            "legal_form,risk_tiering",
        ).stdout
    )
    assert [d["id"] for d in body["dimensions"]] == ["legal_form"]
    assert invoke("compare", "jp").exit_code == 2
    bad = invoke("compare", "jp", "cn", "--dimensions", "colour")
    assert bad.exit_code == 2 and "unknown dimension 'colour'" in bad.stderr


def test_compare_detail_markdown_has_numbered_sources() -> None:
    out = invoke("compare", "jp", "cn", "--detail", "--format", "markdown").stdout
    assert "\\[1" in out
    assert "\n1. japan: " in out


def test_list_where_filters() -> None:
    body = json.loads(invoke("list", "--where", "legal_form=soft_law", "-f", "json").stdout)
    ids = {j["id"] for j in body["jurisdictions"]}
    assert "oecd" in ids and "china" not in ids
    assert all(j["legal_form"] == "soft_law" for j in body["jurisdictions"])
    bad = invoke("list", "--where", "legal_form=soft")
    assert bad.exit_code == 2 and "legal_form takes soft_law, hybrid, hard_law" in bad.stderr


def test_list_shows_origin(fixture_dir) -> None:  # type: ignore[no-untyped-def]
    body = json.loads(invoke("list", "-d", fixture_dir, "-f", "json").stdout)
    origins = {j["id"]: j["origin"] for j in body["jurisdictions"]}
    assert origins["alpha"] == str(fixture_dir / "alpha.yaml")
    assert origins["japan"] == "built-in"


def test_user_file_replaces_builtin(fixture_dir) -> None:  # type: ignore[no-untyped-def]
    (fixture_dir / "alpha.yaml").rename(fixture_dir / "japan.yaml")
    text = (fixture_dir / "japan.yaml").read_text().replace("\nid: alpha\n", "\nid: japan\n")
    (fixture_dir / "japan.yaml").write_text(text)
    body = json.loads(invoke("show", "japan", "-d", fixture_dir, "-f", "json").stdout)
    assert body["jurisdiction"]["name"] == "Alphaland"


def test_env_path_adds_folders(fixture_dir, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("AIGOV_FRAMEWORKS_PATH", str(fixture_dir))
    assert invoke("show", "alpha", "-f", "json").exit_code == 0


def test_show_sections() -> None:
    body = json.loads(invoke("show", "eu", "--section", "instruments", "-f", "json").stdout)
    assert set(body["jurisdiction"]) == {"id", "name", "kind", "as_of", "aliases", "instruments"}
    bad = invoke("show", "eu", "--section", "gossip")
    assert bad.exit_code == 2


def test_dimensions_json_lists_vocabularies() -> None:
    body = json.loads(invoke("dimensions", "-f", "json").stdout)
    legal = body["dimensions"][0]
    assert legal["id"] == "legal_form"
    assert [v["id"] for v in legal["values"]] == ["soft_law", "hybrid", "hard_law"]


def test_output_file_is_written_atomically(tmp_path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "out").mkdir()
    target = tmp_path / "out" / "out.json"
    result = invoke("compare", "jp", "cn", "-f", "json", "-o", target)
    assert result.exit_code == 0 and result.stdout == ""
    assert json.loads(target.read_text())["command"] == "compare"
    assert [p.name for p in target.parent.iterdir()] == ["out.json"]


def test_output_never_overwrites_an_input(fixture_dir) -> None:  # type: ignore[no-untyped-def]
    target = fixture_dir / "alpha.yaml"
    before = target.read_text()
    result = invoke("list", "-d", fixture_dir, "-o", target)
    assert result.exit_code == 2
    assert "refusing to overwrite an input framework file" in result.stderr
    assert target.read_text() == before


def test_output_to_missing_folder(tmp_path) -> None:  # type: ignore[no-untyped-def]
    result = invoke("list", "-o", tmp_path / "no" / "out.txt")
    assert result.exit_code == 2 and "does not exist" in result.stderr


@pytest.mark.parametrize("names", [["japan", "china", "eu"], ["japan", "china", "eu", "us", "uk"]])
def test_table_fits_80_columns_without_cutting(
    names: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    out = invoke("compare", *names).stdout
    lines = out.splitlines()
    assert max(len(line) for line in lines) <= 80
    assert lines[-1].startswith("└") and lines[-1].endswith("┘")
    words = set(out.split())
    for word in ("Legal", "Scope", "Japan", "China", "Hybrid", "Mixed"):  # short enough not to fold
        assert word in words
