"""Loading, in one visible place: discover -> cache -> load -> validate.

`registry.discover()` finds the files (by name only, parsing nothing). For each file,
`Loader.data()` returns its validated plain data: from the cache when the cache holds an
entry made from the file's current bytes, otherwise by reading the bytes once, validating
them, and storing the result keyed by the state the file was in *before* it was read (see
`cache.py`). `Loader.summary()` does the same for the few fields that listings need, from
a per-folder index, so that `list` over many files loads none of them in full.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import LoadError, Problem
from .regime import Regime, summary_of

if TYPE_CHECKING:
    from .cache import Cache, Stamp
    from .plain import Summary


def read_and_validate(
    path: Path, stat: Callable[[Path], os.stat_result] = os.stat
) -> tuple[Regime, Stamp | None]:
    """Validate one file into plain data, and the stamp of the bytes validated (None when
    the file changed while it was read: such data is used once and never cached)."""
    from .cache import Stamp, checksum, stat_key
    from .loader import read_limited
    from .validation import check_bytes

    try:
        before = stat_key(stat(path))
    except OSError:
        before = None
    raw = read_limited(path)
    try:
        after = stat_key(stat(path))
    except OSError:
        after = None
    framework, problems = check_bytes(raw, str(path))
    errors = [p for p in problems if p.is_error]
    if errors or framework is None:
        raise LoadError(errors or [Problem(str(path), message="could not be loaded")])
    data: Regime = framework.model_dump(mode="json")  # type: ignore[assignment]
    stamp = Stamp(before, checksum(raw)) if before is not None and before == after else None
    return data, stamp


class Loader:
    """Validated data and summaries of framework files, through the cache when there is one."""

    def __init__(self, cache: Cache | None) -> None:
        self.cache = cache

    def data(self, path: Path) -> Regime:
        """The validated data of one file; a LoadError names file:line:col."""
        source = path.absolute()
        if self.cache is not None:
            hit = self.cache.get_data(source)
            if hit is not None:
                return hit  # type: ignore[return-value]
        data, stamp = read_and_validate(path, self.cache.stat if self.cache else os.stat)
        if self.cache is not None and stamp is not None:
            self.cache.put_data(source, stamp, dict(data))
            self.cache.put_summary(source, stamp, dict(summary_of(data)))
        return data

    def summary(self, path: Path) -> Summary:
        """What listings need of one file: from its folder's index when current."""
        source = path.absolute()
        if self.cache is not None:
            hit = self.cache.get_summary(source)
            if hit is not None:
                return hit  # type: ignore[return-value]
        return summary_of(self.data(path))

    def flush(self) -> None:
        """Write what this run added to the cache's indexes."""
        if self.cache is not None:
            self.cache.flush()
