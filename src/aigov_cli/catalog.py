"""The visible frameworks by name: ids, aliases and `ID@DATE`, through the registry."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import LoadError, Problem
from .loading import Loader
from .regime import Regime
from .registry import Entry, Registry, discover, normalise, split_date, unknown

if TYPE_CHECKING:
    from .plain import Summary


class Catalog:
    """The visible frameworks, loaded on demand.

    Frameworks named one by one are kept for the rest of the run (a name is often resolved
    twice); bulk passes (`each`, `summaries`) keep nothing, so memory stays flat however
    many files a folder holds.
    """

    def __init__(self, registry: Registry, loader: Loader) -> None:
        self.registry = registry
        self.loader = loader
        self._named: dict[str, Regime] = {}
        self._summaries: list[Summary] | None = None

    @classmethod
    def open(cls, frameworks_dirs: Sequence[Path] = (), *, use_cache: bool = True) -> Catalog:
        """The catalog of built-in plus user framework files."""
        from .cache import Cache

        cache = Cache.default() if use_cache else None
        return cls(discover(frameworks_dirs), Loader(cache))

    def input_paths(self) -> list[Path]:
        """Every file this catalog may read (so that output never overwrites one)."""
        return [entry.path for entry in self.registry.entries.values()]

    def load(self, entry: Entry) -> Regime:
        """The validated data of one entry; a LoadError names file:line:col."""
        if entry.id not in self._named:
            self._named[entry.id] = self.loader.data(entry.path)
            self.loader.flush()
        return self._named[entry.id]

    def each(self, ids: Sequence[str] | None = None) -> Iterator[Regime]:
        """The frameworks with these ids (all when None), one at a time; every file that
        fails to load is reported together, after the others."""
        problems: list[Problem] = []
        for entry_id in self.registry.ids() if ids is None else ids:
            entry = self.registry.entries[entry_id]
            try:
                yield self._named.get(entry_id) or self.loader.data(entry.path)
            except LoadError as exc:
                problems += exc.problems
        self.loader.flush()
        if problems:
            raise LoadError(problems)

    def summaries(self) -> list[Summary]:
        """id, name, kind, as_of, aliases, dimension values and counts of every framework.

        Read from the cache's per-folder index when current, so that `list` and alias
        lookup over many files parse no YAML and hold no full data.
        """
        if self._summaries is None:
            summaries, problems = [], []
            for entry_id in self.registry.ids():
                try:
                    summaries.append(self.loader.summary(self.registry.entries[entry_id].path))
                except LoadError as exc:
                    problems += exc.problems
            self.loader.flush()
            if problems:
                raise LoadError(problems)
            self._summaries = summaries
        return self._summaries

    def entry(self, name: str) -> Entry:
        """The file a name means: its id or an alias, case-insensitively."""
        key = normalise(name)
        if key is None:
            raise unknown(name, [])
        entry = self.registry.entries.get(key)
        if entry is not None:
            return entry
        summaries = self.summaries()
        for summary in summaries:
            if key in summary["aliases"]:
                return self.registry.entries[summary["id"]]
        raise unknown(name, [*self.registry.ids(), *(a for s in summaries for a in s["aliases"])])

    def resolve(self, name: str) -> tuple[Regime, str | None]:
        """The framework a name means (id, alias or ID@DATE), and its date if any."""
        base, when = split_date(name)
        return self.load(self.entry(base)), when
