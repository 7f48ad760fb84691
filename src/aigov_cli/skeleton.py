"""`aigov new`: a framework file with every section and dimension, each blank marked TODO.

`aigov validate` reports each TODO as one `file:line:col` problem, so an author can work
down the list.
"""

from __future__ import annotations

import datetime as dt
import json

from .dimensions import DIMENSIONS
from .models import is_slug

TODO = "TODO"


def _q(text: str) -> str:
    """A double-quoted YAML scalar (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def skeleton(framework_id: str, name: str, today: dt.date | None = None) -> str:
    """The text of a new framework file."""
    if not is_slug(framework_id):
        raise ValueError("an id is lower-case letters, digits and hyphens, e.g. new-zealand")
    day = (today or dt.date.today()).isoformat()
    lines = [
        "# yaml-language-server: $schema=../schema/framework.schema.json",
        f"# New framework file for {name}. Replace every TODO; `aigov validate` lists them.",
        "# Format: docs/framework-format.md. Every claim cites ids from `sources` below.",
        "schema_version: 2",
        f"id: {framework_id}",
        f"name: {_q(name)}",
        f"aliases: [{_q(TODO + ': ISO 3166 codes and short names, lower-case')}]",
        f"kind: {_q(TODO + ': national | supranational | subnational | multilateral')}",
        f"as_of: {day}",
        f"summary: {_q(TODO + ': two or three sentences on the regime today')}",
        "approach:",
    ]
    for d in DIMENSIONS:
        lines += [
            f"  {d.id}:  # {d.question}",
            f"    value: {_q(TODO + ': one of ' + ' | '.join(d.value_ids))}",
            f"    rationale: {_q(TODO + ': one or two sentences naming the instrument')}",
            f"    sources: [{_q(TODO + ': source ids')}]",
        ]
    lines += [
        "instruments:",
        f"  - id: {_q(TODO + ': a slug such as ai-act')}",
        f"    title: {_q(TODO + ': official title')}",
        f"    type: {_q(TODO + ': law | regulation | guideline | strategy | ...')}",
        f"    issuer: {_q(TODO + ': the body that issued it')}",
        "    binding: false  # true for laws and regulations",
        f"    status: {_q(TODO + ': proposed | published | enacted | in_force | ...')}",
        "    dates:",
        f"      adopted: {_q(TODO + ': YYYY-MM-DD')}",
        f"    summary: {_q(TODO + ': what it does and whom it binds')}",
        f"    sources: [{_q(TODO + ': source ids')}]",
        "institutions: []  # id, name, role, founded, description, sources",
        "funding: []       # id, name, amount, currency, purpose, sources",
        "initiatives: []   # id, name, type, started, description, sources",
        "positions:",
        "  - topic: training_data_copyright",
        f"    stance: {_q(TODO + ': may copyrighted works be used to train models?')}",
        f"    sources: [{_q(TODO + ': source ids')}]",
        "indicators: []    # id, name, value, unit, year, sources",
        "challenges: []    # id, description, sources",
        "sources:",
        f"  - id: {_q(TODO + ': a slug such as ai-act-2025')}",
        f"    title: {_q(TODO + ': title as published')}",
        f"    publisher: {_q(TODO + ': publisher or author')}",
        f"    date: {_q(TODO + ': YYYY-MM-DD, or YYYY-MM / YYYY')}",
        f"    url: {_q(TODO + ': https://... (only a URL you have seen)')}",
    ]
    return "\n".join(lines) + "\n"
