"""The start page's charts and labels: the one place that turns the dashboard's figures into
translated words and charts. A chart depends only on its rows and language, so each rendered
SVG is kept by those: the page renders charts once per change of the data, not per visit."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from produktlyft.inventory.analysis.data_quality import REQUIRED_FACTS
from produktlyft.inventory.charts import ACCENT, Chart, GraphEdge, bar_chart, graph_chart, to_svg
from produktlyft.inventory.services.browse import IntegrationOverview
from produktlyft.inventory.services.dashboard import Dashboard
from produktlyft.inventory.vocabularies import Criticality, Lifecycle
from produktlyft.kernel import i18n
from produktlyft.kernel.cache import CacheRegistry
from produktlyft.kernel.labels import LabelledEnum

MISSING_COLOUR = "#c01b1b"
Rows = tuple[tuple[str, float], ...]


@dataclass(frozen=True)
class DashboardView:
    facts: list[tuple[str, str]]  # (fact, its name) for the data-quality table
    missing_chart: Chart
    lifecycle_chart: Chart
    criticality_chart: Chart


@lru_cache(maxsize=64)
def _chart(title: str, rows: Rows, value_title: str, lang: str, colour: str) -> Chart:
    data = bar_chart(title, list(rows), value_title, lang, colour=colour)
    return Chart(data=data, svg=to_svg(data.spec, lang))


def fact_names(lang: str) -> list[tuple[str, str]]:
    """The facts every system should have, each with its name in the language."""
    return [
        (fact, names[0] if lang == "sv" else names[1]) for fact, names in REQUIRED_FACTS.items()
    ]


def _counted(members: Iterable[LabelledEnum], counts: Counter[str], lang: str) -> Rows:
    """One row per member of a vocabulary, then the systems with nothing recorded."""
    rows = [(member.label(lang), float(counts.get(member, 0))) for member in members]
    rows.append((i18n.gettext("not recorded", lang), float(counts.get("unknown", 0))))
    return tuple(rows)


def dashboard_view(board: Dashboard, lang: str) -> DashboardView:
    summary = board.summary
    systems = i18n.gettext("Systems", lang)
    facts = fact_names(lang)
    missing = tuple((name, float(summary.quality.missing.get(fact, 0))) for fact, name in facts)
    lifecycle = _counted(Lifecycle, summary.systems_by_lifecycle, lang)
    criticality = _counted(Criticality, summary.systems_by_criticality, lang)
    return DashboardView(
        facts=facts,
        missing_chart=_chart(
            i18n.gettext("Systems missing each fact", lang), missing, systems, lang, MISSING_COLOUR
        ),
        lifecycle_chart=_chart(
            i18n.gettext("Systems by lifecycle phase", lang), lifecycle, systems, lang, ACCENT
        ),
        criticality_chart=_chart(
            i18n.gettext("Systems by criticality", lang), criticality, systems, lang, ACCENT
        ),
    )


GRAPHS_KEPT = 200  # drawn graphs per database and data version: filters × languages


@dataclass
class IntegrationGraph:
    title: str
    svg: str


def integration_graph(
    caches: CacheRegistry, overview: IntegrationOverview, lang: str
) -> IntegrationGraph | None:
    """Which systems exchange data, as a graph: drawn once per data version, filter and
    language (drawing takes a while); None when there is nothing to draw."""
    if not overview.graph_rows:
        return None
    database, version, system, kind = overview.graph_key
    graphs = caches.named("inventory.integration_graphs", GRAPHS_KEPT)
    return graphs.get_or_build(
        database, version, (system, kind, lang), lambda: _draw_graph(overview, lang)
    )


def _draw_graph(overview: IntegrationOverview, lang: str) -> IntegrationGraph:
    rows = overview.graph_rows
    labels = {row.source_id: row.source_name for row in rows}
    labels.update({row.target_id: row.target_name for row in rows})
    nodes = sorted(labels, key=lambda node: (labels[node].casefold(), node))
    edges = [GraphEdge(row.source_id, row.target_id, row.manual) for row in rows]
    title = i18n.gettext("Which systems exchange data", lang)
    return IntegrationGraph(
        title, to_svg(graph_chart(title, nodes, edges, lang, labels).spec, lang)
    )
