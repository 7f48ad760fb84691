"""JSON: the documented shape of each result, pretty-printed, control characters escaped."""

from __future__ import annotations

import json
from typing import Any

from .data import to_data
from .escape import json_safe


def render(result: Any) -> str:
    """The result as JSON text."""
    text = json.dumps(to_data(result), indent=2, ensure_ascii=False, allow_nan=False)
    return json_safe(text) + "\n"
