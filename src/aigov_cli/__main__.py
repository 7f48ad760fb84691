"""Entry point: `aigov` and `python -m aigov_cli`."""

from __future__ import annotations

import os
import sys


def main() -> None:
    """Run the CLI; a closed pipe ends quietly and Ctrl-C exits 130 without a traceback."""
    try:
        from .cli import run

        code = run()
        sys.stdout.flush()
    except KeyboardInterrupt:
        sys.stderr.write("\n")
        code = 130
    except BrokenPipeError:
        # Python docs' recipe: point stdout at devnull so the exit flush cannot fail again.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        code = 141
    sys.exit(code)


if __name__ == "__main__":
    main()
