"""A regime as it stood on a date: dimension values from history, only what existed then.

Dates are ISO text (possibly partial: "2024-02"), which sorts in date order; a partial
date counts as its first day.
"""

from __future__ import annotations

from typing import Any

from .dimensions import DIMENSIONS
from .errors import AigovError
from .regime import Regime, assessment


def value_on(current: dict[str, Any], when: str) -> dict[str, Any] | None:
    """The assessment in force on `when` (history entries are oldest first); None before
    the earliest record."""
    in_force = None
    for entry in [*current["history"], current]:
        if entry["since"] is None or entry["since"] <= when:
            in_force = entry
    if in_force is None or in_force is current:
        return in_force
    return {**in_force, "history": []}


def _first_date(*dates: str | None) -> str | None:
    known = [d for d in dates if d]
    return min(known) if known else None


def _status_on(instrument: dict[str, Any], when: str) -> str:
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


def instrument_on(instrument: dict[str, Any], when: str) -> dict[str, Any] | None:
    """The instrument with its status on `when`, or None if it did not exist yet."""
    d = instrument["dates"]
    start = _first_date(d["introduced"], d["adopted"], d["in_force"], d["applicable"])
    if start is None or start > when:
        return None
    milestones = [m for m in instrument["milestones"] if m["date"] <= when]
    return {**instrument, "status": _status_on(instrument, when), "milestones": milestones}


def _existed(institution: dict[str, Any], when: str) -> bool:
    start = _first_date(institution["founded"], *(e["date"] for e in institution["events"]))
    ended = institution["dissolved"] and institution["dissolved"] <= when
    return start is not None and start <= when and not ended


def snapshot(framework: Regime, when: str | None) -> Regime:
    """`framework` as it stood on `when` (unchanged when `when` is None or after as_of)."""
    if when is None or when >= framework["as_of"]:
        return framework
    approach = {
        d.id: value_on(found, when) if (found := assessment(framework, d.id)) else None
        for d in DIMENSIONS
    }
    instruments = [i for i in (instrument_on(x, when) for x in framework["instruments"]) if i]
    institutions = [
        {**i, "events": [e for e in i["events"] if e["date"] <= when]}
        for i in framework["institutions"]
        if _existed(i, when)
    ]
    return {
        **framework,
        "approach": approach,
        "instruments": instruments,
        "institutions": institutions,
        "funding": [f for f in framework["funding"] if f["start"] and f["start"] <= when],
        "initiatives": [
            i for i in framework["initiatives"] if i["started"] and i["started"] <= when
        ],
        "positions": [
            p for p in framework["positions"] if p["since"] is None or p["since"] <= when
        ],
        "indicators": [i for i in framework["indicators"] if str(i["year"]) <= when[:4]],
    }


def earliest_record(framework: Regime) -> str | None:
    """The earliest date anything in the file is known from."""
    dates: list[str] = []
    for instrument in framework["instruments"]:
        dates += [v for v in instrument["dates"].values() if v]
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
        raise AigovError(f"{framework['id']}@{when}: before anything the file records{since}")
