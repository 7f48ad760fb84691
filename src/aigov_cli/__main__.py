"""Entry point: `aigov` and `python -m aigov_cli`."""

from __future__ import annotations

import os
import sys


def _silence_stdout() -> None:
    """Point stdout at /dev/null so that the interpreter's last flush cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def main() -> None:
    """Run the CLI; a closed pipe ends quietly with 141 and Ctrl-C exits 130."""
    from .errors import ExitCode, PipeClosed

    try:
        from .cli import run

        code = run()
        sys.stdout.flush()
    except KeyboardInterrupt:
        sys.stderr.write("\n")
        code = ExitCode.INTERRUPTED
    except (PipeClosed, BrokenPipeError):
        _silence_stdout()
        code = ExitCode.PIPE_CLOSED
    sys.exit(int(code))


if __name__ == "__main__":
    main()
