"""The Python API: the data and results the CLI renders, for notebooks and scripts.

    from aigov_cli import api

    gov = api.open()                                   # built-in frameworks (+ folders)
    result = gov.compare(["japan", "china"])           # the same result the CLI renders
    api.to_data(result)["dimensions"][0]["differs"]   # the documented JSON shape
    gov.diff("japan@2024-04-01", "japan").differs      # True
    print(api.render(result, "markdown"))

Frameworks come back as validated plain data (dicts shaped like the YAML files); results
are the CLI's own result objects. Errors are `aigov_cli.errors.AigovError` subclasses
(`LoadError` carries `problems`, each with file, line, column and message).
"""

from __future__ import annotations

import json as _json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from . import analysis, compare
from .catalog import Catalog
from .errors import AigovError, LoadError, Problem
from .regime import Regime, summary_of
from .results import Comparison, Diff, Listing, SectionComparison, Showing

__all__ = [
    "AigovError",
    "Frameworks",
    "LoadError",
    "Problem",
    "open",
    "render",
    "to_data",
    "validate",
]


class Frameworks:
    """The visible jurisdictions: built-in files plus any user folders."""

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog

    def ids(self) -> list[str]:
        """Every id, sorted."""
        return self.catalog.registry.ids()

    def get(self, name: str, as_of: str | None = None) -> Regime:
        """One jurisdiction by id, alias or ID@DATE, as validated data."""
        [framework], _ = self.catalog.resolve_at([name], as_of)
        return framework

    def all(self) -> list[Regime]:
        """Every jurisdiction, by id."""
        return self.catalog.all()

    def compare(
        self,
        names: Sequence[str],
        *,
        dimensions: Sequence[str] | None = None,
        only_differences: bool = False,
        detail: bool = False,
        as_of: str | None = None,
    ) -> Comparison:
        """Side by side across dimensions (`aigov compare`)."""
        frameworks, ats = self.catalog.resolve_at(names, as_of)
        return compare.compare(
            frameworks, ats, dimensions=dimensions, only_differences=only_differences, detail=detail
        )

    def compare_section(self, names: Sequence[str], section: str) -> SectionComparison:
        """Instruments, institutions, funding or positions side by side."""
        frameworks, ats = self.catalog.resolve_at(names)
        return compare.compare_section(frameworks, ats, section)

    def diff(self, left: str, right: str, *, dimensions: Sequence[str] | None = None) -> Diff:
        """Only what differs (`aigov diff`); `.differs` says whether anything does."""
        (a, b), (at_a, at_b) = self.catalog.resolve_at([left, right])
        return compare.diff(a, b, at_a, at_b, dimensions=dimensions)

    def show(self, name: str, sections: Sequence[str] = (), as_of: str | None = None) -> Showing:
        """One jurisdiction in full (`aigov show`)."""
        [framework], [at] = self.catalog.resolve_at([name], as_of)
        return compare.show(framework, at, sections)

    def listing(self, where: Sequence[str] = ()) -> Listing:
        """Every jurisdiction, filtered by DIMENSION=VALUE clauses (`aigov list`)."""
        origins = {e.id: e.origin for e in self.catalog.registry.entries.values()}
        return compare.listing(self.catalog.summaries(), origins, compare.parse_where(where))

    def map(
        self, names: Sequence[str] = (), x: str = "legal_form", y: str = "compliance_basis"
    ) -> analysis.MapResult:
        """Jurisdictions on the plane of two ordered dimensions (`aigov map`)."""
        frameworks, ats = self.catalog.resolve_at(list(names) or self.ids())
        return analysis.plane(frameworks, ats, x, y)

    def timeline(
        self, names: Sequence[str] = (), since: str | None = None, until: str | None = None
    ) -> analysis.Timeline:
        """Dated events in order (`aigov timeline`)."""
        frameworks, _ = self.catalog.resolve_at(list(names) or self.ids())
        return analysis.timeline(frameworks, since, until)

    def sources(self, names: Sequence[str]) -> analysis.Bibliography:
        """Bibliographies with the claims citing each source (`aigov sources`)."""
        frameworks, _ = self.catalog.resolve_at(names)
        return analysis.bibliography(frameworks)

    def similar(self, name: str, top: int | None = None) -> analysis.Similarity:
        """The other regimes, nearest first (`aigov similar`)."""
        [target], [at] = self.catalog.resolve_at([name])
        return analysis.similar(summary_of(target), self.catalog.summaries(), at, top)


def open(frameworks_dirs: Sequence[str | Path] = (), *, use_cache: bool = True) -> Frameworks:
    """The built-in jurisdictions plus those in `frameworks_dirs` (and $AIGOV_FRAMEWORKS_PATH)."""
    return Frameworks(Catalog.open([Path(p) for p in frameworks_dirs], use_cache=use_cache))


def to_data(result: Any) -> dict[str, Any]:
    """A result as the CLI's JSON shape (plain dicts, lists, strings and numbers)."""
    text = render(result, "json")
    data: dict[str, Any] = _json.loads(text)
    return data


def render(result: Any, fmt: str = "markdown") -> str:
    """A result as text in a CLI format: markdown, json, csv, yaml, svg, bibtex, csl-json, html."""
    from .render import analysis_views, renderer  # noqa: F401  (registers analysis results)

    if fmt == "table":
        raise AigovError("the table format is for terminals; use the CLI or another format")
    text: str = renderer(fmt).render(result)
    return text


def validate(paths: Sequence[str | Path], *, strict: bool = False) -> list[Problem]:
    """Every problem in the files and folders given (empty when all are valid)."""
    from .checker import check, expand

    return check(expand([Path(p) for p in paths]), strict=strict).problems
