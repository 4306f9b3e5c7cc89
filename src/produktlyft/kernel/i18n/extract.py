"""Find the message ids an area uses, and keep its catalogues in step with them.

Each area's domain is its folder: `python -m produktlyft.kernel.i18n.extract surveys` reads
every Python file and template under `produktlyft/surveys/` and rewrites
`surveys/locale/*/LC_MESSAGES/surveys.po`: new ids are added (English filled in, Swedish left
empty for a translator), ids no longer used are dropped, translations are kept. The catalogue
test uses `extract()` to prove that every id in the code has a translation in every language.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po, write_po

from produktlyft.kernel.i18n import LANGUAGES, PACKAGE, catalogue_path

KEYWORDS = {"_": None, "gettext": None, "ngettext": (1, 2), "N_": None, "wording": None}
# A domain is a folder beside the kernel with translatable text; its sources are all of it.
DOMAINS = (
    "kernel",
    "inventory",
    "review",
    "workflows",
    "surveys",
    "decisions",
    "accounts",
    "demo",
    "roadmap",
    "interop",
    "business_case",
    "procurement",
    "pilots",
    "wins",
    "outcomes",
)
SOURCES = [("**/templates/**.html", "jinja2"), ("**.py", "python")]
JINJA_OPTIONS = {
    "extensions": "jinja2.ext.i18n",
    "newstyle_gettext": "true",
    "trim_blocks": "true",
    "lstrip_blocks": "true",
}


def extract(domain: str) -> dict[str | tuple[str, str], list[tuple[str, int]]]:
    """Every message id a domain's sources use, with where each is used."""
    found: dict[str | tuple[str, str], list[tuple[str, int]]] = {}
    if domain not in DOMAINS:
        raise KeyError(f"no gettext domain '{domain}'; the domains are {', '.join(DOMAINS)}")
    options = {pattern: JINJA_OPTIONS for pattern, method in SOURCES if method == "jinja2"}
    for filename, line, message, _comments, _context in extract_from_dir(
        PACKAGE / domain, SOURCES, keywords=KEYWORDS, options_map=options, strip_comment_tags=True
    ):
        key = message if isinstance(message, str) else (message[0], message[1])
        found.setdefault(key, []).append((f"{domain}/{filename}", line))
    return found


def po_path(lang: str, domain: str) -> Path:
    return catalogue_path(lang, domain)


def read_catalog(lang: str, domain: str) -> Catalog:
    path = po_path(lang, domain)
    if not path.exists():
        return Catalog(locale=lang, domain=domain)
    with path.open("rb") as handle:
        return read_po(handle, locale=lang, domain=domain)


def sync(domain: str, languages: Iterable[str] = LANGUAGES) -> dict[str, int]:
    """Rewrite a domain's catalogues; return how many ids each still lacks a translation for."""
    used = extract(domain)
    untranslated = {}
    for lang in languages:
        old = read_catalog(lang, domain)
        new = Catalog(
            locale=lang,
            domain=domain,
            project="produktlyft",
            language_team=f"produktlyft {lang}",
            fuzzy=False,
        )
        missing = 0
        for key, places in sorted(used.items(), key=lambda item: str(item[0])):
            previous = old.get(key[0] if isinstance(key, tuple) else key)
            if previous is not None and previous.string and any(previous.string):
                string = previous.string
            elif lang == "en":
                string = key
            else:
                string = ("", "") if isinstance(key, tuple) else ""
                missing += 1
            new.add(key, string, locations=places)
        po_path(lang, domain).parent.mkdir(parents=True, exist_ok=True)
        with po_path(lang, domain).open("wb") as handle:
            write_po(handle, new, width=100, sort_output=True, omit_header=False)
        untranslated[lang] = missing
    return untranslated


if __name__ == "__main__":
    for name in sys.argv[1:] or list(DOMAINS):
        print(name, sync(name))
