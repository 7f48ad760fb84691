"""Strings from data files are inert in every format: markup, emoji codes, escapes, bidi
controls, Markdown pipes and newlines, CSV formula prefixes."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
import yaml

from aigov_cli.cli.options import Format

from .conftest import invoke, load_fixture, write_yaml
from .test_commands import tables

HOSTILE = [
    "[red]red[/] [link=https://evil.test]x[/link] [bold]",
    ":x: :thumbs_up:",
    "esc \x1b[31mred\x1b[0m osc \x1b]8;;https://evil.test\x07link\x1b]8;;\x07 c1 \x9b31m bel \x07",
    "bidi \u202eevil\u202c \u2066iso\u2069",
    "pipe | in | cell\nnew line\r\nand *emphasis* <b>html</b> `code`",
    '=HYPERLINK("https://evil.test")',
    "+1+2",
    "-3",
    "@SUM(A1)",
]
DANGEROUS_BYTES = ["\x1b", "\x07", "\x9b", "\u202e", "\u2066"]


@pytest.fixture
def hostile_dir(tmp_path: Path) -> Path:
    data = load_fixture("alpha")
    data["name"] = HOSTILE[0]
    data["summary"] = " / ".join(HOSTILE)
    for i, dimension in enumerate(data["approach"].values()):
        dimension["rationale"] = HOSTILE[i % len(HOSTILE)]
    for i, instrument in enumerate(data["instruments"]):
        instrument["title"] = HOSTILE[(i + 5) % len(HOSTILE)]
        instrument["summary"] = HOSTILE[(i + 2) % len(HOSTILE)]
    data["positions"][0]["stance"] = HOSTILE[4]
    data["sources"][0]["title"] = HOSTILE[2]
    folder = tmp_path / "hostile"
    folder.mkdir()
    write_yaml(folder / "alpha.yaml", data)
    return folder


COMMANDS = [
    ["show", "alpha"],
    ["compare", "alpha", "japan", "--detail"],
    ["compare", "alpha", "japan", "--section", "instruments"],
    ["compare", "alpha", "japan", "--section", "positions"],
    ["diff", "alpha", "japan"],
    ["list"],
]


@pytest.mark.parametrize("args", COMMANDS, ids=lambda a: " ".join(a))
@pytest.mark.parametrize("fmt", [f.value for f in Format])
def test_hostile_strings_are_inert(hostile_dir: Path, args: list[str], fmt: str) -> None:
    result = invoke(*args, "-d", hostile_dir, "--format", fmt)
    assert result.exit_code in (0, 1), result.stderr
    out = result.stdout
    for dangerous in DANGEROUS_BYTES:
        assert dangerous not in out, (fmt, repr(dangerous))
    if fmt == "table":
        assert "[red]red[/]" in out or "[red]" in out
        assert "\u274c" not in out  # :x: was not turned into an emoji
    elif fmt == "markdown":
        for table in tables(out):
            assert len({len(row) for row in table}) == 1
        assert "<b>" not in out
    elif fmt == "csv":
        for row in csv.reader(io.StringIO(out)):
            for cell in row:
                assert not cell.startswith(("=", "+", "-", "@")), cell
    elif fmt == "json":
        text = json.dumps(json.loads(out))
        assert "[red]red[/]" in text
    else:
        assert yaml.safe_load(out)["command"] == args[0]


def test_yaml_and_json_keep_the_data_exact(hostile_dir: Path) -> None:
    from_json = json.loads(invoke("show", "alpha", "-d", hostile_dir, "-f", "json").stdout)
    from_yaml = yaml.safe_load(invoke("show", "alpha", "-d", hostile_dir, "-f", "yaml").stdout)
    assert from_json == from_yaml
    assert from_json["framework"]["summary"] == " / ".join(HOSTILE)


@pytest.mark.parametrize(
    "name",
    [
        "../../etc/passwd",
        "/etc/passwd",
        ".",
        "..",
        "",
        " ",
        "x" * 5000,
        "\x1b[31mred",
        "[red]x[/]",
        "a\nb",
        "japan/../china",
        "japan.yaml",
        "~root",
    ],
)
def test_hostile_names_are_unknown_jurisdictions(name: str) -> None:
    result = invoke("show", name)
    assert result.exit_code == 2
    assert result.stderr.startswith("aigov: unknown jurisdiction")
    assert "\x1b" not in result.stderr
    assert len(result.stderr.splitlines()) == 1
    assert "root:" not in result.stdout + result.stderr
