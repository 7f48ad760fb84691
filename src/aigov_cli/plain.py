"""The types of a framework as plain data, for mypy only.

A validated framework travels through aigov as the models' JSON dump: dicts and lists with
every field present (None where the file gives nothing). These TypedDicts say which keys
exist, so that mypy catches `found["rationael"]`. Modules import them only under
TYPE_CHECKING, so they cost nothing at start-up; `tests/test_plain.py` keeps them in step
with the pydantic models. Text fields are `str | None` where time travel may withhold
text written with hindsight.
"""

from __future__ import annotations

from typing import TypedDict


class SourceData(TypedDict):
    id: str
    title: str
    author: str | None
    publisher: str | None
    date: str | None
    accessed: str | None
    url: str | None
    type: str | None
    kind: str | None


class HistoryData(TypedDict):
    value: str
    since: str | None
    rule: str | None
    rationale: str | None
    sources: list[str]
    notes: str | None


class AssessmentData(TypedDict):
    value: str
    since: str | None
    rule: str | None
    rationale: str | None
    sources: list[str]
    history: list[HistoryData]
    verified: str | None
    notes: str | None


class DatesData(TypedDict):
    introduced: str | None
    adopted: str | None
    in_force: str | None
    applicable: str | None
    revoked: str | None
    lapsed: str | None


class MilestoneData(TypedDict):
    date: str
    type: str | None
    description: str


class InstrumentData(TypedDict):
    id: str
    title: str
    short_title: str | None
    type: str
    issuer: str
    binding: bool
    status: str
    identifier: str | None
    official_text: str | None
    dates: DatesData
    milestones: list[MilestoneData]
    summary: str | None
    sources: list[str]
    verified: str | None
    notes: str | None


class EventData(TypedDict):
    date: str
    type: str
    description: str | None


class InstitutionData(TypedDict):
    id: str
    name: str
    role: str
    parent: str | None
    founded: str | None
    dissolved: str | None
    events: list[EventData]
    description: str | None
    sources: list[str]
    verified: str | None
    notes: str | None


class ConversionData(TypedDict):
    amount: float
    currency: str
    rate_date: str
    note: str | None


class FundingData(TypedDict):
    id: str
    name: str
    amount: float
    currency: str
    period: str | None
    start: str | None
    end: str | None
    purpose: str | None
    conversion: ConversionData | None
    sources: list[str]
    verified: str | None
    notes: str | None


class InitiativeData(TypedDict):
    id: str
    name: str
    type: str
    started: str | None
    description: str | None
    sources: list[str]
    verified: str | None
    notes: str | None


class PositionData(TypedDict):
    topic: str
    stance: str | None
    since: str | None
    sources: list[str]
    notes: str | None


class IndicatorData(TypedDict):
    id: str
    name: str
    value: float | str
    unit: str | None
    year: int
    sources: list[str]
    notes: str | None


class ChallengeData(TypedDict):
    id: str
    description: str | None
    sources: list[str]
    notes: str | None


class ObligationData(TypedDict):
    id: str | None
    topic: str
    strength: str
    actors: list[str]
    requirement: str | None
    rationale: str | None
    instrument: str | None
    article: str | None
    applies_from: str | None
    applies_until: str | None
    enforcer: str | None
    penalty: str | None
    sources: list[str]
    verified: str | None
    notes: str | None


class FrameworkData(TypedDict):
    schema_version: int
    id: str
    name: str
    aliases: list[str]
    kind: str
    within: str | None
    as_of: str
    summary: str
    notes: str | None
    approach: dict[str, AssessmentData | None]
    instruments: list[InstrumentData]
    institutions: list[InstitutionData]
    funding: list[FundingData]
    initiatives: list[InitiativeData]
    positions: list[PositionData]
    indicators: list[IndicatorData]
    challenges: list[ChallengeData]
    obligations: list[ObligationData]
    sources: list[SourceData]


class Summary(TypedDict):
    """What `list`, name lookup, completion and `similar` need, without the rest."""

    id: str
    name: str
    kind: str
    within: str | None
    as_of: str
    aliases: list[str]
    values: dict[str, str | None]
    counts: dict[str, int]
    oldest_verified: str
