"""How many decisions an analyst needs before the duplicate list holds 85 % of an
organisation's duplicates at 85 % precision, on the labelled evaluation inventories.

Per set, the detector starts from the weights fitted on the other sets (as in
bench/duplicates_eval.py). A simulated analyst decides the undecided candidate pairs from the
top of the ranking, BATCH at a time, answering from the labels; after each batch the weights
are re-fitted one of three ways: not at all, on the decisions alone (the re-fit before
fit_to_decisions), or with `fit_to_decisions` (what `produktlyft duplicates refit` does).
The analyst's list is the confirmed pairs plus the undecided suggestions. Printed per set and
way: precision and recall of the list after every batch, the lowest precision the analyst saw
on the way (a re-fit that floods the list shows here), and the decisions it took to reach
0.85 / 0.85 (or `not within CAP`); the last line sums the decisions over the sets and gives the
lowest precision seen in any set.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable

import numpy as np
from _duplicates_sets import (
    DATA,
    SETS,
    Pair,
    cross_fitted,
    load_set,
    read_labels,
    score_candidates,
)

from produktlyft.inventory.model import Inventory
from produktlyft.review.analysis import duplicates as dup
from produktlyft.review.analysis.duplicates_fit import (
    fit_to_decisions,
    fit_weights,
    labelled_signals,
)
from produktlyft.review.analysis.review import duplicate_features

BATCH = 10
CAP = 200
GOAL = 0.85
Refit = Callable[
    [dup.SystemFeatures, list[Pair], list[Pair], dup.DuplicateSettings], dup.DuplicateSettings
]


def decisions_alone(
    features: dup.SystemFeatures,
    confirmed: list[Pair],
    rejected: list[Pair],
    prior: dup.DuplicateSettings,
) -> dup.DuplicateSettings:
    if min(len(confirmed), len(rejected)) < 3:  # the service's MIN_EACH
        return prior
    signals, labels = labelled_signals(features, confirmed, prior, rejected, only_labelled=True)
    return fit_weights(signals, labels, dup.signals_model())


WAYS: dict[str, Refit] = {
    "no re-fit": lambda features, confirmed, rejected, prior: prior,
    "decisions alone": decisions_alone,
    "fit_to_decisions": fit_to_decisions,
}


def simulate(
    inventory: Inventory, truth: set[Pair], prior: dup.DuplicateSettings, refit: Refit
) -> list[tuple[int, float, float]]:
    """(decisions, precision, recall) of the analyst's list after each batch."""
    features = duplicate_features(inventory)
    decided: dict[Pair, bool] = {}
    settings, trace = prior, []
    while True:
        scored = score_candidates(inventory, settings)
        keys = scored.pair_keys()
        order = np.argsort(-scored.probability, kind="stable")
        cut = dup.cutoff(settings, scored.probability)  # as a review cuts the list
        suggested = {keys[k] for k in order if scored.probability[k] >= cut}
        confirmed = {p for p, duplicate in decided.items() if duplicate}
        listed = confirmed | (suggested - set(decided))
        true = len(listed & truth)
        trace.append((len(decided), true / max(len(listed), 1), true / len(truth)))
        if (trace[-1][1] >= GOAL and trace[-1][2] >= GOAL) or len(decided) >= CAP:
            return trace
        batch = [keys[k] for k in order if keys[k] not in decided][:BATCH]
        if not batch:
            return trace
        decided.update((p, p in truth) for p in batch)
        settings = refit(
            features,
            [p for p, d in decided.items() if d],
            [p for p, d in decided.items() if not d],
            prior,
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", default=None, help="comma-separated set names (default all)")
    chosen = (parser.parse_args().sets or ",".join(SETS)).split(",")
    inventories = {name: load_set(name) for name in SETS}
    labels = {name: read_labels(DATA / SETS[name]) for name in SETS}
    fitted = cross_fitted(inventories, labels)
    assert fitted is not None
    needed = dict.fromkeys(WAYS, 0)
    lowest = dict.fromkeys(WAYS, 1.0)
    for name in chosen:
        truth = set(labels[name].duplicates)
        for way, refit in WAYS.items():
            trace = simulate(inventories[name], truth, fitted[name], refit)
            done, precision, recall = trace[-1]
            reached = precision >= GOAL and recall >= GOAL
            needed[way] += done if reached else CAP
            floor = min(p for _, p, _ in trace)
            lowest[way] = min(lowest[way], floor)
            steps = " ".join(f"{d}:{p:.2f}/{r:.2f}" for d, p, r in trace)
            verdict = f"reached at {done}" if reached else f"not within {CAP}"
            print(f"{name:<10} {way:<17} {verdict:<15} lowest P {floor:.2f} | {steps}", flush=True)
    print(
        " ".join(f"decisions_{way.replace(' ', '_')}={n}" for way, n in needed.items())
        + f" (sum over {len(chosen)} sets; a set not reached counts {CAP}); "
        + " ".join(f"lowest_precision_{way.replace(' ', '_')}={p:.2f}" for way, p in lowest.items())
    )


if __name__ == "__main__":
    main()
