"""Pure functions from frameworks to results: compare, diff, list, show, dimensions."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from .dimensions import DIMENSIONS, Dimension, get_dimension
from .errors import UsageError
from .regime import (
    COMPARE_SECTIONS,
    DIFF_SECTIONS,
    SECTION_NAMES,
    SECTIONS_BY_NAME,
    Regime,
    assessment,
    source,
)
from .results import (
    Cell,
    Change,
    Comparison,
    Count,
    Diff,
    DimensionsList,
    Listing,
    Ref,
    Row,
    SectionComparison,
    SectionItem,
    Showing,
    SourceRef,
)

if TYPE_CHECKING:
    from .plain import Summary


def ref(framework: Regime | Summary, at: str | None = None) -> Ref:
    """How a result refers to a jurisdiction."""
    return Ref(
        framework["id"],
        framework["name"],
        at,
        framework["kind"],
        framework["as_of"],
        framework.get("within"),
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
            raise UsageError(f"unknown dimension {name.strip()!r}; choose from {known}") from None
    return chosen


def _cell(framework: Regime, dimension: Dimension) -> Cell:
    found = assessment(framework, dimension.id)
    if found is None:
        return Cell(value=None)
    return Cell(
        value=found["value"],
        since=found["since"],
        rule=found.get("rule"),
        rationale=found["rationale"],
        sources=tuple(found["sources"]),
        notes=found.get("notes"),
    )


class _Numbering:
    """Numbers each cited source once, in order of first citation."""

    def __init__(self) -> None:
        self.numbers: dict[tuple[str, str], int] = {}
        self.refs: list[SourceRef] = []

    def mark(self, framework: Regime, source_ids: Iterable[str]) -> tuple[int, ...]:
        marks = []
        for source_id in source_ids:
            key = (framework["id"], source_id)
            if key not in self.numbers:
                found = source(framework, source_id)
                if found is None:
                    continue
                self.numbers[key] = len(self.numbers) + 1
                self.refs.append(
                    SourceRef(
                        number=self.numbers[key],
                        jurisdiction=framework["id"],
                        id=found["id"],
                        title=found["title"],
                        author=found["author"],
                        publisher=found["publisher"],
                        date=found["date"],
                        url=found["url"],
                        kind=found.get("kind"),
                    )
                )
            marks.append(self.numbers[key])
        return tuple(marks)


def compare(
    frameworks: Iterable[tuple[Regime, str | None]],
    *,
    dimensions: Sequence[str] | None = None,
    only_differences: bool = False,
    detail: bool = False,
    skipped: Sequence[str] = (),
    hindsight: bool = False,
) -> Comparison:
    """Side by side across dimensions. Frameworks arrive one at a time and only their
    cells are kept, so `compare --all` over many files holds little in memory."""
    chosen = pick_dimensions(dimensions)
    numbering = _Numbering()
    columns: list[Ref] = []
    per_column: list[list[Cell]] = []
    for framework, at in frameworks:
        columns.append(ref(framework, at))
        cells = []
        for dimension in chosen:
            cell = _cell(framework, dimension)
            cells.append(cell.replace(marks=numbering.mark(framework, cell.sources)))
        per_column.append(cells)
    rows = []
    for n, dimension in enumerate(chosen):
        row = tuple(column[n] for column in per_column)
        differs = len({c.value for c in row}) > 1
        if differs or not only_differences:
            rows.append(Row(dimension.id, row, differs))
    return Comparison(
        columns=tuple(columns),
        rows=tuple(rows),
        sources=tuple(numbering.refs),
        detail=detail,
        skipped=tuple(skipped),
        hindsight=hindsight,
    )


def check_section(name: str, allowed: Sequence[str]) -> str:
    """`name` if it is one of `allowed`; otherwise a usage error listing them."""
    if name not in allowed:
        raise UsageError(f"unknown section {name!r}; choose from {', '.join(allowed)}")
    return name


# The field whose value groups a section's items side by side.
_GROUP_FIELD = {
    "instruments": "type",
    "institutions": "role",
    "obligations": "topic",
    "positions": "topic",
}


def _group(section: str, item: dict[str, Any]) -> str:
    field = _GROUP_FIELD.get(section)
    return str(item.get(field) or section) if field else section


def compare_section(
    frameworks: Sequence[tuple[Regime, str | None]], section: str
) -> SectionComparison:
    """Instruments, institutions, funding, positions or obligations side by side."""
    check_section(section, COMPARE_SECTIONS)
    items = [
        SectionItem(ref(f, at), _group(section, item), dict(item))
        for f, at in frameworks
        for item in f[section]  # type: ignore[literal-required]
    ]
    return SectionComparison(
        section=section, columns=tuple(ref(f, at) for f, at in frameworks), items=tuple(items)
    )


def _title(section: str, item: dict[str, Any]) -> str:
    if section == "instruments":
        return str(item.get("short_title") or item["title"])
    if section == "obligations":
        return str(item.get("id") or item["topic"])
    return str(item[SECTIONS_BY_NAME[section].title])


def _key(section: str, item: dict[str, Any]) -> str:
    if section == "obligations":
        return str(item.get("id") or f"{item['topic']}:none")
    return str(item[SECTIONS_BY_NAME[section].key])


# Text fields that a past view withholds: a difference there is no change.
_TEXT = ("stance",)
# The fields a diff compares, per section; descriptions and summaries are left out.
_DIFF_FIELDS = {
    "instruments": ("title", "type", "binding", "status", "dates"),
    "institutions": ("name", "role", "founded", "dissolved"),
    "positions": ("since", "stance"),
    "obligations": ("topic", "strength", "actors", "article", "applies_from", "applies_until"),
}


def _by_id(left: Regime, right: Regime, section: str) -> list[Change]:
    fields = _DIFF_FIELDS[section]
    old_items: list[Any] = left[section]  # type: ignore[literal-required]
    new_items: list[Any] = right[section]  # type: ignore[literal-required]
    before = {_key(section, i): i for i in old_items}
    after = {_key(section, i): i for i in new_items}
    changes = []
    for key in sorted(before.keys() | after.keys()):
        old, new = before.get(key), after.get(key)

        def pick(item: dict[str, Any] | None) -> dict[str, Any] | None:
            return {f: item.get(f) for f in fields} if item else None

        if old is None or new is None:
            kind = "only_right" if old is None else "only_left"
            item: dict[str, Any] = new or old or {}
            changes.append(
                Change(
                    change=kind,
                    section=section,
                    id=key,
                    title=_title(section, item),
                    left=pick(old),
                    right=pick(new),
                )
            )
        elif differing := tuple(
            # A field one side leaves out (text withheld from a past view) is not a change.
            f
            for f in fields
            if old.get(f) != new.get(f) and not (f in _TEXT and None in (old.get(f), new.get(f)))
        ):
            changes.append(
                Change(
                    change="changed",
                    section=section,
                    id=key,
                    title=_title(section, new),
                    left=pick(old),
                    right=pick(new),
                    fields=differing,
                )
            )
    return changes


def _topics_of(framework: Regime) -> dict[str, set[str]]:
    """Each instrument's obligation topics (an instrument's topics are those of the
    obligations that cite it)."""
    topics: dict[str, set[str]] = {}
    for o in framework["obligations"]:
        if o["instrument"] and o["strength"] != "none":
            topics.setdefault(o["instrument"], set()).add(o["topic"])
    return topics


def _pairs(left: Regime, right: Regime) -> tuple[list[Change], list[Count]]:
    """Across two jurisdictions: counts per group, instrument pairs that share a type and an
    obligation topic, and the obligation topics whose strengths differ."""
    counts = []
    for section, field in (("instruments", "type"), ("institutions", "role")):
        on_left: list[Any] = left[section]  # type: ignore[literal-required]
        on_right: list[Any] = right[section]  # type: ignore[literal-required]
        for group in sorted({i[field] for i in on_left} | {i[field] for i in on_right}):
            n_left = sum(1 for i in on_left if i[field] == group)
            n_right = sum(1 for i in on_right if i[field] == group)
            counts.append(Count(section, group, n_left, n_right))
    changes = []
    left_topics, right_topics = _topics_of(left), _topics_of(right)
    right_by_id = {i["id"]: i for i in right["instruments"]}
    for topic in sorted({t for ts in left_topics.values() for t in ts}):
        for a in left["instruments"]:
            if topic not in left_topics.get(a["id"], set()):
                continue
            match = next(
                (
                    right_by_id[b]
                    for b, ts in sorted(right_topics.items())
                    if topic in ts and b in right_by_id and right_by_id[b]["type"] == a["type"]
                ),
                None,
            )
            if match is not None:
                changes.append(
                    Change(
                        change="pair",
                        section="instruments",
                        id=topic,
                        title=topic,
                        left={
                            "id": a["id"],
                            "title": a["short_title"] or a["title"],
                            "type": a["type"],
                            "status": a["status"],
                        },
                        right={
                            "id": match["id"],
                            "title": match["short_title"] or match["title"],
                            "type": match["type"],
                            "status": match["status"],
                        },
                    )
                )
                break
    strengths = {
        side: {
            o["topic"]: sorted(
                {x["strength"] for x in f["obligations"] if x["topic"] == o["topic"]}
            )
            for o in f["obligations"]
        }
        for side, f in (("left", left), ("right", right))
    }
    for topic in sorted(strengths["left"].keys() | strengths["right"].keys()):
        a_s, b_s = strengths["left"].get(topic), strengths["right"].get(topic)
        if a_s != b_s:
            changes.append(
                Change(
                    change="changed",
                    section="obligations",
                    id=topic,
                    title=topic,
                    left={"strength": a_s},
                    right={"strength": b_s},
                    fields=("strength",),
                )
            )
    for change in _by_id(left, right, "positions"):
        changes.append(change)
    return changes, counts


def diff(
    left: Regime,
    right: Regime,
    left_at: str | None = None,
    right_at: str | None = None,
    *,
    dimensions: Sequence[str] | None = None,
    section: str | None = None,
) -> Diff:
    """Only what differs: dimensions first; then, for one jurisdiction at two dates, every
    item added, removed or changed; across two jurisdictions, counts and matching pairs
    (`section` lists one section in full)."""
    comparison = compare(
        [(left, left_at), (right, right_at)], dimensions=dimensions, only_differences=True
    )
    full = left["id"] == right["id"] or section is not None
    counts: list[Count] = []
    if full:
        sections = [check_section(section, DIFF_SECTIONS)] if section else list(DIFF_SECTIONS)
        changes = [c for s in sections for c in _by_id(left, right, s)]
    else:
        changes, counts = _pairs(left, right)
    return Diff(
        left=comparison.columns[0],
        right=comparison.columns[1],
        dimensions=comparison.rows,
        changes=tuple(changes),
        counts=tuple(counts),
        full=full,
    )


def parse_where(clauses: Sequence[str]) -> list[tuple[str, str]]:
    """`legal_form=soft_law` clauses, checked against the dimensions' vocabularies."""
    pairs = []
    for clause in clauses:
        name, sep, wanted = clause.partition("=")
        if not sep:
            raise UsageError(f"--where {clause!r}: expected DIMENSION=VALUE")
        dimension = pick_dimensions([name])[0]
        if wanted.strip() not in dimension.value_ids:
            raise UsageError(
                f"--where {clause!r}: {dimension.id} takes {', '.join(dimension.value_ids)}"
            )
        pairs.append((dimension.id, wanted.strip()))
    return pairs


def listing(
    summaries: Iterable[Summary],
    origins: dict[str, str],
    where: Sequence[tuple[str, str]] = (),
    **options: Any,
) -> Listing:
    """Every jurisdiction (summaries), filtered by `dimension=value` pairs."""
    items = tuple(
        s for s in summaries if all(s["values"].get(dim) == wanted for dim, wanted in where)
    )
    return Listing(items=items, origins=origins, **options)


def check_sections(names: Sequence[str]) -> tuple[str, ...]:
    """The sections named for `show`, checked; all when none."""
    return tuple(check_section(n, SECTION_NAMES) for n in names) or SECTION_NAMES


def show(
    framework: Regime, at: str | None = None, sections: Sequence[str] = (), **options: Any
) -> Showing:
    """One jurisdiction in full, or the sections named."""
    return Showing(
        ref=ref(framework, at), data=dict(framework), sections=check_sections(sections), **options
    )


def dimensions_list(dimension: str | None = None, rules: str = "") -> DimensionsList:
    """The dimensions, their questions and vocabularies (one, with its rules, if named)."""
    chosen = pick_dimensions([dimension] if dimension else None)
    return DimensionsList(tuple(chosen), rules)
