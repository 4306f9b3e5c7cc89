"""The map's layout: the same drawing for the same input, and no overlapping nodes at 300."""

from __future__ import annotations

import numpy as np

from produktlyft.interop.analysis.graph import build_graph
from produktlyft.interop.analysis.layout import SPACING, Layout, layout
from tests.support.inventory import synthetic_inventory


def _draw(systems: int, one_group: bool = False) -> Layout:
    graph = build_graph(synthetic_inventory(systems))
    index = {sid: i for i, sid in enumerate(graph.systems["id"].to_list())}
    sources = np.array([index[s] for s in graph.edges["source"]], dtype=np.int64)
    targets = np.array([index[s] for s in graph.edges["target"]], dtype=np.int64)
    groups = ["all"] * systems if one_group else graph.systems["group"].to_list()
    return layout(groups, sources, targets)


def _nearest(drawn: Layout) -> float:
    points = np.stack([drawn.x, drawn.y], axis=1)
    gaps = np.sqrt(((points[:, None, :] - points[None, :, :]) ** 2).sum(axis=2))
    np.fill_diagonal(gaps, np.inf)
    return float(gaps.min())


def test_the_same_input_draws_the_same_map() -> None:
    first, second = _draw(60), _draw(60)
    assert np.array_equal(first.x, second.x) and np.array_equal(first.y, second.y)


def test_no_overlaps_at_300_systems_in_clusters() -> None:
    drawn = _draw(300)
    assert _nearest(drawn) >= SPACING * 0.95
    assert np.all(drawn.x >= 0) and np.all(drawn.x <= drawn.width + 1e-6)
    assert np.all(drawn.y >= 0) and np.all(drawn.y <= drawn.height + 1e-6)
    # every system is in exactly one cluster, and cluster discs do not overlap
    members = sorted(m for c in drawn.clusters for m in c.members)
    assert members == list(range(300))
    for i, a in enumerate(drawn.clusters):
        for b in drawn.clusters[i + 1 :]:
            assert np.hypot(a.x - b.x, a.y - b.y) >= a.radius + b.radius - 1e-6


def test_no_overlaps_at_300_systems_in_one_group() -> None:
    assert _nearest(_draw(300, one_group=True)) >= SPACING * 0.95


def test_connected_systems_sit_closer_than_unconnected_ones() -> None:
    # a path a-b-c-d-e and a far-off pair: the stress layout keeps graph distances
    sources = np.array([0, 1, 2, 3], dtype=np.int64)
    targets = np.array([1, 2, 3, 4], dtype=np.int64)
    drawn = layout(["g"] * 5, sources, targets)
    ends = np.hypot(drawn.x[0] - drawn.x[4], drawn.y[0] - drawn.y[4])
    neighbours = np.hypot(drawn.x[0] - drawn.x[1], drawn.y[0] - drawn.y[1])
    assert ends > 2.5 * neighbours


def test_a_single_system_and_an_empty_map() -> None:
    one = layout(["g"], np.array([], dtype=np.int64), np.array([], dtype=np.int64))
    assert one.x.shape == (1,) and one.clusters[0].radius > 0
    none = layout([], np.array([], dtype=np.int64), np.array([], dtype=np.int64))
    assert none.x.shape == (0,) and none.width == 0
