"""Word pairs learnt from labelled twins: that two different words name one job ("enkät" and
"survey", "diarium" and a records product), where neither the vocabulary nor the catalogue
has the pair (ADR 0023, thirtieth look). Pure.

A pair of systems is described by the pairs of stems its two texts hold, one from each side,
counted over ordered pairs; a logistic model over those counts is fitted on labelled
inventories' candidate pairs. Stored as a symmetric stem-by-stem matrix W, a pair's score is
then the bilinear form s_a W s_b' of the two systems' binary stem rows, computed for all
pairs at once with sparse matrices. Only word pairs seen in at least `min_sets` inventories
are learnt: an organisation's own place names ("two former municipalities") say nothing of
the next one. A system's words are its stems and its firm functions ("fn:" and the function,
`pair_tokens`), so that a function pairs with the words and functions of its twins elsewhere
(ADR 0023, thirty-first look)."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache, cached_property
from importlib import resources

import numpy as np
import scipy.sparse as sp
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression

from produktlyft.review.analysis.duplicates_text import stem

SHIPPED_WORD_PAIRS = "duplicate_word_pairs.json"
MIN_SETS = 2  # a word pair is learnt where this many inventories hold it
REGULARISATION = 1.0  # C of the logistic model (0.3 and 3 measured the same)
KEPT = 0.02  # weights nearer zero than this are not stored
SEPARATOR = "|"
FUNCTION = "fn:"  # a function a system is placed in, as a word beside its stems
FUNCTION_SHARE = 0.5  # of the system's highest confidence: functions at least this near count
EVIDENCE = 0.65  # a learnt pair of two different words this strong is named in a pair's reason
EVIDENCE_NAMED = 3  # and at most this many of them

# one pair's word pairs and their counts, and a row per candidate pair of an inventory
PairWords = dict[str, int]


@dataclass(frozen=True, eq=False)
class WordPairs:
    stems: tuple[str, ...]
    weights: sp.csr_matrix  # symmetric, stems x stems
    intercept: float
    source: str = ""
    index: dict[str, int] = field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "index", {s: i for i, s in enumerate(self.stems)})

    @cached_property
    def evidence(self) -> dict[int, list[tuple[int, float]]]:
        """Per stem, the other stems it pairs with at weight EVIDENCE or more: the few pairs
        a reason may name (about a hundred of the shipped model's 150,000), looked up per
        suggested pair without slicing the whole matrix."""
        strong = sp.coo_matrix(self.weights)
        keep = (strong.data >= EVIDENCE) & (strong.row != strong.col)
        found: dict[int, list[tuple[int, float]]] = {}
        for row, col, weight in zip(
            strong.row[keep], strong.col[keep], strong.data[keep], strict=True
        ):
            found.setdefault(int(row), []).append((int(col), float(weight)))
        return found


def pair_words(a: Sequence[str], b: Sequence[str]) -> PairWords:
    """The word pairs of two systems' stems, one from each side, counted over ordered pairs
    (as the bilinear form counts them)."""
    return dict(Counter(_key(x, y) for x in set(a) for y in set(b)))


def pair_tokens(stems: Sequence[str], functions: dict[str, float]) -> list[str]:
    """A system's words for the word pairs: its stems, and the functions it is placed in
    nearly as firmly as in its main one, so that a function learns its words in other
    inventories ("fn:e_arkiv" beside "bevarande") and which functions are one job's two
    names there."""
    top = max(functions.values(), default=0.0)
    placed = sorted(f for f, c in functions.items() if c > 0 and c >= FUNCTION_SHARE * top)
    return [*stems, *(FUNCTION + f for f in placed)]


def _key(x: str, y: str) -> str:
    return f"{x}{SEPARATOR}{y}" if x <= y else f"{y}{SEPARATOR}{x}"


def fit_word_pairs(
    inventories: Sequence[tuple[Sequence[PairWords], np.ndarray]],
    min_sets: int = MIN_SETS,
    regularisation: float = REGULARISATION,
    source: str = "",
) -> WordPairs | None:
    """The model fitted on each inventory's candidate pairs (their word pairs and 1 for a
    twin); None where one class is missing."""
    seen = Counter(w for rows, _ in inventories for w in set().union(*rows, set()))
    keep = {w for w, count in seen.items() if count >= min_sets}
    rows = [{w: c for w, c in row.items() if w in keep} for one, _ in inventories for row in one]
    labels = np.concatenate([np.asarray(y, dtype=int) for _, y in inventories])
    if len(set(labels.tolist())) < 2 or not keep:
        return None
    vectorizer = DictVectorizer()
    x = vectorizer.fit_transform(rows)
    model = LogisticRegression(C=regularisation, max_iter=3000).fit(x, labels)
    coef = np.asarray(model.coef_[0])
    names = vectorizer.get_feature_names_out()
    kept = np.abs(coef) >= KEPT
    return from_pairs(
        [str(n) for n in names[kept]], coef[kept].tolist(), float(model.intercept_[0]), source
    )


def from_pairs(
    pairs: Sequence[str], weights: Sequence[float], intercept: float, source: str = ""
) -> WordPairs:
    split = [p.split(SEPARATOR, 1) for p in pairs]
    stems = tuple(sorted({s for pair in split for s in pair}))
    index = {s: i for i, s in enumerate(stems)}
    rows = [index[a] for a, _ in split] + [index[b] for a, b in split if a != b]
    cols = [index[b] for _, b in split] + [index[a] for a, b in split if a != b]
    values = list(weights) + [w for (a, b), w in zip(split, weights, strict=True) if a != b]
    size = len(stems)
    matrix = sp.csr_matrix((values, (rows, cols)), shape=(size, size), dtype=np.float64)
    return WordPairs(stems, matrix, round(intercept, 4), source)


def stem_rows(token_lists: Sequence[Sequence[str]], model: WordPairs) -> sp.csr_matrix:
    """Per system, 1 for each of the model's words (stems and functions) it holds."""
    rows, cols = [], []
    for i, stems in enumerate(token_lists):
        known = {model.index[s] for s in stems if s in model.index}
        rows += [i] * len(known)
        cols += sorted(known)
    shape = (len(token_lists), len(model.stems))
    return sp.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=shape)


# pairs scored at once: each is expanded to every (stem of a, stem of b), some tens each
CHUNK = 20_000


def pair_scores(model: WordPairs, stems: sp.csr_matrix, pairs: np.ndarray) -> np.ndarray:
    """Per pair, the probability of a twin by its word pairs alone: s_a W s_b' summed over
    each stem of a and each of b, with W looked up by (row, column) key. Not by the rows of
    s W, which are nearly dense (a word pairs with many): gathering them for every pair was
    most of the time on a large inventory."""
    if len(pairs) == 0:
        return np.zeros(0)
    if model.weights.nnz == 0:
        return np.full(len(pairs), 1.0 / (1.0 + np.exp(-model.intercept)))
    weights = sp.csr_matrix(model.weights)
    weights.sort_indices()
    size = weights.shape[1]
    keys = np.repeat(np.arange(weights.shape[0], dtype=np.int64), np.diff(weights.indptr))
    keys = keys * size + weights.indices
    logit = np.concatenate(
        [
            _bilinear(stems, pairs[start : start + CHUNK], keys, weights.data, size)
            for start in range(0, len(pairs), CHUNK)
        ]
    )
    out: np.ndarray = 1.0 / (1.0 + np.exp(-(logit + model.intercept)))
    return out


def _bilinear(
    stems: sp.csr_matrix, pairs: np.ndarray, keys: np.ndarray, values: np.ndarray, size: int
) -> np.ndarray:
    """s_a W s_b' per pair, the stem rows binary (`stem_rows`), W as sorted keys and values."""
    owner_a, stem_a = _row_entries(stems, pairs[:, 0])
    owner_b, stem_b = _row_entries(stems, pairs[owner_a, 1])
    wanted = stem_a[owner_b].astype(np.int64) * size + stem_b
    found = np.minimum(np.searchsorted(keys, wanted), len(keys) - 1)
    weight = np.where(keys[found] == wanted, values[found], 0.0)
    summed: np.ndarray = np.bincount(owner_a[owner_b], weights=weight, minlength=len(pairs))
    return summed


def _row_entries(matrix: sp.csr_matrix, rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The stored entries of `rows` of `matrix`: for each, its position in `rows` and its
    column."""
    counts = np.diff(matrix.indptr)[rows]
    owner = np.repeat(np.arange(len(rows)), counts)
    within = np.arange(int(counts.sum())) - np.repeat(np.cumsum(counts) - counts, counts)
    columns: np.ndarray = matrix.indices[matrix.indptr[rows][owner] + within]
    return owner, columns


def strongest_pairs(
    model: WordPairs, a: Sequence[str], b: Sequence[str], limit: int | None = EVIDENCE_NAMED
) -> list[tuple[str, str]]:
    """The learnt pairs of two different words, one from each system, that speak most for a
    twin (weight at least EVIDENCE), strongest first: what a pair's reason can name."""
    right = {model.index[w] for w in b if w in model.index}
    found = sorted(
        (-weight, model.stems[row], model.stems[col])
        for row in {model.index[w] for w in a if w in model.index}
        for col, weight in model.evidence.get(row, ())
        if col in right
    )
    out: list[tuple[str, str]] = []
    for _, x, y in found:
        if {x, y} not in ({p, q} for p, q in out):
            out.append((x, y))
    return out[:limit]


def surface(word: str, text: str) -> str:
    """A word of `text` whose stem is `word`, or else that holds it, as the text spells it
    (the stem where none does; a function as it is): a reader knows "Billetsalg" and
    "library", not "billet" and "librari"."""
    if word.startswith(FUNCTION):
        return word
    bare = [t.strip(".,;:!?()[]\"'«»–-/") for t in text.split()]
    for token in bare:
        if token and stem(token.casefold()) == word:
            return token
    return next((t for t in bare if word in t.casefold()), word)


def to_json(model: WordPairs) -> str:
    """Stored by column (the stems, then each learnt pair as two stem positions and a weight,
    upper triangle only), so that reading it back is a few array conversions."""
    upper = sp.triu(model.weights).tocoo()
    order = np.lexsort((upper.col, upper.row))
    body = {
        "source": model.source,
        "intercept": model.intercept,
        "stems": list(model.stems),
        "rows": upper.row[order].tolist(),
        "cols": upper.col[order].tolist(),
        "weights": np.round(upper.data[order], 4).tolist(),
    }
    return json.dumps(body, ensure_ascii=False, separators=(",", ":")) + "\n"


def read_word_pairs(text: str) -> WordPairs:
    raw = json.loads(text)
    stems = tuple(raw["stems"])
    rows, cols = (np.asarray(raw[k], dtype=np.int64) for k in ("rows", "cols"))
    weights = np.asarray(raw["weights"], dtype=np.float64)
    mirrored = rows != cols
    matrix = sp.csr_matrix(
        (
            np.concatenate([weights, weights[mirrored]]),
            (np.concatenate([rows, cols[mirrored]]), np.concatenate([cols, rows[mirrored]])),
        ),
        shape=(len(stems), len(stems)),
    )
    return WordPairs(stems, matrix, float(raw["intercept"]), raw["source"])


@cache
def shipped_word_pairs() -> WordPairs:
    """The word pairs shipped with the package (bench/duplicates_eval.py --fit-shipped)."""
    path = resources.files("produktlyft.review.data").joinpath(SHIPPED_WORD_PAIRS)
    return read_word_pairs(path.read_text("utf-8"))
