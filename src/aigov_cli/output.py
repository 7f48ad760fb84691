"""Where results go: stdout or an atomically written file, with or without colour."""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import AigovError

if TYPE_CHECKING:
    from rich.console import Console


def wants_color(color: str, stream: Any) -> bool:
    """Colour for `--color auto|always|never`, honouring NO_COLOR and TERM=dumb."""
    if color == "never":
        return False
    if color == "always":
        return True
    if os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def make_console(color: str, stream: Any = None, width: int | None = None) -> Console:
    """A rich console that never interprets markup, emoji codes or highlights data."""
    from rich.console import Console

    stream = stream if stream is not None else sys.stdout
    colored = wants_color(color, stream)
    if width is None and not colored:
        width = _plain_width(stream)
    return Console(
        file=stream,
        force_terminal=colored,
        no_color=not colored,
        color_system="auto" if colored else None,
        markup=False,
        emoji=False,
        highlight=False,
        width=width,
        legacy_windows=False,
        soft_wrap=False,
    )


def _plain_width(stream: Any) -> int:
    """Width for text that is not going to a terminal: $COLUMNS, else the terminal's, else 100."""
    with contextlib.suppress(ValueError):
        columns = int(os.environ.get("COLUMNS", ""))
        if columns > 20:
            return columns
    with contextlib.suppress(OSError, AttributeError, ValueError):
        if stream.isatty():
            return os.get_terminal_size(stream.fileno()).columns
    return 100


def write_text(text: str, output: Path | None, inputs: Sequence[Path] = ()) -> None:
    """Write to stdout, or atomically to `output` (temp file then rename)."""
    if output is None or str(output) == "-":
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    target = output.expanduser()
    if target.exists() and not target.is_file():
        _write_special(text, target, output)
        return
    resolved = target.resolve()
    if any(resolved == Path(p).resolve() for p in inputs):
        raise AigovError(f"{output}: refusing to overwrite an input framework file")
    folder = resolved.parent
    if not folder.is_dir():
        raise AigovError(f"{output}: folder {folder} does not exist")
    import tempfile

    tmp_name = None
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{resolved.name}.", suffix=".tmp", dir=folder)
        # mkstemp makes the file private (0600); give it the mode a plain open() would.
        os.fchmod(fd, _mode_for(resolved))
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        Path(tmp_name).replace(resolved)
        tmp_name = None
    except OSError as exc:
        raise AigovError(f"{output}: cannot write: {exc.strerror or exc}") from None
    finally:
        if tmp_name is not None:
            with contextlib.suppress(OSError):
                Path(tmp_name).unlink()


def _mode_for(target: Path) -> int:
    """The existing file's mode, or 0666 less the umask for a new file."""
    try:
        return target.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _write_special(text: str, target: Path, shown: Path) -> None:
    """Write straight to a device, pipe or terminal (/dev/stdout, a FIFO): renaming a temp
    file over it would replace the device itself."""
    try:
        with target.open("w", encoding="utf-8", newline="") as handle:
            handle.write(text)
    except OSError as exc:
        raise AigovError(f"{shown}: cannot write: {exc.strerror or exc}") from None


def error(message: str) -> None:
    """One line on stderr."""
    from .render.escape import inert

    sys.stderr.write(f"aigov: {inert(message)}\n")
    sys.stderr.flush()
