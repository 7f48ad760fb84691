"""Make data strings inert in every output: terminals, Markdown, CSV, HTML."""

from __future__ import annotations

import re

# C0 and C1 controls (but tab and newline), DEL, and the bidirectional-text controls that
# can make a terminal or browser show text in an order other than the bytes'.
_DANGEROUS = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]"
)


def _escape_char(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def inert(text: str) -> str:
    """Text with every control and bidi character shown as a visible escape."""
    return _DANGEROUS.sub(_escape_char, text)


def one_line(text: str) -> str:
    """Inert text on one line (newlines and tabs become spaces)."""
    return " ".join(inert(text).split())


def has_dangerous(text: str) -> bool:
    """Whether `text` holds a control or bidi character."""
    return _DANGEROUS.search(text) is not None


def json_safe(dumped: str) -> str:
    """JSON text with dangerous characters written as \\u escapes (still valid JSON)."""
    return _DANGEROUS.sub(lambda m: f"\\u{ord(m.group()):04x}", dumped)


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]<>|#!~])")
_URL_UNSAFE = re.compile(r"[\x00-\x20<>|\\\x7f-\x9f]")


def markdown_text(text: str) -> str:
    """Text that stays on one line, inside one GitHub table cell, and renders literally."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", one_line(text)).replace("&", "&amp;")


def markdown_url(url: str) -> str:
    """A link destination for `[title](<url>)`: never backslash-escaped (cmark-gfm keeps
    the backslash in the href); characters that would end the link or the table cell are
    percent-encoded instead."""
    return "<" + _URL_UNSAFE.sub(lambda m: f"%{ord(m.group()):02X}", url) + ">"


def csv_cell(value: object) -> object:
    """A CSV field that no spreadsheet will read as a formula; numbers stay numbers and a
    missing value stays an empty cell."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if not isinstance(value, str):
        return value
    text = inert(value)
    if text[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + text
    return text
