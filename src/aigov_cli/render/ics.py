"""iCalendar (RFC 5545): `aigov upcoming` as all-day events, through the `icalendar` package.

One VEVENT per dated event: the jurisdiction and what happens in the summary, the details
and sources in the description, the first source as the URL. UIDs are stable across runs;
a date known only to the month is placed on its first day and says so.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from .. import __version__
from ..changes import Upcoming
from . import labels
from .atom import entry_id
from .escape import one_line


def _day(date: str) -> tuple[dt.date, bool]:
    """The calendar day of a (possibly partial) date, and whether it was exact."""
    parts = [int(p) for p in date.split("-")]
    exact = len(parts) == 3
    while len(parts) < 3:
        parts.append(1)
    return dt.date(*parts), exact


def render(result: Any) -> str:
    """The upcoming events as an iCalendar document."""
    if not isinstance(result, Upcoming):
        raise TypeError("ics renders only upcoming events")
    from icalendar import Calendar, Event

    calendar = Calendar()
    calendar.add("prodid", f"-//aigov//aigov {__version__}//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", "AI governance: what is coming (aigov)")
    stamp = dt.datetime.fromisoformat(result.today).replace(tzinfo=dt.UTC)
    for e in result.events:
        day, exact = _day(e.date)
        event = Event()
        event.add("uid", entry_id(e).replace("tag:", "").replace(",", "-") + "@aigov")
        event.add("dtstamp", stamp)
        event.add("dtstart", day)
        event.add("dtend", day + dt.timedelta(days=1))
        summary = f"{e.jurisdiction.name}: {labels.event(e.event)}: {e.title}"
        event.add("summary", one_line(summary if exact else f"{summary} (month only)"))
        description = [one_line(e.detail)] if e.detail else []
        description += [f"Date: {e.date}", *(f"Source: {url}" for url in e.urls)]
        event.add("description", "\n".join(description))
        event.add("categories", [e.kind])
        if e.urls:
            event.add("url", e.urls[0])
        calendar.add_component(event)
    text: str = calendar.to_ical().decode("utf-8")
    return text
