"""Golden files pin each renderer's output for each result, on the fixture frameworks.

Regenerate after an intended change: AIGOV_UPDATE_GOLDEN=1 pytest tests/test_golden.py
"""

from __future__ import annotations

import io
import os
from pathlib import Path
from typing import Any

import pytest

from aigov_cli import analysis, compare
from aigov_cli.catalog import Catalog
from aigov_cli.output import make_console
from aigov_cli.regime import summary_of
from aigov_cli.registry import discover
from aigov_cli.render import FORMATS, analysis_views, renderer  # noqa: F401
from aigov_cli.timetravel import snapshot

from .conftest import FIXTURE_FRAMEWORKS

GOLDEN = Path(__file__).parent / "golden"


def results() -> dict[str, Any]:
    catalog = Catalog(discover([FIXTURE_FRAMEWORKS], include_builtin=False), use_cache=False)
    alpha, _ = catalog.resolve("alpha")
    beta, _ = catalog.resolve("beta")
    return {
        "compare": compare.compare([alpha, beta], [None, None]),
        "compare-detail": compare.compare(
            [alpha, beta], [None, None], detail=True, dimensions=["legal_form", "scope"]
        ),
        "compare-section": compare.compare_section([alpha, beta], [None, None], "instruments"),
        "diff": compare.diff(alpha, beta),
        "diff-time": compare.diff(snapshot(alpha, "2024-04-01"), alpha, "2024-04-01", None),
        "list": compare.listing(
            [summary_of(alpha), summary_of(beta)], {"alpha": "built-in", "beta": "built-in"}
        ),
        "show": compare.show(alpha),
        "dimensions": compare.dimensions_list(),
        "map": analysis.plane([alpha, beta], [None, None]),
        "timeline": analysis.timeline([alpha, beta]),
        "sources": analysis.bibliography([alpha, beta]),
        "similar": analysis.similar(summary_of(alpha), [summary_of(alpha), summary_of(beta)]),
    }


def rendered(result: Any, fmt: str) -> str:
    out = renderer(fmt).render(result)
    if isinstance(out, str):
        return out
    buffer = io.StringIO()
    make_console("never", buffer, width=100).print(out)
    return buffer.getvalue()


EXTENSIONS = {
    "table": "txt",
    "markdown": "md",
    "json": "json",
    "csv": "csv",
    "yaml": "yaml",
    "svg": "svg",
    "bibtex": "bib",
    "csl-json": "csl.json",
}
DATA_FORMATS = ["table", "markdown", "json", "csv", "yaml"]
EXTRA = {"map": ["svg"], "sources": ["bibtex", "csl-json"]}
CASES = [(name, fmt) for name in sorted(results()) for fmt in DATA_FORMATS + EXTRA.get(name, [])]


def test_cases_cover_every_format() -> None:
    assert {fmt for _, fmt in CASES} == set(FORMATS) - {"html"}


@pytest.mark.parametrize(("name", "fmt"), CASES)
def test_golden(name: str, fmt: str) -> None:
    text = rendered(results()[name], fmt)
    path = GOLDEN / f"{name}.{EXTENSIONS[fmt]}"
    if os.environ.get("AIGOV_UPDATE_GOLDEN"):
        with path.open("w", encoding="utf-8", newline="") as handle:
            handle.write(text)
    assert path.exists(), f"missing golden file {path.name}; set AIGOV_UPDATE_GOLDEN=1"
    with path.open(encoding="utf-8", newline="") as handle:
        assert text == handle.read()
