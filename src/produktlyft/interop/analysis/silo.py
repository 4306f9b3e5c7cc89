"""Open-standard coverage and silo risk per system.

**Coverage** is the share of a system's integrations that are open (see `graph.is_open`); a
system with no integrations has no coverage (None), not zero.

**Silo risk** combines independent signs, each with a weight, as a noisy-or: risk =
1 − Π(1 − wᵢ), so one strong sign gives its weight and more signs push towards 1 without ever
passing it. The signs and weights (each a reason code with its parameters):

| code | the sign | weight |
|---|---|---|
| `data_unshared` | data objects it uses that no other system uses | 0.35 × share of its objects |
| `manual_rekeying` | integrations where people re-key data by hand | 0.2 + 0.2 × share manual |
| `proprietary` | under half its integrations are open | 0.25 × (1 − coverage) |
| `single_vendor` | no open integration; it and every partner come from one vendor | 0.3 |
| `no_exit_format` | a contract over it names no data-return format | 0.3 (0.15 if open) |
| `isolated` | no integration at all, yet it shares a capability with others | 0.45 |

The weights are judgement, not measurement: they order systems for attention, and the reasons
say what to look at.
"""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl

from produktlyft.interop.analysis.graph import IntegrationGraph
from produktlyft.interop.model import Reason, ReasonParam, SiloCode, SystemInterop
from produktlyft.inventory.vocabularies import IntegrationKind

LISTED = 5  # names listed in a reason's parameters at most


@dataclass(frozen=True)
class Weights:
    data_unshared: float = 0.35
    manual_base: float = 0.2
    manual_share: float = 0.2
    proprietary: float = 0.25
    single_vendor: float = 0.3
    no_exit: float = 0.3
    no_exit_with_open: float = 0.15
    isolated: float = 0.45


def _per_system(graph: IntegrationGraph) -> pl.DataFrame:
    """One row per system with every count the signs need."""
    ends = graph.ends().join(
        graph.systems.select(partner="id", partner_vendor="vendor", partner_name="name"),
        on="partner",
        how="left",
    )
    manual = IntegrationKind.MANUAL_REKEYING.value
    links = ends.group_by("system").agg(
        integrations=pl.col("id").n_unique(),
        open=pl.col("id").filter(pl.col("open")).n_unique(),
        manual=pl.col("id").filter(pl.col("kind") == manual).n_unique(),
        manual_partners=pl.col("partner_name").filter(pl.col("kind") == manual).unique().sort(),
        vendors=pl.col("partner_vendor").n_unique(),
        vendor_nulls=pl.col("partner_vendor").null_count(),
        partner_vendor=pl.col("partner_vendor").first(),
    )
    sharing = graph.data_uses.group_by("object").agg(users=pl.col("system").n_unique())
    data = (
        graph.data_uses.join(sharing, on="object")
        .group_by("system")
        .agg(
            objects=pl.col("object").n_unique(),
            unshared=pl.col("object_name").filter(pl.col("users") == 1).unique().sort(),
            unshared_count=(pl.col("users") == 1).sum(),
        )
    )
    contracts = graph.contracts.group_by("system").agg(
        no_return=pl.col("contract_name").filter(~pl.col("data_return")).unique().sort()
    )
    shared_caps = (
        graph.capabilities.join(
            graph.capabilities.group_by("capability").agg(n=pl.col("system").n_unique()),
            on="capability",
        )
        .filter(pl.col("n") > 1)
        .group_by("system")
        .agg(shared_caps=pl.col("capability").unique().sort())
    )
    frame = graph.systems.rename({"id": "system"})
    for part in (links, data, contracts, shared_caps):
        frame = frame.join(part, on="system", how="left")
    return frame.with_columns(
        pl.col("integrations", "open", "manual", "objects").fill_null(0),
    ).sort("system")


def assess(graph: IntegrationGraph, weights: Weights = Weights()) -> list[SystemInterop]:
    """Coverage, silo risk and reasons for every system of the graph, in id order."""
    frame = _per_system(graph).with_columns(
        share=pl.when(pl.col("integrations") > 0).then(pl.col("open") / pl.col("integrations"))
    )
    results = []
    for row in frame.iter_rows(named=True):  # one record per system to hand out, not per edge
        signs = _reasons(row, weights)
        results.append(
            SystemInterop(
                id=row["system"],
                name=row["name"],
                open_standard_share=row["share"],
                silo_risk=round(noisy_or([weight for _, weight in signs]), 3),
                reasons=[reason for reason, _ in signs],
                integrations=row["integrations"],
                unit_id=row["unit"],
            )
        )
    return results


def _listed(names: object) -> list[str]:
    return [str(name) for name in names][:LISTED] if isinstance(names, list) else []


def _count(value: object) -> int:
    return int(value) if isinstance(value, int | float) else 0


def _reasons(row: dict[str, object], w: Weights) -> list[tuple[Reason, float]]:
    """The signs a system shows, each with its weight in the risk."""
    found: list[tuple[Reason, float]] = []
    integrations, objects = _count(row["integrations"]), _count(row["objects"])
    unshared = _listed(row["unshared"])
    if objects and unshared:
        count = _count(row["unshared_count"])
        params: dict[str, ReasonParam] = {"objects": unshared, "count": count, "of": objects}
        found.append(
            (Reason(code=SiloCode.DATA_UNSHARED, params=params), w.data_unshared * count / objects)
        )
    manual = _count(row["manual"])
    if manual:
        params = {"count": manual, "of": integrations, "partners": _listed(row["manual_partners"])}
        weight = w.manual_base + w.manual_share * manual / integrations
        found.append((Reason(code=SiloCode.MANUAL_REKEYING, params=params), weight))
    share = row["share"]
    if isinstance(share, float) and share < 0.5:
        params = {"share": round(share, 3)}
        found.append(
            (Reason(code=SiloCode.PROPRIETARY, params=params), w.proprietary * (1 - share))
        )
    vendor = row["vendor"]
    if (
        integrations
        and not row["open"]
        and vendor
        and row["vendors"] == 1
        and row["vendor_nulls"] == 0
        and row["partner_vendor"] == vendor
    ):
        params = {"vendor": str(vendor)}
        found.append((Reason(code=SiloCode.SINGLE_VENDOR, params=params), w.single_vendor))
    no_return = _listed(row["no_return"])
    if no_return:
        open_export = bool(row["open"])
        params = {"contracts": no_return, "open_export": open_export}
        weight = w.no_exit_with_open if open_export else w.no_exit
        found.append((Reason(code=SiloCode.NO_EXIT_FORMAT, params=params), weight))
    shared_caps = _listed(row["shared_caps"])
    if not integrations and shared_caps:
        params = {"capabilities": shared_caps}
        found.append((Reason(code=SiloCode.ISOLATED, params=params), w.isolated))
    return found


def noisy_or(weights: list[float]) -> float:
    """1 − Π(1 − w): independent signs combined, never above 1."""
    keep = 1.0
    for weight in weights:
        keep *= 1.0 - min(max(weight, 0.0), 1.0)
    return 1.0 - keep
