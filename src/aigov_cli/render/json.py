"""JSON: the documented shape of each result, pretty-printed, control characters escaped.

`chunks` encodes piece by piece (the data's long lists are built lazily, see
`data.Lazy`), so `compare --all` over thousands of files never holds the whole document,
as data or as text.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from .data import to_data
from .escape import json_safe


def chunks(result: Any) -> Iterator[str]:
    """The result as JSON text, in pieces."""
    encoder = json.JSONEncoder(indent=2, ensure_ascii=False, allow_nan=False)
    for piece in encoder.iterencode(to_data(result)):
        yield json_safe(piece)
    yield "\n"


def render(result: Any) -> str:
    """The result as JSON text."""
    return "".join(chunks(result))
