"""Nynorsk word stems written as in bokmål, so that a Norwegian inventory whose former
municipalities wrote nynorsk ("heimetenester", "skulehelseteneste", "eigedomsskatt") meets
its bokmål descriptions and the function vocabulary ("hjemmetjenester", "skolehelsetjeneste",
"eiendomsskatt").

Applied inside every word before stemming, text and vocabulary alike, so a compound meets
whether or not it splits. Only stems that no Swedish, Danish or English word holds are
listed: "sjuk" is Swedish ("sjukersättning"), so only the nynorsk compounds of "sjuke-" are;
"skul" is in "skulle", so "skule" and "skula" are. The endings need nothing: Swedish
Snowball already stems "skular" and "skule" alike, and the definite plural "-ane" is taken
with bokmål's "-ene" (duplicates_text.indefinite).
"""

from __future__ import annotations

# (nynorsk, bokmål), applied in this order: a longer form before a shorter one inside it
NYNORSK_STEMS: tuple[tuple[str, str], ...] = (
    ("heimeteneste", "hjemmetjeneste"),
    ("heimesjukepleie", "hjemmesykepleie"),
    ("sjukeheim", "sykehjem"),
    ("sjukehus", "sykehus"),
    ("sjukepleie", "sykepleie"),
    ("sjukefråvær", "sykefravær"),
    ("sjukemelding", "sykemelding"),
    ("heimeside", "hjemmeside"),
    ("heime", "hjemme"),
    ("heim", "hjem"),
    ("tenest", "tjenest"),
    ("skule", "skole"),
    ("skula", "skola"),
    ("eigedom", "eiendom"),
    ("løysing", "løsning"),
    ("tryggleik", "trygghet"),
    ("handsam", "behandl"),
    ("fråvær", "fravær"),
    ("tilsett", "ansatt"),
    ("innbyggjar", "innbygger"),
    ("arbeidsgjevar", "arbeidsgiver"),
    ("verksemd", "virksomhet"),
    ("rekneskap", "regnskap"),
    ("reinhald", "renhold"),
    ("kyrkje", "kirke"),
    ("vassverk", "vannverk"),
    ("vassforsyning", "vannforsyning"),
    ("bustad", "bolig"),
    ("leiar", "leder"),
    ("nettstad", "nettsted"),
    ("søkjar", "søker"),
    ("vidaregåande", "videregående"),
)


def as_bokmaal(word: str) -> str:
    """`word` with the nynorsk stems it holds written as in bokmål."""
    for nynorsk, bokmaal in NYNORSK_STEMS:
        if nynorsk in word:
            word = word.replace(nynorsk, bokmaal)
    return word
