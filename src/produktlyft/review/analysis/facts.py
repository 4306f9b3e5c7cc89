"""The fact base: every fact about every system, with its source and date; missing is explicit.

A fact base is one polars frame with a row per system. Each fact `k` has a value column `k`
(null when missing), and the frame has a date column per source (`date_inventory`, `date_sbom`,
`date_repo`; the end-of-life snapshot has one date for all). `detail_k` columns say which
component or contract a value came from. Scoring reads the value columns; the evidence shown
to people is rendered from all three. Nothing here is guessed: an absent value stays null, and
the profiles count it against the data confidence.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

import polars as pl

from produktlyft.inventory.model import Contract, Inventory, System
from produktlyft.inventory.vocabularies import (
    Criticality,
    DataClassification,
    FunctionalFit,
    IntegrationKind,
    PersonalData,
    TechnicalFit,
)
from produktlyft.review.analysis.endoflife import EolMatch, months_between
from produktlyft.review.analysis.fact_specs import FACTS, FactSpec

__all__ = ["FACTS", "FactBase", "FactSpec", "build_fact_base", "contract_lock_in"]


# Facts that only exist where evidence was attached; their absence elsewhere is still shown.
EVIDENCE_SOURCES = ("sbom", "repo")

_CRITICALITY = {
    Criticality.CRITICAL_TO_SOCIETY: 2,
    Criticality.CRITICAL_TO_OPERATIONS: 1,
    Criticality.NOT_CRITICAL: 0,
}
_FUNCTIONAL = {
    FunctionalFit.PERFECT: 3,
    FunctionalFit.APPROPRIATE: 2,
    FunctionalFit.INSUFFICIENT: 1,
    FunctionalFit.UNREASONABLE: 0,
}
_TECHNICAL = {
    TechnicalFit.FULLY_APPROPRIATE: 3,
    TechnicalFit.ADEQUATE: 2,
    TechnicalFit.UNREASONABLE: 1,
    TechnicalFit.INAPPROPRIATE: 0,
}
_CLASSIFICATION = {
    DataClassification.OPEN: 0,
    DataClassification.INTERNAL: 1,
    DataClassification.CONFIDENTIAL: 2,
    DataClassification.SECRET: 3,
}
_PERSONAL = {PersonalData.NONE: 0, PersonalData.PERSONAL: 1, PersonalData.SENSITIVE: 2}
PROPERTY_FACTS = ("tech_criteria_missing", "medium_risks", "high_risks")


@dataclass
class FactBase:
    frame: pl.DataFrame
    reference_date: date
    eol_snapshot: date
    sources: dict[str, str] = field(default_factory=dict)

    @property
    def system_ids(self) -> list[str]:
        return list(self.frame["system_id"])

    def present(self, keys: Sequence[str]) -> pl.DataFrame:
        """1.0 where each fact is known, 0.0 where missing; one column per key."""
        return self.frame.select([pl.col(k).is_not_null().cast(pl.Float64).alias(k) for k in keys])


def _number(text: str | None) -> float | None:
    try:
        return float(text.replace(",", ".")) if text else None
    except ValueError:
        return None


def _months_until(value: date | None, today: date) -> float | None:
    return round(months_between(today, value), 1) if value else None


def _stamp(system: System) -> date | None:
    prov = system.provenance
    moment: datetime | None = (prov.changed_at or prov.imported_at) if prov else None
    return moment.date() if moment else None


def _mean_fit(system: System) -> float | None:
    fits = [_FUNCTIONAL[c.fit] for c in system.capabilities if c.fit is not None]
    return sum(fits) / len(fits) if fits else None


def _inventory_columns(systems: Sequence[System], today: date) -> dict[str, list[Any]]:
    def prop(s: System, key: str) -> float | None:
        return _number(s.properties.get(key))

    legal = [s.properties.get("legal_change_date") for s in systems]
    return {
        "system_id": [s.id for s in systems],
        "name": [s.name for s in systems],
        "date_inventory": [_stamp(s) for s in systems],
        "criticality": [
            _CRITICALITY.get(s.criticality) if s.criticality else None for s in systems
        ],
        "functional_fit": [_mean_fit(s) for s in systems],
        "technical_fit": [
            _TECHNICAL[s.technical_fit] if s.technical_fit else None for s in systems
        ],
        "lifecycle": [s.lifecycle.value if s.lifecycle else None for s in systems],
        "annual_cost": [s.annual_cost for s in systems],
        "users": [s.users for s in systems],
        "civil_servants": [s.civil_servants for s in systems],
        "contractors": [s.contractors for s in systems],
        "has_owner": [bool(s.system_owner or s.owning_unit_id) for s in systems],
        "has_technical_owner": [bool(s.technical_owner) for s in systems],
        "classification": [
            _CLASSIFICATION[s.data_classification] if s.data_classification else None
            for s in systems
        ],
        "personal_data": [_PERSONAL[s.personal_data] if s.personal_data else None for s in systems],
        "vendor_eol_months": [_months_until(s.vendor_dates.end_of_life, today) for s in systems],
        **{key: [prop(s, key) for s in systems] for key in PROPERTY_FACTS},
        "legal_change_months": [_months_until(_parse_date(v), today) for v in legal],
        "retirement_planned": [_retirement_planned(s) for s in systems],
    }


def _retirement_planned(system: System) -> bool:
    """MoJ's intentional neglect needs an explicit plan: a phase-out with a set end date."""
    ending = system.lifecycle is not None and system.lifecycle.value in ("phase_out", "end_of_life")
    return ending and (
        system.internal_dates.end_of_life is not None
        or bool(system.properties.get("retirement_plan"))
    )


def _parse_date(text: str | None) -> date | None:
    try:
        return date.fromisoformat(text[:10]) if text else None
    except ValueError:
        return None


def _link_frame(pairs: list[tuple[str, str]], names: tuple[str, str]) -> pl.DataFrame:
    return pl.DataFrame(pairs, schema={names[0]: pl.String, names[1]: pl.String}, orient="row")


def _eol_frame(inventory: Inventory, matches: Mapping[str, EolMatch]) -> pl.DataFrame:
    """Per system: nearest EOL and EOS over matched components, worst risk, unmatched count."""
    links = _link_frame(
        [(s.id, t) for s in inventory.systems for t in s.technology_ids],
        ("system_id", "technology_id"),
    )
    techs = pl.DataFrame(
        [
            (
                tid,
                m.months_to_eol,
                m.months_to_eos,
                m.risk if m.is_matched else None,
                not m.is_matched,
                f"{m.name} {m.version or ''}".strip(),
                m.eol_date.isoformat() if m.eol_date else None,
            )
            for tid, m in matches.items()
        ],
        schema={
            "technology_id": pl.String,
            "m_eol": pl.Float64,
            "m_eos": pl.Float64,
            "risk": pl.Float64,
            "unmatched": pl.Boolean,
            "label": pl.String,
            "eol_date": pl.String,
        },
        orient="row",
    )
    joined = links.join(techs, on="technology_id", how="left")
    return (
        joined.sort("m_eol", nulls_last=True)
        .group_by("system_id")
        .agg(
            pl.len().alias("tech_components"),
            pl.col("m_eol").min().round(1).alias("eol_months"),
            pl.col("m_eos").min().round(1).alias("eos_months"),
            pl.col("risk").max().alias("lifecycle_risk"),
            pl.col("unmatched").fill_null(True).sum().alias("eol_unmatched"),
            pl.col("label").filter(pl.col("m_eol").is_not_null()).first().alias("detail_eol"),
            pl.col("eol_date").filter(pl.col("m_eol").is_not_null()).first().alias("eol_date"),
            pl.col("label").filter(pl.col("unmatched").fill_null(True)).alias("unmatched_labels"),
        )
    )


def contract_lock_in(contract: Contract) -> tuple[float | None, list[str]]:
    """Share of lock-in signals present among those known, and which ones (codes)."""
    signals = {
        "no_exit_clause": None if contract.exit_clause is None else not contract.exit_clause,
        "supplier_owns_ip": None
        if contract.ip_owner is None
        else contract.ip_owner.value == "supplier",
        "no_data_return": not bool(contract.data_return_format),
        "long_notice": None
        if contract.notice_period_months is None
        else contract.notice_period_months >= 12,
        "long_term": _long_term(contract),
    }
    known = {k: v for k, v in signals.items() if v is not None}
    if not known:
        return None, []
    return sum(known.values()) / len(known), [k for k, v in known.items() if v]


def _long_term(contract: Contract) -> bool | None:
    """Five years or more from start to the latest possible end."""
    end = contract.latest_end_date or contract.end_date
    if contract.start_date is None or end is None:
        return None
    return (end - contract.start_date).days >= 5 * 365


def _contract_frame(inventory: Inventory, today: date) -> pl.DataFrame:
    rows: list[tuple[str, float | None, float | None, str, str]] = []
    for contract in inventory.contracts:
        lock, reasons = contract_lock_in(contract)
        end = contract.latest_end_date or contract.end_date
        rows.extend(
            (sid, _months_until(end, today), lock, contract.name, ",".join(reasons))
            for sid in contract.system_ids
        )
    frame = pl.DataFrame(
        rows,
        schema={
            "system_id": pl.String,
            "end_m": pl.Float64,
            "lock": pl.Float64,
            "contract": pl.String,
            "lock_reasons": pl.String,
        },
        orient="row",
    )
    return (
        frame.sort("lock", descending=True, nulls_last=True)
        .group_by("system_id")
        .agg(
            pl.col("end_m").min().alias("contract_end_months"),
            pl.col("lock").max().alias("lock_in"),
            pl.col("contract").first().alias("detail_lock_in"),
            pl.col("lock_reasons").first().alias("lock_reasons"),
        )
    )


def _integration_frame(inventory: Inventory) -> pl.DataFrame:
    manual = IntegrationKind.MANUAL_REKEYING
    rows = [
        (end, i.kind == manual)
        for i in inventory.integrations
        for end in {i.source_id, i.target_id}
    ]
    frame = pl.DataFrame(rows, schema={"system_id": pl.String, "manual": pl.Boolean}, orient="row")
    return frame.group_by("system_id").agg(
        pl.len().alias("integrations"), pl.col("manual").sum().alias("manual_rekeying")
    )


def _team_frame(inventory: Inventory) -> pl.DataFrame:
    links = _link_frame(
        [(sid, t.id) for t in inventory.teams for sid in t.system_ids], ("system_id", "team_id")
    )
    return links.group_by("system_id").agg(pl.col("team_id").n_unique().alias("team_count"))


def _evidence_frame(
    evidence: Mapping[str, Mapping[str, Any]], keys: Sequence[str], date_column: str
) -> pl.DataFrame:
    schema: dict[str, Any] = {
        "system_id": pl.String,
        date_column: pl.Date,
        **{k: pl.Float64 for k in keys},
        f"detail_{date_column}": pl.String,
    }
    rows = [
        (sid, facts.get("date"), *[_float(facts.get(k)) for k in keys], facts.get("label"))
        for sid, facts in evidence.items()
    ]
    return pl.DataFrame(rows, schema=schema, orient="row")


def _float(value: Any) -> float | None:
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


SBOM_KEYS = ("libyear", "sbom_components", "libyear_coverage", "oldest_unapplied_days")
REPO_KEYS = ("hotspot_index", "top_author_share", "bus_factor", "days_since_commit")


def build_fact_base(
    inventory: Inventory,
    eol_matches: Mapping[str, EolMatch],
    *,
    today: date,
    eol_snapshot: date,
    sbom_facts: Mapping[str, Mapping[str, Any]] | None = None,
    repo_facts: Mapping[str, Mapping[str, Any]] | None = None,
) -> FactBase:
    """All facts for all systems. `eol_matches` is keyed by technology id; the evidence maps
    are keyed by system id, each a dict of fact values plus 'date' and 'label'."""
    frame = pl.DataFrame(
        _inventory_columns(inventory.systems, today),
        schema_overrides={
            "date_inventory": pl.Date,
            "annual_cost": pl.Float64,
            "users": pl.Float64,
            "civil_servants": pl.Float64,
            "contractors": pl.Float64,
            "functional_fit": pl.Float64,
            "criticality": pl.Float64,
            "technical_fit": pl.Float64,
            "classification": pl.Float64,
            "personal_data": pl.Float64,
            "lifecycle": pl.String,
            "vendor_eol_months": pl.Float64,
            "legal_change_months": pl.Float64,
            **{k: pl.Float64 for k in PROPERTY_FACTS},
        },
    )
    for part in (
        _eol_frame(inventory, eol_matches),
        _contract_frame(inventory, today),
        _integration_frame(inventory),
        _team_frame(inventory),
        _evidence_frame(sbom_facts or {}, SBOM_KEYS, "date_sbom"),
        _evidence_frame(repo_facts or {}, REPO_KEYS, "date_repo"),
    ):
        frame = frame.join(part, on="system_id", how="left")
    # Counts are facts even when zero: no integration is known as "none", not as missing.
    frame = frame.with_columns(
        pl.col("integrations", "manual_rekeying", "team_count", "tech_components")
        .fill_null(0)
        .cast(pl.Float64),
        pl.col("eol_unmatched").cast(pl.Float64),
    )
    return FactBase(frame=frame, reference_date=today, eol_snapshot=eol_snapshot)
