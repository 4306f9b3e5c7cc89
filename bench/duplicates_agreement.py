"""How far two independent labellings of one evaluation set agree: the ceiling that label noise
puts on any detector's figures there.

A second labeller, who saw neither the first labels nor the detector, labelled some of the sets
again (`tests/data/duplicates/second/`, see the README there): from the listing as the first
labeller read it, and, harder, from a listing shuffled, renumbered and without its area headings
(`second/shuffled/`, labels mapped back to the sets' ids), so that neither order nor ids can say
which systems belong together. Read as if the second labelling were a detector, its precision
and recall against the first are the figures the issue's goal (0.85 / 0.85) is measured by;
where they are near 1, the labels are not what keeps the detector from the goal. Printed per
set and pooled, with the pairs one labelling calls duplicate and the other complementary; the
last line is `agreement_f1=… shuffled_precision=… shuffled_recall=… shuffled_f1=…`.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from _duplicates_sets import DATA, Labels, f1, read_labels

SECOND = DATA / "second"


def compare(first: Labels, second: Labels) -> tuple[int, int, int, int, int]:
    """Duplicates both call so, the first's and the second's count, and the pairs one calls
    duplicate and the other complementary (first's duplicates, second's duplicates)."""
    both = len(first.duplicates.keys() & second.duplicates.keys())
    first_only = len(first.duplicates.keys() & second.complementary.keys())
    second_only = len(second.duplicates.keys() & first.complementary.keys())
    return both, len(first.duplicates), len(second.duplicates), first_only, second_only


def agreement(folder: Path) -> tuple[float, float, float]:
    """Per set in `folder` and pooled: the second labelling's precision, recall and F1."""
    pooled = [0, 0, 0]
    for path in sorted(folder.glob("labels-*.csv")):
        name = path.stem.removeprefix("labels-")
        both, first, second, first_only, second_only = compare(
            read_labels(DATA / path.name), read_labels(path)
        )
        precision, recall = both / max(second, 1), both / max(first, 1)
        print(
            f"  {name}: first {first} duplicate pairs, second {second}, both {both}: "
            f"precision {precision:.3f} recall {recall:.3f} F1 {f1(precision, recall):.3f}; "
            f"duplicate to the first and complementary to the second {first_only}, "
            f"the other way round {second_only}"
        )
        pooled = [pooled[0] + both, pooled[1] + first, pooled[2] + second]
    precision, recall = pooled[0] / max(pooled[2], 1), pooled[0] / max(pooled[1], 1)
    print(f"  pooled: precision {precision:.3f} recall {recall:.3f} F1 {f1(precision, recall):.3f}")
    return precision, recall, f1(precision, recall)


def main() -> None:
    argparse.ArgumentParser(
        description="How far a second, independent labelling of the evaluation sets agrees "
        "with the first (tests/data/duplicates/second/); the last line is "
        "`agreement_f1=… shuffled_precision=… shuffled_recall=… shuffled_f1=…`."
    ).parse_args()
    print("second labelling, from the listing as the first labeller read it:")
    *_, ordered = agreement(SECOND)
    print("second labelling, from a shuffled and renumbered listing without area headings:")
    precision, recall, shuffled = agreement(SECOND / "shuffled")
    print(
        f"agreement_f1={ordered:.3f} shuffled_precision={precision:.3f} "
        f"shuffled_recall={recall:.3f} shuffled_f1={shuffled:.3f}"
    )


if __name__ == "__main__":
    main()
