"""HTML: one self-contained report, no external files.

Comparison (value, since when, rationale, numbered sources), obligations matrix, the map,
a timeline folded into a <details> element, how fresh each file is, and the sources.
Everything from the data is escaped; links are written only for http(s) URLs. No scripts,
fonts or stylesheets are loaded; the page reads on a phone and prints cleanly.
"""

from __future__ import annotations

from html import escape
from typing import Any

from ..analysis import Report, Timeline
from ..obligations import Matrix
from ..results import Comparison
from . import labels, svg
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
.since { font-weight: normal; color: var(--muted); }
.rationale { display: block; margin-top: .25rem; }
.strength { display: block; }
sup a, a { color: var(--accent); }
figure { margin: 0; } figure svg { max-width: 100%; height: auto; }
ol.sources li, ol.notes li { margin-bottom: .35rem; overflow-wrap: anywhere; }
details summary { cursor: pointer; color: var(--accent); margin: .5rem 0; }
@media (max-width: 640px) { body { font-size: 15px; padding: .5rem; } th, td { padding: .3rem; }
  h1 { font-size: 1.35rem; }
  /* Side-by-side tables become stacked blocks: each cell names its column. */
  table.stack, table.stack tbody, table.stack tr, table.stack th, table.stack td { display: block; width: 100%; }
  table.stack thead { display: none; }
  table.stack tr { border: 1px solid var(--line); margin-bottom: .8rem; }
  table.stack th, table.stack td { border: 0; border-top: 1px solid var(--line); }
  table.stack td::before { content: attr(data-label); display: block; font-weight: 700;
    color: var(--muted); font-size: .85rem; } }
@media print { body { max-width: none; } .scroll { overflow: visible; } a { color: inherit; }
  details > *:not(summary) { display: block; }
  tr.differs td, tr.differs th { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  h2 { break-after: avoid; } tr { break-inside: avoid; } }
"""

# Timeline events worth a line in a report; milestones and the rest stay in `aigov timeline`.
_KEY_EVENTS = ("adopted", "in_force", "applicable", "revoked", "lapsed", "founded")


def _t(text: object) -> str:
    return escape(inert(str(text)))


def _marks(numbers: tuple[int, ...]) -> str:
    links = ", ".join(f'<a href="#source-{n}">{n}</a>' for n in numbers)
    return f" <sup>[{links}]</sup>" if numbers else ""


def _comparison(result: Comparison) -> str:
    head = "".join(
        f'<th scope="col">{_t(c.name)}<br><span class="note">'
        f"{'as recorded for ' + _t(c.at) if c.at else 'file checked ' + _t(c.as_of)}</span></th>"
        for c in result.columns
    )
    # Shading helps the eye only when it picks some rows out; when every row differs,
    # the ≠ marks say so and the shading is left off.
    shade = not all(row.differs for row in result.rows)
    rows = []
    for row in result.rows:
        cells = []
        for column, c in zip(result.columns, row.cells, strict=True):
            since = f' <span class="since">since {_t(c.since)}</span>' if c.since else ""
            text = c.rationale
            if text is None and column.at and c.value:
                text = "(today's rationale is left out of a past view)"
            cells.append(
                f'<td data-label="{_t(labels.name(column))}">'
                f'<span class="value">{_t(labels.value(row.dimension, c.value))}{since}</span>'
                f'<span class="rationale">{_t(text or "")}{_marks(c.marks)}</span></td>'
            )
        marker = '<span class="marker" title="values differ">≠ </span>' if row.differs else ""
        css = ' class="differs"' if row.differs and shade else ""
        question = _question(row.dimension)
        rows.append(
            f'<tr{css}><th scope="row">{marker}{_t(labels.dimension(row.dimension))}'
            f'<br><span class="note">{_t(question)}</span></th>{"".join(cells)}</tr>'
        )
    return (
        f'<div class="scroll"><table class="stack"><thead><tr><th scope="col">Dimension</th>{head}</tr>'
        f"</thead><tbody>{''.join(rows)}</tbody></table></div>"
    )


def _question(dimension_id: str) -> str:
    from ..dimensions import get_dimension

    return get_dimension(dimension_id).question


def _obligations(result: Matrix) -> str:
    head = "".join(f'<th scope="col">{_t(labels.name(c))}</th>' for c in result.columns)
    rows = []
    for topic in result.topics:
        cells = []
        for column in result.columns:
            parts = []
            for e in result.cell(topic, column):
                o = e.obligation
                when = f" from {_t(o['applies_from'])}" if o.get("applies_from") else ""
                article = f" ({_t(o['article'])})" if o.get("article") else ""
                title = _t(o.get("requirement") or o.get("rationale") or "")
                parts.append(
                    f'<span class="strength" title="{title}">{_t(labels.term("strength", o["strength"]))}'
                    f"{when}{article}</span>"
                )
            label = _t(labels.name(column))
            cells.append(
                f'<td data-label="{label}">{"".join(parts) or "<span class=note>no record</span>"}</td>'
            )
        rows.append(
            f'<tr><th scope="row">{_t(labels.term("topic", topic))}</th>{"".join(cells)}</tr>'
        )
    return (
        f'<div class="scroll"><table class="stack"><thead><tr><th scope="col">Topic</th>{head}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table></div>"
    )


def _timeline(result: Timeline) -> str:
    events = [e for e in result.events if e.event in _KEY_EVENTS]
    rows = "".join(
        f'<tr><td class="nowrap">{_t(e.date)}</td><td>{_t(e.jurisdiction.name)}</td>'
        f"<td>{_t(labels.event(e.event))}</td><td>{_t(e.title)}</td></tr>"
        for e in events
    )
    return (
        f"<details><summary>{len(events)} dated events (instruments adopted, in force or "
        "revoked; institutions founded)</summary>"
        '<div class="scroll"><table><thead><tr><th>Date</th><th>Jurisdiction</th>'
        f"<th>Event</th><th>Title</th></tr></thead><tbody>{rows}</tbody></table></div></details>"
    )


def _freshness(report: Report) -> str:
    items = []
    for f in report.freshness:
        stale = (
            f"; {len(f.stale)} claim{'s' * (len(f.stale) != 1)} last checked before {_t(f.threshold)}"
            if f.threshold
            else ""
        )
        items.append(
            f"<li><strong>{_t(f.jurisdiction)}</strong>: data as of {_t(f.as_of)}, "
            f"oldest check {_t(f.oldest_verified)}{stale}</li>"
        )
    return f"<ul>{''.join(items)}</ul>"


def _sources(result: Comparison) -> str:
    items = []
    for ref in result.sources:
        who = ", ".join(x for x in (ref.author, ref.publisher) if x)
        title = _t(ref.title)
        if ref.url and ref.url.startswith(("https://", "http://")):
            title = f'<a href="{escape(ref.url, quote=True)}">{title}</a>'
        tail = "; ".join(
            _t(x)
            for x in (who, ref.date or "n.d.", labels.term("source_kind", ref.kind).lower())
            if x
        )
        items.append(
            f'<li id="source-{ref.number}" value="{ref.number}">'
            f"<strong>{_t(ref.jurisdiction)}</strong>: {title}. {tail}</li>"
        )
    return f'<ol class="sources">{"".join(items)}</ol>'


def render(result: Any) -> str:
    """The report as one HTML document."""
    if not isinstance(result, Report):
        raise TypeError("html renders only a report")
    comparison = result.comparison
    differing = sum(row.differs for row in comparison.rows)
    figure = svg.render(result.plane).replace("<svg xmlns", '<svg aria-label="map" xmlns', 1)
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
<p class="meta">Generated by aigov {_t(result.version)} on {_t(result.generated)}.
{differing} of {len(comparison.rows)} dimensions differ (marked ≠). Every value cites its
sources, numbered below.</p>
</header>
<main>
<section id="comparison">
<h2>Comparison</h2>
{_comparison(comparison)}
</section>
<section id="obligations">
<h2>Obligations</h2>
<p class="note">What each regime requires, topic by topic: strength, the date it applies from
and the article. Hover a cell for the requirement; <code>aigov obligations --detail</code>
gives it in full.</p>
{_obligations(result.obligations)}
</section>
<section id="map">
<h2>{_t(result.plane.x.label)} × {_t(result.plane.y.label)}</h2>
<figure>{figure}</figure>
</section>
<section id="timeline">
<h2>Timeline</h2>
{_timeline(result.timeline)}
</section>
<section id="freshness">
<h2>How current the data is</h2>
{_freshness(result)}
</section>
<section id="sources">
<h2>Sources</h2>
{_sources(comparison)}
</section>
</main>
</body>
</html>
"""
