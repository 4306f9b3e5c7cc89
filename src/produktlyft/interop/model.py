"""Typed records and vocabularies of the interop area (no I/O).

Every judgement the area makes is a `Reason`: a stable code with parameters, worded in the
reader's language by the presenter. `SystemInterop` is the fixed interface other areas (the
roadmap) read; its fields are only ever added to, with defaults.
"""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

from produktlyft.kernel.labels import LabelledEnum

ReasonParam = bool | int | float | str | list[str] | None


class SiloCode(StrEnum):
    """Why a system risks being a silo. Parameters in comments."""

    DATA_UNSHARED = "data_unshared"  # objects: names of data objects no other system uses
    MANUAL_REKEYING = "manual_rekeying"  # count: manual integrations; partners: system names
    SINGLE_VENDOR = "single_vendor"  # vendor: all integrations via that vendor's own interface
    NO_EXIT_FORMAT = "no_exit_format"  # contracts: contract names without a data-return format
    ISOLATED = "isolated"  # capabilities: shared capabilities, yet no integration at all
    PROPRIETARY = "proprietary"  # share: of integrations neither open nor documented


class DispositionCode(StrEnum):
    """Why a disposition was suggested (the rule that fired). Parameters in comments."""

    ALREADY_RETIRING = "already_retiring"  # lifecycle
    DUPLICATE_WEAKER = "duplicate_weaker"  # cluster, keeper: another system does the same, better
    LOW_VALUE_POOR = "low_value_poor"  # functional, technical: eliminate (TIME)
    HIGH_VALUE_POOR = "high_value_poor"  # functional, technical: migrate (TIME)
    END_OF_LIFE_TECH = "end_of_life_tech"  # date: vendor end of life, good fit otherwise
    ON_PREMISES_GOOD = "on_premises_good"  # hosting: good on both axes, still in own hall
    LOW_VALUE_GOOD = "low_value_good"  # tolerate (TIME)
    GOOD = "good"  # invest/keep (TIME)
    UNKNOWN_FACTS = "unknown_facts"  # missing: facts that were not recorded


class CloudCode(StrEnum):
    """Why a cloud move needs what it needs. Parameters in comments."""

    RULE = "rule"  # information, rule: the row of the rule table that applied
    UNKNOWN_CLASSIFICATION = "unknown_classification"  # nothing recorded: assumed OSL secrecy
    FROM_DATA_OBJECTS = "from_data_objects"  # objects: the data objects that raised the level


class InitiativeCode(StrEnum):
    """What an initiative does to the integration map. Parameters in comments."""

    BREAKS_INCOMING = "breaks_incoming"  # system, others: systems that feed it from outside
    BREAKS_OUTGOING = "breaks_outgoing"  # system, others: systems it feeds outside
    LEAVES_SILO = "leaves_silo"  # system, risk: a high-risk silo kept without open interfaces
    KEEPS_PROPRIETARY = "keeps_proprietary"  # system, share: target not stated as open
    # system, others, count, open: the target drops open interfaces other systems use
    CREATES_SILO = "creates_silo"
    # system, risk, standards: the target adds open interfaces to a system at silo risk
    REDUCES_SILO = "reduces_silo"


# what counts as evidence that a plan reduces silo risk; every other initiative code warns
INITIATIVE_EVIDENCE = frozenset({InitiativeCode.REDUCES_SILO})


class TargetInterfaces(LabelledEnum):
    """What an initiative's target does to the open interfaces of the systems it touches (as
    the person planning it states it)."""

    IMPROVES = (
        "improves",
        "förbättrar öppna gränssnitt",
        "improves open interfaces",
    )
    KEEPS = ("keeps", "behåller öppna gränssnitt", "keeps open interfaces")
    DROPS = (
        "drops",
        "tappar öppna gränssnitt",
        "drops open interfaces",
    )
    NOT_STATED = ("not_stated", "inte angivet", "not stated")


class Reason(BaseModel):
    """A judgement's code and what it rests on; worded by `interop.presenter`."""

    model_config = ConfigDict(frozen=True)

    code: str
    params: dict[str, ReasonParam] = Field(default_factory=dict)


class Disposition(LabelledEnum):
    """The 6R dispositions (Gartner's five Rs plus retain), in order of change."""

    RETAIN = ("retain", "behålla", "retain")
    RETIRE = ("retire", "avveckla", "retire")
    REHOST = ("rehost", "flytta som den är", "rehost")
    REPLATFORM = ("replatform", "byta plattform", "replatform")
    REFACTOR = ("refactor", "bygga om", "refactor")
    REPLACE = ("replace", "ersätta", "replace")


class CloudRequirement(LabelledEnum):
    """What a move to a cloud service would require, from least to most restrictive."""

    PUBLIC_CLOUD_OK = (
        "public_cloud_ok",
        "publikt moln går bra",
        "a public cloud is acceptable",
    )
    AGENCY_HELD_KEYS = (
        "agency_held_keys",
        "kryptering med nycklar som myndigheten själv håller",
        "encryption with keys held by the agency",
    )
    EU_EEA_PROVIDER = (
        "eu_eea_provider_without_third_country_access",
        "leverantör inom EU/EES utan åtkomst från tredjeland",
        "an EU/EEA provider without third-country access",
    )
    STAY_ON_PREMISES = (
        "stay_on_premises",
        "stanna i egen drift",
        "stay on premises",
    )


class SystemInterop(BaseModel):
    """One system's interoperability: open-standard coverage and silo risk, with reasons."""

    model_config = ConfigDict(frozen=True)

    id: str
    name: str
    # share of its integrations over a named open standard or a documented API; None: none
    open_standard_share: float | None
    silo_risk: float = Field(ge=0, le=1)
    reasons: list[Reason] = Field(default_factory=list)
    integrations: int = 0
    unit_id: str | None = None


class DispositionAdvice(BaseModel):
    model_config = ConfigDict(frozen=True)

    system_id: str
    disposition: Disposition
    reason: Reason


class CloudCheck(BaseModel):
    """What moving one system to a cloud service would require, and why."""

    model_config = ConfigDict(frozen=True)

    system_id: str
    requirement: CloudRequirement
    # what each kind of provider would mean: provider kind -> verdict code of the rule table
    verdicts: dict[str, str] = Field(default_factory=dict)
    documents: list[str] = Field(default_factory=list)  # dpia, transfer, secrecy, security
    flags: list[str] = Field(default_factory=list)  # esam_position, adequacy_only
    reasons: list[Reason] = Field(default_factory=list)
    sources: list[str] = Field(default_factory=list)  # source keys of the rule table


class Source(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    title: str = Field(min_length=1)
    date: str = Field(min_length=4)
    url: str | None = None


class Rule(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    information: str
    requirement: CloudRequirement
    verdicts: dict[str, str]
    documents: list[str] = Field(default_factory=list)
    flags: list[str] = Field(default_factory=list)
    sources: list[str] = Field(default_factory=list)


class CloudRules(BaseModel):
    """The whole table: one rule per information level, and the sources the rules cite."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    version: str
    note: str = ""
    providers: list[str]
    sources: dict[str, Source]
    rules: list[Rule]

    def rule(self, level: str) -> Rule:
        return next(rule for rule in self.rules if rule.information == level)
