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
    BELOW_MINIMUM = "below_minimum"      # fewer than k respondents
    COMPLEMENTARY = "complementary"      # would expose another group of this report
    DIFFERENCING = "differencing"        # would expose a difference with an earlier report
    WITHHELD = "withheld"                # the caller withholds it (data merged at close)


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


def _cells(releases: Sequence[Release]) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.int64]]:
    """releases × cells incidence, and the size of each cell."""
    cuts: dict[str, list[int]] = {}
    for release in releases:
        for key, n in release.items():
            cuts.setdefault(key, []).append(n)
    columns: list[list[int]] = []
    sizes: list[int] = []
    for key, points in cuts.items():
        previous = 0
        for cut in sorted(set(points)):
            columns.append([1 if release.get(key, 0) >= cut else 0 for release in releases])
            sizes.append(cut - previous)
            previous = cut
    if not columns:
        return np.zeros((len(releases), 0)), np.zeros(0, np.int64)
    blocks = np.array(columns, dtype=np.int64)  # blocks × releases
    patterns, inverse = np.unique(blocks, axis=0, return_inverse=True)
    cell_sizes = np.bincount(inverse.ravel(), weights=np.array(sizes, dtype=np.float64),
                             minlength=len(patterns)).astype(np.int64)
    return patterns.T.astype(np.float64), cell_sizes


def _row_space(matrix: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
    if matrix.size == 0:
        return np.zeros((0, matrix.shape[1]))
    _, singular, vt = np.linalg.svd(matrix, full_matrices=False)
    rank = int((singular > _TOLERANCE * max(1.0, float(singular[0]))).sum())
    return vt[:rank]


def smallest_exposed_set(releases: Sequence[Release], below: int) -> int | None:
    """The size of the smallest group of respondents, fewer than `below`, whose aggregate
    some linear combination of the releases reveals; None when there is none.

    Only cells smaller than `below` can be part of such a group. When there are any, a small
    mixed-integer programme decides exactly: is there a non-empty set of small cells, in total
    fewer than `below` people, whose indicator lies in the span of the releases?
    (scipy.optimize.milp, HiGHS.) Checking cells one by one is not enough: two late answers in
    two teams can be exposed together although neither is exposed alone.
    """
    if not releases:
        return None
    incidence, sizes = _cells(releases)
    small = np.nonzero((sizes > 0) & (sizes < below))[0]
    if small.size == 0:
        return None
    from scipy.optimize import Bounds, LinearConstraint, milp  # slow to load; rarely needed

    n_releases, n_cells = incidence.shape
    n_small = small.size
    # variables: a coefficient per release (free), then 0/1 per small cell
    equality = np.zeros((n_cells, n_releases + n_small))
    equality[:, :n_releases] = incidence.T
    equality[small, n_releases + np.arange(n_small)] = -1.0
    weights = sizes[small].astype(np.float64)
    pick = np.r_[np.zeros(n_releases), np.ones(n_small)]
    result = milp(
        c=np.r_[np.zeros(n_releases), weights],
        integrality=pick,
        bounds=Bounds(np.r_[np.full(n_releases, -np.inf), np.zeros(n_small)],
                      np.r_[np.full(n_releases, np.inf), np.ones(n_small)]),
        constraints=[LinearConstraint(equality, 0.0, 0.0),
                     LinearConstraint(pick[None, :], 1.0, np.inf),
                     LinearConstraint(np.r_[np.zeros(n_releases), weights][None, :], 0.0,
                                      below - 1)],
    )
    return int(np.rint(result.fun)) if result.status == 0 else None


def in_span(releases: Sequence[Release], candidate: Release) -> bool:
    """True when the candidate can already be computed from the releases."""
    if not candidate:
        return True
    if not releases:
        return False
    incidence, _ = _cells([*releases, candidate])
    basis = _row_space(incidence[:-1])
    target = incidence[-1]
    residual = target - basis.T @ (basis @ target)
    return bool(np.abs(residual).max() < 1e-7)


def _violates(accepted: Sequence[Release], candidate: Release, k: int) -> bool:
    if any(0 < difference_size(candidate, old) < k for old in accepted):
        return True
    return smallest_exposed_set([*accepted, candidate], k) is not None


def plan_release(candidates: Sequence[Candidate], ledger: Sequence[Release], k: int,
                 withheld: frozenset[str] = frozenset()) -> Plan:
    """Decide which candidates may be shown, in the order given (put what matters most first:
    the organisation before its units, larger groups before smaller ones)."""
    if k < MIN_GROUP_FLOOR:
        raise ValueError(f"the minimum group size may not be below {MIN_GROUP_FLOOR}")
    plan = Plan()
    history = [_clean(release) for release in ledger]
    accepted = list(history)
    this_report: list[dict[str, int]] = []
    for candidate in candidates:
        release = _clean(candidate.release)
        if candidate.key in withheld:
            plan.suppressed[candidate.key] = Reason.WITHHELD
        elif candidate.n < k:
            plan.suppressed[candidate.key] = Reason.BELOW_MINIMUM
        elif in_span(accepted, release):
            plan.shown.append(candidate.key)
        elif _violates(accepted, release, k):
            own = _violates(this_report, release, k)
            plan.suppressed[candidate.key] = Reason.COMPLEMENTARY if own else Reason.DIFFERENCING
        else:
            plan.shown.append(candidate.key)
            accepted.append(release)
            this_report.append(release)
            plan.new_releases.append(release)
    return plan


def storage_targets(parents: Mapping[str, str | None], leaves: Sequence[str],
                    shown: set[str]) -> dict[str, str | None]:
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
