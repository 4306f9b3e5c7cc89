"""The review's words are complete in both languages."""

from __future__ import annotations

from produktlyft.kernel.i18n.extract import extract, read_catalog
from produktlyft.review.analysis.phrases import system_reason
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
    assert (
        system_reason("X", ["cost", "users"], facts, "sv", 0.9)
        == "X kostar 2,4 mnkr per år och används av 1\u00a0200 personer."
    )
    assert system_reason("X", ["cost"], facts, "en", 0.9) == "X costs SEK 2.4 million a year."
