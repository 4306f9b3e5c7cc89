"""The signal values of candidate pairs (the list in the docstring of `duplicates`), each
0..1, from the feature matrices: vectorised over the pairs, no loop over them. Pure."""

from __future__ import annotations

import numpy as np
import scipy.sparse as sp

from produktlyft.review.analysis.duplicates_embedding import mutual_rank, same_function
from produktlyft.review.analysis.duplicates_features import FeatureMatrices
from produktlyft.review.analysis.duplicates_origin import origins_apart
from produktlyft.review.analysis.duplicates_settings import (
    GRAMS,
    ORIGIN,
    RARE_WORD,
    SIGNALS,
    WORDS,
    DuplicateSettings,
)
from produktlyft.review.analysis.duplicates_word_pairs import pair_scores

# Layer 2 mixes shared data objects (the strong sign) with shared integration partners.
DATA_SHARE, PARTNER_SHARE = 0.8, 0.2


def _rowdots(a: sp.csr_matrix, b: sp.csr_matrix, pairs: np.ndarray) -> np.ndarray:
    return np.asarray(a[pairs[:, 0]].multiply(b[pairs[:, 1]]).sum(axis=1)).ravel()


def _rarest_shared(matrix: sp.csr_matrix, rarity: np.ndarray, pairs: np.ndarray) -> np.ndarray:
    """Per pair, the rarity of the rarest column both rows hold (0 where they share none)."""
    both = (matrix[pairs[:, 0]] > 0).multiply(matrix[pairs[:, 1]] > 0)
    return np.asarray(both.multiply(rarity[np.newaxis, :]).max(axis=1).toarray()).ravel()


def _shared_best(
    confidence: sp.csr_matrix, main: sp.csr_matrix, pairs: np.ndarray, chunk: int = 50_000
) -> np.ndarray:
    out = np.zeros(len(pairs))
    for start in range(0, len(pairs), chunk):
        a, b = pairs[start : start + chunk, 0], pairs[start : start + chunk, 1]
        both = confidence[a].minimum(confidence[b]).multiply(main[a].minimum(main[b]))
        out[start : start + chunk] = both.max(axis=1).toarray().ravel()
    return out


def _job_known(m: FeatureMatrices, pairs: np.ndarray, satellite: np.ndarray) -> np.ndarray:
    """Per pair, whether the system that is no satellite (where one is) has a known job: a
    role of its own or a catalogue product; True where both or neither are satellites."""
    known = (np.diff(m.roles.indptr) > 0) | (np.diff(m.products.indptr) > 0)
    a, b = pairs[:, 0], pairs[:, 1]
    only_a, only_b = satellite[a] & ~satellite[b], satellite[b] & ~satellite[a]
    out: np.ndarray = np.where(only_a, known[b], np.where(only_b, known[a], True))
    return out


def score_pairs(
    matrices: FeatureMatrices, pairs: np.ndarray, settings: DuplicateSettings | None = None
) -> np.ndarray:
    """len(pairs) x len(SIGNALS) signal values, each 0..1."""
    scores = np.zeros((len(pairs), len(SIGNALS)))
    if len(pairs) == 0:
        return scores
    m = matrices
    # a shared capability held by few systems says more than one held by a third of them
    rarest = _rarest_shared(m.capabilities, m.capability_rarity, pairs)
    scores[:, 0] = _rowdots(m.capabilities, m.capabilities, pairs)
    scores[:, 12] = rarest
    scores[:, 1] = DATA_SHARE * _rowdots(m.data, m.data, pairs) + PARTNER_SHARE * _rowdots(
        m.partners, m.partners, pairs
    )
    scores[:, 2] = _rowdots(m.text, m.text, pairs)
    # and so does a shared word: "CTG" in two texts of 180 says more than the cosine of two
    # short texts that share it and little else (ADR 0023, thirty-fourth look)
    if m.text_rarity.shape[0]:
        scores[:, RARE_WORD] = _rarest_shared(m.text, m.text_rarity, pairs)
    # the best function both are placed in: the weaker confidence, times how near it is to
    # the main function of each (a finance system that mentions budgets is not placed in
    # budget planning as firmly as the planning tool is)
    scores[:, 3] = _shared_best(m.functions, m.function_main, pairs)
    scores[:, 4] = _rowdots(m.products, m.products, pairs) > 0
    shared_roles = _rowdots(m.roles, m.roles, pairs)
    scores[:, 5] = shared_roles > 0
    cross = sp.csr_matrix(m.roles @ m.complementary)
    scores[:, 6] = (_rowdots(cross, m.roles, pairs) > 0) & (shared_roles == 0)
    scores[:, 7] = np.asarray(m.links[pairs[:, 0], pairs[:, 1]]).ravel() > 0
    has_a = np.diff(m.roles.indptr)[pairs[:, 0]] > 0
    has_b = np.diff(m.roles.indptr)[pairs[:, 1]] > 0
    differ = has_a & has_b & (shared_roles == 0) & (scores[:, 6] == 0)
    # a product's or a local tool's core role is read from a word or two of its own, and one
    # product usually has all the core roles; where neither is one, the names say the jobs
    known = (np.diff(m.products.indptr) > 0) | m.homegrown
    soft = m.core[pairs[:, 0]] & m.core[pairs[:, 1]] & (known[pairs[:, 0]] | known[pairs[:, 1]])
    scores[:, 8] = differ & ~soft
    # the interactions take a shared capability as far as it is rare: an EA tool's broad
    # capability ("Kulturmiljöinformation" over a dozen registers) does not make two registers
    # one job (ADR 0023 twentieth look)
    same_job = np.maximum(scores[:, 0] * rarest, scores[:, 3])
    scores[:, 9] = scores[:, 5] * same_job
    local = m.homegrown[pairs[:, 0]] | m.homegrown[pairs[:, 1]]
    scores[:, 10] = local * same_job
    mapped = np.diff(m.capabilities.indptr) > 0
    scores[:, 11] = mapped[pairs[:, 0]] & mapped[pairs[:, 1]] & (scores[:, 0] == 0)
    # an e-service, report, viewer, archive or pool beside a system without that role: the
    # satellite of a core system, whatever role the core system's own words reveal (unless
    # they share a role, as role_complementary). Only where the other system's job is known,
    # by a role of its own or as a catalogue product ("Treserva", whose name says no role):
    # of a system with neither, the satellite's role word may be all that was missed
    # ("Kommunkartan" beside "Mellbykartan", two map viewers; ADR 0023 twentieth look)
    size = np.diff(m.satellites.indptr)
    both = _rowdots(m.satellites, m.satellites, pairs)
    apart = ((size[pairs[:, 0]] + size[pairs[:, 1]] - 2 * both) > 0) & (shared_roles == 0)
    scores[:, 13] = apart & _job_known(m, pairs, size > 0)
    if m.embedded is not None:
        scores[:, 14] = mutual_rank(m.embedded.vectors, pairs)
        # the function by meaning speaks only where the roles do not argue against the pair
        # (a case system and its e-service are nearest to the same function as well)
        scores[:, 15] = same_function(m.embedded, pairs) * (1 - scores[:, 6]) * (1 - differ)
    scores[:, ORIGIN] = origins_apart(m.origins, pairs)
    if m.text_grams.shape[0]:
        scores[:, GRAMS] = _rowdots(m.text_grams, m.text_grams, pairs)
    if m.word_pairs is not None and m.word_stems.shape[0]:
        scores[:, WORDS] = pair_scores(m.word_pairs, m.word_stems, pairs)
    return np.clip(scores, 0.0, 1.0)
