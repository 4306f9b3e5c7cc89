"""The published wins as an Atom feed (RFC 4287, made with feedgen), CSV, JSON and DCAT-AP-SE
metadata describing the open dataset and its distributions."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime, time
from typing import Any

from feedgen.feed import FeedGenerator

from produktlyft.kernel.i18n import N_, gettext
from produktlyft.wins.model import Win

FIELDS = ("id", "title", "what_changed", "outcome", "team", "day")
TITLE = N_("Wins: what got better")
DESCRIPTION = N_(
    "Short, approved items on what changed for citizens or staff, with the measured outcome."
)
LICENCE = "http://creativecommons.org/publicdomain/zero/1.0/"


def _moment(win: Win) -> datetime:
    return win.decided_at or datetime.combine(win.day, time(12), tzinfo=UTC)


def atom_feed(wins: list[Win], base_url: str, lang: str, publisher: str) -> bytes:
    feed = FeedGenerator()
    feed.id(f"{base_url}/public/wins")
    feed.title(gettext(TITLE, lang))
    feed.subtitle(gettext(DESCRIPTION, lang))
    feed.author({"name": publisher})
    feed.link(href=f"{base_url}/public/wins", rel="alternate")
    feed.link(href=f"{base_url}/public/wins.atom", rel="self")
    feed.language(lang)
    feed.updated(max((_moment(w) for w in wins), default=datetime(2026, 1, 1, tzinfo=UTC)))
    for win in reversed(wins):  # feedgen puts the last added first
        entry = feed.add_entry()
        entry.id(f"{base_url}/public/wins#{win.id}")
        entry.title(win.title)
        entry.link(href=f"{base_url}/public/wins#{win.id}")
        entry.updated(_moment(win))
        entry.published(_moment(win))
        entry.summary(f"{win.what_changed} {win.outcome} ({win.team}, {win.day.isoformat()})")
    data: bytes = feed.atom_str(pretty=True)
    return data


def wins_csv(wins: list[Win]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(FIELDS)
    for win in wins:
        writer.writerow([str(getattr(win, name)) for name in FIELDS])
    return out.getvalue()


def wins_json(wins: list[Win]) -> list[dict[str, Any]]:
    return [{name: str(getattr(win, name)) for name in FIELDS} for win in wins]


def dcat(wins: list[Win], base_url: str, publisher: str) -> dict[str, Any]:
    """DCAT-AP-SE: a dcat:Dataset with Swedish and English title and description, publisher,
    contact point, licence and its two distributions (CSV and JSON)."""
    modified = max((w.day for w in wins), default=None)

    def text(message: str) -> list[dict[str, str]]:
        return [
            {"@language": "sv", "@value": gettext(message, "sv")},
            {"@language": "en", "@value": gettext(message, "en")},
        ]

    def distribution(fmt: str, media: str) -> dict[str, Any]:
        url = f"{base_url}/public/wins.{fmt.lower()}"
        return {
            "@id": url,
            "@type": "dcat:Distribution",
            "dcterms:title": f"{gettext(TITLE, 'en')} ({fmt})",
            "dcat:accessURL": {"@id": url},
            "dcat:downloadURL": {"@id": url},
            "dcat:mediaType": {"@id": f"http://www.iana.org/assignments/media-types/{media}"},
            "dcterms:format": {
                "@id": f"http://publications.europa.eu/resource/authority/file-type/{fmt}"
            },
            "dcterms:license": {"@id": LICENCE},
        }

    dataset: dict[str, Any] = {
        "@context": {
            "dcat": "http://www.w3.org/ns/dcat#",
            "dcterms": "http://purl.org/dc/terms/",
            "foaf": "http://xmlns.com/foaf/0.1/",
            "vcard": "http://www.w3.org/2006/vcard/ns#",
        },
        "@id": f"{base_url}/public/wins/dcat.jsonld#dataset",
        "@type": "dcat:Dataset",
        "dcterms:title": text(TITLE),
        "dcterms:description": text(DESCRIPTION),
        "dcterms:publisher": {"@type": "foaf:Agent", "foaf:name": publisher},
        "dcat:contactPoint": {
            "@type": "vcard:Organization",
            "vcard:fn": publisher,
            "vcard:hasURL": {"@id": f"{base_url}/public/wins"},
        },
        "dcat:landingPage": {"@id": f"{base_url}/public/wins"},
        "dcterms:language": [
            {"@id": "http://publications.europa.eu/resource/authority/language/SWE"},
            {"@id": "http://publications.europa.eu/resource/authority/language/ENG"},
        ],
        "dcat:theme": {"@id": "http://publications.europa.eu/resource/authority/data-theme/GOVE"},
        "dcterms:accessRights": {
            "@id": "http://publications.europa.eu/resource/authority/access-right/PUBLIC"
        },
        "dcat:distribution": [
            distribution("CSV", "text/csv"),
            distribution("JSON", "application/json"),
        ],
    }
    if modified is not None:
        dataset["dcterms:modified"] = modified.isoformat()
    return dataset
