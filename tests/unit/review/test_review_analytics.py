"""Facts, profiles, ranking and duplicates on the small planted organisation."""

from __future__ import annotations

import math

import numpy as np
import pytest

from produktlyft.review.analysis.duplicates import (
    DuplicateSettings,
    SystemFeatures,
    all_pairs,
    build_features,
    find_duplicates,
    precision_recall,
)
from produktlyft.review.analysis.endoflife import EolMatcher
from produktlyft.review.analysis.facts import build_fact_base
from produktlyft.review.analysis.ranking import rank_systems, ranks
from produktlyft.review.analysis.review import ReviewOutcome, duplicate_features, run_review
from produktlyft.review.analysis.scoring import Indicator, normalise, score_profile, weighted_mean
from produktlyft.review.importers.endoflife import open_release_source
from produktlyft.review.presenter.wording import duplicate_sentence, system_sentence
from tests.review_fixtures import DUPLICATE_PAIRS, PAST_EOL, REFERENCE_DATE, organisation


@pytest.fixture(scope="module")
def matches():  # type: ignore[no-untyped-def]
    source = open_release_source(None)
    matcher = EolMatcher(source)
    return {
        t.id: matcher.match(t.name, t.version, REFERENCE_DATE) for t in organisation().technologies
    }


def _review(matches, profile: str = "custom", **kwargs) -> ReviewOutcome:  # type: ignore[no-untyped-def]
    return run_review(
        organisation(),
        matches,
        today=REFERENCE_DATE,
        eol_snapshot=REFERENCE_DATE,
        profile=profile,
        **kwargs,
    )


def test_servicenow_normalisation() -> None:
    values = np.array([0.0, 50.0, 100.0, np.nan])
    up = normalise(values, Indicator("x", lower_is_better=False))
    assert up[:3].tolist() == [1.0, 5.5, 10.0] and math.isnan(up[3])
    down = normalise(values, Indicator("x", lower_is_better=True))
    assert down[:3].tolist() == [10.0, 5.5, 1.0]


def test_missing_inputs_are_left_out_and_lower_confidence() -> None:
    scores = np.array([[10.0, np.nan], [10.0, 1.0], [np.nan, np.nan]])
    mean, confidence = weighted_mean(scores, np.array([1.0, 3.0]))
    assert mean[0] == 10.0 and confidence[0] == 0.25  # never filled in as "good"
    assert mean[1] == pytest.approx((10 + 3) / 4) and confidence[1] == 1.0
    assert math.isnan(mean[2]) and confidence[2] == 0.0


def test_fact_base_marks_missing_and_finds_eol(matches) -> None:  # type: ignore[no-untyped-def]
    facts = build_fact_base(
        organisation(), matches, today=REFERENCE_DATE, eol_snapshot=REFERENCE_DATE
    )
    rows = {r["system_id"]: r for r in facts.frame.to_dicts()}
    assert rows["sys-ekonomi"]["eol_months"] < 0  # Python 3.9 is past end of life
    assert rows["sys-ekonomi"]["eol_unmatched"] == 1  # Windows Server is not in the data
    assert rows["sys-ekonomi"]["lock_in"] == 1.0
    assert rows["sys-ekonomi"]["manual_rekeying"] == 1
    assert rows["sys-okänd"]["annual_cost"] is None  # missing stays missing
    assert rows["sys-arkiv"]["eol_months"] is None
    assert {s for s, r in rows.items() if (r["eol_months"] or 1) <= 0} == PAST_EOL


@pytest.mark.parametrize("profile", ["custom", "time", "moj", "danish"])
def test_every_profile_ranks_the_planted_problem_first(matches, profile: str) -> None:  # type: ignore[no-untyped-def]
    outcome = _review(matches, profile)
    assert len(outcome.systems) == 9  # nobody is dropped
    assert [s.rank for s in outcome.systems] == list(range(1, 10))
    confident = [s for s in outcome.systems if s.confidence >= 0.5]
    assert confident[0].system_id == "sys-ekonomi"
    reason = system_sentence(confident[0].name, confident[0].reasons or [], "en")
    assert "Python 3.9" in reason and "2025-10-31" in reason


def test_time_and_moj_conditions(matches) -> None:  # type: ignore[no-untyped-def]
    time = {s.system_id: s.condition for s in _review(matches, "time").systems}
    assert time["sys-ekonomi"] == "migrate" and time["sys-skola-a"] == "invest"
    assert time["sys-okänd"] is None  # unknown, not "invest"
    moj = {s.system_id: s.condition for s in _review(matches, "moj").systems}
    people, _, atrophy = moj["sys-ekonomi"].split("/")
    assert (people, atrophy) == ("amber", "red")
    assert moj["sys-skola-a"].startswith("green")  # two civil servants


def test_evidence_lists_source_date_and_missing(matches) -> None:  # type: ignore[no-untyped-def]
    systems = {s.system_id: s for s in _review(matches).systems}
    evidence = {e.fact: e for e in systems["sys-ekonomi"].evidence}
    assert (evidence["lifecycle_risk"].source or "").startswith("endoflife.date snapshot")
    assert evidence["lock_in"].detail == "Ekonomisystemavtalet 2015"
    unknown = {e.fact: e for e in systems["sys-okänd"].evidence}
    assert unknown["annual_cost"].missing and unknown["annual_cost"].value is None
    assert systems["sys-okänd"].confidence < 0.5 < systems["sys-ekonomi"].confidence


def test_sensitivity_reports_rank_ranges(matches) -> None:  # type: ignore[no-untyped-def]
    outcome = _review(
        matches, custom_weights={"technical_fit": 3.0, "lifecycle_risk": 3.0, "functional_fit": 2.0}
    )
    assert outcome.summary.sensitivity_scenarios == 11 + 7  # impact ±20 %, custom ±20 %
    for system in outcome.systems:
        assert system.rank_min <= system.rank <= system.rank_max


def test_workflow_pain_extension_point_moves_a_system(matches) -> None:  # type: ignore[no-untyped-def]
    before = {s.system_id: s.rank for s in _review(matches).systems}
    after = {
        s.system_id: s
        for s in _review(matches, workflow_pain={"sys-lon": 50.0, "sys-webb": 0.0}).systems
    }
    assert after["sys-lon"].rank < before["sys-lon"]
    assert "workflow_pain" in after["sys-lon"].factors


def test_ranks_put_unknown_last() -> None:
    assert ranks(np.array([1.0, np.nan, 3.0])).tolist() == [2, 3, 1]


def test_planted_duplicates_found_with_reasons(matches) -> None:  # type: ignore[no-untyped-def]
    outcome = _review(matches)
    found = [(d.system_a, d.system_b) for d in outcome.duplicates]
    assert precision_recall(found, DUPLICATE_PAIRS) == (1.0, 1.0)
    school = next(d for d in outcome.duplicates if d.system_a == "sys-skola-a")
    reason = duplicate_sentence(school.name_a, school.name_b, school.reasons or [], "en")
    assert "Elevadministration" in reason and "capabilities" in school.layers
    assert outcome.summary.duplicate_cost.avoidable == 300_000 + 450_000


def test_rejected_pairs_are_never_suggested_and_confirmed_always(matches) -> None:  # type: ignore[no-untyped-def]
    outcome = _review(
        matches, rejected=[("sys-bygglov-b", "sys-bygglov-a")], confirmed=[("sys-webb", "sys-lon")]
    )
    pairs = {(d.system_a, d.system_b): d for d in outcome.duplicates}
    assert ("sys-bygglov-a", "sys-bygglov-b") not in pairs
    assert pairs[("sys-lon", "sys-webb")].confirmed
    assert outcome.summary.rejected_pairs_skipped == 1


def test_blocking_finds_what_brute_force_finds() -> None:
    features = duplicate_features(organisation())
    settings = DuplicateSettings()
    found = find_duplicates(features, settings)
    blocked = {(d.a, d.b) for d in found.pairs}
    matrices = build_features(features, settings)
    brute = {
        tuple(sorted((features.ids[i], features.ids[j])))
        for i, j in all_pairs(matrices, settings, cut=found.threshold)
    }
    assert blocked == brute


def test_text_layer_matches_swedish_compounds_and_english() -> None:
    features = SystemFeatures(
        ids=["a", "b", "c", "d", "e"],
        texts=[
            "Bygglovshantering",
            "Bygglov hantering",
            "Lönesystem",
            "Case management for permits",
            "Permit case management",
        ],
        capabilities=[[]] * 5,
        data_objects=[[]] * 5,
        partners=[[]] * 5,
    )
    settings = DuplicateSettings(model="layers", layer_weights=(0.0, 0.0, 1.0), layer_threshold=0.5)
    found = {(p.a, p.b) for p in find_duplicates(features, settings).pairs}
    assert found == {("a", "b"), ("d", "e")}


def test_profile_scoring_rejects_unknown_profile(matches) -> None:  # type: ignore[no-untyped-def]
    facts = build_fact_base(
        organisation(), matches, today=REFERENCE_DATE, eol_snapshot=REFERENCE_DATE
    )
    with pytest.raises(ValueError, match="unknown profile"):
        score_profile(facts, "nope")
    assert rank_systems(facts, score_profile(facts, "custom")).scenarios == 11
