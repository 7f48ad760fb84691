"""Write a file atomically: a temporary file beside it, flushed to disk, renamed into place.

Readers see the old file or the new one, never half of either; a crash leaves the old file.
Used for `--output` and for the cache alike.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path


def write_atomically(
    target: Path, data: bytes | Iterable[bytes], *, mode: int | None = None
) -> None:
    """Replace `target` with `data` (bytes, or pieces written as they come); OSError on
    failure (the target is then unchanged)."""
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        if mode is not None:
            # mkstemp makes the file private (0600); give it the mode a plain open() would.
            os.fchmod(fd, mode)
        with os.fdopen(fd, "wb") as handle:
            for piece in [data] if isinstance(data, bytes) else data:
                handle.write(piece)
            handle.flush()
            os.fsync(handle.fileno())
        Path(tmp_name).replace(target)
    except BaseException:
        with contextlib.suppress(OSError):
            Path(tmp_name).unlink()
        raise


def default_mode(target: Path) -> int:
    """The existing file's mode, or 0666 less the umask for a new file."""
    try:
        return target.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
