"""The roles a system is given (review/data/functions.json) and how a pair's reason words the
evidence against it."""

from __future__ import annotations

from produktlyft.review.analysis.duplicates_signals import load_vocabulary, place_system
from produktlyft.review.analysis.duplicates_text import corpus_splitter


def test_booking_billing_integration_and_apps_have_roles_of_their_own() -> None:
    # without these a booking system, an integration service, an app and an e-service of one
    # subject shared no role or the same one, and on a demo of 2,000 untagged systems 280
    # suggestions paired two of them (the twins' recall 0.74)
    vocabulary = load_vocabulary()
    expected = {
        "Bokningssystem för färdtjänstresor": {"booking"},
        "Tidsbokning för vaccinationer": {"booking"},
        "Integrationstjänst för elevuppgifter": {"integration"},
        "Meddelandetjänst för hemtjänsten": {"integration"},
        "Debiteringssystem för hyror": {"billing"},
        "Fakturering av VA-avgifter": {"billing"},
        "Mobilapp för hemtjänsten": {"app"},
        "Mobil tjänst för bygglovshandläggare": {"app"},
        "E-tjänst för bygglov": {"front"},
        "Kartapplikation för detaljplaner": {"viewer"},
    }
    splitter = corpus_splitter(list(expected), vocabulary.words())
    roles = {name: place_system(name, "", [], vocabulary, splitter).roles for name in expected}
    assert roles == expected
    assert frozenset(["app", "front"]) in vocabulary.complementary
    assert frozenset(["case", "integration"]) in vocabulary.complementary


def test_the_evidence_against_a_pair_follows_after_a_comma_in_both_languages() -> None:
    # it was one more item of the list: "... serve HR (lön) and though one is ..." and in
    # Swedish "... och men den ena är ...", as seen on the duplicates page
    from produktlyft.review.presenter.wording import duplicate_sentence
    from produktlyft.review.results import Reason, ReasonCode

    reasons = [
        Reason(code=ReasonCode.DUP_ORIGIN, params={"items": ["Norrå", "Mellby"]}),
        Reason(code=ReasonCode.DUP_AGAINST, params={"items": ["linked"]}),
    ]
    assert duplicate_sentence("A", "B", reasons, "en") == (
        "A and B come from different parts of the organisation (Norrå and Mellby), "
        "though one feeds the other."
    )
    assert duplicate_sentence("A", "B", reasons, "sv") == (
        "A och B kommer från olika delar av organisationen (Norrå och Mellby), "
        "men det ena systemet matar det andra."
    )
