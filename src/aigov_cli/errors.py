"""Problems, errors and exit codes shared by every part of aigov."""

from __future__ import annotations

from enum import IntEnum

from .record import Record


class ExitCode(IntEnum):
    """Exit codes, as `diff` and `grep` use them."""

    OK = 0
    FOUND = 1  # diff found differences; validate found problems
    TROUBLE = 2  # usage error, unknown jurisdiction, unreadable or unloadable file
    INTERNAL = 70  # a bug in aigov (EX_SOFTWARE): the only case that says "internal error"
    INTERRUPTED = 130
    PIPE_CLOSED = 141  # the reader closed stdout early (128 + SIGPIPE), as shells report it


class Problem(Record):
    """One problem in one file, at a place when one is known (line and column from 1)."""

    file: str
    line: int = 0
    column: int = 0
    message: str = ""
    path: str = ""  # JSON-path-like location, e.g. $.approach.legal_form.value
    level: str = "error"  # "error" fails validation; "warning" is reported and passes

    def __lt__(self, other: Problem) -> bool:
        return self.astuple() < other.astuple()

    @property
    def is_error(self) -> bool:
        return self.level == "error"

    def __str__(self) -> str:
        message = self.message if self.is_error else f"{self.level}: {self.message}"
        if self.line:
            return f"{self.file}:{self.line}:{self.column}: {message}"
        if self.path:
            return f"{self.file}: {self.path}: {message}"
        return f"{self.file}: {message}"


class AigovError(Exception):
    """A user-facing error: one line of message and an exit code."""

    exit_code: ExitCode = ExitCode.TROUBLE

    def __init__(self, message: str, exit_code: ExitCode | None = None) -> None:
        super().__init__(message)
        if exit_code is not None:
            self.exit_code = exit_code


class LoadError(AigovError):
    """A framework file could not be read or parsed; carries its problems."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems)
        super().__init__(str(self.problems[0]) if self.problems else "could not load file")


class UsageError(AigovError):
    """A mistake in how aigov was called (a bad date, an unknown dimension): the CLI shows
    it as click shows its own usage errors, with the command's usage line."""


class UnknownJurisdictionError(AigovError):
    """An id that matches no framework file."""


class PipeClosed(Exception):
    """The reader of stdout went away; the run ends quietly with exit 141.

    Deliberately not an OSError, so that no layer between the write and the entry point
    (click's standalone mode among them) mistakes it for something to report.
    """
