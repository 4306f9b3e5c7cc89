"""The interop use cases: the integration map, coverage and silo risk, dispositions and the
cloud-suitability check per system, read from the inventory (the area stores nothing itself).

Each answer is built from the whole inventory once per inventory data version and reused from
the process's versioned cache (decision record 0009), so the map page costs one version read
when nothing changed.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Hashable, Mapping, Sequence
from dataclasses import dataclass, replace
from importlib.resources import files
from pathlib import Path
from typing import Any, TypeVar

import numpy as np
import polars as pl
from pydantic import ValidationError

from produktlyft.interop.analysis.cloud import check, parse_rules
from produktlyft.interop.analysis.disposition import facts_of, suggest_all
from produktlyft.interop.analysis.graph import IntegrationGraph, build_graph
from produktlyft.interop.analysis.initiative import initiative_silo_check
from produktlyft.interop.analysis.layout import Layout, layout
from produktlyft.interop.analysis.silo import assess
from produktlyft.interop.model import (
    CloudCheck,
    CloudRules,
    DispositionAdvice,
    Reason,
    SystemInterop,
    TargetInterfaces,
)
from produktlyft.inventory.browse_repository import BrowseRepository
from produktlyft.inventory.model import Inventory
from produktlyft.inventory.repository import InventoryRepository
from produktlyft.kernel.access import Permission
from produktlyft.kernel.context import ServiceContext
from produktlyft.kernel.errors import InvalidInput, Issue, NotFound, wording

T = TypeVar("T")
CACHE = "interop"
CACHE_ENTRIES = 16
DEFAULT_RULES = "data/cloud_rules.json"


@dataclass(frozen=True)
class Landscape:
    """Everything the area derives from one inventory version."""

    inventory: Inventory
    graph: IntegrationGraph
    systems: list[SystemInterop]


def _build(inventory: Inventory) -> Landscape:
    graph = build_graph(inventory)
    systems = assess(graph)
    graph = replace(
        graph,
        silo_risk={s.id: s.silo_risk for s in systems},
        open_share={s.id: s.open_standard_share for s in systems},
    )
    return Landscape(inventory, graph, systems)


def _landscape(ctx: ServiceContext) -> Landscape:
    ctx.actor.require(Permission.READ)
    ctx.database.require_current()
    with ctx.database.reading() as uow:
        version = uow.repo(BrowseRepository).fingerprint().version
        cache = ctx.caches.named(CACHE, CACHE_ENTRIES)
        return cache.get_or_build(
            ctx.database.url,
            version,
            "landscape",
            lambda: _build(uow.repo(InventoryRepository).load_inventory()),
        )


def _derived(ctx: ServiceContext, key: Hashable, build: Callable[[], T]) -> T:
    """An answer derived from the landscape (already read, permission checked), kept at the
    inventory version it was built from."""
    with ctx.database.reading() as uow:
        version = uow.repo(BrowseRepository).fingerprint().version
    cache = ctx.caches.named(CACHE, CACHE_ENTRIES)
    return cache.get_or_build(ctx.database.url, version, key, build)


def system_interop(ctx: ServiceContext) -> list[SystemInterop]:
    """Every system's open-standard coverage and silo risk with reasons, in id order."""
    return list(_landscape(ctx).systems)


def integration_graph(ctx: ServiceContext) -> IntegrationGraph:
    """The integration map as frames, with silo risk and coverage filled in (what
    `analysis.initiative.initiative_silo_check` reads)."""
    return _landscape(ctx).graph


def initiative_silo_reasons(
    ctx: ServiceContext,
    system_ids: Sequence[str],
    target: TargetInterfaces | bool | None,
    standards: str | None = None,
) -> list[Reason]:
    """`analysis.initiative.initiative_silo_check` on the current integration map, for callers
    whose entry points may not import this area's analysis (the roadmap's pages)."""
    return initiative_silo_check(integration_graph(ctx), system_ids, target, standards=standards)


def load_rules(path: Path | None = None) -> CloudRules:
    """The shipped rule table, or a user's; a wrong file is refused naming the field."""
    name = str(path) if path else "cloud_rules.json"
    try:
        if path is None:
            text = files("produktlyft.interop").joinpath(DEFAULT_RULES).read_text("utf-8")
        else:
            text = path.read_text("utf-8")
        data: Any = json.loads(text)
        if not isinstance(data, dict):
            raise ValueError("the rule table must be a JSON object")
        return parse_rules(data)
    except OSError as error:
        issue = Issue.worded(wording("cannot read it: {error}", error=error.strerror), file=name)
    except json.JSONDecodeError as error:
        issue = Issue.worded(
            wording("not valid JSON: {error}", error=error.msg), file=name, line=error.lineno
        )
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        issue = Issue.worded(
            wording("{field}: {problem}", field=where, problem=first["msg"]), file=name
        )
    except ValueError as error:
        issue = Issue.worded(str(error), file=name)
    raise InvalidInput([issue], wording("the cloud rule table {name} was refused", name=name))


def cloud_suitability(ctx: ServiceContext, rules: CloudRules | None = None) -> list[CloudCheck]:
    """What a cloud move would require, per system, by the rule table."""
    land = _landscape(ctx)
    if rules is None:  # the shipped table: the answer is kept until the inventory changes
        return _derived(ctx, "cloud", lambda: _checks(land, load_rules()))
    return _checks(land, rules)


def _checks(land: Landscape, rules: CloudRules) -> list[CloudCheck]:
    objects = {o.id: o for o in land.inventory.data_objects}
    return [
        check(
            system,
            [objects[u.data_object_id] for u in system.data_uses if u.data_object_id in objects],
            rules,
        )
        for system in land.inventory.systems
    ]


def system_dispositions(
    ctx: ServiceContext,
    duplicate_clusters: Mapping[str, Sequence[str]] | None = None,
    rules: CloudRules | None = None,
) -> list[DispositionAdvice]:
    """A suggested disposition per system. `duplicate_clusters` (cluster id -> system ids) are
    the review's confirmed duplicates; the roadmap passes them (this area sits below review)."""
    land = _landscape(ctx)
    cloud = {c.system_id: c.requirement for c in cloud_suitability(ctx, rules)}
    facts = [facts_of(system, ctx.today()) for system in land.inventory.systems]
    return suggest_all(facts, duplicate_clusters, cloud)


@dataclass(frozen=True)
class MapView:
    """The map of the systems shown (a unit's, with their partners, or all)."""

    ids: list[str]
    names: list[str]
    risks: list[float]
    degrees: list[int]
    focus: list[bool]  # in the chosen unit (True) or a partner drawn for context (False)
    edges: list[tuple[int, int, str, bool]]  # source index, target index, kind, open
    layout: Layout


@dataclass(frozen=True)
class Overview:
    systems: list[SystemInterop]
    dispositions: dict[str, DispositionAdvice]
    cloud: dict[str, CloudCheck]
    map: MapView
    units: list[tuple[str, str]]  # id, name
    unit: str | None
    rules: CloudRules


def overview(ctx: ServiceContext, unit: str | None = None) -> Overview:
    """The /interop page: the map (of one unit and its partners, or all) and every system."""
    land = _landscape(ctx)
    rules = load_rules()
    cloud = cloud_suitability(ctx)
    advice = _derived(ctx, ("dispositions", ctx.today()), lambda: system_dispositions(ctx))
    units = sorted(((u.id, u.name) for u in land.inventory.units), key=lambda u: u[1].casefold())
    known_unit = unit if unit in {u for u, _ in units} else None
    return Overview(
        systems=land.systems,
        dispositions={a.system_id: a for a in advice},
        cloud={c.system_id: c for c in cloud},
        map=_map(ctx, land, known_unit),
        units=units,
        unit=known_unit,
        rules=rules,
    )


def _map(ctx: ServiceContext, land: Landscape, unit: str | None) -> MapView:
    return _derived(ctx, ("map", unit), lambda: _draw(land, unit))


def _draw(land: Landscape, unit: str | None) -> MapView:
    systems, edges = land.graph.systems, land.graph.edges
    chosen = set(systems.filter(systems["unit"] == unit)["id"].to_list()) if unit else None
    if chosen is not None:
        touching = edges.filter(edges["source"].is_in(chosen) | edges["target"].is_in(chosen))
        shown = chosen | set(touching["source"].to_list()) | set(touching["target"].to_list())
        systems = systems.filter(systems["id"].is_in(shown))
        edges = touching
    ids = systems["id"].to_list()
    index = dict(zip(ids, range(len(ids)), strict=True))
    sources = edges["source"].replace_strict(index, return_dtype=pl.Int64).to_numpy()
    targets = edges["target"].replace_strict(index, return_dtype=pl.Int64).to_numpy()
    degrees = np.bincount(np.concatenate([sources, targets]), minlength=len(ids))
    drawn = layout(systems["group"].to_list(), sources, targets)
    return MapView(
        ids=ids,
        names=systems["name"].to_list(),
        risks=[land.graph.silo_risk.get(sid, 0.0) for sid in ids],
        degrees=[int(d) for d in degrees],
        focus=[chosen is None or sid in chosen for sid in ids],
        edges=[
            (int(s), int(t), kind or "", bool(is_open))
            for s, t, kind, is_open in zip(
                sources, targets, edges["kind"].to_list(), edges["open"].to_list(), strict=True
            )
        ],
        layout=drawn,
    )


@dataclass(frozen=True)
class SystemView:
    interop: SystemInterop
    disposition: DispositionAdvice
    cloud: CloudCheck
    rules: CloudRules
    partners: list[tuple[str, str, str, bool, bool]]  # id, name, kind, open, outgoing


def system_view(ctx: ServiceContext, system_id: str) -> SystemView:
    """One system's interop page; NotFound for an unknown id."""
    land = _landscape(ctx)
    found = next((s for s in land.systems if s.id == system_id), None)
    if found is None:
        raise NotFound(f"no system '{system_id}'")
    rules = load_rules()
    cloud = next(c for c in cloud_suitability(ctx) if c.system_id == system_id)
    advice = _derived(ctx, ("dispositions", ctx.today()), lambda: system_dispositions(ctx))
    advice_here = next(a for a in advice if a.system_id == system_id)
    names = dict(zip(land.graph.systems["id"], land.graph.systems["name"], strict=True))
    ends = land.graph.ends().filter(land.graph.ends()["system"] == system_id).sort("partner")
    partners = [
        (
            row["partner"],
            names.get(row["partner"], row["partner"]),
            row["kind"] or "",
            bool(row["open"]),
            bool(row["outgoing"]),
        )
        for row in ends.iter_rows(named=True)
    ]
    return SystemView(found, advice_here, cloud, rules, partners)
