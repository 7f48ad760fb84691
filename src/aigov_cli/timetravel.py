"""A regime as it stood on a date, told without hindsight.

Dates are ISO text (possibly partial: "2024-02"), which sorts in date order; a partial
date counts as its first day. The rules (docs/framework-format.md, "Time travel"):

- Values come from the dimensions' `history`; items exist from their date (instruments
  from their first date, institutions from `founded`, obligations from `applies_from`).
- An item with no date is kept: nothing says it did not exist. Views mark it "date unknown".
- Text is withheld: every text in a file (summaries, rationales, also those of history
  entries, descriptions, stances, challenges, notes) was written when the file was, and
  may speak of what came later ("Before the AI Promotion Act, ..."). Values, dates,
  titles and statuses remain; the summary is rebuilt from the snapshot's own data.
  `hindsight=True` keeps the text (views mark it as today's).
- A past view cites only sources published on or before its date.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar, cast

from .dimensions import DIMENSIONS
from .errors import AigovError
from .regime import Regime, assessment

if TYPE_CHECKING:
    from .plain import AssessmentData, InstrumentData, ObligationData, SourceData

T = TypeVar("T")


def _on_or_before(date: str | None, when: str) -> bool:
    return date is not None and date[: len(when)] <= when


def value_on(
    current: AssessmentData, when: str, *, hindsight: bool = False
) -> AssessmentData | None:
    """The assessment in force on `when` (history entries are oldest first); None before
    the earliest record. Its rationale is withheld unless `hindsight`."""
    entries: list[Any] = [*current["history"], current]
    in_force = next(
        (e for e in reversed(entries) if e["since"] is None or e["since"] <= when), None
    )
    if in_force is None:
        return None
    if in_force is not current:
        past = {**current, **in_force, "history": [], "verified": None}
        if not hindsight:
            past.update(rationale=None, notes=None)
        return cast("AssessmentData", past)
    if hindsight:
        return in_force
    return cast("AssessmentData", {**current, "rationale": None, "notes": None, "history": []})


def _first_date(*dates: str | None) -> str | None:
    known = [d for d in dates if d]
    return min(known) if known else None


def _status_on(instrument: InstrumentData, when: str) -> str:
    d = instrument["dates"]
    if d["revoked"] and d["revoked"] <= when:
        return "revoked"
    if d["lapsed"] and d["lapsed"] <= when:
        return "lapsed"
    if d["in_force"] and d["in_force"] <= when:
        if d["applicable"] and d["applicable"] > when:
            return "enacted"
        return (
            instrument["status"]
            if instrument["status"] in ("in_force", "phased", "amended")
            else "in_force"
        )
    if d["adopted"] and d["adopted"] <= when:
        return "enacted" if instrument["binding"] else "published"
    return "proposed"


def instrument_start(instrument: InstrumentData) -> str | None:
    """The first date an instrument is known from."""
    d = instrument["dates"]
    return _first_date(d["introduced"], d["adopted"], d["in_force"], d["applicable"])


def instrument_on(
    instrument: InstrumentData, when: str, *, hindsight: bool = False
) -> InstrumentData | None:
    """The instrument with its status and dates on `when`, or None if it did not exist yet."""
    start = instrument_start(instrument)
    if start is not None and start > when:
        return None
    known: dict[str, Any] = dict(instrument["dates"])
    dates: Any = {k: (v if _on_or_before(v, when) else None) for k, v in known.items()}
    return {
        **instrument,
        "status": _status_on(instrument, when) if start else instrument["status"],
        "dates": dates,
        "milestones": [m for m in instrument["milestones"] if m["date"] <= when],
        "summary": instrument["summary"] if hindsight else None,
        "notes": instrument["notes"] if hindsight else None,
    }


def obligation_on(
    obligation: ObligationData, instruments: dict[str, InstrumentData], when: str
) -> ObligationData | None:
    """The obligation if it applied on `when` (a proposal: if its bill existed)."""
    if obligation["applies_until"] and obligation["applies_until"] <= when:
        return None
    if obligation["strength"] == "none":
        return obligation
    start = obligation["applies_from"]
    if start is None or obligation["strength"] == "proposed":
        found = instruments.get(obligation["instrument"] or "")
        start = start if found is None else (start or instrument_start(found))
    if start is not None and start > when:
        return None
    return obligation


def _existing(
    items: list[T], when: str, start: Callable[[T], str | None], end: Callable[[T], str | None]
) -> list[T]:
    """Items that existed on `when`; an item with no start date is kept (date unknown)."""
    return [
        item
        for item in items
        if not ((s := start(item)) is not None and s > when)
        and not ((e := end(item)) is not None and e <= when)
    ]


def _withhold(items: list[Any], fields: tuple[str, ...], hindsight: bool) -> list[Any]:
    if hindsight:
        return items
    return [{**item, **dict.fromkeys(fields)} for item in items]


def _published_by(source: SourceData, when: str) -> bool:
    return _on_or_before(source["date"] or source["accessed"], when)


def snapshot(framework: Regime, when: str | None, *, hindsight: bool = False) -> Regime:
    """`framework` as it stood on `when` (unchanged when `when` is None or after as_of)."""
    if when is None or when >= framework["as_of"]:
        return framework
    approach: dict[str, AssessmentData | None] = {
        d.id: value_on(found, when, hindsight=hindsight)
        if (found := assessment(framework, d.id))
        else None
        for d in DIMENSIONS
    }
    instruments = [
        i
        for i in (instrument_on(x, when, hindsight=hindsight) for x in framework["instruments"])
        if i
    ]
    by_id = {i["id"]: i for i in framework["instruments"]}
    institutions = _existing(
        framework["institutions"],
        when,
        lambda i: i["founded"] or _first_date(*(e["date"] for e in i["events"])),
        lambda i: i["dissolved"],
    )
    past: Regime = {
        **framework,
        "summary": framework["summary"],
        "notes": framework["notes"] if hindsight else None,
        "approach": approach,
        "instruments": instruments,
        "institutions": _withhold(
            [{**i, "events": [e for e in i["events"] if e["date"] <= when]} for i in institutions],
            ("description", "notes"),
            hindsight,
        ),
        "funding": _withhold(
            _existing(framework["funding"], when, lambda f: f["start"], lambda f: None),
            ("purpose", "notes"),
            hindsight,
        ),
        "initiatives": _withhold(
            _existing(framework["initiatives"], when, lambda i: i["started"], lambda i: None),
            ("description", "notes"),
            hindsight,
        ),
        "positions": _withhold(
            _existing(framework["positions"], when, lambda p: p["since"], lambda p: None),
            ("stance", "notes"),
            hindsight,
        ),
        "indicators": [i for i in framework["indicators"] if str(i["year"]) <= when[:4]],
        "challenges": framework["challenges"] if hindsight else [],
        "obligations": _withhold(
            [
                o
                for o in (obligation_on(x, by_id, when) for x in framework["obligations"])
                if o is not None
            ],
            ("rationale", "notes"),
            hindsight,
        ),
    }
    if not hindsight:
        published = {s["id"] for s in framework["sources"] if _published_by(s, when)}
        past = _cite_only(past, published)
        past["summary"] = past_summary(past, when)
    return past


def _cite_only(past: Regime, published: set[str]) -> Regime:
    """Claims cite only sources in `published`; the bibliography keeps what is cited."""

    def keep(item: Any) -> Any:
        return {**item, "sources": [s for s in item["sources"] if s in published]}

    result: Any = dict(past)
    result["approach"] = {k: keep(v) if v else None for k, v in past["approach"].items()}
    for name in (
        "instruments",
        "institutions",
        "funding",
        "initiatives",
        "positions",
        "indicators",
        "challenges",
        "obligations",
    ):
        result[name] = [keep(item) for item in past[name]]
    cited = {s for name in result for s in _cited(result[name])}
    cited |= {i["official_text"] for i in result["instruments"] if i["official_text"]}
    result["sources"] = [s for s in past["sources"] if s["id"] in cited and s["id"] in published]
    return result  # type: ignore[no-any-return]


def _cited(section: Any) -> list[str]:
    if isinstance(section, dict):
        return [s for v in section.values() if isinstance(v, dict) for s in v.get("sources", [])]
    if isinstance(section, list):
        return [s for item in section if isinstance(item, dict) for s in item.get("sources", [])]
    return []


def past_summary(past: Regime, when: str) -> str:
    """A summary of a past state built from its own data, so it says nothing of later."""
    from .dimensions import get_dimension

    parts = []
    for dimension_id in ("legal_form", "compliance_basis"):
        found = past["approach"].get(dimension_id)
        if found:
            label = get_dimension(dimension_id).value(found["value"]).label
            parts.append(f"{get_dimension(dimension_id).label.lower()} {label.lower()}")
    dated = sorted(
        (instrument_start(i) or "", i["short_title"] or i["title"]) for i in past["instruments"]
    )
    text = f"{past['name']} as recorded for {when}"
    text += f": {', '.join(parts)}." if parts else "."
    if dated:
        latest_date, latest = dated[-1]
        text += f" {len(dated)} instrument{'s' * (len(dated) != 1)} recorded by then"
        text += f", the latest {latest} ({latest_date})." if latest_date else "."
    return text


def earliest_record(framework: Regime) -> str | None:
    """The earliest date anything in the file is known from."""
    dates: list[str] = []
    for instrument in framework["instruments"]:
        known: dict[str, Any] = dict(instrument["dates"])
        dates += [v for v in known.values() if v]
    for d in DIMENSIONS:
        found = assessment(framework, d.id)
        if found is not None:
            dates += [e["since"] for e in [*found["history"], found] if e["since"]]
    dates += [i["founded"] for i in framework["institutions"] if i["founded"]]
    return min(dates) if dates else None


def check_when(framework: Regime, when: str | None) -> None:
    """Refuse a date before anything the file records, rather than guess."""
    if when is None:
        return
    earliest = earliest_record(framework)
    if earliest is None or when < earliest:
        since = f"; its earliest record is {earliest}" if earliest else ""
        raise NoRecordYet(
            f"{framework['id']}@{when}: before anything the file records{since}", framework["id"]
        )


class NoRecordYet(AigovError):
    """A date before anything a file records."""

    def __init__(self, message: str, framework_id: str) -> None:
        super().__init__(message)
        self.framework_id = framework_id
