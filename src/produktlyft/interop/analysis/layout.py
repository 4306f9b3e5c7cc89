"""Where each system is drawn on the integration map: clusters by unit, stress layout inside.

Readable at 300 systems means: systems of one unit sit together, connected systems sit close,
and no two nodes overlap. So the layout works in three deterministic steps, all numpy:

1. **Cluster**: systems are grouped (by owning unit, else by capability); each group is laid
   out on its own.
2. **Stress majorisation** (SMACOF, Gansner, Koren & North 2004) inside a group: graph distances
   (unconnected pairs one step further than the longest path) are matched by Guttman
   transforms from a classical-MDS start, weighted by d⁻². Eigenvector signs are fixed, so the
   same input gives the same drawing.
3. **Overlap removal**: pairs nearer than `spacing` are pushed apart along the line joining
   them; then each group's disc is packed in rows (largest first), so discs never overlap.

Coordinates are in node radii; the SVG scales them.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import shortest_path

Array = NDArray[np.float64]
SPACING = 3.0  # centre-to-centre distance, in node radii, that counts as not overlapping
STRESS_ROUNDS = 120
PUSH_ROUNDS = 200


@dataclass(frozen=True)
class Cluster:
    name: str
    x: float
    y: float
    radius: float
    members: tuple[int, ...]


@dataclass(frozen=True)
class Layout:
    x: Array
    y: Array
    clusters: tuple[Cluster, ...]
    width: float
    height: float


def layout(
    groups: list[str],
    sources: NDArray[np.int64],
    targets: NDArray[np.int64],
    *,
    spacing: float = SPACING,
) -> Layout:
    """Positions for `len(groups)` nodes joined by edges `sources[i]–targets[i]` (indices)."""
    n = len(groups)
    names = sorted(set(groups), key=lambda g: (-groups.count(g), g))
    discs: list[tuple[str, Array, float, NDArray[np.int64]]] = []
    labels = np.array(groups, dtype=object)
    for name in names:
        members = np.flatnonzero(labels == name)
        inside = np.isin(sources, members) & np.isin(targets, members)
        local = np.searchsorted(members, np.stack([sources[inside], targets[inside]]))
        points = _stress(len(members), local, spacing)
        points = _separate(points, spacing)
        points -= points.mean(axis=0)
        radius = float(np.sqrt((points**2).sum(axis=1)).max(initial=0.0)) + spacing
        discs.append((name, points, radius, members))
    x, y = np.zeros(n), np.zeros(n)
    clusters, width, height = _pack(discs, spacing, x, y)
    return Layout(x, y, tuple(clusters), width, height)


def _gaps(points: Array) -> Array:
    """Euclidean distances between all pairs, by the dot-product form (no n×n×2 temporary)."""
    squares = (points**2).sum(axis=1)
    gaps2 = squares[:, None] + squares[None, :] - 2.0 * (points @ points.T)
    gaps: Array = np.sqrt(np.maximum(gaps2, 0.0))
    return gaps


def _distances(n: int, edges: NDArray[np.int64]) -> Array:
    if n == 1:
        return np.zeros((1, 1))
    graph = coo_matrix((np.ones(edges.shape[1]), (edges[0], edges[1])), shape=(n, n))
    d: Array = shortest_path(graph.tocsr(), directed=False, unweighted=True)
    finite = d[np.isfinite(d)]
    d[~np.isfinite(d)] = (finite.max() if finite.size else 0.0) + 1.0
    return d


def _classical_mds(d: Array) -> Array:
    n = len(d)
    centre = np.eye(n) - np.full((n, n), 1.0 / n)
    b = -0.5 * centre @ (d**2) @ centre
    values, vectors = np.linalg.eigh(b)
    top = vectors[:, [-1, -2]] * np.sqrt(np.maximum(values[[-1, -2]], 1e-9))
    # an eigenvector's sign is arbitrary: fix it by the largest entry, so drawings repeat
    signs = np.sign(top[np.abs(top).argmax(axis=0), [0, 1]])
    signs[signs == 0] = 1.0
    start: Array = top * signs
    # nodes the eigenvectors cannot tell apart start on a small circle, in index order
    angle = np.arange(n) * 2.399963229728653  # the golden angle
    return start + 1e-3 * np.stack([np.cos(angle), np.sin(angle)], axis=1)


def _stress(n: int, edges: NDArray[np.int64], spacing: float) -> Array:
    if n == 1:
        return np.zeros((1, 2))
    d = _distances(n, edges) * spacing
    weights = np.zeros_like(d)
    off = d > 0
    weights[off] = d[off] ** -2.0
    points = _classical_mds(d)
    laplacian = -weights.copy()
    np.fill_diagonal(laplacian, weights.sum(axis=1))
    # the weighted Laplacian is singular (translation): pin it with a rank-one term
    solve = np.linalg.inv(laplacian + np.full((n, n), 1.0 / n))
    for _ in range(STRESS_ROUNDS):
        gaps = _gaps(points)
        ratio = np.zeros_like(d)
        np.divide(weights * d, gaps, out=ratio, where=gaps > 1e-9)
        b = -ratio
        np.fill_diagonal(b, ratio.sum(axis=1))
        points = solve @ (b @ points)
    return points


def _separate(points: Array, spacing: float) -> Array:
    """Spread the drawing until the median node has room, then push overlapping pairs apart
    until every pair is `spacing` apart (or PUSH_ROUNDS pass; the unit tests hold the result
    to a tolerance)."""
    n = len(points)
    if n < 2:
        return points
    gaps = _gaps(points)
    np.fill_diagonal(gaps, np.inf)
    nearest = float(np.median(gaps.min(axis=1)))
    if nearest < spacing:  # graph distances crowd a dense group: scale it up, shape kept
        points = points * (spacing / max(nearest, 1e-6))
    wanted = spacing * 1.02  # a little more than needed, so that rounding never overlaps
    for _ in range(PUSH_ROUNDS):
        gaps = _gaps(points)
        a, b = np.nonzero(np.triu(gaps < spacing, k=1))
        if a.size == 0:
            break
        delta = points[a] - points[b]
        gap = gaps[a, b]
        # coincident nodes: separate them along an index-based direction, deterministically
        angle = (a * 7 + b) * 2.399963229728653
        unit = np.where(
            (gap > 1e-9)[:, None],
            delta / np.maximum(gap, 1e-9)[:, None],
            np.stack([np.cos(angle), np.sin(angle)], axis=1),
        )
        push = unit * ((wanted - gap) / 2)[:, None]
        moves = np.zeros_like(points)
        np.add.at(moves, a, push)
        np.add.at(moves, b, -push)
        crowded = np.bincount(np.concatenate([a, b]), minlength=n).clip(min=1)
        points = points + moves / np.sqrt(crowded)[:, None]
    return points


def _pack(
    discs: list[tuple[str, Array, float, NDArray[np.int64]]],
    spacing: float,
    x: Array,
    y: Array,
) -> tuple[list[Cluster], float, float]:
    """Discs in rows, largest first, each row as wide as the landscape's square root allows."""
    total = sum((2 * radius) ** 2 for _, _, radius, _ in discs)
    widest = max((2 * radius for _, _, radius, _ in discs), default=0.0)
    row_width = max(widest, float(np.sqrt(total)) * 1.3)
    clusters: list[Cluster] = []
    cursor_x, cursor_y, row_height, used_width = 0.0, 0.0, 0.0, 0.0
    for name, points, radius, members in discs:
        if cursor_x > 0 and cursor_x + 2 * radius > row_width:
            cursor_x, cursor_y, row_height = 0.0, cursor_y + row_height + spacing, 0.0
        cx, cy = cursor_x + radius, cursor_y + radius
        x[members] = points[:, 0] + cx
        y[members] = points[:, 1] + cy
        clusters.append(Cluster(name, cx, cy, radius, tuple(int(m) for m in members)))
        cursor_x += 2 * radius + spacing
        row_height = max(row_height, 2 * radius)
        used_width = max(used_width, cursor_x - spacing)
    return clusters, used_width, cursor_y + row_height
