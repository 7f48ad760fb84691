"""Find framework files: the built-in ones and the user's, and resolve names to them.

A jurisdiction's id is its file name without `.yaml` (validation enforces that the file's
`id` agrees), so finding files never needs to parse them. Names given on the command line
are looked up in this index only; a name is never used to build a path.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Sequence
from pathlib import Path

from .errors import AigovError, ExitCode, UnknownJurisdictionError, UsageError
from .record import Record

ENV_PATH = "AIGOV_FRAMEWORKS_PATH"
BUILT_IN = "built-in"
_SUFFIXES = (".yaml", ".yml")
_NAME = re.compile(r"[a-z0-9][a-z0-9-]{0,79}")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


class Entry(Record):
    """One framework file and where it came from."""

    id: str
    path: Path
    origin: str  # "built-in" or the path of the user file

    @property
    def builtin(self) -> bool:
        return self.origin == BUILT_IN


class Registry(Record):
    """Every framework file that is visible, by id, plus warnings met while looking."""

    entries: dict[str, Entry]
    warnings: list[str]

    def ids(self) -> list[str]:
        """All ids, sorted."""
        return sorted(self.entries)


def builtin_dir() -> Path:
    """The folder of the built-in framework files (in the wheel, or in a source checkout)."""
    # The wheel installs them beside this module (importlib.resources would give the same
    # folder for a regular install, at the cost of importing it).
    packaged = Path(__file__).resolve().parent / "frameworks"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "frameworks"


def _yaml_files(folder: Path, warnings: list[str]) -> list[Path]:
    try:
        children = sorted(folder.iterdir())
    except OSError as exc:
        raise AigovError(f"{folder}: cannot read folder: {exc.strerror or exc}") from None
    files = []
    for child in children:
        if child.name.startswith("."):
            continue
        try:
            is_file = child.is_file()
        except OSError:  # a symlink loop, or a name the OS refuses
            is_file = False
        if child.suffix in _SUFFIXES and is_file:
            files.append(child)
        elif child.suffix in _SUFFIXES:
            warnings.append(f"{child}: skipped: not a regular file")
    return files


def user_dirs(explicit: Sequence[Path] = ()) -> list[Path]:
    """User folders: those in $AIGOV_FRAMEWORKS_PATH, then those given with --frameworks-dir."""
    from_env = [Path(p) for p in os.environ.get(ENV_PATH, "").split(os.pathsep) if p]
    return [*from_env, *explicit]


def discover(explicit_dirs: Sequence[Path] = (), *, include_builtin: bool = True) -> Registry:
    """Index every visible framework file; a user file replaces a built-in one with its id."""
    registry = Registry({}, [])
    if include_builtin:
        for path in _yaml_files(builtin_dir(), registry.warnings):
            registry.entries[path.stem.lower()] = Entry(path.stem.lower(), path, BUILT_IN)
    seen_in_user: dict[str, Path] = {}
    for folder in user_dirs(explicit_dirs):
        if not folder.is_dir():
            raise AigovError(f"{folder}: frameworks folder does not exist or is not a folder")
        for path in _yaml_files(folder, registry.warnings):
            file_id = path.stem.lower()
            if file_id in seen_in_user and seen_in_user[file_id].resolve() != path.resolve():
                raise AigovError(
                    f"two framework files with id {file_id!r}: {seen_in_user[file_id]} and {path}"
                )
            seen_in_user[file_id] = path
            registry.entries[file_id] = Entry(file_id, path, str(path))
    return registry


def split_date(name: str) -> tuple[str, str | None]:
    """`japan@2024-04-01` as ('japan', '2024-04-01'); a bad date is a usage error."""
    base, sep, when = name.partition("@")
    if not sep:
        return name, None
    if not _DATE.fullmatch(when) or not is_date(when):
        raise UsageError(f"{shown(name)}: expected ID@YYYY-MM-DD with a real date")
    return base, when


def is_date(text: str) -> bool:
    """Whether `text` is a real YYYY-MM-DD date."""
    import datetime as dt

    try:
        dt.date.fromisoformat(text)
    except ValueError:
        return False
    return True


def shown(text: str) -> str:
    """A user-supplied name, made inert and short enough for a one-line message."""
    cleaned = "".join(ch if ch.isprintable() else f"\\x{ord(ch):02x}" for ch in text[:80])
    return repr(cleaned + ("..." if len(text) > 80 else ""))


def suggest(name: str, candidates: Iterable[str]) -> list[str]:
    """The closest candidates to a mistyped name."""
    import difflib

    return difflib.get_close_matches(name.lower(), sorted(set(candidates)), n=3, cutoff=0.6)


def unknown(name: str, candidates: Iterable[str]) -> UnknownJurisdictionError:
    """The error for a name that matches nothing, with suggestions."""
    close = suggest(name, candidates) if _NAME.fullmatch(name.lower()) else []
    hint = f"; did you mean {', '.join(close)}?" if close else "; see 'aigov list'"
    return UnknownJurisdictionError(f"unknown jurisdiction {shown(name)}{hint}", ExitCode.TROUBLE)


def normalise(name: str) -> str | None:
    """The lookup key for a name, or None when it cannot be an id or alias."""
    key = name.strip().lower()
    return key if _NAME.fullmatch(key) else None


_AS_OF = re.compile(rb"^as_of: *\"?([0-9]{4}-[0-9]{2}-[0-9]{2})", re.MULTILINE)


def newest_builtin_as_of() -> str:
    """The newest `as_of` among the built-in files, read from their first lines only."""
    newest = ""
    for path in _yaml_files(builtin_dir(), []):
        try:
            with path.open("rb") as handle:
                found = _AS_OF.search(handle.read(4096))
        except OSError:
            continue
        if found:
            newest = max(newest, found.group(1).decode())
    return newest or "unknown"
