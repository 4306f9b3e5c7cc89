"""A real inventory's holdovers (ADR 0023, thirty-second look): a system kept open read-only
after a migration is named in its pairs' reason and never suggested as the one to keep."""

from __future__ import annotations

from pathlib import Path

from produktlyft.inventory.importers import read_sources
from produktlyft.review.analysis.duplicates import find_duplicates, signals_model
from produktlyft.review.analysis.review import duplicate_features, duplicate_outputs
from produktlyft.review.presenter.wording import duplicate_sentence
from produktlyft.review.results import ReasonCode

DATA = Path(__file__).parents[2] / "data" / "duplicates"


def test_the_read_only_diary_is_named_and_not_kept() -> None:
    (source,) = read_sources([DATA / "kommun.xml"])
    inventory = source.inventory
    result = find_duplicates(duplicate_features(inventory), signals_model())
    names = {s.id: s.name for s in inventory.systems}
    (w3d3,) = [sid for sid, name in names.items() if name == "W3D3 (läsläge)"]
    assert w3d3 in result.holdovers
    outputs = [p for p in duplicate_outputs(result, inventory) if w3d3 in (p.system_a, p.system_b)]
    assert outputs  # the diary's pairs are found
    for pair in outputs:
        assert pair.survivor not in (None, w3d3)
        codes = [r.code for r in pair.reasons]
        assert ReasonCode.DUP_HOLDOVER in codes
        sentence = duplicate_sentence(pair.name_a, pair.name_b, pair.reasons, "sv")
        assert "hålls kvar för läsning eller ska avvecklas (W3D3 (läsläge))" in sentence
    # the only holdover among the suggestions; not the national patient summary, whose
    # description gives "läsåtkomst" to other regions' records
    assert result.holdovers == {w3d3}
