"""The duplicates page shows what placed each pair: the function and its words, the product,
the evidence against, and the system suggested to keep in each group (ADR 0023)."""

from __future__ import annotations

from collections.abc import Callable
from html import unescape

from fastapi.testclient import TestClient

from produktlyft.kernel.access import Role
from produktlyft.kernel.context import ServiceContext
from produktlyft.review.analysis.duplicates import SIGNALS
from produktlyft.review.model import Decision
from produktlyft.review.services.duplicates import decide_duplicate
from produktlyft.review.services.run import review
from tests.review_fixtures import REFERENCE_DATE

Client = Callable[[Role], TestClient]


def test_pairs_show_function_evidence_against_and_survivor(
    as_role: Client, review_ctx: ServiceContext
) -> None:
    # a pair the analyst confirmed although one system feeds the other: shown with that
    decide_duplicate(review_ctx, "sys-bygglov-a", "sys-arkiv", Decision.CONFIRM)
    review(review_ctx, today=REFERENCE_DATE, lang="sv")
    page = unescape(as_role(Role.VIEWER).get("/review/duplicates").text)
    assert "<dt>Funktion</dt><dd>Bygglov (" in page
    assert "det ena systemet matar det andra" in page.split("<dt>Talar emot</dt>", 1)[1]
    # the survivor: ByggR, Bygglovsportalen and the archive are one group; Bygglovsportalen
    # is as fit as ByggR and cheaper
    assert '<th scope="row">Föreslås behållas</th><td>Bygglovsportalen</td>' in page
    # what a group frees is counted by keeping its dearest system, which need not be the one
    # suggested: the row said "keeping one" beside the suggested system, read as keeping it
    assert '<th scope="row">Kan frigöras om det dyraste behålls</th>' in page
    assert "om ett behålls" not in page


def test_each_signal_that_spoke_is_named_in_words_not_by_its_id(
    as_role: Client, review_ctx: ServiceContext
) -> None:
    # ByggR and Bygglovsportalen share the word part "bygg" beside their function: the chip
    # said "text_grams 41 %"
    review(review_ctx, today=REFERENCE_DATE, lang="sv")
    page = unescape(as_role(Role.VIEWER).get("/review/duplicates").text)
    assert "gemensamma ordled" in page
    for name in SIGNALS:
        assert f">{name} " not in page
