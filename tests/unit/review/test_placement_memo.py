"""A placement run reads each distinct text once: the systems of one inventory share
capability names and often descriptions, and the memo must not change what any system is."""

from __future__ import annotations

import pytest

from produktlyft.review.analysis import duplicates_signals
from produktlyft.review.analysis.duplicates_signals import HitsMemo, load_vocabulary, place_system
from produktlyft.review.analysis.duplicates_text import corpus_splitter

SYSTEMS = [
    ("Treserva IFO", "Verksamhetssystem för individ- och familjeomsorg.", ["Socialtjänst"]),
    ("Procapita", "Verksamhetssystem för individ- och familjeomsorg.", ["Socialtjänst"]),
    ("Lokalbokning (Access)", "Bokning av lokaler i skolorna.", ["Fritid"]),
    ("Heroma Lön", "HR och lön för alla anställda.", ["Personal och lön"]),
    ("Visma Personec P", "HR och lön för alla anställda.", ["Personal och lön"]),
    ("Treserva HSL", "Journal för hälso- och sjukvård i hemtjänsten.", ["Socialtjänst"]),
]


def test_a_shared_memo_places_every_system_as_alone_and_reads_each_text_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    vocabulary = load_vocabulary()
    texts = [t for name, description, caps in SYSTEMS for t in (name, description, *caps)]
    splitter = corpus_splitter(texts, vocabulary.words())
    alone = [place_system(n, d, c, vocabulary, splitter) for n, d, c in SYSTEMS]

    read: list[str] = []
    original = duplicates_signals._function_hits

    def counted(text: str, *args: object) -> dict[str, list[str]]:
        read.append(text)
        return original(text, *args)  # type: ignore[arg-type]  # the same arguments passed on

    monkeypatch.setattr(duplicates_signals, "_function_hits", counted)
    memo: HitsMemo = {}
    shared = [place_system(n, d, c, vocabulary, splitter, memo=memo) for n, d, c in SYSTEMS]

    assert shared == alone
    assert len(read) == len(set(read))
    assert "Verksamhetssystem för individ- och familjeomsorg." in memo
