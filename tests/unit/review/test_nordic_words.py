"""Norwegian and Danish words, and nynorsk, in the text layer and the vocabulary (ADR 0023,
twenty-seventh look)."""

from __future__ import annotations

from produktlyft.review.analysis.duplicates_signals import load_vocabulary, place_system
from produktlyft.review.analysis.duplicates_text import corpus_splitter, stem, tokens


def test_nordic_plurals_meet_their_singulars_and_little_words_are_stop_words() -> None:
    # Swedish Snowball has no -ene, -erne or -ere endings: "tjenestene" stayed "tjenesten"
    for plural, singular in [
        ("tjenestene", "tjeneste"),
        ("sakene", "sak"),
        ("sagerne", "sag"),
        ("ydelserne", "ydelse"),
        ("brukere", "bruker"),
    ]:
        assert stem(plural) == stem(singular), plural
    assert stem("scene") == stem("scen")  # a word this short is no plural: not "sc"
    assert tokens("Benyttes av kommunen og fylkeskommunen til saker") == [stem("saker")]


def test_nynorsk_descriptions_meet_bokmaal_ones_and_the_vocabulary() -> None:
    # a merged Norwegian municipality whose former municipalities wrote nynorsk: "Journal for
    # heimetenester og sjukeheim" had no word in common with "hjemmetjeneste" and "sykehjem"
    for nynorsk, bokmaal in [
        ("heimetenester", "hjemmetjenesten"),
        ("skulehelsetenesta", "skolehelsetjeneste"),
        ("skulane", "skolene"),
        ("eigedomsskatt", "eiendomsskatt"),
        ("sakshandsaming", "saksbehandling"),
        ("sjukeheimen", "sykehjem"),
    ]:
        assert stem(nynorsk) == stem(bokmaal), nynorsk
    # Swedish words that hold a nynorsk-looking part are left alone
    assert stem("sjukersättning") != stem("sykersättning")
    assert stem("skulle") == "skull"
    vocabulary = load_vocabulary()
    splitter = corpus_splitter(["Journal for heimetenester og sjukeheim."])
    place = place_system(
        "Omsorgsjournal", "Journal for heimetenester og sjukeheim.", [], vocabulary, splitter
    )
    bokmaal = place_system(
        "Omsorgsjournal", "Journal for hjemmetjenester og sykehjem.", [], vocabulary, splitter
    )
    assert place.functions and set(place.functions) == set(bokmaal.functions)
