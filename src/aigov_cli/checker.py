"""`aigov validate`: check many files, collect every problem, report them all."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .errors import AigovError, Problem
from .validation import check_file

_SUFFIXES = (".yaml", ".yml")


@dataclass
class Validation:
    """What `validate` found: how many files it checked and every problem, sorted."""

    files: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # about discovery, not about files

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]

    @property
    def ok(self) -> bool:
        return not self.errors

    def summary(self) -> str:
        """One line for stderr."""
        errors = self.errors
        warnings = len(self.problems) - len(errors)
        also = f" ({warnings} warning{'s' * (warnings != 1)})" if warnings else ""
        bad = len({p.file for p in errors})
        files = f"{len(self.files)} file{'s' * (len(self.files) != 1)}"
        if self.ok:
            return f"{files} valid{also}"
        noun = "problem" if len(errors) == 1 else "problems"
        return f"{len(errors)} {noun} in {bad} of {files}{also}"


def expand(paths: Sequence[Path]) -> list[Path]:
    """Files named, plus the YAML files under folders named (symlinked folders not followed)."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            for root, dirs, names in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                files += [Path(root) / n for n in sorted(names) if n.endswith(_SUFFIXES)]
        elif path.exists() or path.is_symlink():
            files.append(path)
        else:
            raise AigovError(f"{path}: no such file or folder")
    return files


def check(
    files: Iterable[Path],
    *,
    strict: bool = False,
    today: dt.date | None = None,
    known_ids: Iterable[str] = (),
    max_age: str | None = None,
) -> Validation:
    """Check every file; never stop at the first bad one.

    `known_ids` are the jurisdictions a file may sit `within` besides those checked here
    (the built-in ones, usually); a file's id is its name, so no file is parsed for this.
    `max_age` is a cut-off date: claims last verified before it are problems.
    """
    files = list(files)
    known = {*known_ids, *(Path(f).stem.lower() for f in files)}
    report = Validation()
    for file in files:
        report.files.append(str(file))
        _, problems = check_file(file, strict=strict, today=today, known_ids=known, max_age=max_age)
        report.problems += problems
    report.problems.sort()
    return report
