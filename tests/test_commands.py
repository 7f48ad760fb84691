"""list, show, compare, diff, dimensions: every format parses; shapes and exit codes as documented."""

from __future__ import annotations

import csv
import io
import json

import pytest
import yaml
from markdown_it import MarkdownIt

from aigov_cli.cli.options import Format

from .conftest import invoke

COMMANDS = [
    ["list"],
    ["list", "--stats"],
    ["show", "japan"],
    ["compare", "japan", "china"],
    ["compare", "japan", "china", "eu", "--detail"],
    ["compare", "us", "uk", "--section", "instruments"],
    ["compare", "--all", "--dimensions", "legal_form,compliance_basis"],
    ["diff", "japan", "china"],
    ["diff", "japan@2024-04-01", "japan"],
    ["dimensions"],
    ["obligations", "japan", "china"],
    ["map"],
    ["timeline", "japan"],
    ["sources", "japan"],
    ["similar", "japan"],
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
        body = json.loads(out)
        assert body["command"] == args[0] and body["format_version"] == 2
    elif fmt == "yaml":
        assert yaml.safe_load(out)["command"] == args[0]
    elif fmt == "csv":
        rows = list(csv.reader(io.StringIO(out)))
        assert len(rows) > 1 and len({len(r) for r in rows}) == 1
        assert all(h == h.lower() and " " not in h for h in rows[0])  # snake_case names
    elif fmt == "markdown":
        found = tables(out)
        assert found
        for table in found:
            assert len({len(r) for r in table}) == 1
    else:
        assert "\x1b" not in out


def test_diff_exit_codes() -> None:
    assert invoke("diff", "japan", "china").exit_code == 1
    same = invoke("diff", "japan", "japan")
    assert same.exit_code == 0
    assert same.stderr == "aigov: no differences\n"


def test_diff_json_shape() -> None:
    body = json.loads(invoke("diff", "japan", "china", "--format", "json").stdout)
    assert set(body) == {
        "format_version",
        "command",
        "left",
        "right",
        "differs",
        "dimensions",
        "changes",
        "counts",
    }
    assert body["left"] == {"id": "japan", "name": "Japan", "at": None}
    assert body["differs"] is True
    legal = next(d for d in body["dimensions"] if d["id"] == "legal_form")
    assert legal["left"]["value"] != legal["right"]["value"]
    assert {c["change"] for c in body["changes"]} <= {"only_left", "only_right", "changed", "pair"}
    assert {c["section"] for c in body["counts"]} == {"instruments", "institutions"}


def test_diff_across_two_jurisdictions_leads_with_dimensions_and_counts() -> None:
    out = invoke("diff", "japan", "china").stdout
    assert out.index("Dimensions") < out.index("Instruments by type")
    assert "Obligations that differ" in out
    full = invoke("diff", "japan", "china", "--section", "instruments").stdout
    assert "only in Japan" in full and "only in China" in full
    # By default the instruments are counted, not listed one by one.
    titles = [
        c["title"]
        for c in json.loads(
            invoke("diff", "japan", "china", "-s", "instruments", "-f", "json").stdout
        )["changes"]
    ]
    assert sum(t in out for t in titles) < len(titles) // 4


def test_diff_mirrors() -> None:
    ab = json.loads(invoke("diff", "japan", "china", "-f", "json", "-s", "instruments").stdout)
    ba = json.loads(invoke("diff", "china", "japan", "-f", "json", "-s", "instruments").stdout)

    def value(cell: dict) -> tuple:  # type: ignore[type-arg]
        return (cell["value"], cell["since"], cell["rationale"])  # marks number each result anew

    assert [value(d["left"]) for d in ab["dimensions"]] == [
        value(d["right"]) for d in ba["dimensions"]
    ]
    swap = {"only_left": "only_right", "only_right": "only_left", "changed": "changed"}
    assert sorted((swap[c["change"]], c["id"]) for c in ab["changes"]) == sorted(
        (c["change"], c["id"]) for c in ba["changes"]
    )


def test_same_jurisdiction_diff_speaks_of_since() -> None:
    out = invoke("diff", "japan@2024-04-01", "japan").stdout
    assert "added since 2024-04-01" in out
    assert "only in" not in out


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
    assert set(body) == {
        "format_version",
        "command",
        "jurisdictions",
        "dimensions",
        "sources",
        "skipped",
    }
    assert body["jurisdictions"] == [
        {"id": "japan", "name": "Japan", "at": None},
        {"id": "china", "name": "China", "at": None},
    ]
    assert len(body["dimensions"]) == 10
    row = body["dimensions"][0]
    assert set(row) == {"id", "label", "question", "differs", "values"}
    assert [v["jurisdiction"]["id"] for v in row["values"]] == ["japan", "china"]
    assert set(row["values"][0]) == {
        "jurisdiction",
        "value",
        "label",
        "since",
        "rule",
        "rationale",
        "sources",
        "marks",
    }


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
            "legal_form,state_role",
        ).stdout
    )
    assert {d["id"] for d in body["dimensions"]} <= {"legal_form", "state_role"}
    bad = invoke("compare", "jp", "cn", "--dimensions", "colour")
    assert bad.exit_code == 2 and "unknown dimension 'colour'" in bad.stderr


def test_compare_section_items_are_records() -> None:
    body = json.loads(
        invoke("compare", "jp", "cn", "--section", "instruments", "-f", "json").stdout
    )
    item = body["items"][0]
    assert {"jurisdiction", "group", "id", "title", "type", "status", "binding", "dates"} <= set(
        item
    )
    assert isinstance(item["binding"], bool)
    funding = json.loads(invoke("compare", "jp", "cn", "-s", "funding", "-f", "json").stdout)
    assert all(isinstance(i["amount"], int | float) for i in funding["items"])


def test_compare_detail_markdown_has_numbered_linked_sources() -> None:
    out = invoke("compare", "jp", "cn", "--detail", "--format", "markdown").stdout
    assert "**Hybrid** (since " in out and "<br>" not in out
    assert "- \\[1\\] [" in out and "](<https://" in out


def test_list_where_filters() -> None:
    body = json.loads(invoke("list", "--where", "legal_form=soft_law", "-f", "json").stdout)
    ids = {j["id"] for j in body["jurisdictions"]}
    assert "oecd" in ids and "china" not in ids
    assert all(j["values"]["legal_form"] == "soft_law" for j in body["jurisdictions"])
    bad = invoke("list", "--where", "legal_form=soft")
    assert bad.exit_code == 2 and "legal_form takes soft_law, hybrid, hard_law" in bad.stderr


def test_list_shows_origin(fixture_dir) -> None:  # type: ignore[no-untyped-def]
    body = json.loads(invoke("list", "-d", fixture_dir, "-f", "json").stdout)
    origins = {j["id"]: j["origin"] for j in body["jurisdictions"]}
    assert origins["alpha"] == str(fixture_dir / "alpha.yaml")
    assert origins["japan"] == "built-in"
    assert "Origin" in invoke("list", "-d", fixture_dir).stdout


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
    assert set(body["framework"]) == {
        "id",
        "name",
        "kind",
        "within",
        "as_of",
        "aliases",
        "instruments",
    }
    bad = invoke("show", "eu", "--section", "gossip")
    assert bad.exit_code == 2 and "unknown section 'gossip'" in bad.stderr


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


@pytest.mark.parametrize(
    ("name", "parse"),
    [
        ("out.json", json.loads),
        ("out.csv", lambda t: list(csv.reader(io.StringIO(t)))),
        ("out.yaml", yaml.safe_load),
        ("out.md", tables),
    ],
)
def test_output_format_follows_the_extension(tmp_path, name, parse) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / name
    assert invoke("compare", "jp", "cn", "-o", target).exit_code == 0
    assert parse(target.read_text())


def test_a_table_is_refused_into_a_data_file(tmp_path) -> None:  # type: ignore[no-untyped-def]
    result = invoke("compare", "jp", "cn", "-f", "table", "-o", tmp_path / "x.json")
    assert result.exit_code == 2
    assert "refusing to write a terminal table into a .json file" in result.stderr
    assert not (tmp_path / "x.json").exists()


def test_output_never_overwrites_an_input(fixture_dir) -> None:  # type: ignore[no-untyped-def]
    target = fixture_dir / "alpha.yaml"
    before = target.read_text()
    result = invoke("list", "-d", fixture_dir, "-f", "yaml", "-o", target)
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
    # No word that fits a column is split: every label printed appears whole.
    words = {w.strip("│┃≠ ,.;:()") for w in out.split()}
    for word in ("Hybrid", "Mixed", "Technology-specific", "Multi-stakeholder", "Horizontal"):
        assert word in words or word not in out.replace("\n", "").replace("│", "")
