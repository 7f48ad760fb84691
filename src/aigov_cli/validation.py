"""Turn a parsed document into a Framework, or into problems that point at their nodes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from .dimensions import DIMENSIONS
from .errors import LoadError, Problem
from .loader import Document, Path_, decode, parse, read_limited
from .models import _PARTIAL_DATE, SCHEMA_VERSION, Framework
from .regime import CLAIM_SECTIONS, ITEM_SECTIONS
from .vocabulary import AUTHORITATIVE_KINDS, ids

STALE_AFTER_DAYS = 365
_LISTS_WITH_IDS = (*ITEM_SECTIONS, "sources")
BINDING_STRENGTHS = ("binding_duty", "binding_prohibition")
_CLAIM_LISTS = CLAIM_SECTIONS


def dotted(path: Path_) -> str:
    """`('approach', 'legal_form', 'value')` as `approach.legal_form.value`."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text or "(top level)"


def _problem(
    doc: Document, path: Path_, message: str, *, at_key: bool = False, level: str = "error"
) -> Problem:
    mark = doc.mark(path, prefer_key=at_key)
    where = dotted(path)
    if mark is None:
        return Problem(doc.path, message=f"{where}: {message}", path="$." + where, level=level)
    return Problem(doc.path, mark.line, mark.column, f"{where}: {message}", level=level)


def _data_path(data: Any, loc: tuple[Any, ...]) -> Path_:
    """The part of a pydantic `loc` that names places in the data (drops union tags)."""
    path: list[str | int] = []
    for item in loc:
        if isinstance(data, dict) and isinstance(item, str):
            path.append(item)
            data = data.get(item)
        elif isinstance(data, list) and isinstance(item, int):
            path.append(item)
            data = data[item] if item < len(data) else None
        else:
            break
    return tuple(path)


def _describe(value: Any) -> str:
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, dt.date):
        return "a date"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return "text"


def _message(error: Any, doc: Document, path: Path_) -> str:
    kind, value = error["type"], error.get("input")
    if kind == "extra_forbidden":
        return f"unknown key {path[-1]!r}"
    if kind == "missing":
        return f"missing required key {path[-1]!r}" if path else "missing required key"
    if value is None and kind.endswith("_type"):
        return "value is empty (null); give a value or remove the key"
    if kind == "literal_error":
        expected = error.get("ctx", {}).get("expected", "")
        return f"expected one of {expected.replace(chr(39), '')}; got {value!r}"
    if kind == "string_type":
        raw = doc.typed_plain.get(path)
        if isinstance(value, dt.date):
            return f'expected text, found an unquoted date; quote it ("{value.isoformat()}")'
        if raw is not None:
            return f'expected text, but YAML read {raw} as {_describe(value)}; quote it ("{raw}")'
        return f"expected text, found {_describe(value)}"
    if kind == "string_pattern_mismatch":
        if error.get("ctx", {}).get("pattern") == _PARTIAL_DATE:
            return f"expected a date YYYY-MM-DD (or YYYY-MM, YYYY); got {value!r}"
        return f"{value!r} does not have the expected form ({error['ctx']['pattern']})"
    message = str(error["msg"])
    if message.startswith("Value error, "):
        message = message[len("Value error, ") :]
    if kind in ("bool_type", "int_type", "float_type", "list_type", "dict_type", "model_type"):
        message += f", found {_describe(value)}"
    return message


def schema_problems(doc: Document, exc: ValidationError) -> dict[Path_, Problem]:
    """One problem per distinct place that pydantic rejected, by path."""
    problems: dict[Path_, Problem] = {}
    for error in exc.errors():
        path = _data_path(doc.data, tuple(error["loc"]))
        if path in problems:
            continue
        at_key = error["type"] == "extra_forbidden"
        problems[path] = _problem(doc, path, _message(error, doc, path), at_key=at_key)
    return problems


def _citations(data: Any, path: Path_ = ()) -> Iterator[tuple[Path_, str]]:
    """Every cited source id in the data, with its path (the bibliography excluded)."""
    if isinstance(data, dict):
        for key, value in data.items():
            if key == "sources" and path and isinstance(value, list):
                for i, source_id in enumerate(value):
                    yield (*path, key, i), source_id
            elif not (key == "sources" and not path):
                yield from _citations(value, (*path, key))
    elif isinstance(data, list):
        for i, item in enumerate(data):
            yield from _citations(item, (*path, i))


def reference_problems(
    doc: Document, framework: Framework, known_ids: set[str] | None = None
) -> list[Problem]:
    """Cross-reference checks every file must pass: ids, citations, history order,
    obligations, and (when `known_ids` is given) the layer a file sits within."""
    problems: list[Problem] = []
    stem = Path(doc.path).stem
    if doc.path.endswith((".yaml", ".yml")) and stem != framework.id:
        problems.append(
            _problem(doc, ("id",), f"id {framework.id!r} differs from the file name {stem!r}")
        )
    known = {s.id for s in framework.sources}
    for path, source_id in _citations(doc.data):
        if source_id not in known:
            problems.append(
                _problem(
                    doc, path, f"cites {source_id!r}, which is not in the bibliography (sources)"
                )
            )
    for section in _LISTS_WITH_IDS:
        problems += _duplicates(
            doc, section, [item.id for item in getattr(framework, section)], "id"
        )
    problems += _duplicates(doc, "positions", [p.topic for p in framework.positions], "topic")
    for i, source in enumerate(framework.sources):
        if not (source.author or source.publisher):
            problems.append(
                _problem(doc, ("sources", i), "a source needs an author or a publisher")
            )
        if not (source.date or source.accessed):
            problems.append(
                _problem(doc, ("sources", i), "a source needs a date or an accessed date")
            )
    problems += _obligation_problems(doc, framework)
    for i, instrument in enumerate(framework.instruments):
        if instrument.official_text is not None and instrument.official_text not in known:
            problems.append(
                _problem(
                    doc,
                    ("instruments", i, "official_text"),
                    f"names {instrument.official_text!r} as its official text, which is not in "
                    "the bibliography (sources)",
                )
            )
    if framework.within is not None:
        if framework.within == framework.id:
            problems.append(_problem(doc, ("within",), "a jurisdiction cannot sit within itself"))
        elif known_ids is not None and framework.within not in known_ids:
            problems.append(
                _problem(
                    doc,
                    ("within",),
                    f"sits within {framework.within!r}, which is no known jurisdiction",
                )
            )
    for dimension in DIMENSIONS:
        assessment = framework.assessment(dimension.id)
        if assessment is None or not assessment.history:
            continue
        where: Path_ = ("approach", dimension.id)
        starts = [entry.since for entry in assessment.history]
        if assessment.since is None:
            problems.append(_problem(doc, where, "an assessment with history needs a 'since' date"))
            continue
        if any(s is None for s in starts[1:]):
            problems.append(
                _problem(doc, (*where, "history"), "only the oldest history entry may omit 'since'")
            )
            continue
        dated = [s for s in starts if s is not None] + [assessment.since]
        if dated != sorted(dated):
            problems.append(
                _problem(
                    doc,
                    (*where, "history"),
                    "history must run oldest first, each 'since' before the current one",
                )
            )
    return problems


def _instrument_start(instrument: Any) -> str | None:
    dates = instrument.dates
    known = [d for d in (dates.introduced, dates.adopted, dates.in_force) if d]
    return min(known) if known else None


def _obligation_problems(doc: Document, framework: Framework) -> list[Problem]:
    """Each obligation names a real instrument, says what it requires (or why nothing
    applies), and is not dated before its instrument existed."""
    problems: list[Problem] = []
    instruments = {i.id: i for i in framework.instruments}
    for i, o in enumerate(framework.obligations):
        where: Path_ = ("obligations", i)
        if o.strength == "none":
            if not o.rationale:
                problems.append(
                    _problem(
                        doc, where, "an obligation of strength none needs a one-line rationale"
                    )
                )
            continue
        for key, missing in (
            ("id", o.id is None),
            ("requirement", not o.requirement),
            ("instrument", o.instrument is None),
        ):
            if missing:
                problems.append(
                    _problem(doc, where, f"an obligation of strength {o.strength} needs {key!r}")
                )
        if not o.actors:
            problems.append(_problem(doc, where, "an obligation needs at least one actor"))
        if o.instrument is None:
            continue
        instrument = instruments.get(o.instrument)
        if instrument is None:
            problems.append(
                _problem(
                    doc,
                    (*where, "instrument"),
                    f"names instrument {o.instrument!r}, which is not in this file's instruments",
                )
            )
            continue
        start = _instrument_start(instrument)
        if o.applies_from and start and o.applies_from < start:
            problems.append(
                _problem(
                    doc,
                    (*where, "applies_from"),
                    f"applies from {o.applies_from}, before its instrument {instrument.id!r} "
                    f"existed ({start})",
                )
            )
        if o.applies_until and o.applies_from and o.applies_until < o.applies_from:
            problems.append(
                _problem(doc, (*where, "applies_until"), "applies_until is before applies_from")
            )
    return problems


def _duplicates(doc: Document, section: str, ids: list[str | None], key: str) -> list[Problem]:
    seen: dict[str, int] = {}
    problems = []
    for i, item_id in enumerate(ids):
        if item_id is None:  # an obligation of strength none needs no id
            continue
        if item_id in seen:
            first = doc.mark((section, seen[item_id], key))
            where = f" (first at line {first.line})" if first else ""
            problems.append(_problem(doc, (section, i, key), f"duplicate {key} {item_id!r}{where}"))
        else:
            seen[item_id] = i
    return problems


def strict_problems(doc: Document, framework: Framework, today: dt.date) -> list[Problem]:
    """The completeness checks of `validate --strict`."""
    problems: list[Problem] = []
    for dimension in DIMENSIONS:
        assessment = framework.assessment(dimension.id)
        path: Path_ = ("approach", dimension.id)
        if assessment is None:
            problems.append(
                _problem(doc, ("approach",), f"dimension {dimension.id!r} is not assessed")
            )
        elif not assessment.sources:
            problems.append(_problem(doc, path, "assessment cites no source"))
    for section in _CLAIM_LISTS:
        for i, item in enumerate(getattr(framework, section)):
            if not item.sources:
                problems.append(_problem(doc, (section, i), "claim cites no source"))
    cited = {source_id for _, source_id in _citations(doc.data)}
    cited |= {i.official_text for i in framework.instruments if i.official_text}
    for i, source in enumerate(framework.sources):
        if source.id not in cited:
            problems.append(
                _problem(doc, ("sources", i, "id"), f"source {source.id!r} is cited by no claim")
            )
    if framework.as_of < (today - dt.timedelta(days=STALE_AFTER_DAYS)).isoformat():
        problems.append(
            _problem(
                doc,
                ("as_of",),
                f"as_of {framework.as_of} is more than a year old; re-check the file against its sources",
            )
        )
    if framework.as_of > today.isoformat():
        problems.append(_problem(doc, ("as_of",), f"as_of {framework.as_of} is in the future"))
    for i, instrument in enumerate(framework.instruments):
        for message in instrument_date_conflicts(
            instrument.status, instrument.dates, framework.as_of
        ):
            problems.append(_problem(doc, ("instruments", i, "status"), message))
    problems += citable_problems(doc, framework)
    problems += coverage_problems(doc, framework)
    problems += undated_warnings(doc, framework)
    return problems


OFFICIAL_TEXT_KINDS = ("official", "intergovernmental", "court")


def citable_problems(doc: Document, framework: Framework) -> list[Problem]:
    """Sources a policy analyst can cite: every source has a kind, every binding instrument
    its official text and identifier, every rating an authoritative source and a rule."""
    problems: list[Problem] = []
    if framework.schema_version < SCHEMA_VERSION:
        problems.append(
            _problem(
                doc,
                ("schema_version",),
                f"schema_version {framework.schema_version} is out of date; migrate the file to "
                f"{SCHEMA_VERSION} (docs/framework-format.md)",
            )
        )
    kinds = {s.id: s.kind for s in framework.sources}
    for i, source in enumerate(framework.sources):
        if source.kind is None:
            problems.append(
                _problem(
                    doc,
                    ("sources", i),
                    f"source needs a kind: one of {', '.join(ids('source_kind'))}",
                )
            )
    for i, instrument in enumerate(framework.instruments):
        if not instrument.binding:
            continue
        where: Path_ = ("instruments", i)
        if not instrument.identifier:
            problems.append(
                _problem(doc, where, "a binding instrument needs its official 'identifier'")
            )
        if not instrument.official_text:
            problems.append(
                _problem(
                    doc,
                    where,
                    "a binding instrument needs 'official_text': its official text's source id",
                )
            )
        elif kinds.get(instrument.official_text) not in (None, *OFFICIAL_TEXT_KINDS):
            problems.append(
                _problem(
                    doc,
                    (*where, "official_text"),
                    f"official text {instrument.official_text!r} is a "
                    f"{kinds[instrument.official_text]} source; cite the text on an official site",
                )
            )
    for dimension in DIMENSIONS:
        assessment = framework.assessment(dimension.id)
        if assessment is None:
            continue
        where = ("approach", dimension.id)
        if assessment.rule is None:
            problems.append(
                _problem(doc, where, "rating names no codebook rule ('rule', docs/codebook.md)")
            )
        for path, entry in [(where, assessment)] + [
            ((*where, "history", n), h) for n, h in enumerate(assessment.history)
        ]:
            if entry.sources and not any(
                kinds.get(src) in AUTHORITATIVE_KINDS for src in entry.sources
            ):
                problems.append(
                    _problem(
                        doc,
                        (*path, "sources"),
                        "rating cites no official, intergovernmental, court or academic source",
                    )
                )
    return problems


def coverage_problems(doc: Document, framework: Framework) -> list[Problem]:
    """Every obligation topic answered (records or an explicit none), binding records
    tied to their article and official text."""
    problems: list[Problem] = []
    official = {i.id: i.official_text for i in framework.instruments}
    by_topic: dict[str, list[str]] = {}
    for i, o in enumerate(framework.obligations):
        by_topic.setdefault(o.topic, []).append(o.strength)
        if o.strength not in BINDING_STRENGTHS:
            continue
        where: Path_ = ("obligations", i)
        if not o.article:
            problems.append(_problem(doc, where, "a binding obligation needs its 'article'"))
        text = official.get(o.instrument or "")
        if text and text not in o.sources:
            problems.append(
                _problem(
                    doc,
                    (*where, "sources"),
                    f"a binding obligation cites its instrument's official text ({text!r})",
                )
            )
    for topic in ids("topic"):
        strengths = by_topic.get(topic)
        if not strengths:
            problems.append(
                _problem(
                    doc,
                    ("obligations",),
                    f"topic {topic!r} is not answered: add records, or strength none with a rationale",
                )
            )
        elif "none" in strengths and len(strengths) > 1:
            problems.append(
                _problem(doc, ("obligations",), f"topic {topic!r} has both records and none")
            )
    return problems


def stale_problems(doc: Document, framework: Framework, threshold: str) -> list[Problem]:
    """Claims last verified (or, without `verified`, last checked with the file) before
    `threshold`: one problem each, at the claim's `verified` date or the file's as_of."""
    problems = []
    for dimension in DIMENSIONS:
        found = framework.assessment(dimension.id)
        if found is not None:
            problems += _stale(
                doc, ("approach", dimension.id), found.verified, framework.as_of, threshold
            )
    for section in ("instruments", "institutions", "funding", "initiatives", "obligations"):
        for i, item in enumerate(getattr(framework, section)):
            problems += _stale(doc, (section, i), item.verified, framework.as_of, threshold)
    return problems


def _stale(
    doc: Document, path: Path_, verified: str | None, as_of: str, threshold: str
) -> list[Problem]:
    checked = verified or as_of
    if checked >= threshold:
        return []
    where = (*path, "verified") if verified else path
    how = "last verified" if verified else "not verified since the file's as_of"
    return [
        _problem(
            doc, where, f"{how} {checked}, before {threshold}: re-check it against its sources"
        )
    ]


def undated_warnings(doc: Document, framework: Framework) -> list[Problem]:
    """Items without the date time travel needs: past views mark them 'date unknown'."""
    warnings = []
    for section, key in (
        ("institutions", "founded"),
        ("funding", "start"),
        ("initiatives", "started"),
    ):
        for i, item in enumerate(getattr(framework, section)):
            if getattr(item, key) is None:
                warnings.append(
                    _problem(
                        doc,
                        (section, i),
                        f"no {key!r} date: past views show this item as 'date unknown'",
                        level="warning",
                    )
                )
    return warnings


def instrument_date_conflicts(status: str, dates: Any, as_of: str) -> list[str]:
    """Ways in which an instrument's status contradicts its own dates as of `as_of`."""
    conflicts = []
    if status == "in_force":
        if not dates.in_force:
            conflicts.append("status in_force needs an in_force date")
        elif dates.in_force > as_of:
            conflicts.append(
                f"status in_force, but in_force {dates.in_force} is after as_of {as_of}"
            )
    if status in ("in_force", "phased", "enacted") and dates.revoked and dates.revoked <= as_of:
        conflicts.append(f"status {status}, but revoked on {dates.revoked}")
    if status == "revoked" and not dates.revoked:
        conflicts.append("status revoked needs a revoked date")
    if status == "lapsed" and not dates.lapsed:
        conflicts.append("status lapsed needs a lapsed date")
    if status == "proposed" and dates.adopted:
        conflicts.append(f"status proposed, but adopted on {dates.adopted}")
    return conflicts


def _todos(data: Any, path: Path_ = ()) -> Iterator[tuple[Path_, str]]:
    """Every string still marked TODO (as `aigov new` writes them), with its path."""
    if isinstance(data, str) and data.startswith("TODO"):
        yield path, data
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from _todos(value, (*path, key))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from _todos(value, (*path, i))


def _todo_problems(doc: Document, todo: dict[Path_, str]) -> list[Problem]:
    return [_problem(doc, path, f"still to fill ({hint})") for path, hint in todo.items()]


def validate_document(
    doc: Document,
    *,
    strict: bool = False,
    today: dt.date | None = None,
    known_ids: set[str] | None = None,
    max_age: str | None = None,
) -> tuple[Framework | None, list[Problem]]:
    """Validate a parsed document; the Framework is None when the schema rejects it."""
    todo = dict(_todos(doc.data)) if doc.has_todo else {}
    try:
        framework = Framework.model_validate(doc.data)
    except ValidationError as exc:
        problems = [p for path, p in schema_problems(doc, exc).items() if path not in todo]
        return None, sorted(problems + _todo_problems(doc, todo))
    if todo:
        return framework, sorted(_todo_problems(doc, todo))
    problems = reference_problems(doc, framework, known_ids)
    if strict:
        problems += strict_problems(doc, framework, today or dt.date.today())
    if max_age:
        problems += stale_problems(doc, framework, max_age)
    return framework, sorted(problems)


def check_file(
    path: Path | str,
    *,
    display: str | None = None,
    strict: bool = False,
    today: dt.date | None = None,
    known_ids: set[str] | None = None,
    max_age: str | None = None,
) -> tuple[Framework | None, list[Problem]]:
    """Load and validate one file; every failure becomes problems, never an exception."""
    try:
        raw = read_limited(path, display)
    except LoadError as exc:
        return None, exc.problems
    return check_bytes(
        raw, display or str(path), strict=strict, today=today, known_ids=known_ids, max_age=max_age
    )


def check_bytes(
    raw: bytes,
    shown: str,
    *,
    strict: bool = False,
    today: dt.date | None = None,
    known_ids: set[str] | None = None,
    max_age: str | None = None,
) -> tuple[Framework | None, list[Problem]]:
    """Parse and validate a file's bytes (already read); problems name `shown`."""
    try:
        doc = parse(decode(raw, shown), shown)
    except LoadError as exc:
        return None, exc.problems
    return validate_document(doc, strict=strict, today=today, known_ids=known_ids, max_age=max_age)
