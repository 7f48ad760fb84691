"""Atom (RFC 4287): `aigov changes` as a feed, one entry per event, ids stable across runs.

Built with the standard library's XML tools, so every string is escaped by construction.
An entry's id is a tag URI (RFC 4151) made from what identifies the event: jurisdiction,
kind, item, event and date; its links point at the event's sources.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
import zlib
from typing import Any

from .. import __version__
from ..changes import Changes
from . import labels
from .escape import one_line

ATOM = "http://www.w3.org/2005/Atom"
TAG = "tag:aigov.dev,2026"


def _stamp(date: str) -> str:
    """A (possibly partial) date as an RFC 3339 timestamp at midnight UTC."""
    year, month, day = [*date.split("-"), "01", "01"][:3]
    return f"{year}-{month}-{day}T00:00:00Z"


def entry_id(e: Any) -> str:
    """The event's stable id: what identifies it, and for a milestone (an item can have two
    on one day) a checksum of its description."""
    key = f"{TAG}:{e.jurisdiction.id}/{e.kind}/{e.item}/{e.event}/{e.date}"
    if e.event == "milestone":
        key += f"/{zlib.crc32(e.detail.encode('utf-8')):08x}"
    return key


def render(result: Any) -> str:
    """The changes as an Atom feed document."""
    if not isinstance(result, Changes):
        raise TypeError("atom renders only changes")
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed")
    window = f"since {result.since}" + (f" until {result.until}" if result.until else "")
    ET.SubElement(feed, f"{{{ATOM}}}title").text = f"AI governance changes {window} (aigov)"
    ET.SubElement(feed, f"{{{ATOM}}}id").text = f"{TAG}:changes/{result.since}/{result.until or ''}"
    newest = result.events[0].date if result.events else result.since
    ET.SubElement(feed, f"{{{ATOM}}}updated").text = _stamp(newest)
    author = ET.SubElement(feed, f"{{{ATOM}}}author")
    ET.SubElement(author, f"{{{ATOM}}}name").text = "aigov"
    ET.SubElement(feed, f"{{{ATOM}}}generator", version=__version__).text = "aigov"
    for e in result.events:
        item = ET.SubElement(feed, f"{{{ATOM}}}entry")
        title = f"{e.jurisdiction.name}: {labels.event(e.event)}: {e.title}"
        ET.SubElement(item, f"{{{ATOM}}}title").text = one_line(title)
        ET.SubElement(item, f"{{{ATOM}}}id").text = entry_id(e)
        ET.SubElement(item, f"{{{ATOM}}}updated").text = _stamp(e.date)
        ET.SubElement(item, f"{{{ATOM}}}category", term=e.kind)
        summary = " ".join(x for x in (e.date, one_line(e.detail)) if x)
        ET.SubElement(item, f"{{{ATOM}}}summary").text = summary
        for url in e.urls:
            if url.startswith(("https://", "http://")):
                ET.SubElement(item, f"{{{ATOM}}}link", rel="related", href=url)
    ET.indent(feed)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="unicode") + "\n"
