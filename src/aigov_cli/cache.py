"""Validated framework data, cached so that a warm run imports neither pydantic nor yaml.

One small JSON file per source file, named by a hash of the source's absolute path and
holding the key it was made from: the path, the file's mtime_ns, ctime_ns, size and inode,
and aigov's version. Any change to the file (or to aigov) changes the key, so an entry is
never stale. An entry that cannot be read or parsed is ignored and rebuilt. Entries are
written to a temporary file and renamed into place, so concurrent runs never see half an
entry; a read-only or missing cache folder only means no caching. `--no-cache` or
AIGOV_NO_CACHE=1 turns it off.
"""

from __future__ import annotations

import contextlib
import json
import os
import zlib
from pathlib import Path
from typing import Any

from . import __version__
from .errors import LoadError, Problem
from .regime import Regime

FORMAT = 1  # bump when the cached data's shape changes


def cache_dir() -> Path:
    """$AIGOV_CACHE_DIR, else $XDG_CACHE_HOME/aigov, else ~/.cache/aigov."""
    explicit = os.environ.get("AIGOV_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "aigov"


def key_of(path: Path) -> list[Any] | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return [str(path), st.st_mtime_ns, st.st_ctime_ns, st.st_size, st.st_ino, __version__, FORMAT]


def _entry_path(folder: Path, source: Path) -> Path:
    # Two cheap 32-bit checksums name the entry (hashlib costs a millisecond to import);
    # the full path inside the entry's key guards against a clash.
    raw = str(source).encode("utf-8", "surrogateescape")
    return folder / f"{zlib.crc32(raw):08x}{zlib.adler32(raw):08x}.json"


def read(source: Path, key: list[Any], folder: Path) -> Regime | None:
    """The cached data for `source` if it was made from exactly `key`."""
    try:
        with _entry_path(folder, source).open("rb") as handle:
            entry = json.loads(handle.read())
    except (OSError, ValueError):
        return None
    if not isinstance(entry, dict) or entry.get("key") != key:
        return None
    data = entry.get("data")
    return data if isinstance(data, dict) else None


def _write_atomically(target: Path, payload: Any) -> None:
    """Write JSON to `target` through a temporary file; any failure only means no cache."""
    import tempfile

    tmp = None
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".entry-", suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(payload, handle, ensure_ascii=False, separators=(",", ":"))
        Path(tmp).replace(target)
        tmp = None
    except OSError:
        pass
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                Path(tmp).unlink()


def write(source: Path, key: list[Any], data: Regime, folder: Path) -> None:
    """Store `data` for `source`."""
    _write_atomically(_entry_path(folder, source), {"key": key, "data": data})


def _index_path() -> Path:
    return cache_dir() / "summaries.json"


def read_index() -> dict[str, Any]:
    """Summaries by source path, each with the key it was made from ({} when unreadable)."""
    try:
        with _index_path().open("rb") as handle:
            index = json.loads(handle.read())
    except (OSError, ValueError):
        return {}
    return index if isinstance(index, dict) and index.get("format") == FORMAT else {}


def write_index(index: dict[str, Any]) -> None:
    """Store the summaries, dropping those whose files are gone."""
    entries = {path: e for path, e in index.get("entries", {}).items() if Path(path).exists()}
    _write_atomically(_index_path(), {"format": FORMAT, "entries": entries})


def validate_to_data(path: Path, display: str | None = None) -> Regime:
    """Load and validate one file into plain data; a LoadError carries every problem."""
    from .validation import check_file

    framework, problems = check_file(path, display=display)
    if problems or framework is None:
        raise LoadError(problems or [Problem(str(path), message="could not be loaded")])
    data: Regime = framework.model_dump(mode="json")
    return data


def load_validated(path: Path, *, use_cache: bool = True) -> Regime:
    """The validated data of `path`, from the cache when it is current."""
    source = path.absolute()
    key = key_of(source)
    if not use_cache or key is None:
        return validate_to_data(path)
    folder = cache_dir() / "frameworks"
    cached = read(source, key, folder)
    if cached is not None:
        return cached
    data = validate_to_data(path)
    write(source, key, data, folder)
    return data
