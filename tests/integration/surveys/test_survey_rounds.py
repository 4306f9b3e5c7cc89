"""A survey round from creation to final report, on SQLite and PostgreSQL."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest

from produktlyft.inventory.model import Team, Unit
from produktlyft.inventory.repository import InventoryRepository
from produktlyft.kernel.access import Role
from produktlyft.kernel.context import ServiceContext
from produktlyft.kernel.errors import InvalidInput, NotFound, PermissionDenied
from produktlyft.surveys.exporters.json_report import report_json
from produktlyft.surveys.exporters.links import write_links_csv, write_links_sheet
from produktlyft.surveys.model import (
    AlreadyUsed,
    LinkNotFound,
    NodeKind,
    RoundClosed,
    RoundMode,
    RoundNotOpen,
)
from produktlyft.surveys.repository import SurveyRepository
from produktlyft.surveys.services.answers import open_answer_form, submit_answer
from produktlyft.surveys.services.reports import survey_report
from produktlyft.surveys.services.rounds import add_evidence, close_round, generate_links
from tests.conftest import make_context
from tests.integration.surveys.helpers import (
    TODAY,
    all_fields,
    answer_randomly,
    answer_with,
    at_day,
    new_round,
)


@pytest.fixture
def sctx(ctx: ServiceContext) -> ServiceContext:
    return at_day(ctx, TODAY)


def test_a_round_is_created_answered_closed_and_reported(sctx: ServiceContext) -> None:
    round_id = new_round(sctx).round.id
    answer_randomly(sctx, round_id, "Alpha", 6, seed=1)
    answer_randomly(sctx, round_id, "Beta", 5, seed=2)
    answer_randomly(sctx, round_id, "Gamma", 2, seed=3)
    report = survey_report(sctx, round_id, lang="en")
    org, alpha, beta, gamma = (report.group(n) for n in ("Organisation", "Alpha", "Beta", "Gamma"))
    assert org is not None and org.n == 13 and not org.suppressed
    assert alpha is not None and alpha.n == 6
    westrum = alpha.scales["westrum"]
    assert westrum.n == 6 and westrum.ci_low is not None and westrum.ci_low < westrum.mean
    # Gamma has 2 < k; Beta is hidden too, or org − Alpha − Beta would be Gamma
    assert beta is not None and beta.suppressed and beta.n is None and not beta.scales
    assert gamma is not None and gamma.suppressed and gamma.n is None
    close_round(sctx, round_id)
    final = survey_report(sctx, round_id, lang="en")
    assert [(g.name, g.n) for g in final.groups] == [
        ("Organisation", 13),
        ("Alpha", 6),
        ("Beta", None),
        ("Gamma", None),
    ]
    assert final.groups[0].scales["westrum"].mean == pytest.approx(
        report.groups[0].scales["westrum"].mean
    )


def test_groups_are_listed_in_tree_order_never_by_score(sctx: ServiceContext) -> None:
    round_id = new_round(sctx, teams=("Zeta", "Alpha", "Mu")).round.id
    for team, seed in (("Zeta", 1), ("Alpha", 2), ("Mu", 3)):
        answer_randomly(sctx, round_id, team, 5, seed=seed)
    names = [g.name for g in survey_report(sctx, round_id).groups]
    assert names == ["Organisation", "Alpha", "Mu", "Zeta"]
    assert "rank" not in json.dumps(report_json(survey_report(sctx, round_id)))


def test_a_link_answers_once_and_bad_answers_leave_it_usable(sctx: ServiceContext) -> None:
    round_id = new_round(sctx).round.id
    token = generate_links(sctx, round_id, "Alpha", 1).tokens[0]
    fields = all_fields(sctx, token)
    with pytest.raises(InvalidInput, match=r"westrum\.1"):
        submit_answer(sctx, token, {**dict.fromkeys(fields, "4"), "westrum.1": "9"})
    with pytest.raises(InvalidInput, match="no question was answered"):
        submit_answer(sctx, token, {"submit": "Skicka"})
    receipt = submit_answer(sctx, token, {**dict.fromkeys(fields, "4"), "westrum.2": "skip"})
    assert receipt.answered == len(fields) - 1 and receipt.skipped == 1
    with pytest.raises(AlreadyUsed):
        submit_answer(sctx, token, dict.fromkeys(fields, "5"))
    with pytest.raises(AlreadyUsed):
        open_answer_form(sctx, token)


def test_closed_rounds_refuse_answers(sctx: ServiceContext) -> None:
    created = new_round(sctx, days=3)
    tokens = generate_links(sctx, created.round.id, "Alpha", 2).tokens
    fields = all_fields(sctx, tokens[0])
    at_day(sctx, TODAY + timedelta(days=4))  # past the closing day
    with pytest.raises(RoundClosed):
        submit_answer(sctx, tokens[0], dict.fromkeys(fields, "4"))
    at_day(sctx, TODAY)
    close_round(sctx, created.round.id)
    with pytest.raises(RoundClosed):  # its links are deleted, the round still explains
        submit_answer(sctx, tokens[1], dict.fromkeys(fields, "4"))
    with pytest.raises(RoundClosed):
        generate_links(sctx, created.round.id, "Alpha", 1)


def test_scheduled_rounds_and_unknown_links_refuse(sctx: ServiceContext) -> None:
    created = new_round(sctx)
    token = generate_links(sctx, created.round.id, "Alpha", 1).tokens[0]
    at_day(sctx, TODAY - timedelta(days=1))
    with pytest.raises(RoundNotOpen):
        open_answer_form(sctx, token)
    at_day(sctx, TODAY)
    with pytest.raises(LinkNotFound):
        submit_answer(sctx, created.round.id + "-notatoken", {"westrum.1": "3"})
    with pytest.raises(LinkNotFound):
        open_answer_form(sctx, "nosuchround-abc")
    assert open_answer_form(sctx, "/s/" + token).group == "Alpha"  # a whole path works too


def test_invalid_rounds_are_refused_with_all_reasons(sctx: ServiceContext) -> None:
    with pytest.raises(InvalidInput) as caught:
        new_round(sctx, teams=(), instruments=("westrum", "dimios"), k=2, mode=RoundMode.ROWS)
    text = str(caught.value)
    for words in ("dimios", "team", "below 3", "legal basis"):
        assert words in text


def test_permissions_follow_the_roles(ctx: ServiceContext) -> None:
    at_day(ctx, TODAY)
    viewer = at_day(make_context(ctx.database, Role.VIEWER, "viewer"), TODAY)
    with pytest.raises(PermissionDenied):
        new_round(viewer)
    round_id = new_round(ctx).round.id
    with pytest.raises(PermissionDenied):
        generate_links(viewer, round_id, "Alpha", 3)
    with pytest.raises(PermissionDenied):
        close_round(viewer, round_id)
    token = generate_links(ctx, round_id, "Alpha", 1).tokens[0]
    submit_answer(viewer, token, dict.fromkeys(all_fields(ctx, token), "3"))  # no login needed
    assert survey_report(viewer, round_id).groups[0].suppressed


def test_the_form_speaks_swedish_and_english(sctx: ServiceContext) -> None:
    created = new_round(sctx, instruments=("westrum", "psych-safety", "dora-wellbeing"))
    token = generate_links(sctx, created.round.id, "Alpha", 1).tokens[0]
    swedish = open_answer_form(sctx, token, "sv")
    english = open_answer_form(sctx, token, "en")
    assert swedish.fields == english.fields and len(swedish.fields) == 6 + 7 + 5
    assert swedish.sections[0].questions[1].text == "Nya idéer välkomnas."
    assert english.sections[0].questions[1].text == "New ideas are welcomed."
    assert "ännu inte granskats" in swedish.sections[0].translation_note
    assert english.sections[0].questions[0].skip is not None
    assert swedish.action == f"/s/{token}" and swedish.comment_field is None
    assert [q.reverse_scored for q in english.sections[1].questions].count(True) == 3


def test_the_tree_comes_from_the_inventory(sctx: ServiceContext) -> None:
    with sctx.database.unit_of_work() as uow:
        uow.repo(InventoryRepository).insert(
            "units",
            [
                Unit(id="kommun", name="Exempelstad"),
                Unit(id="soc", name="Socialförvaltningen", parent_id="kommun"),
                Unit(id="utb", name="Utbildningsförvaltningen", parent_id="kommun"),
            ],
        )
        uow.repo(InventoryRepository).insert(
            "teams",
            [
                Team(id="t1", name="Ekonomiskt bistånd", unit_id="soc"),
                Team(id="t2", name="Barn och unga", unit_id="soc"),
                Team(id="t3", name="Skolskjuts", unit_id="utb"),
            ],
        )
    created = new_round(sctx, teams=("t1", "Barn och unga", "Skolskjuts", "Nytt team"))
    tree = [(g.name, g.kind, g.parent_id) for g in created.groups]
    assert tree[0] == ("Exempelstad", NodeKind.ORGANISATION, None)
    assert ("Ekonomiskt bistånd", NodeKind.TEAM, "unit:soc") in tree
    assert ("Socialförvaltningen", NodeKind.UNIT, "org") in tree
    assert ("Nytt team", NodeKind.TEAM, "org") in tree
    assert any("Nytt team" in note for note in created.notes)
    for team, seed in (("t1", 1), ("t2", 2), ("t3", 3)):
        answer_randomly(sctx, created.round.id, team, 5, seed=seed)
    report = survey_report(sctx, created.round.id)
    social = report.group("Socialförvaltningen")
    assert social is not None and social.n == 10 and social.depth == 1


def test_row_mode_keeps_dated_rows_and_shows_comments_only_when_final(sctx: ServiceContext) -> None:
    created = new_round(
        sctx, mode=RoundMode.ROWS, legal_basis="Arbetsmiljöarbete enligt AFS 2001:1, samtycke"
    )
    round_id = created.round.id
    token = generate_links(sctx, round_id, "Alpha", 1).tokens[0]
    assert open_answer_form(sctx, token).comment_field == "comment"
    fields = all_fields(sctx, token)
    alpha_rows = [{**dict.fromkeys(fields, str(v)), "comment": f"alfa {v}"} for v in range(1, 6)]
    beta_rows = [{**dict.fromkeys(fields, str(v)), "comment": f"beta {v}"} for v in range(1, 6)]
    answer_with(sctx, round_id, "Alpha", alpha_rows)
    answer_with(sctx, round_id, "Beta", beta_rows)
    answer_with(sctx, round_id, "Gamma", [{**dict.fromkeys(fields, "4"), "comment": "ensam"}])
    assert survey_report(sctx, round_id).group("Alpha").comments == ()  # type: ignore[union-attr]
    close_round(sctx, round_id)
    final = survey_report(sctx, round_id)
    alpha, beta, gamma = (final.group(n) for n in ("Alpha", "Beta", "Gamma"))
    assert alpha is not None and sorted(alpha.comments) == [f"alfa {v}" for v in range(1, 6)]
    assert beta is not None and beta.suppressed and not beta.comments
    assert gamma is not None and gamma.suppressed and not gamma.comments
    # the organisation's comments include Gamma's, mixed with Beta's: 6 people, not one
    assert len(final.groups[0].comments) == 11
    with sctx.database.reading() as uow:
        rows_kept = uow.repo(SurveyRepository).count_rows(["survey_rows"])["survey_rows"]
    assert rows_kept == 11


def test_comments_are_dropped_in_aggregate_mode(sctx: ServiceContext) -> None:
    round_id = new_round(sctx).round.id
    token = generate_links(sctx, round_id, "Alpha", 1).tokens[0]
    submit_answer(
        sctx, token, {**dict.fromkeys(all_fields(sctx, token), "4"), "comment": "mitt namn är Anna"}
    )
    with sctx.database.reading() as uow:
        assert uow.repo(SurveyRepository).count_rows(["survey_rows"])["survey_rows"] == 0


def test_links_files_carry_no_names(sctx: ServiceContext, tmp_path: Path) -> None:
    created = new_round(sctx)
    batch = generate_links(sctx, created.round.id, "Alpha", 3)
    write_links_csv(tmp_path / "l.csv", "Alpha", batch.paths, "https://enkat.example.se")
    write_links_sheet(
        tmp_path / "l.html",
        created.round.title,
        "Alpha",
        batch.paths,
        "https://enkat.example.se",
        created.round.closes_on,
        "sv",
    )
    lines = (tmp_path / "l.csv").read_text().splitlines()
    assert lines[0] == "team,link" and len(lines) == 4
    assert lines[1] == f"Alpha,https://enkat.example.se{batch.paths[0]}"
    sheet = (tmp_path / "l.html").read_text()
    assert sheet.count("<svg") == 3 and "inte kopplad till ditt namn" in sheet
    with sctx.database.reading() as uow:
        stored = uow.repo(SurveyRepository).count_rows(["survey_links"])["survey_links"]
    assert stored == 3 and all(batch.tokens[0] not in line for line in lines[2:])


def test_the_json_report_has_the_agreed_shape(sctx: ServiceContext) -> None:
    round_id = new_round(sctx, teams=("Alpha", "Beta")).round.id
    answer_randomly(sctx, round_id, "Alpha", 5)
    answer_randomly(sctx, round_id, "Beta", 1)
    document = report_json(survey_report(sctx, round_id))
    groups = {g["group"]: g for g in document["groups"]}
    assert groups["Beta"] == {**groups["Beta"], "n": None, "suppressed": True}
    assert groups["Organisation"]["n"] == 6
    westrum = groups["Organisation"]["scales"]["westrum"]
    assert set(westrum) >= {"mean", "ci_low", "ci_high", "alpha"}
    assert groups["Alpha"]["suppressed"] is True  # org − Alpha would be Beta's one answer


def test_evidence_is_recorded_openly(sctx: ServiceContext) -> None:
    round_id = new_round(sctx, instruments=("service-standard",)).round.id
    evidence = add_evidence(sctx, round_id, "Alpha", 12, "https://github.com/kommun/tjanst")
    assert evidence.added_by == "tester" and evidence.item == "service-standard.12"
    with pytest.raises(InvalidInput):
        add_evidence(sctx, round_id, "Alpha", 15, "https://x.se")
    with pytest.raises(InvalidInput, match="https"):
        add_evidence(sctx, round_id, "Alpha", 1, "javascript:alert(1)")
    with pytest.raises(NotFound):
        add_evidence(sctx, round_id, "Omega", 1, "https://x.se")
