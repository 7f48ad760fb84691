"""The Python API, and the one orchestration under the CLI: resolve, time-travel, compute.

    from aigov_cli import api

    gov = api.open()                                    # built-in frameworks (+ folders)
    result = gov.compare(["japan", "china"])            # the result the CLI renders
    api.to_data(result)["dimensions"][0]["differs"]    # the documented JSON shape
    gov.diff("japan@2024-04-01", "japan").differs       # True
    print(api.render(result, "markdown"))

Every CLI command is a method here (or a module function for those that need no data),
with the same defaults and the same checks; the CLI only parses arguments, calls it,
renders and writes. Errors are `aigov_cli.errors.AigovError` subclasses: `UsageError` for
a bad argument, `LoadError` (with `problems`, each with file, line, column and message)
for a file that cannot be loaded.
"""

from __future__ import annotations

import datetime as dt
import json as _json
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import analysis
from . import compare as _compare
from . import obligations as _obligations
from .catalog import Catalog
from .dimensions import DEFAULT_MAP_AXES
from .errors import AigovError, LoadError, Problem, UsageError
from .freshness import cutoff, freshness, horizon, parse_date
from .regime import COMPARE_SECTIONS, Regime, summary_of
from .results import Comparison, Diff, DimensionsList, Listing, SectionComparison, Showing
from .timetravel import NoRecordYet, check_when, snapshot

if TYPE_CHECKING:
    from .changes import Changes, Upcoming
    from .checker import Validation
    from .plain import Summary

__all__ = [
    "AigovError",
    "Frameworks",
    "LoadError",
    "Problem",
    "UsageError",
    "dimensions",
    "open",
    "render",
    "schema",
    "skeleton",
    "to_data",
    "validate",
]

Pair = tuple[Regime, str | None]


def _today(today: str | dt.date | None) -> dt.date:
    if isinstance(today, dt.date):
        return today
    if today is None:
        return dt.date.today()
    checked = parse_date(today, "--today")
    assert checked is not None
    return dt.date.fromisoformat(checked)


class Frameworks:
    """The visible jurisdictions (built-in files plus user folders) and every command."""

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self.warnings: list[str] = [f"warning: {w}" for w in catalog.registry.warnings]

    # -- resolving names and dates -----------------------------------------------------------

    def ids(self) -> list[str]:
        """Every id, sorted."""
        return self.catalog.registry.ids()

    def get(self, name: str, as_of: str | None = None, *, hindsight: bool = False) -> Regime:
        """One jurisdiction by id, alias or ID@DATE, as validated (past) data."""
        [(framework, _)], _ = self._resolve([name], as_of, hindsight=hindsight)
        return framework

    def _resolve(
        self,
        names: Sequence[str],
        as_of: str | None,
        *,
        skip_missing: bool = False,
        hindsight: bool = False,
    ) -> tuple[list[Pair], list[str]]:
        """Each name (ID or ID@DATE) as it stood on its date; with `skip_missing`, those
        with no record yet are left out and named instead of failing the whole command."""
        as_of = parse_date(as_of, "--as-of")
        pairs, skipped = [], []
        for name in names:
            framework, at = self.catalog.resolve(name)
            at = at or as_of
            try:
                check_when(framework, at)
            except NoRecordYet:
                if not skip_missing:
                    raise
                skipped.append(framework["id"])
                continue
            pairs.append((snapshot(framework, at, hindsight=hindsight), at))
        return pairs, skipped

    def _all_at(
        self, as_of: str | None, *, hindsight: bool = False
    ) -> tuple[Iterator[Pair], list[str]]:
        """Every jurisdiction on a date, one at a time, and the list of those skipped for
        having no record yet (filled as the frameworks are read), so that commands over
        many files hold one file's data at a time."""
        as_of = parse_date(as_of, "--as-of")
        skipped: list[str] = []

        def dated() -> Iterator[Pair]:
            for framework in self.catalog.each():
                try:
                    check_when(framework, as_of)
                except NoRecordYet:
                    skipped.append(framework["id"])
                    continue
                yield snapshot(framework, as_of, hindsight=hindsight), as_of

        return dated(), skipped

    def _chosen(
        self, names: Sequence[str], as_of: str | None, *, hindsight: bool = False
    ) -> tuple[Iterable[Pair], list[str]]:
        """Named jurisdictions, or all of them (skipping those with no record) when none."""
        if names:
            return self._resolve(names, as_of, skip_missing=as_of is not None, hindsight=hindsight)
        return self._all_at(as_of, hindsight=hindsight)

    # -- the commands ----------------------------------------------------------------------

    def listing(
        self,
        where: Sequence[str] = (),
        *,
        as_of: str | None = None,
        stats: bool = False,
        stale: str | None = None,
        today: str | dt.date | None = None,
    ) -> Listing:
        """Every jurisdiction, filtered by DIMENSION=VALUE clauses (`aigov list`);
        `stale` (a duration such as 90d) keeps those with claims checked before then."""
        pairs = _compare.parse_where(where)
        as_of = parse_date(as_of, "--as-of")
        threshold = cutoff(stale, _today(today), "--stale") if stale else None
        skipped: list[str] = []
        summaries: list[Summary]
        if as_of is None:
            summaries = self.catalog.summaries()
        else:
            dated, skipped = self._all_at(as_of)
            summaries = [summary_of(f) for f, _ in dated]
        if threshold:
            summaries = [s for s in summaries if s["oldest_verified"] < threshold]
        origins = {e.id: e.origin for e in self.catalog.registry.entries.values()}
        return _compare.listing(
            summaries,
            origins,
            pairs,
            stats=stats,
            at=as_of,
            stale=threshold,
            skipped=tuple(skipped),
        )

    def show(
        self,
        name: str,
        sections: Sequence[str] = (),
        *,
        as_of: str | None = None,
        detail: bool = False,
        hindsight: bool = False,
        max_age: str | None = None,
        today: str | dt.date | None = None,
    ) -> Showing:
        """One jurisdiction in full (`aigov show`)."""
        sections = _compare.check_sections(sections)
        [(framework, at)], _ = self._resolve([name], as_of, hindsight=hindsight)
        layer = None
        if framework.get("within") and framework["within"] in self.catalog.registry.entries:
            parent = self.catalog.load(self.catalog.registry.entries[framework["within"]])
            layer = _compare.ref(parent)
        threshold = cutoff(max_age, _today(today)) if max_age else None
        current, _ = self.catalog.resolve(name)
        return _compare.show(
            framework,
            at,
            sections,
            detail=detail,
            hindsight=hindsight and at is not None,
            layer=layer,
            freshness=freshness(current, threshold),
        )

    def compare(
        self,
        names: Sequence[str] = (),
        *,
        all: bool = False,
        dimensions: Sequence[str] | None = None,
        only_differences: bool = False,
        detail: bool = False,
        as_of: str | None = None,
        layers: bool = False,
        hindsight: bool = False,
    ) -> Comparison:
        """Side by side across dimensions (`aigov compare`); needs two or more jurisdictions
        or `all`. `layers` adds the regimes the named ones sit within."""
        _compare.pick_dimensions(dimensions)
        pairs: Iterable[Pair]
        if all:
            pairs, skipped = self._all_at(as_of, hindsight=hindsight)
        else:
            if len(names) < 2:
                raise UsageError("compare needs at least two jurisdictions (or --all)")
            pairs, skipped = self._resolve(
                self._with_layers(names) if layers else names, as_of, hindsight=hindsight
            )
        return _compare.compare(
            pairs,
            dimensions=dimensions,
            only_differences=only_differences,
            detail=detail,
            skipped=skipped,
            hindsight=hindsight,
        )

    def _with_layers(self, names: Sequence[str]) -> list[str]:
        """The names, each followed by the layer it sits within (once, keeping its date)."""
        result: list[str] = []
        for name in names:
            result.append(name)
            framework, at = self.catalog.resolve(name)
            parent = framework.get("within")
            if parent and parent in self.catalog.registry.entries:
                layer = f"{parent}@{at}" if at else parent
                if layer not in result and parent not in names:
                    result.append(layer)
        return result

    def compare_section(
        self,
        names: Sequence[str] = (),
        section: str = "instruments",
        *,
        all: bool = False,
        as_of: str | None = None,
    ) -> SectionComparison:
        """Instruments, institutions, funding, positions or obligations side by side."""
        _compare.check_section(section, COMPARE_SECTIONS)
        if not all and len(names) < 2:
            raise UsageError("compare needs at least two jurisdictions (or --all)")
        pairs, _ = self._all_at(as_of) if all else self._resolve(names, as_of)
        return _compare.compare_section(list(pairs), section)

    def diff(
        self,
        left: str,
        right: str,
        *,
        dimensions: Sequence[str] | None = None,
        section: str | None = None,
    ) -> Diff:
        """Only what differs (`aigov diff`); `.differs` says whether anything does."""
        [(a, at_a), (b, at_b)], _ = self._resolve([left, right], None)
        return _compare.diff(a, b, at_a, at_b, dimensions=dimensions, section=section)

    def map(
        self,
        names: Sequence[str] = (),
        *,
        x: str | None = None,
        y: str | None = None,
        as_of: str | None = None,
    ) -> analysis.MapResult:
        """Jurisdictions on the plane of two ordered dimensions (`aigov map`)."""
        x, y = x or DEFAULT_MAP_AXES[0], y or DEFAULT_MAP_AXES[1]
        _compare.pick_dimensions([x, y])
        pairs, skipped = self._chosen(names, as_of)
        return analysis.plane(pairs, x, y, skipped)

    def timeline(
        self, names: Sequence[str] = (), *, since: str | None = None, until: str | None = None
    ) -> analysis.Timeline:
        """Dated events in order (`aigov timeline`)."""
        since, until = parse_date(since, "--since"), parse_date(until, "--until")
        frameworks = [f for f, _ in self._resolve(names, None)[0]] if names else self.catalog.each()
        return analysis.timeline(frameworks, since, until)

    def sources(self, names: Sequence[str], *, summary: bool = False) -> analysis.Bibliography:
        """Bibliographies with the claims citing each source (`aigov sources`); every
        jurisdiction when `names` is empty."""
        pairs, _ = self._chosen(names, None)
        return analysis.bibliography((f for f, _ in pairs), summary=summary)

    def similar(self, name: str, *, top: int | None = None) -> analysis.Similarity:
        """The other regimes, nearest first (`aigov similar`)."""
        if top is not None and top < 1:
            raise UsageError(f"--top {top}: expected 1 or more")
        [(target, at)], _ = self._resolve([name], None)
        return analysis.similar(summary_of(target), self.catalog.summaries(), at, top)

    def obligations(
        self,
        names: Sequence[str] = (),
        *,
        topics: Sequence[str] = (),
        actors: Sequence[str] = (),
        strengths: Sequence[str] = (),
        as_of: str | None = None,
        detail: bool = False,
        layers: bool = True,
    ) -> _obligations.Matrix:
        """Topics x jurisdictions: what each regime requires (`aigov obligations`); with
        `layers`, a member's column includes what it inherits from the layer above."""
        pairs, skipped = self._chosen(names, as_of)

        def with_layer(framework: Regime, at: str | None) -> Regime | None:
            parent = framework.get("within") if layers else None
            if not parent or parent not in self.catalog.registry.entries or parent in names:
                return None
            return snapshot(self.catalog.load(self.catalog.registry.entries[parent]), at)

        triples = ((framework, at, with_layer(framework, at)) for framework, at in pairs)
        return _obligations.matrix(
            triples,
            topics=topics,
            actors=actors,
            strengths=strengths,
            detail=detail,
            skipped=skipped,
        )

    def changes(
        self,
        names: Sequence[str] = (),
        *,
        since: str,
        until: str | None = None,
        today: str | dt.date | None = None,
    ) -> Changes:
        """Every dated event in [since, until], newest first (`aigov changes`); `until`
        is today unless given, since what is still to come has not changed anything."""
        from .changes import changes

        checked = parse_date(since, "--since")
        assert checked is not None
        until = parse_date(until, "--until") or _today(today).isoformat()
        frameworks = [f for f, _ in self._resolve(names, None)[0]] if names else self.catalog.each()
        return changes(frameworks, checked, until)

    def upcoming(
        self,
        names: Sequence[str] = (),
        *,
        within: str = "12m",
        topics: Sequence[str] = (),
        today: str | dt.date | None = None,
    ) -> Upcoming:
        """Dated events after today, soonest first (`aigov upcoming`)."""
        from .changes import upcoming
        from .obligations import check_terms

        day = _today(today)
        until = horizon(within, day)
        chosen = check_terms("topic", topics, "--topic")
        frameworks = [f for f, _ in self._resolve(names, None)[0]] if names else self.catalog.each()
        return upcoming(frameworks, day.isoformat(), until, chosen)

    def export_sqlite(self, target: str | Path, *, force: bool = False) -> dict[str, int]:
        """Every visible framework as one SQLite database (`aigov export --format sqlite`);
        the row count of each table."""
        from .export import export_sqlite

        origins = {e.id: e.origin for e in self.catalog.registry.entries.values()}
        pairs = ((f, origins[f["id"]]) for f in self.catalog.each())
        return export_sqlite(pairs, Path(target), force=force)

    def report(
        self,
        names: Sequence[str],
        *,
        max_age: str = "1y",
        today: str | dt.date | None = None,
    ) -> analysis.Report:
        """Everything the HTML report shows (`aigov report`), dated `today`."""
        if not names:
            raise UsageError("report needs at least one jurisdiction")
        pairs, skipped = self._resolve(names, None, skip_missing=False)
        day = _today(today)
        threshold = cutoff(max_age, day)
        comparison = _compare.compare(pairs, detail=True, skipped=skipped)
        current = [self.catalog.resolve(n)[0] for n in names]
        return analysis.Report(
            title=analysis.report_title(comparison.columns),
            generated=day.isoformat(),
            version=_version(),
            comparison=comparison,
            plane=analysis.plane(pairs, *DEFAULT_MAP_AXES),
            timeline=analysis.timeline({f["id"]: f for f, _ in pairs}.values()),
            obligations=_obligations.matrix([(f, at, None) for f, at in pairs]),
            freshness=tuple(
                freshness(f, threshold) for f in {f["id"]: f for f in current}.values()
            ),
        )


def _version() -> str:
    from . import __version__

    return __version__


def open(frameworks_dirs: Sequence[str | Path] = (), *, use_cache: bool = True) -> Frameworks:
    """The built-in jurisdictions plus those in `frameworks_dirs` (and $AIGOV_FRAMEWORKS_PATH)."""
    return Frameworks(Catalog.open([Path(p) for p in frameworks_dirs], use_cache=use_cache))


def dimensions(dimension: str | None = None) -> DimensionsList:
    """The dimensions (`aigov dimensions`); one, with its codebook rules, when named."""
    from .codebook import rules_for

    rules = rules_for(dimension) if dimension else ""
    return _compare.dimensions_list(dimension, rules)


def validate(
    paths: Sequence[str | Path] = (),
    *,
    strict: bool = False,
    max_age: str | None = None,
    today: str | dt.date | None = None,
    frameworks_dirs: Sequence[str | Path] = (),
) -> Validation:
    """Check files and folders (every built-in and user file when none): every problem."""
    from .checker import check, expand
    from .registry import discover

    registry = discover([Path(p) for p in frameworks_dirs])
    files = (
        expand([Path(p) for p in paths]) if paths else [e.path for e in registry.entries.values()]
    )
    day = _today(today)
    threshold = cutoff(max_age, day) if max_age else None
    validation = check(files, strict=strict, today=day, known_ids=registry.ids(), max_age=threshold)
    validation.warnings = [f"warning: {w}" for w in registry.warnings]
    return validation


def schema() -> dict[str, Any]:
    """The JSON Schema of a framework file (`aigov schema`)."""
    from .models import json_schema

    return json_schema()


def skeleton(framework_id: str, name: str) -> str:
    """The text of a new framework file (`aigov new`)."""
    from .skeleton import skeleton as make

    try:
        return make(framework_id, name)
    except ValueError as exc:
        raise UsageError(f"{framework_id!r}: {exc}") from None


def to_data(result: Any) -> dict[str, Any]:
    """A result as the CLI's JSON shape (plain dicts, lists, strings and numbers)."""
    data: dict[str, Any] = _json.loads(render(result, "json"))
    return data


def render(result: Any, fmt: str = "markdown") -> str:
    """A result as text in a CLI format: markdown, json, csv, yaml, svg, bibtex, csl-json,
    html, atom, ics; `table` gives the plain (uncoloured) terminal layout at 100 columns."""
    from .render import render_text

    return render_text(result, fmt)
