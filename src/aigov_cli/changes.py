"""What changed and what is coming: every dated event in the data, newest or soonest first.

Events come from instruments (introduced, adopted, in force, applicable, revoked, lapsed,
milestones), institutions (founded, renamed, ...), obligations (the day one starts or stops
applying) and ratings (the day a dimension's value changed, from its history).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from .analysis import Event, events, in_window, source_urls
from .compare import ref
from .dimensions import DIMENSIONS
from .record import Record
from .regime import Regime


class Changes(Record, kw_only=True):
    """`aigov changes`: dated events in a window, newest first."""

    events: tuple[Event, ...]
    since: str
    until: str | None = None


class Upcoming(Record, kw_only=True):
    """`aigov upcoming`: dated events after today, soonest first."""

    events: tuple[Event, ...]
    today: str
    until: str
    topics: tuple[str, ...] = ()


def _obligation_events(framework: Regime) -> Iterator[Event]:
    where = ref(framework)
    for o in framework["obligations"]:
        if o["strength"] == "none" or not o["id"]:
            continue
        common: dict[str, Any] = {
            "jurisdiction": where,
            "kind": "obligation",
            "item": o["id"],
            "title": o["requirement"] or o["topic"],
            "binding": o["strength"] in ("binding_duty", "binding_prohibition"),
            "detail": o["article"] or "",
            "topic": o["topic"],
            "strength": o["strength"],
            "sources": tuple(o["sources"]),
            "urls": source_urls(framework, o["sources"]),
        }
        if o["applies_from"]:
            yield Event(date=o["applies_from"], event="applies", **common)
        if o["applies_until"]:
            yield Event(date=o["applies_until"], event="lapses", **common)


def _rating_events(framework: Regime) -> Iterator[Event]:
    where = ref(framework)
    for d in DIMENSIONS:
        found = framework["approach"].get(d.id)
        if not found or not found["history"]:
            continue
        chain = [*found["history"], found]
        for before, after in itertools.pairwise(chain):
            if after["since"] and before["value"] != after["value"]:
                yield Event(
                    date=after["since"],
                    jurisdiction=where,
                    event="rating",
                    kind="rating",
                    item=d.id,
                    title=f"{d.label}: {d.value(before['value']).label} to {d.value(after['value']).label}",
                    detail=f"{d.id}: {before['value']} -> {after['value']}",
                    sources=tuple(after["sources"]),
                    urls=source_urls(framework, after["sources"]),
                )


def all_events(framework: Regime) -> Iterator[Event]:
    """Every dated event of one framework."""
    yield from events(framework)
    yield from _obligation_events(framework)
    yield from _rating_events(framework)


def _key(e: Event) -> tuple[str, str, str, str, str]:
    return (e.date, e.jurisdiction.id, e.kind, e.item, e.event)


def changes(frameworks: Iterable[Regime], since: str, until: str | None = None) -> Changes:
    """Events on or after `since` (and on or before `until`), newest first."""
    found = [e for f in frameworks for e in all_events(f) if in_window(e.date, since, until)]
    found.sort(key=_key, reverse=True)
    return Changes(events=tuple(found), since=since, until=until)


def _topics_of(framework: Regime) -> dict[str, set[str]]:
    topics: dict[str, set[str]] = {}
    for o in framework["obligations"]:
        if o["instrument"] and o["strength"] != "none":
            topics.setdefault(o["instrument"], set()).add(o["topic"])
    return topics


def upcoming(
    frameworks: Iterable[Regime], today: str, until: str, topics: Sequence[str] = ()
) -> Upcoming:
    """Events after `today` up to `until`, soonest first; with `topics`, only obligations on
    them and the instrument events of instruments that carry such obligations."""
    found = []
    for framework in frameworks:
        on_topic = _topics_of(framework)
        by_obligation = {o["id"]: o["topic"] for o in framework["obligations"] if o["id"]}
        for e in all_events(framework):
            if not (e.date[: len(today)] > today[: len(e.date)] and e.date[: len(until)] <= until):
                continue
            if topics:
                wanted = set(topics)
                if e.kind == "obligation" and by_obligation.get(e.item) not in wanted:
                    continue
                if e.kind == "instrument" and not on_topic.get(e.item, set()) & wanted:
                    continue
                if e.kind in ("institution", "rating"):
                    continue
            found.append(e)
    found.sort(key=_key)
    return Upcoming(events=tuple(found), today=today, until=until, topics=tuple(topics))
