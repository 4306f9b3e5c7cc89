"""Duplicate and overlapping systems, in three explainable layers.

1. capabilities: cosine of the systems' capability sets and tags (the kind of system, such as
   "case management" or "e-service"), each weighted by rarity (IDF), so sharing a label with
   40 systems says less than sharing "school meals";
2. data and integrations: cosine of the data objects each system uses plus the systems it
   integrates with (IDF weighted): two systems that write the same registers and talk to the
   same partners do the same job;
3. text: cosine of TF-IDF vectors of character n-grams (3–5, within word boundaries) of name
   and description. Character n-grams match Swedish compounds ("bygglovshantering" and
   "bygglov") and inflections without a stemmer, and work the same for English.

The pair score is a weighted sum of the three. Candidate pairs come from BLOCKING, never from all
pairs: two systems are compared only if they share one of their few most distinctive n-grams, or
a capability, data object or partner held by at most `max_block` systems. The cost is the sum of
squared block sizes, which the cap keeps linear in the number of systems. `all_pairs` scores the
same features over every pair; it exists for the bench (speed ratio and recall), not for use.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import numpy as np
import scipy.sparse as sp
from scipy.sparse.csgraph import connected_components
from sklearn.feature_extraction.text import CountVectorizer, TfidfTransformer

LAYERS = ("capabilities", "data_integrations", "text")


@dataclass(frozen=True)
class DuplicateSettings:
    # capabilities, data, text: tuned on the demo organisation (300 and 10,000 systems), where
    # names are deliberately reworded, so text is the weakest sign; see docs/decisions.
    weights: tuple[float, float, float] = (0.65, 0.25, 0.10)
    threshold: float = 0.86  # pair score needed to be suggested
    layer_thresholds: tuple[float, float, float] = (0.5, 0.3, 0.5)  # a layer "speaks" above
    distinctive_ngrams: int = 12  # per system, for text blocking
    max_block: int = 60  # blocks larger than this are too common to block on
    ngram_range: tuple[int, int] = (3, 5)


@dataclass(frozen=True)
class SystemFeatures:
    """Inputs per system, aligned by position."""

    ids: Sequence[str]
    texts: Sequence[str]
    capabilities: Sequence[Iterable[str]]
    data_objects: Sequence[Iterable[str]]
    partners: Sequence[Iterable[str]]  # ids of systems integrated with
    tags: Sequence[Iterable[str]] | None = None  # labels such as the kind of system


@dataclass
class FeatureMatrices:
    ids: list[str]
    text: sp.csr_matrix
    capabilities: sp.csr_matrix
    data: sp.csr_matrix
    partners: sp.csr_matrix

    @property
    def blocks(self) -> tuple[sp.csr_matrix, ...]:
        return self.capabilities, self.data, self.partners


# Layer 2 mixes shared data objects (the strong sign) with shared integration partners.
DATA_SHARE, PARTNER_SHARE = 0.8, 0.2


@dataclass(frozen=True)
class DuplicatePair:
    a: str
    b: str
    score: float
    layer_scores: tuple[float, float, float]
    layers: tuple[str, ...]
    shared_capabilities: tuple[str, ...] = ()
    shared_data: tuple[str, ...] = ()
    cluster: int = -1
    confirmed: bool = False


@dataclass
class DuplicateResult:
    pairs: list[DuplicatePair]
    clusters: list[list[str]]
    candidates_compared: int
    rejected_skipped: int = 0
    stats: dict[str, float] = field(default_factory=dict)


def _binary(rows: Sequence[Iterable[str]]) -> tuple[sp.csr_matrix, list[str]]:
    vocabulary: dict[str, int] = {}
    indptr, indices = [0], []
    for row in rows:
        columns = {vocabulary.setdefault(v, len(vocabulary)) for v in row}
        indices.extend(sorted(columns))
        indptr.append(len(indices))
    matrix = sp.csr_matrix(
        (np.ones(len(indices), dtype=np.float32), indices, indptr),
        shape=(len(rows), max(len(vocabulary), 1)),
    )
    return matrix, list(vocabulary)


def _idf(matrix: sp.csr_matrix) -> sp.csr_matrix:
    weighted = TfidfTransformer(sublinear_tf=True).fit_transform(matrix)
    return sp.csr_matrix(weighted, dtype=np.float32)


def _words(text: str) -> list[str]:
    return text.lower().split()


def char_ngram_tfidf(texts: Sequence[str], ngram_range: tuple[int, int]) -> sp.csr_matrix:
    """The same matrix as TfidfVectorizer(analyzer="char_wb", sublinear_tf=True), built faster.

    char_wb n-grams never cross a word boundary, so a document's n-gram counts are its word
    counts times each word's n-grams. Words repeat across an inventory far more than documents,
    so the n-grams are computed once per distinct word."""
    words = CountVectorizer(analyzer=_words)
    doc_words = words.fit_transform(list(texts))
    word_grams = CountVectorizer(
        analyzer="char_wb", ngram_range=ngram_range, lowercase=False
    ).fit_transform(words.get_feature_names_out())
    counts = sp.csr_matrix(doc_words @ word_grams)
    return sp.csr_matrix(
        TfidfTransformer(sublinear_tf=True).fit_transform(counts), dtype=np.float32
    )


def build_features(features: SystemFeatures, settings: DuplicateSettings) -> FeatureMatrices:
    text = char_ngram_tfidf(features.texts, settings.ngram_range)
    tags = features.tags or [[] for _ in features.ids]
    capabilities, _ = _binary(
        [
            [f"c:{c}" for c in caps] + [f"t:{t.casefold()}" for t in labels]
            for caps, labels in zip(features.capabilities, tags, strict=True)
        ]
    )
    data, _ = _binary(features.data_objects)
    partners, _ = _binary(features.partners)

    return FeatureMatrices(list(features.ids), text, _idf(capabilities), _idf(data), _idf(partners))


def _distinctive(text: sp.csr_matrix, keep: int, max_block: int) -> sp.csr_matrix:
    """Per row, the `keep` highest-weighted n-grams that occur in 2..max_block rows."""
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


def _block_keys(binary: sp.csr_matrix, max_block: int) -> sp.csr_matrix:
    df = np.bincount(binary.indices, minlength=binary.shape[1])
    kept = sp.csr_matrix(
        (binary > 0).multiply(((df >= 2) & (df <= max_block))[np.newaxis, :]), dtype=np.float32
    )
    kept.eliminate_zeros()
    return kept


def candidate_pairs(matrices: FeatureMatrices, settings: DuplicateSettings) -> np.ndarray:
    """Unique (i, j), i < j, of systems that share at least one block key."""
    keys = sp.hstack(
        [
            _distinctive(matrices.text, settings.distinctive_ngrams, settings.max_block),
            *(_block_keys(m, settings.max_block) for m in matrices.blocks),
        ]
    ).tocsr()
    co = sp.triu(keys @ keys.T, k=1).tocoo()
    return np.column_stack([co.row, co.col]).astype(np.int64)


def _dots(parts: Sequence[sp.csr_matrix], pairs: np.ndarray) -> np.ndarray:
    """Row-wise dot products of each pair in each matrix: len(pairs) × len(parts). The matrices
    are laid side by side so each pair's rows are fetched once; a block indicator then sums
    the products per matrix."""
    combined = sp.hstack(parts).tocsr()
    owner = np.repeat(np.arange(len(parts)), [m.shape[1] for m in parts])
    blocks = sp.csr_matrix(
        (np.ones(len(owner)), (np.arange(len(owner)), owner)), shape=(len(owner), len(parts))
    )
    return np.asarray((combined[pairs[:, 0]].multiply(combined[pairs[:, 1]]) @ blocks).toarray())


def score_pairs(
    matrices: FeatureMatrices, pairs: np.ndarray, settings: DuplicateSettings | None = None
) -> np.ndarray:
    """len(pairs) × 3 layer similarities (cosines; the matrices are L2-normalised).

    With `settings`, the text layer (the costly one) is computed only for pairs that could still
    reach the threshold with a perfect text match; the others keep NaN there. This prunes
    nothing that could pass."""
    scores = np.full((len(pairs), 3), np.nan)
    if len(pairs) == 0:
        return scores
    small = _dots([matrices.capabilities, matrices.data, matrices.partners], pairs)
    scores[:, 0] = small[:, 0]
    scores[:, 1] = DATA_SHARE * small[:, 1] + PARTNER_SHARE * small[:, 2]
    hopeful = np.ones(len(pairs), dtype=bool)
    if settings is not None:
        cap_w, data_w, text_w = settings.weights
        hopeful = cap_w * scores[:, 0] + data_w * scores[:, 1] + text_w >= settings.threshold
    if hopeful.any():
        scores[hopeful, 2] = _dots([matrices.text], pairs[hopeful])[:, 0]
    return scores


def combine(layer_scores: np.ndarray, settings: DuplicateSettings) -> np.ndarray:
    combined: np.ndarray = np.clip(layer_scores @ np.array(settings.weights), 0.0, 1.0)
    return combined


def all_pairs(
    matrices: FeatureMatrices, settings: DuplicateSettings, chunk: int = 1000
) -> np.ndarray:
    """Brute force over every pair, same features and score: (i, j) above the threshold."""
    found = []
    cap_w, data_w, text_w = settings.weights
    weighted = [
        (cap_w, matrices.capabilities),
        (data_w * DATA_SHARE, matrices.data),
        (data_w * PARTNER_SHARE, matrices.partners),
        (text_w, matrices.text),
    ]
    n = len(matrices.ids)
    for start in range(0, n, chunk):
        stop = min(start + chunk, n)
        total = np.zeros((stop - start, n), dtype=np.float32)
        for weight, matrix in weighted:
            total += weight * (matrix[start:stop] @ matrix.T).toarray()
        rows, cols = np.nonzero(total >= settings.threshold)
        rows = rows + start
        keep = rows < cols
        found.append(np.column_stack([rows[keep], cols[keep]]))
    return np.concatenate(found) if found else np.zeros((0, 2), dtype=np.int64)


def _pair_key(a: str, b: str) -> tuple[str, str]:
    return (a, b) if a <= b else (b, a)


def find_duplicates(
    features: SystemFeatures,
    settings: DuplicateSettings | None = None,
    rejected: Iterable[tuple[str, str]] = (),
    confirmed: Iterable[tuple[str, str]] = (),
) -> DuplicateResult:
    """Suggested pairs (rejected ones never), confirmed pairs always, and their clusters."""
    settings = settings or DuplicateSettings()
    matrices = build_features(features, settings)
    candidates = candidate_pairs(matrices, settings)
    layer_scores = score_pairs(matrices, candidates, settings)
    scores = np.nan_to_num(combine(layer_scores, settings), nan=0.0)
    ids = matrices.ids
    position = {sid: i for i, sid in enumerate(ids)}
    confirmed_keys = {_pair_key(*p) for p in confirmed if p[0] in position and p[1] in position}
    rejected_keys = {_pair_key(*p) for p in rejected}
    chosen: dict[tuple[str, str], tuple[float, np.ndarray]] = {}
    for (i, j), score, layers in zip(candidates, scores, layer_scores, strict=True):
        if score >= settings.threshold:
            chosen[_pair_key(ids[i], ids[j])] = (float(score), layers)
    skipped = sum(1 for key in chosen if key in rejected_keys)
    missing = [key for key in confirmed_keys if key not in chosen]
    if missing:
        extra = np.array([[position[a], position[b]] for a, b in missing])
        extra_layers = score_pairs(matrices, extra)
        for key, layers in zip(missing, extra_layers, strict=True):
            chosen[key] = (float(combine(layers[np.newaxis, :], settings)[0]), layers)
    kept = {k: v for k, v in chosen.items() if k not in rejected_keys}
    return _assemble(kept, confirmed_keys, matrices, features, settings, len(candidates), skipped)


def _assemble(
    chosen: dict[tuple[str, str], tuple[float, np.ndarray]],
    confirmed: set[tuple[str, str]],
    matrices: FeatureMatrices,
    features: SystemFeatures,
    settings: DuplicateSettings,
    compared: int,
    skipped: int,
) -> DuplicateResult:
    ids = matrices.ids
    position = {sid: i for i, sid in enumerate(ids)}
    keys = sorted(chosen, key=lambda k: (-chosen[k][0], k))
    graph = sp.coo_matrix(
        (np.ones(len(keys)), ([position[a] for a, _ in keys], [position[b] for _, b in keys])),
        shape=(len(ids), len(ids)),
    )
    _, labels = connected_components(graph, directed=False)
    cluster_members: dict[int, list[str]] = {}
    for a, b in keys:
        cluster_members.setdefault(int(labels[position[a]]), [])
        for sid in (a, b):
            if sid not in cluster_members[int(labels[position[a]])]:
                cluster_members[int(labels[position[a]])].append(sid)
    numbering = {label: n for n, label in enumerate(cluster_members)}
    pairs = []
    for a, b in keys:
        score, layers = chosen[(a, b)]
        i, j = position[a], position[b]
        pairs.append(
            DuplicatePair(
                a,
                b,
                round(score, 4),
                tuple(round(float(x), 4) for x in layers),  # type: ignore[arg-type]
                tuple(
                    name
                    for name, value, limit in zip(
                        LAYERS, layers, settings.layer_thresholds, strict=True
                    )
                    if value >= limit
                ),
                tuple(sorted(set(features.capabilities[i]) & set(features.capabilities[j]))),
                tuple(sorted(set(features.data_objects[i]) & set(features.data_objects[j]))),
                numbering[int(labels[i])],
                (a, b) in confirmed,
            )
        )
    return DuplicateResult(pairs, [sorted(m) for m in cluster_members.values()], compared, skipped)


def precision_recall(
    found: Iterable[tuple[str, str]], truth: Iterable[Sequence[str]]
) -> tuple[float, float]:
    """Against a planted ground truth of unordered pairs."""
    got = {_pair_key(a, b) for a, b in found}
    expected = {_pair_key(str(p[0]), str(p[1])) for p in truth}
    hits = len(got & expected)
    precision = hits / len(got) if got else (1.0 if not expected else 0.0)
    recall = hits / len(expected) if expected else 1.0
    return precision, recall
