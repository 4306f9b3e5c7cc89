"""Blocking for the duplicate detector: the candidate pairs it scores, never all pairs. Two
systems are compared only if they share one of their distinctive word stems (among each
system's highest-weighted, held by 2..max_block systems), or a confidently placed function or
product, capability, data object or partner held by at most `max_block` systems. Pure."""

from __future__ import annotations

import numpy as np
import scipy.sparse as sp

from produktlyft.review.analysis.duplicates_features import FeatureMatrices
from produktlyft.review.analysis.duplicates_settings import DuplicateSettings


def _distinctive(text: sp.csr_matrix, keep: int, max_block: int) -> sp.csr_matrix:
    """Per row, the `keep` highest-weighted terms that occur in 2..max_block rows."""
    df = np.bincount(text.indices, minlength=text.shape[1])  # rows per column
    usable = (df >= 2) & (df <= max_block)
    masked = sp.csr_matrix(text.multiply(usable[np.newaxis, :]))
    masked.eliminate_zeros()
    masked.sort_indices()
    rows = np.repeat(np.arange(masked.shape[0]), np.diff(masked.indptr))
    order = np.lexsort((-masked.data, rows))  # by row, then weight descending
    rank_in_row = np.arange(len(order)) - masked.indptr[rows[order]]
    top = order[rank_in_row < keep]
    return sp.csr_matrix(
        (np.ones(len(top), dtype=np.float32), (rows[top], masked.indices[top])), shape=text.shape
    )


def _block_keys(matrix: sp.csr_matrix, max_block: int) -> sp.csr_matrix:
    binary = sp.csr_matrix(matrix >= 0.4, dtype=np.float32)  # confident placements only
    df = np.bincount(binary.indices, minlength=binary.shape[1])
    kept = sp.csr_matrix(binary.multiply(((df >= 2) & (df <= max_block))[np.newaxis, :]))
    kept.eliminate_zeros()
    return kept


def candidate_pairs(matrices: FeatureMatrices, settings: DuplicateSettings) -> np.ndarray:
    """Unique (i, j), i < j, of systems that share at least one block key."""
    keys = sp.hstack(
        [
            _distinctive(matrices.text, settings.distinctive_terms, settings.max_block),
            *(_block_keys(m, settings.max_block) for m in matrices.blocks),
        ]
    ).tocsr()
    co = sp.triu(keys @ keys.T, k=1).tocoo()
    return np.column_stack([co.row, co.col]).astype(np.int64)
