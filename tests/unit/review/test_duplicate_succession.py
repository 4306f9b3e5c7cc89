"""A product beside its usual successor, as the catalogue names it, said in a pair's reason."""

from __future__ import annotations

from produktlyft.review.analysis.duplicates_explain import succession
from produktlyft.review.analysis.duplicates_signals import Placement, load_vocabulary
from produktlyft.review.analysis.reasons import duplicate_reasons
from produktlyft.review.presenter.wording import duplicate_sentence
from produktlyft.review.results import ReasonCode


def test_the_older_product_comes_first_whichever_side_it_is_on() -> None:
    vocabulary = load_vocabulary()
    old, new = Placement(product="Procapita"), Placement(product="Lifecare")
    assert succession(old, new, vocabulary) == ("Procapita", "Lifecare")
    assert succession(new, old, vocabulary) == ("Procapita", "Lifecare")


def test_no_succession_without_two_products_the_catalogue_links() -> None:
    vocabulary = load_vocabulary()
    procapita = Placement(product="Procapita")
    assert succession(procapita, Placement(product="Procapita"), vocabulary) == ()
    assert succession(procapita, Placement(), vocabulary) == ()
    assert succession(procapita, Placement(product="Platina"), vocabulary) == ()
    assert succession(procapita, Placement(product="Lifecare"), None) == ()


def test_the_succession_is_said_first_in_both_languages() -> None:
    reasons = duplicate_reasons(
        ["function"], [], [], 0.1, "arende_dokument", ["diarium"], succession=("W3D3", "Platina")
    )
    assert [r.code for r in reasons][:2] == [ReasonCode.DUP_SUCCESSOR, ReasonCode.DUP_FUNCTION]
    english = duplicate_sentence("A", "B", reasons, "en")
    swedish = duplicate_sentence("A", "B", reasons, "sv")
    assert "A and B are a product and its usual successor (W3D3, then Platina)" in english
    assert "A och B är en produkt och dess vanliga efterföljare (W3D3, sedan Platina)" in swedish
