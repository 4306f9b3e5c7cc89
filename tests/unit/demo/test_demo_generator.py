"""The demo organisation is deterministic, realistic in size, and its ground truth is true."""

from __future__ import annotations

import json
from collections import Counter
from datetime import date

import pytest

from produktlyft.demo.generator import generate_demo
from produktlyft.demo.generator.catalogue import EXTENDED_SUPPORT, TECHNOLOGIES
from produktlyft.inventory.exporters.json_export import inventory_document
from produktlyft.inventory.references import find_dangling
from produktlyft.review.importers.endoflife import SHIPPED


@pytest.fixture(scope="module")
def demo():  # type: ignore[no-untyped-def]
    return generate_demo()


def test_same_seed_same_organisation_other_seed_other() -> None:
    first = inventory_document(generate_demo(120, seed=7).inventory)
    again = inventory_document(generate_demo(120, seed=7).inventory)
    other = inventory_document(generate_demo(120, seed=8).inventory)
    assert json.dumps(first, sort_keys=True) == json.dumps(again, sort_keys=True)
    assert first["systems"] != other["systems"]


def test_size_and_shape(demo) -> None:  # type: ignore[no-untyped-def]
    counts = demo.inventory.count()
    assert counts["systems"] == 300
    departments = [u for u in demo.inventory.units if u.kind == "department"]
    assert len(departments) == 12
    assert 70 <= counts["capabilities"] <= 100
    assert counts["integrations"] > 300 and counts["contracts"] > 50 and counts["teams"] >= 12
    assert not find_dangling(demo.inventory)
    assert len({s.name for s in demo.inventory.systems}) == 300  # twins are named differently
    assert "Ärendehanteringssystem för bygglov" in {s.name for s in demo.inventory.systems}


def test_missing_data_is_present_as_in_real_inventories(demo) -> None:  # type: ignore[no-untyped-def]
    systems = demo.inventory.systems
    assert 0.03 < sum(s.criticality is None for s in systems) / len(systems) < 0.2
    assert 0.03 < sum(s.annual_operating_cost is None for s in systems) / len(systems) < 0.2


def test_planted_duplicates_really_overlap(demo) -> None:  # type: ignore[no-untyped-def]
    systems = {s.id: s for s in demo.inventory.systems}
    pairs = demo.ground_truth["duplicate_pairs"]
    assert len(pairs) == 20
    for a, b in pairs:
        first, second = systems[a], systems[b]
        assert first.capabilities[0].capability_id == second.capabilities[0].capability_id
        assert first.data_uses[0].data_object_id == second.data_uses[0].data_object_id
        assert first.name != second.name


def test_unsupported_technology_ground_truth(demo) -> None:  # type: ignore[no-untyped-def]
    reference = date.fromisoformat(demo.ground_truth["reference_date"])
    technologies = {t.id: t for t in demo.inventory.technologies}
    ends = {
        (p, v): max(filter(None, (eol, EXTENDED_SUPPORT.get((p, v)))), default=None)
        for p, v, _kind, eol in TECHNOLOGIES
    }

    def past_end(tech_id: str) -> bool:
        tech = technologies[tech_id]
        end = ends[(tech.name, tech.version or "")]
        return end is not None and end < reference

    flagged = {s.id for s in demo.inventory.systems if any(map(past_end, s.technology_ids))}
    assert flagged == set(demo.ground_truth["unsupported_technology_systems"])
    assert 20 <= len(flagged) <= 60


def test_lock_in_contracts_and_only_they_have_every_trait(demo) -> None:  # type: ignore[no-untyped-def]
    reference = date.fromisoformat(demo.ground_truth["reference_date"])
    planted = {entry["contract"] for entry in demo.ground_truth["lock_in_contracts"]}
    assert len(planted) == 6

    def locks_in(contract) -> bool:  # type: ignore[no-untyped-def]
        return (
            contract.latest_end_date is not None
            and (contract.latest_end_date - reference).days > 5 * 365
            and contract.exit_clause is False
            and contract.data_return_format is None
            and contract.ip_owner == "supplier"
        )

    assert {c.id for c in demo.inventory.contracts if locks_in(c)} == planted


def test_manual_rekeying_ground_truth(demo) -> None:  # type: ignore[no-untyped-def]
    manual = {i.id for i in demo.inventory.integrations if i.kind == "manual_rekeying"}
    assert manual == set(demo.ground_truth["manual_rekeying_integrations"])
    kinds = Counter(i.kind for i in demo.inventory.integrations)
    assert kinds["rest"] > kinds["manual_rekeying"] > 0


def test_scales_to_ten_thousand_systems() -> None:
    big = generate_demo(10_000, seed=1)
    assert big.inventory.count()["systems"] == 10_000
    assert len({s.id for s in big.inventory.systems}) == 10_000
    assert len(big.ground_truth["duplicate_pairs"]) == 667


def test_catalogue_end_of_life_dates_match_endoflife_data() -> None:
    """The demo's planted ground truth rests on these dates, so they must be the real ones:
    those of the endoflife.date snapshot the review ships (the same files as ../shared's)."""
    products = {
        "Red Hat Enterprise Linux": "rhel",
        "Debian": "debian",
        "SUSE Linux Enterprise Server": "sles",
        "Alpine Linux": "alpine-linux",
        "PostgreSQL": "postgresql",
        "Oracle Database": "oracle-database",
        "IBM Db2": "ibm-db2",
        "MariaDB": "mariadb",
        "MongoDB": "mongodb",
        "Redis": "redis",
        "Python": "python",
        ".NET": "dotnet",
        ".NET Framework": "dotnetfx",
        "Microsoft Build of OpenJDK": "microsoft-build-of-openjdk",
        "Visual COBOL": "visual-cobol",
        "Django": "django",
        "Angular": "angular",
        "Umbraco": "umbraco",
        "Red Hat JBoss EAP": "red-hat-jboss-eap",
    }
    releases_dir = SHIPPED / "releases"
    for product, version, _kind, eol in TECHNOLOGIES:
        if eol is None:
            continue
        releases = json.loads((releases_dir / f"{products[product]}.json").read_text())["releases"]
        cycle = next(
            c
            for c in sorted(releases, key=len, reverse=True)
            if version == c or version.startswith(c + ".")
        )
        assert releases[cycle]["eol"] == eol.isoformat(), (product, version)
