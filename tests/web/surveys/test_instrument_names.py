"""The list of rounds names each round's instruments in the reader's language, not by code
(issue 16)."""

from __future__ import annotations

import html
from datetime import date, timedelta

from fastapi.testclient import TestClient

from produktlyft.kernel.context import ServiceContext
from produktlyft.surveys.services.rounds import create_round
from tests.web.surveys.test_survey_pages import app_client, ctx, sign_in

__all__ = ["app_client", "ctx"]  # the fixtures this module shares


def test_the_rounds_list_names_the_instruments(ctx: ServiceContext, app_client: TestClient) -> None:
    create_round(
        ctx,
        instruments=["westrum", "psych-safety"],
        groups=["Alfa", "Beta"],
        closes_on=date.today() + timedelta(days=7),
    )
    sign_in(app_client, "reader")
    swedish = html.unescape(app_client.get("/surveys").text)
    assert "Organisationskultur (Westrum)" in swedish
    app_client.get("/language/en")
    english = html.unescape(app_client.get("/surveys").text)
    assert "Organisational culture (Westrum)" in english
    assert "Team psychological safety (Edmondson)" in english
    for page in (swedish, english):
        assert "westrum," not in page and "psych-safety" not in page
