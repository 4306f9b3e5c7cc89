"""The roadmap's pages: read for everyone signed in, forms with CSRF for editors, planning for
analysts, the plan page's charts with their tables, and what-if side by side."""

from __future__ import annotations

import html
from collections.abc import Callable
from datetime import date

import pytest
from fastapi.testclient import TestClient
from httpx import Response

from produktlyft.interop.model import TargetInterfaces
from produktlyft.kernel.access import Role
from produktlyft.kernel.context import ServiceContext
from produktlyft.kernel.db import Database
from produktlyft.roadmap import presenter, service
from produktlyft.roadmap.model import Initiative, InitiativeKind, PlanningTeam, RoadmapSettings
from tests.conftest import make_context
from tests.web.conftest import csrf_of

Client = Callable[[Role | None], TestClient]


@pytest.fixture
def seeded(web_database: Database) -> Database:
    ctx = make_context(web_database)
    service.set_teams(
        ctx, [PlanningTeam(id="team-a", name="Team A"), PlanningTeam(id="team-b", name="Team B")]
    )
    service.set_settings(ctx, RoadmapSettings(plan_start=date(2027, 1, 4)))
    for key, weeks, cod in (("one", 4, 1000.0), ("two", 3, 9000.0), ("three", 2, 50.0)):
        service.create_initiative(
            ctx,
            Initiative(
                id=key,
                name=f"Initiative {key}",
                kind=InitiativeKind.UPGRADE,
                effort_weeks=weeks,
                teams=["team-a"],
                cost_sek=100_000,
                cost_of_delay_sek_per_week=cod,
                system_ids=["sys-00001", "sys-00002"] if key == "one" else [],
            ),
        )
    return web_database


def _form(client: TestClient, path: str, data: dict[str, str], page: str) -> object:
    return client.post(
        path, data={**data, "csrf_token": csrf_of(client, page)}, follow_redirects=False
    )


def test_viewers_see_the_roadmap_but_no_forms(seeded: Database, client_for: Client) -> None:
    viewer = client_for(Role.VIEWER)
    page = viewer.get("/roadmap")
    assert page.status_code == 200 and "Initiative two" in page.text
    assert "/roadmap/initiatives/new" not in page.text and 'action="/roadmap/plan"' not in page.text
    assert viewer.get("/roadmap/initiatives/one").status_code == 200
    assert viewer.get("/roadmap/initiatives/new").status_code == 403
    token = csrf_of(viewer, "/roadmap")
    refused = viewer.post("/roadmap/initiatives/one/delete", data={"csrf_token": token})
    assert refused.status_code == 403
    assert client_for(None).get("/roadmap", follow_redirects=False).status_code in (302, 303, 401)


def test_editors_add_edit_and_delete_with_clear_messages(
    seeded: Database, client_for: Client
) -> None:
    editor = client_for(Role.EDITOR)
    fields = {
        "id": "four",
        "name": "Fourth",
        "kind": "retire",
        "effort_weeks": "-2",
        "sourcing": "either",
    }
    bad = editor.post(
        "/roadmap/initiatives/new",
        data={**fields, "csrf_token": csrf_of(editor, "/roadmap/initiatives/new")},
    )
    assert (
        bad.status_code == 422 and "effort_weeks" in bad.text and 'aria-invalid="true"' in bad.text
    )
    fields["effort_weeks"] = "2"
    fields["dependencies"] = "one+1"
    made = editor.post(
        "/roadmap/initiatives/new",
        data={**fields, "csrf_token": csrf_of(editor, "/roadmap/initiatives/new")},
        follow_redirects=False,
    )
    assert made.status_code == 303
    loop = editor.post(
        "/roadmap/initiatives/one",
        data={
            "name": "Initiative one",
            "kind": "upgrade",
            "effort_weeks": "4",
            "sourcing": "either",
            "teams": "team-a",
            "dependencies": "four",
            "row_version": "1",
            "csrf_token": csrf_of(editor, "/roadmap/initiatives/one"),
        },
    )
    assert loop.status_code == 422
    assert "one → four → one" in loop.text or "four → one → four" in loop.text
    deleted = editor.post(
        "/roadmap/initiatives/four/delete",
        data={"csrf_token": csrf_of(editor, "/roadmap/initiatives/four")},
        follow_redirects=False,
    )
    assert deleted.status_code == 303
    assert "Fourth" not in editor.get("/roadmap").text
    assert (
        editor.post("/roadmap/plan", data={"csrf_token": csrf_of(editor, "/roadmap")}).status_code
        == 403
    )


def test_a_plan_with_charts_tables_and_what_if(seeded: Database, client_for: Client) -> None:
    analyst = client_for(Role.ANALYST)
    assert "Ingen plan har tagits fram ännu" in analyst.get("/roadmap/plan").text
    made = analyst.post(
        "/roadmap/plan",
        data={"objective": "cost-of-delay", "csrf_token": csrf_of(analyst, "/roadmap")},
        follow_redirects=False,
    )
    assert made.status_code == 303
    analyst.get("/language/en")
    page = analyst.get("/roadmap/plan").text
    assert page.count("<svg") >= 3 and "Why here" in page and "WSJF order" in page
    assert "optimal (proven)" in page or "feasible, not proven optimal" in page
    compared = analyst.post(
        "/roadmap/what-if",
        data={
            "add_team": "Extra",
            "add_team_capacity": "1",
            "csrf_token": csrf_of(analyst, "/roadmap/plan"),
        },
    )
    assert compared.status_code == 200 and "With the changes" in compared.text
    wrong = analyst.post(
        "/roadmap/what-if",
        data={
            "pin_initiative": "one",
            "pin_quarter": "Q9",
            "csrf_token": csrf_of(analyst, "/roadmap/plan"),
        },
    )
    assert wrong.status_code == 400 and "2027-Q2" in wrong.text
    analyst.get("/language/sv")
    swedish = analyst.get("/roadmap/plan").text
    assert "Varför här" in swedish and "Förseningskostnad" in swedish


def test_an_initiative_shows_what_its_systems_need(seeded: Database, client_for: Client) -> None:
    viewer = client_for(Role.VIEWER)
    viewer.get("/language/en")
    page = viewer.get("/roadmap/initiatives/one").text
    assert "A cloud move would require" in page and "Suggested disposition" in page
    assert page.count("<tr>") >= 3  # a header and the two systems


def test_analysts_set_capacity_budgets_and_settings(seeded: Database, client_for: Client) -> None:
    analyst = client_for(Role.ANALYST)
    page = analyst.get("/roadmap").text
    assert 'action="/roadmap/settings"' in page
    teams = [t.id for t in service.list_planning_teams(make_context(seeded))]
    form = {f"capacity-{n}": "1" for n in range(len(teams))}
    form[f"capacity-{teams.index('team-b')}"] = "3"
    bad = analyst.post(
        "/roadmap/settings",
        data={
            **form,
            "budget_rows": "1",
            "year-0": "2027",
            "limit-0": "minus",
            "csrf_token": csrf_of(analyst, "/roadmap"),
        },
    )
    assert bad.status_code == 400 and "minus" in bad.text
    saved = analyst.post(
        "/roadmap/settings",
        data={
            **form,
            "budget_rows": "1",
            "year-0": "2027",
            "limit-0": "2 500 000",
            "plan_start": "2027-02-01",
            "citizen_day_sek": "750",
            "csrf_token": csrf_of(analyst, "/roadmap"),
        },
        follow_redirects=False,
    )
    assert saved.status_code == 303
    ctx = make_context(seeded)
    assert {t.id: t.capacity_per_week for t in service.list_planning_teams(ctx)}["team-b"] == 3
    assert service.list_budgets(ctx)[0].limit_sek == 2_500_000
    assert service.roadmap_settings(ctx).citizen_day_sek == 750
    editor = client_for(Role.EDITOR)
    assert 'action="/roadmap/settings"' not in editor.get("/roadmap").text


def _edit_one(editor: TestClient, ctx: ServiceContext, **changes: str) -> Response:
    return editor.post(
        "/roadmap/initiatives/one",
        data={
            "name": "Initiative one",
            "kind": "upgrade",
            "effort_weeks": "4",
            "sourcing": "either",
            "teams": "team-a",
            "system_ids": "sys-00001; sys-00002",
            "row_version": str(service.get_initiative(ctx, "one").row_version),
            "csrf_token": csrf_of(editor, "/roadmap/initiatives/one"),
            **changes,
        },
        follow_redirects=False,
    )


def test_editors_state_what_the_target_does_to_open_interfaces(
    seeded: Database, client_for: Client
) -> None:
    editor = client_for(Role.EDITOR)
    editor.get("/language/en")
    form = editor.get("/roadmap/initiatives/one").text
    assert '<label class="ds-label" for="f-target_interfaces">' in form
    assert 'id="f-target_interfaces" name="target_interfaces" aria-describedby=' in form
    assert '<option value="not_stated" selected>not stated</option>' in form
    ctx = make_context(seeded)

    bad = _edit_one(editor, ctx, target_interfaces="open-ish")
    assert bad.status_code == 422
    text = bad.text
    assert "What the target does to open interfaces" in text and "open-ish" in text
    assert (
        'name="target_interfaces" aria-describedby="h-target_interfaces" aria-invalid="true"'
        in text
    )
    assert service.get_initiative(ctx, "one").row_version == 1  # nothing written

    saved = _edit_one(editor, ctx, target_interfaces="improves", target_standards="OpenAPI 3.1")
    assert saved.status_code == 303
    one = service.get_initiative(ctx, "one")
    assert one.target_interfaces is TargetInterfaces.IMPROVES
    assert one.target_standards == "OpenAPI 3.1" and one.row_version == 2
    page = editor.get("/roadmap/initiatives/one").text
    assert '<option value="improves" selected>improves open interfaces</option>' in page
    _, _, evidence = presenter.interop_lines(service.initiative_interop(ctx, one), "en")
    assert evidence and all(html.escape(t) in page for t in evidence)
    assert "Where it reduces silo risk" in page and "OpenAPI 3.1" in page
    viewer = client_for(Role.VIEWER)
    viewer.get("/language/en")
    read_only = viewer.get("/roadmap/initiatives/one").text
    assert 'name="target_interfaces"' not in read_only  # no form for a viewer, but the value
    assert "What the target does to open interfaces: improves open interfaces (OpenAPI 3.1)" in (
        read_only
    )

    service.set_target_interfaces(ctx, "two", TargetInterfaces.DROPS)
    service.plan(ctx, time_limit=5)
    plan_page = editor.get("/roadmap/plan").text
    found = service.silo_findings(ctx)
    assert set(found.evidence) == {"one"}  # "two" touches no system: nothing to say
    assert "Where the plan reduces silo risk" in plan_page
    assert all(
        html.escape(t) in plan_page
        for _, texts in presenter.silo_texts(found.evidence, service.system_names(ctx), "en")
        for t in texts
    )
