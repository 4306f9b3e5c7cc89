"""Answer links for handing out: a CSV for mail merge and a printable sheet of cut-out slips.

Neither file holds a name: a link is handed to someone by mail merge or on paper, and the
server only ever knows which team it belongs to. Destroy the mail-merge file after sending.
No cell of the CSV is ever a formula: a team named `=…` is written `'=…` (OWASP's advice
against CSV injection).
"""

from __future__ import annotations

import csv
import html
import io
from collections.abc import Sequence
from datetime import date
from pathlib import Path

import segno

from produktlyft.kernel.files.cells import neutralise_formula

_TEXT = {
    "sv": {
        "intro": "Din länk till enkäten. Den är inte kopplad till ditt namn och kan användas "
        "en gång. Svara senast {closes}.",
        "scan": "Skanna koden eller skriv in adressen:",
        "title": "Svarslänkar",
    },
    "en": {
        "intro": "Your link to the survey. It is not tied to your name and can be used once. "
        "Answer by {closes}.",
        "scan": "Scan the code or type the address:",
        "title": "Answer links",
    },
}


def absolute(path: str, base_url: str | None) -> str:
    return f"{base_url.rstrip('/')}{path}" if base_url else path


def links_csv_text(group: str, links: Sequence[str], base_url: str | None) -> str:
    """One row per link: the team and its address; add names yourself in the mail merge."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["team", "link"])
    writer.writerows(
        [neutralise_formula(group), neutralise_formula(absolute(link, base_url))] for link in links
    )
    return buffer.getvalue()


def write_links_csv(path: Path, group: str, links: Sequence[str], base_url: str | None) -> None:
    path.write_text(links_csv_text(group, links, base_url), encoding="utf-8")


def links_sheet_html(
    title: str,
    group: str,
    links: Sequence[str],
    base_url: str | None,
    closes_on: date,
    lang: str = "sv",
) -> str:
    """A printable HTML page of slips, each with its QR code, to cut apart and hand out."""
    text = _TEXT["sv" if lang == "sv" else "en"]
    slips = []
    for link in links:
        address = absolute(link, base_url)
        code = segno.make(address, error="m").svg_inline(scale=3, title=address)
        slips.append(
            f'<section class="slip"><h2>{html.escape(title)} · {html.escape(group)}</h2>'
            f"<p>{html.escape(text['intro'].format(closes=closes_on.isoformat()))}</p>"
            f'<div class="qr">{code}</div><p>{html.escape(text["scan"])}<br>'
            f"<code>{html.escape(address)}</code></p></section>"
        )
    return (
        f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8">'
        f"<title>{html.escape(text['title'])}: {html.escape(group)}</title><style>"
        "body{font-family:system-ui,sans-serif;margin:0}"
        ".slip{break-inside:avoid;border-bottom:1px dashed #555;padding:1em 1.5em}"
        "h2{font-size:1.1em;margin:0 0 .4em}code{font-size:1.05em;word-break:break-all}"
        ".qr svg{width:8em;height:8em}@page{margin:1cm}</style></head><body>"
        + "".join(slips)
        + "</body></html>"
    )


def write_links_sheet(
    path: Path,
    title: str,
    group: str,
    links: Sequence[str],
    base_url: str | None,
    closes_on: date,
    lang: str = "sv",
) -> None:
    path.write_text(
        links_sheet_html(title, group, links, base_url, closes_on, lang), encoding="utf-8"
    )
