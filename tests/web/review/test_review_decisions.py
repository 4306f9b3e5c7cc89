"""Duplicates on the web: pairs and groups with layers, reason, score and cost; confirm and
reject, which persist, are shown at once, and hold across new reviews."""

from __future__ import annotations

import re
from collections.abc import Callable
from html import unescape

from fastapi.testclient import TestClient

from produktlyft.kernel.access import Role
from produktlyft.kernel.context import ServiceContext
from produktlyft.review.model import Decision
from produktlyft.review.services.duplicates import current_weights, decide_duplicate, list_decisions
from produktlyft.review.services.run import latest_review, review
from tests.review_fixtures import REFERENCE_DATE
from tests.web.review.conftest import csrf

Client = Callable[[Role], TestClient]


def test_pairs_show_layers_reason_score_and_yearly_cost(
    as_role: Client, review_ctx: ServiceContext
) -> None:
    page = as_role(Role.VIEWER).get("/review/duplicates").text
    run = latest_review(review_ctx)
    for pair in run.duplicates:
        assert unescape(pair.reason) in unescape(page)
        assert f"{pair.name_a} – {pair.name_b}" in unescape(page)
    assert "gemensamma förmågor 100\xa0%" in page and "gemensam data och integrationer" in page
    assert "liknande namn och beskrivningar" in page
    avoidable = run.summary.duplicate_cost.avoidable
    assert avoidable == 300_000 + 450_000  # the cheaper system of each planted pair
    assert "frigöra uppskattningsvis 750\xa0000\xa0kr per år" in page
    # groups with their systems' costs, dearest first, each system linked to its evidence
    assert page.index("Elevregistret") < page.index("Bygglovsportalen")
    assert 'href="/review/systems/sys-skola-a"' in page
    assert "Kostnad per år för varje grupp av överlappande system" in page  # chart + table
    assert 'action="/review/duplicates"' not in page  # a viewer cannot decide


def _decide(client: TestClient, a: str, b: str, decision: str, **extra: str):  # type: ignore[no-untyped-def]
    return client.post(
        "/review/duplicates",
        data={
            "csrf_token": csrf(client, "/review/duplicates"),
            "a": a,
            "b": b,
            "decision": decision,
            "page": "1",
            **extra,
        },
        follow_redirects=False,
    )


def test_confirm_persists_and_shows_on_the_pair(
    as_role: Client, review_ctx: ServiceContext
) -> None:
    client = as_role(Role.ANALYST)
    response = _decide(
        client,
        "sys-skola-b",
        "sys-skola-a",
        "confirm",
        anchor="pair-1-1",
        note="samma elevregister",
    )
    assert response.status_code == 303
    assert response.headers["location"] == "/review/duplicates?page=1#pair-1-1"
    made = list_decisions(review_ctx)
    assert [(d.system_a, d.system_b, d.decision, d.decided_by, d.note) for d in made] == [
        ("sys-skola-a", "sys-skola-b", Decision.CONFIRM, "analyst", "samma elevregister")
    ]
    page = client.get(response.headers["location"]).text
    assert "Bekräftat: Elevregistret och Elevadministrationen överlappar" in page
    pairs = re.findall(
        r'<li class="pair" id="(pair-\d+-\d+)" tabindex="-1">(.*?)</li>\n', page, re.S
    )
    decided = {anchor: body for anchor, body in pairs if "Bekräftade som dubbletter" in body}
    assert len(decided) == 1 and len(pairs) == 2
    assert "Elevregistret – Elevadministrationen" in next(iter(decided.values()))
    assert "samma elevregister" in next(iter(decided.values()))
    decisions = page.split('id="decisions-heading"', 1)[1]
    assert "Elevregistret – Elevadministrationen" in decisions and "bekräftat" in decisions
    # the message is said once; the decision stays
    again = client.get("/review/duplicates").text
    assert "Bekräftat: Elevregistret" not in again and "Bekräftade som dubbletter" in again


def test_rejected_pair_is_not_suggested_again(as_role: Client, review_ctx: ServiceContext) -> None:
    client = as_role(Role.ANALYST)
    assert _decide(client, "sys-bygglov-a", "sys-bygglov-b", "reject").status_code == 303
    page = client.get("/review/duplicates").text
    assert "Avvisat: ByggR och Bygglovsportalen är inte dubbletter" in page
    assert "Avvisade: inte dubbletter" in page  # on the pair, until the next review
    review(review_ctx, today=REFERENCE_DATE)
    after = client.get("/review/duplicates").text
    suggested = after.split('id="decisions-heading"', 1)[0]
    assert "ByggR – Bygglovsportalen" not in suggested
    assert "ByggR – Bygglovsportalen" in after.split('id="decisions-heading"', 1)[1]
    pairs = {(d.system_a, d.system_b) for d in latest_review(review_ctx).duplicates}
    assert ("sys-bygglov-a", "sys-bygglov-b") not in pairs
    # changing one's mind: confirming the rejected pair from the decisions table
    assert _decide(client, "sys-bygglov-a", "sys-bygglov-b", "confirm").status_code == 303
    assert list_decisions(review_ctx)[0].decision is Decision.CONFIRM


def test_deciding_needs_analyse_and_the_form_token(
    as_role: Client, review_ctx: ServiceContext
) -> None:
    viewer = as_role(Role.VIEWER)
    assert _decide(viewer, "sys-skola-a", "sys-skola-b", "confirm").status_code == 403
    editor = as_role(Role.EDITOR)
    assert _decide(editor, "sys-skola-a", "sys-skola-b", "reject").status_code == 403
    analyst = as_role(Role.ANALYST)
    forged = analyst.post(
        "/review/duplicates", data={"a": "sys-skola-a", "b": "sys-skola-b", "decision": "confirm"}
    )
    assert forged.status_code == 403
    assert _decide(analyst, "sys-skola-a", "sys-ingen", "confirm").status_code == 404
    assert _decide(analyst, "sys-skola-a", "sys-skola-b", "maybe").status_code == 422
    assert list_decisions(review_ctx) == []


def test_anchor_is_only_followed_when_it_names_a_pair(as_role: Client) -> None:
    client = as_role(Role.ANALYST)
    response = _decide(
        client,
        "sys-skola-a",
        "sys-skola-b",
        "confirm",
        anchor='x" onfocus=alert(1)',
        page="https://evil.example",
    )
    assert response.headers["location"] == "/review/duplicates?page=1"


def test_analyst_sees_one_form_per_possible_decision(as_role: Client) -> None:
    page = as_role(Role.ANALYST).get("/review/duplicates").text
    forms = re.findall(r'name="decision" value="(confirm|reject)"', page)
    assert sorted(forms) == ["confirm", "confirm", "reject", "reject"]
    # buttons name the pair for screen readers, after the visible words
    assert re.search(r'Bekräfta som dubbletter<span class="ds-sr-only"> – \w', page)


def test_weights_are_adjusted_to_the_decisions_shown_and_reset(
    as_role: Client, review_ctx: ServiceContext
) -> None:
    viewer = as_role(Role.VIEWER).get("/review/duplicates").text
    learning = viewer.split('id="learning-heading"', 1)[1]
    # the shipped model scores with its trees, and the page says what the weights are for
    assert "I bruk: den levererade modellen, beslutsträd över de här signalerna" in learning
    assert "justering" not in learning  # nothing adjusted yet: no table of zeros
    assert "trelagermodellen" not in learning  # this inventory has no tags: the signals model
    # the cut this inventory's list got in the latest review (the fixed threshold, said as such)
    assert re.search(r"I den senaste granskningen: från 0,\d{3}\.", learning)
    assert "samma gräns för varje inventering" in learning
    assert 'action="/review/duplicates/weights"' not in learning  # a viewer cannot adjust
    analyst = as_role(Role.ANALYST)
    assert "behövs minst 3 bekräftade och 3 avvisade par" in analyst.get("/review/duplicates").text
    for a, b in (("sys-skola-a", "sys-skola-b"), ("sys-bygglov-a", "sys-bygglov-b")):
        decide_duplicate(review_ctx, a, b, Decision.CONFIRM)
    decide_duplicate(review_ctx, "sys-ekonomi", "sys-lon", Decision.CONFIRM)
    for a, b in (("sys-arkiv", "sys-webb"), ("sys-ekonomi", "sys-webb"), ("sys-lon", "sys-arkiv")):
        decide_duplicate(review_ctx, a, b, Decision.REJECT)
    token = csrf(analyst, "/review/duplicates")
    refit = analyst.post(
        "/review/duplicates/weights",
        data={"csrf_token": token, "action": "refit"},
        follow_redirects=False,
    )
    assert refit.status_code == 303
    page = analyst.get(refit.headers["location"]).text
    assert "Vikterna anpassades efter 6 avgjorda par" in page
    assert "I bruk: vikter som analyst anpassade" in page
    assert "Varje signals justering av trädens poäng" in page  # now there is one to show
    adjusted = page.split('id="learning-heading"', 1)[1]
    assert "samma funktion" in adjusted and "varandras bästa matchning" in adjusted
    assert current_weights(review_ctx) is not None
    assert (
        as_role(Role.VIEWER)
        .post("/review/duplicates/weights", data={"csrf_token": token, "action": "reset"})
        .status_code
        == 403
    )
    unknown = analyst.post(
        "/review/duplicates/weights",
        data={"csrf_token": csrf(analyst, "/review/duplicates"), "action": "forget"},
    )
    assert unknown.status_code == 422 and current_weights(review_ctx) is not None
    reset = analyst.post(
        "/review/duplicates/weights",
        data={"csrf_token": csrf(analyst, "/review/duplicates"), "action": "reset"},
    )
    assert "Tillbaka till de levererade vikterna." in reset.text
    assert current_weights(review_ctx) is None
