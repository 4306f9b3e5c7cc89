"""Problems worded for translation keep their English text and translate with their values."""

from __future__ import annotations

import re

import pytest

from produktlyft.inventory.cells import convert_cell
from produktlyft.inventory.template import SHEETS_BY_KEY
from produktlyft.inventory.vocabularies import Criticality
from produktlyft.kernel import i18n
from produktlyft.kernel.errors import Issue, WordedError, wording
from produktlyft.kernel.i18n.extract import DOMAINS, extract

PLACEHOLDER = re.compile(r"\{(\w+)\}")


def test_the_english_text_and_the_template_travel_together() -> None:
    issue = Issue.worded(wording("the id '{id}' is used again", id="sys-1"), row=3)
    assert issue.message == "the id 'sys-1' is used again"
    assert issue.template == "the id '{id}' is used again"
    assert str(issue) == "row 3: the id 'sys-1' is used again"
    assert Issue.worded("plain text").template is None


def test_cell_and_choice_errors_are_worded() -> None:
    users = next(c for c in SHEETS_BY_KEY["systems"].columns if c.field == "users")
    with pytest.raises(WordedError) as raised:
        convert_cell(users, "många")
    assert str(raised.value) == "'många' is not a whole number, such as 1200"
    with pytest.raises(WordedError) as choice:
        Criticality.parse("viktig")
    assert choice.value.wording.template == "'{value}' is not one of {choices}"


def test_every_translation_keeps_the_templates_placeholders() -> None:
    """A Swedish sentence that dropped or renamed a {value} would fail when shown."""
    templates = [
        message
        for domain in DOMAINS
        for message in extract(domain)
        if isinstance(message, str) and PLACEHOLDER.search(message)
    ]
    assert any("{value}" in message for message in templates)
    assert any("{floor}" in message for message in templates)  # the surveys domain too
    for message in templates:
        for lang in i18n.LANGUAGES:
            translated = i18n.gettext(message, lang)
            assert set(PLACEHOLDER.findall(translated)) == set(PLACEHOLDER.findall(message)), (
                lang,
                message,
                translated,
            )
