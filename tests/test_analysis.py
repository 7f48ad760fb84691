"""map, timeline, sources, similar, time travel and new: acceptance of the analysis issue."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import bibtexparser
import pytest
import yaml

from .conftest import invoke
from .test_commands import tables


def test_map_svg_is_valid_and_labels_everyone(tmp_path: Path) -> None:
    target = tmp_path / "map.svg"
    assert invoke("map", "--format", "svg", "-o", target).exit_code == 0
    root = ET.parse(target).getroot()
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    text = " ".join(t.text or "" for t in root.iter("{http://www.w3.org/2000/svg}text"))
    names = [j["name"] for j in json.loads(invoke("list", "-f", "json").stdout)["jurisdictions"]]
    for name in names:
        assert name in text
    assert "Soft law" in text and "Process-based" in text
    raw = target.read_text()
    assert "<script" not in raw and "href" not in raw and "@import" not in raw


def test_map_terminal_lists_shared_cells() -> None:
    out = invoke("map", "japan", "taiwan", "china").stdout
    assert "Japan" in out and "Taiwan" in out and "China" in out
    body = json.loads(invoke("map", "japan", "china", "-f", "json").stdout)
    japan = next(p for p in body["points"] if p["jurisdiction"]["id"] == "japan")
    assert body["x"]["id"] == "legal_form" and body["y"]["id"] == "compliance_basis"
    assert 0.0 <= japan["x"]["position"] <= 1.0 and 0.0 <= japan["y"]["position"] <= 1.0
    assert japan["x"]["value"] in {v["id"] for v in body["x"]["values"]}


def test_map_other_axes_and_bad_axis() -> None:
    body = json.loads(
        invoke("map", "--x", "risk_tiering", "--y", "enforcement", "-f", "json").stdout
    )
    assert body["x"]["id"] == "risk_tiering"
    bad = invoke("map", "--x", "colour")
    assert bad.exit_code == 2 and "unknown dimension" in bad.stderr


def test_timeline_japan_in_date_order_2019_to_2025() -> None:
    events = json.loads(invoke("timeline", "japan", "-f", "json").stdout)["events"]
    dates = [e["date"] for e in events]
    assert dates == sorted(dates)
    assert dates[0] <= "2019-12-31" and dates[-1] >= "2025-01-01"
    assert {"adopted", "in_force", "founded"} <= {e["event"] for e in events}


def test_timeline_since_until_and_formats() -> None:
    body = json.loads(
        invoke(
            "timeline", "eu", "--since", "2025-01-01", "--until", "2025-12-31", "-f", "json"
        ).stdout
    )
    assert body["events"] and all("2025" <= e["date"] < "2026" for e in body["events"])
    for table in tables(invoke("timeline", "japan", "-f", "markdown").stdout):
        assert len({len(r) for r in table}) == 1
    assert invoke("timeline", "japan", "--since", "2024-13-01").exit_code == 2


def test_sources_bibtex_parses_and_cites_the_founding_article() -> None:
    out = invoke("sources", "japan", "china", "--format", "bibtex").stdout
    database = bibtexparser.loads(out)
    keys = [entry["ID"] for entry in database.entries]
    assert len(keys) == len(set(keys)) > 20
    titles = " ".join(entry.get("title", "") for entry in database.entries)
    assert "Japan's Strategy for Building a Robust Domestic AI Ecosystem" in titles.replace(
        "{", ""
    ).replace("}", "")
    assert any("Odendaal" in entry.get("author", "") for entry in database.entries)


def test_sources_other_formats() -> None:
    csl = json.loads(invoke("sources", "japan", "-f", "csl-json").stdout)
    assert all({"id", "type", "title"} <= set(item) for item in csl)
    body = json.loads(invoke("sources", "japan", "-f", "json").stdout)
    odendaal = next(s for s in body["sources"] if "Odendaal" in (s["author"] or ""))
    assert odendaal["cited_by"]
    assert odendaal["jurisdiction"] == {"id": "japan", "name": "Japan", "at": None}
    assert invoke("sources", "japan", "-f", "markdown").stdout.startswith("| No. |")


def test_sources_summary_without_ids_covers_every_jurisdiction() -> None:
    every = {row["id"] for row in json.loads(invoke("list", "-f", "json").stdout)["jurisdictions"]}
    body = json.loads(invoke("sources", "--summary", "-f", "json").stdout)
    assert {row["jurisdiction"]["id"] for row in body["summary"]} == every
    japan = next(row for row in body["summary"] if row["jurisdiction"]["id"] == "japan")
    assert japan["total"] == sum(japan["counts"].values()) > 0


def test_similar_ranks_nearest_first() -> None:
    body = json.loads(invoke("similar", "japan", "--top", "5", "-f", "json").stdout)
    distances = [n["distance"] for n in body["neighbours"]]
    assert len(distances) == 5 and distances == sorted(distances)
    assert "japan" not in [n["jurisdiction"]["id"] for n in body["neighbours"]]
    assert "mean absolute difference" in body["metric"]
    assert invoke("similar", "japan", "-f", "markdown").exit_code == 0


def test_time_travel_diff_and_show() -> None:
    result = invoke("diff", "japan@2024-04-01", "japan", "-f", "json")
    assert result.exit_code == 1
    body = json.loads(result.stdout)
    legal = next(d for d in body["dimensions"] if d["id"] == "legal_form")
    assert legal["left"]["value"] == "soft_law" and legal["right"]["value"] == "hybrid"
    then = json.loads(invoke("show", "japan", "--as-of", "2024-04-01", "-f", "json").stdout)
    now = json.loads(invoke("show", "japan", "-f", "json").stdout)
    ids_then = {i["id"] for i in then["framework"]["instruments"]}
    ids_now = {i["id"] for i in now["framework"]["instruments"]}
    assert ids_then < ids_now
    for instrument in then["framework"]["instruments"]:
        dates = [d for d in instrument["dates"].values() if d]
        assert min(dates) <= "2024-04-01"


def test_as_of_before_any_record_says_so() -> None:
    result = invoke("show", "japan", "--as-of", "1990-01-01")
    assert result.exit_code == 2 and "before anything the file records" in result.stderr


def test_compare_all_is_complete_in_markdown_and_csv() -> None:
    """More jurisdictions than dimensions: one row each, the ten dimensions across."""
    count = len(json.loads(invoke("list", "-f", "json").stdout)["jurisdictions"])
    [table] = tables(invoke("compare", "--all", "-f", "markdown").stdout)
    assert len(table) == count + 1  # header, then one row per jurisdiction
    assert len(table[0]) == 11 and table[0][0] == "Jurisdiction"
    assert all(cell for row in table[1:] for cell in row)  # every value present
    rows = list(csv.reader(io.StringIO(invoke("compare", "--all", "-f", "csv").stdout)))
    assert len(rows) == count * 10 + 1  # long form: one row per jurisdiction and dimension
    body = json.loads(invoke("compare", "--all", "-f", "json").stdout)
    assert len(body["jurisdictions"]) == count and len(body["dimensions"]) == 10


def test_new_skeleton_lists_what_to_fill(tmp_path: Path) -> None:
    target = tmp_path / "new-zealand.yaml"
    assert invoke("new", "new-zealand", "--name", "New Zealand", "-o", target).exit_code == 0
    data = yaml.safe_load(target.read_text())
    assert set(data["approach"]) == {
        d["id"] for d in json.loads(invoke("dimensions", "-f", "json").stdout)["dimensions"]
    }
    result = invoke("validate", target)
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert len(lines) > 30 and all("still to fill" in line for line in lines)
    assert all(line.startswith(f"{target}:") and line.split(":")[1].isdigit() for line in lines)
    again = invoke("new", "new-zealand", "--name", "NZ", "-o", target)
    assert again.exit_code == 2 and "already exists" in again.stderr
    assert invoke("new", "new-zealand", "--name", "NZ", "-o", target, "--force").exit_code == 0


@pytest.mark.parametrize("bad", ["New Zealand", "../x", ""])
def test_new_refuses_bad_ids(bad: str) -> None:
    assert invoke("new", bad, "--name", "X").exit_code == 2
