"""Files made from survey results and answer links, for the pages and the CLI: the links as CSV
for a mail merge or as a printable sheet of slips, and a report as JSON. The formats live in
exporters/; this is the one way in for the entry points."""

from __future__ import annotations

from pathlib import Path

from produktlyft.surveys.exporters import json_report, links
from produktlyft.surveys.model import SurveyReport
from produktlyft.surveys.services.rounds import LinkBatch


def links_csv(batch: LinkBatch, base_url: str | None) -> str:
    return links.links_csv_text(batch.group.name, batch.paths, base_url)


def links_sheet(batch: LinkBatch, base_url: str | None, lang: str) -> str:
    return links.links_sheet_html(
        batch.round.title, batch.group.name, batch.paths, base_url, batch.round.closes_on, lang
    )


def write_links_csv(batch: LinkBatch, path: Path, base_url: str | None) -> None:
    links.write_links_csv(path, batch.group.name, batch.paths, base_url)


def write_links_sheet(batch: LinkBatch, path: Path, base_url: str | None, lang: str) -> None:
    links.write_links_sheet(
        path,
        batch.round.title,
        batch.group.name,
        batch.paths,
        base_url,
        batch.round.closes_on,
        lang,
    )


def write_report_json(report: SurveyReport, path: Path) -> None:
    json_report.write_report_json(report, path)
