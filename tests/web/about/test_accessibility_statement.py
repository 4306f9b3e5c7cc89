"""The accessibility statement follows Digg's template (issue 16, section 3)."""

from __future__ import annotations

from fastapi.testclient import TestClient

from produktlyft.bootstrap import web_app
from produktlyft.kernel.settings import Settings


def _client(settings: Settings, **contact: str) -> TestClient:
    return TestClient(web_app(settings.model_copy(update=contact)), base_url="http://testserver")


def test_the_statement_is_partially_compliant_while_it_lists_content_that_is_not(
    settings: Settings,
) -> None:
    client = _client(
        settings,
        accessibility_email="tillganglighet@example.se",
        accessibility_phone="010-123 45 67",
    )
    page = client.get("/accessibility").text
    assert "delvis förenlig" in page
    assert "helt förenlig" not in page
    # a feedback channel from the settings
    assert 'href="mailto:tillganglighet@example.se"' in page
    assert "010-123 45 67" in page
    # the enforcement body with its web form
    assert "Myndigheten för digital förvaltning" in page
    assert 'href="https://www.digg.se/tdosanmalan"' in page
    # how the statement was made and when it was last reviewed
    assert "axe-core" in page and "2 dec. 2026" in page
    # the content that is not accessible, each with the requirement it fails
    assert page.count('class="not-accessible"') >= 3
    assert "PDF" in page and "lang=" in page

    client.get("/language/en")
    english = client.get("/accessibility").text
    assert "partially compliant" in english and "fully compliant" not in english
    assert "Agency for Digital Government" in english


def test_without_contact_settings_the_statement_still_says_whom_to_ask(
    settings: Settings,
) -> None:
    client = _client(settings)
    client.get("/language/en")
    page = client.get("/accessibility").text
    assert "mailto:" not in page
    assert "administrator of this installation" in page
