"""Keeping the data true: stale claims, what changed (with an Atom feed), what is coming
(with an iCalendar file), and the freshness shown in `show`, `list` and the report."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import feedparser
import icalendar
import pytest

from .conftest import invoke, load_fixture, write_yaml


def _json(*args: str) -> dict:  # type: ignore[type-arg]
    result = invoke(*args, "-f", "json")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def test_changes_since_2026_lists_the_years_landmarks() -> None:
    events = _json("changes", "--since", "2026-01-01")["events"]
    assert any(
        e["jurisdiction"]["id"] == "south-korea"
        and e["item"] == "ai-basic-act"
        and e["event"] == "in_force"
        and e["date"] == "2026-01-22"
        for e in events
    )
    assert any(
        e["jurisdiction"]["id"] == "european-union"
        and e["item"] == "ai-act"
        and e["event"] in ("applicable", "milestone")
        and e["date"] == "2026-08-02"
        for e in events
    )
    dates = [e["date"] for e in events]
    assert dates == sorted(dates, reverse=True)  # newest first
    assert all(d >= "2026-01-01"[: len(d)] for d in dates)  # "2026" alone counts as 2026
    kinds = {e["kind"] for e in events}
    assert {"instrument", "obligation", "rating"} <= kinds


def test_changes_window_and_jurisdictions() -> None:
    body = _json("changes", "eu", "--since", "2025-01-01", "--until", "2025-12-31")
    assert body["events"]
    assert all("2025" <= e["date"][:4] <= "2025" for e in body["events"])
    assert {e["jurisdiction"]["id"] for e in body["events"]} == {"european-union"}
    rows = list(
        csv.DictReader(
            io.StringIO(invoke("changes", "eu", "--since", "2025-01-01", "-f", "csv").stdout)
        )
    )
    assert rows and {"date", "jurisdiction", "event", "kind", "item", "urls"} <= set(rows[0])


def test_changes_as_an_atom_feed(tmp_path: Path) -> None:
    target = tmp_path / "aigov.atom"
    assert invoke("changes", "--since", "2026-01-01", "-o", target).exit_code == 0
    feed = feedparser.parse(target.read_bytes())
    assert not feed.bozo, feed.bozo_exception
    assert feed.version == "atom10"
    ids = [entry.id for entry in feed.entries]
    assert len(ids) > 50 and len(ids) == len(set(ids))  # one entry per event, unique ids
    korea = [e for e in feed.entries if "South Korea" in e.title and "AI Basic Act" in e.title]
    assert korea and any(link.href.startswith("http") for e in korea for link in e.links)
    again = feedparser.parse(invoke("changes", "--since", "2026-01-01", "-f", "atom").stdout)
    assert [e.id for e in again.entries] == ids  # stable across runs


def test_upcoming_includes_the_eus_postponed_high_risk_rules() -> None:
    body = _json("upcoming", "--today", "2026-11-29", "--within", "24m")
    assert body["today"] == "2026-11-29" and body["until"] == "2028-11-29"
    eu = [e for e in body["events"] if e["jurisdiction"]["id"] == "european-union"]
    assert any(e["date"] == "2027-12-02" for e in eu)
    dates = [e["date"] for e in body["events"]]
    assert dates == sorted(dates) and all("2026-11-29" < d <= "2028-11-29" for d in dates)


def test_upcoming_by_topic() -> None:
    body = _json(
        "upcoming", "--today", "2026-11-29", "--within", "2y", "--topic", "content_labelling"
    )
    assert body["events"]
    obligations = [e for e in body["events"] if e["kind"] == "obligation"]
    assert obligations and all(e["topic"] == "content_labelling" for e in obligations)


def test_upcoming_as_a_calendar(tmp_path: Path) -> None:
    target = tmp_path / "deadlines.ics"
    result = invoke("upcoming", "--today", "2026-11-29", "--within", "24m", "-o", target)
    assert result.exit_code == 0, result.stderr
    raw = target.read_bytes()
    calendar = icalendar.Calendar.from_ical(raw)
    events = list(calendar.walk("VEVENT"))
    assert events
    uids = [str(e["UID"]) for e in events]
    assert len(uids) == len(set(uids))
    for event in events:
        assert event.decoded("DTSTART").__class__.__name__ == "date"  # all-day
        assert str(event["SUMMARY"])
    assert any("2027-12-02" in str(e.get("DESCRIPTION")) for e in events)
    # A second reader: RFC 5545's own rules, line by line.
    lines = raw.split(b"\r\n")
    assert lines[0] == b"BEGIN:VCALENDAR" and b"END:VCALENDAR" in lines
    assert all(len(line) <= 75 for line in lines)  # folded at 75 octets
    assert b"VERSION:2.0" in lines and any(line.startswith(b"PRODID:") for line in lines)


@pytest.mark.parametrize("bad", ["5x", "soon", "0m", "1.5y"])
def test_bad_durations_name_the_valid_forms(bad: str) -> None:
    for args in (
        ["upcoming", "--within", bad],
        ["list", "--stale", bad],
        ["validate", "--max-age", bad],
    ):
        result = invoke(*args)
        assert result.exit_code == 2
        assert "90d (days), 12w (weeks), 6m (months) or 1y (years)" in result.stderr


def test_bad_dates_are_usage_errors() -> None:
    for args in (
        ["changes", "--since", "2026-02-30"],
        ["changes", "--since", "last year"],
        ["upcoming", "--today", "tomorrow"],
    ):
        result = invoke(*args)
        assert result.exit_code == 2 and "Usage:" in result.stderr
    missing = invoke("changes")
    assert missing.exit_code == 2 and "Missing option '--since'" in missing.stderr


def test_list_stale_names_what_needs_a_check(fixture_dir: Path) -> None:
    data = load_fixture("alpha")
    data["institutions"][0]["verified"] = "2025-01-10"
    write_yaml(fixture_dir / "alpha.yaml", data)
    stale = _json("list", "-d", str(fixture_dir), "--stale", "90d")
    ids = {j["id"] for j in stale["jurisdictions"]}
    assert "alpha" in ids and "japan" not in ids
    assert stale["stale_before"]


def test_show_and_report_say_how_fresh_the_data_is(tmp_path: Path, fixture_dir: Path) -> None:
    data = load_fixture("alpha")
    data["institutions"][0]["verified"] = "2025-01-10"
    write_yaml(fixture_dir / "alpha.yaml", data)
    body = _json("show", "alpha", "-d", str(fixture_dir), "--max-age", "6m")
    fresh = body["freshness"]
    assert fresh["oldest_verified"] == "2025-01-10"
    assert "institutions[0]" in [s["path"] for s in fresh["stale"]]
    text = invoke("show", "alpha", "-d", str(fixture_dir), "--max-age", "6m").stdout
    assert "oldest check 2025-01-10" in text and "claims last checked before" in text
    target = tmp_path / "r.html"
    assert invoke("report", "alpha", "japan", "-d", str(fixture_dir), "-o", target).exit_code == 0
    assert "oldest check 2025-01-10" in target.read_text()


def test_version_names_the_datas_date() -> None:
    out = invoke("--version").stdout
    assert out.startswith("aigov ") and "(data as of 20" in out
