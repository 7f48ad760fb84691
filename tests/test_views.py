"""Views people read: Markdown as GitHub renders it, BibTeX as reference managers format it,
the SVG map without overlaps, honest time travel, layers."""

from __future__ import annotations

import io
import itertools
import json
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from typing import Any

import cmarkgfm
import pytest
from cmarkgfm.cmark import Options
from pybtex.database import parse_string
from pybtex.plugin import find_plugin

from aigov_cli import api
from aigov_cli.dimensions import DIMENSIONS

from .conftest import invoke


class _Links(HTMLParser):
    """The hrefs and the cell texts of rendered HTML."""

    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []
        self.cells: list[str] = []
        self._cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            self.hrefs += [v or "" for k, v in attrs if k == "href"]
        if tag in ("td", "th"):
            self._cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._cell is not None:
            self.cells.append("".join(self._cell))
            self._cell = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)


def github(markdown: str) -> _Links:
    """Render Markdown with cmark-gfm, GitHub's renderer, in its safe mode."""
    html = cmarkgfm.github_flavored_markdown_to_html(markdown, options=Options.CMARK_OPT_DEFAULT)
    parsed = _Links()
    parsed.feed(html)
    return parsed


def all_urls() -> set[str]:
    gov = api.open()
    return {s["url"] for f in gov.catalog.each() for s in f["sources"] if s["url"]}


MARKDOWN = [
    ["compare", "japan", "china", "eu", "--detail"],
    ["show", "japan", "--detail"],
    ["show", "european-union", "--detail"],
    ["sources", "japan", "china"],
    ["obligations", "eu", "china", "--detail", "--topic", "content_labelling"],
    ["list"],
    ["timeline", "japan"],
]


@pytest.mark.parametrize("args", MARKDOWN, ids=lambda a: " ".join(a))
def test_markdown_renders_on_github_with_working_links(args: list[str]) -> None:
    out = invoke(*args, "-f", "markdown").stdout
    rendered = github(out)
    urls = all_urls()
    assert "<br>" not in out and "<br/>" not in out
    for href in rendered.hrefs:
        assert href in urls, href  # never a backslash kept inside the link
    if "--detail" in args or args[0] == "sources":
        assert rendered.hrefs
    for cell in rendered.cells:
        # No two fields run together: a value label is followed by a space or punctuation.
        assert not re.search(r"(Hybrid|Hard law|Soft law|Mixed|Voluntary|Mandatory)[A-Z]", cell), (
            cell
        )


def test_markdown_detail_cells_read_value_since_and_rationale() -> None:
    rendered = github(invoke("compare", "japan", "china", "--detail", "-f", "markdown").stdout)
    cell = next(c for c in rendered.cells if c.startswith("Hybrid"))
    assert re.match(r"Hybrid \(since \d{4}-\d{2}-\d{2}\): \S", cell)


def _formatted(bibtex: str) -> str:
    style = find_plugin("pybtex.style.formatting", "plain")()
    backend = find_plugin("pybtex.backends", "text")()
    entries = style.format_bibliography(parse_string(bibtex, "bibtex"))
    buffer = io.StringIO()
    backend.write_to_stream(entries, buffer)
    return buffer.getvalue()


def test_bibtex_formats_under_pybtex_plain_for_every_jurisdiction() -> None:
    ids = api.open().ids()
    out = invoke("sources", *ids, "-f", "bibtex").stdout
    text = _formatted(out)
    assert "Cited by" not in text and "cited by" not in text
    assert "AI Guidelines for Business" in text  # styles keep "AI" upper case
    assert "Ai guidelines" not in text and "ai guidelines" not in text
    database = parse_string(out, "bibtex")
    assert len(database.entries) == sum(len(f["sources"]) for f in api.open().catalog.each())
    months = [e.fields.get("month") for e in database.entries.values() if e.fields.get("month")]
    assert months and all(
        m
        in [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ]
        for m in months
    )
    assert all("journal" not in e.fields for e in database.entries.values())


def _boxes(
    svg: str,
) -> tuple[
    list[tuple[str, float, float, float, float]], list[tuple[str, str, float, float, float, float]]
]:
    """The SVG's name labels and cells as (text, x0, y0, x1, y1)."""
    from aigov_cli.render.svg import CHAR, DOT, NAME_SIZE

    root = ET.fromstring(svg)
    ns = "{http://www.w3.org/2000/svg}"
    names = []
    for t in root.iter(f"{ns}text"):
        if t.get("class") == "name":
            x, y, text = float(t.get("x", 0)), float(t.get("y", 0)), t.text or ""
            names.append((text, x - DOT, y - NAME_SIZE, x + len(text) * CHAR, y + 3))
    cells = [
        (
            r.get("data-x", ""),
            r.get("data-y", ""),
            float(r.get("x", 0)),
            float(r.get("y", 0)),
            float(r.get("x", 0)) + float(r.get("width", 0)),
            float(r.get("y", 0)) + float(r.get("height", 0)),
        )
        for r in root.iter(f"{ns}rect")
        if r.get("class") == "cell"
    ]
    return names, cells


ORDERED = [d.id for d in DIMENSIONS if d.ordered]


@pytest.mark.parametrize(("x", "y"), list(itertools.permutations(ORDERED, 2))[::3])
def test_svg_map_labels_never_overlap_and_stay_in_their_cells(x: str, y: str) -> None:
    result = api.open().map(x=x, y=y)
    svg = api.render(result, "svg")
    names, cells = _boxes(svg)
    assert len([n for n in names if not n[0].startswith("+")]) == sum(
        1 for p in result.points if p.x_value and p.y_value
    )
    for (a, *box_a), (b, *box_b) in itertools.combinations(names, 2):
        overlap = (
            box_a[0] < box_b[2]
            and box_b[0] < box_a[2]
            and box_a[1] < box_b[3]
            and box_b[1] < box_a[3]
        )
        assert not overlap, (a, b)
    for text, x0, y0, x1, y1 in names:
        assert any(
            cx0 <= x0 and x1 <= cx1 and cy0 <= y0 and y1 <= cy1
            for _, _, cx0, cy0, cx1, cy1 in cells
        ), text
    width = float(ET.fromstring(svg).get("width", 0))
    assert all(x1 <= width for _, _, _, x1, _ in names)


def test_svg_axis_labels_fit_the_margin() -> None:
    from aigov_cli.render.svg import AXIS_CHAR

    svg = api.render(api.open().map(x="stakeholder_process", y="training_data_copyright"), "svg")
    root = ET.fromstring(svg)
    for t in root.iter("{http://www.w3.org/2000/svg}text"):
        if t.get("class") == "axis" and t.get("text-anchor") == "end":
            assert float(t.get("x", 0)) - len(t.text or "") * AXIS_CHAR > 30  # not clipped


# -- honest time travel ----------------------------------------------------------------------


def test_a_past_view_keeps_undated_institutions() -> None:
    result = invoke("diff", "japan@2024-04-01", "japan", "-f", "json")
    changes = json.loads(result.stdout)["changes"]
    added = [c for c in changes if c["section"] == "institutions" and c["change"] == "only_right"]
    assert not [c for c in added if "Ministry" in c["title"] or "Agency" in c["title"]]
    uk = json.loads(
        invoke("diff", "united-kingdom@2025-01-01", "united-kingdom", "-f", "json").stdout
    )
    assert not [
        c
        for c in uk["changes"]
        if c["change"] == "only_right"
        and c["title"].startswith(("Information Commissioner", "Ofcom"))
    ]


def test_a_past_view_says_nothing_written_with_hindsight() -> None:
    body = json.loads(invoke("show", "japan", "--as-of", "2024-04-01", "-f", "json").stdout)
    text = json.dumps(body)
    assert "AI Promotion Act" not in text
    framework = body["framework"]
    assert any("GENIAC" in i["name"] for i in framework["initiatives"] + framework["funding"])
    legal = framework["approach"]["legal_form"]
    assert legal["value"] == "soft_law" and legal["rationale"] is None
    assert all(s["date"] is None or s["date"] <= "2024-04-01" for s in framework["sources"])
    hindsight = json.loads(
        invoke("show", "japan", "--as-of", "2024-04-01", "--hindsight", "-f", "json").stdout
    )
    assert hindsight["hindsight"] is True and "AI Promotion Act" in json.dumps(hindsight)
    plain = invoke("show", "japan", "--as-of", "2024-04-01", "--hindsight").stdout
    assert "[today's text]" in plain


def test_past_views_of_everyone_skip_those_with_no_record_yet() -> None:
    for args in (["compare", "--all"], ["map"], ["list"], ["obligations", "--all"]):
        result = invoke(*args, "--as-of", "2020-01-01", "-f", "json")
        assert result.exit_code == 0, (args, result.stderr)
        assert "no record yet on 2020-01-01" in result.stderr
        skipped = re.search(r"left out (.*): no record", result.stderr)
        assert skipped and "colorado" in skipped.group(1)  # its first record is later
        body = json.loads(result.stdout)
        assert "colorado" in body["skipped"]


def test_the_report_title_names_its_dates(tmp_path: Any) -> None:
    target = tmp_path / "r.html"
    assert invoke("report", "japan@2024-04-01", "japan", "-o", target).exit_code == 0
    html = target.read_text()
    assert "<title>AI governance compared: Japan (2024-04-01), Japan (today)</title>" in html


# -- layers ---------------------------------------------------------------------------------


def test_a_member_state_names_its_layer() -> None:
    out = invoke("show", "italy", "--section", "summary").stdout
    assert "Sits within European Union (european-union)" in out
    body = json.loads(invoke("show", "italy", "-f", "json").stdout)
    assert body["within"] == {"id": "european-union", "name": "European Union", "at": None}


def test_compare_with_and_without_the_shared_layer() -> None:
    plain = json.loads(invoke("compare", "italy", "france", "-f", "json").stdout)
    assert [j["id"] for j in plain["jurisdictions"]] == ["italy", "france"]
    layered = json.loads(invoke("compare", "italy", "france", "--layers", "-f", "json").stdout)
    assert [j["id"] for j in layered["jurisdictions"]] == ["italy", "european-union", "france"]


def test_obligations_include_the_inherited_layer_unless_asked_not_to() -> None:
    body = json.loads(
        invoke("obligations", "italy", "--topic", "content_labelling", "-f", "json").stdout
    )
    assert any(o["via"] == "european-union" for o in body["obligations"])
    own = json.loads(
        invoke(
            "obligations", "italy", "--topic", "content_labelling", "--no-layers", "-f", "json"
        ).stdout
    )
    assert all(o["via"] is None for o in own["obligations"])


def test_streamed_json_and_yaml_hold_the_same_document() -> None:
    """compare's long lists are encoded as they are walked; every data format still sees
    every item (a lazy list read by a C encoder would come out empty)."""
    import yaml

    from aigov_cli.render import render_text
    from aigov_cli.render.data import materialized, to_data

    result = api.open().compare(["japan", "china", "eu"])
    whole = json.loads(json.dumps(materialized(to_data(result))))
    assert len(whole["jurisdictions"]) == 3 and len(whole["dimensions"]) == len(DIMENSIONS)
    assert all(len(row["values"]) == 3 for row in whole["dimensions"])
    assert json.loads(render_text(result, "json")) == whole
    assert yaml.safe_load(render_text(result, "yaml")) == whole
    assert api.to_data(result) == whole
