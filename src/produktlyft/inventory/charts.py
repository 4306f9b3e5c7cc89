"""Charts of the inventory as Vega-Lite specs, built with Altair, and their static SVG.

One spec serves the web page (inline SVG, so it reads without JavaScript) and the PDF report.
Every chart comes with the rows it was drawn from, so callers can always show a data table
beside it. Labels are translated here through the shared catalogues.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

from produktlyft.kernel import i18n
from produktlyft.kernel.charts import AXIS_QUANTITATIVE, FONT, TEXT_PX, TITLE_PX

# Designsystemet's accent and danger colours, so charts match the pages around them.
ACCENT = "#0062ba"
DANGER = "#c01b1b"
NEUTRAL = "#68707c"
# Names fit around the circle up to this many systems (30° apart); beyond it they would run
# into each other, so the circle shows points only and the table beside it names every pair
# (the interoperability map, /interop, draws the whole landscape readably).
NAMED_NODES_MAX = 12


@dataclass
class ChartData:
    """A chart's spec and the rows behind it: (label, value) pairs in display order."""

    title: str
    spec: dict[str, Any]
    rows: list[tuple[str, float]] = field(default_factory=list)


@dataclass
class Chart:
    """A chart ready to show: its data (for the table beside it) and its rendered SVG."""

    data: ChartData
    svg: str


def _config() -> dict[str, Any]:
    return {
        "font": FONT,
        "view": {"stroke": None},
        # the font vl-convert measures with (kernel.charts.FONT), at GOV.UK's 14 px
        "axis": {"labelFontSize": TEXT_PX, "titleFontSize": TEXT_PX, "labelLimit": 220},
        "legend": {"labelFontSize": TEXT_PX, "titleFontSize": TEXT_PX},
        "title": {"fontSize": TITLE_PX},
        "axisQuantitative": AXIS_QUANTITATIVE,
    }


def bar_chart(
    title: str, rows: list[tuple[str, float]], value_title: str, lang: str, colour: str = ACCENT
) -> ChartData:
    """A horizontal bar chart: one bar per row, in the order given."""
    import altair as alt

    values = [{"label": label, "value": value} for label, value in rows]
    chart = (
        alt.Chart({"values": values}, title=title, width=360, height=max(60, 28 * len(rows)))
        .mark_bar(color=colour)
        .encode(
            y=alt.Y("label:N", sort=None, title=None),
            x=alt.X("value:Q", title=value_title, axis=alt.Axis(tickMinStep=1)),
            tooltip=[
                alt.Tooltip("label:N", title=i18n.gettext("Category", lang)),
                alt.Tooltip("value:Q", title=value_title),
            ],
        )
    )
    spec = chart.to_dict(validate=False)
    spec["config"] = _config()
    return ChartData(title=title, spec=spec, rows=rows)


@dataclass(frozen=True)
class GraphEdge:
    source: str
    target: str
    manual: bool


def graph_chart(
    title: str, nodes: list[str], edges: list[GraphEdge], lang: str, labels: dict[str, str]
) -> ChartData:
    """Systems on a circle, integrations as lines; manual re-keying drawn red and dashed."""
    import altair as alt

    count = max(len(nodes), 1)
    position = {
        node: (math.cos(2 * math.pi * k / count), math.sin(2 * math.pi * k / count))
        for k, node in enumerate(nodes)
    }
    manual_word = i18n.gettext("manual re-keying", lang)
    automatic_word = i18n.gettext("automated", lang)
    lines = [
        {
            "x": position[e.source][0],
            "y": position[e.source][1],
            "x2": position[e.target][0],
            "y2": position[e.target][1],
            "kind": manual_word if e.manual else automatic_word,
            "pair": f"{labels.get(e.source, e.source)} → {labels.get(e.target, e.target)}",
        }
        for e in edges
        if e.source in position and e.target in position
    ]
    points = [
        {"x": x, "y": y, "name": labels.get(node, node), "align": "left" if x >= 0 else "right"}
        for node, (x, y) in position.items()
    ]
    scale = alt.Scale(domain=[-1.9, 1.9])
    hidden = alt.Axis(labels=False, ticks=False, grid=False, domain=False, title=None)
    colour = alt.Color(
        "kind:N",
        title=i18n.gettext("Integration", lang),
        scale=alt.Scale(domain=[automatic_word, manual_word], range=[NEUTRAL, DANGER]),
    )
    dash = alt.StrokeDash(
        "kind:N",
        legend=None,
        scale=alt.Scale(domain=[automatic_word, manual_word], range=[[1, 0], [6, 3]]),
    )
    edge_layer = (
        alt.Chart({"values": lines})
        .mark_rule(strokeWidth=1.6)
        .encode(
            x=alt.X("x:Q", scale=scale, axis=hidden),
            y=alt.Y("y:Q", scale=scale, axis=hidden),
            x2="x2:Q",
            y2="y2:Q",
            color=colour,
            strokeDash=dash,
            tooltip=[
                alt.Tooltip("pair:N", title=i18n.gettext("Systems", lang)),
                alt.Tooltip("kind:N", title=i18n.gettext("Kind", lang)),
            ],
        )
    )
    node_layer = (
        alt.Chart({"values": points})
        .mark_circle(size=90, color=ACCENT)
        .encode(
            x=alt.X("x:Q", scale=scale, axis=hidden),
            y=alt.Y("y:Q", scale=scale, axis=hidden),
            tooltip=[alt.Tooltip("name:N", title=i18n.gettext("System", lang))],
        )
    )
    named = points if len(points) <= NAMED_NODES_MAX else []
    text_layers = [
        alt.Chart({"values": [p for p in named if p["align"] == side]})
        .mark_text(dx=8 if side == "left" else -8, fontSize=TEXT_PX, align=side)
        .encode(
            x=alt.X("x:Q", scale=scale, axis=hidden),
            y=alt.Y("y:Q", scale=scale, axis=hidden),
            text="name:N",
        )
        for side in ("left", "right")
    ]
    chart = alt.layer(edge_layer, node_layer, *text_layers).properties(
        title=title, width=560, height=560
    )
    spec = chart.to_dict(validate=False)
    spec["config"] = _config()
    rows = [(str(line["pair"]), 1.0) for line in lines]
    return ChartData(title=title, spec=spec, rows=rows)


def to_svg(spec: dict[str, Any], lang: str) -> str:
    """Static SVG of a spec, rendered offline by vl-convert, numbers in the language."""
    from produktlyft.kernel import charts

    return charts.render_svg(spec, lang)
