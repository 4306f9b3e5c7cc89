"""The matrices the duplicate signals are computed from: per system its word stems (TF-IDF),
capabilities and tags, data objects, partners, function confidences, roles, product and whether
it is home-grown (see duplicates.py for the signals). Pure."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import scipy.sparse as sp
from sklearn.feature_extraction.text import CountVectorizer, TfidfTransformer

from produktlyft.review.analysis.duplicates_embedding import (
    Embedded,
    embed_systems,
    embedding_texts,
    function_texts,
    load_embedder,
)
from produktlyft.review.analysis.duplicates_origin import system_origins
from produktlyft.review.analysis.duplicates_signals import (
    HitsMemo,
    Placement,
    Vocabulary,
    load_vocabulary,
    place_system,
)
from produktlyft.review.analysis.duplicates_text import (
    TEXT_SKIP,
    corpus_splitter,
    split_name,
    tokens,
)
from produktlyft.review.analysis.duplicates_word_pairs import WordPairs, pair_tokens, stem_rows

# roles of a system that serves another one: in front of it, reporting on it, showing,
# archiving or staffing for it (a core record or case system has none of them)
SATELLITE_ROLES = frozenset(
    ["front", "app", "reporting", "viewer", "archive", "pool", "integration"]
)
# roles of the core record system, which one product often has all of (a "verksamhetssystem"
# handles cases, keeps the documentation and the register): differing among these says less
CORE_ROLES = frozenset(["case", "documentation", "register"])
SHARPEN = 3.0  # a function at 80 % of a system's main one counts half: 0.8 ** 3


@dataclass(frozen=True)
class SystemFeatures:
    """Inputs per system, aligned by position."""

    ids: Sequence[str]
    texts: Sequence[str]  # name and description, for systems given only as one text
    capabilities: Sequence[Iterable[str]]
    data_objects: Sequence[Iterable[str]]
    partners: Sequence[Iterable[str]]  # ids of systems integrated with
    tags: Sequence[Iterable[str]] | None = None  # labels such as the kind of system
    names: Sequence[str] | None = None
    descriptions: Sequence[str] | None = None
    capability_names: Sequence[Sequence[str]] | None = None
    vendors: Sequence[str] | None = None
    owners: Sequence[str] | None = None  # the owning unit's id, "" where none is recorded


@dataclass
class FeatureMatrices:
    ids: list[str]
    text: sp.csr_matrix
    capabilities: sp.csr_matrix
    data: sp.csr_matrix
    partners: sp.csr_matrix
    functions: sp.csr_matrix  # confidences, n x functions
    function_main: sp.csr_matrix  # n x functions, how near each is to the system's main one
    homegrown: np.ndarray  # per system, whether it is a local tool
    capability_rarity: np.ndarray  # per capability column, 1 - log(holders) / log(systems)
    roles: sp.csr_matrix  # binary, n x roles
    complementary: sp.csr_matrix  # roles x roles, 1 where two roles complement each other
    products: sp.csr_matrix  # binary, n x products
    links: sp.csr_matrix  # n x n, 1 where two systems integrate directly
    satellites: sp.csr_matrix  # binary, n x satellite roles (SATELLITE_ROLES)
    core: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=bool))  # CORE_ROLES only
    # binary, n x origins (owning unit, former organisation or office named; duplicates_origin)
    origins: sp.csr_matrix = field(default_factory=lambda: sp.csr_matrix((0, 0)))
    origin_names: list[frozenset[str]] = field(default_factory=list)  # the same, by name
    placements: list[Placement] = field(default_factory=list)
    model: str = "signals"  # the model the matrices were built for
    vocabulary: Vocabulary | None = None
    embedded: Embedded | None = None  # with an embedding model only
    # n x character n-grams of the text's stems, TF-IDF (signals model only; char_tfidf)
    text_grams: sp.csr_matrix = field(default_factory=lambda: sp.csr_matrix((0, 0)))
    # per system its words for the word pairs: the stems of its name and description and its
    # firm functions (pair_tokens; signals model only), and the learnt word pairs' words each
    # holds (n x the model's words; none without a model)
    token_lists: list[list[str]] = field(default_factory=list)
    word_pairs: WordPairs | None = None
    word_stems: sp.csr_matrix = field(default_factory=lambda: sp.csr_matrix((0, 0)))
    # per column of `text`, 1 - log(systems holding the stem) / log(systems), as capabilities'
    text_rarity: np.ndarray = field(default_factory=lambda: np.zeros(0))

    @property
    def blocks(self) -> tuple[sp.csr_matrix, ...]:
        return self.capabilities, self.data, self.partners, self.functions, self.products


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


# character n-grams of four and five: long enough that a shared one is a shared word part
# ("skjenk", "parkering"), short enough to meet inside a compound the splitter leaves whole
GRAM_SIZES = (4, 5)


@dataclass(frozen=True)
class StemCounts:
    """How often each system's text holds each stem (n x stems), and the stems in column
    order: what both the stems' and their character n-grams' TF-IDF are made from."""

    counts: sp.csr_matrix
    stems: list[str]


def _identity(values: list[str]) -> list[str]:
    return values


def stem_counts(token_lists: Sequence[list[str]]) -> StemCounts:
    if not any(token_lists):
        return StemCounts(sp.csr_matrix((len(token_lists), 1), dtype=np.float32), [])
    vectorizer = CountVectorizer(analyzer=_identity)
    counts = vectorizer.fit_transform(list(token_lists))
    return StemCounts(counts, list(vectorizer.get_feature_names_out()))


def char_tfidf(stems: StemCounts) -> sp.csr_matrix:
    """TF-IDF of the character n-grams of each system's stems (word boundaries kept): two
    compounds that share a part the splitter did not find ("skjenkeregist" and "skjenkeløyv",
    "nøkkelregist" and "nøkkeloversik") meet here when their stems do not. A text's n-grams
    are the sum of its stems' n-grams, so each distinct stem is cut into n-grams once, not
    once per system that holds it."""
    if not stems.stems:
        return sp.csr_matrix((stems.counts.shape[0], 1), dtype=np.float32)
    grams = CountVectorizer(analyzer="char_wb", ngram_range=GRAM_SIZES).fit_transform(stems.stems)
    return _idf(sp.csr_matrix(stems.counts @ grams))


def stem_tfidf(stems: StemCounts) -> sp.csr_matrix:
    """TF-IDF of the systems' word stems."""
    if not stems.stems:
        return sp.csr_matrix(stems.counts.shape, dtype=np.float32)
    return _idf(stems.counts)


def _texts(features: SystemFeatures) -> tuple[list[str], list[str]]:
    if features.names is None:
        return list(features.texts), ["" for _ in features.ids]
    return list(features.names), list(features.descriptions or ["" for _ in features.ids])


def _placements(
    features: SystemFeatures, catalogue: bool, user_products: Path | None, place: bool
) -> tuple[list[Placement], list[list[str]], Vocabulary]:
    vocabulary = load_vocabulary(user_products, catalogue)
    names, descriptions = _texts(features)
    splitter = corpus_splitter([*names, *descriptions], vocabulary.words())
    cap_names = features.capability_names or [[] for _ in features.ids]
    vendors = features.vendors or ["" for _ in features.ids]
    places, token_lists = [], []
    memo: HitsMemo = {}
    for name, description, caps, vendor in zip(
        names, descriptions, cap_names, vendors, strict=True
    ):
        places.append(
            place_system(name, description, caps, vocabulary, splitter, vendor, memo)
            if place
            else Placement()
        )
        bare, _ = split_name(name)
        token_lists.append(tokens(f"{bare} {description}", splitter, TEXT_SKIP))
    return places, token_lists, vocabulary


def _confidences(places: Sequence[Placement]) -> tuple[sp.csr_matrix, sp.csr_matrix]:
    """Per system and function its confidence, and how near that is to the system's main
    function (confidence / its highest confidence, raised to SHARPEN)."""
    columns: dict[str, int] = {}
    rows, cols, values, main = [], [], [], []
    for i, place in enumerate(places):
        top = max(place.functions.values(), default=1.0)
        for function, confidence in place.functions.items():
            rows.append(i)
            cols.append(columns.setdefault(function, len(columns)))
            values.append(confidence)
            main.append((confidence / top) ** SHARPEN)
    shape = (len(places), max(len(columns), 1))
    confidence, near_main = (
        sp.csr_matrix((np.array(v, dtype=np.float32), (rows, cols)), shape=shape)
        for v in (values, main)
    )
    return confidence, near_main


def _rarity(binary: sp.csr_matrix) -> np.ndarray:
    """Per column, 1 - log(rows holding it) / log(rows): 1 for one holder, 0 for all."""
    holders = np.maximum(np.bincount(binary.indices, minlength=binary.shape[1]), 1)
    rarity: np.ndarray = np.clip(1.0 - np.log(holders) / np.log(max(binary.shape[0], 2)), 0, 1)
    return rarity


def _links(ids: Sequence[str], partners: Sequence[Iterable[str]]) -> sp.csr_matrix:
    position = {sid: i for i, sid in enumerate(ids)}
    rows, cols = [], []
    for i, row in enumerate(partners):
        for other in row:
            if other in position:
                rows += [i, position[other]]
                cols += [position[other], i]
    n = len(ids)
    links = sp.csr_matrix((np.ones(len(rows), dtype=np.float32), (rows, cols)), shape=(n, n))
    links.data[:] = 1.0
    return links


def build_matrices(
    features: SystemFeatures,
    catalogue: bool = True,
    user_products: Path | None = None,
    place: bool = True,
    embedding_model: Path | None = None,
    word_pairs: WordPairs | None = None,
) -> FeatureMatrices:
    """With `place` False (the layers model), functions, roles and products are left empty:
    that model does not read them, and placing 10,000 systems is the costly part. With an
    `embedding_model` (signals model only) each system's name and description is embedded."""
    places, token_lists, vocabulary = _placements(features, catalogue, user_products, place)
    tags = features.tags or [[] for _ in features.ids]
    capabilities, _ = _binary(
        [
            [f"c:{c}" for c in caps] + [f"t:{t.casefold()}" for t in labels]
            for caps, labels in zip(features.capabilities, tags, strict=True)
        ]
    )
    data, _ = _binary(features.data_objects)
    partners, _ = _binary(features.partners)
    roles, role_names = _binary([sorted(p.roles) for p in places])
    complementary = sp.csr_matrix(
        [
            [float(frozenset((a, b)) in vocabulary.complementary and a != b) for b in role_names]
            for a in role_names
        ],
        dtype=np.float32,
    )
    products, _ = _binary([[p.product] if p.product else [] for p in places])
    functions, function_main = _confidences(places)
    satellites, _ = _binary([sorted(p.roles & SATELLITE_ROLES) for p in places])
    descriptions = features.descriptions or [""] * len(features.ids)
    origin_names = system_origins(descriptions, features.owners)
    origins, _ = _binary([sorted(o) for o in origin_names])
    pair_lists = [pair_tokens(t, p.functions) for t, p in zip(token_lists, places, strict=True)]
    counts = stem_counts(token_lists)
    text = stem_tfidf(counts)
    return FeatureMatrices(
        ids=list(features.ids),
        text=text,
        text_rarity=_rarity(text) if place else np.zeros(0),  # the layers model reads none
        text_grams=char_tfidf(counts) if place else sp.csr_matrix((0, 0)),
        capabilities=_idf(capabilities),
        data=_idf(data),
        partners=_idf(partners),
        functions=functions,
        function_main=function_main,
        homegrown=np.array([p.homegrown for p in places], dtype=bool),
        capability_rarity=_rarity(capabilities),
        roles=roles,
        complementary=complementary,
        products=products,
        links=_links(features.ids, features.partners),
        satellites=satellites,
        core=np.array([bool(p.roles) and p.roles <= CORE_ROLES for p in places], dtype=bool),
        origins=origins,
        origin_names=origin_names,
        placements=places,
        model="signals" if place else "layers",
        vocabulary=vocabulary,
        embedded=_embedded(features, embedding_model, vocabulary) if place else None,
        token_lists=pair_lists if place else [],
        word_pairs=word_pairs if place else None,
        word_stems=(
            stem_rows(pair_lists, word_pairs)
            if place and word_pairs is not None
            else sp.csr_matrix((0, 0))
        ),
    )


def _embedded(
    features: SystemFeatures, model: Path | None, vocabulary: Vocabulary
) -> Embedded | None:
    if model is None:
        return None
    names, descriptions = _texts(features)
    embed = load_embedder(model)
    functions = [(f.sv, f.en, f.labels) for f in vocabulary.functions.values()]
    return embed_systems(
        embed(embedding_texts(names, descriptions)), embed(function_texts(functions))
    )
