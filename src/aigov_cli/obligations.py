"""The obligations matrix: what each regime requires, topic by topic, of whom, from when."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from .compare import ref
from .errors import UsageError
from .record import Record
from .regime import Regime, source
from .results import Ref
from .vocabulary import ids


class Entry(Record, kw_only=True):
    """One obligation of one jurisdiction, with what a reader needs to check it."""

    jurisdiction: Ref
    obligation: dict[str, Any]
    instrument: dict[str, Any] | None = None  # id, title, short_title, identifier, status
    sources: tuple[dict[str, Any], ...] = ()  # id, title, url, kind
    via: str | None = None  # the layer it is inherited from (e.g. european-union)


class Matrix(Record, kw_only=True):
    """`aigov obligations`: topics x jurisdictions, each cell the entries that answer it."""

    columns: tuple[Ref, ...]
    topics: tuple[str, ...]
    entries: tuple[Entry, ...]
    detail: bool = False
    skipped: tuple[str, ...] = ()

    def cell(self, topic: str, column: Ref) -> list[Entry]:
        """The entries of one jurisdiction on one topic."""
        return [
            e for e in self.entries if e.jurisdiction == column and e.obligation["topic"] == topic
        ]


def check_terms(vocabulary: str, given: Sequence[str], option: str) -> tuple[str, ...]:
    """Values of --topic, --actor or --strength, checked against their vocabulary."""
    known = ids(vocabulary)
    for value in given:
        if value not in known:
            raise UsageError(f"{option} {value!r}: choose from {', '.join(known)}")
    return tuple(given)


def _entry(framework: Regime, where: Ref, obligation: Any, via: str | None) -> Entry:
    instruments = {i["id"]: i for i in framework["instruments"]}
    found = instruments.get(obligation.get("instrument") or "")
    cited = [source(framework, s) for s in obligation["sources"]]
    return Entry(
        jurisdiction=where,
        obligation=dict(obligation),
        instrument={
            k: found[k] for k in ("id", "title", "short_title", "identifier", "status", "binding")
        }
        if found
        else None,
        sources=tuple(
            {"id": s["id"], "title": s["title"], "url": s["url"], "kind": s["kind"]}
            for s in cited
            if s is not None
        ),
        via=via,
    )


def matrix(
    frameworks: Iterable[tuple[Regime, str | None, Regime | None]],
    *,
    topics: Sequence[str] = (),
    actors: Sequence[str] = (),
    strengths: Sequence[str] = (),
    detail: bool = False,
    skipped: Sequence[str] = (),
) -> Matrix:
    """The obligations of each framework (and of the layer it sits within, when given),
    filtered by topic, actor and strength. A `none` answer is kept whatever the actor
    filter, since it answers the topic for everyone."""
    topics = check_terms("topic", topics, "--topic")
    actors = check_terms("actor", actors, "--actor")
    strengths = check_terms("strength", strengths, "--strength")
    columns, entries = [], []
    for framework, at, layer in frameworks:
        where = ref(framework, at)
        columns.append(where)
        sources = [(framework, None)] + ([(layer, layer["id"])] if layer else [])
        for owner, via in sources:
            for o in owner["obligations"]:
                if topics and o["topic"] not in topics:
                    continue
                if strengths and o["strength"] not in strengths:
                    continue
                if actors and o["strength"] != "none" and not set(actors) & set(o["actors"]):
                    continue
                entries.append(_entry(owner, where, o, via))
    shown = topics or ids("topic")
    return Matrix(
        columns=tuple(columns),
        topics=tuple(shown),
        entries=tuple(entries),
        detail=detail,
        skipped=tuple(skipped),
    )
