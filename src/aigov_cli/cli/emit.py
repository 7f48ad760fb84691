"""From a result to stdout or a file: the format, the layout, the pager, the pipe."""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path
from typing import Any

from ..errors import UsageError
from ..output import terminal_size, wants_color, write_chunks, write_text

# What a file's extension says about the format it should hold.
EXTENSIONS = {
    ".json": "json",
    ".csv": "csv",
    ".md": "markdown",
    ".markdown": "markdown",
    ".yaml": "yaml",
    ".yml": "yaml",
    ".svg": "svg",
    ".html": "html",
    ".htm": "html",
    ".bib": "bibtex",
    ".atom": "atom",
    ".ics": "ics",
    ".txt": "table",
}


def choose_format(fmt: Any, output: Path | None, allowed: list[str], default: str = "table") -> str:
    """The format to write: the one given, else the output file's extension, else the
    default. A table is refused into a file whose extension names a data format."""
    given = getattr(fmt, "value", fmt)
    implied = EXTENSIONS.get(output.suffix.lower()) if output is not None else None
    if given is None:
        chosen = implied if implied in allowed else default
        if implied is not None and implied not in allowed:
            raise UsageError(
                f"--output {output}: this command cannot write {implied}; "
                f"give --format ({', '.join(allowed)})"
            )
        return chosen
    if given == "table" and implied not in (None, "table"):
        raise UsageError(
            f"--output {output}: refusing to write a terminal table into a .{implied} file; "
            f"use --format {implied}, or another file name"
        )
    return str(given)


def emit(
    result: Any,
    fmt: str,
    output: Path | None,
    color: Any = "auto",
    inputs: list[Path] | None = None,
    *,
    pager: bool = True,
) -> None:
    """Render `result` in `fmt` and write it to stdout or `output`."""
    from ..render import render_chunks, render_text

    if fmt != "table":
        write_chunks(render_chunks(result, fmt), output, inputs or [])
        return
    if output is not None and str(output) != "-":
        write_text(render_text(result, "table", width=100), output, inputs or [])
        return
    stream = sys.stdout
    colored = wants_color(getattr(color, "value", color), stream)
    columns, rows = terminal_size(stream)
    text = render_text(result, "table", width=columns, color=colored)
    if pager and rows and text.count("\n") > rows - 1 and _page(text):
        return
    write_text(text, None)


def _page(text: str) -> bool:
    """Show `text` through the user's pager as git does ($AIGOV_PAGER, $PAGER, less -FRX);
    False when there is none to run (then the caller prints it)."""
    import shlex
    import subprocess

    command = os.environ.get("AIGOV_PAGER", os.environ.get("PAGER", "less"))
    if not command.strip() or command.strip() == "cat" or os.environ.get("TERM") == "dumb":
        return False
    env = {**os.environ}
    env.setdefault("LESS", "FRX")  # quit if one screen, keep colours, leave the screen alone
    try:
        process = subprocess.Popen(shlex.split(command), stdin=subprocess.PIPE, env=env)
    except (OSError, ValueError):
        return False
    assert process.stdin is not None
    with contextlib.suppress(BrokenPipeError, OSError):  # the reader quit early: fine
        process.stdin.write(text.encode("utf-8", "replace"))
    with contextlib.suppress(BrokenPipeError, OSError):
        process.stdin.close()
    process.wait()
    return True


def open_api(frameworks_dir: list[Path] | None, no_cache: bool) -> Any:
    """The API over built-in and user frameworks, honouring --no-cache and $AIGOV_NO_CACHE."""
    from .. import api

    use_cache = not (no_cache or os.environ.get("AIGOV_NO_CACHE"))
    return api.open(frameworks_dir or [], use_cache=use_cache)


def deliver(
    gov: Any,
    result: Any,
    fmt: str,
    output: Path | None,
    color: Any = "auto",
    *,
    pager: bool = True,
    when: str | None = None,
) -> None:
    """Warnings and notices to stderr, then the result to stdout or `output`."""
    from ..output import error

    for warning in gov.warnings:
        error(warning)
    skipped = getattr(result, "skipped", ())
    if skipped:
        on = f" on {when}" if when else ""
        error(f"left out {', '.join(skipped)}: no record yet{on}")
    emit(result, fmt, output, color, gov.catalog.input_paths(), pager=pager)
