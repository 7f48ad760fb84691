"""Where results go: stdout or an atomically written file, with or without colour."""

from __future__ import annotations

import contextlib
import errno
import os
import sys
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from .errors import AigovError, PipeClosed


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


def terminal_size(stream: Any) -> tuple[int, int | None]:
    """(columns, rows) to lay text out for: $COLUMNS, else the terminal's when `stream` is
    one, else 100 columns; rows only on a terminal (None otherwise)."""
    rows = None
    columns = 100
    with contextlib.suppress(OSError, AttributeError, ValueError):
        if stream.isatty():
            size = os.get_terminal_size(stream.fileno())
            columns, rows = max(size.columns, 20), size.lines
    with contextlib.suppress(ValueError):
        given = int(os.environ.get("COLUMNS", ""))
        if given > 20:
            columns = given
    return columns, rows


def write_text(text: str, output: Path | None, inputs: Sequence[Path] = ()) -> None:
    """Write to stdout, or atomically to `output` (temp file, fsync, rename). A reader that
    closes stdout early raises PipeClosed, which ends the run quietly."""
    write_chunks([text], output, inputs)


def _batched(chunks: Iterable[str], size: int = 1 << 16) -> Iterator[str]:
    """The chunks joined into pieces of about `size` characters (fewer writes)."""
    buffer: list[str] = []
    length = 0
    for chunk in chunks:
        buffer.append(chunk)
        length += len(chunk)
        if length >= size:
            yield "".join(buffer)
            buffer, length = [], 0
    if buffer:
        yield "".join(buffer)


def write_chunks(chunks: Iterable[str], output: Path | None, inputs: Sequence[Path] = ()) -> None:
    """Write text produced piece by piece, so that a large document is never held whole:
    to stdout, or atomically to `output`."""
    if output is None or str(output) == "-":
        try:
            for piece in _batched(chunks):
                _write_stdout(piece)
        except BrokenPipeError:
            raise PipeClosed() from None
        except OSError as exc:
            if exc.errno == errno.EPIPE:
                raise PipeClosed() from None
            raise AigovError(f"cannot write to standard output: {exc.strerror or exc}") from None
        return
    target = output.expanduser()
    if target.exists() and not target.is_file():
        _write_special("".join(chunks), target, output)
        return
    resolved = target.resolve()
    if any(resolved == Path(p).resolve() for p in inputs):
        raise AigovError(f"{output}: refusing to overwrite an input framework file")
    folder = resolved.parent
    if not folder.is_dir():
        raise AigovError(f"{output}: folder {folder} does not exist")
    from .atomic import default_mode, write_atomically

    try:
        pieces = (piece.encode("utf-8") for piece in _batched(chunks))
        write_atomically(resolved, pieces, mode=default_mode(resolved))
    except OSError as exc:
        raise AigovError(f"{output}: cannot write: {exc.strerror or exc}") from None


def _write_stdout(text: str) -> None:
    """Write all of `text` to stdout, or raise.

    Under PYTHONUNBUFFERED the text layer writes straight to the file descriptor and
    ignores a short write, which is what a pipe gives when its reader goes away in the
    middle: the output would be cut and the run end with 0. So the bytes go to the
    descriptor here, in a loop, until all are written or the pipe is closed.
    """
    try:
        fd = sys.stdout.fileno()
    except (AttributeError, OSError, ValueError):  # not a real file: a test's capture
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    sys.stdout.flush()
    data = memoryview(text.encode(sys.stdout.encoding or "utf-8", "replace"))
    while data:
        written = os.write(fd, data)
        data = data[written:]


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
