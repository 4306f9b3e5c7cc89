"""The process map as SVG, for the web page and the report (no JavaScript, no graph library).

Boxes are activities (name and count; a green bar marks start activities, a dark one end
activities). Arrows are edges; their width grows with the number of cases that take them, and
their label shows the count or the median duration. Loops back run on the right, dashed.
Every element has a <title>, so screen readers and tooltips name it.
"""

from __future__ import annotations

import math
from html import escape

from produktlyft.kernel.i18n import format_number
from produktlyft.workflows.analysis.process_map import NODE_HEIGHT, NODE_WIDTH, MapEdge, ProcessMap


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


def _short(text: str, limit: int = 26) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _edge_path(m: ProcessMap, edge: MapEdge, index: int) -> tuple[str, float, float]:
    source, target = m.node(edge.source), m.node(edge.target)
    if edge.source == edge.target:  # a repeat of the same activity: a small loop on its side
        x, y = source.x + NODE_WIDTH, source.y + NODE_HEIGHT / 2
        return (
            f"M{x:.0f},{y - 10:.0f} C{x + 40:.0f},{y - 30:.0f} {x + 40:.0f},{y + 30:.0f} "
            f"{x:.0f},{y + 10:.0f}",
            x + 34,
            y,
        )
    if edge.forward:
        x1, y1 = source.x + NODE_WIDTH / 2, source.y + NODE_HEIGHT
        x2, y2 = target.x + NODE_WIDTH / 2, target.y
        bend = (y2 - y1) / 2
        return (
            f"M{x1:.0f},{y1:.0f} C{x1:.0f},{y1 + bend:.0f} {x2:.0f},{y2 - bend:.0f} "
            f"{x2:.0f},{y2:.0f}",
            (x1 + x2) / 2 + 4,
            (y1 + y2) / 2,
        )
    x1, y1 = source.x + NODE_WIDTH, source.y + NODE_HEIGHT / 2
    x2, y2 = target.x + NODE_WIDTH, target.y + NODE_HEIGHT / 2
    reach = 50 + 14 * (index % 5)  # spread parallel loops apart
    side = max(x1, x2) + reach
    return (
        f"M{x1:.0f},{y1:.0f} C{side:.0f},{y1:.0f} {side:.0f},{y2:.0f} {x2:.0f},{y2:.0f}",
        side - 6,
        (y1 + y2) / 2,
    )


def render_svg(
    m: ProcessMap, *, label: str = "frequency", language: str = "en", title: str = "Process map"
) -> str:
    """The map as a standalone SVG element."""
    most = max((e.count for e in m.edges), default=1)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {m.width:.0f} '
        f'{m.height:.0f}" width="{m.width:.0f}" height="{m.height:.0f}" role="img" '
        f'aria-labelledby="map-title" class="process-map">',
        f'<title id="map-title">{escape(title)}</title>',
        '<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="9" '
        'markerHeight="9" markerUnits="userSpaceOnUse" orient="auto-start-reverse">'
        '<path d="M0,0 L10,5 L0,10 z" fill="#4b5563"/></marker></defs>',
    ]
    for index, edge in enumerate(m.edges):
        path, lx, ly = _edge_path(m, edge, index)
        width = 1 + 6 * math.log1p(edge.count) / math.log1p(most)
        text = (
            format_number(edge.count, language)
            if label == "frequency"
            else duration_text(edge.median_seconds, language)
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
            f'height="{NODE_HEIGHT}" rx="6" fill="#eef2ff" stroke="#1e3a8a"/>'
        )
        if node.starts:
            parts.append(
                f'<rect x="{node.x:.0f}" y="{node.y:.0f}" width="6" '
                f'height="{NODE_HEIGHT}" fill="#15803d"/>'
            )
        if node.ends:
            parts.append(
                f'<rect x="{node.x + NODE_WIDTH - 6:.0f}" y="{node.y:.0f}" width="6" '
                f'height="{NODE_HEIGHT}" fill="#111827"/>'
            )
        parts.append(
            f'<text x="{node.x + 12:.0f}" y="{node.y + 19:.0f}" font-size="12" '
            f'fill="#111827">{escape(_short(node.activity))}</text>'
            f'<text x="{node.x + 12:.0f}" y="{node.y + 36:.0f}" font-size="11" '
            f'fill="#374151">{format_number(node.count, language)}</text></g>'
        )
    parts.append("</svg>")
    return "".join(parts)
