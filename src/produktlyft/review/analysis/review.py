"""The whole review over one inventory: facts, a profile, the ranking, duplicates, capabilities.

Pure: the inventory, end-of-life matches, attached evidence and earlier duplicate decisions come
in; typed results (review.results) go out, with reasons as codes, ready to store, export as JSON
and word in any language.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import numpy as np
import polars as pl

from produktlyft.inventory.model import Inventory, System
from produktlyft.review.analysis.assessment import assessments
from produktlyft.review.analysis.duplicates import (
    SIGNALS,
    DuplicateResult,
    DuplicateSettings,
    SystemFeatures,
    find_duplicates,
)
from produktlyft.review.analysis.endoflife import EolMatch
from produktlyft.review.analysis.evidence import evidence_lists, reason_rows
from produktlyft.review.analysis.facts import FACTS, FactBase, build_fact_base
from produktlyft.review.analysis.ranking import (
    CapabilityView,
    Ranking,
    capability_views,
    rank_systems,
)
from produktlyft.review.analysis.reasons import duplicate_reasons, system_reasons
from produktlyft.review.analysis.scoring import ProfileResult, band, score_profile
from produktlyft.review.model import Band
from produktlyft.review.results import (
    CapabilityRow,
    DuplicateCost,
    DuplicatePair,
    HeatmapCell,
    RunSummary,
    SystemResult,
    TechnologyRow,
)

Progress = Callable[[str], None]
# Facts every system's evidence lists, whatever the profile (the ranking reads them).
RANKING_FACTS = ("criticality", "annual_cost", "users", "lock_in", "eol_months", "eol_unmatched")
LAYERS = ("capabilities", "data_integrations", "text")  # the order of a pair's layer scores


@dataclass
class ReviewOutcome:
    reference_date: date
    profile: str
    eol_snapshot: date
    systems: list[SystemResult]
    duplicates: list[DuplicatePair]
    clusters: list[list[str]]
    capabilities: list[CapabilityRow]
    heatmap: list[HeatmapCell]
    technologies: list[TechnologyRow]
    summary: RunSummary = field(default_factory=RunSummary)


def _none(value: float) -> float | None:
    return None if math.isnan(value) else round(float(value), 3)


def system_results(facts: FactBase, profile: ProfileResult, ranking: Ranking) -> list[SystemResult]:
    keys = tuple(dict.fromkeys((*profile.inputs, *RANKING_FACTS)))
    keys = tuple(k for k in keys if k in FACTS)
    bands = band(profile.health)
    evidence_per_system = evidence_lists(facts, keys)
    ids, names = facts.frame["system_id"].to_list(), facts.frame["name"].to_list()
    results = []
    for n, (row, evidence) in enumerate(
        zip(reason_rows(facts, keys), evidence_per_system, strict=True)
    ):
        missing = [e["fact"] for e in evidence if e["missing"]]
        confidence = float(ranking.confidence[n])
        # validated as one record with its evidence as plain items: pydantic checks the
        # nested items in one call, not one Python call for each of 28 items per system
        results.append(
            SystemResult.model_validate(
                {
                    "system_id": ids[n],
                    "name": names[n],
                    "rank": int(ranking.rank[n]),
                    "score": _none(ranking.priority[n]),
                    "confidence": round(confidence, 3),
                    "condition": profile.condition[n],
                    "health": _none(profile.health[n]),
                    "band": Band.of(bands[n]),
                    "reasons": system_reasons(
                        ranking.factors[n], row, missing, judged=bool(ranking.judged[n])
                    ),
                    "evidence": evidence,
                    "rank_min": int(ranking.rank_min[n]),
                    "rank_max": int(ranking.rank_max[n]),
                    "stable": bool(ranking.stable[n]),
                    "factors": list(ranking.factors[n]),
                    "annual_cost": row.get("annual_cost"),
                }
            )
        )
    results.sort(key=lambda r: r.rank)
    return results


def _department_of(inventory: Inventory) -> dict[str, str]:
    """Each unit's department: its nearest ancestor of kind department (or its root)."""
    parents = {u.id: u.parent_id for u in inventory.units}
    kinds = {u.id: (u.kind.value if u.kind else None) for u in inventory.units}
    result: dict[str, str] = {}
    for unit in parents:
        current, seen = unit, set()
        while kinds.get(current) != "department" and parents.get(current) and current not in seen:
            seen.add(current)
            current = parents[current]  # type: ignore[assignment]
        result[unit] = current
    return result


def functional_tags(inventory: Inventory, purity: float = 0.9) -> list[list[str]]:
    """Tags per system, without those that merely restate the owning department (a tag whose
    systems nearly all sit in one department): overlap ACROSS units is what we look for."""
    department = _department_of(inventory)
    owner = [department.get(s.owning_unit_id or "", s.owning_unit_id) for s in inventory.systems]
    by_tag: dict[str, list[str | None]] = {}
    for system, dept in zip(inventory.systems, owner, strict=True):
        for tag in set(system.tags):
            by_tag.setdefault(tag, []).append(dept)
    organisational = {
        tag
        for tag, depts in by_tag.items()
        if len(depts) >= 3
        and max(depts.count(d) for d in set(depts)) / len(depts) >= purity
        and any(depts)
    }
    return [[t for t in s.tags if t not in organisational] for s in inventory.systems]


def duplicate_features(inventory: Inventory) -> SystemFeatures:
    partners: dict[str, set[str]] = {s.id: set() for s in inventory.systems}
    for integration in inventory.integrations:
        partners.setdefault(integration.source_id, set()).add(integration.target_id)
        partners.setdefault(integration.target_id, set()).add(integration.source_id)
    systems = inventory.systems
    capability_names = {c.id: c.name for c in inventory.capabilities}
    return SystemFeatures(
        ids=[s.id for s in systems],
        texts=[f"{s.name} {s.description or ''}" for s in systems],
        capabilities=[[c.capability_id for c in s.capabilities] for s in systems],
        data_objects=[[d.data_object_id for d in s.data_uses] for s in systems],
        partners=[sorted(partners.get(s.id, ())) for s in systems],
        tags=functional_tags(inventory),
        names=[s.name for s in systems],
        descriptions=[s.description or "" for s in systems],
        capability_names=[
            [capability_names.get(c.capability_id, "") for c in s.capabilities] for s in systems
        ],
        vendors=[s.vendor or "" for s in systems],
        owners=[s.owning_unit_id or "" for s in systems],
    )


def duplicate_outputs(result: DuplicateResult, inventory: Inventory) -> list[DuplicatePair]:
    names = {s.id: s.name for s in inventory.systems}
    by_id = {s.id: s for s in inventory.systems}
    survivors = {
        pair.cluster: suggest_survivor(
            [by_id[m] for m in result.clusters[pair.cluster] if m in by_id], result.holdovers
        )
        for pair in result.pairs
        if 0 <= pair.cluster < len(result.clusters)
    }
    capability_names = {c.id: c.name for c in inventory.capabilities}
    data_names = {d.id: d.name for d in inventory.data_objects}
    unit_names = {f"unit:{u.id}": u.name for u in inventory.units}
    out = []
    for pair in result.pairs:
        caps = [capability_names.get(c, c) for c in pair.shared_capabilities]
        data = [data_names.get(d, d) for d in pair.shared_data]
        out.append(
            DuplicatePair(
                system_a=pair.a,
                system_b=pair.b,
                name_a=names[pair.a],
                name_b=names[pair.b],
                score=pair.score,
                layers=list(pair.layers),
                layer_scores=dict(zip(SIGNALS, pair.layer_scores, strict=True)),
                reasons=duplicate_reasons(
                    pair.layers,
                    caps,
                    data,
                    pair.layer_scores[2],
                    pair.function,
                    pair.function_words,
                    pair.product,
                    pair.against,
                    [unit_names.get(o, o.removeprefix("unit:")) for o in pair.origins],
                    pair.word_pairs,
                    pair.succession,
                    [names[s] for s in pair.holdover],
                ),
                cluster=pair.cluster,
                confirmed=pair.confirmed,
                function=pair.function,
                function_words=list(pair.function_words),
                product=pair.product,
                against=list(pair.against),
                survivor=survivors.get(pair.cluster),
            )
        )
    return out


FIT_RANK = {"fully_appropriate": 0, "adequate": 1, "unreasonable": 2, "inappropriate": 3}


def suggest_survivor(
    members: Sequence[System], holdovers: Collection[str] = frozenset()
) -> str | None:
    """The system to keep in a cluster: not a holdover (kept read-only or on its way out,
    which is cheap because it no longer does the job), then better technical condition, then
    lower cost, then more users; None for an empty cluster."""
    if not members:
        return None

    def key(system: System) -> tuple[bool, int, float, int, str]:
        fit = FIT_RANK.get(system.technical_fit.value if system.technical_fit else "", 4)
        cost = system.annual_cost if system.annual_cost is not None else float("inf")
        return system.id in holdovers, fit, cost, -(system.users or 0), system.id

    return min(members, key=key).id


def duplicate_costs(
    clusters: Sequence[Sequence[str]], costs: Mapping[str, float | None]
) -> DuplicateCost:
    """Cost of all systems in duplicate clusters, and what keeping only the dearest of each
    cluster would leave out: a first estimate of what the overlap costs each year."""
    total = avoidable = 0.0
    for members in clusters:
        known = [float(c) for m in members if (c := costs.get(m)) is not None]
        total += sum(known)
        avoidable += sum(known) - max(known, default=0.0)
    return DuplicateCost(total=total, avoidable=avoidable)


def technology_rows(inventory: Inventory, matches: Mapping[str, EolMatch]) -> list[TechnologyRow]:
    users: dict[str, int] = {}
    for system in inventory.systems:
        for tid in system.technology_ids:
            users[tid] = users.get(tid, 0) + 1
    rows = []
    for tech in inventory.technologies:
        match = matches.get(tech.id)
        if match is None:
            continue
        rows.append(
            TechnologyRow(
                id=tech.id,
                name=tech.name,
                version=tech.version,
                status=match.status.value,
                product=match.product,
                cycle=match.cycle.name if match.cycle else None,
                eol=match.eol_date.isoformat() if match.eol_date else None,
                eos=match.eos_date.isoformat() if match.eos_date else None,
                months_to_eol=match.months_to_eol,
                eol_passed=match.eol_passed,
                risk=match.risk,
                systems=users.get(tech.id, 0),
            )
        )
    return rows


def run_review(
    inventory: Inventory,
    eol_matches: Mapping[str, EolMatch],
    *,
    today: date,
    eol_snapshot: date,
    profile: str = "custom",
    custom_weights: Mapping[str, float] | None = None,
    impact_weights: Mapping[str, float] | None = None,
    sbom_facts: Mapping[str, Mapping[str, Any]] | None = None,
    repo_facts: Mapping[str, Mapping[str, Any]] | None = None,
    rejected: Sequence[tuple[str, str]] = (),
    confirmed: Sequence[tuple[str, str]] = (),
    workflow_pain: Mapping[str, float] | None = None,
    duplicate_settings: DuplicateSettings | None = None,
    progress: Progress | None = None,
) -> ReviewOutcome:
    step = progress or (lambda _: None)
    step("facts")
    facts = build_fact_base(
        inventory,
        eol_matches,
        today=today,
        eol_snapshot=eol_snapshot,
        sbom_facts=sbom_facts,
        repo_facts=repo_facts,
    )
    step("scoring")
    scored = score_profile(facts, profile, custom_weights)
    ranking = rank_systems(facts, scored, impact_weights, workflow_pain, custom_weights)
    systems = system_results(facts, scored, ranking)
    sheets = dict(zip(facts.system_ids, assessments(facts, scored, custom_weights), strict=True))
    for system in systems:
        system.assessment = sheets[system.system_id]
    step("duplicates")
    found = find_duplicates(duplicate_features(inventory), duplicate_settings, rejected, confirmed)
    step("capabilities")
    links = pl.DataFrame(
        [(s.id, c.capability_id) for s in inventory.systems for c in s.capabilities],
        schema={"system_id": pl.String, "capability_id": pl.String},
        orient="row",
    ).unique()
    names = pl.DataFrame(
        {
            "capability_id": [c.id for c in inventory.capabilities],
            "capability": [c.name for c in inventory.capabilities],
        },
        schema={"capability_id": pl.String, "capability": pl.String},
    )
    view: CapabilityView = capability_views(links, names, facts, scored, ranking)
    costs = {s.id: s.annual_cost for s in inventory.systems}
    outcome = ReviewOutcome(
        reference_date=today,
        profile=profile,
        eol_snapshot=eol_snapshot,
        systems=systems,
        duplicates=duplicate_outputs(found, inventory),
        clusters=found.clusters,
        capabilities=[CapabilityRow.model_validate(row) for row in view.frame.to_dicts()],
        heatmap=[HeatmapCell.model_validate(row) for row in view.heatmap.to_dicts()],
        technologies=technology_rows(inventory, eol_matches),
    )
    outcome.summary = RunSummary(
        systems=len(systems),
        data_confidence=float(np.mean([s.confidence for s in systems])) if systems else 0.0,
        annual_cost=float(sum(c or 0.0 for c in costs.values())),
        duplicate_cost=duplicate_costs(found.clusters, costs),
        duplicate_candidates_compared=found.candidates_compared,
        rejected_pairs_skipped=found.rejected_skipped,
        duplicate_model=found.model,
        duplicate_trees=found.trees,
        duplicate_threshold=found.threshold,
        duplicate_cut=found.cut_by,
        sensitivity_scenarios=ranking.scenarios,
        unstable_systems=int(sum(s.judged and not s.stable for s in systems)),
        unjudged_systems=int(sum(not s.judged for s in systems)),
        bands={b: sum(s.band is b for s in systems) for b in Band},
    )
    return outcome
