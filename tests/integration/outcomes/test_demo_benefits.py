"""The demo: its business case's benefits are followed up on /outcomes/benefits, and the one
bound to the building-permit service's digital take-up has arrived (the demo's KPIs rise
after the pilot), so the report section and the wins show a realised benefit."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from produktlyft.business_case.service import load_demo_business_case
from produktlyft.demo.service import load_demo
from produktlyft.kernel.db import Database
from produktlyft.kernel.report.sections import ReportContext
from produktlyft.outcomes.model import BenefitState
from produktlyft.outcomes.report import outcomes as outcomes_section
from produktlyft.outcomes.service import benefit_follow_up, load_demo_outcomes
from produktlyft.review.services.run import review
from produktlyft.roadmap.service import propose_initiatives
from produktlyft.wins.model import Source
from produktlyft.wins.service import draft_from_benefits
from tests.conftest import make_context


def test_the_demo_business_case_has_a_benefit_that_arrived(
    sqlite_database: Database, tmp_path: Path
) -> None:
    ctx = make_context(sqlite_database, data_dir=tmp_path / "data")
    load_demo(ctx, 60, 42, tmp_path / "demo", workflows=True, culture=True)
    truth = json.loads((tmp_path / "demo" / "ground_truth.json").read_text())
    review(ctx, today=date.fromisoformat(truth["reference_date"]))
    propose_initiatives(ctx)
    case = load_demo_business_case(ctx, lang="en")
    assert case is not None and any(b.metric for b in case.benefits)
    assert load_demo_business_case(ctx, lang="en") == case  # idempotent
    load_demo_outcomes(ctx, seed=42)

    follow_ups = benefit_follow_up(ctx)
    assert len(follow_ups) == len(case.benefits)
    arrived = [f for f in follow_ups if f.state is BenefitState.ARRIVED]
    assert [f.metric for f in arrived] == ["kpi:bygglov:digital_take_up"]
    assert arrived[0].owner and arrived[0].current is not None and arrived[0].current >= 0.6
    section = outcomes_section(ReportContext("en", ctx))
    assert section is not None and any("arrived" in p for p in section.paragraphs)
    (win,) = draft_from_benefits(ctx, "en")
    assert win.source is Source.BENEFIT and win.team == case.name
