"""The words of the culture and decision-register report sections are complete in both
languages (each in its area's catalogue), with the same placeholders in each."""

from __future__ import annotations

import re

from produktlyft.decisions import report_texts as decisions_texts
from produktlyft.kernel.i18n.extract import extract, read_catalog
from produktlyft.surveys.report_texts import MESSAGES, t

ALL_MESSAGES = {*MESSAGES.values(), *decisions_texts.MESSAGES.values()}


def _placeholders(text: str) -> set[str]:
    return set(re.findall(r"{(\w+)}", text))


def test_every_culture_message_has_swedish_and_english() -> None:
    used = {**extract("surveys"), **extract("decisions")}
    assert set(used) >= ALL_MESSAGES
    for lang in ("sv", "en"):
        catalogs = [read_catalog(lang, "surveys"), read_catalog(lang, "decisions")]
        for message in ALL_MESSAGES:
            entry = next((c.get(message) for c in catalogs if c.get(message)), None)
            assert entry is not None and entry.string, f"{lang}: {message[:40]}"
            assert _placeholders(str(entry.string)) == _placeholders(message), message
    assert t("sv", "title") == "Kultur, förändringsberedskap och teamens mandat"
    assert decisions_texts.t("en", "days", days="12") == "12 days"
