"""`aigov export --format sqlite`: the whole validated data set as a normalised database.

Standard library `sqlite3` only. One table per kind of claim, keyed by (jurisdiction, id),
with foreign keys to the jurisdiction and to the bibliography, indexes on what queries
filter by, a `citations` table linking every claim to its sources, and a `meta` table. The
database is written to a temporary file beside the target and renamed into place.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from . import __version__
from .errors import AigovError
from .regime import Regime

SCHEMA_VERSION = 1

SCHEMA = """
PRAGMA foreign_keys = ON;
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE jurisdictions (
  id TEXT PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL,
  within TEXT REFERENCES jurisdictions(id) DEFERRABLE INITIALLY DEFERRED,
  as_of TEXT NOT NULL, summary TEXT NOT NULL, origin TEXT NOT NULL, notes TEXT);
CREATE TABLE aliases (
  jurisdiction_id TEXT NOT NULL REFERENCES jurisdictions(id), alias TEXT NOT NULL,
  PRIMARY KEY (jurisdiction_id, alias));
CREATE TABLE sources (
  jurisdiction_id TEXT NOT NULL REFERENCES jurisdictions(id), id TEXT NOT NULL,
  title TEXT NOT NULL, author TEXT, publisher TEXT, date TEXT, accessed TEXT, url TEXT,
  type TEXT, kind TEXT, PRIMARY KEY (jurisdiction_id, id));
CREATE TABLE assessments (
  jurisdiction_id TEXT NOT NULL REFERENCES jurisdictions(id), dimension TEXT NOT NULL,
  value TEXT NOT NULL, since TEXT, rule TEXT, rationale TEXT NOT NULL, verified TEXT,
  notes TEXT, PRIMARY KEY (jurisdiction_id, dimension));
CREATE TABLE assessment_history (
  jurisdiction_id TEXT NOT NULL, dimension TEXT NOT NULL, seq INTEGER NOT NULL,
  value TEXT NOT NULL, since TEXT, rule TEXT, rationale TEXT NOT NULL, notes TEXT,
  PRIMARY KEY (jurisdiction_id, dimension, seq),
  FOREIGN KEY (jurisdiction_id, dimension) REFERENCES assessments(jurisdiction_id, dimension));
CREATE TABLE instruments (
  jurisdiction_id TEXT NOT NULL REFERENCES jurisdictions(id), id TEXT NOT NULL,
  title TEXT NOT NULL, short_title TEXT, type TEXT NOT NULL, issuer TEXT NOT NULL,
  binding INTEGER NOT NULL, status TEXT NOT NULL, identifier TEXT, official_text TEXT,
  introduced TEXT, adopted TEXT, in_force TEXT, applicable TEXT, revoked TEXT, lapsed TEXT,
  summary TEXT NOT NULL, verified TEXT, notes TEXT, PRIMARY KEY (jurisdiction_id, id),
  FOREIGN KEY (jurisdiction_id, official_text) REFERENCES sources(jurisdiction_id, id));
CREATE TABLE milestones (
  jurisdiction_id TEXT NOT NULL, instrument_id TEXT NOT NULL, seq INTEGER NOT NULL,
  date TEXT NOT NULL, type TEXT, description TEXT NOT NULL,
  PRIMARY KEY (jurisdiction_id, instrument_id, seq),
  FOREIGN KEY (jurisdiction_id, instrument_id) REFERENCES instruments(jurisdiction_id, id));
CREATE TABLE institutions (
  jurisdiction_id TEXT NOT NULL REFERENCES jurisdictions(id), id TEXT NOT NULL,
  name TEXT NOT NULL, role TEXT NOT NULL, parent TEXT, founded TEXT, dissolved TEXT,
  description TEXT NOT NULL, verified TEXT, notes TEXT, PRIMARY KEY (jurisdiction_id, id));
CREATE TABLE institution_events (
  jurisdiction_id TEXT NOT NULL, institution_id TEXT NOT NULL, seq INTEGER NOT NULL,
  date TEXT NOT NULL, type TEXT NOT NULL, description TEXT NOT NULL,
  PRIMARY KEY (jurisdiction_id, institution_id, seq),
  FOREIGN KEY (jurisdiction_id, institution_id) REFERENCES institutions(jurisdiction_id, id));
CREATE TABLE funding (
  jurisdiction_id TEXT NOT NULL REFERENCES jurisdictions(id), id TEXT NOT NULL,
  name TEXT NOT NULL, amount REAL NOT NULL, currency TEXT NOT NULL, period TEXT,
  start TEXT, "end" TEXT, purpose TEXT NOT NULL, conversion_amount REAL,
  conversion_currency TEXT, conversion_rate_date TEXT, verified TEXT, notes TEXT,
  PRIMARY KEY (jurisdiction_id, id));
CREATE TABLE initiatives (
  jurisdiction_id TEXT NOT NULL REFERENCES jurisdictions(id), id TEXT NOT NULL,
  name TEXT NOT NULL, type TEXT NOT NULL, started TEXT, description TEXT NOT NULL,
  verified TEXT, notes TEXT, PRIMARY KEY (jurisdiction_id, id));
CREATE TABLE positions (
  jurisdiction_id TEXT NOT NULL REFERENCES jurisdictions(id), topic TEXT NOT NULL,
  stance TEXT NOT NULL, since TEXT, notes TEXT, PRIMARY KEY (jurisdiction_id, topic));
CREATE TABLE indicators (
  jurisdiction_id TEXT NOT NULL REFERENCES jurisdictions(id), id TEXT NOT NULL,
  name TEXT NOT NULL, value, unit TEXT, year INTEGER NOT NULL, notes TEXT,
  PRIMARY KEY (jurisdiction_id, id));
CREATE TABLE challenges (
  jurisdiction_id TEXT NOT NULL REFERENCES jurisdictions(id), id TEXT NOT NULL,
  description TEXT NOT NULL, notes TEXT, PRIMARY KEY (jurisdiction_id, id));
CREATE TABLE obligations (
  jurisdiction_id TEXT NOT NULL REFERENCES jurisdictions(id), id TEXT NOT NULL,
  topic TEXT NOT NULL, strength TEXT NOT NULL, requirement TEXT, rationale TEXT,
  instrument_id TEXT, article TEXT, applies_from TEXT, applies_until TEXT, enforcer TEXT,
  penalty TEXT, verified TEXT, notes TEXT, PRIMARY KEY (jurisdiction_id, id),
  FOREIGN KEY (jurisdiction_id, instrument_id) REFERENCES instruments(jurisdiction_id, id));
CREATE TABLE obligation_actors (
  jurisdiction_id TEXT NOT NULL, obligation_id TEXT NOT NULL, actor TEXT NOT NULL,
  PRIMARY KEY (jurisdiction_id, obligation_id, actor),
  FOREIGN KEY (jurisdiction_id, obligation_id) REFERENCES obligations(jurisdiction_id, id));
CREATE TABLE citations (
  jurisdiction_id TEXT NOT NULL, claim_table TEXT NOT NULL, claim_id TEXT NOT NULL,
  source_id TEXT NOT NULL, PRIMARY KEY (jurisdiction_id, claim_table, claim_id, source_id),
  FOREIGN KEY (jurisdiction_id, source_id) REFERENCES sources(jurisdiction_id, id));
CREATE INDEX assessments_dimension ON assessments (dimension, value);
CREATE INDEX instruments_status ON instruments (status, type);
CREATE INDEX obligations_topic ON obligations (topic, strength, applies_from);
CREATE INDEX obligation_actors_actor ON obligation_actors (actor);
CREATE INDEX citations_source ON citations (jurisdiction_id, source_id);
CREATE INDEX sources_kind ON sources (kind);
"""


def obligation_key(obligation: dict[str, Any]) -> str:
    """An obligation's id; an answer of strength none is keyed by its topic."""
    return str(obligation.get("id") or f"{obligation['topic']}:none")


def _rows(framework: Regime, origin: str) -> dict[str, list[tuple[Any, ...]]]:
    """Every table's rows for one framework."""
    j = framework["id"]
    t: dict[str, list[tuple[Any, ...]]] = {name: [] for name in _INSERTS}
    cite = t["citations"]

    def cited(table: str, key: str, ids: Iterable[str]) -> None:
        cite.extend((j, table, key, s) for s in dict.fromkeys(ids))

    t["jurisdictions"].append(
        (
            j,
            framework["name"],
            framework["kind"],
            framework.get("within"),
            framework["as_of"],
            framework["summary"],
            origin,
            framework.get("notes"),
        )
    )
    t["aliases"] += [(j, a) for a in dict.fromkeys(framework["aliases"])]
    t["sources"] += [
        (
            j,
            s["id"],
            s["title"],
            s["author"],
            s["publisher"],
            s["date"],
            s["accessed"],
            s["url"],
            s["type"],
            s.get("kind"),
        )
        for s in framework["sources"]
    ]
    for dimension, a in framework["approach"].items():
        if not a:
            continue
        t["assessments"].append(
            (
                j,
                dimension,
                a["value"],
                a["since"],
                a.get("rule"),
                a["rationale"],
                a.get("verified"),
                a.get("notes"),
            )
        )
        cited("assessments", dimension, a["sources"])
        for n, h in enumerate(a["history"]):
            t["assessment_history"].append(
                (
                    j,
                    dimension,
                    n,
                    h["value"],
                    h["since"],
                    h.get("rule"),
                    h["rationale"],
                    h.get("notes"),
                )
            )
            cited("assessment_history", f"{dimension}#{n}", h["sources"])
    for i in framework["instruments"]:
        d = i["dates"]
        t["instruments"].append(
            (
                j,
                i["id"],
                i["title"],
                i["short_title"],
                i["type"],
                i["issuer"],
                int(i["binding"]),
                i["status"],
                i.get("identifier"),
                i.get("official_text"),
                d["introduced"],
                d["adopted"],
                d["in_force"],
                d["applicable"],
                d["revoked"],
                d["lapsed"],
                i["summary"],
                i.get("verified"),
                i.get("notes"),
            )
        )
        t["milestones"] += [
            (j, i["id"], n, m["date"], m.get("type"), m["description"])
            for n, m in enumerate(i["milestones"])
        ]
        cited(
            "instruments",
            i["id"],
            [*i["sources"], *(x for x in [i.get("official_text")] if x)],
        )
    for inst in framework["institutions"]:
        t["institutions"].append(
            (
                j,
                inst["id"],
                inst["name"],
                inst["role"],
                inst["parent"],
                inst["founded"],
                inst["dissolved"],
                inst["description"],
                inst.get("verified"),
                inst.get("notes"),
            )
        )
        t["institution_events"] += [
            (j, inst["id"], n, e["date"], e["type"], e["description"])
            for n, e in enumerate(inst["events"])
        ]
        cited("institutions", inst["id"], inst["sources"])
    for f in framework["funding"]:
        conversion: dict[str, Any] = dict(f["conversion"] or {})
        t["funding"].append(
            (
                j,
                f["id"],
                f["name"],
                f["amount"],
                f["currency"],
                f["period"],
                f["start"],
                f["end"],
                f["purpose"],
                conversion.get("amount"),
                conversion.get("currency"),
                conversion.get("rate_date"),
                f.get("verified"),
                f.get("notes"),
            )
        )
        cited("funding", f["id"], f["sources"])
    for init in framework["initiatives"]:
        t["initiatives"].append(
            (
                j,
                init["id"],
                init["name"],
                init["type"],
                init["started"],
                init["description"],
                init.get("verified"),
                init.get("notes"),
            )
        )
        cited("initiatives", init["id"], init["sources"])
    for p in framework["positions"]:
        t["positions"].append((j, p["topic"], p["stance"], p["since"], p.get("notes")))
        cited("positions", p["topic"], p["sources"])
    for ind in framework["indicators"]:
        t["indicators"].append(
            (j, ind["id"], ind["name"], ind["value"], ind["unit"], ind["year"], ind.get("notes"))
        )
        cited("indicators", ind["id"], ind["sources"])
    for ch in framework["challenges"]:
        t["challenges"].append((j, ch["id"], ch["description"], ch.get("notes")))
        cited("challenges", ch["id"], ch["sources"])
    for o in framework["obligations"]:
        key = obligation_key(dict(o))
        t["obligations"].append(
            (
                j,
                key,
                o["topic"],
                o["strength"],
                o["requirement"],
                o["rationale"],
                o["instrument"],
                o["article"],
                o["applies_from"],
                o["applies_until"],
                o["enforcer"],
                o["penalty"],
                o.get("verified"),
                o.get("notes"),
            )
        )
        t["obligation_actors"] += [(j, key, a) for a in dict.fromkeys(o["actors"])]
        cited("obligations", key, o["sources"])
    return t


# Insertion order respects the foreign keys.
_INSERTS = {
    "jurisdictions": 8,
    "aliases": 2,
    "sources": 10,
    "assessments": 8,
    "assessment_history": 8,
    "instruments": 19,
    "milestones": 6,
    "institutions": 10,
    "institution_events": 6,
    "funding": 14,
    "initiatives": 8,
    "positions": 5,
    "indicators": 7,
    "challenges": 4,
    "obligations": 14,
    "obligation_actors": 3,
    "citations": 4,
}


def export_sqlite(
    frameworks: Iterable[tuple[Regime, str]], target: Path, *, force: bool = False
) -> dict[str, int]:
    """Write every framework (with its origin) to a new SQLite database at `target`;
    the row count of each table."""
    import sqlite3

    if target.exists() and not force:
        raise AigovError(f"{target}: already exists; use --force to overwrite it")
    folder = target.expanduser().resolve().parent
    if not folder.is_dir():
        raise AigovError(f"{target}: folder {folder} does not exist")
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    os.close(fd)
    counts = dict.fromkeys(_INSERTS, 0)
    try:
        connection = sqlite3.connect(tmp)
        try:
            connection.executescript(SCHEMA)
            with connection:
                for framework, origin in frameworks:
                    for table, rows in _rows(framework, origin).items():
                        marks = ",".join("?" * _INSERTS[table])
                        connection.executemany(f"INSERT INTO {table} VALUES ({marks})", rows)
                        counts[table] += len(rows)
                meta = {
                    "aigov_version": __version__,
                    "schema_version": str(SCHEMA_VERSION),
                    "exported_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
                }
                connection.executemany("INSERT INTO meta VALUES (?, ?)", sorted(meta.items()))
            broken = connection.execute("PRAGMA foreign_key_check").fetchall()
            if broken:
                raise AigovError(f"export would break {len(broken)} foreign keys: {broken[:3]}")
        finally:
            connection.close()
        with open(tmp, "rb+") as handle:  # noqa: PTH123 - fsync needs the file object
            os.fsync(handle.fileno())
        Path(tmp).replace(target)
    except sqlite3.Error as exc:
        raise AigovError(f"{target}: cannot write the database: {exc}") from None
    except OSError as exc:
        raise AigovError(f"{target}: cannot write: {exc.strerror or exc}") from None
    finally:
        with contextlib.suppress(OSError):
            Path(tmp).unlink()
    return counts
