"""The pydantic models of a framework file: strict, closed, and the source of the JSON Schema.

Cross-references (cited source ids exist, ids are unique) are checked in `checks`, where
each problem can point at the exact node that causes it.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING, Annotated, Any, Literal, TypeAlias

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    create_model,
)

from .dimensions import DIMENSIONS
from .vocabulary import ids

SCHEMA_VERSION = 2

_PARTIAL_DATE = r"^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$"


def _date_to_text(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        raise ValueError("give a date without a time")
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _real_date(value: str) -> str:
    if len(value) == 10:
        try:
            dt.date.fromisoformat(value)
        except ValueError:
            raise ValueError(f"{value!r} is not a real date") from None
    return value


# A date as ISO text: YYYY-MM-DD, or YYYY-MM / YYYY when only that much is known.
# ISO text sorts in date order, and a partial date sorts before the days it contains.
DateText = Annotated[
    str,
    Field(pattern=_PARTIAL_DATE, json_schema_extra={"examples": ["2024-02-14", "2024-02"]}),
    BeforeValidator(_date_to_text),
    AfterValidator(_real_date),
]
Slug = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9-]*$", max_length=80)]
SourceId = Annotated[str, Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9_-]*$", max_length=80)]
Text = Annotated[str, Field(min_length=1, max_length=4000)]
SourceIds = Annotated[list[SourceId], Field(default_factory=list)]


def _literal(vocabulary: str) -> Any:
    """The Literal type of a vocabulary's ids (built at import, like the dimensions')."""
    return Literal[ids(vocabulary)]


if TYPE_CHECKING:  # the values are checked at run time; to mypy they are text
    Kind: TypeAlias = str
    InstrumentType: TypeAlias = str
    InstrumentStatus: TypeAlias = str
    InstitutionRole: TypeAlias = str
    EventType: TypeAlias = str
    InitiativeType: TypeAlias = str
    SourceType: TypeAlias = str
    SourceKind: TypeAlias = str
    MilestoneType: TypeAlias = str
    Topic: TypeAlias = str
    Actor: TypeAlias = str
    Strength: TypeAlias = str
else:
    Kind = _literal("kind")
    InstrumentType = _literal("instrument_type")
    InstrumentStatus = _literal("instrument_status")
    InstitutionRole = _literal("role")
    EventType = _literal("event")
    InitiativeType = _literal("initiative_type")
    SourceType = _literal("source_type")
    SourceKind = _literal("source_kind")
    MilestoneType = _literal("milestone")
    Topic = _literal("topic")
    Actor = _literal("actor")
    Strength = _literal("strength")
# The codebook's rule ids, e.g. LF-2 or CB-1a (docs/codebook.md).
RuleId = Annotated[str, Field(pattern=r"^[A-Z]{2,3}-[0-9]{1,2}[a-z]?$")]


class Strict(BaseModel):
    """Base of every model: unknown keys are errors and no value changes type silently."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


# Fields that any claim may carry besides its sources.
Verified = Annotated[
    DateText | None,
    Field(description="The day this claim was last checked against its sources (default: as_of)."),
]
Notes = Annotated[
    Text | None,
    Field(description="Fact-checking remarks and corrections; kept out of reader-facing prose."),
]
Finite = Annotated[int | float, Field(allow_inf_nan=False)]


class HistoryEntry(Strict):
    """An earlier value of a dimension, in force from `since`."""

    value: str
    since: DateText | None = None
    rule: RuleId | None = None
    rationale: Text
    sources: SourceIds
    notes: Notes = None


class Assessment(Strict):
    """A dimension's value for one jurisdiction, why, on what authority, and since when."""

    value: str
    since: DateText | None = None
    rule: RuleId | None = None
    rationale: Text
    sources: SourceIds
    history: list[HistoryEntry] = Field(default_factory=list)
    verified: Verified = None
    notes: Notes = None


def _assessment_for(dimension_id: str, values: tuple[str, ...]) -> type[Assessment]:
    camel = "".join(part.title() for part in dimension_id.split("_"))
    value_type: Any = Literal[values]
    change = create_model(f"{camel}Change", __base__=HistoryEntry, value=(value_type, ...))
    return create_model(
        f"{camel}Assessment",
        __base__=Assessment,
        value=(value_type, ...),
        history=(list[change], Field(default_factory=list)),
    )


ASSESSMENT_MODELS: dict[str, type[Assessment]] = {
    d.id: _assessment_for(d.id, d.value_ids) for d in DIMENSIONS
}

Approach: type[Strict] = create_model(
    "Approach",
    __base__=Strict,
    __doc__="One assessment per comparison dimension.",
    **{d.id: (ASSESSMENT_MODELS[d.id] | None, None) for d in DIMENSIONS},  # type: ignore[call-overload]
)


class InstrumentDates(Strict):
    """The dates in an instrument's life; give each one a source supports."""

    introduced: DateText | None = None
    adopted: DateText | None = None
    in_force: DateText | None = None
    applicable: DateText | None = None
    revoked: DateText | None = None
    lapsed: DateText | None = None


class Milestone(Strict):
    """A dated step such as a phase of application, an amendment or a postponement."""

    date: DateText
    type: MilestoneType | None = None
    description: Text


class Instrument(Strict):
    """A law, regulation, guideline, strategy, standard, order, treaty or judgment."""

    id: Slug
    title: Text
    short_title: Text | None = None
    type: InstrumentType
    issuer: Text
    binding: bool
    status: InstrumentStatus
    identifier: Annotated[
        Text | None,
        Field(description="Official identifier: CELEX, law number, Public Law, case number."),
    ] = None
    official_text: Annotated[
        SourceId | None,
        Field(description="The bibliography id of the instrument's official text."),
    ] = None
    dates: InstrumentDates = Field(default_factory=InstrumentDates)
    milestones: list[Milestone] = Field(default_factory=list)
    summary: Text
    sources: SourceIds
    verified: Verified = None
    notes: Notes = None


class InstitutionEvent(Strict):
    """Something that happened to an institution: announced, renamed, reorganised."""

    date: DateText
    type: EventType
    description: Text


class Institution(Strict):
    """A body that regulates, coordinates, advises or tests."""

    id: Slug
    name: Text
    role: InstitutionRole
    parent: Text | None = None
    founded: DateText | None = None
    dissolved: DateText | None = None
    events: list[InstitutionEvent] = Field(default_factory=list)
    description: Text
    sources: SourceIds
    verified: Verified = None
    notes: Notes = None


class Conversion(Strict):
    """A conversion given by a source, with its rate date; never computed by aigov."""

    amount: Annotated[Finite, Field(gt=0)]
    currency: Annotated[str, Field(pattern=r"^[A-Z]{3}$")]
    rate_date: DateText
    note: Text | None = None


class Funding(Strict):
    """A funding programme, its amount in its own currency."""

    id: Slug
    name: Text
    amount: Annotated[Finite, Field(gt=0)]
    currency: Annotated[str, Field(pattern=r"^[A-Z]{3}$", description="ISO 4217 code")]
    period: Text | None = None
    start: DateText | None = None
    end: DateText | None = None
    purpose: Text
    conversion: Conversion | None = None
    sources: SourceIds
    verified: Verified = None
    notes: Notes = None


class Initiative(Strict):
    """A domestic model, research network, partnership or programme."""

    id: Slug
    name: Text
    type: InitiativeType
    started: DateText | None = None
    description: Text
    sources: SourceIds
    verified: Verified = None
    notes: Notes = None


class Position(Strict):
    """A stance on a recurring question such as training data and copyright."""

    topic: Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$")]
    stance: Text
    since: DateText | None = None
    sources: SourceIds
    notes: Notes = None


class Indicator(Strict):
    """A figure with its year."""

    id: Slug
    name: Text
    value: Finite | Text
    unit: Text | None = None
    year: Annotated[int, Field(ge=1900, le=2100)]
    sources: SourceIds
    notes: Notes = None


class Challenge(Strict):
    """An open problem the sources name."""

    id: Slug
    description: Text
    sources: SourceIds
    notes: Notes = None


class Obligation(Strict):
    """What a regime requires on one topic, of whom, from when; or `none`, and why."""

    id: Slug | None = None
    topic: Topic
    strength: Strength
    actors: list[Actor] = Field(default_factory=list)
    requirement: Annotated[Text | None, Field(description="What is required, in one sentence.")] = (
        None
    )
    rationale: Annotated[
        Text | None, Field(description="For strength none: why nothing applies, in one line.")
    ] = None
    instrument: Annotated[
        Slug | None, Field(description="The id of the instrument (in this file) it comes from.")
    ] = None
    article: Annotated[Text | None, Field(description="The article, section or clause.")] = None
    applies_from: DateText | None = None
    applies_until: DateText | None = None
    enforcer: Text | None = None
    penalty: Text | None = None
    sources: SourceIds
    verified: Verified = None
    notes: Notes = None


class Source(Strict):
    """A bibliography entry."""

    id: SourceId
    title: Text
    author: Text | None = None
    publisher: Text | None = None
    date: DateText | None = None
    accessed: DateText | None = None
    url: Annotated[str, Field(pattern=r"^https?://[^\s]+$", max_length=2000)] | None = None
    type: SourceType | None = None
    kind: Annotated[
        SourceKind | None,
        Field(description="Who stands behind it: official, intergovernmental, court, ..."),
    ] = None


class Framework(Strict):
    """One jurisdiction's AI governance regime."""

    model_config = ConfigDict(
        title="aigov framework",
        json_schema_extra={"description": "One jurisdiction's AI governance regime (aigov)."},
    )

    schema_version: Literal[1, 2]
    id: Slug
    name: Text
    aliases: list[Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9-]*$", max_length=40)]] = Field(
        default_factory=list
    )
    kind: Kind
    within: Annotated[
        Slug | None,
        Field(description="The id of the regime this one sits inside (an EU member, a US state)."),
    ] = None
    as_of: DateText
    summary: Text
    notes: Notes = None
    approach: Approach = Field(default_factory=Approach)
    instruments: list[Instrument] = Field(default_factory=list)
    institutions: list[Institution] = Field(default_factory=list)
    funding: list[Funding] = Field(default_factory=list)
    initiatives: list[Initiative] = Field(default_factory=list)
    positions: list[Position] = Field(default_factory=list)
    indicators: list[Indicator] = Field(default_factory=list)
    challenges: list[Challenge] = Field(default_factory=list)
    obligations: list[Obligation] = Field(default_factory=list)
    sources: list[Source] = Field(default_factory=list)

    def assessment(self, dimension_id: str) -> Assessment | None:
        """The assessment of `dimension_id`, or None when the file has none."""
        result: Assessment | None = getattr(self.approach, dimension_id, None)
        return result

    def source(self, source_id: str) -> Source | None:
        """The bibliography entry called `source_id`."""
        return next((s for s in self.sources if s.id == source_id), None)


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a framework file."""
    schema = Framework.model_json_schema()
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        **schema,
    }


def is_slug(text: str) -> bool:
    """Whether `text` is a valid jurisdiction id."""
    return re.fullmatch(r"[a-z0-9][a-z0-9-]*", text) is not None
