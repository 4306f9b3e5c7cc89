"""The workflow report section's words are complete in both languages."""

from __future__ import annotations

from produktlyft.kernel.i18n.extract import extract, read_catalog
from produktlyft.workflows.report_texts import t


def test_every_workflow_message_has_swedish_and_english() -> None:
    used = extract("workflows")
    assert len(used) >= 10
    for lang in ("sv", "en"):
        catalog = read_catalog(lang, "workflows")
        untranslated = [key for key in used if not (catalog.get(key) and catalog.get(key).string)]  # type: ignore[union-attr]
        assert not untranslated, f"{lang}: {untranslated[:5]}"
    assert t("sv", "title") == "Föråldrade arbetsflöden"
    assert t("en", "title") == "Outdated workflows"
