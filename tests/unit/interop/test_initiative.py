"""The silo check of one roadmap initiative."""

from __future__ import annotations

from dataclasses import replace

from produktlyft.interop.analysis.graph import IntegrationGraph, build_graph
from produktlyft.interop.analysis.initiative import initiative_silo_check
from produktlyft.interop.analysis.silo import assess
from produktlyft.interop.model import INITIATIVE_EVIDENCE, InitiativeCode, TargetInterfaces
from produktlyft.inventory.model import Integration, Inventory, System
from produktlyft.inventory.vocabularies import Direction, IntegrationKind


def _graph() -> IntegrationGraph:
    systems = [System(id=s, name=s.upper()) for s in ("a", "b", "c", "d")]
    integrations = [
        Integration(id="1", source_id="b", target_id="a", kind=IntegrationKind.REST),
        Integration(id="2", source_id="a", target_id="c", kind=IntegrationKind.MANUAL_REKEYING),
        Integration(
            id="3",
            source_id="a",
            target_id="d",
            kind=IntegrationKind.FILE_TRANSFER,
            direction=Direction.TWO_WAY,
        ),
        Integration(id="4", source_id="c", target_id="d", kind=IntegrationKind.REST),
    ]
    graph = build_graph(Inventory(systems=systems, integrations=integrations))
    found = assess(graph)
    return replace(
        graph,
        silo_risk={s.id: s.silo_risk for s in found},
        open_share={s.id: s.open_standard_share for s in found},
    )


def test_integrations_to_systems_outside_the_initiative_are_named() -> None:
    reasons = initiative_silo_check(_graph(), ["a"], True)
    incoming = next(r for r in reasons if r.code == InitiativeCode.BREAKS_INCOMING)
    outgoing = next(r for r in reasons if r.code == InitiativeCode.BREAKS_OUTGOING)
    assert incoming.params["others"] == ["b", "d"] and incoming.params["open"] == 1
    assert outgoing.params["others"] == ["c", "d"]
    assert not {InitiativeCode.LEAVES_SILO, InitiativeCode.KEEPS_PROPRIETARY} & {
        r.code for r in reasons
    }


def test_systems_inside_the_initiative_do_not_count() -> None:
    reasons = initiative_silo_check(_graph(), ["a", "b", "c", "d"], True)
    assert [r for r in reasons if r.code not in INITIATIVE_EVIDENCE] == []


def test_a_high_risk_system_left_without_open_interfaces() -> None:
    graph = _graph()
    assert graph.silo_risk["a"] >= 0.3
    codes = [r.code for r in initiative_silo_check(graph, ["a"], None, threshold=0.3)]
    assert InitiativeCode.LEAVES_SILO in codes and InitiativeCode.KEEPS_PROPRIETARY not in codes
    codes = [r.code for r in initiative_silo_check(graph, ["a"], False, threshold=0.3)]
    # False is the older "drops": b reaches a over REST, so the plan creates a silo
    assert InitiativeCode.LEAVES_SILO in codes and InitiativeCode.CREATES_SILO in codes
    low = [r.code for r in initiative_silo_check(graph, ["a"], None, threshold=1.0)]
    assert InitiativeCode.LEAVES_SILO not in low


# --- what the target is stated to do to open interfaces ---------------------------------------
def _codes(target: TargetInterfaces, systems: list[str], **kw: float) -> list[str]:
    return [r.code for r in initiative_silo_check(_graph(), systems, target, **kw)]


def test_a_target_that_drops_open_interfaces_others_use_creates_a_silo() -> None:
    reasons = initiative_silo_check(_graph(), ["a"], TargetInterfaces.DROPS, threshold=1.0)
    created = [r for r in reasons if r.code == InitiativeCode.CREATES_SILO]
    # b -> a over REST is open; c (manual) and d (file transfer) are not
    assert [r.params for r in created] == [{"system": "a", "others": ["b"], "count": 1, "open": 1}]
    assert InitiativeCode.KEEPS_PROPRIETARY not in [r.code for r in reasons]
    assert not set(_codes(TargetInterfaces.DROPS, ["a"])) & INITIATIVE_EVIDENCE


def test_dropping_where_no_outside_system_uses_an_open_interface_keeps_it_proprietary() -> None:
    # c's only open partner is d; with d inside the initiative nothing open is lost outside
    codes = _codes(TargetInterfaces.DROPS, ["c", "d"], threshold=1.0)
    assert InitiativeCode.CREATES_SILO not in codes
    assert InitiativeCode.KEEPS_PROPRIETARY in codes


def test_keeping_or_not_stating_leaves_a_silo_but_creates_none() -> None:
    for target in (TargetInterfaces.KEEPS, TargetInterfaces.NOT_STATED):
        reasons = initiative_silo_check(_graph(), ["a"], target, threshold=0.3)
        codes = [r.code for r in reasons]
        assert InitiativeCode.LEAVES_SILO in codes
        assert not {InitiativeCode.CREATES_SILO, InitiativeCode.KEEPS_PROPRIETARY} & set(codes)
        assert not set(codes) & INITIATIVE_EVIDENCE
        left = next(r for r in reasons if r.code == InitiativeCode.LEAVES_SILO)
        assert left.params["target"] == target.value
    # below the threshold nothing is left behind
    assert InitiativeCode.LEAVES_SILO not in _codes(TargetInterfaces.KEEPS, ["a"], threshold=1.0)


def test_improving_counts_as_evidence_and_clears_the_silo_warnings() -> None:
    reasons = initiative_silo_check(
        _graph(), ["a"], TargetInterfaces.IMPROVES, standards="FHIR, OpenAPI", threshold=0.3
    )
    codes = [r.code for r in reasons]
    assert not {
        InitiativeCode.LEAVES_SILO,
        InitiativeCode.CREATES_SILO,
        InitiativeCode.KEEPS_PROPRIETARY,
    } & set(codes)
    reduced = next(r for r in reasons if r.code == InitiativeCode.REDUCES_SILO)
    assert reduced.params["system"] == "a" and reduced.params["standards"] == "FHIR, OpenAPI"
    assert reduced.params["risk"] == _graph().silo_risk["a"] > 0


def test_the_older_true_false_none_mean_improves_drops_not_stated() -> None:
    graph = _graph()
    for old, new in (
        (True, TargetInterfaces.IMPROVES),
        (False, TargetInterfaces.DROPS),
        (None, TargetInterfaces.NOT_STATED),
    ):
        assert initiative_silo_check(graph, ["a"], old, threshold=0.3) == initiative_silo_check(
            graph, ["a"], new, threshold=0.3
        )
