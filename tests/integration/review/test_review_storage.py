"""A run is stored and read back through its typed models, on SQLite and PostgreSQL; runs
stored before reasons were codes (the old dict shape) still read, and show their text."""

from __future__ import annotations

import gc
import json
from datetime import UTC, date, datetime
from pathlib import Path

from sqlalchemy import JSON, Text, cast, insert, select

from produktlyft.inventory.exporters.json_export import write_json
from produktlyft.inventory.services.imports import import_files
from produktlyft.kernel.context import ServiceContext
from produktlyft.review.model import Band
from produktlyft.review.presenter.wording import Sentence, duplicate_reason, system_reason
from produktlyft.review.repository import ReviewRepository
from produktlyft.review.results import ReasonCode
from produktlyft.review.services.run import latest_review, review_document, review_with_run
from produktlyft.review.tables import review_duplicates, review_results, review_runs
from tests.conftest import make_context
from tests.review_fixtures import REFERENCE_DATE, organisation

# The keys of `produktlyft review --json`, as they were before the results were typed.
DOCUMENT_KEYS = {
    "format",
    "run",
    "summary",
    "systems",
    "duplicates",
    "capabilities",
    "technologies",
}
RUN_KEYS = {"id", "started_at", "profile", "reference_date", "eol_snapshot", "lang", "weights"}
SUMMARY_KEYS = {
    "systems",
    "data_confidence",
    "annual_cost",
    "duplicate_cost",
    "duplicate_candidates_compared",
    "rejected_pairs_skipped",
    "duplicate_model",
    "duplicate_threshold",
    "duplicate_weights_pairs",
    "duplicate_trees",
    "duplicate_cut",
    "sensitivity_scenarios",
    "unstable_systems",
    "unjudged_systems",
    "bands",
}
SYSTEM_KEYS = {
    "id",
    "name",
    "rank",
    "score",
    "confidence",
    "condition",
    "health",
    "band",
    "reason",
    "rank_range",
    "stable",
    "judged",
    "evidence",
    "profiles",
}
DUPLICATE_KEYS = {
    *("a", "b", "score", "layers", "layer_scores", "reason", "cluster", "confirmed"),
    *("function", "function_words", "product", "against", "survivor"),  # ADR 0023, added
}
CAPABILITY_KEYS = {
    "rank",
    "capability_id",
    "systems",
    "priority",
    "health",
    "red",
    "unknown",
    "cost",
    "worst_system",
    "capability",
}
TECHNOLOGY_KEYS = {
    "id",
    "name",
    "version",
    "status",
    "product",
    "cycle",
    "eol",
    "eos",
    "months_to_eol",
    "eol_passed",
    "risk",
    "systems",
}


def _loaded(ctx: ServiceContext, tmp_path: Path) -> ServiceContext:
    write_json(organisation(), tmp_path / "org.json")
    import_files(ctx, [tmp_path / "org.json"])
    return make_context(ctx.database, data_dir=tmp_path / "data")


def _json(document: object) -> object:
    return json.loads(json.dumps(document, ensure_ascii=False, default=str))


def test_a_run_reads_back_typed_and_exports_the_same_json(
    ctx: ServiceContext, tmp_path: Path
) -> None:
    loaded = _loaded(ctx, tmp_path)
    stored, _ = review_with_run(loaded, lang="en", today=REFERENCE_DATE)
    read = latest_review(loaded)
    assert read.id == stored.id and read.lang == "en"
    assert read.summary == stored.summary and read.details == stored.details
    assert [s.model_dump(exclude={"assessment"}) for s in read.systems] == [
        s.model_dump(exclude={"assessment"}) for s in stored.systems
    ]
    assert read.duplicates == stored.duplicates
    first = read.systems[0]
    assert first.band is Band.RED and first.reasons
    assert first.reasons[0].code is ReasonCode.EOL_PASSED
    assert first.reason.startswith("Raindance runs Python 3.9.18")  # in the run's language
    # the JSON document is the same from memory and from storage (which reads the results
    # without each system's profiles), with the keys it always had
    document = _json(review_document(stored))
    assert isinstance(document, dict) and set(document) == DOCUMENT_KEYS
    assert set(document["run"]) == RUN_KEYS
    assert all(s.pop("profiles") for s in document["systems"])
    again = _json(review_document(read))
    assert isinstance(again, dict) and all(s.pop("profiles") is None for s in again["systems"])
    # SQLite keeps no time zone (as before): the same moment, compared apart
    assert document["run"].pop("started_at")[:26] == again["run"].pop("started_at")[:26]
    assert document == again
    assert set(document["summary"]) == SUMMARY_KEYS
    assert set(document["summary"]["bands"]) == {"red", "amber", "green", "unknown"}
    assert set(document["summary"]["duplicate_cost"]) == {"total", "avoidable"}
    assert all(set(s) | {"profiles"} == SYSTEM_KEYS for s in document["systems"])
    evidence = [e for s in document["systems"] for e in s["evidence"]]
    assert all({"fact", "source", "date", "value", "missing"} <= set(e) for e in evidence)
    assert {frozenset(e) - {"fact", "source", "date", "value", "missing"} for e in evidence} == {
        frozenset(),
        frozenset({"detail"}),
        frozenset({"detail", "detail_date"}),
    }  # details only where there is one, as before
    assert all(set(d) == DUPLICATE_KEYS for d in document["duplicates"])
    assert all(set(c) == CAPABILITY_KEYS for c in document["capabilities"])
    assert all(set(t) == TECHNOLOGY_KEYS for t in document["technologies"])
    # a system's brief, its history and its full result (with the assessment) read typed too
    with loaded.database.reading() as uow:
        brief = uow.repo(ReviewRepository).brief(read.id, ["sys-ekonomi"])["sys-ekonomi"]
        [history] = uow.repo(ReviewRepository).system_history("sys-ekonomi")
        result = uow.repo(ReviewRepository).result(read.id, "sys-ekonomi")
    assert brief.name == "Raindance" and brief.rank == 1 and history.rank == 1
    assert result is not None and result.assessment and "profiles" in result.assessment


def test_a_run_stored_in_the_old_shape_still_reads(ctx: ServiceContext) -> None:
    """A row written as runs were before reasons were codes: no reasons, summary and details
    without some keys and with one unknown to this version."""
    with ctx.database.unit_of_work() as uow:
        connection = uow.connection
        run_id = connection.execute(
            insert(review_runs)
            .values(
                started_at=datetime(2026, 1, 2, 9, 0, tzinfo=UTC),
                actor="tester",
                profile="custom",
                lang="sv",
                reference_date=date(2026, 1, 2),
                eol_snapshot=date(2025, 12, 1),
                weights={"impact": {"cost": 1.5}},
                summary={"systems": 1, "annual_cost": 1000.0, "bands": {"red": 1}, "retired": 3},
                details={
                    "capabilities": [
                        {"rank": 1, "capability_id": "c", "systems": 1, "priority": 7.5}
                    ],
                    "heatmap": [{"capability_id": "c", "band": "red", "systems": 1}],
                },
            )
            .returning(review_runs.c.id)
        ).scalar_one()
        connection.execute(
            insert(review_results).values(
                run_id=run_id,
                system_id="s",
                name="Systemet",
                rank=1,
                score=7.5,
                confidence=0.9,
                condition="red",
                health=2.0,
                band="red",
                reason="Systemet kostar 1\u00a0000 kr per år.",
                evidence=[{"fact": "annual_cost", "source": "inventory", "value": 1000.0}],
                rank_min=1,
                rank_max=1,
                stable=True,
                factors=["cost"],
                annual_cost=1000.0,
            )
        )
        connection.execute(
            insert(review_duplicates).values(
                run_id=run_id,
                system_a="s",
                system_b="t",
                name_a="Systemet",
                name_b="Det andra",
                score=0.8,
                layers=["text"],
                layer_scores={"text": 0.8},
                reason="Systemet och Det andra har liknande namn och beskrivningar (80\u00a0%).",
                cluster=0,
                confirmed=False,
            )
        )
    run = latest_review(ctx)
    assert run.id == run_id and run.summary.systems == 1
    assert run.summary.band_count(Band.RED) == 1 and run.summary.band_count(Band.GREEN) == 0
    assert run.summary.sensitivity_scenarios is None and run.summary.duplicate_cost.total == 0
    assert run.details.technologies == [] and run.details.clusters == []
    assert run.details.capabilities[0].name == "c" and run.details.heatmap[0].band is Band.RED
    [system] = run.systems
    assert system.reasons is None and system.band is Band.RED
    assert system.fact("annual_cost") is not None and system.evidence[0].missing is False
    # read in English, the old run shows its Swedish text, marked as Swedish
    assert system_reason(system, run.lang, "en") == Sentence(system.reason, "sv")
    [pair] = run.duplicates
    assert duplicate_reason(pair, run.lang, "en") == Sentence(pair.reason, "sv")


def test_a_review_holds_the_collector_off_and_gives_it_back(
    ctx: ServiceContext, tmp_path: Path
) -> None:
    """The cyclic collector's full collections took a fifth of a 10,000-system review (the
    review bench): a review runs with it held off, in every step, and leaves it enabled."""
    loaded = _loaded(ctx, tmp_path)
    enabled_in: dict[str, bool] = {}
    assert gc.isenabled()
    review_with_run(
        loaded,
        lang="en",
        today=REFERENCE_DATE,
        progress=lambda step: enabled_in.setdefault(step, gc.isenabled()),
    )
    assert {"loading", "duplicates", "saving"} <= set(enabled_in)
    assert not any(enabled_in.values()), enabled_in
    assert gc.isenabled()


def test_the_json_columns_hold_what_the_records_dump_to(
    ctx: ServiceContext, tmp_path: Path
) -> None:
    """`save_run` hands a result's nested records to the engine's JSON writer without dumping
    them first; what is stored is still exactly each record's JSON dump, column by column
    (an evidence item without a detail has no detail keys), read back raw from the database."""
    loaded = _loaded(ctx, tmp_path)
    stored, _ = review_with_run(loaded, lang="sv", today=REFERENCE_DATE)
    checked = (
        (review_results, ("system_id",), stored.systems),
        (review_duplicates, ("system_a", "system_b"), stored.duplicates),
    )
    with loaded.database.reading() as uow:
        for table, keys, records in checked:
            nested = [c for c in table.c if isinstance(c.type, JSON)]
            rows = uow.connection.execute(
                select(*[table.c[k] for k in keys], *[cast(c, Text) for c in nested]).where(
                    table.c.run_id == stored.id
                )
            ).all()
            dumped = {
                tuple(getattr(r, k) for k in keys): r.model_dump(mode="json") for r in records
            }
            assert len(rows) == len(dumped) == len(records) > 0
            for row in rows:
                expected = dumped[tuple(row[: len(keys)])]
                for column, text in zip(nested, row[len(keys) :], strict=True):
                    assert (None if text is None else json.loads(text)) == expected[column.name]
    evidence = [e for s in stored.systems for e in s.evidence]
    assert any(e.detail is None for e in evidence) and any(e.detail for e in evidence)
