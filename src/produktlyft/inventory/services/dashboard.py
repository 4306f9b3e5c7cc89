"""The start page's figures: counts, cost and data quality, with charts.

The summary reads every system, which takes a while at 10,000 systems, so it is kept per
database and language until the data changes (a cheap fingerprint query tells).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from produktlyft.inventory.analysis.data_quality import REQUIRED_FACTS
from produktlyft.inventory.browse_repository import BrowseRepository
from produktlyft.inventory.charts import ChartData, bar_chart, to_svg
from produktlyft.inventory.queries import Fingerprint
from produktlyft.inventory.repository import InventoryRepository
from produktlyft.inventory.services.summary import InventorySummary
from produktlyft.inventory.vocabularies import Criticality, Lifecycle
from produktlyft.kernel import i18n
from produktlyft.kernel.access import Permission
from produktlyft.kernel.context import ServiceContext


@dataclass
class Chart:
    data: ChartData
    svg: str


@dataclass
class Dashboard:
    summary: InventorySummary
    missing_chart: Chart
    lifecycle_chart: Chart
    criticality_chart: Chart
    fingerprint: Fingerprint


DASHBOARDS = 8  # one per language and database is all that is ever current


def dashboard(ctx: ServiceContext, lang: str) -> Dashboard:
    ctx.actor.require(Permission.READ)
    ctx.database.require_current()  # checked once per process; the page costs more
    with ctx.database.reading() as uow:
        fingerprint = uow.repo(BrowseRepository).fingerprint()
    # one thread computes; the others wait and reuse it
    cache = ctx.caches.named("inventory.dashboard", DASHBOARDS, one_builder=True)
    return cache.get_or_build(
        ctx.database.url, fingerprint, lang, lambda: _build(ctx, lang, fingerprint)
    )


def _chart(data: ChartData) -> Chart:
    return Chart(data=data, svg=to_svg(data.spec))


def summarise(ctx: ServiceContext) -> InventorySummary:
    """The same summary as `summarise_inventory`, counted in SQL, so it takes milliseconds
    rather than seconds at 10,000 systems."""
    ctx.actor.require(Permission.READ)
    with ctx.database.reading() as uow:
        counts = uow.repo(InventoryRepository).counts()
        cost, lifecycle, criticality = uow.repo(BrowseRepository).system_profile()
        quality = uow.repo(BrowseRepository).data_quality()
    return InventorySummary(
        counts=counts,
        annual_cost=cost,
        systems_by_lifecycle=Counter({key or "unknown": n for key, n in lifecycle.items()}),
        systems_by_criticality=Counter({key or "unknown": n for key, n in criticality.items()}),
        quality=quality,
    )


def _build(ctx: ServiceContext, lang: str, fingerprint: Fingerprint) -> Dashboard:
    summary = summarise(ctx)
    systems_word = i18n.gettext("Systems", lang)
    missing_rows = [
        (labels[0] if lang == "sv" else labels[1], float(summary.quality.missing.get(fact, 0)))
        for fact, labels in REQUIRED_FACTS.items()
    ]
    unknown = i18n.gettext("not recorded", lang)
    lifecycle_rows = [
        (member.label(lang), float(summary.systems_by_lifecycle.get(member, 0)))
        for member in Lifecycle
    ]
    lifecycle_rows.append((unknown, float(summary.systems_by_lifecycle.get("unknown", 0))))
    criticality_rows = [
        (member.label(lang), float(summary.systems_by_criticality.get(member, 0)))
        for member in Criticality
    ]
    criticality_rows.append((unknown, float(summary.systems_by_criticality.get("unknown", 0))))
    return Dashboard(
        summary=summary,
        missing_chart=_chart(
            bar_chart(
                i18n.gettext("Systems missing each fact", lang),
                missing_rows,
                systems_word,
                lang,
                colour="#c01b1b",
            )
        ),
        lifecycle_chart=_chart(
            bar_chart(
                i18n.gettext("Systems by lifecycle phase", lang), lifecycle_rows, systems_word, lang
            )
        ),
        criticality_chart=_chart(
            bar_chart(
                i18n.gettext("Systems by criticality", lang), criticality_rows, systems_word, lang
            )
        ),
        fingerprint=fingerprint,
    )
