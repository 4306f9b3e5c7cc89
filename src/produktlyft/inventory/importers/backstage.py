"""Backstage software-catalog files (`catalog-info.yaml`), several documents per file.

Component -> system; Domain -> top-level capability; System -> capability under its domain, which
the components of that system support; Resource -> technology used by the components that depend
on it; API -> integrations from the providing component to each consuming one; Group -> a team,
or an organisation unit when its type is organization, department, division or business-unit.
Users, Locations and Templates are skipped and counted. References that point outside the
catalog are reported; where they would create a link to nothing, the link is an error.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from produktlyft.inventory.importers.source import ParsedSource
from produktlyft.inventory.model import (
    Capability,
    CapabilityFit,
    Integration,
    Inventory,
    Provenance,
    System,
    Team,
    Technology,
    Unit,
)
from produktlyft.kernel.errors import wording
from produktlyft.kernel.files.base import ImportLimits, IssueCollector, TooManyIssues
from produktlyft.kernel.files.safety import check_size

LIFECYCLE = {"experimental": "phase_in", "production": "active", "deprecated": "phase_out"}
UNIT_GROUP_TYPES = {
    "organization": "organisation",
    "organisation": "organisation",
    "department": "department",
    "division": "department",
    "business-unit": "unit",
}
API_KIND = {"openapi": "rest", "asyncapi": "messaging", "graphql": "rest", "grpc": "rest"}
OPEN_API_TYPES = {"openapi", "asyncapi", "graphql", "grpc"}
SKIPPED_KINDS = {"Location", "Template"}  # Users are read, to name owners, not imported


@dataclass
class Entity:
    kind: str
    ref: str
    doc: dict[str, Any]
    file: str
    index: int

    @property
    def metadata(self) -> dict[str, Any]:
        value = self.doc.get("metadata") or {}
        return value if isinstance(value, dict) else {}

    @property
    def spec(self) -> dict[str, Any]:
        value = self.doc.get("spec") or {}
        return value if isinstance(value, dict) else {}

    @property
    def where(self) -> str:
        return f"document {self.index} ({self.ref})"


def entity_ref(text: str, default_kind: str, default_namespace: str = "default") -> str:
    """Normalise a Backstage entity reference to `kind:namespace/name`, lower-case."""
    kind, _, rest = text.rpartition(":") if ":" in text else (default_kind, "", text)
    namespace, _, name = rest.rpartition("/") if "/" in rest else (default_namespace, "", rest)
    return f"{kind}:{namespace}/{name}".lower()


def _strings(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    return [str(item) for item in value] if isinstance(value, list) else []


def read_backstage(paths: list[Path], name: Path, limits: ImportLimits) -> ParsedSource:
    """One or more catalog files (or folders of them) as one source, so references resolve."""
    source = ParsedSource(path=name, format="backstage")
    collector = IssueCollector(name.name, limits.max_issues)
    try:
        entities = list(_load(paths, limits, collector, source))
        _Catalog(entities, source, collector).build()
    except TooManyIssues:
        source.truncated = True
    source.issues = collector.issues
    return source


def _files(paths: list[Path]) -> Iterable[Path]:
    for path in paths:
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.suffix in (".yaml", ".yml"))
        else:
            yield path


def _yaml_line(data: bytes, error: yaml.YAMLError) -> int | None:
    """The line of the file where PyYAML stopped, when it says."""
    mark = getattr(error, "problem_mark", None)
    if mark is not None:
        return int(mark.line) + 1
    if isinstance(error, yaml.reader.ReaderError):  # bytes it cannot read: it gives an offset
        return data[: error.position].count(b"\n") + 1
    return None


def _load(
    paths: list[Path], limits: ImportLimits, collector: IssueCollector, source: ParsedSource
) -> Iterable[Entity]:
    for path in _files(paths):
        check_size(path, limits.max_bytes)
        label = path.name
        data = path.read_bytes()
        try:
            # bytes, so PyYAML reads the encodings YAML allows (UTF-8, or UTF-16 with its
            # byte-order mark) and refuses others as a YAMLError, never a UnicodeDecodeError
            documents = list(yaml.safe_load_all(data))
        except yaml.YAMLError as error:
            collector.add(
                wording(
                    "{file} is not valid YAML: {error}",
                    file=label,
                    error=getattr(error, "problem", None) or getattr(error, "reason", error),
                ),
                row=_yaml_line(data, error),
            )
            continue
        for index, doc in enumerate(documents, start=1):
            if doc is None:
                continue
            if not isinstance(doc, dict) or "kind" not in doc or "metadata" not in doc:
                collector.add(
                    wording(
                        "{file} document {index} is not a catalog entity (it needs "
                        "apiVersion, kind and metadata)",
                        file=label,
                        index=index,
                    ),
                    row=None,
                )
                continue
            kind = str(doc["kind"])
            name = str((doc.get("metadata") or {}).get("name", "")).strip()
            if not name:
                collector.add(
                    wording(
                        "{file} document {index}: metadata.name is missing", file=label, index=index
                    )
                )
                continue
            if kind in SKIPPED_KINDS:
                source.skipped[kind] += 1
                continue
            namespace = str((doc.get("metadata") or {}).get("namespace", "default"))
            yield Entity(kind, entity_ref(f"{kind}:{namespace}/{name}", kind), doc, label, index)


@dataclass
class _Catalog:
    entities: list[Entity]
    source: ParsedSource
    collector: IssueCollector
    by_ref: dict[str, Entity] = field(default_factory=dict)

    def build(self) -> None:
        for entity in self.entities:
            if entity.ref in self.by_ref:
                first = self.by_ref[entity.ref]
                self.collector.add(
                    wording(
                        "{file} {where} repeats {ref}, first defined in {first}",
                        file=entity.file,
                        where=entity.where,
                        ref=entity.ref,
                        first=first.file,
                    ),
                    element=entity.ref,
                )
                continue
            self.by_ref[entity.ref] = entity
        inventory = Inventory()
        inventory.units = [self._unit(e) for e in self._of("Group") if self._is_unit(e)]
        inventory.capabilities = [self._capability(e) for e in self._of("Domain", "System")]
        inventory.technologies = [self._technology(e) for e in self._of("Resource")]
        inventory.systems = [self._system(e) for e in self._of("Component")]
        inventory.integrations = self._integrations()
        inventory.teams = [
            self._team(e, inventory.systems) for e in self._of("Group") if not self._is_unit(e)
        ]
        for entity in self.entities:
            if entity.kind not in ("Group", "Domain", "System", "Resource", "Component", "API"):
                self.source.skipped[entity.kind] += 1
        self.source.inventory = inventory

    def _of(self, *kinds: str) -> list[Entity]:
        return [e for e in self.by_ref.values() if e.kind in kinds]

    def _provenance(self, entity: Entity) -> Provenance:
        return Provenance(source=self.collector.file, location=f"{entity.file} {entity.where}")

    def _resolve(self, entity: Entity, text: str, kind: str, field_name: str) -> str | None:
        ref = entity_ref(text, kind)
        if ref in self.by_ref:
            return ref
        self.collector.warn(
            wording(
                "{field} '{text}' is not in the catalog ({ref}); the link is left out",
                field=field_name,
                text=text,
                ref=ref,
            ),
            element=entity.ref,
            column=field_name,
        )
        return None

    def _common(self, entity: Entity) -> dict[str, Any]:
        meta = entity.metadata
        properties = {f"annotation:{k}": str(v) for k, v in (meta.get("annotations") or {}).items()}
        for key in ("title", "type"):
            value = meta.get(key) if key == "title" else entity.spec.get(key)
            if value:
                properties[f"backstage.{key}"] = str(value)
        for number, link in enumerate(meta.get("links") or [], start=1):
            if isinstance(link, dict) and link.get("url"):
                properties[f"link:{link.get('title') or number}"] = str(link["url"])
        return {"id": entity.ref, "properties": properties, "provenance": self._provenance(entity)}

    def _is_unit(self, entity: Entity) -> bool:
        return str(entity.spec.get("type", "")).lower() in UNIT_GROUP_TYPES

    def _unit(self, entity: Entity) -> Unit:
        parent = entity.spec.get("parent")
        parent_ref = self._resolve(entity, str(parent), "group", "spec.parent") if parent else None
        if parent_ref and not self._is_unit(self.by_ref[parent_ref]):
            parent_ref = None
        profile = entity.spec.get("profile") or {}
        return Unit(
            **self._common(entity),
            name=str(profile.get("displayName") or entity.metadata["name"]),
            kind=UNIT_GROUP_TYPES[str(entity.spec.get("type")).lower()],
            parent_id=parent_ref,
        )

    def _capability(self, entity: Entity) -> Capability:
        parent_field = "subdomainOf" if entity.kind == "Domain" else "domain"
        parent = entity.spec.get(parent_field)
        return Capability(
            **self._common(entity),
            name=str(entity.metadata.get("title") or entity.metadata["name"]),
            description=_text(entity.metadata.get("description")),
            parent_id=self._resolve(entity, str(parent), "domain", f"spec.{parent_field}")
            if parent
            else None,
        )

    def _technology(self, entity: Entity) -> Technology:
        kind = {"database": "database"}.get(str(entity.spec.get("type", "")).lower(), "other")
        return Technology(**self._common(entity), name=str(entity.metadata["name"]), kind=kind)

    def _system(self, entity: Entity) -> System:
        spec = entity.spec
        lifecycle = str(spec.get("lifecycle", "")).lower()
        data = self._common(entity)
        if lifecycle and lifecycle not in LIFECYCLE:
            data["properties"]["backstage.lifecycle"] = lifecycle
        capabilities = []
        if spec.get("system"):
            ref = self._resolve(entity, str(spec["system"]), "system", "spec.system")
            if ref:
                capabilities.append(CapabilityFit(capability_id=ref))
        technologies = []
        for dependency in _strings(spec.get("dependsOn")):
            ref = entity_ref(dependency, "component")
            if ref.startswith("resource:") and self._resolve(
                entity, dependency, "resource", "spec.dependsOn"
            ):
                technologies.append(ref)
        owner = spec.get("owner")
        owner_ref = self._resolve(entity, str(owner), "group", "spec.owner") if owner else None
        if owner_ref and owner_ref.startswith("user:"):
            profile = self.by_ref[owner_ref].spec.get("profile") or {}
            data["system_owner"] = str(
                profile.get("displayName") or self.by_ref[owner_ref].metadata["name"]
            )
        return System(
            **data,
            name=str(entity.metadata.get("title") or entity.metadata["name"]),
            description=_text(entity.metadata.get("description")),
            tags=_strings(entity.metadata.get("tags")),
            lifecycle=LIFECYCLE.get(lifecycle),
            capabilities=capabilities,
            technology_ids=technologies,
        )

    def _integrations(self) -> list[Integration]:
        providers: dict[str, list[str]] = {}
        consumers: dict[str, list[str]] = {}
        for component in self._of("Component"):
            for field_name, table in (("providesApis", providers), ("consumesApis", consumers)):
                for api_name in _strings(component.spec.get(field_name)):
                    ref = self._resolve(component, api_name, "api", f"spec.{field_name}")
                    if ref:
                        table.setdefault(ref, []).append(component.ref)
        integrations = [
            self._dependency(c, d)
            for c in self._of("Component")
            for d in _strings(c.spec.get("dependsOn"))
            if entity_ref(d, "component").startswith("component:")
        ]
        for api in self._of("API"):
            api_type = str(api.spec.get("type", "")).lower()
            for provider in providers.get(api.ref, []):
                for consumer in consumers.get(api.ref, []):
                    integrations.append(
                        Integration(
                            id=f"{api.ref}|{provider}|{consumer}",
                            source_id=provider,
                            target_id=consumer,
                            name=str(api.metadata["name"]),
                            description=_text(api.metadata.get("description")),
                            direction="one_way",
                            kind=API_KIND.get(api_type),
                            open_standard=api_type in OPEN_API_TYPES or None,
                            properties={"backstage.api": api.ref, "backstage.type": api_type},
                            provenance=self._provenance(api),
                        )
                    )
            if not consumers.get(api.ref):
                self.source.skipped["API without a consuming component"] += 1
        return [i for i in integrations if i is not None]

    def _dependency(self, component: Entity, dependency: str) -> Integration | None:
        ref = entity_ref(dependency, "component")
        if ref not in self.by_ref:
            self.collector.add(
                wording(
                    "spec.dependsOn '{id}' is not in the catalog; an "
                    "integration cannot point at an unknown system",
                    id=dependency,
                ),
                element=component.ref,
                column="spec.dependsOn",
            )
            return None
        return Integration(
            id=f"{component.ref}|dependsOn|{ref}",
            source_id=ref,
            target_id=component.ref,
            name=f"dependsOn {ref}",
            provenance=self._provenance(component),
        )

    def _team(self, entity: Entity, systems: list[System]) -> Team:
        owned = [
            e.ref
            for e in self._of("Component")
            if e.spec.get("owner") and entity_ref(str(e.spec["owner"]), "group") == entity.ref
        ]
        unit_id = self._nearest_unit(entity)
        profile = entity.spec.get("profile") or {}
        products = [
            e.metadata["name"]
            for e in self._of("System")
            if e.spec.get("owner") and entity_ref(str(e.spec["owner"]), "group") == entity.ref
        ]
        known_systems = {system.id for system in systems}
        return Team(
            **self._common(entity),
            name=str(profile.get("displayName") or entity.metadata["name"]),
            description=_text(entity.metadata.get("description")),
            unit_id=unit_id,
            products=[str(p) for p in products],
            system_ids=[ref for ref in owned if ref in known_systems],
        )

    def _nearest_unit(self, entity: Entity) -> str | None:
        seen = {entity.ref}
        parent = entity.spec.get("parent")
        while parent:
            ref = entity_ref(str(parent), "group")
            if ref in seen or ref not in self.by_ref:
                return None
            seen.add(ref)
            if self._is_unit(self.by_ref[ref]):
                return ref
            parent = self.by_ref[ref].spec.get("parent")
        return None


def _text(value: Any) -> str | None:
    return str(value).strip() or None if value is not None else None
