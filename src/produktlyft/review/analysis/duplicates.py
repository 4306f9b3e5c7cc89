"""Duplicate and overlapping systems, from explainable signals combined by a small logistic model.

Signals per pair (each 0..1, see docs/decisions/0023):
1. capabilities: cosine of the systems' capability sets and functional tags, weighted by rarity;
2. data_integrations: cosine of the data objects used (0.8) and the integration partners (0.2);
3. text: cosine of TF-IDF vectors of Swedish-aware word stems of name and description
   (duplicates_text: versions and parentheticals handled, compounds split, Snowball stemming,
   boilerplate stop words), so rare words weigh and "verktyg" does not;
4. function: both systems placed in the same public-sector function of the shipped vocabulary,
   or by the product catalogue (duplicates_signals), the product of their confidences;
5. product_same: both are the same catalogue product; named in the reason, but UNWEIGHED: it
   fires on a handful of pairs per inventory, too few for a weight that carries over;
and evidence for or against, from roles and integrations:
6. role_same: both have the same role (two case systems, two e-services);
7. role_complementary: their roles complement each other (a case system and the e-service in
   front of it, a register and its reporting tool, an archive, a map viewer);
8. linked: one integrates directly with the other (a system feeding another is rarely its twin);
9. role_differ: both have a role and they differ without complementing each other (a case
   system and a planning tool for the same function); two core roles (case, documentation,
   register) count only where neither system is a catalogue product or home-grown, whose
   one role word hides the others a product usually has;
10. role_and_function: the same role in the same capability or function (two case systems
   for building permits), the interaction a linear model cannot form by itself; a shared
   capability counts as far as it is rare (capability similarity times capability_rarity);
11. homegrown_and_function: an Excel sheet, Access database or in-house tool in the same
   capability or function as the other system (it often does what a product does), the
   capability counted as in role_and_function;
12. mapped_apart: both systems are mapped to capabilities and share none (evidence against:
   whoever mapped them saw different jobs);
13. capability_rarity: how rare the rarest shared capability is, 1 - log(holders)/log(systems)
   (sharing "Lön och personal" with 15 systems says less than sharing "Familjerätt");
14. satellite_apart: one is an e-service, app, report, viewer, archive, pool or integration
   service and the other is not that (evidence against: the satellite of a core system whose
   own role was not read);
15. embedding: only where an operator has a sentence-embedding model on disk
   (`DuplicateSettings.embedding_model`, duplicates_embedding): how near each system stands
   among the other's neighbours by meaning, 1 / (1 + rank); 0 without a model;
16. embedding_function: with that model, both systems nearest by meaning to the same function
   of the vocabulary, as sure as the weaker, unless their roles differ or complement each
   other; 0 without a model;
17. best_match: whether the two are each other's best match among their candidate pairs by the
   rest of the score, 1 / (1 + the worse of the two ranks; a tie is nobody's best), filled in
   after the others (`with_best_match`, duplicates_match): a report or list that resembles
   several systems is the twin of at most one of them;
18. group_match: the same rank counting only rivals that score at least GROUP_MARGIN (0.25,
   logit) better by the rest of the score (duplicates_match): three or four near-equal twins
   (the learning platforms of a merged municipality) are not each other's rivals, so the pairs
   of a group that are not each other's best match are not weighed down as far; used without
   an embedding model only (`uses_group`);
19. origin_apart: both systems' origins (owning units, or former organisations or offices their
   descriptions name, duplicates_origin) are known and differ: after a merger each former
   organisation brought its own system of a function. The reason names one origin of each;
20. text_grams: cosine of TF-IDF vectors of the character 4- and 5-grams of the same stems
   (duplicates_features.char_tfidf): two compounds that share a part the splitter left whole
   ("skjenkeregister" and "skjenkeløyve", "nøkkelregister" and "nøkkeloversikt") meet here when
   their stems do not; named in the reason at GRAMS_THRESHOLD where the text is not;
21. word_pairs: the probability of a twin by the pairs of stems the two texts hold, one from
   each side, under a logistic model learnt from labelled twins (duplicates_word_pairs): two
   different words for one job ("enkät" and "survey") that neither the vocabulary nor the
   catalogue pairs; the reason names the strongest of them (duplicates_explain).
22. text_rarity: how rare the rarest stem both texts hold is, 1 - log(holders)/log(systems),
   as capability_rarity: two short texts that share one rare word and little else ("CTG",
   "SMS", "skjenkeløyve") are nearer than their cosine says, and two that share only "plan"
   are not;
23. match_margin: how far the pair's score by the rest of the model stands above the best of
   either system's other pairs, as a logistic of the gap (0.5 level with a rival, 1 with none,
   duplicates_match), filled in with best_match: the rank says whether two systems are each
   other's best match, the margin how clearly.
A holdover (kept open read-only or on its way out: "W3D3 (läsläge)", a description saying "kept
open read-only"; the vocabulary's `holdover` marks) is not a signal: measured as one it ranked
no better (ADR 0023, thirty-second look). The reason names it and it is never the survivor.

A logistic model of the signals, `sigmoid(intercept + weights · signals)`, ranks each system's
pairs for the best-match signals; the shipped gradient-boosted trees (`trees`,
duplicates_trees) then score the pairs, and a pair is suggested from the cut where the
inventory's list has the best expected F1 (`calibration`, duplicates_cut), or from the fixed
`threshold` in settings without a calibration. Both are fitted (bench/duplicates_eval.py
--fit-shipped) on the demo organisation and the twelve labelled evaluation inventories; an
organisation's decisions can adjust them (`fit_to_decisions`).
Candidate pairs come from blocking (duplicates_blocking), never from all pairs: two systems are
compared only if they share a distinctive word stem, a function, a product, or a capability,
data object or partner held by at most `max_block` systems. `all_pairs` scores every pair with
the same model; it exists for the bench (speed ratio and recall), not for use.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

import numpy as np
import scipy.sparse as sp
from scipy.sparse.csgraph import connected_components

from produktlyft.kernel.heap import collector_paused
from produktlyft.review.analysis.duplicates_blocking import candidate_pairs
from produktlyft.review.analysis.duplicates_cut import sigmoid
from produktlyft.review.analysis.duplicates_explain import (
    shared_function,
    speaking_signals,
    succession,
    system_texts,
    weighs,
    word_evidence,
)
from produktlyft.review.analysis.duplicates_features import (
    FeatureMatrices,
    SystemFeatures,
    build_matrices,
)
from produktlyft.review.analysis.duplicates_match import fill_matches
from produktlyft.review.analysis.duplicates_origin import apart_origins
from produktlyft.review.analysis.duplicates_scoring import score_pairs
from produktlyft.review.analysis.duplicates_settings import (
    AGAINST,
    EARLIER_LENGTHS,
    EMBEDDING_INTERCEPT,
    EMBEDDING_SIGNALS,
    EMBEDDING_THRESHOLD,
    EMBEDDING_WEIGHTS,
    FITTED_CALIBRATION,
    FREE,
    GROUP,
    LAYERS,
    MARGIN,
    MATCH,
    MATCHES,
    MEANING_THRESHOLDS,
    ORIGIN,
    SIGNALS,
    TAGGED_SHARE,
    UNWEIGHED,
    WORDS,
    DuplicateSettings,
    cut_rule,
    cutoff,
    padded_weights,
    resolve_model,
    signals_model,
    with_embedding,
    without_catalogue,
)

# the settings and signal names are defined beside this module and read from here too
__all__ = [
    "AGAINST",
    "EARLIER_LENGTHS",
    "EMBEDDING_INTERCEPT",
    "EMBEDDING_SIGNALS",
    "EMBEDDING_THRESHOLD",
    "EMBEDDING_WEIGHTS",
    "FITTED_CALIBRATION",
    "FREE",
    "GROUP",
    "LAYERS",
    "MARGIN",
    "MATCH",
    "MATCHES",
    "MEANING_THRESHOLDS",
    "SIGNALS",
    "TAGGED_SHARE",
    "UNWEIGHED",
    "DuplicateSettings",
    "FeatureMatrices",
    "SystemFeatures",
    "build_features",
    "candidate_pairs",
    "cut_rule",
    "cutoff",
    "padded_weights",
    "resolve_model",
    "score_pairs",
    "signals_model",
    "with_embedding",
    "without_catalogue",
]


@dataclass(frozen=True)
class DuplicatePair:
    a: str
    b: str
    score: float
    layer_scores: tuple[float, ...]
    layers: tuple[str, ...]
    shared_capabilities: tuple[str, ...] = ()
    shared_data: tuple[str, ...] = ()
    cluster: int = -1
    confirmed: bool = False
    function: str | None = None  # the shared function's id
    function_words: tuple[str, ...] = ()
    product: str | None = None  # the shared product, when both are one
    against: tuple[str, ...] = ()  # evidence against that was weighed
    origins: tuple[str, ...] = ()  # where origin_apart fired: an origin of each system
    # the strongest learnt word pairs ("Billetsalg|fn:evenemang": a word of each, as spelt, or
    # a function), where the model weighs them
    word_pairs: tuple[str, ...] = ()
    # the older and the newer product where the catalogue names one the other's successor
    succession: tuple[str, ...] = ()
    # which of the two is a holdover (kept open read-only or on its way out), by id
    holdover: tuple[str, ...] = ()


@dataclass
class DuplicateResult:
    pairs: list[DuplicatePair]
    clusters: list[list[str]]
    candidates_compared: int
    rejected_skipped: int = 0
    stats: dict[str, float] = field(default_factory=dict)
    model: str = "signals"  # the model "auto" resolved to: "layers" or "signals"
    threshold: float = 0.0  # the score pairs were suggested from
    # how that score was chosen: "fixed" (the settings' threshold) or "expected_f1" (where
    # this inventory's list has the best expected F1, duplicates_cut)
    cut_by: str = "fixed"
    trees: bool = False  # the signals model scored the pairs with trees (else logistic)
    # every system of the suggested pairs that is a holdover: never the one to keep
    holdovers: frozenset[str] = frozenset()


def build_features(features: SystemFeatures, settings: DuplicateSettings) -> FeatureMatrices:
    model = resolve_model(features, settings).model
    return build_matrices(
        features,
        settings.catalogue,
        settings.user_products,
        place=model == "signals",
        embedding_model=settings.embedding_model,
        word_pairs=settings.word_pairs,
    )


def combine(signals: np.ndarray, settings: DuplicateSettings) -> np.ndarray:
    """The logistic probability that each pair is a duplicate (the "signals" model), or the
    weighted sum of the first three layers (the "layers" model)."""
    if settings.model == "layers":
        summed: np.ndarray = np.clip(signals[:, :3] @ np.array(settings.layer_weights), 0.0, 1.0)
        return summed
    logit = model_logit(signals, settings)
    return sigmoid(logit)


def model_logit(signals: np.ndarray, settings: DuplicateSettings) -> np.ndarray:
    """The signals model's logit: the trees' (shifted by an organisation's adjustment, if
    any), or the logistic weights' without trees."""
    if settings.trees is None:
        plain: np.ndarray = signals @ np.array(settings.weights) + settings.intercept
        return plain
    logit = settings.trees.logit(signals)
    if settings.adjustment is not None:
        logit = logit + signals @ np.array(settings.adjustment) + settings.adjustment_intercept
    return logit


def all_pairs(
    matrices: FeatureMatrices,
    settings: DuplicateSettings,
    chunk: int = 1000,
    cut: float | None = None,
) -> np.ndarray:
    """Brute force over every pair with the same signals and model: (i, j) at or above `cut`
    (the fixed threshold unless given: a cut by expected F1 belongs to the candidate pairs, so
    pass the one `find_duplicates` used). The best match is ranked among every pair that could
    reach the cut with it."""
    if settings.model == "auto":
        settings = replace(settings, model=matrices.model)
    cut = cutoff(settings) if cut is None else cut
    kept, signals = [], []
    n = len(matrices.ids)
    weights = np.array(settings.weights)
    needed = np.log(cut / (1 - cut))
    floor = needed - np.maximum(weights[MATCHES], 0).sum()
    for start in range(0, n, chunk):
        stop = min(start + chunk, n)
        grid = np.array(np.meshgrid(np.arange(start, stop), np.arange(n), indexing="ij"))
        grid = grid.reshape(2, -1).T
        grid = grid[grid[:, 0] < grid[:, 1]]
        if len(grid):
            scored = score_pairs(matrices, grid)
            near = _could_reach(scored, settings, needed, floor)
            kept.append(grid[near])
            signals.append(scored[near])
    if not kept:
        return np.zeros((0, 2), dtype=np.int64)
    pairs = np.concatenate(kept)
    probability = combine(with_best_match(pairs, np.concatenate(signals), settings), settings)
    found: np.ndarray = pairs[probability >= cut]
    return found


def _could_reach(
    scored: np.ndarray, settings: DuplicateSettings, needed: float, floor: float
) -> np.ndarray:
    """The pairs that could reach the cut once their best-match signals are known: under the
    trees, scored as if each were its systems' best match (the trees and an adjustment are
    monotone in both, so that is the highest they could score); under the logistic model, by
    the other signals against the cut less the most the two could add (`floor`)."""
    if settings.model == "layers":
        return np.ones(len(scored), dtype=bool)
    if settings.trees is not None:
        best = scored.copy()
        best[:, MATCHES] = 1.0
        reach: np.ndarray = model_logit(best, settings) >= needed
        return reach
    near: np.ndarray = scored @ np.array(settings.weights) + settings.intercept >= floor
    return near


def with_best_match(
    pairs: np.ndarray, signals: np.ndarray, settings: DuplicateSettings
) -> np.ndarray:
    """`signals` with the best-match, group and margin signals filled in: each pair's rank
    among both systems' pairs by the rest of the signals model's score, and how far it stands
    above their next best (the layers model uses none of them)."""
    if settings.model == "layers" or len(pairs) == 0:
        return signals
    logits = np.delete(signals, MATCHES, axis=1) @ np.delete(np.array(settings.weights), MATCHES)
    return fill_matches(signals, pairs, logits, uses_group(settings))


def uses_group(settings: DuplicateSettings) -> bool:
    """The group signal is used without an embedding model only: with one, at this margin it
    lowered the cross-fitted F1 (ADR 0023), so it is 0 there and its weight fits to 0."""
    return settings.embedding_model is None


def _pair_key(a: str, b: str) -> tuple[str, str]:
    return (a, b) if a <= b else (b, a)


def find_duplicates(
    features: SystemFeatures,
    settings: DuplicateSettings | None = None,
    rejected: Iterable[tuple[str, str]] = (),
    confirmed: Iterable[tuple[str, str]] = (),
) -> DuplicateResult:
    """Suggested pairs (rejected ones never), confirmed pairs always, and their clusters."""
    with collector_paused():
        settings = resolve_model(features, settings or DuplicateSettings())
        matrices = build_features(features, settings)
        candidates = candidate_pairs(matrices, settings)
        layer_scores = with_best_match(candidates, score_pairs(matrices, candidates), settings)
        scores = combine(layer_scores, settings)
        ids = matrices.ids
        position = {sid: i for i, sid in enumerate(ids)}
        confirmed_keys = {_pair_key(*p) for p in confirmed if p[0] in position and p[1] in position}
        rejected_keys = {_pair_key(*p) for p in rejected}
        chosen: dict[tuple[str, str], tuple[float, np.ndarray]] = {}
        cut = cutoff(settings, scores)
        for (i, j), score, layers in zip(candidates, scores, layer_scores, strict=True):
            if score >= cut:
                chosen[_pair_key(ids[i], ids[j])] = (float(score), layers)
        skipped = sum(1 for key in chosen if key in rejected_keys)
        missing = [key for key in confirmed_keys if key not in chosen]
        if missing:
            extra = np.array([[position[a], position[b]] for a, b in missing])
            extra_layers = score_pairs(matrices, extra)
            for key, layers in zip(missing, extra_layers, strict=True):
                chosen[key] = (float(combine(layers[np.newaxis, :], settings)[0]), layers)
        kept = {k: v for k, v in chosen.items() if k not in rejected_keys}
        counts = (len(candidates), skipped)
        return _assemble(kept, confirmed_keys, matrices, features, settings, counts, cut)


def _assemble(
    chosen: dict[tuple[str, str], tuple[float, np.ndarray]],
    confirmed: set[tuple[str, str]],
    matrices: FeatureMatrices,
    features: SystemFeatures,
    settings: DuplicateSettings,
    counts: tuple[int, int],
    cut: float,
) -> DuplicateResult:
    compared, skipped = counts
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
    weighs_origin, weighs_words = weighs(settings, ORIGIN), weighs(settings, WORDS)
    texts = system_texts(features) if weighs_words else []
    pairs = []
    for a, b in keys:
        score, layers = chosen[(a, b)]
        i, j = position[a], position[b]
        speaking = speaking_signals(layers, settings)
        function, function_words = shared_function(matrices.placements[i], matrices.placements[j])
        # a word beside the function the reason already names says nothing more
        said = function if function is not None and "function" in speaking else None
        pairs.append(
            DuplicatePair(
                a,
                b,
                round(score, 4),
                tuple(round(float(x), 4) for x in layers),
                speaking,
                tuple(sorted(set(features.capabilities[i]) & set(features.capabilities[j]))),
                tuple(sorted(set(features.data_objects[i]) & set(features.data_objects[j]))),
                numbering[int(labels[i])],
                (a, b) in confirmed,
                function,
                function_words,
                matrices.placements[i].product if layers[4] > 0 else None,
                tuple(name for name in AGAINST if layers[SIGNALS.index(name)] > 0),
                apart_origins(matrices.origin_names, i, j)
                if weighs_origin and layers[ORIGIN]
                else (),
                word_evidence(matrices, texts, i, j, said) if weighs_words else (),
                succession(matrices.placements[i], matrices.placements[j], matrices.vocabulary),
                tuple(s for s, k in ((a, i), (b, j)) if matrices.placements[k].holdover),
            )
        )
    clusters = [sorted(m) for m in cluster_members.values()]
    return DuplicateResult(
        pairs,
        clusters,
        compared,
        skipped,
        model=settings.model,
        threshold=cut,
        cut_by=cut_rule(settings),
        trees=settings.model == "signals" and settings.trees is not None,
        holdovers=frozenset(s for pair in pairs for s in pair.holdover),
    )


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
