"""CycloneDX parsing and libyear, on the real SBOMs and our XML fixture."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from produktlyft.review.analysis.sbom import (
    SbomError,
    SnapshotDating,
    date_components,
    parse_sbom,
    summarise_sbom,
)
from produktlyft.review.importers.endoflife import SHIPPED, open_release_source

FIXTURES = Path(__file__).parents[2] / "fixtures" / "sbom"
TODAY = date(2026, 9, 1)


@pytest.fixture(scope="module")
def dating() -> SnapshotDating:
    table = json.loads((SHIPPED / "purl_products.json").read_text())
    return SnapshotDating(open_release_source(None), table)


def test_dropwizard_json_libyear_from_snapshot(test_data: Path, dating: SnapshotDating) -> None:
    sbom = parse_sbom((test_data / "cyclonedx/dropwizard-1.3.15.bom.json").read_bytes())
    assert (sbom.spec_version, sbom.subject, len(sbom.components)) == (
        "1.2",
        "dropwizard-parent 1.3.15",
        167,
    )
    summary = summarise_sbom(date_components(sbom, dating), TODAY)
    assert summary.components == 167
    assert 20 <= summary.dated < 167  # only packages the snapshot covers get dates
    assert summary.coverage == pytest.approx(summary.dated / 167)
    assert summary.libyear > 100  # a 2019 dependency set, years behind
    names = [name for name, _, _ in summary.worst]
    assert "org.hibernate/hibernate-core" in names
    assert summary.oldest_unapplied_days is not None and summary.oldest_unapplied_days > 365


def test_json_and_xml_of_the_same_sbom_agree(test_data: Path) -> None:
    as_json = parse_sbom(
        (test_data / "cyclonedx/pycomponents-fastapi-uvicorn.bom.json").read_bytes()
    )
    as_xml = parse_sbom((FIXTURES / "fastapi-uvicorn.bom.xml").read_bytes())
    assert as_xml.fmt == "xml" and as_xml.spec_version == "1.4"
    assert [(c.name, c.version, c.purl) for c in as_json.components] == [
        (c.name, c.version, c.purl) for c in as_xml.components
    ]


def test_sbom_provided_dates_give_libyear_and_unknowns_lower_coverage() -> None:
    sbom = parse_sbom((FIXTURES / "fastapi-uvicorn.bom.xml").read_bytes())
    summary = summarise_sbom(sbom, TODAY)
    assert summary.components == 15
    assert summary.dated == 3
    assert summary.coverage == pytest.approx(0.2)
    pyyaml = next(c for c in sbom.components if c.name == "PyYAML")
    assert pyyaml.dates_from == "sbom"
    assert pyyaml.libyear == pytest.approx((date(2021, 10, 13) - date(2019, 6, 6)).days / 365.25)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b'{"bomFormat": "SPDX"}', "not a CycloneDX SBOM"),
        (b"<html/>", "not a CycloneDX SBOM"),
        (b"<bom", "not valid XML"),
        (b"hello", "neither CycloneDX JSON nor XML"),
        (
            b"<!DOCTYPE x [<!ENTITY a 'b'>]><bom xmlns='http://cyclonedx.org/schema/bom/1.4'/>",
            "not valid XML",
        ),
    ],
)
def test_bad_files_are_refused_clearly(data: bytes, message: str) -> None:
    with pytest.raises(SbomError, match=message):
        parse_sbom(data)
