"""Open-standard coverage and each silo sign, on small hand-made landscapes."""

from __future__ import annotations

from produktlyft.interop.analysis.graph import build_graph, is_open
from produktlyft.interop.analysis.silo import assess, noisy_or
from produktlyft.interop.model import SiloCode, SystemInterop
from produktlyft.inventory.model import (
    CapabilityFit,
    Contract,
    DataObject,
    DataUse,
    Integration,
    Inventory,
    System,
)
from produktlyft.inventory.vocabularies import Direction, IntegrationKind


def _system(sid: str, vendor: str | None = None, **fields: object) -> System:
    return System.model_validate({"id": sid, "name": sid.upper(), "vendor": vendor, **fields})


def _link(
    iid: str, a: str, b: str, kind: IntegrationKind, open_: bool | None = None
) -> Integration:
    return Integration(id=iid, source_id=a, target_id=b, kind=kind, open_standard=open_)


def _by_id(inventory: Inventory) -> dict[str, SystemInterop]:
    return {s.id: s for s in assess(build_graph(inventory))}


def _codes(result: SystemInterop) -> set[str]:
    return {reason.code for reason in result.reasons}


def test_documented_apis_count_as_open_unless_marked_otherwise() -> None:
    assert is_open(IntegrationKind.REST, None) and is_open(IntegrationKind.SOAP, None)
    assert not is_open(IntegrationKind.REST, False)
    assert is_open(IntegrationKind.FILE_TRANSFER, True)  # e.g. SIE files: a named open format
    assert not is_open(IntegrationKind.FILE_TRANSFER, None)
    assert not is_open(IntegrationKind.MANUAL_REKEYING, True)  # re-keying is never open
    assert not is_open(None, None)


def test_coverage_is_the_open_share_and_none_without_integrations() -> None:
    inventory = Inventory(
        systems=[_system("a"), _system("b"), _system("c"), _system("lonely")],
        integrations=[
            _link("i1", "a", "b", IntegrationKind.REST),
            _link("i2", "a", "c", IntegrationKind.FILE_TRANSFER),
            _link("i3", "c", "a", IntegrationKind.MESSAGING, True),
            _link("i4", "a", "b", IntegrationKind.DATABASE_LINK),
        ],
    )
    found = _by_id(inventory)
    assert found["a"].open_standard_share == 0.5 and found["a"].integrations == 4
    assert found["b"].open_standard_share == 0.5
    assert found["c"].open_standard_share == 0.5
    assert found["lonely"].open_standard_share is None and found["lonely"].silo_risk == 0.0


def test_manual_rekeying_names_its_partners() -> None:
    inventory = Inventory(
        systems=[_system("a"), _system("b")],
        integrations=[_link("i1", "a", "b", IntegrationKind.MANUAL_REKEYING)],
    )
    reason = next(r for r in _by_id(inventory)["a"].reasons if r.code == SiloCode.MANUAL_REKEYING)
    assert reason.params == {"count": 1, "of": 1, "partners": ["B"]}


def test_data_used_by_no_other_system() -> None:
    inventory = Inventory(
        data_objects=[DataObject(id="d1", name="Elevakt"), DataObject(id="d2", name="Adress")],
        systems=[
            _system("a", data_uses=[DataUse(data_object_id="d1"), DataUse(data_object_id="d2")]),
            _system("b", data_uses=[DataUse(data_object_id="d2")]),
        ],
        integrations=[_link("i1", "a", "b", IntegrationKind.REST)],
    )
    found = _by_id(inventory)
    reason = next(r for r in found["a"].reasons if r.code == SiloCode.DATA_UNSHARED)
    assert reason.params == {"objects": ["Elevakt"], "count": 1, "of": 2}
    assert SiloCode.DATA_UNSHARED not in _codes(found["b"])
    assert found["a"].silo_risk == round(0.35 * 1 / 2, 3) and found["b"].silo_risk == 0


def test_only_one_vendors_proprietary_interfaces() -> None:
    inventory = Inventory(
        systems=[_system("a", "Tieto"), _system("b", "Tieto"), _system("c", "CGI")],
        integrations=[
            _link("i1", "a", "b", IntegrationKind.DATABASE_LINK),
            _link("i2", "c", "b", IntegrationKind.FILE_TRANSFER),
        ],
    )
    found = _by_id(inventory)
    assert SiloCode.SINGLE_VENDOR in _codes(found["a"])
    assert SiloCode.SINGLE_VENDOR not in _codes(found["b"])  # it also talks to CGI's system
    assert SiloCode.SINGLE_VENDOR not in _codes(found["c"])


def test_no_exit_format_weighs_less_with_an_open_export() -> None:
    inventory = Inventory(
        systems=[_system("a"), _system("b"), _system("c")],
        integrations=[_link("i1", "b", "c", IntegrationKind.REST)],
        contracts=[
            Contract(id="k1", name="Avtal 1", system_ids=["a", "b"]),
            Contract(id="k2", name="Avtal 2", system_ids=["c"], data_return_format="CSV"),
        ],
    )
    found = _by_id(inventory)
    exit_a = next(r for r in found["a"].reasons if r.code == SiloCode.NO_EXIT_FORMAT)
    exit_b = next(r for r in found["b"].reasons if r.code == SiloCode.NO_EXIT_FORMAT)
    assert exit_a.params == {"contracts": ["Avtal 1"], "open_export": False}
    assert exit_b.params["open_export"] is True
    assert found["a"].silo_risk > found["b"].silo_risk > 0
    assert SiloCode.NO_EXIT_FORMAT not in _codes(found["c"])


def test_isolated_only_when_sharing_a_capability() -> None:
    fit = [CapabilityFit(capability_id="cap")]
    inventory = Inventory(
        systems=[_system("a", capabilities=fit), _system("b", capabilities=fit), _system("c")]
    )
    found = _by_id(inventory)
    assert SiloCode.ISOLATED in _codes(found["a"]) and SiloCode.ISOLATED in _codes(found["b"])
    assert not found["c"].reasons


def test_signs_combine_without_passing_one() -> None:
    assert noisy_or([]) == 0.0
    assert noisy_or([0.5, 0.5]) == 0.75
    assert noisy_or([1.0, 0.3]) == 1.0
    assert 0 < noisy_or([0.2, 0.3, 0.45, 0.35]) < 1


def test_two_way_links_and_unknown_systems() -> None:
    inventory = Inventory(
        systems=[_system("a"), _system("b")],
        integrations=[
            Integration(
                id="i1",
                source_id="a",
                target_id="b",
                direction=Direction.TWO_WAY,
                kind=IntegrationKind.REST,
            ),
            _link("i2", "a", "ghost", IntegrationKind.MANUAL_REKEYING),
        ],
    )
    found = _by_id(inventory)
    assert found["a"].integrations == 1 and found["a"].open_standard_share == 1.0
