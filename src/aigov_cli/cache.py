"""Load one framework file as a validated model."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from .errors import LoadError

if TYPE_CHECKING:
    from .models import Framework


def load_validated(path: Path, *, use_cache: bool = True) -> Framework:
    """The validated framework in `path`; a LoadError carries every problem found."""
    from .validation import check_file

    framework, problems = check_file(path)
    if problems or framework is None:
        raise LoadError(problems)
    return framework
