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
