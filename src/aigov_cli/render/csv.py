"""CSV: RFC 4180, one tidy table (see `records.py`); no text cell can become a formula."""

from __future__ import annotations

import csv
import io
from typing import Any

from .escape import csv_cell
from .records import to_records


def render(result: Any) -> str:
    """The result as CSV text (CRLF line ends, as RFC 4180 says)."""
    header, rows = to_records(result)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([csv_cell(value) for value in row])
    return buffer.getvalue()
