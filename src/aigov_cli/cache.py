"""The cache: validated data and summaries, stored so that a warm run parses no YAML.

It is an optimisation that must never change an answer and never fail a run:

- **Keyed before reading.** A file's stat key (mtime, ctime, size, inode) is taken before it
  is read and checked again after; an entry pairs that key, and a checksum of the bytes
  read, with the data made from those very bytes. A file that changed while it was read
  is not cached.
- **Racily clean entries** (as git calls them): timestamps prove nothing about a change
  made within their resolution (one or two seconds on ext3, FAT, HFS+ and many network
  filesystems). When a file's mtime or ctime is not safely older than the moment its entry
  was written, the entry is trusted only if the checksum of the file's bytes still matches;
  once the file is old enough, the entry is rewritten and timestamps suffice again.
- **Anything unexpected is a miss**: unreadable, truncated or wrongly shaped entries, a
  missing home directory, a relative XDG_CACHE_HOME (ignored, as the XDG spec says). Each
  file is a header line and a payload whose checksum the header holds, so an entry changed
  by anything but aigov (a half-written disk block, a hand edit) is a miss, whatever shape
  it has.
- **Bounded.** Summaries live in one small index per folder of framework files, so a large
  folder costs nothing to commands that do not read it; entries for files that are gone, or
  not used for `PRUNE_AFTER_DAYS`, are pruned (at most once a day); `aigov cache clear`
  empties it.

The rule and its reasons are in docs/performance.md.
"""

from __future__ import annotations

import contextlib
import json
import os
import time
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from . import __version__

FORMAT = 2  # bump when the cached data's shape changes
RACY_NS = 2_000_000_000  # FAT keeps mtimes to two seconds; allow for that much
PRUNE_AFTER_DAYS = 30
_DAY_NS = 86_400 * 1_000_000_000

Stat = Callable[[Path], os.stat_result]
Clock = Callable[[], int]


def _home() -> Path | None:
    """The home directory, or None when there is no usable one (no HOME, no passwd entry)."""
    home = os.environ.get("HOME")
    if home is not None:
        return Path(home) if Path(home).is_absolute() and home != "/" else None
    try:
        import pwd

        found = pwd.getpwuid(os.getuid()).pw_dir
    except (ImportError, KeyError, OSError):
        return None
    return Path(found) if Path(found).is_absolute() and found != "/" else None


def cache_dir() -> Path | None:
    """$AIGOV_CACHE_DIR, else $XDG_CACHE_HOME/aigov (if absolute), else ~/.cache/aigov;
    None when there is nowhere sensible to keep a cache."""
    explicit = os.environ.get("AIGOV_CACHE_DIR")
    if explicit:
        return Path(explicit).absolute()
    xdg = os.environ.get("XDG_CACHE_HOME", "")
    if xdg and Path(xdg).is_absolute():
        return Path(xdg) / "aigov"
    home = _home()
    return home / ".cache" / "aigov" if home else None


def file_stat(path: Path) -> os.stat_result:
    """A file's metadata. Tests replace this to simulate coarse timestamps."""
    return path.stat()


def now_ns() -> int:
    """The clock entries are stamped with. Tests replace this to move time."""
    return time.time_ns()


def stat_key(st: os.stat_result) -> list[int]:
    """What a file's metadata says about its content."""
    return [st.st_mtime_ns, st.st_ctime_ns, st.st_size, st.st_ino]


def checksum(raw: bytes) -> int:
    """A cheap checksum of a file's bytes (CRC-32 with the length folded in)."""
    return zlib.crc32(raw) ^ (len(raw) << 32)


class Stamp:
    """A file's state when it was read: its stat key and the checksum of the bytes read."""

    __slots__ = ("crc", "key")

    def __init__(self, key: list[int], crc: int) -> None:
        self.key = key
        self.crc = crc


def _name(text: str) -> str:
    # Two 32-bit checksums name a file in the cache (hashlib costs a millisecond to import);
    # the full path inside the entry guards against a clash.
    raw = text.encode("utf-8", "surrogateescape")
    return f"{zlib.crc32(raw):08x}{zlib.adler32(raw):08x}"


class Cache:
    """One cache folder. Every method swallows what goes wrong: a failure is a miss."""

    def __init__(self, root: Path, *, stat: Stat | None = None, clock: Clock | None = None) -> None:
        self.root = root
        self.stat = stat or file_stat
        self.clock = clock or now_ns
        self._indexes: dict[Path, dict[str, Any]] = {}
        self._dirty: set[Path] = set()

    @classmethod
    def default(cls) -> Cache | None:
        """The user's cache, or None when there is no place for one."""
        root = cache_dir()
        return cls(root) if root is not None else None

    # -- freshness ------------------------------------------------------------------------

    def _fresh(self, record: Any, source: Path) -> bool:
        """Whether a stored record was made from the file as it is now."""
        if not isinstance(record, dict):
            return False
        try:
            st = self.stat(source)
        except OSError:
            return False
        written = record.get("written")
        if record.get("key") != stat_key(st) or not isinstance(written, int):
            return False
        if max(st.st_mtime_ns, st.st_ctime_ns) + RACY_NS <= written:
            return True
        # Racily clean: the timestamps cannot tell; the bytes can.
        try:
            raw = source.read_bytes()
        except OSError:
            return False
        if checksum(raw) != record.get("crc"):
            return False
        if max(st.st_mtime_ns, st.st_ctime_ns) + RACY_NS <= self.clock():
            record["written"] = self.clock()  # old enough now: timestamps will do next time
            record["_refreshed"] = True
        return True

    def _record(self, stamp: Stamp, **payload: Any) -> dict[str, Any]:
        return {"key": stamp.key, "crc": stamp.crc, "written": self.clock(), **payload}

    # -- files: a header line, then the payload it vouches for ------------------------------

    @staticmethod
    def _load(path: Path) -> tuple[dict[str, Any], Any]:
        """(header, payload) of a cache file; ValueError when it is not one aigov wrote."""
        raw = path.read_bytes()
        head, sep, body = raw.partition(b"\n")
        header = json.loads(head)
        if not (
            sep
            and isinstance(header, dict)
            and header.get("format") == FORMAT
            and header.get("version") == __version__
            and header.get("payload") == zlib.crc32(body)
        ):
            raise ValueError("not a current aigov cache file")
        return header, json.loads(body)

    def _write(self, path: Path, header: dict[str, Any], payload: Any) -> None:
        from .atomic import write_atomically

        with contextlib.suppress(OSError, ValueError, TypeError):
            path.parent.mkdir(parents=True, exist_ok=True)
            # json.dumps runs the C encoder; json.dump to a file is the pure-Python one.
            body = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode(
                "utf-8", "surrogatepass"
            )
            head = {**header, "format": FORMAT, "version": __version__, "payload": zlib.crc32(body)}
            write_atomically(path, json.dumps(head).encode() + b"\n" + body)

    # -- validated data, one entry per file -------------------------------------------------

    def _data_path(self, source: Path) -> Path:
        return self.root / "data" / f"{_name(str(source))}.json"

    def get_data(self, source: Path) -> dict[str, Any] | None:
        """The validated data of `source` if its entry is current."""
        path = self._data_path(source)
        try:
            header, data = self._load(path)
            if not (
                header.get("source") == str(source)
                and self._fresh(header, source)
                and isinstance(data, dict)
            ):
                return None
        except Exception:  # any surprise in the cache is a miss, never an error
            return None
        if header.pop("_refreshed", False):
            self._write(path, header, data)
        else:
            with contextlib.suppress(OSError):
                os.utime(path)  # marks it used, for pruning
        return data

    def put_data(self, source: Path, stamp: Stamp, data: dict[str, Any]) -> None:
        """Store the data made from the bytes that `stamp` describes."""
        self._write(self._data_path(source), self._record(stamp, source=str(source)), data)

    # -- summaries, one index per folder ----------------------------------------------------

    def _index_path(self, folder: Path) -> Path:
        return self.root / "index" / f"{_name(str(folder))}.json"

    def _index(self, folder: Path) -> dict[str, Any]:
        if folder not in self._indexes:
            rows: dict[str, Any] = {}
            try:
                header, found = self._load(self._index_path(folder))
                if header.get("folder") == str(folder) and isinstance(found, dict):
                    rows = found
            except Exception:
                rows = {}
            self._indexes[folder] = rows
        return self._indexes[folder]

    def get_summary(self, source: Path) -> dict[str, Any] | None:
        """The summary of `source` from its folder's index, if current."""
        try:
            rows = self._index(source.parent)
            row = rows.get(source.name)
            if not (
                isinstance(row, dict)
                and self._fresh(row, source)
                and isinstance(row.get("summary"), dict)
            ):
                return None
            if row.pop("_refreshed", False):
                self._dirty.add(source.parent)
            summary: dict[str, Any] = row["summary"]
            return summary
        except Exception:
            return None

    def put_summary(self, source: Path, stamp: Stamp, summary: dict[str, Any]) -> None:
        """Record the summary made from the bytes that `stamp` describes."""
        with contextlib.suppress(Exception):
            self._index(source.parent)[source.name] = self._record(stamp, summary=summary)
            self._dirty.add(source.parent)

    def flush(self) -> None:
        """Write the indexes that changed, dropping rows for files that are gone."""
        for folder in sorted(self._dirty):
            rows = {
                name: row
                for name, row in self._indexes.get(folder, {}).items()
                if (folder / name).exists()
            }
            self._write(self._index_path(folder), {"folder": str(folder)}, rows)
        self._dirty.clear()
        self.prune()

    # -- housekeeping -------------------------------------------------------------------------

    def prune(self, *, force: bool = False) -> int:
        """Remove entries whose files are gone or that were not used for a while (at most
        once a day unless forced); the number removed."""
        marker = self.root / ".pruned"
        now = self.clock()
        try:
            if not force and marker.exists() and now - marker.stat().st_mtime_ns < _DAY_NS:
                return 0
            self.root.mkdir(parents=True, exist_ok=True)
            marker.touch()
        except OSError:
            return 0
        removed = 0
        for path in sorted((self.root / "data").glob("*.json")) + sorted(
            (self.root / "index").glob("*.json")
        ):
            with contextlib.suppress(Exception):
                unused = now - path.stat().st_mtime_ns > PRUNE_AFTER_DAYS * _DAY_NS
                try:
                    header = json.loads(path.read_bytes().partition(b"\n")[0])
                except ValueError:
                    header = {}
                origin = (
                    header.get("source") or header.get("folder")
                    if isinstance(header, dict)
                    else None
                )
                if unused or not isinstance(origin, str) or not Path(origin).exists():
                    path.unlink()
                    removed += 1
        return removed

    def info(self) -> dict[str, Any]:
        """Where the cache is, and what it holds."""
        files = [p for p in self.root.rglob("*.json") if p.is_file()] if self.root.is_dir() else []
        return {
            "path": str(self.root),
            "entries": sum(1 for p in files if p.parent.name == "data"),
            "indexes": sum(1 for p in files if p.parent.name == "index"),
            "bytes": sum(p.stat().st_size for p in files),
        }

    def clear(self) -> int:
        """Remove every entry; the number of files removed."""
        removed = 0
        for sub in ("data", "index"):
            for path in (self.root / sub).glob("*.json") if (self.root / sub).is_dir() else []:
                with contextlib.suppress(OSError):
                    path.unlink()
                    removed += 1
        with contextlib.suppress(OSError):
            (self.root / ".pruned").unlink()
        self._indexes.clear()
        self._dirty.clear()
        return removed
