"""Real processes: colour only on a terminal, NO_COLOR, pipes, closed pipes, Ctrl-C."""

from __future__ import annotations

import fcntl
import itertools
import json
import os
import pty
import re
import select
import signal
import struct
import subprocess
import sys
import termios
import time

import pytest

from .conftest import run_aigov


def run_in_pty(
    *args: str, env: dict[str, str] | None = None, size: tuple[int, int] | None = None
) -> bytes:
    """Run aigov with stdout on a pseudo-terminal (of `size` rows and columns); return all
    it printed."""
    leader, follower = pty.openpty()
    if size is not None:
        fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", size[0], size[1], 0, 0))
    full_env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "100", **(env or {})}
    if size is not None:
        full_env.pop("COLUMNS")
    full_env.pop("NO_COLOR", None) if "NO_COLOR" not in (env or {}) else None
    proc = subprocess.Popen(
        [sys.executable, "-m", "aigov_cli", *args],
        stdout=follower,
        stderr=subprocess.DEVNULL,
        env=full_env,
    )
    os.close(follower)
    chunks = []
    while True:
        ready, _, _ = select.select([leader], [], [], 30)
        if not ready:
            break
        try:
            chunk = os.read(leader, 65536)
        except OSError:
            break
        if not chunk:
            break
        chunks.append(chunk)
    proc.wait(timeout=30)
    os.close(leader)
    return b"".join(chunks)


def test_colour_on_a_terminal() -> None:
    assert b"\x1b[" in run_in_pty("compare", "japan", "china")


def test_no_color_on_a_terminal() -> None:
    assert b"\x1b[" not in run_in_pty("compare", "japan", "china", env={"NO_COLOR": "1"})


def test_term_dumb_and_color_never() -> None:
    assert b"\x1b[" not in run_in_pty("compare", "japan", "china", env={"TERM": "dumb"})
    assert b"\x1b[" not in run_in_pty("compare", "japan", "china", "--color", "never")


def test_piped_output_has_no_escapes_unless_forced() -> None:
    plain = run_aigov("compare", "japan", "china")
    assert plain.returncode == 0 and b"\x1b" not in plain.stdout
    forced = run_aigov("compare", "japan", "china", "--color", "always")
    assert b"\x1b[" in forced.stdout


def test_closed_pipe_ends_quietly() -> None:
    proc = subprocess.Popen(
        [sys.executable, "-m", "aigov_cli", "show", "japan", "-f", "json"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdout is not None
    proc.stdout.readline()
    proc.stdout.close()
    _, err = proc.communicate(timeout=60)
    assert b"Traceback" not in err
    assert err == b""


def test_ctrl_c_exits_130_quietly() -> None:
    code = (
        "import time, sys\n"
        "import aigov_cli.compare as c\n"
        "def slow(*a, **k):\n"
        "    print('ready', file=sys.stderr, flush=True); time.sleep(30)\n"
        "c.compare = slow\n"
        "sys.argv = ['aigov', 'compare', 'japan', 'china']\n"
        "from aigov_cli.__main__ import main\n"
        "main()\n"
    )
    proc = subprocess.Popen(
        [sys.executable, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    assert proc.stderr is not None
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and b"ready" not in proc.stderr.readline():
        pass
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=30)
    assert proc.returncode == 130
    assert b"Traceback" not in err


def test_no_traceback_for_usage_errors() -> None:
    done = run_aigov("compare", "--bogus")
    assert done.returncode == 2 and b"Traceback" not in done.stderr
    done = run_aigov("nonsense")
    assert done.returncode == 2 and b"No such command" in done.stderr


# -- 80 columns --------------------------------------------------------------------------

NARROW = [
    ["list"],
    ["show", "japan"],
    ["timeline", "japan"],
    ["compare", "--all"],
    ["sources", "japan", "--format", "table"],
    ["compare", "jp", "cn", "eu"],
    ["compare", "jp", "cn", "eu", "--detail"],
    ["obligations", "japan", "china", "eu", "south-korea", "--topic", "content_labelling"],
    ["diff", "japan", "china"],
    ["map"],
]
_BOX = re.compile("[│┃┌┐└┘├┤┬┴┼─]")


def _cells(line: str) -> list[str]:
    """A table line's cells (split at its vertical rules), or the line itself."""
    return line.split("│")[1:-1] if line.lstrip().startswith("│") else [line]


def words_of(*texts: str) -> set[str]:
    return {w for text in texts for w in _BOX.sub(" ", text).split()}


def split_words(text: str, words: set[str]) -> list[str]:
    """Words of 18 characters or fewer that a layout broke across two lines: the end of a
    cell's line and the start of the same cell's next line join into a known word."""
    found = []
    lines = text.splitlines()
    for above, below in itertools.pairwise(lines):
        top, bottom = _cells(above), _cells(below)
        if len(top) != len(bottom):
            continue
        for a, b in zip(top, bottom, strict=True):
            left, right = a.split(), b.split()
            if left and right:
                joined = left[-1] + right[0]
                if len(joined) <= 18 and joined in words and left[-1] not in words:
                    found.append(f"{left[-1]}|{right[0]}")
    return found


@pytest.mark.parametrize("args", NARROW, ids=lambda a: " ".join(a))
def test_80_columns_never_split_a_short_word(args: list[str]) -> None:
    """At 80 columns (a real pty), no id, date or word of 18 characters or fewer is broken
    across lines; the same command unwrapped is the dictionary of whole words."""
    out = run_in_pty(*args, "--color", "never", env={"PAGER": "cat"}, size=(40, 80)).decode()
    lines = out.replace("\r", "").splitlines()
    assert lines and max(len(line) for line in lines) <= 80
    wide = run_aigov(*args, env={"COLUMNS": "400"}).stdout.decode()
    data = run_aigov(*args, "-f", "json").stdout.decode() if "table" not in args else ""
    words = (
        words_of(wide, " ".join(str(v) for v in _strings(json.loads(data))))
        if data
        else words_of(wide)
    )
    assert split_words("\n".join(lines), words) == []


def _strings(node: object) -> list[str]:
    if isinstance(node, dict):
        return [s for v in node.values() for s in _strings(v)]
    if isinstance(node, list):
        return [s for v in node for s in _strings(v)]
    return [node] if isinstance(node, str) else []


def test_show_japan_at_80_columns_is_under_600_lines() -> None:
    out = run_in_pty("show", "japan", "--color", "never", env={"PAGER": "cat"}, size=(40, 80))
    assert 100 < len(out.decode().splitlines()) < 600


def test_long_output_goes_through_the_pager() -> None:
    pager = "sed s/^/PAGED:/"
    paged = run_in_pty("timeline", env={"PAGER": pager}, size=(24, 80)).decode()
    assert "PAGED:" in paged
    direct = run_in_pty("timeline", "--no-pager", env={"PAGER": pager}, size=(24, 80)).decode()
    assert "PAGED:" not in direct
    short = run_in_pty("dimensions", "legal_form", env={"PAGER": pager}, size=(200, 120)).decode()
    assert "PAGED:" not in short  # fits on the screen
    piped = run_aigov("timeline", env={"PAGER": pager}).stdout.decode()
    assert "PAGED:" not in piped  # never when piped
