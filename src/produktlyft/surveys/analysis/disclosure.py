"""Disclosure control for survey results: minimum group size, complementary suppression and
differencing protection, decided by one auditor over everything ever released.

A *release* is the set of respondents behind one shown result. Answers only ever accumulate, so
the respondents of a leaf group at any moment are the first n to answer; a release is therefore
exactly described by its count per leaf group ({leaf: n}). Every statistic we show (n, sums,
sums of squares, distributions) is additive over respondents, so an adversary holding several
releases can compute the aggregate of any linear combination of them: a parent minus its shown
children, today's report minus last week's, one filter minus another.

The auditor splits the respondents into *cells*: the finest pieces that no release tells apart.
A set of cells is derivable when its indicator lies in the linear span of the releases. A new
release is refused when it would make any set of fewer than k respondents derivable (this covers
primary suppression, the complementary case "parent minus children", and differencing across
reports, filters and time), or when its respondent set differs from an earlier release by fewer
than k people (the classic pairwise rule, which also covers crossing sets). A release already in
the span of earlier ones adds nothing and is always allowed.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

import numpy as np
import numpy.typing as npt

MIN_GROUP_FLOOR = 3
DEFAULT_MIN_GROUP = 5
_TOLERANCE = 1e-9

Release = Mapping[str, int]  # leaf key -> respondents counted, the first n of that leaf


class Reason(StrEnum):
    BELOW_MINIMUM = "below_minimum"  # fewer than k respondents
    COMPLEMENTARY = "complementary"  # would expose another group of this report
    DIFFERENCING = "differencing"  # would expose a difference with an earlier report
    WITHHELD = "withheld"  # the caller withholds it (data merged at close)


@dataclass(frozen=True)
class Candidate:
    """A result a report wants to show: its key and its respondents per leaf."""

    key: str
    release: Release

    @property
    def n(self) -> int:
        return sum(self.release.values())


@dataclass
class Plan:
    shown: list[str] = field(default_factory=list)
    suppressed: dict[str, Reason] = field(default_factory=dict)
    new_releases: list[dict[str, int]] = field(default_factory=list)

    def is_shown(self, key: str) -> bool:
        return key in self.shown


def _clean(release: Release) -> dict[str, int]:
    return {key: int(n) for key, n in release.items() if n > 0}


def difference_size(a: Release, b: Release) -> int:
    """How many respondents are in one release and not the other."""
    return sum(abs(a.get(key, 0) - b.get(key, 0)) for key in set(a) | set(b))


class _Space:
    """The respondents of all releases considered, cut into blocks: per leaf, the runs of
    arrivals between two counts that some release uses. Every release is a union of blocks."""

    def __init__(self, releases: Sequence[Mapping[str, int]]) -> None:
        cuts: dict[str, set[int]] = {}
        for release in releases:
            for key, n in release.items():
                cuts.setdefault(key, set()).add(n)
        self.keys = sorted(cuts)
        self.key_index = {key: i for i, key in enumerate(self.keys)}
        block_key: list[int] = []
        block_upper: list[int] = []
        sizes: list[int] = []
        for index, key in enumerate(self.keys):
            previous = 0
            for cut in sorted(cuts[key]):
                block_key.append(index)
                block_upper.append(cut)
                sizes.append(cut - previous)
                previous = cut
        self.block_key = np.array(block_key, dtype=np.int64)
        self.block_upper = np.array(block_upper, dtype=np.int64)
        self.sizes = np.array(sizes, dtype=np.int64)

    def counts(self, release: Mapping[str, int]) -> npt.NDArray[np.int64]:
        vector = np.zeros(len(self.keys), dtype=np.int64)
        for key, n in release.items():
            vector[self.key_index[key]] = n
        return vector

    def blocks(self, counts: npt.NDArray[np.int64]) -> npt.NDArray[np.float64]:
        """The release as a 0/1 vector over blocks: a block is in when the release counts
        at least up to the block's upper end in its leaf."""
        if not self.keys:
            return np.zeros(0)
        return (counts[self.block_key] >= self.block_upper).astype(np.float64)


class _Audit:
    """The releases accepted so far, with an orthonormal basis of their span."""

    def __init__(self, space: _Space, k: int) -> None:
        self.space = space
        self.k = k
        self.rows: list[npt.NDArray[np.float64]] = []
        self.counts: list[npt.NDArray[np.int64]] = []
        self.basis = np.zeros((0, len(space.sizes)))

    def _residual(self, vector: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
        residual = vector - self.basis.T @ (self.basis @ vector)
        return residual - self.basis.T @ (self.basis @ residual)  # twice, for stability

    def in_span(self, counts: npt.NDArray[np.int64]) -> bool:
        vector = self.space.blocks(counts)
        return not vector.any() or bool(np.abs(self._residual(vector)).max() < 1e-7)

    def accept(self, counts: npt.NDArray[np.int64]) -> None:
        vector = self.space.blocks(counts)
        residual = self._residual(vector)
        norm = float(np.linalg.norm(residual))
        if norm > 1e-7:
            self.basis = np.vstack([self.basis, residual / norm])
        self.rows.append(vector)
        self.counts.append(counts)

    def violates(self, counts: npt.NDArray[np.int64]) -> bool:
        if self.counts:
            differences = np.abs(np.array(self.counts) - counts).sum(axis=1)
            if ((differences > 0) & (differences < self.k)).any():
                return True
        incidence = np.array([*self.rows, self.space.blocks(counts)])
        return _smallest_exposed(incidence, self.space.sizes, self.k) is not None


def _smallest_exposed(
    incidence: npt.NDArray[np.float64], block_sizes: npt.NDArray[np.int64], below: int
) -> int | None:
    """The size of the smallest set of respondents, fewer than `below`, whose aggregate some
    linear combination of the rows (releases over blocks) reveals; None when there is none.

    Blocks that no release tells apart form one cell. Only cells smaller than `below` can be
    part of such a set; when there are any, a small mixed-integer programme decides exactly:
    is there a non-empty set of small cells, fewer than `below` people in all, whose indicator
    lies in the span of the releases? (scipy.optimize.milp, HiGHS.) Looking at cells one by one
    is not enough: two late answers in two teams can be exposed together although neither is
    exposed alone.
    """
    if incidence.size == 0:
        return None
    in_some = incidence.any(axis=0)
    if (block_sizes[in_some] >= below).all():
        return None  # cells are unions of blocks: none can be small
    patterns, inverse = _distinct_columns(incidence)
    sizes = np.bincount(
        inverse, weights=block_sizes.astype(np.float64), minlength=len(patterns)
    ).astype(np.int64)
    covered = patterns.any(axis=1)
    small = np.nonzero(covered & (sizes > 0) & (sizes < below))[0]
    if small.size == 0:
        return None
    from scipy.optimize import Bounds, LinearConstraint, milp  # slow to load; rarely needed

    cells = patterns.T  # releases × cells
    n_releases, n_cells = cells.shape
    n_small = small.size
    # variables: a coefficient per release (free), then 0/1 per small cell
    equality = np.zeros((n_cells, n_releases + n_small))
    equality[:, :n_releases] = cells.T
    equality[small, n_releases + np.arange(n_small)] = -1.0
    weights = sizes[small].astype(np.float64)
    pick = np.r_[np.zeros(n_releases), np.ones(n_small)]
    result = milp(
        c=np.r_[np.zeros(n_releases), weights],
        integrality=pick,
        bounds=Bounds(
            np.r_[np.full(n_releases, -np.inf), np.zeros(n_small)],
            np.r_[np.full(n_releases, np.inf), np.ones(n_small)],
        ),
        constraints=[
            LinearConstraint(equality, 0.0, 0.0),
            LinearConstraint(pick[None, :], 1.0, np.inf),
            LinearConstraint(np.r_[np.zeros(n_releases), weights][None, :], 0.0, below - 1),
        ],
    )
    return int(np.rint(result.fun)) if result.status == 0 else None


def _distinct_columns(
    incidence: npt.NDArray[np.float64],
) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.int64]]:
    """The distinct columns (as rows) and, per column, the index of its distinct pattern."""
    packed = np.packbits(incidence.T > 0.5, axis=1)
    seen: dict[bytes, int] = {}
    inverse = np.fromiter(
        (seen.setdefault(row.tobytes(), len(seen)) for row in packed),
        dtype=np.int64,
        count=len(packed),
    )
    first = np.zeros(len(seen), dtype=np.int64)
    first[inverse[::-1]] = np.arange(len(inverse))[::-1]
    return incidence.T[first], inverse


def smallest_exposed_set(releases: Sequence[Release], below: int) -> int | None:
    """The smallest set of fewer than `below` respondents the releases reveal, or None."""
    cleaned = [_clean(r) for r in releases]
    if not cleaned:
        return None
    space = _Space(cleaned)
    incidence = np.array([space.blocks(space.counts(r)) for r in cleaned])
    return _smallest_exposed(incidence, space.sizes, below)


def in_span(releases: Sequence[Release], candidate: Release) -> bool:
    """True when the candidate can already be computed from the releases."""
    cleaned = [_clean(r) for r in releases]
    space = _Space([*cleaned, _clean(candidate)])
    audit = _Audit(space, MIN_GROUP_FLOOR)
    for release in cleaned:
        audit.accept(space.counts(release))
    return audit.in_span(space.counts(_clean(candidate)))


def plan_release(
    candidates: Sequence[Candidate],
    ledger: Sequence[Release],
    k: int,
    withheld: frozenset[str] = frozenset(),
) -> Plan:
    """Decide which candidates may be shown, in the order given (put what matters most first:
    the organisation before its units, larger groups before smaller ones)."""
    if k < MIN_GROUP_FLOOR:
        raise ValueError(f"the minimum group size may not be below {MIN_GROUP_FLOOR}")
    plan = Plan()
    history = [_clean(release) for release in ledger]
    wanted = [_clean(candidate.release) for candidate in candidates]
    space = _Space([*history, *wanted])
    everything = _Audit(space, k)  # the ledger and what this report shows
    this_report = _Audit(space, k)  # this report alone, to tell the two reasons apart
    for release in history:
        everything.accept(space.counts(release))
    for candidate, release in zip(candidates, wanted, strict=True):
        counts = space.counts(release)
        if candidate.key in withheld:
            plan.suppressed[candidate.key] = Reason.WITHHELD
        elif candidate.n < k:
            plan.suppressed[candidate.key] = Reason.BELOW_MINIMUM
        elif everything.in_span(counts):
            plan.shown.append(candidate.key)
        elif everything.violates(counts):
            own = this_report.violates(counts)
            plan.suppressed[candidate.key] = Reason.COMPLEMENTARY if own else Reason.DIFFERENCING
        else:
            plan.shown.append(candidate.key)
            everything.accept(counts)
            this_report.accept(counts)
            plan.new_releases.append(release)
    return plan


def storage_targets(
    parents: Mapping[str, str | None], leaves: Sequence[str], shown: set[str]
) -> dict[str, str | None]:
    """Where each leaf's aggregate goes when a round is closed for good: a shown leaf keeps its
    own; the others are merged into their nearest shown ancestor's remainder; a leaf with no
    shown ancestor can never be reported and is discarded (None)."""
    targets: dict[str, str | None] = {}
    for leaf in leaves:
        node: str | None = leaf
        while node is not None and node not in shown:
            node = parents.get(node)
        targets[leaf] = node
    return targets
