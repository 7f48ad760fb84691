"""A validated framework as plain data: what every command after validation works on.

The models validate a file once; their JSON-ready dump (every field present, None where
empty) is cached, and the comparison code reads it as plain dicts, so that a warm run
never imports pydantic or yaml.
"""

from __future__ import annotations

from typing import Any

Regime = dict[str, Any]

# The lists of a framework whose items have an `id` (positions are keyed by `topic`).
ITEM_SECTIONS = (
    "instruments",
    "institutions",
    "funding",
    "initiatives",
    "indicators",
    "challenges",
)
# Every list whose items are claims with their own `sources`.
CLAIM_SECTIONS = (*ITEM_SECTIONS, "positions")


def assessment(regime: Regime, dimension_id: str) -> dict[str, Any] | None:
    """The assessment of a dimension, or None when the file has none."""
    found: dict[str, Any] | None = regime["approach"].get(dimension_id)
    return found


def value(regime: Regime, dimension_id: str) -> str | None:
    """The value of a dimension, or None when the file has none."""
    found = assessment(regime, dimension_id)
    return found["value"] if found else None


def source(regime: Regime, source_id: str) -> dict[str, Any] | None:
    """The bibliography entry called `source_id`."""
    return next((s for s in regime["sources"] if s["id"] == source_id), None)


def without_none(data: Any) -> Any:
    """`data` with every None-valued key left out, recursively."""
    if isinstance(data, dict):
        return {k: without_none(v) for k, v in data.items() if v is not None}
    if isinstance(data, list):
        return [without_none(v) for v in data]
    return data


def summary_of(data: Regime) -> dict[str, Any]:
    """What `list` and name lookup need, without the rest of the file."""
    return {
        "id": data["id"],
        "name": data["name"],
        "kind": data["kind"],
        "as_of": data["as_of"],
        "aliases": data["aliases"],
        "values": {k: (v or {}).get("value") for k, v in data["approach"].items()},
    }
