"""Mapping an ArchiMate model to the inventory (see docs/import-formats.md for the table).

ApplicationComponent -> system, Capability -> capability, DataObject -> data object,
Node / SystemSoftware / Device -> technology, BusinessActor -> organisation unit (or a team when
it carries `produktlyft:entity = team`), Contract -> contract. Serving, Flow and Triggering
between applications are integrations; Realization from an application to a capability is the
capability relation; Access is data use. Properties named like a template column fill that
field; all others are kept, and so is every language of every name and text.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import ValidationError

from produktlyft.inventory.cells import convert_cell
from produktlyft.inventory.importers.archimate_model import (
    ArchiElement,
    ArchiModel,
    ArchiRelationship,
    Texts,
    read_archi_native,
    read_exchange_format,
)
from produktlyft.inventory.importers.source import ParsedSource
from produktlyft.inventory.model import (
    ENTITY_TYPES,
    CapabilityFit,
    DataUse,
    Inventory,
    Provenance,
    Record,
)
from produktlyft.inventory.template import SHEETS_BY_KEY, Column
from produktlyft.inventory.vocabularies import FunctionalFit
from produktlyft.kernel.errors import wording
from produktlyft.kernel.files.base import (
    ImportLimits,
    IssueCollector,
    TooManyIssues,
    error_wording,
)
from produktlyft.kernel.files.cells import fold_header
from produktlyft.kernel.files.safety import check_size

ENTITY_MARKER = "produktlyft:entity"
RELATION_MARKER = "produktlyft:relation"
RELATIONSHIP_TYPE = "archimate:relationship"
ID_PROPERTY = "produktlyft:id"  # our id, where it is not a valid XML identifier

ELEMENT_ENTITIES = {
    "ApplicationComponent": "systems",
    "Capability": "capabilities",
    "DataObject": "data_objects",
    "Node": "technologies",
    "SystemSoftware": "technologies",
    "Device": "technologies",
    "BusinessActor": "units",
    "Contract": "contracts",
}
TECHNOLOGY_KIND = {"Node": "platform", "Device": "hardware"}
INTEGRATION_TYPES = ("Serving", "Flow", "Triggering")
ACCESS = {"Read": "read", "Write": "write", "ReadWrite": "read_write"}
# Entities whose record has a description field; others keep documentation as a property.
DESCRIBED = {"systems", "capabilities", "data_objects", "teams", "integrations"}


def _columns(entity: str) -> dict[str, Column]:
    """Property names that fill a field: the field name and both headers, folded."""
    columns: dict[str, Column] = {}
    for column in SHEETS_BY_KEY[entity].columns:
        if column.field == "id":
            continue
        for name in (column.field, column.sv, column.en):
            columns[fold_header(name)] = column
    return columns


def read_archimate(path: Path, limits: ImportLimits, *, native: bool) -> ParsedSource:
    check_size(path, limits.max_bytes)
    model = read_archi_native(path) if native else read_exchange_format(path)
    source = ParsedSource(path=path, format="archimate-native" if native else "archimate-xml")
    collector = IssueCollector(path.name, limits.max_issues)
    try:
        _Mapper(model, source, collector).run()
    except TooManyIssues:
        source.truncated = True
    source.issues = collector.issues
    return source


class _Mapper:
    def __init__(self, model: ArchiModel, source: ParsedSource, collector: IssueCollector):
        _restore_ids(model)
        self.model = model
        self.source = source
        self.collector = collector
        self.records: dict[str, tuple[str, dict[str, Any]]] = {}  # id -> (entity, data)
        self.types = {element.id: element.type for element in model.elements}

    def run(self) -> None:
        for element in self.model.elements:
            self._element(element)
        for relationship in self.model.relationships:
            self._relationship(relationship)
        self._technology_via_services()
        self.source.skipped["views"] += self.model.views
        self._emit()

    def _entity_of(self, element: ArchiElement) -> str | None:
        entity = ELEMENT_ENTITIES.get(element.type)
        marker = element.properties.get(ENTITY_MARKER, {})
        if entity == "units" and next(iter(marker.values()), "") == "team":
            return "teams"
        return entity

    def _element(self, element: ArchiElement) -> None:
        entity = self._entity_of(element)
        if entity is None:
            self.source.skipped[element.type or "untyped element"] += 1
            return
        data: dict[str, Any] = {"id": element.id, "properties": {}}
        name, other_names = _split(element.names)
        if not name:
            self.collector.warn(
                wording("the {kind} has no name; its id is used as the name", kind=element.type),
                element=element.id,
            )
        data["name"] = name or element.id
        _keep_languages(data["properties"], "name", other_names)
        self._documentation(entity, element.documentation, data)
        self._properties(entity, element, data)
        if entity == "technologies" and "kind" not in data and element.type in TECHNOLOGY_KIND:
            data["kind"] = TECHNOLOGY_KIND[element.type]
        self.records[element.id] = (entity, data)

    def _documentation(self, entity: str, texts: Texts, data: dict[str, Any]) -> None:
        text, others = _split(texts)
        if text:
            if entity in DESCRIBED:
                data["description"] = text
            else:
                data["properties"]["documentation"] = text
        _keep_languages(data["properties"], "documentation", others)

    def _properties(self, entity: str, element: ArchiElement, data: dict[str, Any]) -> None:
        columns = _columns(entity)
        for key, texts in element.properties.items():
            if key in (ENTITY_MARKER, RELATION_MARKER, ID_PROPERTY):
                continue
            value, others = _split(texts)
            column = columns.get(fold_header(key))
            if not value:
                pass  # an empty property says nothing, and a table cannot keep it apart
            elif column is None:
                data["properties"][key] = value
            else:
                try:
                    converted = convert_cell(column, value)
                except ValueError as error:
                    self.collector.add(error_wording(error), element=element.id, column=key)
                    continue
                head, _, rest = column.field.partition(".")
                if rest:
                    data.setdefault(head, {})[rest] = converted
                else:
                    data[head] = converted
            _keep_languages(data["properties"], key, others)

    def _relationship(self, rel: ArchiRelationship) -> None:
        missing = [end for end in (rel.source, rel.target) if end not in self.types]
        if missing:
            self.collector.add(
                wording(
                    "the {kind} relationship points at '{id}', which is not "
                    "an element of this model",
                    kind=rel.type,
                    id=missing[0],
                ),
                element=rel.id,
            )
            return
        source = self.records.get(rel.source, (None, {}))[0]
        target = self.records.get(rel.target, (None, {}))[0]
        handled = self._map_relationship(rel, source, target)
        if not handled:
            self.source.skipped[f"{rel.type} relationship"] += 1

    def _map_relationship(
        self, rel: ArchiRelationship, source: str | None, target: str | None
    ) -> bool:
        pair = (source, target)
        marker = next(iter(rel.properties.get(RELATION_MARKER, {}).values()), "")
        if pair == ("systems", "systems") and rel.type in INTEGRATION_TYPES:
            self._integration(rel)
        elif pair == ("systems", "capabilities") and rel.type == "Realization":
            self._capability_fit(rel)
        elif pair == ("systems", "data_objects") and rel.type == "Access":
            self._data(rel.source)["data_uses"] = [
                *self._data(rel.source).get("data_uses", []),
                {"data_object_id": rel.target, "access": ACCESS.get(rel.access_type or "")},
            ]
        elif "technologies" in pair and "systems" in pair:
            system, technology = (
                (rel.target, rel.source) if source == "technologies" else (rel.source, rel.target)
            )
            self._append_unique(system, "technology_ids", technology)
        elif pair in (("capabilities", "capabilities"), ("units", "units")) and rel.type in (
            "Composition",
            "Aggregation",
        ):
            self._data(rel.target).setdefault("parent_id", rel.source)
        elif pair == ("units", "teams") and rel.type in ("Composition", "Aggregation"):
            self._data(rel.target).setdefault("unit_id", rel.source)
        elif pair == ("units", "systems") and marker == "owns":
            self._data(rel.target).setdefault("owning_unit_id", rel.source)
        elif pair in (("contracts", "systems"), ("teams", "systems")):
            self._append_unique(rel.source, "system_ids", rel.target)
        else:
            return False
        return True

    def _data(self, element_id: str) -> dict[str, Any]:
        return self.records[element_id][1]

    def _append_unique(self, element_id: str, field: str, value: str) -> None:
        values = self._data(element_id).setdefault(field, [])
        if value not in values:
            values.append(value)

    def _integration(self, rel: ArchiRelationship) -> None:
        data: dict[str, Any] = {
            "id": rel.id,
            "source_id": rel.source,
            "target_id": rel.target,
            "properties": {},
        }
        if rel.type != "Serving":  # Serving is what the exporter writes when nothing is said
            data["properties"][RELATIONSHIP_TYPE] = rel.type
        name, others = _split(rel.names)
        if name:
            data["name"] = name
        _keep_languages(data["properties"], "name", others)
        self._documentation("integrations", rel.documentation, data)
        self._properties("integrations", rel, data)
        self.records[rel.id] = ("integrations", data)

    def _capability_fit(self, rel: ArchiRelationship) -> None:
        item: dict[str, Any] = {"capability_id": rel.target}
        columns = {
            fold_header(name): column.field
            for column in SHEETS_BY_KEY["system_capabilities"].columns
            for name in (column.field, column.sv, column.en)
        }
        for key, texts in rel.properties.items():
            field = columns.get(fold_header(key))
            value = next(iter(texts.values()), None)
            if field == "unit_id":
                item[field] = value
            elif field == "fit" and value:
                try:
                    item[field] = FunctionalFit.parse(value)
                except ValueError as error:
                    self.collector.add(error_wording(error), element=rel.id, column=key)
        self._data(rel.source).setdefault("capabilities", []).append(item)

    def _technology_via_services(self) -> None:
        """Technology -> TechnologyService -> application: the usual ArchiMate 3 path."""
        realises: dict[str, list[str]] = {}
        for rel in self.model.relationships:
            if (
                self.types.get(rel.target) == "TechnologyService"
                and rel.source in self.records
                and self.records[rel.source][0] == "technologies"
            ):
                realises.setdefault(rel.target, []).append(rel.source)
        for rel in self.model.relationships:
            if (
                rel.type == "Serving"
                and rel.source in realises
                and rel.target in self.records
                and self.records[rel.target][0] == "systems"
            ):
                for technology in realises[rel.source]:
                    self._append_unique(rel.target, "technology_ids", technology)

    def _emit(self) -> None:
        inventory = Inventory()
        for element_id, (entity, data) in self.records.items():
            data["provenance"] = Provenance(
                source=self.collector.file, location=f"element {element_id}"
            )
            record = self._validate(entity, data)
            if record is not None:
                inventory.records(entity).append(record)
        self.source.inventory = inventory

    def _validate(self, entity: str, data: dict[str, Any]) -> Record | None:
        model = ENTITY_TYPES[entity]
        if entity == "systems":
            data["capabilities"] = [
                CapabilityFit.model_validate(item) for item in data.get("capabilities", [])
            ]
            data["data_uses"] = [DataUse.model_validate(item) for item in data.get("data_uses", [])]
        try:
            return model.model_validate(data)
        except (ValidationError, ValueError) as error:
            self.collector.add(
                wording("cannot be imported: {error}", error=error), element=data["id"]
            )
            return None


def _restore_ids(model: ArchiModel) -> None:
    """Give items written with a `produktlyft:id` property that id back, and re-point links."""
    renamed = {}
    for item in (*model.elements, *model.relationships):
        original = next(iter(item.properties.get(ID_PROPERTY, {}).values()), None)
        if original:
            renamed[item.id] = original
            item.id = original
    if renamed:
        for rel in model.relationships:
            rel.source = renamed.get(rel.source, rel.source)
            rel.target = renamed.get(rel.target, rel.target)


def _split(texts: Texts) -> tuple[str | None, Texts]:
    """The first text (the primary language) and the texts in the other languages."""
    if not texts:
        return None, {}
    languages = list(texts)
    return texts[languages[0]], {lang: texts[lang] for lang in languages[1:]}


def _keep_languages(properties: dict[str, str], key: str, others: Texts) -> None:
    for lang, text in others.items():
        properties[f"{key}@{lang or 'und'}"] = text
