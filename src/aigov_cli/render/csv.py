"""CSV: RFC 4180, one tidy table (see `records.py`); no text cell can become a formula."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from typing import Any

from .escape import csv_cell
from .records import to_records


def chunks(result: Any) -> Iterator[str]:
    """The result as CSV text (CRLF line ends, as RFC 4180 says), a row at a time."""
    header, rows = to_records(result)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([csv_cell(value) for value in row])
        if buffer.tell() > 1 << 16:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


def render(result: Any) -> str:
    """The result as CSV text."""
    return "".join(chunks(result))
