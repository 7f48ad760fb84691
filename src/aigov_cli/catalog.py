"""Load frameworks by name: ids, aliases and `ID@DATE`, through the registry."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from .errors import LoadError
from .regime import Regime, summary_of
from .registry import Entry, Registry, discover, normalise, split_date, unknown


class Catalog:
    """The visible frameworks, loaded on demand and validated once per process."""

    def __init__(self, registry: Registry, *, use_cache: bool = True) -> None:
        self.registry = registry
        self.use_cache = use_cache
        self._loaded: dict[str, Regime] = {}

    @classmethod
    def open(cls, frameworks_dirs: Sequence[Path] = (), *, use_cache: bool = True) -> Catalog:
        """The catalog of built-in plus user framework files."""
        return cls(discover(frameworks_dirs), use_cache=use_cache)

    def input_paths(self) -> list[Path]:
        """Every file this catalog may read (so that output never overwrites one)."""
        return [entry.path for entry in self.registry.entries.values()]

    def load(self, entry: Entry) -> Regime:
        """The validated data of one entry; a LoadError names file:line:col."""
        if entry.id not in self._loaded:
            from .cache import load_validated

            self._loaded[entry.id] = load_validated(entry.path, use_cache=self.use_cache)
        return self._loaded[entry.id]

    def all(self) -> list[Regime]:
        """Every visible framework, by id; the first file that fails to load raises."""
        problems = []
        frameworks = []
        for entry_id in self.registry.ids():
            try:
                frameworks.append(self.load(self.registry.entries[entry_id]))
            except LoadError as exc:
                problems += exc.problems
        if problems:
            raise LoadError(problems)
        return frameworks

    def summaries(self) -> list[dict[str, Any]]:
        """id, name, kind, as_of, aliases and dimension values of every visible framework.

        Read from one index in the cache when current, so that `list` and alias lookup over
        many files parse no YAML and no full data; files that changed are loaded (and
        validated) and the index is updated.
        """
        from . import cache

        index = cache.read_index() if self.use_cache else {}
        entries = index.setdefault("entries", {})
        summaries, problems, changed = [], [], False
        for entry_id in self.registry.ids():
            entry = self.registry.entries[entry_id]
            source = str(entry.path.absolute())
            key = cache.key_of(entry.path.absolute())
            hit = entries.get(source)
            if isinstance(hit, dict) and key is not None and hit.get("key") == key:
                summaries.append(hit["summary"])
                continue
            try:
                summary = summary_of(self.load(entry))
            except LoadError as exc:
                problems += exc.problems
                continue
            entries[source] = {"key": key, "summary": summary}
            summaries.append(summary)
            changed = True
        if changed and self.use_cache:
            cache.write_index(index)
        if problems:
            raise LoadError(problems)
        return summaries

    def resolve(self, name: str) -> tuple[Regime, str | None]:
        """The framework a name means (id or alias, case-insensitive), and its @DATE if any."""
        base, when = split_date(name)
        key = normalise(base)
        if key is None:
            raise unknown(name, [])
        entry = self.registry.entries.get(key)
        if entry is not None:
            return self.load(entry), when
        summaries = self.summaries()
        for summary in summaries:
            if key in summary["aliases"]:
                return self.load(self.registry.entries[summary["id"]]), when
        names = [*self.registry.ids(), *(a for s in summaries for a in s["aliases"])]
        raise unknown(base, names)

    def resolve_at(
        self, names: Sequence[str], as_of: str | None = None
    ) -> tuple[list[Regime], list[str | None]]:
        """Resolve names (ID or ID@DATE), each as it stood on its date (or `as_of`)."""
        from .timetravel import check_when, snapshot

        frameworks, ats = [], []
        for name in names:
            framework, at = self.resolve(name)
            at = at or as_of
            check_when(framework, at)
            frameworks.append(snapshot(framework, at))
            ats.append(at)
        return frameworks, ats
