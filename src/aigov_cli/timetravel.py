"""A regime as it stood on a date: dimension values from history, only what existed then.

Dates are ISO text (possibly partial: "2024-02"), which sorts in date order; a partial
date counts as its first day.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .dimensions import DIMENSIONS
from .errors import AigovError

if TYPE_CHECKING:
    from .models import Assessment, Framework, Instrument


def value_on(assessment: Assessment, when: str) -> Assessment | None:
    """The assessment in force on `when`; None before the earliest record."""
    entries: list[Any] = [*assessment.history, assessment]
    current: Any = None
    for entry in entries:
        if entry.since is None or entry.since <= when:
            current = entry
    if current is None:
        return None
    if entries.index(current) == len(entries) - 1:
        return assessment
    past: Assessment = type(assessment)(
        value=current.value,
        since=current.since,
        rationale=current.rationale,
        sources=list(current.sources),
        history=[],
    )
    return past


def _first_date(*dates: str | None) -> str | None:
    known = [d for d in dates if d]
    return min(known) if known else None


def instrument_on(instrument: Instrument, when: str) -> Instrument | None:
    """The instrument with its status on `when`, or None if it did not exist yet."""
    d = instrument.dates
    start = _first_date(d.introduced, d.adopted, d.in_force, d.applicable)
    if start is None or start > when:
        return None
    if d.revoked and d.revoked <= when:
        status = "revoked"
    elif d.lapsed and d.lapsed <= when:
        status = "lapsed"
    elif d.in_force and d.in_force <= when:
        status = (
            instrument.status
            if instrument.status in ("in_force", "phased", "amended")
            else "in_force"
        )
    elif d.adopted and d.adopted <= when:
        status = "enacted" if instrument.binding else "published"
    else:
        status = "proposed"
    if status == "in_force" and d.applicable and d.applicable > when:
        status = "enacted"
    milestones = [m for m in instrument.milestones if m.date <= when]
    return instrument.model_copy(update={"status": status, "milestones": milestones})


def snapshot(framework: Framework, when: str | None) -> Framework:
    """`framework` as it stood on `when` (unchanged when `when` is None or after as_of)."""
    if when is None or when >= framework.as_of:
        return framework
    approach = framework.approach.model_copy(
        update={
            d.id: value_on(a, when)
            for d in DIMENSIONS
            if (a := framework.assessment(d.id)) is not None
        }
    )
    instruments = [i for i in (instrument_on(x, when) for x in framework.instruments) if i]
    institutions = [
        i.model_copy(update={"events": [e for e in i.events if e.date <= when]})
        for i in framework.institutions
        if (_first_date(i.founded, *(e.date for e in i.events)) or "9999") <= when
        and not (i.dissolved and i.dissolved <= when)
    ]
    funding = [f for f in framework.funding if f.start is not None and f.start <= when]
    initiatives = [i for i in framework.initiatives if i.started is not None and i.started <= when]
    positions = [p for p in framework.positions if p.since is None or p.since <= when]
    return framework.model_copy(
        update={
            "approach": approach,
            "instruments": instruments,
            "institutions": institutions,
            "funding": funding,
            "initiatives": initiatives,
            "positions": positions,
            "indicators": [i for i in framework.indicators if str(i.year) <= when[:4]],
        }
    )


def earliest_record(framework: Framework) -> str | None:
    """The earliest date anything in the file is known from."""
    dates: list[str] = []
    for instrument in framework.instruments:
        dates += [v for v in instrument.dates.model_dump().values() if v]
    for dimension in DIMENSIONS:
        assessment = framework.assessment(dimension.id)
        if assessment is not None:
            dates += [e.since for e in assessment.history if e.since]
            dates += [assessment.since] if assessment.since else []
    dates += [i.founded for i in framework.institutions if i.founded]
    return min(dates) if dates else None


def check_when(framework: Framework, when: str | None) -> None:
    """Refuse a date before anything the file records, rather than guess."""
    if when is None:
        return
    earliest = earliest_record(framework)
    if earliest is None or when < earliest:
        since = f"; its earliest record is {earliest}" if earliest else ""
        raise AigovError(f"{framework.id}@{when}: before anything the file records{since}")
