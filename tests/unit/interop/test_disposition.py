"""Each rule of the disposition table, in its order."""

from __future__ import annotations

from datetime import date

import pytest

from produktlyft.interop.analysis.disposition import (
    DispositionFacts,
    choose_keepers,
    facts_of,
    suggest,
    suggest_all,
)
from produktlyft.interop.model import CloudRequirement, Disposition, DispositionCode
from produktlyft.inventory.model import CapabilityFit, LifecycleDates, System
from produktlyft.inventory.vocabularies import (
    Criticality,
    FunctionalFit,
    Hosting,
    Lifecycle,
    TechnicalFit,
)

TODAY = date(2026, 12, 2)


def _facts(
    functional: bool | None = True, technical: bool | None = True, **more: object
) -> DispositionFacts:
    return DispositionFacts(
        system_id=str(more.pop("system_id", "s")),
        functional_high=functional,
        technical_high=technical,
        **more,  # type: ignore[arg-type]  # the test passes the dataclass's own fields
    )


@pytest.mark.parametrize(
    ("facts", "disposition", "code"),
    [
        (
            _facts(lifecycle=Lifecycle.PHASE_OUT),
            Disposition.RETIRE,
            DispositionCode.ALREADY_RETIRING,
        ),
        (_facts(None, True), Disposition.RETAIN, DispositionCode.UNKNOWN_FACTS),
        (_facts(False, False), Disposition.RETIRE, DispositionCode.LOW_VALUE_POOR),
        (_facts(False, False, critical=True), Disposition.REPLACE, DispositionCode.LOW_VALUE_POOR),
        (_facts(True, False), Disposition.REPLATFORM, DispositionCode.HIGH_VALUE_POOR),
        (_facts(True, False, own_code=True), Disposition.REFACTOR, DispositionCode.HIGH_VALUE_POOR),
        (
            _facts(vendor_end_of_life=date(2027, 3, 1), end_of_life_soon=True),
            Disposition.REPLATFORM,
            DispositionCode.END_OF_LIFE_TECH,
        ),
        (_facts(hosting=Hosting.ON_PREMISES), Disposition.REHOST, DispositionCode.ON_PREMISES_GOOD),
        (_facts(False, True), Disposition.RETAIN, DispositionCode.LOW_VALUE_GOOD),
        (_facts(hosting=Hosting.SAAS), Disposition.RETAIN, DispositionCode.GOOD),
    ],
)
def test_each_rule(
    facts: DispositionFacts, disposition: Disposition, code: DispositionCode
) -> None:
    advice = suggest(facts)
    assert (advice.disposition, advice.reason.code) == (disposition, code)


def test_unknown_facts_name_what_is_missing() -> None:
    assert suggest(_facts(None, None)).reason.params == {
        "missing": ["functional_fit", "technical_fit"]
    }


def test_a_system_that_must_stay_on_premises_is_not_rehosted() -> None:
    advice = suggest(_facts(hosting=Hosting.ON_PREMISES), cloud=CloudRequirement.STAY_ON_PREMISES)
    assert advice.disposition is Disposition.RETAIN
    moved = suggest(_facts(hosting=Hosting.ON_PREMISES), cloud=CloudRequirement.EU_EEA_PROVIDER)
    assert moved.reason.params["cloud"] == "eu_eea_provider_without_third_country_access"


def test_duplicates_keep_the_best_and_retire_the_rest() -> None:
    facts = [
        _facts(False, True, system_id="a", users=900),
        _facts(True, True, system_id="b", users=10),
        _facts(True, True, system_id="c", users=50),
    ]
    assert choose_keepers({"k1": ["a", "b", "c"]}, {f.system_id: f for f in facts}) == {"k1": "c"}
    advice = {a.system_id: a for a in suggest_all(facts, {"k1": ["a", "b", "c"]})}
    assert advice["c"].reason.code is not DispositionCode.DUPLICATE_WEAKER
    assert advice["a"].disposition is Disposition.RETIRE
    assert advice["b"].reason.params == {"cluster": "k1", "keeper": "c"}


def test_facts_from_an_inventory_system() -> None:
    system = System(
        id="s",
        name="S",
        capabilities=[
            CapabilityFit(capability_id="c1", fit=FunctionalFit.PERFECT),
            CapabilityFit(capability_id="c2", fit=FunctionalFit.INSUFFICIENT),
        ],
        technical_fit=TechnicalFit.INAPPROPRIATE,
        vendor_dates=LifecycleDates(end_of_life=date(2027, 6, 1)),
        criticality=Criticality.CRITICAL_TO_SOCIETY,
        annual_operating_cost=100.0,
    )
    facts = facts_of(system, TODAY)
    assert facts.functional_high is True and facts.technical_high is False
    assert facts.end_of_life_soon and facts.critical and facts.own_code
    assert facts.annual_cost == 100.0
    assert facts_of(System(id="t", name="T"), TODAY).functional_high is None
