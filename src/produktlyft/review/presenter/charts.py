"""The review's charts, worded in the reader's language: systems by condition (the web overview
and the report draw the same chart), capabilities by condition, and the yearly cost of groups
of overlapping systems.

Rendering SVG takes a while, so the web pages' charts are kept per run and language
(`remembered`): a chart only changes with the run it is drawn from.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any, Protocol, TypeVar

from produktlyft.inventory.charts import Chart, ChartData
from produktlyft.kernel import charts, i18n
from produktlyft.kernel.cache import CacheRegistry
from produktlyft.kernel.i18n import N_
from produktlyft.review.model import Band
from produktlyft.review.presenter.wording import band_label, band_scale

HEATMAP_CHART_ROWS = 25  # the chart shows the capabilities ranked highest; the table all
# An empty cell of the heatmap stays white; a cell with systems takes its band's colour
# (white text on each has at least 4.5:1, tests/unit/review/test_review_assessment.py), so one
# red system is as red as five.
EMPTY_CELL = "#ffffff"
COST_CHART_GROUPS = 15
KEPT_CHARTS = 8  # each chart of the web pages, per language, for the current run

T = TypeVar("T")


def remembered(
    caches: CacheRegistry, chart: str, run: tuple[str, int], lang: str, draw: Callable[[], T]
) -> T:
    """A chart of one run (its database and id) in one language, drawn once: one thread
    draws, the others wait and reuse it; a newer run's charts replace the older's."""
    database, run_id = run
    kept = caches.named(f"review.charts.{chart}", KEPT_CHARTS, one_builder=True)
    return kept.get_or_build(database, run_id, lang, draw)


def _chart(title: str, spec: dict[str, Any], rows: list[tuple[str, float]], lang: str) -> Chart:
    return Chart(data=ChartData(title=title, spec=spec, rows=rows), svg=charts.to_svg(spec, lang))


def condition_spec(
    counts: Mapping[Band, int],
    labels: Mapping[Band, str],
    *,
    title: str,
    description: str,
    category_title: str,
    value_title: str,
) -> dict[str, Any]:
    """Systems by condition: one bar per band, in band order, coloured as the band."""
    rows: list[dict[str, Any]] = [
        {"band": band.value, "label": labels[band], "systems": int(counts.get(band, 0))}
        for band in Band
    ]
    return charts.bar_chart(
        rows,
        category="label",
        value="systems",
        colour="band",
        colour_scale=Band.colours(),
        title=title,
        description=description,
        category_title=category_title,
        value_title=value_title,
        sort_descending=False,
    )


def condition_chart(counts: Mapping[Band, int], lang: str) -> Chart:
    """The web overview's systems by condition, with the table of its figures."""
    labels = {band: band_scale(band, lang) for band in Band}
    title = i18n.gettext(N_("Systems by condition"), lang)
    spec = condition_spec(
        counts,
        labels,
        title=title,
        description=i18n.gettext(
            N_("How many systems are in each condition band under the review's profile."), lang
        ),
        category_title=i18n.gettext(N_("Condition"), lang),
        value_title=i18n.gettext(N_("Systems"), lang),
    )
    return _chart(title, spec, [(labels[b], float(counts.get(b, 0))) for b in Band], lang)


class CapabilityCounts(Protocol):
    @property
    def name(self) -> str: ...
    @property
    def counts(self) -> Mapping[Band, int]: ...


def capability_grid(rows: Sequence[CapabilityCounts], lang: str) -> Chart | None:
    """Capabilities × condition bands, a count in each cell, for the highest-ranked ones."""
    shown = rows[:HEATMAP_CHART_ROWS]
    if not shown:
        return None
    cells = [
        {
            "capability": r.name,
            "band": band_scale(b, lang),
            "systems": r.counts.get(b, 0),
            "condition": band_label(b, lang) if r.counts.get(b, 0) else "",
        }
        for r in shown
        for b in Band
    ]
    colours = {band_label(b, lang): b.colour for b in Band} | {"": EMPTY_CELL}
    title = i18n.gettext(N_("Capabilities by the condition of their systems"), lang)
    spec = charts.heatmap(
        cells,
        x="band",
        y="capability",
        value="systems",
        title=title,
        description=i18n.gettext(
            N_(
                "Each cell counts the systems supporting a capability that "
                "are in a condition band, coloured as the band; the number is written "
                "in the cell."
            ),
            lang,
        ),
        x_title=i18n.gettext(N_("Condition"), lang),
        y_title=i18n.gettext(N_("Capability"), lang),
        x_order=[band_scale(b, lang) for b in Band],
        y_order=[r.name for r in shown],
        colour="condition",
        colour_scale=colours,
        legend_title=i18n.gettext(N_("Condition"), lang),
        width=420,
    )
    return _chart(title, spec, [], lang)


def group_cost_chart(groups: Sequence[tuple[str, float]], lang: str) -> Chart | None:
    """The dearest groups of overlapping systems (name, yearly cost), dearest first."""
    shown = [(name, cost) for name, cost in groups if cost][:COST_CHART_GROUPS]
    if not shown:
        return None
    title = i18n.gettext(N_("Yearly cost of each group of overlapping systems"), lang)
    if len(shown) < len(groups):  # the chart must agree with the text beside it (issue 16)
        title = i18n.gettext(
            N_("Yearly cost of the {shown} dearest of the {total} groups of overlapping systems"),
            lang,
        ).format(shown=len(shown), total=len(groups))
    rows: list[dict[str, Any]] = [{"group": name, "cost": round(cost)} for name, cost in shown]
    spec = charts.bar_chart(
        rows,
        category="group",
        value="cost",
        title=title,
        description=i18n.gettext(
            N_("The groups whose systems cost the most each year, in kronor."), lang
        ),
        category_title=i18n.gettext(N_("Group"), lang),
        value_title=i18n.gettext(N_("Yearly cost (SEK)"), lang),
    )
    return _chart(title, spec, [(r["group"], float(r["cost"])) for r in rows], lang)
