"""A small organisation with planted problems, for review tests until the demo generator lands:
two duplicate pairs, systems on technology past end of life, a lock-in contract, manual
re-keying, and systems with missing facts."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from produktlyft.inventory.model import (
    Capability,
    CapabilityFit,
    Contract,
    DataObject,
    DataUse,
    Integration,
    Inventory,
    System,
    Team,
    Technology,
    Unit,
)
from produktlyft.review.analysis.duplicates_features import SystemFeatures

# the duplicate model's signals added after weights were first stored, in the order they were
# added (what a stored re-fit of fewer signals is padded with); written out, so that a test
# fails when a signal is added without padding the stored weights
SIGNALS_ADDED_LATER = (
    "embedding",
    "embedding_function",
    "best_match",
    "group_match",
    "origin_apart",
    "text_grams",
    "word_pairs",
    "text_rarity",
    "match_margin",
)

REFERENCE_DATE = date(2026, 9, 1)


def text_only(names: Sequence[str], descriptions: Sequence[str]) -> SystemFeatures:
    """Duplicate features of systems known by their names and descriptions alone (no
    capabilities, data or integrations): what the text signals are tested on."""
    n = len(names)
    return SystemFeatures(
        ids=[f"s{i}" for i in range(n)],
        texts=[f"{name} {text}" for name, text in zip(names, descriptions, strict=True)],
        capabilities=[[] for _ in range(n)],
        data_objects=[[] for _ in range(n)],
        partners=[[] for _ in range(n)],
        names=list(names),
        descriptions=list(descriptions),
    )


DUPLICATE_PAIRS = [("sys-bygglov-a", "sys-bygglov-b"), ("sys-skola-a", "sys-skola-b")]
PAST_EOL = {"sys-bygglov-a", "sys-ekonomi"}


def _system(sid: str, name: str, description: str, caps: list[str], **fields: Any) -> System:
    fit = fields.pop("fit", "appropriate")
    return System(
        id=sid,
        name=name,
        description=description,
        capabilities=[CapabilityFit(capability_id=c, fit=fit) for c in caps],
        **fields,
    )


def organisation() -> Inventory:
    units = [
        Unit(id="u-sbf", name="Samhällsbyggnadsförvaltningen"),
        Unit(id="u-bun", name="Barn- och utbildningsförvaltningen"),
        Unit(id="u-kf", name="Kommunledningsförvaltningen"),
    ]
    capabilities = [
        Capability(id=c, name=n)
        for c, n in [
            ("cap-bygglov", "Bygglovshantering"),
            ("cap-arkiv", "Arkivering"),
            ("cap-elev", "Elevadministration"),
            ("cap-schema", "Schemaläggning"),
            ("cap-ekonomi", "Ekonomistyrning"),
            ("cap-lon", "Lönehantering"),
            ("cap-webb", "Webbpublicering"),
            ("cap-ärende", "Ärendehantering"),
        ]
    ]
    technologies = [
        Technology(id=t, name=n, version=v)
        for t, n, v in [
            ("t-win2012", "Windows Server", "2012 R2"),
            ("t-py39", "Python", "3.9.18"),
            ("t-pg11", "PostgreSQL", "11"),
            ("t-pg16", "PostgreSQL", "16"),
            ("t-rhel9", "Red Hat Enterprise Linux", "9"),
            ("t-dotnet8", ".NET", "8.0.4"),
            ("t-sb27", "Spring Boot", "2.7.18"),
            ("t-egen", "Kommunens ramverk", "1"),
        ]
    ]
    data = [
        DataObject(id="d-arende", name="Bygglovsärende"),
        DataObject(id="d-elev", name="Elevuppgifter"),
        DataObject(id="d-faktura", name="Leverantörsfaktura"),
    ]
    ops = "critical_to_operations"
    systems = [
        _system(
            "sys-bygglov-a",
            "ByggR",
            "Ärendehantering för bygglov och bygganmälan",
            ["cap-bygglov", "cap-ärende"],
            owning_unit_id="u-sbf",
            criticality=ops,
            lifecycle="active",
            users=120,
            annual_operating_cost=850_000,
            technical_fit="adequate",
            technology_ids=["t-pg11", "t-sb27"],
            data_uses=[DataUse(data_object_id="d-arende", access="write")],
            civil_servants=1,
            contractors=0,
        ),
        _system(
            "sys-bygglov-b",
            "Bygglovsportalen",
            "Handläggning av bygglovsärenden och bygganmälningar",
            ["cap-bygglov", "cap-ärende"],
            owning_unit_id="u-kf",
            criticality=ops,
            lifecycle="active",
            users=40,
            annual_licence_cost=300_000,
            technical_fit="adequate",
            technology_ids=["t-pg16"],
            data_uses=[DataUse(data_object_id="d-arende", access="write")],
        ),
        _system(
            "sys-skola-a",
            "Elevregistret",
            "Elevadministration och schemaläggning för skolan",
            ["cap-elev", "cap-schema"],
            owning_unit_id="u-bun",
            criticality="critical_to_society",
            lifecycle="active",
            users=900,
            annual_licence_cost=1_200_000,
            technical_fit="fully_appropriate",
            technology_ids=["t-dotnet8"],
            data_uses=[DataUse(data_object_id="d-elev", access="write")],
            civil_servants=2,
        ),
        _system(
            "sys-skola-b",
            "Elevadministrationen",
            "Elevregister och schemaläggning för grundskolan",
            ["cap-elev", "cap-schema"],
            owning_unit_id="u-bun",
            criticality=ops,
            lifecycle="active",
            users=300,
            annual_licence_cost=450_000,
            technology_ids=["t-rhel9"],
            data_uses=[DataUse(data_object_id="d-elev", access="write")],
        ),
        _system(
            "sys-ekonomi",
            "Raindance",
            "Ekonomisystem för redovisning och fakturor",
            ["cap-ekonomi"],
            owning_unit_id="u-kf",
            criticality=ops,
            lifecycle="active",
            users=400,
            annual_licence_cost=2_400_000,
            annual_operating_cost=600_000,
            technical_fit="unreasonable",
            technology_ids=["t-win2012", "t-py39"],
            data_uses=[DataUse(data_object_id="d-faktura", access="write")],
            civil_servants=0,
            contractors=1,
        ),
        _system(
            "sys-lon",
            "Personec",
            "Lönesystem för månadslön och timlön",
            ["cap-lon"],
            owning_unit_id="u-kf",
            criticality=ops,
            lifecycle="active",
            users=60,
            annual_licence_cost=900_000,
            technical_fit="adequate",
            technology_ids=["t-rhel9"],
        ),
        _system(
            "sys-webb",
            "Sitevision",
            "Webbplats och intranät",
            ["cap-webb"],
            owning_unit_id="u-kf",
            criticality="not_critical",
            lifecycle="active",
            users=30,
            annual_licence_cost=200_000,
            technical_fit="fully_appropriate",
            technology_ids=["t-egen"],
        ),
        _system(
            "sys-arkiv",
            "e-arkiv",
            "Slutarkiv för allmänna handlingar",
            ["cap-arkiv"],
            owning_unit_id="u-kf",
            lifecycle="phase_in",
            technology_ids=[],
        ),
        _system(
            "sys-okänd",
            "Gamla diariet",
            "Diarium som inte längre används",
            ["cap-ärende"],
            fit="insufficient",
        ),
    ]
    integrations = [
        Integration(id="i-1", source_id="sys-bygglov-a", target_id="sys-arkiv", kind="rest"),
        Integration(id="i-2", source_id="sys-bygglov-b", target_id="sys-arkiv", kind="rest"),
        Integration(id="i-3", source_id="sys-ekonomi", target_id="sys-lon", kind="manual_rekeying"),
    ]
    contracts = [
        Contract(
            id="k-raindance",
            name="Ekonomisystemavtalet 2015",
            supplier="CGI",
            end_date=date(2027, 3, 31),
            exit_clause=False,
            ip_owner="supplier",
            notice_period_months=18,
            system_ids=["sys-ekonomi"],
            value=12_000_000,
        ),
        Contract(
            id="k-skola",
            name="Skolavtalet",
            supplier="Tieto",
            end_date=date(2028, 1, 1),
            exit_clause=True,
            data_return_format="CSV",
            ip_owner="buyer",
            notice_period_months=3,
            system_ids=["sys-skola-a"],
        ),
    ]
    teams = [Team(id="team-skola", name="Skolteamet", system_ids=["sys-skola-a"])]
    return Inventory(
        units=units,
        capabilities=capabilities,
        technologies=technologies,
        data_objects=data,
        systems=systems,
        integrations=integrations,
        contracts=contracts,
        teams=teams,
    )
