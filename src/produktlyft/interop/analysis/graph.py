"""The integration map as frames: systems, integration ends, data uses, contracts, capabilities.

`IntegrationGraph` is what the silo analysis, the layout and the roadmap's initiative check read.
It is built once from an `Inventory`; every per-system figure after that is a polars group-by,
never a loop over integrations.

An integration counts as **open** when it is marked `open_standard`, or when that is not
recorded and its kind is a documented API (REST/OpenAPI, SOAP). An explicit "not open" wins.
Manual re-keying and database links are never open, whatever the mark says: a person typing or
one system reading another's tables is not an interface anyone can build on.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import polars as pl

from produktlyft.inventory.model import CapabilityFit, Inventory
from produktlyft.inventory.vocabularies import Direction, IntegrationKind

DOCUMENTED_API = frozenset({IntegrationKind.REST, IntegrationKind.SOAP})
NEVER_OPEN = frozenset({IntegrationKind.MANUAL_REKEYING, IntegrationKind.DATABASE_LINK})


def is_open(kind: IntegrationKind | None, open_standard: bool | None) -> bool:
    """Whether one integration uses a named open standard or a documented API."""
    if kind in NEVER_OPEN:
        return False
    if open_standard is not None:
        return open_standard
    return kind in DOCUMENTED_API


@dataclass(frozen=True)
class IntegrationGraph:
    """The landscape as frames. `edges`: id, source, target, kind, open, two_way. `systems`:
    id, name, vendor, unit, group (the unit's name, else the first capability's, for layout).
    `silo_risk` and `open_share` are filled in by the service once the analysis has run."""

    systems: pl.DataFrame
    edges: pl.DataFrame
    data_uses: pl.DataFrame  # system, object, object_name
    contracts: pl.DataFrame  # system, contract, contract_name, data_return
    capabilities: pl.DataFrame  # system, capability
    silo_risk: dict[str, float] = field(default_factory=dict)
    open_share: dict[str, float | None] = field(default_factory=dict)

    def ends(self) -> pl.DataFrame:
        """Each integration twice, once from each end: system, partner, kind, open,
        outgoing (the system sends), incoming (the system receives)."""
        base = self.edges.select("id", "kind", "open", "two_way")
        out = base.with_columns(
            system=self.edges["source"],
            partner=self.edges["target"],
            outgoing=pl.lit(True),
            incoming=pl.col("two_way"),
        )
        back = base.with_columns(
            system=self.edges["target"],
            partner=self.edges["source"],
            outgoing=pl.col("two_way"),
            incoming=pl.lit(True),
        )
        return pl.concat([out, back]).filter(pl.col("system") != pl.col("partner"))


_EDGE_SCHEMA = {
    "id": pl.String,
    "source": pl.String,
    "target": pl.String,
    "kind": pl.String,
    "open": pl.Boolean,
    "two_way": pl.Boolean,
}


def build_graph(inventory: Inventory) -> IntegrationGraph:
    """The frames of one inventory; integrations naming unknown systems are left out."""
    units = {unit.id: unit.name for unit in inventory.units}
    capability_names = {c.id: c.name for c in inventory.capabilities}
    systems = pl.DataFrame(
        {
            "id": [s.id for s in inventory.systems],
            "name": [s.name for s in inventory.systems],
            "vendor": [s.vendor for s in inventory.systems],
            "unit": [s.owning_unit_id for s in inventory.systems],
            "group": [
                _group(s.owning_unit_id, s.capabilities, units, capability_names)
                for s in inventory.systems
            ],
        },
        schema={
            "id": pl.String,
            "name": pl.String,
            "vendor": pl.String,
            "unit": pl.String,
            "group": pl.String,
        },
    )
    known = set(systems["id"].to_list())
    integrations = [
        i for i in inventory.integrations if i.source_id in known and i.target_id in known
    ]
    edges = pl.DataFrame(
        {
            "id": [i.id for i in integrations],
            "source": [i.source_id for i in integrations],
            "target": [i.target_id for i in integrations],
            "kind": [i.kind.value if i.kind else None for i in integrations],
            "open": [is_open(i.kind, i.open_standard) for i in integrations],
            "two_way": [i.direction is Direction.TWO_WAY for i in integrations],
        },
        schema=_EDGE_SCHEMA,
    )
    objects = {o.id: o.name for o in inventory.data_objects}
    uses = [(s.id, u.data_object_id) for s in inventory.systems for u in s.data_uses]
    data_uses = pl.DataFrame(
        {
            "system": [system for system, _ in uses],
            "object": [obj for _, obj in uses],
            "object_name": [objects.get(obj, obj) for _, obj in uses],
        },
        schema={"system": pl.String, "object": pl.String, "object_name": pl.String},
    )
    covered = [(c, sid) for c in inventory.contracts for sid in c.system_ids if sid in known]
    contracts = pl.DataFrame(
        {
            "system": [sid for _, sid in covered],
            "contract": [c.id for c, _ in covered],
            "contract_name": [c.name for c, _ in covered],
            "data_return": [bool((c.data_return_format or "").strip()) for c, _ in covered],
        },
        schema={
            "system": pl.String,
            "contract": pl.String,
            "contract_name": pl.String,
            "data_return": pl.Boolean,
        },
    )
    fits = [(s.id, fit.capability_id) for s in inventory.systems for fit in s.capabilities]
    capabilities = pl.DataFrame(
        {"system": [s for s, _ in fits], "capability": [c for _, c in fits]},
        schema={"system": pl.String, "capability": pl.String},
    ).unique()
    return IntegrationGraph(systems, edges, data_uses, contracts, capabilities)


def _group(
    unit: str | None,
    fits: list[CapabilityFit],
    units: dict[str, str],
    capability_names: dict[str, str],
) -> str:
    """The cluster a system is drawn in: its owning unit, else its first capability."""
    if unit:
        return units.get(unit, unit)
    if fits:
        return capability_names.get(fits[0].capability_id, fits[0].capability_id)
    return ""
