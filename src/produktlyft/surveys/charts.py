"""Charts of survey results as Vega-Lite specs (Altair) with their static SVG.

Each chart comes with the rows it was drawn from, so a data table can stand beside it. Groups
are drawn in the order given (the tree's or time's), never sorted by score.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from produktlyft.inventory.charts import ACCENT, NEUTRAL, to_svg
from produktlyft.kernel.charts import AXIS_QUANTITATIVE, FONT, TEXT_PX


@dataclass(frozen=True)
class IntervalRow:
    label: str
    mean: float
    low: float | None
    high: float | None


@dataclass
class IntervalChart:
    title: str
    spec: dict[str, Any]
    rows: list[IntervalRow] = field(default_factory=list)
    svg: str = ""


def interval_chart(
    title: str,
    rows: list[IntervalRow],
    points: int,
    value_title: str,
    lang: str,
    label_limit: int = 220,
) -> IntervalChart:
    """Means as points with their 95 % intervals as lines, on the whole answer scale."""
    import altair as alt

    values = [
        {
            "label": r.label,
            "mean": round(r.mean, 2),
            "low": round(r.low if r.low is not None else r.mean, 2),
            "high": round(r.high if r.high is not None else r.mean, 2),
        }
        for r in rows
    ]
    base = alt.Chart({"values": values}, title=title, width=340, height=max(50, 30 * len(rows)))
    scale = alt.Scale(domain=[1, points])
    y = alt.Y("label:N", sort=None, title=None)
    rule = base.mark_rule(color=NEUTRAL, strokeWidth=2).encode(
        y=y, x=alt.X("low:Q", scale=scale, title=value_title), x2="high:Q"
    )
    dot = base.mark_point(filled=True, size=90, color=ACCENT).encode(
        y=y, x=alt.X("mean:Q", scale=scale), tooltip=["label:N", "mean:Q", "low:Q", "high:Q"]
    )
    spec = (rule + dot).to_dict()
    spec["config"] = {
        "font": FONT,
        "view": {"stroke": None},
        "axis": {"labelFontSize": TEXT_PX, "titleFontSize": TEXT_PX, "labelLimit": label_limit},
        "axisQuantitative": AXIS_QUANTITATIVE,
    }
    return IntervalChart(title, spec, rows, to_svg(spec, lang))
