"""Render `validate` reports: text (file:line:col: message), JSON records, GitHub annotations."""

from __future__ import annotations

import json

from ..checker import Validation
from .escape import inert, json_safe


def _github_escape(text: str) -> str:
    # GitHub workflow commands percent-encode these in properties and messages.
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _github_property(text: str) -> str:
    return _github_escape(text).replace(":", "%3A").replace(",", "%2C")


def render_problems(report: Validation, fmt: str) -> str:
    """The report in `fmt`: text, json or github."""
    if fmt == "json":
        records = [
            {
                "file": p.file,
                "line": p.line or None,
                "column": p.column or None,
                "path": p.path or None,
                "message": p.message,
                "level": p.level,
            }
            for p in report.problems
        ]
        body = {"valid": report.ok, "files": len(report.files), "problems": records}
        return json_safe(json.dumps(body, indent=2, ensure_ascii=False)) + "\n"
    if fmt == "github":
        lines = []
        for p in report.problems:
            where = f"file={_github_property(p.file)}"
            if p.line:
                where += f",line={p.line},col={p.column}"
            lines.append(f"::{p.level} {where}::{_github_escape(inert(p.message))}")
        return "".join(line + "\n" for line in lines)
    return "".join(inert(str(p)) + "\n" for p in report.problems)
