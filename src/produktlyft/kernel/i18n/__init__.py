"""Translations and locale-aware formatting, shared by the web app, reports and the CLI.

Each area (and the kernel) keeps its own gettext domain, named after its folder, in
`<area>/locale/<lang>/LC_MESSAGES/<area>.po`. Every domain found for a language is compiled in
memory when first needed and merged into one catalogue, so an area adds its strings with its
own `.po` file, without touching anyone else's. The catalogues are found by that convention
(data beside the code), so the kernel imports no area to find them.

Message ids are English; the Swedish catalogue translates them and the English one repeats
them (or words them better), so both languages are complete and checked by a test.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path

from babel import Locale
from babel.dates import format_date as _format_date
from babel.dates import format_datetime as _format_datetime
from babel.lists import format_list as _format_list
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import format_decimal, get_group_symbol
from babel.numbers import format_percent as _format_percent
from babel.support import NullTranslations, Translations

PACKAGE = Path(__file__).resolve().parents[2]  # produktlyft/: the kernel and the areas
LANGUAGES: tuple[str, ...] = ("sv", "en")
DEFAULT_LANGUAGE = "sv"
# Babel locales used for dates and numbers: Swedish, and British English for day-month order.
BABEL_LOCALES = {"sv": "sv_SE", "en": "en_GB"}
# Parsed once: Babel parses a locale given by name on every call, which was a sixth of the
# time a detail page spent formatting its dates and numbers (issue 15)
_LOCALES = {lang: Locale.parse(code) for lang, code in BABEL_LOCALES.items()}


def catalogue_path(lang: str, domain: str) -> Path:
    """Where a domain's catalogue for a language is: in the folder of the area it names."""
    return PACKAGE / domain / "locale" / lang / "LC_MESSAGES" / f"{domain}.po"


def domains(lang: str) -> list[str]:
    """The gettext domains that have a catalogue for this language, sorted by name."""
    return sorted(path.stem for path in PACKAGE.glob(f"*/locale/{lang}/LC_MESSAGES/*.po"))


def _compile(po_path: Path, lang: str) -> Translations:
    with po_path.open("rb") as handle:
        catalog = read_po(handle, locale=lang, domain=po_path.stem)
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    buffer.seek(0)
    return Translations(buffer, domain=po_path.stem)


@lru_cache(maxsize=len(LANGUAGES))
def translations(lang: str) -> NullTranslations:
    """Every domain's catalogue for a language, merged; unknown languages get the default."""
    if lang not in LANGUAGES:
        lang = DEFAULT_LANGUAGE
    merged: Translations | None = None
    for domain in domains(lang):
        compiled = _compile(catalogue_path(lang, domain), lang)
        if merged is None:
            merged = compiled
        else:
            merged.merge(compiled)
    return merged if merged is not None else NullTranslations()


def load_all() -> None:
    """Read every language's catalogues and locale data now (a served process does it at
    start rather than on its first visitor's request)."""
    for lang in LANGUAGES:
        translations(lang)
        format_date(date(2026, 1, 1), lang)
        format_number(1000.5, lang, 1)


def N_(message: str) -> str:
    """Mark a message id for extraction where it is defined; it is translated where shown."""
    return message


def gettext(message: str, lang: str) -> str:
    return translations(lang).gettext(message)


def ngettext(singular: str, plural: str, count: int, lang: str) -> str:
    return translations(lang).ngettext(singular, plural, count)


def choose_language(requested: str | None, accept_language: str | None = None) -> str:
    """The language to use: an explicit choice, else the browser's preference, else Swedish."""
    if requested in LANGUAGES:
        return requested
    for part in (accept_language or "").split(","):
        code = part.split(";")[0].strip().lower()[:2]
        if code in LANGUAGES:
            return code
    return DEFAULT_LANGUAGE


def format_date(value: date | datetime | None, lang: str, style: str = "medium") -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return _format_datetime(value, format=style, locale=_LOCALES[lang])
    return _format_date(value, format=style, locale=_LOCALES[lang])


@lru_cache(maxsize=len(LANGUAGES))
def _group_symbol(lang: str) -> str:
    return get_group_symbol(_LOCALES[lang])


def format_number(value: float | int | None, lang: str, digits: int = 0) -> str:
    if value is None:
        return ""
    if digits == 0 and value >= 0:  # the common case, without parsing a pattern each time
        return f"{round(value):,}".replace(",", _group_symbol(lang))
    pattern = "#,##0" + ("." + "0" * digits if digits else "")
    # rounded from the float as Python does (2.55 -> 2.5, its binary value being just under),
    # not from its decimal text as Babel would (2.6): figures read as they always have
    # + 0.0: a small negative value rounds to -0.0, which read as "-0.00" beside a zero
    return format_decimal(round(value, digits) + 0.0, format=pattern, locale=_LOCALES[lang])


def format_money(value: float | None, lang: str) -> str:
    """Amounts in Swedish kronor, without decimals: '1 200 000 kr' or 'SEK 1,200,000'."""
    if value is None:
        return ""
    number = format_number(round(value), lang)
    return f"{number}\u00a0kr" if lang == "sv" else f"SEK\u00a0{number}"


def format_percent(share: float, lang: str, digits: int = 0) -> str:
    """A share (0.4) as a percentage with a space before the sign in both languages: '40 %'."""
    pattern = "#,##0" + ("." + "0" * digits if digits else "") + "\u00a0%"
    rounded = round(share * 100, digits) / 100  # as format_number rounds
    return _format_percent(rounded, format=pattern, locale=_LOCALES[lang])


def format_share(value: float, lang: str) -> str:
    return format_percent(value, lang)


def format_significant(value: float, lang: str, digits: int = 2) -> str:
    """At most `digits` significant digits, so 0.048 does not read as 0.05 (p-values)."""
    pattern = "@" + "#" * (digits - 1)
    return format_decimal(value, format=pattern, locale=_LOCALES[lang])


def format_list(parts: Sequence[str], lang: str) -> str:
    """'a, b and c' / 'a, b och c', as each language joins a list."""
    return _format_list(list(parts), locale=_LOCALES[lang])


def language_name(lang: str) -> str:
    """A language's name in that language, for the language switch."""
    name = Locale.parse(BABEL_LOCALES[lang]).get_language_name(BABEL_LOCALES[lang]) or lang
    return name[:1].upper() + name[1:]
