"""Generic charts: Vega-Lite specifications made with Altair, rendered to static SVG offline.

The same specification renders interactively on the web (vega-embed) and as SVG in the report.
Data is passed inline as plain rows (no pandas). Every chart has a title and a description,
which become the SVG's accessible name; callers show the data as a table beside it.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator, Mapping, Sequence
from typing import Any, Literal

import altair as alt
import vl_convert

Rows = Sequence[Mapping[str, Any]]
# Callers colour categories with a `colour_scale` of their own (the review passes its condition
# bands' colours), always paired with a text label (axis, legend or table); stacked bars
# separate their parts with white lines.
# The font the SVG names must be the one vl-convert measures text with, or labels overrun the
# axis titles beside them ("Förmåga" drawn over "Lönehantering…"): vl-convert lays text out
# with Liberation Sans's metrics (Arial's), so the charts are drawn in it.
FONT = "Liberation Sans"
# GOV.UK's charts: no text under 14 px at the chart's own width; titles a step larger.
TEXT_PX = 14
TITLE_PX = 16
# Numbers and dates on charts are written as the page's language writes them (d3's locales:
# Swedish groups thousands with a no-break space and has a decimal comma).
D3_LOCALES: dict[str, Literal["sv-SE", "en-GB"]] = {"sv": "sv-SE", "en": "en-GB"}
# Labels of number axes that would touch are left out rather than drawn
# into each other ("200 000220 000"); category axes keep every label.
AXIS_QUANTITATIVE: dict[str, Any] = {
    "labelOverlap": "greedy",
    "labelFlush": True,
    "labelSeparation": 12,
}
# A label longer than its axis's `labelLimit` is drawn shortened with "…"; the full name is
# then put back as the label's <title> (a tooltip, and what assistive technology reads), and
# the data table beside every chart names it in full.
_CUT_LABEL = re.compile(r"<text ([^>]*)>([^<]*)\u2026</text>")
# CATEGORY_TITLES: a category axis (the bars' names, the heatmap's rows) has no title. Its
# labels are long names, and a title beside them was drawn over them where Vega's text
# measure and the drawn font disagree ("Grupp" over the groups' names); the chart's title
# says what the categories are, and the data table beside every chart names the column.


def _base(rows: Rows, title: str, description: str, width: int, height: int) -> alt.Chart:
    data = alt.Data(values=[dict(r) for r in rows])  # type: ignore[no-untyped-call]
    return alt.Chart(data, title=title, description=description, width=width, height=height)


def bar_chart(
    rows: Rows,
    *,
    category: str,
    value: str,
    title: str,
    description: str,
    category_title: str,
    value_title: str,
    colour: str | None = None,
    colour_scale: Mapping[str, str] | None = None,
    width: int = 420,
    height: int | None = None,
    sort_descending: bool = True,
) -> dict[str, Any]:
    """Horizontal bars, one per category, longest first."""
    height = height or max(60, 24 * len(rows))
    encoding: dict[str, Any] = {
        "y": alt.Y(
            f"{category}:N",
            title=None,  # named in the data table and the description (see CATEGORY_TITLES)
            sort="-x" if sort_descending else None,
            axis=alt.Axis(labelLimit=260),
        ),
        "x": alt.X(f"{value}:Q", title=value_title),
        "tooltip": [alt.Tooltip(f"{category}:N"), alt.Tooltip(f"{value}:Q")],
    }
    if colour and colour_scale:
        encoding["color"] = alt.Color(
            f"{colour}:N",
            legend=None,
            scale=alt.Scale(domain=list(colour_scale), range=list(colour_scale.values())),
        )
    chart = _base(rows, title, description, width, height).mark_bar().encode(**encoding)
    return _spec(chart)


def stacked_bar_chart(
    rows: Rows,
    *,
    category: str,
    value: str,
    stack: str,
    title: str,
    description: str,
    category_title: str,
    value_title: str,
    stack_title: str,
    colour_scale: Mapping[str, str],
    stack_labels: Mapping[str, str] | None = None,
    width: int = 420,
    height: int | None = None,
) -> dict[str, Any]:
    """Horizontal bars split by a stack field, e.g. systems per capability by condition band."""
    categories = len({r[category] for r in rows})
    height = height or max(60, 22 * categories)
    labels = stack_labels or {k: k for k in colour_scale}
    chart = (
        _base(rows, title, description, width, height)
        .mark_bar(stroke="#ffffff", strokeWidth=1)
        .encode(
            y=alt.Y(f"{category}:N", title=None, sort="-x", axis=alt.Axis(labelLimit=260)),
            x=alt.X(f"sum({value}):Q", title=value_title),
            color=alt.Color(
                f"{stack}:N",
                title=stack_title,
                scale=alt.Scale(domain=list(colour_scale), range=list(colour_scale.values())),
                legend=alt.Legend(orient="bottom", labelExpr=_label_expression(labels)),
            ),
            order=alt.Order(f"{stack}:N"),
            tooltip=[
                alt.Tooltip(f"{category}:N"),
                alt.Tooltip(f"{stack}:N"),
                alt.Tooltip(f"{value}:Q"),
            ],
        )
    )
    return _spec(chart)


def _label_expression(labels: Mapping[str, str]) -> str:
    parts = " : ".join(f"datum.label === {_js(k)} ? {_js(v)}" for k, v in labels.items())
    return f"{parts} : datum.label" if parts else "datum.label"


def _js(text: str) -> str:
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'"


def heatmap(
    rows: Rows,
    *,
    x: str,
    y: str,
    value: str,
    title: str,
    description: str,
    x_title: str,
    y_title: str,
    x_order: Sequence[str] | None = None,
    y_order: Sequence[str] | None = None,
    colour: str | None = None,
    colour_scale: Mapping[str, str] | None = None,
    legend_title: str | None = None,
    width: int = 260,
    height: int | None = None,
) -> dict[str, Any]:
    """A grid of cells with the value written in each.

    With `colour` (a field naming a category of `colour_scale`) each cell takes its
    category's colour and a legend names them; the caller picks colours on which white text
    has at least 4.5:1, and names cells that should stay white (an empty cell) by a category
    mapped to white, which the legend leaves out. Without it, cells shade by value."""
    rows_count = len({r[y] for r in rows})
    height = height or max(60, 26 * rows_count)
    base = _base(rows, title, description, width, height).encode(
        x=alt.X(
            f"{x}:N",
            title=x_title,
            sort=list(x_order) if x_order else None,
            axis=alt.Axis(labelAngle=0, labelLimit=160, orient="top"),
        ),
        y=alt.Y(
            f"{y}:N",
            title=None,
            sort=list(y_order) if y_order else None,
            axis=alt.Axis(labelLimit=260),
        ),
    )
    if colour and colour_scale:
        named = [k for k, v in colour_scale.items() if v.lower() not in ("#ffffff", "#fff")]
        fill = alt.Color(
            f"{colour}:N",
            scale=alt.Scale(domain=list(colour_scale), range=list(colour_scale.values())),
            legend=alt.Legend(title=legend_title, values=named, orient="bottom"),
        )
        cells = base.mark_rect(stroke="#68707c", strokeWidth=0.5).encode(color=fill)
        text_colour: Any = alt.condition(
            f"indexof({named!r}, datum['{colour}']) >= 0",
            alt.value("#ffffff"),
            alt.value("#3b3b3b"),
        )
    else:
        cells = base.mark_rect().encode(
            color=alt.Color(f"{value}:Q", legend=None, scale=alt.Scale(scheme="oranges"))
        )
        text_colour = alt.value("#000000")
    labels = base.mark_text(fontSize=14).encode(text=alt.Text(f"{value}:Q"), color=text_colour)
    # title and description on the layer, where `to_svg` finds them for the accessible name
    return _spec(alt.layer(cells, labels).properties(title=title, description=description))


def histogram(
    rows: Rows,
    *,
    field: str,
    title: str,
    description: str,
    x_title: str,
    y_title: str,
    bins: int = 10,
    width: int = 420,
    height: int = 160,
) -> dict[str, Any]:
    chart = (
        _base(rows, title, description, width, height)
        .mark_bar()
        .encode(
            x=alt.X(f"{field}:Q", bin=alt.Bin(maxbins=bins), title=x_title),
            y=alt.Y("count():Q", title=y_title),
        )
    )
    return _spec(chart)


def _spec(chart: alt.TopLevelMixin) -> dict[str, Any]:
    spec: dict[str, Any] = (
        chart.configure(font=FONT)
        .configure_view(stroke=None)
        .configure_axis(labelFontSize=TEXT_PX, titleFontSize=TEXT_PX)
        .configure_legend(labelFontSize=TEXT_PX, titleFontSize=TEXT_PX)
        .configure_title(fontSize=TITLE_PX)
        .configure_axisQuantitative(**AXIS_QUANTITATIVE)
        .to_dict()
    )
    return spec


def warm_up() -> None:
    """Start the chart engine now: its first drawing in a process takes a third of a second
    (the engine starts), which a served process pays at start, not on a visitor's page."""
    render_svg(
        {
            "data": {"values": [{"x": "a", "y": 1}]},
            "mark": "bar",
            "encoding": {
                "x": {"field": "x", "type": "nominal"},
                "y": {"field": "y", "type": "quantitative"},
            },
        },
        "sv",
    )


def render_svg(spec: Mapping[str, Any], lang: str) -> str:
    """The spec as static SVG, offline, its numbers and dates written in the language."""
    locale = D3_LOCALES.get(lang, D3_LOCALES["en"])
    svg: str = vl_convert.vegalite_to_svg(
        dict(spec), format_locale=locale, time_format_locale=locale
    )
    return with_full_labels(svg, spec)


def _texts(value: Any) -> Iterator[str]:
    """Every text in a spec: the data's values, the sort orders, the labels."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, Mapping):
        for item in value.values():
            yield from _texts(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _texts(item)


def with_full_labels(svg: str, spec: Mapping[str, Any]) -> str:
    """Each label Vega shortened ("Lönehantering och per…") with its full name as a <title>,
    found among the spec's texts by its beginning; a label whose beginning more than one
    name shares gets the names it may be, one a line. The label takes the pointer again
    (Vega draws axis labels with pointer-events none), so hovering it shows the name."""
    if "\u2026</text>" not in svg:
        return svg
    names = sorted(set(_texts(spec)))

    def titled(match: re.Match[str]) -> str:
        start = html.unescape(match[2])
        full = [n for n in names if n.startswith(start) and n != start]
        if not full:
            return match[0]
        title = _xml("\n".join(full))
        return (
            f'<text {match[1]} pointer-events="auto"><title>{title}</title>{match[2]}\u2026</text>'
        )

    return _CUT_LABEL.sub(titled, svg)


def to_svg(spec: Mapping[str, Any], lang: str) -> str:
    """Static SVG, offline, numbers in the language. The title becomes the accessible name."""
    svg = render_svg(spec, lang)
    title = spec.get("title")
    description = spec.get("description")
    return with_accessible_name(
        svg,
        title if isinstance(title, str) else None,
        description if isinstance(description, str) else None,
    )


def with_accessible_name(svg: str, title: str | None, description: str | None = None) -> str:
    """The SVG as an image named by its title (and described), unless it already has one."""
    if title is None or _ROOT_TITLE.match(svg) or not svg.startswith("<svg"):
        return svg
    accessible = f"<title>{_xml(title)}</title>"
    if description is not None:
        accessible += f"<desc>{_xml(description)}</desc>"
    return svg.replace(">", f' role="img">{accessible}', 1)


_ROOT_TITLE = re.compile(r"<svg[^>]*>\s*<title>")  # named already (not a label's <title>)


def _xml(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
