"""Golden files pin each renderer's output for each result, on the fixture frameworks.

The results come from the API, as the CLI's do. Regenerate after an intended change:
AIGOV_UPDATE_GOLDEN=1 pytest tests/test_golden.py, and read the diff before committing.
"""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from aigov_cli.render import FORMATS, render_text

from .conftest import ROOT, fixture_api

GOLDEN = Path(__file__).parent / "golden"


@cache
def results() -> dict[str, Any]:
    gov = fixture_api()
    return {
        "compare": gov.compare(["alpha", "beta"]),
        "compare-detail": gov.compare(
            ["alpha", "beta"], detail=True, dimensions=["legal_form", "scope"]
        ),
        "compare-past": gov.compare(
            ["alpha@2024-04-01", "beta"], detail=True, dimensions=["legal_form"]
        ),
        "compare-section": gov.compare_section(["alpha", "beta"], "instruments"),
        "diff": gov.diff("alpha", "beta"),
        "diff-time": gov.diff("alpha@2024-04-01", "alpha"),
        "list": _rooted(gov.listing()),
        "show": gov.show("alpha", detail=True),
        "show-past": gov.show("alpha@2024-04-01"),
        "dimensions": gov_dimensions(),
        "map": gov.map(),
        "timeline": gov.timeline(),
        "sources": gov.sources(["alpha", "beta"]),
        "sources-summary": gov.sources(["alpha", "beta"], summary=True),
        "similar": gov.similar("alpha"),
        "obligations": gov.obligations(),
        "obligations-detail": gov.obligations(
            ["alpha", "beta"], detail=True, topics=["content_labelling"]
        ),
        "report": gov.report(["alpha", "beta"], today="2026-06-02"),
    }


def _rooted(listing: Any) -> Any:
    """The listing with this checkout's path written as <root> before it is laid out, so
    that the table wraps the same wherever the checkout is."""
    origins = {k: v.replace(str(ROOT), "<root>") for k, v in listing.origins.items()}
    return listing.replace(origins=origins)


def gov_dimensions() -> Any:
    from aigov_cli import api

    return api.dimensions()


EXTENSIONS = {
    "table": "txt",
    "markdown": "md",
    "json": "json",
    "csv": "csv",
    "yaml": "yaml",
    "svg": "svg",
    "bibtex": "bib",
    "csl-json": "csl.json",
    "html": "html",
}
DATA_FORMATS = ["table", "markdown", "json", "csv", "yaml"]
EXTRA = {"map": ["svg"], "sources": ["bibtex", "csl-json"]}
ONLY = {"report": ["html"]}
CASES = [
    (name, fmt)
    for name in sorted(results())
    for fmt in ONLY.get(name, DATA_FORMATS + EXTRA.get(name, []))
]


def test_cases_cover_every_format() -> None:
    """Every format but the feed and calendar (pinned in test_freshness) has golden files."""
    assert {fmt for _, fmt in CASES} == set(FORMATS) - {"atom", "ics"}


def rendered(name: str, fmt: str, width: int = 100) -> str:
    """A result as text (list's origins are written from <root>, see `_rooted`)."""
    return render_text(results()[name], fmt, width=width)


@pytest.mark.parametrize(("name", "fmt"), CASES)
def test_golden(name: str, fmt: str) -> None:
    text = rendered(name, fmt)
    path = GOLDEN / f"{name}.{EXTENSIONS[fmt]}"
    if os.environ.get("AIGOV_UPDATE_GOLDEN"):
        with path.open("w", encoding="utf-8", newline="") as handle:
            handle.write(text)
    assert path.exists(), f"missing golden file {path.name}; set AIGOV_UPDATE_GOLDEN=1"
    with path.open(encoding="utf-8", newline="") as handle:
        assert text == handle.read()


@pytest.mark.parametrize("name", ["show", "compare", "timeline", "obligations"])
def test_golden_at_80_columns(name: str) -> None:
    """The narrow layouts (stacked blocks, shrunk columns) are pinned too."""
    text = rendered(name, "table", 80)
    path = GOLDEN / f"{name}-80.txt"
    if os.environ.get("AIGOV_UPDATE_GOLDEN"):
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8")
    assert all(len(line) <= 80 for line in text.splitlines())
