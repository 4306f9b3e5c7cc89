"""Missing facts never read as bad condition (issue 16, "honest numbers").

Tried as a new user would: a system with only a name, a cost and a criticality was ranked 7th
as "stable", "health 1.0 of 10, red", at 4 % profile confidence. Below the floors it is now too
little known to judge: no health, no band, listed after every judged system with what is
missing, and never called stable; missing inputs widen every rank range they could move.
"""

from __future__ import annotations

import numpy as np
import pytest

from produktlyft.inventory.model import Criticality, Inventory, System
from produktlyft.review.analysis.endoflife import EolMatcher
from produktlyft.review.analysis.review import ReviewOutcome, run_review
from produktlyft.review.analysis.scoring import score_profile
from produktlyft.review.importers.endoflife import open_release_source
from produktlyft.review.model import JUDGE_FLOOR, PROFILE_FLOOR, Band
from produktlyft.review.presenter import wording
from produktlyft.review.results import ReasonCode
from tests.review_fixtures import REFERENCE_DATE, organisation

THIN = "sys-thin"


def _with_thin_system() -> Inventory:
    inventory = organisation()
    thin = System(
        id=THIN,
        name="Gamla lönesystemet",
        annual_operating_cost=2_500_000,
        criticality=Criticality.parse("samhällskritisk"),
    )
    return inventory.model_copy(update={"systems": [*inventory.systems, thin]})


@pytest.fixture(scope="module")
def outcome() -> ReviewOutcome:
    inventory = _with_thin_system()
    source = open_release_source(None)
    matcher = EolMatcher(source)
    matches = {
        t.id: matcher.match(t.name, t.version, REFERENCE_DATE) for t in inventory.technologies
    }
    return run_review(inventory, matches, today=REFERENCE_DATE, eol_snapshot=source.snapshot_date)


def test_a_system_known_only_by_name_cost_and_criticality_is_not_judged(
    outcome: ReviewOutcome,
) -> None:
    thin = next(s for s in outcome.systems if s.system_id == THIN)
    assert thin.confidence < JUDGE_FLOOR and not thin.judged
    # no health and no band from the one indicator it has (no technical owner)
    assert thin.health is None and thin.band is Band.UNKNOWN
    assert not thin.stable
    assert thin.reasons is not None
    assert thin.reasons[0].code is ReasonCode.NOT_ASSESSABLE
    assert "technical_fit" in thin.reasons[0].params["missing"]  # type: ignore[operator]
    # what is known is still said; no judgement of its condition is
    codes = [r.code for r in thin.reasons]
    assert ReasonCode.CRIT_SOCIETY in codes and ReasonCode.COST in codes
    assert not {ReasonCode.CONDITION_POOR, ReasonCode.TECH_POOR} & set(codes)
    assert wording.system_reason(thin, "sv", "sv").text.startswith(
        "Gamla lönesystemet är för lite känt för att bedöma: "
    )


def test_every_judged_system_ranks_before_every_unjudged_one(outcome: ReviewOutcome) -> None:
    judged = [s.rank for s in outcome.systems if s.judged]
    unjudged = [s.rank for s in outcome.systems if not s.judged]
    assert judged and unjudged
    assert max(judged) < min(unjudged)
    assert sorted(judged + unjudged) == list(range(1, len(outcome.systems) + 1))


def test_the_summary_counts_the_unjudged_apart_from_the_uncertain(
    outcome: ReviewOutcome,
) -> None:
    systems = outcome.systems
    assert outcome.summary.unjudged_systems == sum(not s.judged for s in systems) >= 1
    assert outcome.summary.unstable_systems == sum(s.judged and not s.stable for s in systems)


def test_missing_inputs_widen_the_rank_range(outcome: ReviewOutcome) -> None:
    # every judged system with a required input missing could take more than one place
    for system in outcome.systems:
        assert system.rank_min <= system.rank <= system.rank_max
    missing_cost = [s for s in outcome.systems if s.judged and s.annual_cost is None]
    for system in missing_cost:
        assert system.rank_max > system.rank_min


def test_a_profile_below_its_floor_states_no_health() -> None:
    from produktlyft.review.analysis.facts import build_fact_base

    inventory = _with_thin_system()
    source = open_release_source(None)
    matcher = EolMatcher(source)
    matches = {
        t.id: matcher.match(t.name, t.version, REFERENCE_DATE) for t in inventory.technologies
    }
    facts = build_fact_base(inventory, matches, today=REFERENCE_DATE, eol_snapshot=REFERENCE_DATE)
    at = facts.system_ids.index(THIN)
    for name in ("custom", "danish"):
        scored = score_profile(facts, name)
        assert scored.confidence[at] < PROFILE_FLOOR
        assert np.isnan(scored.health[at]) and scored.condition[at] is None
        known = scored.confidence >= PROFILE_FLOOR
        assert not np.isnan(scored.health[known]).any()
