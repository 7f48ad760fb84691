"""The plain-data types stay in step with the models, and Record behaves as documented."""

from __future__ import annotations

import typing

import pytest

from aigov_cli import models, plain
from aigov_cli.record import FrozenRecordError, Record

PAIRS = [
    (plain.SourceData, models.Source),
    (plain.HistoryData, models.HistoryEntry),
    (plain.AssessmentData, models.Assessment),
    (plain.DatesData, models.InstrumentDates),
    (plain.MilestoneData, models.Milestone),
    (plain.InstrumentData, models.Instrument),
    (plain.EventData, models.InstitutionEvent),
    (plain.InstitutionData, models.Institution),
    (plain.ConversionData, models.Conversion),
    (plain.FundingData, models.Funding),
    (plain.InitiativeData, models.Initiative),
    (plain.PositionData, models.Position),
    (plain.IndicatorData, models.Indicator),
    (plain.ChallengeData, models.Challenge),
    (plain.ObligationData, models.Obligation),
    (plain.FrameworkData, models.Framework),
]


@pytest.mark.parametrize(("typed", "model"), PAIRS, ids=lambda x: getattr(x, "__name__", ""))
def test_typed_dicts_have_the_models_fields(typed: type, model: type) -> None:
    assert set(typing.get_type_hints(typed)) == set(model.model_fields)  # type: ignore[attr-defined]


def test_a_dump_has_every_typed_key() -> None:
    from aigov_cli import api

    framework = api.open().get("japan")
    assert set(framework) == set(typing.get_type_hints(plain.FrameworkData))
    assert set(framework["instruments"][0]) == set(typing.get_type_hints(plain.InstrumentData))
    assert set(framework["obligations"][0]) == set(typing.get_type_hints(plain.ObligationData))


class Point(Record):
    x: int
    y: int = 0


class Wide(Record, kw_only=True):
    a: str
    b: str = "b"
    c: tuple[str, ...] = ()


def test_record_fields_defaults_equality_and_hash() -> None:
    assert Point(1).astuple() == (1, 0)
    assert Point(1, 2) == Point(x=1, y=2) and Point(1) != Point(2)
    assert len({Point(1), Point(1), Point(2)}) == 2
    assert repr(Point(1, 2)) == "Point(x=1, y=2)"
    assert Point(1, 2).asdict() == {"x": 1, "y": 2}


def test_record_is_frozen_and_replace_copies() -> None:
    point = Point(1, 2)
    with pytest.raises(FrozenRecordError):
        point.x = 3  # type: ignore[misc]
    with pytest.raises(FrozenRecordError):
        del point.y  # type: ignore[misc]
    moved = point.replace(y=5)
    assert moved == Point(1, 5) and point == Point(1, 2)


def test_record_checks_its_arguments() -> None:
    with pytest.raises(TypeError, match="missing field 'x'"):
        Point()  # type: ignore[call-arg]
    with pytest.raises(TypeError, match="unexpected or repeated field 'z'"):
        Point(1, z=3)  # type: ignore[call-arg]
    with pytest.raises(TypeError, match="takes 2 fields"):
        Point(1, 2, 3)  # type: ignore[call-arg]


def test_wide_records_take_keywords_only() -> None:
    assert Wide(a="a").astuple() == ("a", "b", ())
    with pytest.raises(TypeError, match="keyword arguments only"):
        Wide("a")  # type: ignore[misc]


def test_records_refuse_a_shared_mutable_default() -> None:
    with pytest.raises(TypeError, match="must be immutable"):

        class Shared(Record):
            items: list[int] = []
