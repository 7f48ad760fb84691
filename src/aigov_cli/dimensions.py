"""The comparison dimensions: the single place where each one is defined.

Adding a dimension means adding one `Dimension` to `DIMENSIONS`; the models, the JSON
Schema, `aigov dimensions`, comparisons and the map all read it from here. This module
imports nothing heavy so that every command can use it cheaply.
"""

from __future__ import annotations

from .record import Record


class Value(Record):
    """One value of a dimension's vocabulary."""

    id: str
    label: str
    meaning: str


class Dimension(Record):
    """A comparison dimension: a question and its ordered vocabulary."""

    id: str
    label: str
    question: str
    values: tuple[Value, ...]
    # Ordered dimensions can be drawn as an axis and measured as a distance; the last
    # value of `scope` ("none") is not a point on the horizontal-to-specific line.
    ordered: bool = True

    @property
    def value_ids(self) -> tuple[str, ...]:
        return tuple(v.id for v in self.values)

    def value(self, value_id: str) -> Value:
        """The vocabulary entry for `value_id`."""
        for v in self.values:
            if v.id == value_id:
                return v
        raise KeyError(value_id)

    def position(self, value_id: str) -> float:
        """Where `value_id` sits on this dimension's axis, from 0.0 to 1.0."""
        index = self.value_ids.index(value_id)
        return index / (len(self.values) - 1) if len(self.values) > 1 else 0.0


DIMENSIONS: tuple[Dimension, ...] = (
    Dimension(
        "legal_form",
        "Legal form",
        "Is the main AI governance legally binding?",
        (
            Value(
                "soft_law",
                "Soft law",
                "Guidelines, principles and voluntary codes; at most narrow AI offences bind.",
            ),
            Value(
                "hybrid",
                "Hybrid",
                "A binding framework law with mostly voluntary conduct rules, or binding duties for a substantial part of the field.",
            ),
            Value(
                "hard_law",
                "Hard law",
                "Binding AI-specific legislation or regulation sets enforceable duties.",
            ),
        ),
    ),
    Dimension(
        "compliance_basis",
        "Compliance basis",
        "Does it prescribe outcomes or processes?",
        (
            Value(
                "outcome_based",
                "Outcome-based",
                "States goals and principles; actors choose how to meet them.",
            ),
            Value("mixed", "Mixed", "Some duties set outcomes, others prescribe procedures."),
            Value(
                "process_based",
                "Process-based",
                "Prescribes procedures: filings, assessments, documentation, audits.",
            ),
        ),
    ),
    Dimension(
        "scope",
        "Scope",
        "One horizontal regime, sector rules, or technology-specific rules?",
        (
            Value("horizontal", "Horizontal", "One regime covers AI across sectors."),
            Value(
                "sectoral", "Sectoral", "Existing sector regulators apply their own rules to AI."
            ),
            Value(
                "technology_specific",
                "Technology-specific",
                "Separate rules for particular technologies (recommendation, deep synthesis, generative AI).",
            ),
            Value("none", "None", "No AI-specific rules of any scope."),
        ),
        ordered=False,
    ),
    Dimension(
        "risk_tiering",
        "Risk tiering",
        "Are obligations graded by risk class?",
        (
            Value("none", "None", "Obligations do not depend on risk."),
            Value(
                "implicit",
                "Implicit",
                "Risk shapes guidance or priorities, without defined classes.",
            ),
            Value("explicit", "Explicit", "Defined risk classes carry different obligations."),
        ),
    ),
    Dimension(
        "pre_market_control",
        "Pre-market control",
        "Must systems be filed, assessed or approved before release?",
        (
            Value("none", "None", "No filing, assessment or approval before release."),
            Value(
                "voluntary",
                "Voluntary",
                "Testing or assessment before release is encouraged, not required.",
            ),
            Value(
                "mandatory",
                "Mandatory",
                "Some systems must be filed, assessed or approved before release.",
            ),
        ),
    ),
    Dimension(
        "enforcement",
        "Enforcement",
        "What happens on breach?",
        (
            Value("none", "None", "No consequence specific to AI rules."),
            Value(
                "naming_and_guidance",
                "Naming and guidance",
                "Investigation, advice, public naming; no sanctions.",
            ),
            Value(
                "administrative",
                "Administrative",
                "Orders, suspensions or licence actions without fines.",
            ),
            Value("fines", "Fines", "Monetary penalties for breach."),
            Value("criminal", "Criminal", "Criminal liability for breach."),
        ),
    ),
    Dimension(
        "state_role",
        "State role",
        "Is the state mainly facilitator, regulator or both?",
        (
            Value(
                "facilitator",
                "Facilitator",
                "The state funds, coordinates and promotes; it rarely restricts.",
            ),
            Value("balanced", "Balanced", "Promotion and restriction carry similar weight."),
            Value("regulator", "Regulator", "The state mainly sets and enforces limits."),
        ),
    ),
    Dimension(
        "stakeholder_process",
        "Stakeholder process",
        "Who writes the rules?",
        (
            Value(
                "multi_stakeholder",
                "Multi-stakeholder",
                "Government, industry, academia and civil society draft together.",
            ),
            Value("consultative", "Consultative", "Government drafts after public consultation."),
            Value(
                "government_led", "Government-led", "Government drafts with little outside input."
            ),
        ),
    ),
    Dimension(
        "training_data_copyright",
        "Training data and copyright",
        "May copyrighted works be used to train models?",
        (
            Value(
                "broad_exception",
                "Broad exception",
                "A statutory exception permits training broadly.",
            ),
            Value(
                "conditional_exception",
                "Conditional exception",
                "An exception applies under conditions (lawful access, non-commercial, no substitution).",
            ),
            Value(
                "opt_out",
                "Opt-out",
                "Training is permitted unless rights holders reserve their rights.",
            ),
            Value("unsettled", "Unsettled", "No clear rule; courts or reviews still decide."),
            Value("restricted", "Restricted", "Training needs permission or a licence."),
        ),
    ),
    Dimension(
        "content_labelling",
        "Content labelling",
        "Must AI-generated content be labelled?",
        (
            Value("none", "None", "No labelling rule."),
            Value("voluntary", "Voluntary", "Labelling or provenance is recommended."),
            Value(
                "mandatory", "Mandatory", "Labelling is required by law for at least some content."
            ),
        ),
    ),
)

DIMENSIONS_BY_ID: dict[str, Dimension] = {d.id: d for d in DIMENSIONS}

# The seed article's two axes: soft law vs rule-based, outcome vs process.
DEFAULT_MAP_AXES: tuple[str, str] = ("legal_form", "compliance_basis")


def get_dimension(dimension_id: str) -> Dimension:
    """The dimension called `dimension_id`; KeyError when there is none."""
    return DIMENSIONS_BY_ID[dimension_id]


# Short codes for the compact layout of `compare --all` (a legend explains them): a
# dimension's code, then each value's, at most four characters, unique per dimension.
SHORT: dict[str, tuple[str, dict[str, str]]] = {
    "legal_form": ("LF", {"soft_law": "soft", "hybrid": "hybr", "hard_law": "hard"}),
    "compliance_basis": ("CB", {"outcome_based": "outc", "mixed": "mix", "process_based": "proc"}),
    "scope": (
        "SC",
        {"horizontal": "horz", "sectoral": "sect", "technology_specific": "tech", "none": "none"},
    ),
    "risk_tiering": ("RT", {"none": "none", "implicit": "impl", "explicit": "expl"}),
    "pre_market_control": ("PM", {"none": "none", "voluntary": "vol", "mandatory": "mand"}),
    "enforcement": (
        "EN",
        {
            "none": "none",
            "naming_and_guidance": "name",
            "administrative": "admn",
            "fines": "fine",
            "criminal": "crim",
        },
    ),
    "state_role": ("SR", {"facilitator": "fac", "balanced": "bal", "regulator": "reg"}),
    "stakeholder_process": (
        "SP",
        {"multi_stakeholder": "mult", "consultative": "cons", "government_led": "gov"},
    ),
    "training_data_copyright": (
        "TD",
        {
            "broad_exception": "brd",
            "conditional_exception": "cond",
            "opt_out": "opt",
            "unsettled": "uns",
            "restricted": "rstr",
        },
    ),
    "content_labelling": ("CL", {"none": "none", "voluntary": "vol", "mandatory": "mand"}),
}
