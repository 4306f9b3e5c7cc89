from __future__ import annotations

import json
from pathlib import Path

from produktlyft.demo.service import load_demo
from produktlyft.inventory.services.summary import summarise_inventory
from produktlyft.kernel.context import ServiceContext


def test_demo_loads_and_reloads_unchanged(ctx: ServiceContext, tmp_path: Path) -> None:
    first = load_demo(ctx, 60, 3, tmp_path)
    assert first.report.counts["systems"].created == 60
    truth = json.loads(first.ground_truth_path.read_text())
    assert truth["systems"] == 60 and truth["duplicate_pairs"]
    assert first.workbook_path is not None and first.workbook_path.exists()
    second = load_demo(ctx, 60, 3, tmp_path)
    assert second.report.changed == 0
    summary = summarise_inventory(ctx)
    assert summary.counts["systems"] == 60
    assert summary.quality.systems == 60 and 0 < summary.quality.completeness < 1
    assert summary.annual_cost > 0
