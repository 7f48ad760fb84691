"""One label helper for every human view: dimensions, values, vocabularies, jurisdictions.

Views print labels; data formats print ids. Nothing else in the views spells a label.
"""

from __future__ import annotations

from ..dimensions import DIMENSIONS_BY_ID
from ..results import Ref
from ..vocabulary import label as term_label

NO_RECORD = "No record"
DATE_UNKNOWN = "date unknown"

# Timeline events that are not instrument dates or institution events.
_EVENTS = {
    "introduced": "Introduced",
    "adopted": "Adopted",
    "in_force": "In force",
    "applicable": "Applies",
    "revoked": "Revoked",
    "lapsed": "Lapsed",
    "milestone": "Milestone",
    "applies": "Obligation applies",
    "lapses": "Obligation lapses",
    "rating": "Rating changed",
}


def dimension(dimension_id: str) -> str:
    """'Legal form' for legal_form."""
    found = DIMENSIONS_BY_ID.get(dimension_id)
    return found.label if found else dimension_id


def value(dimension_id: str, value_id: str | None) -> str:
    """'Soft law' for (legal_form, soft_law); 'No record' for None."""
    if value_id is None:
        return NO_RECORD
    found = DIMENSIONS_BY_ID.get(dimension_id)
    if found is None:
        return value_id
    try:
        return found.value(value_id).label
    except KeyError:
        return value_id


def term(vocabulary: str, term_id: str | None) -> str:
    """The label of a vocabulary term (topic, actor, strength, role, instrument type...)."""
    return term_label(vocabulary, term_id)


def topic(topic_id: str) -> str:
    """An obligation topic's label; any other topic (a position's) in words."""
    found = term_label("topic", topic_id)
    return found if found != topic_id else topic_id.replace("_", " ").capitalize()


def terms(vocabulary: str, term_ids: list[str] | tuple[str, ...]) -> str:
    """Several terms' labels, comma-separated."""
    return ", ".join(term(vocabulary, t) for t in term_ids)


def event(event_id: str) -> str:
    """'In force' for in_force; institution events by their vocabulary."""
    return _EVENTS.get(event_id) or term("event", event_id)


def name(ref: Ref) -> str:
    """'Japan', or 'Japan (2024-04-01)' for a past state."""
    return f"{ref.name} ({ref.at})" if ref.at else ref.name


def date_or_unknown(date: str | None) -> str:
    """A date, or 'date unknown'."""
    return date or DATE_UNKNOWN
