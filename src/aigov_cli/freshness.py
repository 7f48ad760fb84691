"""How current the data is: durations, dates given on the command line, stale claims."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from .errors import UsageError
from .regime import Regime
from .results import Freshness, StaleClaim

_DURATION = re.compile(r"([1-9][0-9]{0,4})([dwmy])")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
DURATION_FORMS = "a number and a unit: 90d (days), 12w (weeks), 6m (months) or 1y (years)"


def parse_date(value: str | None, option: str) -> str | None:
    """A YYYY-MM-DD date given as `option`, checked; None stays None."""
    if value is None:
        return None
    if not _DATE.fullmatch(value):
        raise UsageError(f"{option} {value!r}: expected a date YYYY-MM-DD")
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        raise UsageError(f"{option} {value!r}: not a real date") from None
    return value


def parse_duration(value: str, option: str) -> tuple[int, str]:
    """`180d`, `6m`, `1y` as (count, unit); anything else is a usage error naming the forms."""
    match = _DURATION.fullmatch(value.strip().lower())
    if not match:
        raise UsageError(f"{option} {value!r}: expected {DURATION_FORMS}")
    return int(match.group(1)), match.group(2)


def shift(day: dt.date, count: int, unit: str) -> dt.date:
    """`day` moved by a duration (negative count: back in time); months keep the day where
    they can and otherwise end the month."""
    if unit == "d":
        return day + dt.timedelta(days=count)
    if unit == "w":
        return day + dt.timedelta(weeks=count)
    months = count * (12 if unit == "y" else 1)
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    for last in (day.day, 30, 29, 28):
        try:
            return dt.date(year, month + 1, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("unreachable")  # pragma: no cover


def cutoff(max_age: str, today: dt.date, option: str = "--max-age") -> str:
    """The date before which a claim counts as stale."""
    count, unit = parse_duration(max_age, option)
    return shift(today, -count, unit).isoformat()


def horizon(within: str, today: dt.date, option: str = "--within") -> str:
    """The last date of a window that starts today."""
    count, unit = parse_duration(within, option)
    return shift(today, count, unit).isoformat()


def checked_claims(framework: Regime) -> Iterator[tuple[str, str, str]]:
    """(path, verified date, title) of each claim that can go stale."""
    as_of = framework["as_of"]
    for dimension, found in framework["approach"].items():
        if found:
            yield f"approach.{dimension}", found.get("verified") or as_of, dimension
    for section, title in (
        ("instruments", "title"),
        ("institutions", "name"),
        ("funding", "name"),
        ("initiatives", "name"),
        ("obligations", "id"),
    ):
        for n, item in enumerate(framework[section]):  # type: ignore[literal-required]
            key = item.get("id") or f"{item.get('topic')}:none"
            yield (
                f"{section}[{n}]",
                item.get("verified") or as_of,
                str(item.get(title) or key),
            )


def freshness(framework: Regime, threshold: str | None = None) -> Freshness:
    """The file's as-of, its oldest check, and the claims checked before `threshold`."""
    claims = list(checked_claims(framework))
    stale = tuple(
        StaleClaim(path, verified, title)
        for path, verified, title in claims
        if threshold and verified < threshold
    )
    return Freshness(
        jurisdiction=framework["id"],
        as_of=framework["as_of"],
        oldest_verified=min((v for _, v, _ in claims), default=framework["as_of"]),
        threshold=threshold,
        stale=stale,
    )
