"""The decision register and the rights matrix name teams as the inventory does, not by id."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient

from produktlyft.accounts.service import add_user
from produktlyft.bootstrap import web_app
from produktlyft.decisions.model import Decision, DecisionRight
from produktlyft.decisions.service import record_decision, set_rights
from produktlyft.inventory.importers.source import ParsedSource
from produktlyft.inventory.model import Team
from produktlyft.inventory.services.imports import import_sources
from produktlyft.kernel.access import Role
from produktlyft.kernel.db import Database
from produktlyft.kernel.settings import Settings
from tests.conftest import make_context
from tests.web.conftest import PASSWORD, sign_in


def test_teams_are_named_on_the_register_and_the_rights_matrix(tmp_path: Path) -> None:
    database = Database.for_tests(f"sqlite:///{tmp_path / 'd.db'}")
    database.migrate()
    ctx = make_context(database, data_dir=tmp_path / "data")
    source = ParsedSource(path=Path("teams.json"), format="json")
    source.inventory.records("teams").append(Team(id="TEAM-020", name="Team Skola 1"))
    import_sources(ctx, [source])
    record_decision(
        ctx,
        Decision.model_validate(
            {
                "id": "D-1",
                "title": "Släpp varje vecka",
                "team": "TEAM-020",
                "level": "team",
                "proposed_on": "2026-10-01",
            }
        ),
    )
    set_rights(
        ctx,
        [DecisionRight.model_validate({"team": "TEAM-020", "kind": "release", "level": "team"})],
    )
    add_user(ctx, "visare", Role.VIEWER, password=PASSWORD)
    settings = Settings(
        database_url=database.url,
        cookie_secure=False,
        data_dir=tmp_path / "data",
        secret_key="test",
    )
    with TestClient(web_app(settings)) as client:
        sign_in(client, "visare")
        for path in ("/decisions", "/decisions/rights"):
            page = client.get(path).text
            assert "Team Skola 1" in page, path
            assert "TEAM-020" not in page, path
    database.dispose()
