"""The catalogues are complete, templates hold no untranslated text, and domains merge."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from produktlyft.kernel import i18n
from produktlyft.kernel.i18n.extract import DOMAINS, extract, read_catalog

PACKAGE = Path(i18n.__file__).parents[2]
TEMPLATES = [PACKAGE / "kernel" / "web" / "templates", *sorted(PACKAGE.glob("*/templates"))]
JINJA = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.S)
# `{% set name %}...{% endset %}` blocks hold attribute fragments, not text
SET_BLOCK = re.compile(r"\{%-?\s*set \w+\s*-?%\}.*?\{%-?\s*endset\s*-?%\}", re.S)
# Attributes whose values people read or hear.
READABLE = ("aria-label", "title", "alt", "placeholder", "summary")


@pytest.mark.parametrize("domain", sorted(DOMAINS))
@pytest.mark.parametrize("lang", i18n.LANGUAGES)
def test_every_message_in_the_code_is_translated(domain: str, lang: str) -> None:
    catalog = read_catalog(lang, domain)
    used = extract(domain)
    assert used, "the extractor found no messages at all"
    missing = []
    for key in used:
        message = catalog.get(key[0] if isinstance(key, tuple) else key)
        strings = (
            []
            if message is None
            else (list(message.string) if isinstance(message.string, tuple) else [message.string])
        )
        if not strings or not all(strings):
            missing.append(key)
    assert not missing, f"{lang}/{domain}.po lacks translations for {missing[:10]}"


@pytest.mark.parametrize("lang", i18n.LANGUAGES)
def test_every_catalogue_entry_is_translated(lang: str) -> None:
    for domain in i18n.domains(lang):
        for message in read_catalog(lang, domain):
            if message.id:
                strings = message.string if isinstance(message.string, tuple) else (message.string,)
                assert all(strings), f"{lang}/{domain}.po: {message.id!r} is empty"


class _TextFinder(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self._skip += 1
        for name, value in attrs:
            if name in READABLE and value and re.search(r"[A-Za-zÅÄÖåäö]", value):
                self.found.append(f"{name}={value!r}")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip and re.search(r"[A-Za-zÅÄÖåäö]{2,}", data):
            self.found.append(data.strip())


@pytest.mark.parametrize(
    "template",
    sorted(path for root in TEMPLATES for path in root.rglob("*.html")),
    ids=lambda path: str(path.relative_to(PACKAGE)),
)
def test_templates_hold_no_hard_coded_text(template: Path) -> None:
    finder = _TextFinder()
    source = SET_BLOCK.sub(" ", template.read_text(encoding="utf-8"))
    finder.feed(JINJA.sub(" ", source))
    assert not finder.found, f"translate these through _(): {finder.found}"


def test_domains_are_merged_and_languages_fall_back() -> None:
    assert i18n.domains("sv") == i18n.domains("en")
    areas = [
        "accounts",
        "business_case",
        "decisions",
        "demo",
        "interop",
        "inventory",
        "kernel",
        "outcomes",
        "pilots",
        "procurement",
        "review",
        "roadmap",
        "surveys",
        "wins",
        "workflows",
    ]
    assert i18n.domains("sv") == areas
    assert i18n.gettext("Systems", "sv") == "System"
    assert i18n.gettext("Systems", "en") == "Systems"
    assert i18n.gettext("Systems", "fi") == "System"  # unknown languages get Swedish
    assert i18n.ngettext("%(num)s system", "%(num)s systems", 2, "en") == "%(num)s systems"


def test_choose_language_and_formatting() -> None:
    assert i18n.choose_language("en") == "en"
    assert i18n.choose_language(None, "en-GB,en;q=0.8") == "en"
    assert i18n.choose_language("de", "de-DE") == "sv"
    assert i18n.format_money(1_200_000, "sv") == "1\u00a0200\u00a0000\u00a0kr"
    assert i18n.format_money(1_200_000, "en") == "SEK\u00a01,200,000"
    assert i18n.format_number(None, "sv") == ""


def test_the_text_finder_would_catch_untranslated_text() -> None:
    finder = _TextFinder()
    finder.feed(JINJA.sub(" ", '<p>{{ _("ok") }}</p><p>Hej</p><a aria-label="Stäng">x</a>'))
    assert finder.found == ["Hej", "aria-label='Stäng'"]


def test_a_message_means_the_same_in_every_domain() -> None:
    """The domains are merged into one catalogue per language, so a message id translated two
    ways would show one area's wording on another's pages (seen: the report's business case
    section titled «Kalkyl», the outcomes area's word, instead of «Investeringskalkyl»)."""
    from babel.messages.pofile import read_po

    seen: dict[str, tuple[str, str]] = {}
    clashes = []
    for domain in i18n.domains("sv"):
        with i18n.catalogue_path("sv", domain).open("rb") as handle:
            catalogue = read_po(handle, locale="sv")
        for message in catalogue:
            if not isinstance(message.id, str) or not isinstance(message.string, str):
                continue
            if not message.id or not message.string:  # the header, and untranslated ones
                continue
            first = seen.setdefault(message.id, (domain, message.string))
            if first[1] != message.string:
                clashes.append((message.id, first, (domain, message.string)))
    assert not clashes
