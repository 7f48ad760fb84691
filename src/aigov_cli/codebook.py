"""The codebook (docs/codebook.md), read for `aigov dimensions ID`: one dimension's rules."""

from __future__ import annotations

import re
from pathlib import Path


def codebook_path() -> Path:
    """The codebook shipped in the wheel, or the one in a source checkout."""
    packaged = Path(__file__).resolve().parent / "codebook.md"
    if packaged.is_file():
        return packaged
    return Path(__file__).resolve().parents[2] / "docs" / "codebook.md"


def rules_for(dimension_id: str) -> str:
    """The codebook's section on one dimension (its heading names the id in backticks);
    empty when the codebook or the section is missing."""
    try:
        text = codebook_path().read_text(encoding="utf-8")
    except OSError:
        return ""
    lines = text.splitlines()
    start = None
    level = 0
    for n, line in enumerate(lines):
        heading = re.match(r"(#{2,4}) ", line)
        if heading and f"`{dimension_id}`" in line:
            start, level = n, len(heading.group(1))
            break
    if start is None:
        return ""
    end = len(lines)
    for n in range(start + 1, len(lines)):
        heading = re.match(r"(#{1,4}) ", lines[n])
        if heading and len(heading.group(1)) <= level:
            end = n
            break
    return "\n".join(lines[start:end]).strip()
