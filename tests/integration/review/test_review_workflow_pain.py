"""A normal review run takes workflow pain from the stored event logs: a system mapped to a
painful activity rises in the ranking, and its reason says why."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest

from produktlyft.inventory.exporters.json_export import write_json
from produktlyft.inventory.services.imports import import_files
from produktlyft.kernel.context import ServiceContext
from produktlyft.review.services.run import latest_review, review
from produktlyft.workflows.services.analysis import workflow_pain_by_system
from produktlyft.workflows.services.logs import ImportOptions, import_event_log, map_activity
from tests.conftest import make_context
from tests.review_fixtures import REFERENCE_DATE, organisation

BYGGR = "sys-bygglov-a"  # ByggR, the case-handling system: fourth on its facts alone


@pytest.fixture
def loaded(ctx: ServiceContext, tmp_path: Path) -> ServiceContext:
    path = tmp_path / "org.json"
    write_json(organisation(), path)
    import_files(ctx, [path])
    return make_context(ctx.database, data_dir=tmp_path / "data")


def _painful_log(path: Path) -> Path:
    """60 permit cases over a year; four in ten are sent back for more documents and wait
    about two weeks before review starts again."""
    lines = ["case;activity;time"]
    start = datetime(2025, 1, 6, 9, 0)
    for number in range(60):
        at = start + timedelta(days=6 * number)
        steps = [("Ansökan inkommer", 0.0), ("Granskning", 1.0)]
        if number % 5 in (0, 2):
            steps += [
                ("Komplettering begärs", 0.2),
                ("Komplettering inkommer", 14.0 + number % 3),
                ("Granskning", 0.5),
            ]
        steps.append(("Beslut", 2.0))
        for activity, days in steps:
            at += timedelta(days=days)
            lines.append(f"B{number:03d};{activity};{at:%Y-%m-%d %H:%M}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _ranked(ctx: ServiceContext) -> dict[str, tuple[int, str]]:
    review(ctx, today=REFERENCE_DATE, lang="en")
    return {s.system_id: (s.rank, s.reason) for s in latest_review(ctx).systems}


def test_a_system_behind_a_painful_activity_rises_and_says_why(
    loaded: ServiceContext, tmp_path: Path
) -> None:
    import_event_log(loaded, _painful_log(tmp_path / "bygglov.csv"), ImportOptions(name="bygglov"))
    before = _ranked(loaded)  # a log is stored, but no activity is mapped to a system yet
    assert "workflow" not in before[BYGGR][1]
    map_activity(loaded, "Komplettering inkommer", BYGGR)
    map_activity(loaded, "Komplettering begärs", BYGGR)
    assert workflow_pain_by_system(loaded)[BYGGR] > 0
    after = _ranked(loaded)
    assert after[BYGGR][0] < before[BYGGR][0]
    assert "waits and rework in the workflows it supports" in after[BYGGR][1]


def test_systems_without_workflows_keep_their_confidence(
    loaded: ServiceContext, tmp_path: Path
) -> None:
    review(loaded, today=REFERENCE_DATE)
    before = {s.system_id: s.confidence for s in latest_review(loaded).systems}
    import_event_log(loaded, _painful_log(tmp_path / "bygglov.csv"), ImportOptions(name="bygglov"))
    map_activity(loaded, "Komplettering inkommer", BYGGR)
    review(loaded, today=REFERENCE_DATE)
    after = {s.system_id: s.confidence for s in latest_review(loaded).systems}
    assert {k: v for k, v in after.items() if k != BYGGR} == {
        k: v for k, v in before.items() if k != BYGGR
    }
