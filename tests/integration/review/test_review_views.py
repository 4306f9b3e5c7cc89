"""What the review's pages read, on SQLite and PostgreSQL: the ranking queried in SQL, one
system's stored assessment, the duplicates with decisions, background runs and the report
kept for downloads."""

from __future__ import annotations

import json
import time
from datetime import timedelta
from pathlib import Path

import pytest

from produktlyft.bootstrap import report
from produktlyft.inventory.exporters.json_export import write_json
from produktlyft.inventory.services.imports import import_files
from produktlyft.kernel.access import Role
from produktlyft.kernel.context import ServiceContext
from produktlyft.kernel.errors import PermissionDenied, ProduktlyftError
from produktlyft.review.model import Band, Decision
from produktlyft.review.presenter import charts
from produktlyft.review.queries import RankingQuery, RankingSort
from produktlyft.review.services.duplicates import decide_duplicate
from produktlyft.review.services.jobs import review_job, start_review
from produktlyft.review.services.run import latest_review, review
from produktlyft.review.services.views import (
    duplicates,
    evidence_of,
    heatmap,
    preview_weights,
    ranking,
    report_version,
    review_overview,
)
from tests.conftest import make_context
from tests.review_fixtures import REFERENCE_DATE, organisation


@pytest.fixture
def loaded(ctx: ServiceContext, tmp_path: Path) -> ServiceContext:
    write_json(organisation(), tmp_path / "org.json")
    import_files(ctx, [tmp_path / "org.json"])
    reviewed = make_context(ctx.database, data_dir=tmp_path / "data")
    review(reviewed, today=REFERENCE_DATE)
    return reviewed


def test_ranking_is_filtered_sorted_and_paged_in_sql(loaded: ServiceContext) -> None:
    run = latest_review(loaded)
    _, everything = ranking(loaded, RankingQuery())
    assert [r.system_id for r in everything.items] == [s.system_id for s in run.systems]
    _, page = ranking(loaded, RankingQuery(per_page=4, page=2))
    assert page.total == 9 and page.pages == 3
    assert [r.rank for r in page.items] == [5, 6, 7, 8]
    _, by_cost = ranking(loaded, RankingQuery(sort=RankingSort.COST, descending=True))
    costs = [r.annual_cost for r in by_cost.items if r.annual_cost is not None]
    assert costs == sorted(costs, reverse=True) and by_cost.items[-1].annual_cost is None
    _, red = ranking(loaded, RankingQuery(band=Band.RED))
    assert {r.system_id for r in red.items} == {
        s.system_id for s in run.systems if s.band is Band.RED
    }
    _, found = ranking(loaded, RankingQuery(text="RAINDANCE"))
    assert [r.system_id for r in found.items] == ["sys-ekonomi"]
    _, literal = ranking(loaded, RankingQuery(text="100%_"))  # LIKE wildcards are literal
    assert literal.total == 0
    _, unsure = ranking(loaded, RankingQuery(max_confidence=0.5, stable=True))
    assert all(r.confidence < 0.5 and r.stable for r in unsure.items)
    _, spread = ranking(loaded, RankingQuery(sort=RankingSort.SPREAD, descending=True))
    widths = [r.rank_max - r.rank_min for r in spread.items]
    assert widths == sorted(widths, reverse=True)


def test_one_systems_evidence_reads_one_row(loaded: ServiceContext) -> None:
    view = evidence_of(loaded, "sys-bygglov-a")
    assert view.result.system_id == "sys-bygglov-a" and view.run.systems == []
    assert {"time", "moj", "danish", "custom"} == set(view.profiles or {})
    used = {i.fact for i in view.facts if i.fact in view.used}
    assert used == {e.fact for e in view.result.evidence}
    assert len(view.facts) > len(used)  # every fact, not only those this profile read
    assert [h.rank for h in view.history] == [view.result.rank]
    # the run read for reports leaves the assessments out
    assert latest_review(loaded).systems[0].assessment is None


def test_duplicates_carry_their_decisions_and_costs(loaded: ServiceContext) -> None:
    decide_duplicate(loaded, "sys-skola-a", "sys-skola-b", Decision.CONFIRM, "samma")
    decide_duplicate(loaded, "sys-lon", "sys-webb", Decision.REJECT)  # never suggested
    view = duplicates(loaded)
    assert view is not None and view.pairs == 2 and view.clusters.total == 2
    first, second = view.clusters.items
    assert first.cost >= second.cost
    skola = next(c for c in view.clusters.items if "sys-skola-a" in [m[0] for m in c.members])
    assert skola.cost == 1_650_000 and skola.freed == 450_000
    assert skola.pairs[0].decision is not None and skola.pairs[0].decision.note == "samma"
    names = {(a, b) for _, a, b in view.decisions}
    assert names == {("Elevregistret", "Elevadministrationen"), ("Personec", "Sitevision")}
    chart = charts.group_cost_chart([(g.name, g.cost) for g in view.dearest], "sv")
    assert chart is not None and "<svg" in chart.svg
    assert view.cost.total + view.cost.avoidable > 0


def test_overview_and_heatmap_come_from_the_latest_run(loaded: ServiceContext) -> None:
    overview = review_overview(loaded)
    assert overview is not None and overview.run.id == latest_review(loaded).id
    assert [o.key for o in overview.data.obstacles][:1] == ["unsupported_technology"]
    assert overview.data.run.systems == []  # not kept: the story needs none of it
    decide_duplicate(loaded, "sys-skola-a", "sys-skola-b", Decision.REJECT)
    assert review_overview(loaded).rejected == 1  # decisions show at once
    view = heatmap(loaded)
    assert view is not None and charts.capability_grid(view.rows, "sv") is not None
    assert sum(sum(r.counts.values()) for r in view.rows) == sum(
        c.systems for c in latest_review(loaded).details.heatmap
    )


def test_reading_needs_a_role(loaded: ServiceContext) -> None:
    nobody = loaded.as_actor(make_context(loaded.database, Role.VIEWER).actor)
    assert ranking(nobody, RankingQuery())[1].total == 9
    outsider = make_context(loaded.database)
    outsider = outsider.as_actor(type(outsider.actor)("x", None))
    for call in (
        lambda: ranking(outsider, RankingQuery()),
        lambda: heatmap(outsider),
        lambda: evidence_of(outsider, "sys-lon"),
        lambda: report_version(outsider),
    ):
        with pytest.raises(PermissionDenied):
            call()
    with pytest.raises(PermissionDenied):
        preview_weights(nobody, {}, {})  # trying weights is analysis
    with pytest.raises(PermissionDenied):
        start_review(nobody)


def test_a_background_run_reports_progress_and_is_joined(loaded: ServiceContext) -> None:
    before = latest_review(loaded, with_results=False).id
    job = start_review(loaded, "danish", "en")
    again = start_review(loaded, "custom")  # joins the running one
    assert again.started_at == job.started_at and again.profile == "danish"
    deadline = time.monotonic() + 60
    while (status := review_job(loaded)) is not None and status.running:
        assert time.monotonic() < deadline
        time.sleep(0.1)
    assert status is not None and status.state == "done" and status.run_id == before + 1
    assert status.done[-1] == "saving"
    run = latest_review(loaded, with_results=False)
    assert run.profile == "danish" and run.lang == "en"
    with pytest.raises(ProduktlyftError):
        start_review(loaded, "nope")


def test_a_run_whose_process_died_shows_as_interrupted(loaded: ServiceContext) -> None:
    path = loaded.settings.resolved_data_dir() / "review-run.json"
    old = (loaded.now() - timedelta(hours=1)).isoformat()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        json.dumps(
            {
                "state": "running",
                "profile": "custom",
                "lang": "sv",
                "actor": "x",
                "started_at": old,
                "updated_at": old,
                "step": "facts",
                "done": ["loading"],
            }
        ),
        encoding="utf-8",
    )
    status = review_job(loaded)
    assert status is not None and status.state == "failed" and status.error == "interrupted"
    fresh = start_review(loaded)  # may be started again
    assert fresh.started_at > status.started_at
    deadline = time.monotonic() + 60
    while (status := review_job(loaded)) is not None and status.running:
        assert time.monotonic() < deadline
        time.sleep(0.1)


def test_report_is_made_once_per_run_and_inventory_state(loaded: ServiceContext) -> None:
    first = report().for_download(loaded, lang="sv", fmt="html")
    folder = loaded.settings.resolved_data_dir() / "reports"
    [kept] = list(folder.iterdir())
    kept.write_bytes(b"kept copy")  # served again while nothing changed
    assert report().for_download(loaded, lang="sv", fmt="html") == b"kept copy"
    review(loaded, today=REFERENCE_DATE)  # a new run makes a new report
    assert report().for_download(loaded, lang="sv", fmt="html") != b"kept copy"
    assert b"Genomlysning" in first
