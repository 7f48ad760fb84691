"""HTML: one self-contained report (comparison, map, timeline, sources), no external files.

Everything from the data is escaped; links are written only for http(s) URLs. No scripts,
fonts or stylesheets are loaded; the page reads on a phone and prints cleanly.
"""

from __future__ import annotations

from html import escape
from typing import Any

from ..analysis import Report, Timeline
from ..results import Comparison
from . import svg
from .escape import inert

CSS = """
:root { color-scheme: light; --ink: #1b1f24; --muted: #57606a; --line: #d0d7de;
        --differs: #fff4ce; --accent: #0969da; }
* { box-sizing: border-box; }
body { font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Helvetica, Arial, sans-serif;
       color: var(--ink); margin: 0 auto; max-width: 1100px; padding: 1rem; }
h1 { font-size: 1.7rem; margin: .2rem 0; } h2 { margin-top: 2rem; border-bottom: 1px solid var(--line); }
.meta, .note, .rationale { color: var(--muted); font-size: .9rem; }
.scroll { overflow-x: auto; }
.nowrap { white-space: nowrap; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid var(--line); padding: .45rem .55rem; vertical-align: top; text-align: left; }
th { background: #f6f8fa; }
tr.differs td, tr.differs th { background: var(--differs); }
.marker { font-weight: bold; color: #9a6700; }
.value { font-weight: 600; display: block; }
.rationale { display: block; margin-top: .25rem; }
sup a, a { color: var(--accent); }
figure { margin: 0; } figure svg { max-width: 100%; height: auto; }
ol.sources li { margin-bottom: .35rem; word-break: break-word; }
@media (max-width: 640px) { body { font-size: 15px; padding: .5rem; } th, td { padding: .3rem; } }
@media print { body { max-width: none; } .scroll { overflow: visible; } a { color: inherit; }
  tr.differs td, tr.differs th { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  h2 { break-after: avoid; } tr { break-inside: avoid; } }
"""


def _t(text: object) -> str:
    return escape(inert(str(text)))


def _marks(numbers: tuple[int, ...]) -> str:
    links = ", ".join(f'<a href="#source-{n}">{n}</a>' for n in numbers)
    return f" <sup>[{links}]</sup>" if numbers else ""


def _comparison(result: Comparison) -> str:
    head = "".join(
        f'<th scope="col">{_t(c.name)}<br><span class="note">as of {_t(c.at or c.as_of)}</span></th>'
        for c in result.columns
    )
    rows = []
    for row in result.rows:
        cells = "".join(
            f'<td><span class="value">{_t(c.label)}</span>'
            f'<span class="rationale">{_t(c.rationale)}{_marks(c.marks)}</span></td>'
            for c in row.cells
        )
        marker = '<span class="marker" title="values differ">≠ </span>' if row.differs else ""
        css = ' class="differs"' if row.differs else ""
        rows.append(
            f'<tr{css}><th scope="row" title="{_t(row.question)}">{marker}{_t(row.label)}'
            f'<br><span class="note">{_t(row.question)}</span></th>{cells}</tr>'
        )
    return (
        f'<div class="scroll"><table><thead><tr><th scope="col">Dimension</th>{head}</tr>'
        f"</thead><tbody>{''.join(rows)}</tbody></table></div>"
    )


def _timeline(result: Timeline) -> str:
    rows = "".join(
        f'<tr><td class="nowrap">{_t(e.date)}</td>'
        f"<td>{_t(e.jurisdiction)}</td><td>{_t(e.event)}</td>"
        f"<td>{_t(e.title)}{'<br><span class=note>' + _t(e.detail) + '</span>' if e.detail else ''}</td>"
        f"<td>{'-' if e.binding is None else ('binding' if e.binding else 'non-binding')}</td></tr>"
        for e in result.events
    )
    return (
        '<div class="scroll"><table><thead><tr><th>Date</th><th>Jurisdiction</th>'
        f"<th>Event</th><th>Title</th><th>Binding</th></tr></thead><tbody>{rows}</tbody>"
        "</table></div>"
    )


def _sources(result: Comparison) -> str:
    items = []
    for ref in result.sources:
        who = ", ".join(x for x in (ref.author, ref.publisher) if x)
        title = _t(ref.title)
        if ref.url and ref.url.startswith(("https://", "http://")):
            title = f'<a href="{escape(ref.url, quote=True)}">{title}</a>'
        tail = "; ".join(_t(x) for x in (who, ref.date or "n.d.") if x)
        items.append(
            f'<li id="source-{ref.number}" value="{ref.number}">'
            f"<strong>{_t(ref.column)}</strong>: {title}. {tail}</li>"
        )
    return f'<ol class="sources">{"".join(items)}</ol>'


def render(result: Any) -> str:
    """The report as one HTML document."""
    if not isinstance(result, Report):
        raise TypeError("html renders only a report")
    names = ", ".join(c.name for c in result.comparison.columns)
    differing = sum(row.differs for row in result.comparison.rows)
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="aigov {_t(result.version)}">
<title>{_t(result.title)}</title>
<style>{CSS}</style>
</head>
<body>
<header>
<h1>{_t(result.title)}</h1>
<p class="meta">{_t(names)}. Generated by aigov {_t(result.version)} on {_t(result.generated)}.
{differing} of {len(result.comparison.rows)} dimensions differ (marked ≠). Every value cites
its sources, numbered below.</p>
</header>
<main>
<section id="comparison">
<h2>Comparison</h2>
{_comparison(result.comparison)}
</section>
<section id="map">
<h2>{_t(result.plane.x.label)} × {_t(result.plane.y.label)}</h2>
<figure>{svg.render(result.plane).replace("<svg xmlns", '<svg aria-label="map" xmlns', 1)}</figure>
</section>
<section id="timeline">
<h2>Timeline</h2>
{_timeline(result.timeline)}
</section>
<section id="sources">
<h2>Sources</h2>
{_sources(result.comparison)}
</section>
</main>
</body>
</html>
"""
