"""Generating the organisation's units, capabilities, data objects, technology and systems,
with the planted duplicate pairs and systems on unsupported technology."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta

from produktlyft.demo.generator.catalogue import (
    DEPARTMENTS,
    EXTENDED_SUPPORT,
    FIRST_NAMES,
    KINDS,
    LAST_NAMES,
    OBJECTS,
    TECHNOLOGIES,
    VENDORS,
    SystemKind,
    SystemObject,
)
from produktlyft.inventory.model import (
    Capability,
    CapabilityFit,
    DataObject,
    DataUse,
    LifecycleDates,
    System,
    Technology,
    Unit,
)

ORGANISATION_ID = "ENH-EXEMPELSTAD"
# Systems every demo has, under the names people use for them, so the story has anchors.
ANCHORS: dict[tuple[str, str], str] = {
    ("bygglov", "case"): "Ärendehanteringssystem för bygglov",
    ("redovisning", "case"): "Ekonomisystem",
    ("lon", "case"): "Lönesystem",
    ("diarium", "case"): "Ärende- och dokumenthanteringssystem",
    ("ifo", "case"): "Verksamhetssystem för socialtjänsten",
    ("hemtjanst", "documentation"): "Verksamhetssystem för vård och omsorg",
    ("elevregister", "register"): "Elevregister",
    ("karta", "map"): "Kommunens kartplattform",
    ("identitet", "register"): "Katalogtjänst och behörigheter",
}
# The day the demo describes; fixed so the same seed always gives the same organisation.
REFERENCE_DATE = date(2026, 11, 1)
DISTRICTS = (
    "Norr",
    "Söder",
    "Öster",
    "Väster",
    "Centrum",
    "Hamnen",
    "Skogsby",
    "Åby",
    "Berga",
    "Ekdalen",
    "Strandbo",
    "Kyrkbyn",
)


@dataclass
class Blueprint:
    obj: SystemObject
    kind: SystemKind
    district: str | None = None
    twin_of: int | None = None  # index of the blueprint this one duplicates

    @property
    def combo(self) -> tuple[str, str, str | None]:
        return self.obj.key, self.kind.key, self.district


@dataclass
class Landscape:
    units: list[Unit] = field(default_factory=list)
    capabilities: list[Capability] = field(default_factory=list)
    data_objects: list[DataObject] = field(default_factory=list)
    technologies: list[Technology] = field(default_factory=list)
    systems: list[System] = field(default_factory=list)
    duplicate_pairs: list[tuple[str, str]] = field(default_factory=list)
    unsupported_systems: list[str] = field(default_factory=list)
    units_by_department: dict[str, list[str]] = field(default_factory=dict)


def person(rng: random.Random) -> str:
    return f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"


def _units(landscape: Landscape) -> None:
    landscape.units.append(Unit(id=ORGANISATION_ID, name="Exempelstad kommun", kind="organisation"))
    for department in DEPARTMENTS:
        department_id = f"ENH-{department.key.upper()}"
        landscape.units.append(
            Unit(
                id=department_id, name=department.name, kind="department", parent_id=ORGANISATION_ID
            )
        )
        ids = []
        for number, name in enumerate(department.units, start=1):
            unit_id = f"{department_id}-{number}"
            landscape.units.append(
                Unit(id=unit_id, name=name, kind="unit", parent_id=department_id)
            )
            ids.append(unit_id)
        landscape.units_by_department[department.key] = ids


def _blueprints(rng: random.Random, count: int, duplicates: int) -> list[Blueprint]:
    """Distinct (object, kind[, district]) combinations, anchors first, then twins."""
    by_key = {o.key: o for o in OBJECTS}
    kinds = {k.key: k for k in KINDS}
    chosen = [Blueprint(by_key[o], kinds[k]) for o, k in ANCHORS]
    taken = {b.combo for b in chosen}
    pool = [(o, k) for o in OBJECTS for k in KINDS if (o.key, k.key, None) not in taken]
    rng.shuffle(pool)
    pool.sort(key=lambda pair: -pair[1].weight * rng.random())
    base = count - duplicates
    for obj, kind in pool[: max(0, base - len(chosen))]:
        chosen.append(Blueprint(obj, kind))
    district_round = 0
    while len(chosen) < base:  # large organisations: the same functions per city district
        district = DISTRICTS[district_round % len(DISTRICTS)]
        suffix = "" if district_round < len(DISTRICTS) else f" {district_round // 12 + 1}"
        for obj, kind in pool:
            if len(chosen) >= base:
                break
            chosen.append(Blueprint(obj, kind, district + suffix))
        district_round += 1
    originals = rng.sample(range(len(chosen)), min(duplicates, len(chosen)))
    chosen.extend(
        Blueprint(chosen[i].obj, chosen[i].kind, chosen[i].district, twin_of=i) for i in originals
    )
    return chosen


def _capabilities(landscape: Landscape, objects: set[str]) -> dict[str, str]:
    """Level-1 capabilities per department domain, level-2 per object; object key -> id."""
    ids: dict[str, str] = {}
    for department in DEPARTMENTS:
        used = [o for o in OBJECTS if o.department == department.key and o.key in objects]
        if not used:
            continue
        parent = f"CAP-{department.key.upper()}"
        landscape.capabilities.append(Capability(id=parent, name=department.domain))
        for obj in used:
            ids[obj.key] = f"{parent}-{obj.key.upper()}"
            landscape.capabilities.append(
                Capability(
                    id=ids[obj.key],
                    name=obj.capability,
                    parent_id=parent,
                    description=f"Förmågan att hantera {obj.phrase}.",
                )
            )
    return ids


def _data_objects(
    landscape: Landscape, blueprints: list[Blueprint]
) -> dict[tuple[str, str | None], str]:
    ids: dict[tuple[str, str | None], str] = {}
    for blueprint in blueprints:
        key = (blueprint.obj.key, blueprint.district)
        if key in ids:
            continue
        ids[key] = f"INF-{len(ids) + 1:04d}"
        suffix = f" ({blueprint.district})" if blueprint.district else ""
        classification = {"sensitive": "confidential", "personal": "internal"}.get(
            blueprint.obj.personal_data, "open"
        )
        landscape.data_objects.append(
            DataObject(
                id=ids[key],
                name=blueprint.obj.data_object + suffix,
                description=f"Uppgifter om {blueprint.obj.phrase}{suffix}.",
                classification=classification,
                personal_data=blueprint.obj.personal_data,
            )
        )
    return ids


def _technologies(landscape: Landscape) -> dict[str, list[str]]:
    """Technology records; kind -> ids, and 'unsupported' -> ids past end of support."""
    groups: dict[str, list[str]] = {}
    for number, (product, version, kind, eol) in enumerate(TECHNOLOGIES, start=1):
        tech_id = f"TEK-{number:03d}"
        landscape.technologies.append(
            Technology(id=tech_id, name=product, version=version, kind=kind)
        )
        last = max(filter(None, (eol, EXTENDED_SUPPORT.get((product, version)))), default=None)
        status = (
            "unknown" if last is None else ("unsupported" if last < REFERENCE_DATE else "supported")
        )
        groups.setdefault(f"{kind}:{status}", []).append(tech_id)
    return groups


def _stack(
    rng: random.Random, groups: dict[str, list[str]], hosting: str, outdated: bool
) -> list[str]:
    def pick(kind: str, unsupported: bool = False) -> str | None:
        pools = [f"{kind}:unsupported"] if unsupported else [f"{kind}:supported", f"{kind}:unknown"]
        options = [t for p in pools for t in groups.get(p, [])]
        return rng.choice(options) if options else None

    if hosting == "saas":
        return []
    layers = ["operating_system", "database", rng.choice(["runtime", "framework", "middleware"])]
    old_layer = rng.randrange(len(layers)) if outdated else -1
    return [
        t
        for index, layer in enumerate(layers)
        if (t := pick(layer, unsupported=index == old_layer)) is not None
    ]


def _system(
    rng: random.Random,
    index: int,
    blueprint: Blueprint,
    landscape: Landscape,
    capability_ids: dict[str, str],
    data_ids: dict[tuple[str, str | None], str],
    tech_groups: dict[str, list[str]],
    outdated: bool,
) -> System:
    obj, kind = blueprint.obj, blueprint.kind
    variant = rng.randrange(1, len(kind.names)) if blueprint.twin_of is not None else 0
    name = ANCHORS.get((obj.key, kind.key)) if variant == 0 and not blueprint.district else None
    name = name or kind.names[variant].format(o=obj.phrase)
    if blueprint.district:
        name += f" – {blueprint.district}"
    description = kind.descriptions[min(variant, len(kind.descriptions) - 1)].format(o=obj.phrase)
    department = obj.department
    if blueprint.twin_of is not None and rng.random() < 0.5:
        department = rng.choice([d.key for d in DEPARTMENTS if d.key != department])
    unit = rng.choice(landscape.units_by_department[department])
    citizen = kind.citizen_facing or obj.citizen_facing
    hosting = rng.choices(
        ["on_premises", "private_cloud", "public_cloud", "saas"], [4, 2, 1, 5 if citizen else 3]
    )[0]
    if outdated and hosting == "saas":
        hosting = "on_premises"
    stack = _stack(rng, tech_groups, hosting, outdated)
    vendor = None if rng.random() < 0.15 and hosting != "saas" else rng.choice(VENDORS)
    criticality = (
        obj.criticality
        if rng.random() < 0.8
        else rng.choice(["critical_to_society", "critical_to_operations", "not_critical"])
    )
    users = int(rng.lognormvariate(4.0 if not citizen else 4.6, 1.0)) + 3
    operating = round(
        rng.lognormvariate(12.2, 0.8) * (1.6 if criticality != "not_critical" else 1.0), -3
    )
    licence = round(rng.lognormvariate(11.6, 0.9), -3) if vendor else 0.0
    access = {"reporting": "read", "map": "read", "archive": "read", "eservice": "write"}.get(
        kind.key, "read_write"
    )
    since = REFERENCE_DATE - timedelta(days=rng.randint(200, 5500))
    lifecycle = rng.choices(
        ["active", "phase_out", "phase_in", "plan", "end_of_life", None], [70, 10, 8, 4, 2, 6]
    )[0]
    unsupported_tech = any(
        t in tech_groups.get(f"{k}:unsupported", [])
        for t in stack
        for k in ("operating_system", "database", "runtime", "framework", "middleware")
    )
    system = System(
        id=f"SYS-{index:04d}",
        name=name,
        description=description,
        tags=[department, kind.key] + (["invånartjänst"] if citizen else []),
        owning_unit_id=None if rng.random() < 0.05 else unit,
        system_owner=None if rng.random() < 0.1 else person(rng),
        technical_owner=person(rng) if rng.random() < 0.85 else None,
        vendor=vendor,
        lifecycle=lifecycle,
        internal_dates=LifecycleDates(
            active=since,
            phase_out=REFERENCE_DATE + timedelta(days=rng.randint(90, 720))
            if lifecycle == "phase_out"
            else None,
        ),
        criticality=None if rng.random() < 0.07 else criticality,
        users=users,
        hosting=hosting,
        annual_operating_cost=None if rng.random() < 0.1 else operating,
        annual_licence_cost=licence,
        data_classification=None
        if rng.random() < 0.05
        else {"sensitive": "confidential", "personal": "internal"}.get(obj.personal_data, "open"),
        personal_data=obj.personal_data,
        accessibility=_accessibility(rng, citizen),
        civil_servants=rng.choice([0, 0.5, 1, 1, 1.5, 2, 3]),
        contractors=rng.choice([0, 0, 0.5, 1, 2]),
        technical_fit=None
        if rng.random() < 0.2
        else (
            rng.choice(["unreasonable", "inappropriate"])
            if unsupported_tech
            else rng.choice(["fully_appropriate", "adequate", "adequate", "unreasonable"])
        ),
        capabilities=[
            CapabilityFit(
                capability_id=capability_ids[obj.key],
                fit=rng.choices(
                    ["perfect", "appropriate", "insufficient", "unreasonable"], [2, 5, 2, 1]
                )[0],
            )
        ],
        technology_ids=stack,
        data_uses=[DataUse(data_object_id=data_ids[(obj.key, blueprint.district)], access=access)],
    )
    if system.annual_operating_cost is None:
        system = system.model_copy(update={"annual_licence_cost": None})
    return system


def _accessibility(rng: random.Random, citizen: bool) -> str | None:
    if rng.random() < 0.1:
        return None
    if citizen:
        return rng.choices(["compliant", "partially_compliant", "not_compliant"], [4, 4, 2])[0]
    return rng.choices(["not_assessed", "partially_compliant", "not_applicable"], [6, 3, 1])[0]


def build_landscape(rng: random.Random, count: int, duplicates: int) -> Landscape:
    landscape = Landscape()
    _units(landscape)
    blueprints = _blueprints(rng, count, duplicates)
    capability_ids = _capabilities(landscape, {b.obj.key for b in blueprints})
    data_ids = _data_objects(landscape, blueprints)
    tech_groups = _technologies(landscape)
    order = list(range(len(blueprints)))
    rng.shuffle(order)  # so that twins do not sit next to their originals
    number_of = {blueprint_index: n for n, blueprint_index in enumerate(order, start=1)}
    outdated = set(rng.sample(range(len(blueprints)), max(1, round(len(blueprints) * 0.12))))
    systems: dict[int, System] = {}
    for blueprint_index in order:
        systems[blueprint_index] = _system(
            rng,
            number_of[blueprint_index],
            blueprints[blueprint_index],
            landscape,
            capability_ids,
            data_ids,
            tech_groups,
            blueprint_index in outdated,
        )
    landscape.systems = [systems[i] for i in order]
    unsupported = {
        t for key, ids in tech_groups.items() if key.endswith(":unsupported") for t in ids
    }
    landscape.unsupported_systems = [
        s.id for s in landscape.systems if unsupported & set(s.technology_ids)
    ]
    landscape.duplicate_pairs = [
        (systems[b.twin_of].id, systems[i].id)
        for i, b in enumerate(blueprints)
        if b.twin_of is not None
    ]
    return landscape
