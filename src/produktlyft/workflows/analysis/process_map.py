"""A readable process map: which activities and edges to show, and where to draw them.

Real logs have 30 to 60 activities and hundreds of edges; drawn whole, the map is a hairball.
As in Disco, the user chooses how much to show: activities above a share of the most frequent
one, and edges above a share of the cases and (optionally) above a median duration. Every shown
activity keeps its most frequent incoming and outgoing edge, so nothing floats unconnected.

Layout (a small layered drawing, no graph library):
- each activity's rank is the mean position, within its cases, of its events, so the map
  reads top to bottom in the order work usually happens;
- edges from a lower to a higher rank are forward; the others are loops back;
- layers follow the longest path over forward edges; within a layer, activities are ordered
  by the mean position of their predecessors (one barycentre sweep), which keeps edges short.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass, field

import numpy as np
import polars as pl

from produktlyft.workflows.analysis.arrays import positions
from produktlyft.workflows.analysis.view import LogView
from produktlyft.workflows.model import MapSettings

NODE_WIDTH = 190
NODE_HEIGHT = 46
GAP_X = 40
GAP_Y = 70
MARGIN = 30
NAME_CHARS = 26  # characters of an activity's name per line in its box
LINE_HEIGHT = 15  # the height a second (third, ...) line of the name adds to every box


@dataclass(frozen=True)
class MapNode:
    activity: str
    count: int
    x: float
    y: float
    starts: int = 0
    ends: int = 0


@dataclass(frozen=True)
class MapEdge:
    source: str
    target: str
    count: int
    median_seconds: float
    mean_seconds: float
    forward: bool


@dataclass
class ProcessMap:
    nodes: list[MapNode] = field(default_factory=list)
    edges: list[MapEdge] = field(default_factory=list)
    width: float = 0.0
    height: float = 0.0
    hidden_activities: int = 0
    hidden_edges: int = 0
    cases: int = 0
    node_height: float = NODE_HEIGHT  # every box as tall as the longest name needs

    def node(self, activity: str) -> MapNode:
        return next(n for n in self.nodes if n.activity == activity)


def name_lines(activity: str) -> list[str]:
    """The activity's full name in lines that fit its box (never shortened)."""
    return textwrap.wrap(activity, NAME_CHARS, break_long_words=True) or [activity]


def activity_ranks(view: LogView) -> dict[str, float]:
    """The mean position within its cases of each activity's events (0 = first event)."""
    if view.events.height == 0:
        return {}
    position = positions(view.starts, view.cases)
    frame = pl.DataFrame({"code": view.codes, "position": position})
    means = frame.group_by("code").agg(pl.col("position").mean())
    return {view.activities[int(code)]: float(mean) for code, mean in means.iter_rows()}


def _chosen_edges(
    dfg: pl.DataFrame, kept: set[str], cases: int, settings: MapSettings
) -> list[dict[str, object]]:
    rows = [r for r in dfg.to_dicts() if r["source"] in kept and r["target"] in kept]
    chosen = {
        (r["source"], r["target"])
        for r in rows
        if r["count"] >= settings.min_edge_share * cases
        and r["median_seconds"] >= settings.min_median_seconds
    }
    for activity in kept:  # the strongest way in and out of every shown activity
        for end in ("source", "target"):
            other = "target" if end == "source" else "source"
            touching = [r for r in rows if r[end] == activity and r[other] != activity]
            if touching:
                best = max(touching, key=lambda r: (r["count"], str(r[other])))
                chosen.add((str(best["source"]), str(best["target"])))
    return [r for r in rows if (r["source"], r["target"]) in chosen]


def _layers(order: list[str], forward: list[tuple[str, str]]) -> dict[str, int]:
    layer = dict.fromkeys(order, 0)
    for activity in order:  # order is a topological order of the forward edges
        for source, target in forward:
            if source == activity:
                layer[target] = max(layer[target], layer[activity] + 1)
    return layer


def _barycentre(activity: str, index: int, edges: list[MapEdge], slot: dict[str, float]) -> float:
    """Mean slot of the activity's placed predecessors (its own index if it has none)."""
    parents = [
        slot[e.source] for e in edges if e.target == activity and e.forward and e.source in slot
    ]
    return float(np.mean(parents)) if parents else float(index)


def layout(
    ranks: dict[str, float],
    dfg: pl.DataFrame,
    counts: dict[str, int],
    starts: dict[str, int],
    ends: dict[str, int],
    cases: int,
    settings: MapSettings | None = None,
) -> ProcessMap:
    """Choose what to show and place it. `ranks` is `activity_ranks(view)`, `dfg` is
    `dfg_performance(view)`; counts, starts and ends are per activity; `cases` is the number
    of cases in the (filtered) log."""
    settings = settings or MapSettings()
    if not counts:
        return ProcessMap()
    top = max(counts.values())
    kept = {a for a, c in counts.items() if c >= settings.min_activity_share * top}
    order = sorted(kept, key=lambda a: (ranks.get(a, 0.0), -counts[a], a))
    position = {a: i for i, a in enumerate(order)}
    rows = _chosen_edges(dfg, kept, cases, settings)
    edges = [
        MapEdge(
            str(r["source"]),
            str(r["target"]),
            int(r["count"]),  # type: ignore[call-overload]
            float(r["median_seconds"]),  # type: ignore[arg-type]
            float(r["mean_seconds"]),  # type: ignore[arg-type]
            position[str(r["source"])] < position[str(r["target"])],
        )
        for r in rows
    ]
    layer = _layers(order, [(e.source, e.target) for e in edges if e.forward])
    by_layer: dict[int, list[str]] = {}
    for activity in order:
        by_layer.setdefault(layer[activity], []).append(activity)
    slot: dict[str, float] = {}
    for number in sorted(by_layer):
        members = by_layer[number]
        centres = {a: _barycentre(a, i, edges, slot) for i, a in enumerate(members)}
        members.sort(key=lambda a: (centres[a], a))
        for index, activity in enumerate(members):
            slot[activity] = index - (len(members) - 1) / 2
    widest = max(len(m) for m in by_layer.values())
    node_height = NODE_HEIGHT + LINE_HEIGHT * (max(len(name_lines(a)) for a in order) - 1)
    width = widest * (NODE_WIDTH + GAP_X) + 2 * MARGIN + 120  # room for loops on the right
    centre = MARGIN + widest * (NODE_WIDTH + GAP_X) / 2
    nodes = [
        MapNode(
            a,
            counts[a],
            centre + slot[a] * (NODE_WIDTH + GAP_X) - NODE_WIDTH / 2,
            MARGIN + layer[a] * (node_height + GAP_Y),
            starts.get(a, 0),
            ends.get(a, 0),
        )
        for a in order
    ]
    height = MARGIN * 2 + (max(layer.values()) + 1) * (node_height + GAP_Y)
    return ProcessMap(
        nodes,
        edges,
        width,
        height,
        hidden_activities=len(counts) - len(kept),
        hidden_edges=dfg.height - len(edges),
        cases=cases,
        node_height=node_height,
    )
