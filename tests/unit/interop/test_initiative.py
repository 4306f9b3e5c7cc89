"""The silo check of one roadmap initiative."""

from __future__ import annotations

from dataclasses import replace

from produktlyft.interop.analysis.graph import IntegrationGraph, build_graph
from produktlyft.interop.analysis.initiative import initiative_silo_check
from produktlyft.interop.analysis.silo import assess
from produktlyft.interop.model import InitiativeCode
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
    assert reasons == []


def test_a_high_risk_system_left_without_open_interfaces() -> None:
    graph = _graph()
    assert graph.silo_risk["a"] >= 0.3
    codes = [r.code for r in initiative_silo_check(graph, ["a"], None, threshold=0.3)]
    assert InitiativeCode.LEAVES_SILO in codes and InitiativeCode.KEEPS_PROPRIETARY not in codes
    codes = [r.code for r in initiative_silo_check(graph, ["a"], False, threshold=0.3)]
    assert InitiativeCode.LEAVES_SILO in codes and InitiativeCode.KEEPS_PROPRIETARY in codes
    low = [r.code for r in initiative_silo_check(graph, ["a"], None, threshold=1.0)]
    assert InitiativeCode.LEAVES_SILO not in low
