"""The controlled vocabularies of a framework file, defined once, each term with its label.

The dimensions live in `dimensions.py`; everything else a file may say from a fixed list
lives here: obligation topics, actors and strengths, source kinds, instrument types and
statuses, institution roles, event and initiative types. The models build their Literal
types from these tables, the JSON Schema lists them, and every human view prints their
labels through `label()`. Like `dimensions.py`, this module imports nothing heavy.
"""

from __future__ import annotations

from .record import Record


class Term(Record):
    """One value of a vocabulary: its id, the label people read, and what it means."""

    id: str
    label: str
    meaning: str = ""
    examples: str = ""


def _terms(*rows: tuple[str, ...]) -> tuple[Term, ...]:
    return tuple(Term(*row) for row in rows)


TOPICS: tuple[Term, ...] = _terms(
    (
        "prohibited_practices",
        "Prohibited practices",
        "AI uses that are banned outright, whoever deploys them.",
        "EU AI Act Art. 5 (social scoring, untargeted face scraping); Korea's and Vietnam's banned uses.",
    ),
    (
        "high_risk_designation",
        "High-risk designation",
        "A legal category of high-risk or high-impact AI systems that carries extra duties.",
        "EU AI Act Art. 6 and Annex III; Korea's high-impact AI; Colorado's consequential decisions.",
    ),
    (
        "risk_assessment",
        "Risk or impact assessment",
        "A duty or expectation to assess the risks or impacts of an AI system (one-off or periodic).",
        "EU fundamental-rights impact assessment (Art. 27); Korea's impact assessment; Canada's AIA.",
    ),
    (
        "risk_management",
        "Risk-management system",
        "A continuing, documented system to identify, mitigate and review AI risks over the lifecycle.",
        "EU AI Act Art. 9; NIST AI RMF; Japan's AI Guidelines for Business.",
    ),
    (
        "pre_market_assessment",
        "Pre-market assessment or approval",
        "Approval, conformity or security assessment required before a system is released.",
        "EU conformity assessment (Art. 43); China's security assessment for generative AI services.",
    ),
    (
        "registration",
        "Registration or algorithm filing",
        "Entering a system, model or algorithm in a public or regulator's register.",
        "China's algorithm filing; EU database (Art. 49/71); Vietnam's AI registration.",
    ),
    (
        "ai_interaction_disclosure",
        "Disclosure of AI interaction",
        "Telling people that they are dealing with an AI system rather than a human.",
        "EU AI Act Art. 50(1); Utah's AI disclosure law; California's bot law.",
    ),
    (
        "content_labelling",
        "Labelling of AI-generated content",
        "Labelling, watermarking or marking AI-generated or manipulated content (visible or machine-readable).",
        "EU AI Act Art. 50(2); China's labelling measures (2025); Korea's AI Basic Act Art. 31.",
    ),
    (
        "deepfakes",
        "Deepfakes and intimate images",
        "Rules specific to deepfakes: offences, takedown duties, election and intimate-image rules.",
        "UK offences for sexually explicit deepfakes; US TAKE IT DOWN Act; Korea's deepfake crimes.",
    ),
    (
        "training_data_quality",
        "Training-data quality and lawful sourcing",
        "Duties on the quality, representativeness or lawful origin of training data.",
        "EU AI Act Art. 10; China's generative AI measures Art. 7 (lawful sources).",
    ),
    (
        "training_data_transparency",
        "Training-data transparency",
        "Publishing or disclosing what data a model was trained on.",
        "EU GPAI training-content summary (Art. 53(1)(d)); California AB 2013.",
    ),
    (
        "copyright_compliance",
        "Copyright compliance",
        "Duties to respect copyright in training or outputs: opt-outs, licences, policies.",
        "EU GPAI copyright policy (Art. 53(1)(c)); Japan's Article 30-4 limits.",
    ),
    (
        "automated_decision_rights",
        "Automated-decision rights",
        "Rights of people subject to automated decisions: notice, explanation, contest, human review.",
        "GDPR Art. 22; EU AI Act Art. 86; Colorado's adverse-decision notices.",
    ),
    (
        "human_oversight",
        "Human oversight",
        "Requirements that humans can oversee, intervene in or override an AI system.",
        "EU AI Act Art. 14 and 26(2); Korea's high-impact AI duties.",
    ),
    (
        "accuracy_robustness_security",
        "Accuracy, robustness and cybersecurity",
        "Requirements on the accuracy, robustness or cybersecurity of AI systems.",
        "EU AI Act Art. 15; the UK's AI Cyber Security Code of Practice.",
    ),
    (
        "record_keeping",
        "Logging and record-keeping",
        "Automatic logs, records or documentation kept for inspection.",
        "EU AI Act Art. 12 and 19; China's log retention for generative AI.",
    ),
    (
        "technical_documentation",
        "Technical documentation",
        "Technical documentation or instructions for use prepared for regulators or deployers.",
        "EU AI Act Art. 11 and 13; GPAI documentation (Art. 53(1)(a)-(b)).",
    ),
    (
        "incident_reporting",
        "Incident reporting",
        "Reporting serious incidents or malfunctions to an authority.",
        "EU AI Act Art. 73; California SB 53 critical safety incidents; New York RAISE Act.",
    ),
    (
        "post_market_monitoring",
        "Post-market monitoring",
        "Monitoring systems after release and acting on what is found.",
        "EU AI Act Art. 72.",
    ),
    (
        "general_purpose_models",
        "General-purpose model duties",
        "Duties specific to general-purpose or foundation models and their providers.",
        "EU AI Act Art. 53-55; the GPAI Code of Practice.",
    ),
    (
        "frontier_safety",
        "Frontier-model safety frameworks",
        "Safety frameworks, evaluations and reporting for the most capable (frontier) models.",
        "California SB 53; EU systemic-risk models (Art. 55); the Seoul Frontier AI Safety Commitments.",
    ),
    (
        "bias_audits",
        "Bias testing and audits",
        "Testing for discrimination or bias, or independent audits of AI systems.",
        "New York City Local Law 144; Colorado's algorithmic discrimination duties.",
    ),
    (
        "content_security_review",
        "Content security review",
        "Review or filtering of AI outputs for unlawful or politically prohibited content.",
        "China's generative AI measures (core socialist values; security assessment).",
    ),
    (
        "minors_protection",
        "Protection of minors",
        "Duties to protect children: age assurance, companion-chatbot safeguards, child safety.",
        "California SB 243 (companion chatbots); China's anthropomorphic AI measures.",
    ),
    (
        "ai_literacy",
        "AI literacy",
        "Duties to ensure that staff or users have sufficient AI literacy.",
        "EU AI Act Art. 4.",
    ),
    (
        "public_sector_use",
        "Public-sector use and procurement",
        "Rules on how public bodies use or buy AI systems.",
        "US OMB memoranda M-25-21/M-25-22; Canada's Directive on Automated Decision-Making.",
    ),
    (
        "local_representative",
        "Local representative",
        "Foreign providers must appoint a representative or agent in the jurisdiction.",
        "EU AI Act Art. 22 and 54; Korea's domestic agent (AI Basic Act Art. 36).",
    ),
    (
        "whistleblower_protection",
        "Whistle-blower protection",
        "Protection of employees who report AI risks or breaches.",
        "California SB 53; EU AI Act Art. 87 with the Whistleblower Directive.",
    ),
)

ACTORS: tuple[Term, ...] = _terms(
    ("developer", "Developer", "Builds or trains an AI model or system."),
    (
        "provider",
        "Provider",
        "Places an AI system or model on the market or puts it into service under its name.",
    ),
    ("deployer", "Deployer", "Uses an AI system under its authority in a professional activity."),
    ("importer", "Importer", "Brings a system made abroad onto the market."),
    (
        "distributor",
        "Distributor",
        "Makes a system available without being its provider or importer.",
    ),
    ("platform", "Platform", "Hosts, distributes or recommends content or apps made by others."),
    ("public_body", "Public body", "A government department, agency or other public authority."),
    ("user", "User", "A person who uses AI outside a professional activity."),
)

STRENGTHS: tuple[Term, ...] = _terms(
    (
        "binding_duty",
        "Binding duty",
        "A legal duty to do something, in force or enacted with a date.",
    ),
    ("binding_prohibition", "Binding prohibition", "A legal ban on doing something."),
    (
        "voluntary",
        "Voluntary",
        "An expectation in guidance, codes or principles, without legal force.",
    ),
    ("proposed", "Proposed", "A duty in a bill or draft that has not been adopted."),
    ("none", "None", "Nothing on this topic: the record says why, and on what source."),
)

SOURCE_KINDS: tuple[Term, ...] = _terms(
    ("official", "Official", "An official text or a government, parliament or regulator page."),
    (
        "intergovernmental",
        "Intergovernmental",
        "An international organisation: UN, OECD, Council of Europe, G7.",
    ),
    ("court", "Court", "A court judgment or a court's own page."),
    (
        "academic",
        "Academic",
        "A peer-reviewed paper, university or research-institute publication.",
    ),
    ("news", "News", "A news organisation."),
    ("law_firm", "Law firm", "A law firm or consultancy."),
    ("tracker", "Tracker", "A policy tracker or database (OECD.AI excepted: intergovernmental)."),
    ("other", "Other", "Anything else: an NGO, an industry body, a company page."),
)

# Kinds that may stand behind a rating (the codebook's evidence rule).
AUTHORITATIVE_KINDS = ("official", "intergovernmental", "court", "academic")

INSTRUMENT_TYPES: tuple[Term, ...] = _terms(
    ("law", "Law"),
    ("regulation", "Regulation"),
    ("guideline", "Guideline"),
    ("strategy", "Strategy"),
    ("principles", "Principles"),
    ("standard", "Standard"),
    ("executive_order", "Executive order"),
    ("treaty", "Treaty"),
    ("declaration", "Declaration"),
    ("code_of_practice", "Code of practice"),
    ("bill", "Bill"),
    ("plan", "Plan"),
    ("judgment", "Court judgment"),
)

INSTRUMENT_STATUSES: tuple[Term, ...] = _terms(
    ("proposed", "Proposed"),
    ("published", "Published"),
    ("signed", "Signed"),
    ("enacted", "Enacted"),
    ("in_force", "In force"),
    ("phased", "Phased in"),
    ("amended", "Amended"),
    ("superseded", "Superseded"),
    ("revoked", "Revoked"),
    ("lapsed", "Lapsed"),
)

INSTITUTION_ROLES: tuple[Term, ...] = _terms(
    ("regulator", "Regulator"),
    ("coordinator", "Coordinator"),
    ("safety_institute", "Safety institute"),
    ("advisory", "Advisory body"),
    ("standards_body", "Standards body"),
    ("research", "Research"),
    ("enforcement", "Enforcement"),
    ("funding_agency", "Funding agency"),
    ("court", "Court"),
)

EVENT_TYPES: tuple[Term, ...] = _terms(
    ("announced", "Announced"),
    ("founded", "Founded"),
    ("renamed", "Renamed"),
    ("reorganised", "Reorganised"),
    ("mandate_changed", "Mandate changed"),
    ("dissolved", "Dissolved"),
)

MILESTONE_TYPES: tuple[Term, ...] = _terms(
    ("phase", "Phase applies", "A part of the instrument starts to apply."),
    ("consultation", "Consultation closes", "A public consultation closes."),
    ("amendment", "Amended", "The instrument is amended."),
    ("postponement", "Postponed", "Application is postponed."),
    ("review", "Review", "A statutory review or report is due."),
    ("other", "Other", "Any other dated step."),
)

INITIATIVE_TYPES: tuple[Term, ...] = _terms(
    ("domestic_model", "Domestic model"),
    ("research_network", "Research network"),
    ("public_private_partnership", "Public-private partnership"),
    ("programme", "Programme"),
    ("international", "International"),
    ("testbed", "Testbed or sandbox"),
    ("infrastructure", "Infrastructure"),
)

KINDS: tuple[Term, ...] = _terms(
    ("national", "National"),
    ("supranational", "Supranational"),
    ("subnational", "Subnational"),
    ("multilateral", "Multilateral"),
)

SOURCE_TYPES: tuple[Term, ...] = _terms(
    ("law", "Law or official text"),
    ("official", "Official page"),
    ("report", "Report"),
    ("article", "Article"),
    ("news", "News"),
    ("web", "Web page"),
    ("book", "Book"),
    ("treaty", "Treaty"),
    ("judgment", "Judgment"),
)

VOCABULARIES: dict[str, tuple[Term, ...]] = {
    "topic": TOPICS,
    "actor": ACTORS,
    "strength": STRENGTHS,
    "source_kind": SOURCE_KINDS,
    "instrument_type": INSTRUMENT_TYPES,
    "instrument_status": INSTRUMENT_STATUSES,
    "role": INSTITUTION_ROLES,
    "event": EVENT_TYPES,
    "milestone": MILESTONE_TYPES,
    "initiative_type": INITIATIVE_TYPES,
    "kind": KINDS,
    "source_type": SOURCE_TYPES,
}


def ids(vocabulary: str) -> tuple[str, ...]:
    """The ids of a vocabulary, in order."""
    return tuple(term.id for term in VOCABULARIES[vocabulary])


def label(vocabulary: str, term_id: str | None) -> str:
    """The label of `term_id` in a vocabulary ("" for None; the id itself when unknown)."""
    if term_id is None:
        return ""
    for term in VOCABULARIES[vocabulary]:
        if term.id == term_id:
            return term.label
    return term_id
