"""The integration map as server-side SVG: cluster discs, edges by kind, nodes by silo risk.

Readable at 300 systems: systems sit in their unit's disc, only the most connected systems are
named (the rest have a tooltip and are in the table beside the map), and edges are drawn thin,
open ones solid, manual re-keying dashed, the rest dotted, so the kind never rests on colour.
"""

from __future__ import annotations

from html import escape

from produktlyft.interop.service import MapView
from produktlyft.kernel.i18n import N_, format_percent, gettext

SCALE = 6.0  # pixels per node radius
MARGIN = 24.0
NAMED = 25  # the most connected systems get a name on the map
RISK_BANDS = ((0.5, "#b3261e"), (0.25, "#c77700"), (0.0, "#2e7d32"))  # high, some, low
EDGE_STYLE = {
    "open": ('stroke="#1f4e79" stroke-width="1"', N_("open standard or documented API")),
    "manual": (
        'stroke="#b3261e" stroke-width="1.2" stroke-dasharray="4 3"',
        N_("manual re-keying"),
    ),
    "other": (
        'stroke="#6b6b6b" stroke-width="0.8" stroke-dasharray="1 2"',
        N_("proprietary or file transfer"),
    ),
}


def risk_colour(risk: float) -> str:
    return next(colour for bound, colour in RISK_BANDS if risk >= bound)


def _style(kind: str, is_open: bool) -> str:
    if kind == "manual_rekeying":
        return "manual"
    return "open" if is_open else "other"


def _xy(value: float) -> str:
    return f"{value * SCALE + MARGIN:.1f}"


def named(view: MapView, count: int = NAMED) -> set[int]:
    """The systems named on the map: the most connected in focus, ties by name."""
    order = sorted(
        (i for i in range(len(view.ids)) if view.focus[i] and view.degrees[i] > 0),
        key=lambda i: (-view.degrees[i], view.names[i]),
    )
    return set(order[:count])


def map_svg(view: MapView, lang: str, title: str, description: str) -> str:
    drawn = view.layout
    width = drawn.width * SCALE + 2 * MARGIN
    height = drawn.height * SCALE + 2 * MARGIN
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="interop-map" role="img" '
        f'viewBox="0 0 {width:.0f} {height:.0f}" aria-labelledby="map-title map-desc">',
        f'<title id="map-title">{escape(title)}</title>',
        f'<desc id="map-desc">{escape(description)}</desc>',
        '<g fill="#f3f4f6" stroke="#c9ccd1">',
    ]
    for cluster in drawn.clusters:
        parts.append(
            f'<circle cx="{_xy(cluster.x)}" cy="{_xy(cluster.y)}" '
            f'r="{cluster.radius * SCALE:.1f}"/>'
        )
    parts.append('</g><g font-size="11" fill="#333" text-anchor="middle">')
    for cluster in drawn.clusters:
        if cluster.name:
            top = (cluster.y - cluster.radius) * SCALE + MARGIN - 4
            parts.append(f'<text x="{_xy(cluster.x)}" y="{top:.1f}">{escape(cluster.name)}</text>')
    parts.append("</g>")
    by_style: dict[str, list[str]] = {key: [] for key in EDGE_STYLE}
    for source, target, kind, is_open in view.edges:
        by_style[_style(kind, is_open)].append(
            f'<line x1="{_xy(drawn.x[source])}" y1="{_xy(drawn.y[source])}" '
            f'x2="{_xy(drawn.x[target])}" y2="{_xy(drawn.y[target])}"/>'
        )
    for key, lines in by_style.items():
        parts.append(f'<g {EDGE_STYLE[key][0]} opacity="0.7">{"".join(lines)}</g>')
    parts.append('<g stroke="#fff" stroke-width="0.8">')
    for i, sid in enumerate(view.ids):
        tooltip = f"{view.names[i]} ({format_percent(view.risks[i], lang)})"
        faded = "" if view.focus[i] else ' opacity="0.45"'
        parts.append(
            f'<circle cx="{_xy(drawn.x[i])}" cy="{_xy(drawn.y[i])}" r="{SCALE:.0f}" '
            f'fill="{risk_colour(view.risks[i])}"{faded} data-id="{escape(sid)}">'
            f"<title>{escape(tooltip)}</title></circle>"
        )
    parts.append(
        '</g><g font-size="10" fill="#111" stroke="#fff" stroke-width="3" '
        'paint-order="stroke" text-anchor="middle">'
    )
    for i in sorted(named(view)):
        y = drawn.y[i] * SCALE + MARGIN - SCALE - 3
        parts.append(f'<text x="{_xy(drawn.x[i])}" y="{y:.1f}">{escape(view.names[i])}</text>')
    parts.append("</g></svg>")
    return "".join(parts)


def legend(lang: str) -> list[tuple[str, str]]:
    """The edge styles in words, for the legend beside the map."""
    return [(key, gettext(words, lang)) for key, (_, words) in EDGE_STYLE.items()]
