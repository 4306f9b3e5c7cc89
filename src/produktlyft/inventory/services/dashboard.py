"""The start page's figures: counts, cost and data quality, with charts.

The summary reads every system, which takes a while at 10,000 systems, so it is kept per
database and language until the data changes (a cheap fingerprint query tells).
"""

from __future__ import annotations

import threading
from collections import Counter
from dataclasses import dataclass

from produktlyft.inventory.analysis.data_quality import REQUIRED_FACTS
from produktlyft.inventory.charts import ChartData, bar_chart, to_svg
from produktlyft.inventory.queries import Fingerprint
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


_cache: dict[tuple[str, str], Dashboard] = {}
_lock = threading.Lock()
_current: set[str] = set()


def dashboard(ctx: ServiceContext, lang: str) -> Dashboard:
    ctx.actor.require(Permission.READ)
    if ctx.database.url not in _current:  # checking the schema costs more than the page
        ctx.database.require_current()
        _current.add(ctx.database.url)
    with ctx.database.reading() as uow:
        fingerprint = uow.browse.fingerprint()
    key = (ctx.database.url, lang)
    cached = _cache.get(key)
    if cached is not None and cached.fingerprint == fingerprint:
        return cached
    with _lock:  # one thread computes; the others wait and reuse it
        cached = _cache.get(key)
        if cached is not None and cached.fingerprint == fingerprint:
            return cached
        built = _build(ctx, lang, fingerprint)
        _cache[key] = built
        return built


def _chart(data: ChartData) -> Chart:
    return Chart(data=data, svg=to_svg(data.spec))


def summarise(ctx: ServiceContext) -> InventorySummary:
    """The same summary as `summarise_inventory`, counted in SQL, so it takes milliseconds
    rather than seconds at 10,000 systems."""
    ctx.actor.require(Permission.READ)
    with ctx.database.reading() as uow:
        counts = uow.inventory.counts()
        cost, lifecycle, criticality = uow.browse.system_profile()
        quality = uow.browse.data_quality()
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
