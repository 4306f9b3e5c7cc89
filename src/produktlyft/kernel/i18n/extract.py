"""Find the message ids an area uses, and keep its catalogues in step with them.

`python -m produktlyft.kernel.i18n.extract web` rewrites `locale/*/LC_MESSAGES/web.po`: new ids are
added (English filled in, Swedish left empty for a translator), ids no longer used are
dropped, translations are kept. The catalogue test uses `extract()` to prove that every id in
the code has a translation in every language.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po, write_po

from produktlyft.kernel.i18n import LANGUAGES, LOCALE_DIR

PACKAGE = Path(__file__).resolve().parents[2]
KEYWORDS = {"_": None, "gettext": None, "ngettext": (1, 2), "N_": None, "wording": None}
# Each domain's sources: (folder under the package, method map).
DOMAINS: dict[str, list[tuple[str, list[tuple[str, str]]]]] = {
    "web": [
        (
            "kernel",
            [
                ("web/**.py", "python"),
                ("web/templates/**.html", "jinja2"),
                ("files/base.py", "python"),
                ("files/cells.py", "python"),
                ("files/safety.py", "python"),
                ("labels.py", "python"),
            ],
        ),
        (
            "inventory",
            [
                ("pages/**.py", "python"),
                ("api/**.py", "python"),
                ("templates/**.html", "jinja2"),
                ("charts.py", "python"),
                ("presenter.py", "python"),
                ("services/browse.py", "python"),
                ("services/imports.py", "python"),
                ("importers/**.py", "python"),
                ("vocabularies.py", "python"),
                ("references.py", "python"),
                ("cells.py", "python"),
            ],
        ),
        (
            "accounts",
            [("pages/**.py", "python"), ("templates/**.html", "jinja2"), ("service.py", "python")],
        ),
        (
            "workflows",
            [
                ("pages.py", "python"),
                ("templates/**.html", "jinja2"),
                ("services/logs.py", "python"),
                ("services/jobs.py", "python"),
                ("importers/common.py", "python"),
                ("importers/xes.py", "python"),
            ],
        ),
    ],
    "review": [
        (
            "review",
            [
                ("report_texts.py", "python"),
                ("report_method.py", "python"),
                ("model.py", "python"),
                ("presenter/**.py", "python"),
                ("analysis/phrases.py", "python"),
                ("templates/**.html", "jinja2"),
                ("pages/**.py", "python"),
            ],
        ),
    ],
    "surveys": [
        (
            "surveys",
            [
                ("templates/**.html", "jinja2"),
                ("pages/**.py", "python"),
                ("presenter.py", "python"),
                ("services/rounds.py", "python"),
                ("importers/**.py", "python"),
            ],
        ),
        (
            "decisions",
            [("templates/**.html", "jinja2"), ("pages.py", "python"), ("importers.py", "python")],
        ),
        ("kernel", [("files/simple_table.py", "python")]),
    ],
    "workflows": [
        ("workflows", [("report_texts.py", "python")]),
    ],
    "culture": [
        ("surveys", [("report_texts.py", "python")]),
        ("decisions", [("report_texts.py", "python")]),
    ],
}
JINJA_OPTIONS = {
    "extensions": "jinja2.ext.i18n",
    "newstyle_gettext": "true",
    "trim_blocks": "true",
    "lstrip_blocks": "true",
}


def extract(domain: str) -> dict[str | tuple[str, str], list[tuple[str, int]]]:
    """Every message id a domain's sources use, with where each is used."""
    found: dict[str | tuple[str, str], list[tuple[str, int]]] = {}
    for folder, methods in DOMAINS[domain]:
        root = PACKAGE / folder
        options = {pattern: JINJA_OPTIONS for pattern, method in methods if method == "jinja2"}
        for filename, line, message, _comments, _context in extract_from_dir(
            root, methods, keywords=KEYWORDS, options_map=options, strip_comment_tags=True
        ):
            key = message if isinstance(message, str) else (message[0], message[1])
            found.setdefault(key, []).append((f"{folder}/{filename}", line))
    return found


def po_path(lang: str, domain: str) -> Path:
    return LOCALE_DIR / lang / "LC_MESSAGES" / f"{domain}.po"


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
