"""The review's words are complete in both languages."""

from __future__ import annotations

from produktlyft.kernel.i18n.extract import extract, read_catalog
from produktlyft.review.analysis.reasons import system_reasons
from produktlyft.review.presenter.wording import system_sentence
from produktlyft.review.report_texts import t


def test_every_review_message_has_swedish_and_english() -> None:
    used = extract("review")
    assert len(used) > 100
    for lang in ("sv", "en"):
        catalog = read_catalog(lang, "review")
        untranslated = [key for key in used if not (catalog.get(key) and catalog.get(key).string)]  # type: ignore[union-attr]
        assert not untranslated, f"{lang}: {untranslated[:5]}"


def test_texts_and_reasons_follow_the_language() -> None:
    assert t("sv", "obstacles") == "De tre största hindren"
    assert t("en", "obstacles") == "The three biggest obstacles"
    facts = {"annual_cost": 2_400_000.0, "users": 1200.0}
    both = system_reasons(["cost", "users"], facts)
    assert (
        system_sentence("X", both, "sv")
        == "X kostar 2,4 mnkr per år och används av 1\u00a0200 personer."
    )
    cost = system_reasons(["cost"], facts)
    assert system_sentence("X", cost, "en") == "X costs SEK 2.4 million a year."
