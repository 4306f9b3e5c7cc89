"""What the reasons of a real inventory's suggestions name (ADR 0023, thirty-first look): the
learnt word pairs, each word as the system's own text spells it or a function by name, and a
product beside its usual successor."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from produktlyft.inventory.importers import read_sources
from produktlyft.review.analysis.duplicates import find_duplicates, signals_model
from produktlyft.review.analysis.duplicates_signals import load_vocabulary
from produktlyft.review.analysis.duplicates_word_pairs import FUNCTION, SEPARATOR
from produktlyft.review.analysis.reasons import duplicate_reasons
from produktlyft.review.analysis.review import duplicate_features
from produktlyft.review.presenter.wording import duplicate_sentence
from produktlyft.review.results import ReasonCode

DATA = Path(__file__).parents[2] / "data" / "duplicates"


def test_suggestions_name_learnt_word_pairs_as_the_systems_spell_them() -> None:
    (source,) = read_sources([DATA / "universitet.xml"])
    texts = {s.id: f"{s.name} {s.description or ''}" for s in source.inventory.systems}
    found = find_duplicates(duplicate_features(source.inventory), signals_model()).pairs
    named = [p for p in found if p.word_pairs]
    # the shipped model weighs the word pairs; some of its suggestions hold strong ones
    assert named
    functions = load_vocabulary().functions
    for pair in named:
        for spelt in pair.word_pairs:
            left, right = spelt.split(SEPARATOR)
            for word, system in ((left, pair.a), (right, pair.b)):
                if word.startswith(FUNCTION):
                    assert word.removeprefix(FUNCTION) in functions
                else:
                    assert word in texts[system], (word, texts[system])
    reasons = duplicate_reasons(
        named[0].layers, [], [], 0.1, named[0].function, word_pairs=named[0].word_pairs
    )
    assert ReasonCode.DUP_WORD_PAIRS in [r.code for r in reasons]
    assert "known twins pair up" in duplicate_sentence("A", "B", reasons, "en")


def test_the_layers_model_names_no_word_pairs() -> None:
    (source,) = read_sources([DATA / "universitet.xml"])
    settings = signals_model()
    found = find_duplicates(duplicate_features(source.inventory), replace(settings, model="layers"))
    assert found.pairs and not any(p.word_pairs for p in found.pairs)


def test_a_holdover_beside_its_successor_says_so() -> None:
    (source,) = read_sources([DATA / "kommun.xml"])
    names = {s.id: s.name for s in source.inventory.systems}
    found = find_duplicates(duplicate_features(source.inventory), signals_model()).pairs
    said = {frozenset((names[p.a], names[p.b])): p.succession for p in found if p.succession}
    assert said[frozenset(("ByggR", "Tekis-Bygglov"))] == ("Tekis-Bygglov", "ByggR")
