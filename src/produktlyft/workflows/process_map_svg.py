"""The process map as SVG, for the web page and the report (no JavaScript, no graph library).

Boxes are activities (name and count; a green bar marks start activities, a dark one end
activities); a name is never shortened but wraps over as many lines as it needs, and every box
is as tall as the longest name needs. Arrows are edges; by default their width grows with the
number of cases that take them (a log scale against the busiest edge) and their label shows the
count; with `label="waiting"` both show the median waiting time between the two activities
instead (a log scale against the slowest edge). Loops back run on the right, dashed. The SVG
has a viewBox, so the page scales it to its width rather than cutting it inside a scroll box.
Every element has a <title>, so screen readers and tooltips name it.
"""

from __future__ import annotations

import math
from html import escape

from produktlyft.kernel.i18n import format_number
from produktlyft.workflows.analysis.process_map import (
    LINE_HEIGHT,
    NODE_WIDTH,
    MapEdge,
    MapNode,
    ProcessMap,
    name_lines,
)


def duration_text(seconds: float, language: str = "en") -> str:
    if seconds >= 86_400:
        value, unit = seconds / 86_400, "d"
    elif seconds >= 3_600:
        value, unit = seconds / 3_600, "h"
    elif seconds >= 60:
        value, unit = seconds / 60, "min"
    else:
        value, unit = seconds, "s"
    text = format_number(value, language, 0 if value >= 10 else 1)
    return f"{text} {unit}"


def _node_text(node: MapNode, language: str) -> str:
    """The full name, a line per tspan, and the count below it."""
    lines = name_lines(node.activity)
    spans = "".join(
        f'<tspan x="{node.x + 12:.0f}" dy="{0 if i == 0 else LINE_HEIGHT}">{escape(line)}</tspan>'
        for i, line in enumerate(lines)
    )
    below = node.y + 36 + LINE_HEIGHT * (len(lines) - 1)
    return (
        f'<text x="{node.x + 12:.0f}" y="{node.y + 19:.0f}" font-size="12" '
        f'fill="#111827">{spans}</text>'
        f'<text x="{node.x + 12:.0f}" y="{below:.0f}" font-size="11" '
        f'fill="#374151">{format_number(node.count, language)}</text>'
    )


def _edge_path(m: ProcessMap, edge: MapEdge, index: int) -> tuple[str, float, float]:
    tall = m.node_height
    source, target = m.node(edge.source), m.node(edge.target)
    if edge.source == edge.target:  # a repeat of the same activity: a small loop on its side
        x, y = source.x + NODE_WIDTH, source.y + tall / 2
        return (
            f"M{x:.0f},{y - 10:.0f} C{x + 40:.0f},{y - 30:.0f} {x + 40:.0f},{y + 30:.0f} "
            f"{x:.0f},{y + 10:.0f}",
            x + 34,
            y,
        )
    if edge.forward:
        x1, y1 = source.x + NODE_WIDTH / 2, source.y + tall
        x2, y2 = target.x + NODE_WIDTH / 2, target.y
        bend = (y2 - y1) / 2
        return (
            f"M{x1:.0f},{y1:.0f} C{x1:.0f},{y1 + bend:.0f} {x2:.0f},{y2 - bend:.0f} "
            f"{x2:.0f},{y2:.0f}",
            (x1 + x2) / 2 + 4,
            (y1 + y2) / 2,
        )
    x1, y1 = source.x + NODE_WIDTH, source.y + tall / 2
    x2, y2 = target.x + NODE_WIDTH, target.y + tall / 2
    reach = 50 + 14 * (index % 5)  # spread parallel loops apart
    side = max(x1, x2) + reach
    return (
        f"M{x1:.0f},{y1:.0f} C{side:.0f},{y1:.0f} {side:.0f},{y2:.0f} {x2:.0f},{y2:.0f}",
        side - 6,
        (y1 + y2) / 2,
    )


def _widths(m: ProcessMap, waiting: bool) -> list[float]:
    """Each edge's stroke width, 1 to 7 px on a log scale: by its cases, or by its median wait
    (in hours, so that waits of seconds and minutes stay thin)."""
    values = [e.median_seconds / 3_600 if waiting else float(e.count) for e in m.edges]
    most = max(values, default=0.0)
    if most <= 0:
        return [1.0 for _ in values]
    return [1 + 6 * math.log1p(v) / math.log1p(most) for v in values]


def render_svg(
    m: ProcessMap,
    *,
    label: str = "frequency",
    language: str = "en",
    title: str = "Process map",
    legend: str = "",
) -> str:
    """The map as a standalone SVG element; `legend` (what the arrows show) is its description."""
    waiting = label == "waiting"
    described = ' aria-describedby="map-legend-text"' if legend else ""
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {m.width:.0f} '
        f'{m.height:.0f}" width="{m.width:.0f}" height="{m.height:.0f}" role="img" '
        f'aria-labelledby="map-title"{described} class="process-map" data-edges="{escape(label)}">',
        f'<title id="map-title">{escape(title)}</title>',
        f'<desc id="map-legend-text">{escape(legend)}</desc>' if legend else "",
        '<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="9" '
        'markerHeight="9" markerUnits="userSpaceOnUse" orient="auto-start-reverse">'
        '<path d="M0,0 L10,5 L0,10 z" fill="#4b5563"/></marker></defs>',
    ]
    for index, (edge, width) in enumerate(zip(m.edges, _widths(m, waiting), strict=True)):
        path, lx, ly = _edge_path(m, edge, index)
        text = (
            duration_text(edge.median_seconds, language)
            if waiting
            else format_number(edge.count, language)
        )
        dash = "" if edge.forward else ' stroke-dasharray="6 4"'
        name = (
            f"{edge.source} → {edge.target}: {format_number(edge.count, language)} "
            f"({duration_text(edge.median_seconds, language)} median)"
        )
        parts.append(
            f'<g class="edge"><title>{escape(name)}</title><path d="{path}" '
            f'fill="none" stroke="#4b5563" stroke-opacity="0.75" '
            f'stroke-width="{width:.1f}" marker-end="url(#arrow)"{dash}/>'
            f'<text x="{lx:.0f}" y="{ly:.0f}" font-size="11" fill="#111827">'
            f"{escape(text)}</text></g>"
        )
    for node in m.nodes:
        name = f"{node.activity}: {format_number(node.count, language)}"
        parts.append(
            f'<g class="node"><title>{escape(name)}</title>'
            f'<rect x="{node.x:.0f}" y="{node.y:.0f}" width="{NODE_WIDTH}" '
            f'height="{m.node_height:.0f}" rx="6" fill="#eef2ff" stroke="#1e3a8a"/>'
        )
        if node.starts:
            parts.append(
                f'<rect x="{node.x:.0f}" y="{node.y:.0f}" width="6" '
                f'height="{m.node_height:.0f}" fill="#15803d"/>'
            )
        if node.ends:
            parts.append(
                f'<rect x="{node.x + NODE_WIDTH - 6:.0f}" y="{node.y:.0f}" width="6" '
                f'height="{m.node_height:.0f}" fill="#111827"/>'
            )
        parts.append(_node_text(node, language) + "</g>")
    parts.append("</svg>")
    return "".join(parts)
