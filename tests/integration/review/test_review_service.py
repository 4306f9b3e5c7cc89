"""The review as a stored use case, on SQLite and PostgreSQL."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from produktlyft.inventory.exporters.json_export import write_json
from produktlyft.inventory.services.imports import import_files
from produktlyft.kernel.access import Role
from produktlyft.kernel.context import ServiceContext
from produktlyft.kernel.errors import InvalidInput, NotFound, PermissionDenied
from produktlyft.review.model import Decision
from produktlyft.review.services.duplicates import decide_duplicate, list_decisions
from produktlyft.review.services.evidence import attach_repo, attach_sbom
from produktlyft.review.services.run import (
    WORKFLOW_PAIN_PROVIDERS,
    latest_review,
    preview_review,
    register_workflow_pain,
    review,
    review_document,
    system_evidence,
)
from produktlyft.review.services.weights import set_weights, show_weights
from tests.conftest import make_context
from tests.review_fixtures import DUPLICATE_PAIRS, REFERENCE_DATE, organisation

FIXTURES = Path(__file__).parents[2] / "fixtures" / "sbom"


@pytest.fixture
def loaded(ctx: ServiceContext, tmp_path: Path) -> ServiceContext:
    path = tmp_path / "org.json"
    write_json(organisation(), path)
    import_files(ctx, [path])
    return make_context(ctx.database, data_dir=tmp_path / "data")


def test_review_is_stored_and_exported_as_json(loaded: ServiceContext) -> None:
    run_id, _ = review(loaded, today=REFERENCE_DATE)
    run = latest_review(loaded)
    assert run.id == run_id and len(run.systems) == 9
    document = json.loads(json.dumps(review_document(run), default=str))
    first = document["systems"][0]
    assert {"id", "name", "rank", "score", "confidence", "reason", "evidence"} <= set(first)
    assert first["id"] == "sys-ekonomi" and first["rank"] == 1
    assert {"source", "date", "value"} <= set(first["evidence"][0])
    pairs = {tuple(sorted((d["a"], d["b"]))) for d in document["duplicates"]}
    assert pairs == {tuple(sorted(p)) for p in DUPLICATE_PAIRS}
    assert {"a", "b", "score", "layers", "reason"} <= set(document["duplicates"][0])


def test_rejected_pair_stays_rejected_across_reruns_and_reimports(
    loaded: ServiceContext, tmp_path: Path
) -> None:
    decide_duplicate(loaded, "sys-bygglov-b", "sys-bygglov-a", Decision.REJECT, "olika syften")
    review(loaded, today=REFERENCE_DATE)
    write_json(organisation(), tmp_path / "again.json")
    import_files(loaded, [tmp_path / "again.json"])  # a re-import
    review(loaded, today=REFERENCE_DATE)  # and a re-run
    run = latest_review(loaded)
    pairs = {(d.system_a, d.system_b) for d in run.duplicates}
    assert ("sys-bygglov-a", "sys-bygglov-b") not in pairs
    assert ("sys-skola-a", "sys-skola-b") in pairs
    assert run.summary.rejected_pairs_skipped == 1
    [decision] = list_decisions(loaded)
    assert (decision.system_a, decision.system_b, decision.note) == (
        "sys-bygglov-a",
        "sys-bygglov-b",
        "olika syften",
    )
    with pytest.raises(NotFound):
        decide_duplicate(loaded, "sys-bygglov-a", "nope", Decision.CONFIRM)


def test_permissions(loaded: ServiceContext) -> None:
    viewer = loaded.as_actor(make_context(loaded.database, Role.VIEWER).actor)
    with pytest.raises(PermissionDenied):
        review(viewer)
    with pytest.raises(NotFound, match="no review has been run"):
        latest_review(viewer)
    review(loaded, today=REFERENCE_DATE)
    assert latest_review(viewer).systems  # reading is allowed
    with pytest.raises(PermissionDenied):
        decide_duplicate(viewer, "sys-skola-a", "sys-skola-b", Decision.CONFIRM)
    with pytest.raises(PermissionDenied):
        set_weights(viewer, {"custom": {"libyear": 2}})
    editor = loaded.as_actor(make_context(loaded.database, Role.EDITOR).actor)
    with pytest.raises(PermissionDenied):
        attach_sbom(editor, "sys-webb", FIXTURES / "fastapi-uvicorn.bom.xml")


def test_sbom_evidence_reaches_the_review(loaded: ServiceContext) -> None:
    evidence = attach_sbom(loaded, "sys-webb", FIXTURES / "fastapi-uvicorn.bom.xml")
    assert evidence.facts["components"] == 15 and evidence.facts["dated"] == 3
    assert Path(str(evidence.stored_path)).is_file()  # a copy is kept
    review(loaded, today=REFERENCE_DATE, profile="danish")
    _, result, attachments, _ = system_evidence(loaded, "sys-webb")
    facts = {e.fact: e for e in result.evidence}
    assert facts["libyear"].source == "SBOM fastapi-uvicorn.bom.xml"
    assert facts["libyear"].value == pytest.approx(evidence.facts["libyear"])
    assert attachments[0].kind == "sbom"
    with pytest.raises(InvalidInput, match="not attached"):
        attach_sbom(loaded, "sys-webb", Path(__file__))
    with pytest.raises(NotFound):
        attach_sbom(loaded, "nope", FIXTURES / "fastapi-uvicorn.bom.xml")


def test_repo_evidence(loaded: ServiceContext) -> None:
    root = Path(__file__).resolve().parents[3]
    evidence = attach_repo(loaded, "sys-lon", str(root))
    assert evidence.facts["commits"] >= 1 and evidence.facts["bus_factor"] >= 1
    review(loaded, today=REFERENCE_DATE)
    _, result, _, _ = system_evidence(loaded, "sys-lon")
    facts = {e.fact: e for e in result.evidence}
    assert not facts["bus_factor"].missing
    assert (facts["bus_factor"].source or "").startswith("git ")


def test_weights_change_the_ranking_and_are_validated(loaded: ServiceContext) -> None:
    review(loaded, today=REFERENCE_DATE)
    before = {s.system_id: s.rank for s in latest_review(loaded).systems}
    set_weights(loaded, {"impact": {"condition": 0.1, "users": 10}})
    assert show_weights(loaded)["impact"]["users"] == 10
    review(loaded, today=REFERENCE_DATE)
    after = {s.system_id: s.rank for s in latest_review(loaded).systems}
    assert after != before and after["sys-skola-a"] == 1  # most users
    with pytest.raises(InvalidInput, match="unknown indicator"):
        set_weights(loaded, {"custom": {"colour": 1}})
    with pytest.raises(InvalidInput, match="not a weight"):
        set_weights(loaded, {"impact": {"cost": -1}})


def test_workflow_pain_provider_is_used(loaded: ServiceContext) -> None:
    def pain(_ctx: ServiceContext) -> dict[str, float]:
        return {"sys-lon": 100.0, "sys-webb": 1.0}

    register_workflow_pain(pain)
    try:
        _, outcome = review(loaded, today=REFERENCE_DATE)
    finally:
        WORKFLOW_PAIN_PROVIDERS.remove(pain)
    lon = next(s for s in outcome.systems if s.system_id == "sys-lon")
    assert "workflow_pain" in lon.factors


def test_preview_with_trial_weights_changes_ranks_without_storing(loaded: ServiceContext) -> None:
    review(loaded, today=REFERENCE_DATE)
    stored = latest_review(loaded)
    preview = preview_review(
        loaded, impact_weights={"condition": 0.1, "users": 10}, today=REFERENCE_DATE
    )
    assert preview.systems[0].system_id == "sys-skola-a"  # most users first
    assert latest_review(loaded).id == stored.id  # nothing stored
    assert show_weights(loaded)["impact"]["users"] == 1.0  # nothing saved
    with pytest.raises(InvalidInput):
        preview_review(loaded, impact_weights={"colour": 1})
