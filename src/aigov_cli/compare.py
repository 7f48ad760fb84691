"""Pure functions from frameworks to results: compare, diff, list, show, dimensions."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from .dimensions import DIMENSIONS, Dimension, get_dimension
from .errors import AigovError
from .regime import Regime, assessment, source, value, without_none
from .results import (
    Cell,
    Change,
    Column,
    Comparison,
    Diff,
    DimensionsList,
    Listing,
    ListItem,
    Row,
    SectionComparison,
    SectionRow,
    Showing,
    SourceRef,
)

SECTIONS = (
    "summary",
    "approach",
    "instruments",
    "institutions",
    "funding",
    "initiatives",
    "positions",
    "indicators",
    "challenges",
    "sources",
)
COMPARE_SECTIONS = ("instruments", "institutions", "funding", "positions")
DIFF_SECTIONS = ("instruments", "institutions", "positions")
NO_RECORD = "no record"


def column(framework: Regime, at: str | None = None) -> Column:
    """How a jurisdiction is named in a result."""
    key = f"{framework['id']}@{at}" if at else framework["id"]
    return Column(
        key, framework["id"], framework["name"], framework["kind"], framework["as_of"], at
    )


def pick_dimensions(names: Sequence[str] | None) -> list[Dimension]:
    """The dimensions named (all when none); an unknown name is a usage error."""
    if not names:
        return list(DIMENSIONS)
    chosen = []
    for name in names:
        try:
            chosen.append(get_dimension(name.strip()))
        except KeyError:
            known = ", ".join(d.id for d in DIMENSIONS)
            raise AigovError(f"unknown dimension {name!r}; choose from {known}") from None
    return chosen


def cell(framework: Regime, dimension: Dimension) -> Cell:
    """One framework's value on one dimension."""
    found = assessment(framework, dimension.id)
    if found is None:
        return Cell(None, NO_RECORD)
    return Cell(
        found["value"],
        dimension.value(found["value"]).label,
        found["rationale"],
        tuple(found["sources"]),
        found["since"],
    )


def _number_sources(
    frameworks: Sequence[Regime], columns: Sequence[Column], rows: list[Row]
) -> tuple[list[Row], list[SourceRef]]:
    """Number every cited source once, in order of first citation, and mark the cells."""
    numbers: dict[tuple[str, str], int] = {}
    refs: list[SourceRef] = []
    marked_rows = []
    for row in rows:
        cells = []
        for framework, col, c in zip(frameworks, columns, row.cells, strict=True):
            marks = []
            for source_id in c.sources:
                key = (framework["id"], source_id)
                if key not in numbers:
                    numbers[key] = len(numbers) + 1
                    s = source(framework, source_id)
                    if s is not None:
                        refs.append(
                            SourceRef(
                                numbers[key],
                                col.key,
                                s["id"],
                                s["title"],
                                s["author"],
                                s["publisher"],
                                s["date"],
                                s["url"],
                            )
                        )
                marks.append(numbers[key])
            cells.append(Cell(c.value, c.label, c.rationale, c.sources, c.since, tuple(marks)))
        marked_rows.append(Row(row.dimension, row.label, row.question, tuple(cells), row.differs))
    return marked_rows, refs


def compare(
    frameworks: Sequence[Regime],
    ats: Sequence[str | None],
    *,
    dimensions: Sequence[str] | None = None,
    only_differences: bool = False,
    detail: bool = False,
) -> Comparison:
    """Side by side across dimensions."""
    columns = [column(f, at) for f, at in zip(frameworks, ats, strict=True)]
    rows = []
    for dimension in pick_dimensions(dimensions):
        cells = tuple(cell(f, dimension) for f in frameworks)
        differs = len({c.value for c in cells}) > 1
        if differs or not only_differences:
            rows.append(Row(dimension.id, dimension.label, dimension.question, cells, differs))
    rows, refs = _number_sources(frameworks, columns, rows)
    return Comparison(columns, rows, refs, detail)


def _first_of(dates: dict[str, str | None]) -> str | None:
    return dates["adopted"] or dates["introduced"] or dates["in_force"]


def _year(date: str | None) -> str:
    return date[:4] if date else "n.d."


def _section_items(framework: Regime, section: str) -> list[tuple[str, str]]:
    """(group, text) for each item of a section, as compared side by side."""
    if section == "instruments":
        return [
            (
                i["type"].replace("_", " "),
                f"{i['short_title'] or i['title']} ({_year(_first_of(i['dates']))}, "
                f"{'binding' if i['binding'] else 'non-binding'}, {i['status'].replace('_', ' ')})",
            )
            for i in framework["instruments"]
        ]
    if section == "institutions":
        return [
            (i["role"].replace("_", " "), f"{i['name']} ({_year(i['founded'])})")
            for i in framework["institutions"]
        ]
    if section == "funding":
        return [
            (
                "funding",
                f"{f['name']}: {format_amount(f['amount'])} {f['currency']}"
                + (f" ({f['period']})" if f["period"] else ""),
            )
            for f in framework["funding"]
        ]
    return [(p["topic"].replace("_", " "), p["stance"]) for p in framework["positions"]]


def compare_section(
    frameworks: Sequence[Regime], ats: Sequence[str | None], section: str
) -> SectionComparison:
    """Instruments, institutions, funding or positions side by side, grouped."""
    if section not in COMPARE_SECTIONS:
        raise AigovError(f"unknown section {section!r}; choose from {', '.join(COMPARE_SECTIONS)}")
    per_column = [_section_items(f, section) for f in frameworks]
    groups = sorted({group for items in per_column for group, _ in items})
    rows = [
        SectionRow(
            group, tuple(tuple(text for g, text in items if g == group) for items in per_column)
        )
        for group in groups
    ]
    columns = [column(f, at) for f, at in zip(frameworks, ats, strict=True)]
    return SectionComparison(section, columns, rows)


def format_amount(amount: float) -> str:
    """8400000000 as '8.4 billion'; small amounts with thousands separators."""
    for size, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if abs(amount) >= size:
            return f"{amount / size:,.3f}".rstrip("0").rstrip(".") + f" {word}"
    return f"{amount:,.2f}".rstrip("0").rstrip(".")


def _item_fields(framework: Regime, section: str) -> dict[str, tuple[str, dict[str, Any]]]:
    """key -> (title, comparable fields) for the items of a diffed section."""
    if section == "instruments":
        return {
            i["id"]: (
                i["short_title"] or i["title"],
                {
                    "title": i["title"],
                    "type": i["type"],
                    "binding": i["binding"],
                    "status": i["status"],
                    "dates": without_none(i["dates"]),
                },
            )
            for i in framework["instruments"]
        }
    if section == "institutions":
        return {
            i["id"]: (
                i["name"],
                {k: i[k] for k in ("name", "role", "founded", "dissolved")},
            )
            for i in framework["institutions"]
        }
    return {p["topic"]: (p["topic"], {"stance": p["stance"]}) for p in framework["positions"]}


def _diff_section(left: Regime, right: Regime, section: str) -> list[Change]:
    before, after = _item_fields(left, section), _item_fields(right, section)
    changes = []
    for key in sorted(before.keys() | after.keys()):
        if key not in after:
            changes.append(Change("only_left", key, before[key][0], before[key][1], None))
        elif key not in before:
            changes.append(Change("only_right", key, after[key][0], None, after[key][1]))
        elif before[key][1] != after[key][1]:
            fields = tuple(f for f in before[key][1] if before[key][1][f] != after[key][1].get(f))
            changes.append(
                Change("changed", key, after[key][0], before[key][1], after[key][1], fields)
            )
    return changes


def diff(
    left: Regime,
    right: Regime,
    left_at: str | None = None,
    right_at: str | None = None,
    *,
    dimensions: Sequence[str] | None = None,
) -> Diff:
    """Only what differs: dimensions, then instruments, institutions and positions."""
    comparison = compare(
        [left, right], [left_at, right_at], dimensions=dimensions, only_differences=True
    )
    sections = {s: _diff_section(left, right, s) for s in DIFF_SECTIONS}
    return Diff(comparison.columns[0], comparison.columns[1], comparison.rows, sections)


def listing(
    summaries: Sequence[dict[str, Any]],
    origins: dict[str, str],
    where: Sequence[tuple[str, str]] = (),
) -> Listing:
    """Every jurisdiction (from `regime.summary_of`), filtered by `dimension=value` pairs."""
    items = []
    for s in summaries:
        values = s["values"]
        if all(values.get(dim) == wanted for dim, wanted in where):
            items.append(
                ListItem(
                    s["id"],
                    s["name"],
                    s["kind"],
                    values.get("legal_form"),
                    values.get("compliance_basis"),
                    s["as_of"],
                    origins.get(s["id"], ""),
                    tuple(s["aliases"]),
                )
            )
    return Listing(items)


def parse_where(clauses: Sequence[str]) -> list[tuple[str, str]]:
    """`legal_form=soft_law` clauses, checked against the dimensions' vocabularies."""
    pairs = []
    for clause in clauses:
        name, sep, wanted = clause.partition("=")
        if not sep:
            raise AigovError(f"--where {clause!r}: expected DIMENSION=VALUE")
        dimension = pick_dimensions([name])[0]
        if wanted.strip() not in dimension.value_ids:
            raise AigovError(
                f"--where {clause!r}: {dimension.id} takes {', '.join(dimension.value_ids)}"
            )
        pairs.append((dimension.id, wanted.strip()))
    return pairs


def show(framework: Regime, at: str | None = None, sections: Sequence[str] = ()) -> Showing:
    """One jurisdiction in full, or the sections named."""
    for name in sections:
        if name not in SECTIONS:
            raise AigovError(f"unknown section {name!r}; choose from {', '.join(SECTIONS)}")
    data = without_none(framework)
    labels = {
        d.id: d.value(found).label
        for d in DIMENSIONS
        if (found := value(framework, d.id)) is not None
    }
    return Showing(column(framework, at), data, tuple(sections) or SECTIONS, labels)


def dimensions_list() -> DimensionsList:
    """The dimensions, their questions and vocabularies."""
    return DimensionsList(
        [
            {
                "id": d.id,
                "label": d.label,
                "question": d.question,
                "ordered": d.ordered,
                "values": [{"id": v.id, "label": v.label, "meaning": v.meaning} for v in d.values],
            }
            for d in DIMENSIONS
        ]
    )
