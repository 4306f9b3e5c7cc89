"""Reading ArchiMate models: the Open Exchange Format (3.0/3.1) and Archi's native `.archimate`.

Both formats are read into the same neutral form (elements and relationships with all their
names, documentation and properties per language), which `archimate.py` maps to the inventory.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from produktlyft.kernel.files.safety import parse_xml

XSI_TYPE = "{http://www.w3.org/2001/XMLSchema-instance}type"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

# A text in several languages: language code ("" when unstated) -> text, in document order.
Texts = dict[str, str]


@dataclass
class ArchiElement:
    id: str
    type: str
    names: Texts = field(default_factory=dict)
    documentation: Texts = field(default_factory=dict)
    properties: dict[str, Texts] = field(default_factory=dict)


@dataclass
class ArchiRelationship(ArchiElement):
    source: str = ""
    target: str = ""
    access_type: str | None = None


@dataclass
class ArchiModel:
    name: str
    elements: list[ArchiElement] = field(default_factory=list)
    relationships: list[ArchiRelationship] = field(default_factory=list)
    views: int = 0


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _texts(parent: Any, tag: str) -> Texts:
    texts: Texts = {}
    for child in parent:
        if _local(child.tag) == tag and child.text is not None:
            texts.setdefault(child.get(XML_LANG, ""), child.text.strip())
    return texts


def read_exchange_format(path: Path) -> ArchiModel:
    """The Open Group ArchiMate Model Exchange File Format."""
    root = parse_xml(path, path.name)
    definitions: dict[str, str] = {}
    for node in root.iter():
        if _local(node.tag) == "propertyDefinition":
            names = _texts(node, "name")
            definitions[node.get("identifier", "")] = next(
                iter(names.values()), node.get("identifier", "")
            )
    model = ArchiModel(name=next(iter(_texts(root, "name").values()), path.stem))
    for section in root:
        kind = _local(section.tag)
        if kind == "elements":
            model.elements.extend(_exchange_item(node, definitions) for node in section)
        elif kind == "relationships":
            for node in section:
                base = _exchange_item(node, definitions)
                model.relationships.append(
                    ArchiRelationship(
                        **vars(base),
                        source=node.get("source", ""),
                        target=node.get("target", ""),
                        access_type=node.get("accessType"),
                    )
                )
        elif kind == "views":
            model.views += sum(1 for node in section.iter() if _local(node.tag) == "view")
    return model


def _exchange_item(node: Any, definitions: dict[str, str]) -> ArchiElement:
    properties: dict[str, Texts] = {}
    for child in node:
        if _local(child.tag) != "properties":
            continue
        for prop in child:
            ref = prop.get("propertyDefinitionRef", "")
            properties[definitions.get(ref, ref)] = _texts(prop, "value")
    return ArchiElement(
        id=node.get("identifier", ""),
        type=node.get(XSI_TYPE, ""),
        names=_texts(node, "name"),
        documentation=_texts(node, "documentation"),
        properties=properties,
    )


# Archi stores access as a number; absent means write, as in the ArchiMate specification.
_ARCHI_ACCESS = {None: "Write", "0": "Write", "1": "Read", "2": "Access", "3": "ReadWrite"}


def read_archi_native(path: Path) -> ArchiModel:
    """Archi's own `.archimate` file (model versions 4 and 5)."""
    root = parse_xml(path, path.name)
    model = ArchiModel(name=root.get("name", path.stem))
    for node in root.iter():
        if _local(node.tag) != "element":
            continue
        kind = node.get(XSI_TYPE, "").removeprefix("archimate:")
        properties = {
            prop.get("key", ""): {"": prop.get("value", "").strip()}
            for prop in node
            if _local(prop.tag) == "property"
        }
        documentation = (
            {"": node.findtext("documentation", "").strip()}
            if node.find("documentation") is not None
            else {}
        )
        names = {"": node.get("name", "").strip()} if node.get("name", "").strip() else {}
        if "DiagramModel" in kind or "Sketch" in kind or "Canvas" in kind:
            model.views += 1
        elif kind.endswith("Relationship"):
            model.relationships.append(
                ArchiRelationship(
                    id=node.get("id", ""),
                    type=kind.removesuffix("Relationship"),
                    names=names,
                    documentation=documentation,
                    properties=properties,
                    source=node.get("source", ""),
                    target=node.get("target", ""),
                    access_type=_ARCHI_ACCESS.get(node.get("accessType"), "Write")
                    if kind == "AccessRelationship"
                    else None,
                )
            )
        else:
            model.elements.append(
                ArchiElement(
                    id=node.get("id", ""),
                    type=kind,
                    names=names,
                    documentation=documentation,
                    properties=properties,
                )
            )
    return model
