"""Writing the inventory as an ArchiMate Open Exchange Format 3.1 model.

The mapping is the importer's, reversed (see docs/import-formats.md). Fields ArchiMate has no
place for travel as properties named after the field, which the importer maps back; ids that
are not valid XML identifiers are written as `produktlyft:id` properties. Importing the output
therefore reproduces the inventory exactly.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import Element, ElementTree, SubElement, indent

from produktlyft.inventory.model import Inventory, Record, System
from produktlyft.inventory.template import LIST_SEPARATOR, SHEETS_BY_KEY
from produktlyft.inventory.vocabularies import TechnologyKind
from produktlyft.kernel.labels import LabelledEnum

NS = "http://www.opengroup.org/xsd/archimate/3.0/"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
ID_PROPERTY = "produktlyft:id"
_NCNAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_.\-]*$")

ELEMENT_TYPES = {
    "units": "BusinessActor",
    "teams": "BusinessActor",
    "systems": "ApplicationComponent",
    "capabilities": "Capability",
    "data_objects": "DataObject",
    "contracts": "Contract",
}
# Fields carried by the model's structure (relationships, name, documentation), not properties.
STRUCTURAL = {
    "id",
    "name",
    "description",
    "parent_id",
    "owning_unit_id",
    "capabilities",
    "technology_ids",
    "data_uses",
    "source_id",
    "target_id",
    "system_ids",
    "unit_id",
}
ACCESS_TYPES = {"read": "Read", "write": "Write", "read_write": "ReadWrite", None: "Access"}


def _property_text(value: Any) -> str | None:
    if value is None or value == []:
        return None
    if isinstance(value, list):
        return LIST_SEPARATOR.join(str(item) for item in value)
    if isinstance(value, LabelledEnum):
        return value.value
    if isinstance(value, bool):
        return "true" if value else "false"
    if hasattr(value, "isoformat"):
        return str(value.isoformat())
    return str(value)


class _Writer:
    def __init__(self, name: str) -> None:
        self.root = Element(
            "model", {"xmlns": NS, "xmlns:xsi": XSI, "identifier": "id-" + _digest(name)}
        )
        SubElement(self.root, "name", {XML_LANG: "sv"}).text = name
        self.elements = SubElement(self.root, "elements")
        self.relationships = SubElement(self.root, "relationships")
        self.definitions: dict[str, str] = {}
        self.xml_ids: dict[str, str] = {}

    def xml_id(self, record_id: str) -> str:
        if record_id not in self.xml_ids:
            self.xml_ids[record_id] = (
                record_id if _NCNAME.match(record_id) else "id-" + _digest(record_id)
            )
        return self.xml_ids[record_id]

    def _definition(self, key: str) -> str:
        if key not in self.definitions:
            self.definitions[key] = f"propid-{len(self.definitions) + 1}"
        return self.definitions[key]

    def _texts(
        self, node: Element, tag: str, primary: str | None, properties: dict[str, str]
    ) -> None:
        if primary:
            SubElement(node, tag).text = primary
        for key, text in properties.items():
            if key.startswith(f"{tag}@"):
                lang = key.split("@", 1)[1]
                SubElement(node, tag, {} if lang == "und" else {XML_LANG: lang}).text = text

    def _properties(self, node: Element, values: dict[str, str]) -> None:
        if not values:
            return
        container = SubElement(node, "properties")
        for key, text in values.items():
            prop = SubElement(
                container, "property", {"propertyDefinitionRef": self._definition(key)}
            )
            SubElement(prop, "value").text = text

    def item(
        self,
        parent: Element,
        tag: str,
        record_id: str,
        xsi_type: str,
        name: str | None,
        documentation: str | None,
        properties: dict[str, str],
        attributes: dict[str, str] | None = None,
    ) -> None:
        node = SubElement(
            parent,
            tag,
            {"identifier": self.xml_id(record_id), "xsi:type": xsi_type, **(attributes or {})},
        )
        self._texts(node, "name", name, properties)
        self._texts(node, "documentation", documentation, properties)
        kept = {
            k: v for k, v in properties.items() if not k.startswith(("name@", "documentation@"))
        }
        if self.xml_ids[record_id] != record_id:
            kept[ID_PROPERTY] = record_id
        self._properties(node, kept)

    def relationship(
        self,
        xsi_type: str,
        source: str,
        target: str,
        *,
        properties: dict[str, str] | None = None,
        attributes: dict[str, str] | None = None,
    ) -> None:
        key = f"{xsi_type}|{source}|{target}|{sorted((properties or {}).items())}"
        identifier = "rel-" + _digest(key)
        SubElement(
            self.relationships,
            "relationship",
            {
                "identifier": identifier,
                "source": self.xml_id(source),
                "target": self.xml_id(target),
                "xsi:type": xsi_type,
                **(attributes or {}),
            },
        )
        if properties:
            self._properties(self.relationships[-1], properties)

    def finish(self, path: Path) -> None:
        if self.definitions:
            container = SubElement(self.root, "propertyDefinitions")
            for key, identifier in self.definitions.items():
                definition = SubElement(
                    container, "propertyDefinition", {"identifier": identifier, "type": "string"}
                )
                SubElement(definition, "name").text = key
        indent(self.root)
        ElementTree(self.root).write(path, encoding="UTF-8", xml_declaration=True)


def _digest(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8"), usedforsecurity=False).hexdigest()[:16]


def _field_properties(entity: str, record: Record) -> dict[str, str]:
    """Template fields ArchiMate has no place for, then the record's own free properties."""
    values: dict[str, str] = {}
    for column in SHEETS_BY_KEY[entity].columns:
        if column.field in STRUCTURAL:
            continue
        head, _, rest = column.field.partition(".")
        value = getattr(record, head)
        text = _property_text(getattr(value, rest) if rest else value)
        if text is not None:
            values[column.field] = text
    return {**values, **record.properties}


def _technology_type(kind: TechnologyKind | None) -> str:
    return (
        {TechnologyKind.HARDWARE: "Device", TechnologyKind.PLATFORM: "Node"}.get(
            kind, "SystemSoftware"
        )
        if kind
        else "SystemSoftware"
    )


def write_archimate(inventory: Inventory, path: Path, model_name: str = "produktlyft") -> None:
    writer = _Writer(model_name)
    for entity in (
        "units",
        "teams",
        "capabilities",
        "technologies",
        "data_objects",
        "systems",
        "contracts",
    ):
        for record in inventory.records(entity):
            _element(writer, entity, record)
    _relationships(writer, inventory)
    writer.finish(path)


def _element(writer: _Writer, entity: str, record: Record) -> None:
    properties = _field_properties(entity, record)
    documentation = getattr(record, "description", None)
    if "description" not in type(record).model_fields:
        documentation = properties.pop("documentation", None)
    xsi_type = ELEMENT_TYPES.get(entity) or _technology_type(getattr(record, "kind", None))
    if entity == "teams":
        properties["produktlyft:entity"] = "team"
    writer.item(
        writer.elements,
        "element",
        record.id,
        xsi_type,
        getattr(record, "name", None),
        documentation,
        properties,
    )


def _relationships(writer: _Writer, inventory: Inventory) -> None:
    for entity in ("units", "capabilities"):
        for record in inventory.records(entity):
            parent = getattr(record, "parent_id", None)
            if parent:
                writer.relationship("Composition", parent, record.id)
    for team in inventory.teams:
        if team.unit_id:
            writer.relationship("Composition", team.unit_id, team.id)
    for system in inventory.systems:
        _system_relationships(writer, system)
    for integration in inventory.integrations:
        properties = _field_properties("integrations", integration)
        xsi_type = properties.pop("archimate:relationship", "Serving")
        writer.item(
            writer.relationships,
            "relationship",
            integration.id,
            xsi_type,
            integration.name,
            integration.description,
            properties,
            {
                "source": writer.xml_id(integration.source_id),
                "target": writer.xml_id(integration.target_id),
            },
        )
    owners: list[tuple[str, list[str]]] = [(c.id, c.system_ids) for c in inventory.contracts]
    owners += [(t.id, t.system_ids) for t in inventory.teams]
    for owner_id, system_ids in owners:
        for system_id in system_ids:
            writer.relationship("Association", owner_id, system_id)


def _system_relationships(writer: _Writer, system: System) -> None:
    if system.owning_unit_id:
        writer.relationship(
            "Association",
            system.owning_unit_id,
            system.id,
            properties={"produktlyft:relation": "owns"},
        )
    for fit in system.capabilities:
        properties = {}
        if fit.fit:
            properties["fit"] = fit.fit.value
        if fit.unit_id:
            properties["unit_id"] = fit.unit_id
        writer.relationship("Realization", system.id, fit.capability_id, properties=properties)
    for technology_id in system.technology_ids:
        writer.relationship("Serving", technology_id, system.id)
    for use in system.data_uses:
        writer.relationship(
            "Access",
            system.id,
            use.data_object_id,
            attributes={"accessType": ACCESS_TYPES[use.access]},
        )
