"""CycloneDX SBOMs (JSON and XML): components, size and dependency freshness (libyear).

libyear is the sum over components of the years between the release used and the newest release.
It needs release dates, which an SBOM rarely carries and which we never fetch at run time. They
come, in this order, from the SBOM itself (the component's `releaseNotes.timestamp`, or the
properties `produktlyft:release_date`, `produktlyft:latest_version` and
`produktlyft:latest_release_date`), then from the shipped endoflife.date snapshot for the packages
it covers. A component with no dates is counted as unknown and lowers the coverage, never as fresh.
"""

from __future__ import annotations

import fnmatch
import json
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, replace
from datetime import date
from typing import Any
from xml.etree.ElementTree import Element

from defusedxml import ElementTree

from produktlyft.review.analysis.endoflife import ProductReleases, ReleaseSource, version_key

DAYS_PER_YEAR = 365.25
PROPERTY_RELEASE = "produktlyft:release_date"
PROPERTY_LATEST_VERSION = "produktlyft:latest_version"
PROPERTY_LATEST_DATE = "produktlyft:latest_release_date"


class SbomError(ValueError):
    """The file is not a CycloneDX SBOM we can read; the message says why."""


@dataclass(frozen=True)
class Component:
    name: str
    version: str | None = None
    group: str | None = None
    purl: str | None = None
    kind: str | None = None
    release_date: date | None = None
    latest_version: str | None = None
    latest_date: date | None = None
    oldest_unapplied_date: date | None = None  # first newer release not taken up
    dates_from: str | None = None  # "sbom" or "endoflife.date"

    @property
    def key(self) -> str:
        return f"{self.group}/{self.name}" if self.group else self.name

    @property
    def libyear(self) -> float | None:
        if self.release_date is None or self.latest_date is None:
            return None
        return max(0.0, (self.latest_date - self.release_date).days / DAYS_PER_YEAR)


@dataclass(frozen=True)
class Sbom:
    spec_version: str
    serial: str | None
    timestamp: date | None
    subject: str | None  # metadata.component, what the SBOM describes
    components: tuple[Component, ...]
    fmt: str  # json or xml


@dataclass(frozen=True)
class SbomSummary:
    components: int
    dated: int
    libyear: float
    coverage: float  # share of components with both dates, 0..1
    oldest_unapplied_days: int | None
    worst: tuple[tuple[str, str, float], ...]  # (component, version, libyear) largest first

    def as_dict(self) -> dict[str, Any]:
        return {
            "components": self.components,
            "dated": self.dated,
            "libyear": round(self.libyear, 2),
            "coverage": round(self.coverage, 3),
            "oldest_unapplied_days": self.oldest_unapplied_days,
            "worst": [list(item) for item in self.worst],
        }


def _date(text: object) -> date | None:
    if not isinstance(text, str) or len(text) < 10:
        return None
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        return None


def _from_fields(
    fields: Mapping[str, Any], properties: Mapping[str, str], release_notes_timestamp: str | None
) -> Component:
    release = _date(properties.get(PROPERTY_RELEASE)) or _date(release_notes_timestamp)
    latest = _date(properties.get(PROPERTY_LATEST_DATE))
    from_sbom = release is not None and latest is not None
    return Component(
        name=str(fields.get("name") or "").strip() or "(unnamed)",
        version=(str(fields["version"]).strip() or None) if fields.get("version") else None,
        group=(str(fields["group"]).strip() or None) if fields.get("group") else None,
        purl=str(fields["purl"]) if fields.get("purl") else None,
        kind=str(fields["type"]) if fields.get("type") else None,
        release_date=release,
        latest_version=properties.get(PROPERTY_LATEST_VERSION),
        latest_date=latest,
        oldest_unapplied_date=latest,
        dates_from="sbom" if from_sbom else None,
    )


def _json_components(items: Any) -> Iterator[Component]:
    for item in items or []:
        if not isinstance(item, Mapping):
            continue
        properties = {
            str(p.get("name")): str(p.get("value"))
            for p in item.get("properties") or []
            if isinstance(p, Mapping)
        }
        notes = item.get("releaseNotes")
        timestamp = notes.get("timestamp") if isinstance(notes, Mapping) else None
        yield _from_fields(item, properties, timestamp)
        yield from _json_components(item.get("components"))


def parse_json(data: bytes) -> Sbom:
    try:
        document = json.loads(data)
    except ValueError as error:
        raise SbomError(f"not valid JSON: {error}") from error
    if not isinstance(document, Mapping) or document.get("bomFormat") != "CycloneDX":
        raise SbomError("not a CycloneDX SBOM: 'bomFormat' is not 'CycloneDX'")
    metadata = document.get("metadata") or {}
    subject = metadata.get("component") if isinstance(metadata, Mapping) else None
    return Sbom(
        spec_version=str(document.get("specVersion") or "?"),
        serial=document.get("serialNumber"),
        timestamp=_date(metadata.get("timestamp")) if isinstance(metadata, Mapping) else None,
        subject=_subject_name(subject.get("name"), subject.get("version"))
        if isinstance(subject, Mapping)
        else None,
        components=tuple(_json_components(document.get("components"))),
        fmt="json",
    )


def _subject_name(name: object, version: object) -> str | None:
    if not name:
        return None
    return f"{name} {version}" if version else str(name)


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _child(element: Element, name: str) -> Element | None:
    return next((c for c in element if _local(c.tag) == name), None)


def _text(element: Element, name: str) -> str | None:
    child = _child(element, name)
    return child.text.strip() if child is not None and child.text else None


def _xml_components(container: Element | None) -> Iterator[Component]:
    if container is None:
        return
    for element in container:
        if _local(element.tag) != "component":
            continue
        fields = {key: _text(element, key) for key in ("name", "version", "group", "purl")}
        fields["type"] = element.get("type")
        properties: dict[str, str] = {}
        holder = _child(element, "properties")
        for prop in holder if holder is not None else []:
            if _local(prop.tag) == "property" and prop.get("name"):
                properties[str(prop.get("name"))] = (prop.text or "").strip()
        notes = _child(element, "releaseNotes")
        timestamp = _text(notes, "timestamp") if notes is not None else None
        yield _from_fields(fields, properties, timestamp)
        yield from _xml_components(_child(element, "components"))


def parse_xml(data: bytes) -> Sbom:
    try:
        root = ElementTree.fromstring(data)
    except Exception as error:  # defusedxml raises several types for hostile or broken XML
        raise SbomError(f"not valid XML: {error}") from error
    if _local(root.tag) != "bom" or "cyclonedx.org" not in root.tag:
        raise SbomError("not a CycloneDX SBOM: the root element is not a CycloneDX <bom>")
    namespace = root.tag[1:].split("}", 1)[0]
    metadata = _child(root, "metadata")
    subject = _child(metadata, "component") if metadata is not None else None
    return Sbom(
        spec_version=namespace.rsplit("/", 1)[-1],
        serial=root.get("serialNumber"),
        timestamp=_date(_text(metadata, "timestamp")) if metadata is not None else None,
        subject=_subject_name(_text(subject, "name"), _text(subject, "version"))
        if subject is not None
        else None,
        components=tuple(_xml_components(_child(root, "components"))),
        fmt="xml",
    )


def parse_sbom(data: bytes) -> Sbom:
    """JSON or XML, decided by the first non-blank character."""
    head = data.lstrip()[:1]
    if head == b"{":
        return parse_json(data)
    if head == b"<":
        return parse_xml(data)
    raise SbomError("neither CycloneDX JSON nor XML (the file starts with neither '{' nor '<')")


def _normalise_version(version: str) -> str:
    """Maven-style suffixes dropped: '5.2.18.Final' and '9.4.18.v20190429' become their numbers."""
    key = version_key(version)
    return ".".join(str(part) for part in key) if key else version


class SnapshotDating:
    """Dates components from the endoflife.date snapshot, by package-URL pattern."""

    def __init__(self, source: ReleaseSource, purl_products: Mapping[str, str]) -> None:
        self.source = source
        self.patterns = [(k, v) for k, v in purl_products.items() if not k.startswith("_")]

    def product_for(self, purl: str) -> ProductReleases | None:
        bare = purl.split("@", 1)[0].split("?", 1)[0].casefold()
        for pattern, product in self.patterns:
            if fnmatch.fnmatchcase(bare, pattern.casefold()):
                return self.source.product(product)
        return None

    def __call__(self, component: Component) -> Component:
        if component.dates_from == "sbom" or not component.purl or not component.version:
            return component
        product = self.product_for(component.purl)
        if product is None or not product.versions:
            return component
        versions = {_normalise_version(v): d for v, d in product.versions.items()}
        used = _normalise_version(component.version)
        release = versions.get(used)
        latest = product.latest_version()
        if release is None or latest is None:
            return component
        newer = [d for v, d in versions.items() if version_key(v) > version_key(used)]
        return replace(
            component,
            release_date=release,
            latest_version=latest[0],
            latest_date=latest[1],
            oldest_unapplied_date=min(newer, default=None),
            dates_from="endoflife.date",
        )


def date_components(sbom: Sbom, dating: Callable[[Component], Component] | None) -> Sbom:
    if dating is None:
        return sbom
    return replace(sbom, components=tuple(dating(c) for c in sbom.components))


def summarise_sbom(sbom: Sbom, today: date, worst: int = 5) -> SbomSummary:
    years = [(c.key, c.version or "", c.libyear) for c in sbom.components]
    dated = [(key, version, value) for key, version, value in years if value is not None]
    unapplied = [
        c.oldest_unapplied_date
        for c in sbom.components
        if c.oldest_unapplied_date
        and c.latest_version
        and c.version
        and _normalise_version(c.version) != _normalise_version(c.latest_version)
    ]
    total = len(sbom.components)
    return SbomSummary(
        components=total,
        dated=len(dated),
        libyear=sum(value for _, _, value in dated),
        coverage=len(dated) / total if total else 0.0,
        oldest_unapplied_days=(today - min(unapplied)).days if unapplied else None,
        worst=tuple(
            sorted(((k, v, round(y, 2)) for k, v, y in dated), key=lambda item: -item[2])[:worst]
        ),
    )
