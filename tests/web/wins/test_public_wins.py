"""The public wins page, feed and open data are served without sign-in, in Swedish and English,
hold only approved wins, and the feed is a valid Atom document; the editor's page needs a
role, and approving needs one that may organise."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable

import defusedxml.ElementTree as safe_xml
from fastapi.testclient import TestClient

from produktlyft.kernel.access import Role
from produktlyft.kernel.db import Database
from produktlyft.wins.service import approve, draft_from_pilots
from tests.conftest import make_context
from tests.support.atom import atom_problems
from tests.support.pilots import evaluated_pilot

ATOM = "{http://www.w3.org/2005/Atom}"


def _publish(database: Database) -> tuple[str, str]:
    ctx = make_context(database)
    evaluated_pilot(ctx)
    (win,) = draft_from_pilots(ctx)
    approve(ctx, win.id)
    return win.id, win.title


def test_public_page_without_sign_in_in_both_languages(
    web_database: Database, client_for: Callable[[Role | None], TestClient]
) -> None:
    win_id, title = _publish(web_database)
    anonymous = client_for(None)
    swedish = anonymous.get("/public/wins", follow_redirects=False)
    assert swedish.status_code == 200 and title in swedish.text
    assert "Framsteg: vad som blev bättre" in swedish.text and 'lang="sv"' in swedish.text
    english = anonymous.get("/public/wins?lang=en")
    assert "Wins: what got better" in english.text and 'lang="en"' in english.text
    browser = anonymous.get("/public/wins", headers={"Accept-Language": "en-GB,en;q=0.8"})
    assert "Wins: what got better" in browser.text
    assert f'id="{win_id}"' in swedish.text


def test_atom_feed_structure(
    web_database: Database, client_for: Callable[[Role | None], TestClient]
) -> None:
    win_id, title = _publish(web_database)
    response = client_for(None).get("/public/wins.atom?lang=en")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/atom+xml")
    feed = safe_xml.fromstring(response.content)
    assert feed.tag == f"{ATOM}feed"
    for required in ("id", "title", "updated", "author"):
        assert feed.find(f"{ATOM}{required}") is not None, required
    assert feed.find(f"{ATOM}author/{ATOM}name") is not None
    assert feed.find(f"{ATOM}link[@rel='self']") is not None
    (entry,) = feed.findall(f"{ATOM}entry")
    assert entry.findtext(f"{ATOM}title") == title
    assert entry.findtext(f"{ATOM}id", "").endswith(f"#{win_id}")
    assert entry.findtext(f"{ATOM}updated")
    link = entry.find(f"{ATOM}link")
    assert link is not None and link.get("href", "").endswith(f"#{win_id}")
    assert atom_problems(response.content) == []


def test_the_feed_check_finds_what_breaks_rfc_4287() -> None:
    valid = (
        b'<feed xmlns="http://www.w3.org/2005/Atom"><id>urn:x</id><title>t</title>'
        b"<updated>2026-12-02T10:00:00Z</updated><author><name>a</name></author>"
        b"<entry><id>urn:y</id><title>e</title><updated>2026-12-02T10:00:00Z</updated>"
        b'<link href="https://example.org/#y"/></entry></feed>'
    )
    assert atom_problems(valid) == []
    no_date = valid.replace(b"<updated>2026-12-02T10:00:00Z</updated><author>", b"<author>")
    assert atom_problems(no_date)
    bad_date = valid.replace(b"2026-12-02T10:00:00Z", b"2 December 2026", 1)
    assert atom_problems(bad_date)
    no_author = valid.replace(b"<author><name>a</name></author>", b"")
    assert "an atom:entry must have an atom:author if its feed does not" in atom_problems(no_author)


def test_open_data_and_dcat(
    web_database: Database, client_for: Callable[[Role | None], TestClient]
) -> None:
    win_id, _ = _publish(web_database)
    anonymous = client_for(None)
    rows = list(csv.DictReader(io.StringIO(anonymous.get("/public/wins.csv").text)))
    assert [r["id"] for r in rows] == [win_id]
    assert set(rows[0]) == {"id", "title", "what_changed", "outcome", "team", "day"}
    assert [w["id"] for w in anonymous.get("/public/wins.json").json()] == [win_id]
    dataset = json.loads(anonymous.get("/public/wins/dcat.jsonld").text)
    assert dataset["@type"] == "dcat:Dataset"
    assert {t["@language"] for t in dataset["dcterms:title"]} == {"sv", "en"}
    assert dataset["dcterms:publisher"]["foaf:name"]
    assert dataset["dcat:contactPoint"]["@type"] == "vcard:Organization"
    formats = {d["dcat:accessURL"]["@id"].rsplit(".", 1)[1] for d in dataset["dcat:distribution"]}
    assert formats == {"csv", "json"}


def test_drafts_stay_off_the_public_page(
    web_database: Database, client_for: Callable[[Role | None], TestClient]
) -> None:
    ctx = make_context(web_database)
    evaluated_pilot(ctx)
    (draft,) = draft_from_pilots(ctx)
    anonymous = client_for(None)
    assert draft.title not in anonymous.get("/public/wins").text
    assert anonymous.get("/public/wins.json").json() == []


def test_editor_page_and_approval_permissions(
    web_database: Database, client_for: Callable[[Role | None], TestClient]
) -> None:
    ctx = make_context(web_database)
    evaluated_pilot(ctx)
    (draft,) = draft_from_pilots(ctx)
    assert client_for(None).get("/wins", follow_redirects=False).status_code in (303, 401)
    editor = client_for(Role.EDITOR)
    page = editor.get("/wins")
    assert page.status_code == 200 and draft.title in page.text
    assert "/wins/decide" not in page.text  # an editor role may not publish
    token = page.text.split('name="csrf_token" value="')[1].split('"')[0]
    refused = editor.post(
        "/wins/decide",
        data={"win_id": draft.id, "decision": "approve", "csrf_token": token},
        follow_redirects=False,
    )
    assert refused.status_code == 403
    analyst = client_for(Role.ANALYST)
    page = analyst.get("/wins")
    token = page.text.split('name="csrf_token" value="')[1].split('"')[0]
    assert analyst.post(
        "/wins/decide", data={"win_id": draft.id, "decision": "approve"}, follow_redirects=False
    ).status_code in (400, 403)  # no CSRF token: refused
    done = analyst.post(
        "/wins/decide",
        data={"win_id": draft.id, "decision": "approve", "csrf_token": token},
        follow_redirects=False,
    )
    assert done.status_code == 303
    assert draft.title in client_for(None).get("/public/wins").text


def test_editing_a_win_checks_the_fields_and_sends_it_back_to_draft(
    web_database: Database, client_for: Callable[[Role | None], TestClient]
) -> None:
    win_id, _ = _publish(web_database)
    editor = client_for(Role.EDITOR)
    form = editor.get(f"/wins/{win_id}/edit")
    assert form.status_code == 200 and 'name="what_changed"' in form.text
    token = form.text.split('name="csrf_token" value="')[1].split('"', maxsplit=1)[0]
    fields = {
        "title": "",
        "what_changed": "Permits are decided sooner",
        "outcome": "Lead time 30 hours shorter",
        "team": "Bygglov",
        "day": "2026-11-01",
        "csrf_token": token,
    }
    refused = editor.post(f"/wins/{win_id}/edit", data=fields, follow_redirects=False)
    assert refused.status_code == 400 and 'aria-invalid="true"' in refused.text
    assert 'id="title"' in refused.text and "Inget sparades" in refused.text
    assert client_for(None).get("/public/wins.json").json()[0]["id"] == win_id  # unchanged
    saved = editor.post(
        f"/wins/{win_id}/edit", data={**fields, "title": "Sooner permits"}, follow_redirects=False
    )
    assert saved.status_code == 303
    assert client_for(None).get("/public/wins.json").json() == []  # a draft again
    assert "Sooner permits" in editor.get("/wins").text
    assert client_for(Role.VIEWER).get(f"/wins/{win_id}/edit").status_code == 403
