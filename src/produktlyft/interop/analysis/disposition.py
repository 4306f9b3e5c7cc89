"""A suggested disposition per system: retain, retire, rehost, replatform, refactor or replace.

Two published models meet here. Gartner's **TIME** model (Tolerate, Invest, Migrate, Eliminate)
places an application by business value (here: functional fit, how well it supports its
capabilities) against technical condition (technical fit). The migration **"R" models**
(Gartner's five Rs of 2010 — rehost, refactor, revise, rebuild, replace — as extended to six by
AWS with retain and retire) say what to do with it. The rules below map the first onto the
second, adding the facts a review has: lifecycle, vendor end of life, hosting, cost, and
confirmed duplicates. The first rule that matches decides; each gives a reason code with its
parameters, so that a person sees *why* and can disagree.

| # | when | disposition | code (TIME) |
|---|---|---|---|
| 1 | lifecycle is phase-out or end-of-life | retire | `already_retiring` (E) |
| 2 | in a confirmed duplicate cluster, not its keeper | retire | `duplicate_weaker` (E) |
| 3 | functional or technical fit not recorded | retain | `unknown_facts` (—) |
| 4 | low functional, low technical fit | replace if critical, else retire | `low_value_poor` (E) |
| 5 | high functional, low technical | refactor (own code) or replatform | `high_value_poor` (M) |
| 6 | high on both, vendor end of life ≤ 18 months | replatform | `end_of_life_tech` (M) |
| 7 | high on both, on premises, cloud check allows | rehost | `on_premises_good` (I) |
| 8 | low functional, high technical fit | retain | `low_value_good` (T) |
| 9 | high on both | retain | `good` (I) |

T, I, M, E: Tolerate, Invest, Migrate, Eliminate.

"High" functional fit: at least half of the recorded capability fits are perfect or
appropriate. "High" technical fit: fully appropriate or adequate. A duplicate cluster's keeper
is the member with the best functional fit, then technical fit, then most users, then lowest id.

Public functions (roadmap-core calls these): `facts_of(system, today)`,
`choose_keepers(clusters, facts)`, `suggest(facts, keeper=None, cloud=None)` and
`suggest_all(facts, clusters, cloud)`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from produktlyft.interop.model import (
    CloudRequirement,
    Disposition,
    DispositionAdvice,
    DispositionCode,
    Reason,
    ReasonParam,
)
from produktlyft.inventory.model import System
from produktlyft.inventory.vocabularies import Criticality, Hosting, Lifecycle

EOL_HORIZON_DAYS = 548  # 18 months, the review's "end of life soon"
RETIRING = (Lifecycle.PHASE_OUT, Lifecycle.END_OF_LIFE)
CRITICAL = (Criticality.CRITICAL_TO_SOCIETY, Criticality.CRITICAL_TO_OPERATIONS)


@dataclass(frozen=True)
class DispositionFacts:
    """What the rules read about one system; None is "not recorded"."""

    system_id: str
    functional_high: bool | None
    technical_high: bool | None
    lifecycle: Lifecycle | None = None
    vendor_end_of_life: date | None = None
    end_of_life_soon: bool = False
    hosting: Hosting | None = None
    annual_cost: float | None = None
    critical: bool = False
    own_code: bool = False  # no vendor: the agency holds the code
    users: int = 0


def facts_of(system: System, today: date) -> DispositionFacts:
    """The facts of an inventory system, as of `today` (for the vendor's end of life)."""
    fits = [fit.fit for fit in system.capabilities if fit.fit is not None]
    functional = None if not fits else 2 * sum(f.is_high for f in fits) >= len(fits)
    technical = None if system.technical_fit is None else system.technical_fit.is_high
    eol = system.vendor_dates.end_of_life
    return DispositionFacts(
        system_id=system.id,
        functional_high=functional,
        technical_high=technical,
        lifecycle=system.lifecycle,
        vendor_end_of_life=eol,
        end_of_life_soon=eol is not None and (eol - today).days <= EOL_HORIZON_DAYS,
        hosting=system.hosting,
        annual_cost=system.annual_cost,
        critical=system.criticality in CRITICAL,
        own_code=not system.vendor,
        users=system.users or 0,
    )


def choose_keepers(
    clusters: Mapping[str, Sequence[str]], facts: Mapping[str, DispositionFacts]
) -> dict[str, str]:
    """Cluster id -> the member to keep: best functional fit, technical fit, users, lowest id."""

    def merit(system_id: str) -> tuple[int, int, int, str]:
        f = facts.get(system_id)
        if f is None:
            return (0, 0, 0, system_id)
        return (-int(bool(f.functional_high)), -int(bool(f.technical_high)), -f.users, system_id)

    return {cid: min(members, key=merit) for cid, members in clusters.items() if members}


def suggest(
    facts: DispositionFacts,
    *,
    cluster: str | None = None,
    keeper: str | None = None,
    cloud: CloudRequirement | None = None,
) -> DispositionAdvice:
    """The first rule of the table that matches one system."""
    disposition, code, params = _rule(facts, cluster, keeper, cloud)
    return DispositionAdvice(
        system_id=facts.system_id, disposition=disposition, reason=Reason(code=code, params=params)
    )


def suggest_all(
    facts: Sequence[DispositionFacts],
    clusters: Mapping[str, Sequence[str]] | None = None,
    cloud: Mapping[str, CloudRequirement] | None = None,
) -> list[DispositionAdvice]:
    """Every system's advice; `clusters` are confirmed duplicate clusters (id -> members)."""
    by_id = {f.system_id: f for f in facts}
    clusters = clusters or {}
    keepers = choose_keepers(clusters, by_id)
    member_of = {member: cid for cid, members in clusters.items() for member in members}
    cloud = cloud or {}
    advice = []
    for f in facts:
        cid = member_of.get(f.system_id)
        advice.append(
            suggest(
                f,
                cluster=cid,
                keeper=keepers.get(cid) if cid else None,
                cloud=cloud.get(f.system_id),
            )
        )
    return advice


Rule = tuple[Disposition, DispositionCode, dict[str, ReasonParam]]


def _rule(
    f: DispositionFacts, cluster: str | None, keeper: str | None, cloud: CloudRequirement | None
) -> Rule:
    if f.lifecycle in RETIRING:
        lifecycle = f.lifecycle.value if f.lifecycle else None
        return Disposition.RETIRE, DispositionCode.ALREADY_RETIRING, {"lifecycle": lifecycle}
    if cluster and keeper and keeper != f.system_id:
        params: dict[str, ReasonParam] = {"cluster": cluster, "keeper": keeper}
        return Disposition.RETIRE, DispositionCode.DUPLICATE_WEAKER, params
    if f.functional_high is None or f.technical_high is None:
        missing = [
            name
            for name, value in (
                ("functional_fit", f.functional_high),
                ("technical_fit", f.technical_high),
            )
            if value is None
        ]
        return Disposition.RETAIN, DispositionCode.UNKNOWN_FACTS, {"missing": missing}
    fits: dict[str, ReasonParam] = {
        "functional": "high" if f.functional_high else "low",
        "technical": "high" if f.technical_high else "low",
    }
    if not f.functional_high and not f.technical_high:
        chosen = Disposition.REPLACE if f.critical else Disposition.RETIRE
        return chosen, DispositionCode.LOW_VALUE_POOR, {**fits, "critical": f.critical}
    if f.functional_high and not f.technical_high:
        chosen = Disposition.REFACTOR if f.own_code else Disposition.REPLATFORM
        return chosen, DispositionCode.HIGH_VALUE_POOR, {**fits, "own_code": f.own_code}
    if not f.functional_high:
        return Disposition.RETAIN, DispositionCode.LOW_VALUE_GOOD, fits
    if f.end_of_life_soon and f.vendor_end_of_life:
        eol = f.vendor_end_of_life.isoformat()
        return Disposition.REPLATFORM, DispositionCode.END_OF_LIFE_TECH, {**fits, "date": eol}
    if f.hosting is Hosting.ON_PREMISES and cloud is not CloudRequirement.STAY_ON_PREMISES:
        params = {**fits, "cost": f.annual_cost, "cloud": cloud.value if cloud else None}
        return Disposition.REHOST, DispositionCode.ON_PREMISES_GOOD, params
    return Disposition.RETAIN, DispositionCode.GOOD, fits
