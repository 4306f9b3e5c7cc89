"""End to end with the roadmap: the demo organisation, its review and planned roadmap, then
procurement's three slices for the first phase (one failing a rule by its data) and slices
drafted from that phase."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from produktlyft.demo.service import load_demo
from produktlyft.kernel.context import ServiceContext
from produktlyft.procurement.model import Result
from produktlyft.procurement.service import (
    checked_slices,
    draft_slices,
    load_demo_procurement,
)
from produktlyft.review.services.run import review
from produktlyft.roadmap import service as roadmap
from tests.conftest import make_context


def test_the_demo_phase_gets_three_slices_and_drafts(ctx: ServiceContext, tmp_path: Path) -> None:
    ctx = make_context(ctx.database, data_dir=tmp_path / "data")
    load_demo(ctx, 60, 42, tmp_path / "demo")
    truth = json.loads((tmp_path / "demo" / "ground_truth.json").read_text())
    review(ctx, today=date.fromisoformat(truth["reference_date"]))
    roadmap.load_demo_roadmap(ctx, time_limit=2)
    first = roadmap.list_phases(ctx)[0]

    demo = load_demo_procurement(ctx)
    assert demo.phase_id == first.id and demo.created
    results = checked_slices(ctx, first.id)
    assert len(results) == 3 and [c.verdict for c in results].count(Result.FAIL) == 1
    names = {roadmap.get_initiative(ctx, i).name for i in first.initiative_ids}
    assert {c.slice.need for c in results} <= names | {
        "Digital bygglovsansökan",
        "Nytt ärendeflöde",
        "Migrering av arkivet",
    }
    assert all(c.slice.supplier and not c.slice.supplier.startswith("Leverantör") for c in results)

    drafted = draft_slices(ctx, first.id, save=False)
    bought = [
        i
        for i in (roadmap.get_initiative(ctx, x) for x in first.initiative_ids)
        if i.sourcing.value != "internal"
    ]
    assert {s.initiative_id for s in drafted} == {i.id for i in bought}
    assert all(s.phase_id == first.id and s.start >= first.start for s in drafted)

    draft_slices(ctx, first.id)  # saved, and checked with the interoperability check
    covering = [c for c in checked_slices(ctx, first.id) if c.slice.system_ids]
    assert covering
    assert all(any(x.rule == "interfaces.systems" for x in c.checks) for c in covering)
