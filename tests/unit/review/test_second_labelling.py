"""The second, independent labelling of the evaluation sets (tests/data/duplicates/second/):
every pair names two systems of its set, once, with a label and difficulty the rules define, so
that bench/duplicates_agreement.py compares like with like."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

DATA = Path(__file__).parents[2] / "data" / "duplicates"
SECOND = sorted((DATA / "second").rglob("labels-*.csv"))
DIFFICULTIES = {
    "duplicate": {"category", "wording", "homegrown"},
    "complementary": {"eservice", "reporting", "gis_viewer", "archive", "feeds", "same_area"},
}


def _listed_ids(name: str) -> set[str]:
    text = (DATA / f"{name}.src").read_text(encoding="utf-8")
    return set(re.findall(r"^([a-z]{2}-\d{3}) \|", text, flags=re.MULTILINE))


def test_there_is_a_second_labelling_read_in_order_and_one_read_shuffled() -> None:
    assert {p.parent.name for p in SECOND} == {"second", "shuffled"}


@pytest.mark.parametrize("path", SECOND, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_a_second_labelling_names_systems_of_its_set_once(path: Path) -> None:
    ids = _listed_ids(path.stem.removeprefix("labels-"))
    with path.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    pairs = [frozenset((row["a"], row["b"])) for row in rows]
    assert rows and len(pairs) == len(set(pairs))
    for row in rows:
        assert {row["a"], row["b"]} <= ids and row["a"] != row["b"], row
        assert row["difficulty"] in DIFFICULTIES[row["label"]], row
