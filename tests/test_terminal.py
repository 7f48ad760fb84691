"""Real processes: colour only on a terminal, NO_COLOR, pipes, closed pipes, Ctrl-C."""

from __future__ import annotations

import os
import pty
import select
import signal
import subprocess
import sys
import time

from .conftest import run_aigov


def run_in_pty(*args: str, env: dict[str, str] | None = None) -> bytes:
    """Run aigov with stdout on a pseudo-terminal; return all it printed."""
    leader, follower = pty.openpty()
    full_env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "100", **(env or {})}
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
