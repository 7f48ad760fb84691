"""Load frameworks by name: ids, aliases and `ID@DATE`, through the registry."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import LoadError
from .registry import Entry, Registry, discover, normalise, split_date, unknown

if TYPE_CHECKING:
    from .models import Framework


class Catalog:
    """The visible frameworks, loaded on demand and validated once per process."""

    def __init__(self, registry: Registry, *, use_cache: bool = True) -> None:
        self.registry = registry
        self.use_cache = use_cache
        self._loaded: dict[str, Framework] = {}

    @classmethod
    def open(cls, frameworks_dirs: Sequence[Path] = (), *, use_cache: bool = True) -> Catalog:
        """The catalog of built-in plus user framework files."""
        return cls(discover(frameworks_dirs), use_cache=use_cache)

    def input_paths(self) -> list[Path]:
        """Every file this catalog may read (so that output never overwrites one)."""
        return [entry.path for entry in self.registry.entries.values()]

    def load(self, entry: Entry) -> Framework:
        """The validated framework of one entry; a LoadError names file:line:col."""
        if entry.id not in self._loaded:
            from .cache import load_validated

            self._loaded[entry.id] = load_validated(entry.path, use_cache=self.use_cache)
        return self._loaded[entry.id]

    def all(self) -> list[Framework]:
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

    def resolve(self, name: str) -> tuple[Framework, str | None]:
        """The framework a name means (id or alias, case-insensitive), and its @DATE if any."""
        base, when = split_date(name)
        key = normalise(base)
        if key is None:
            raise unknown(name, [])
        entry = self.registry.entries.get(key)
        if entry is not None:
            return self.load(entry), when
        for framework in self.all():
            if key in framework.aliases:
                return framework, when
        names = [*self.registry.ids(), *(a for f in self.all() for a in f.aliases)]
        raise unknown(base, names)

    def resolve_many(self, names: Sequence[str]) -> list[tuple[Framework, str | None]]:
        """Resolve several names, in order."""
        return [self.resolve(name) for name in names]
