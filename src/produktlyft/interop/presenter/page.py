"""What the /interop pages show: the table's rows (sorted), the map and the system's page,
every reason already worded in the reader's language."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from produktlyft.interop.model import CloudRequirement, Disposition
from produktlyft.interop.presenter.svg import legend, map_svg
from produktlyft.interop.presenter.words import (
    DOCUMENTS,
    FLAGS,
    PROVIDERS,
    VERDICTS,
    label,
    reason_text,
)
from produktlyft.interop.service import Overview, SystemView
from produktlyft.kernel.i18n import N_, gettext


class SortKey(StrEnum):
    NAME = "name"
    SHARE = "share"
    RISK = "risk"
    DISPOSITION = "disposition"
    CLOUD = "cloud"


@dataclass(frozen=True)
class Row:
    id: str
    name: str
    share: float | None
    risk: float
    integrations: int
    disposition: Disposition | None
    cloud: CloudRequirement | None
    reasons: list[str]


def parse_sort(sort: str | None) -> SortKey:
    return SortKey(sort) if sort in {key.value for key in SortKey} else SortKey.RISK


def rows(view: Overview, lang: str, sort: SortKey, descending: bool) -> list[Row]:
    made = []
    for system in view.systems:
        if view.unit and system.unit_id != view.unit:
            continue
        advice, cloud = view.dispositions.get(system.id), view.cloud.get(system.id)
        made.append(
            Row(
                id=system.id,
                name=system.name,
                share=system.open_standard_share,
                risk=system.silo_risk,
                integrations=system.integrations,
                disposition=advice.disposition if advice else None,
                cloud=cloud.requirement if cloud else None,
                reasons=[reason_text(r, lang) for r in system.reasons],
            )
        )
    order = list(Disposition), list(CloudRequirement)
    keys = {
        SortKey.NAME: lambda r: (r.name.casefold(),),
        SortKey.SHARE: lambda r: (-1.0 if r.share is None else r.share, r.name.casefold()),
        SortKey.RISK: lambda r: (r.risk, r.name.casefold()),
        SortKey.DISPOSITION: lambda r: (order[0].index(r.disposition) if r.disposition else 9,),
        SortKey.CLOUD: lambda r: (order[1].index(r.cloud) if r.cloud else 9,),
    }
    # risk sorts highest first unless asked otherwise: that is what the page is for
    reverse = descending != (sort is SortKey.RISK)
    return sorted(made, key=keys[sort], reverse=reverse)


def map_figure(view: Overview, lang: str) -> str:
    count = len(view.map.ids)
    title = gettext(N_("Integration map"), lang)
    description = gettext(
        N_(
            "{count} systems drawn in circles by unit; colour shows silo risk, line style the "
            "kind of integration. The table below lists the same systems."
        ),
        lang,
    ).format(count=count)
    return map_svg(view.map, lang, title, description)


def map_legend(lang: str) -> list[tuple[str, str]]:
    return legend(lang)


@dataclass(frozen=True)
class CloudLines:
    requirement: CloudRequirement
    verdicts: list[tuple[str, str]]  # provider, verdict in words
    documents: list[str]
    flags: list[str]
    reasons: list[str]
    sources: list[tuple[str, str, str | None]]  # title, date, url


def cloud_lines(system: SystemView, lang: str) -> CloudLines:
    check, rules = system.cloud, system.rules
    return CloudLines(
        requirement=check.requirement,
        verdicts=[
            (label(PROVIDERS, provider, lang), label(VERDICTS, verdict, lang))
            for provider, verdict in check.verdicts.items()
        ],
        documents=[label(DOCUMENTS, d, lang) for d in check.documents],
        flags=[label(FLAGS, f, lang) for f in check.flags],
        reasons=[reason_text(r, lang) for r in check.reasons],
        sources=[
            (rules.sources[k].title, rules.sources[k].date, rules.sources[k].url)
            for k in check.sources
            if k in rules.sources
        ],
    )
