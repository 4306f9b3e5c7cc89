"""Danish descriptions and products: a Danish municipality's, region's or agency's inventory
names the jobs in Danish, with the compounds and definite forms Swedish stemming does not meet;
each description below must reach the function a Swedish one of the same job reaches, and the
Danish public-sector products must be recognised by name."""

from __future__ import annotations

import pytest

from produktlyft.review.analysis.duplicates_signals import (
    load_vocabulary,
    match_product,
    place_system,
)
from produktlyft.review.analysis.duplicates_text import corpus_splitter


def _placed(name: str, description: str) -> set[str]:
    vocabulary = load_vocabulary()
    splitter = corpus_splitter([name, description], vocabulary.words())
    return set(place_system(name, description, [], vocabulary, splitter).functions)


@pytest.mark.parametrize(
    ("function", "name", "description"),
    [
        ("socialtjanst_ifo", "Voksensager", "Sagsbehandling for udsatte voksne og herberger."),
        ("vard_omsorg", "Plejen", "Dokumentation af pleje på plejecentrene og i bostøtten."),
        ("barnhalsovard", "Skolesundhed", "Skolesundhedsplejens journal over indskolingen."),
        ("arbetsmarknad", "Sygedagpenge", "Opfølgning på sygedagpengesager og ressourceforløb."),
        ("arende_dokument", "Journal", "Journalisering af indgående post i ESDH-systemet."),
        ("arkivredovisning", "Byarkiv", "Registrering af arkivalierne i byarkivet."),
        ("namnd", "Byrådsmøder", "Dagsordenen og beslutningsprotokollen for byrådet."),
        ("fysisk_planering", "Planer", "Udarbejdelse af lokalplanerne og kommuneplantillæg."),
        ("felanmalan_gata", "Vinter", "Saltning og snerydningen på vejnettet."),
        ("vatten_avfall", "Renovation", "Ruter for dagrenovation og storskrald."),
        ("raddningstjanst", "Beredskab", "Registrering af udrykninger og brandsynet."),
        ("tillbud", "APV", "Arbejdspladsvurderinger og arbejdsulykker i enhederne."),
        ("val", "Valgkort", "Udskrivning af valgkortene til folketingsvalg."),
        ("hjalpmedel", "Depot", "Udlån af kørestole fra hjælpemiddelcentralen."),
        ("kontaktcenter", "Kø", "Køsystemet ved skranken i borgerservicen."),
    ],
)
def test_a_danish_description_is_placed_in_its_function(
    function: str, name: str, description: str
) -> None:
    assert function in _placed(name, description)


def test_danish_words_that_stem_like_other_swedish_words_do_not_place() -> None:
    # "kort" (a map in Danish) is a card in Swedish, "hal" slippery, "recept" a recipe
    assert "gis" not in _placed("Kortet", "Kortet till personalen")
    assert "lokalbokning" not in _placed("Hallen", "Hallen i kommunhuset")
    assert "lakemedel" not in _placed("Recepter", "Recepter för skolmaten")


@pytest.mark.parametrize(
    ("name", "product", "function"),
    [
        ("KSD", "Kommunernes Sygedagpengesystem", "arbetsmarknad"),
        ("Kommunernes Ydelsessystem (KY)", "Kommunernes Ydelsessystem", "socialtjanst_ifo"),
        ("FLIS", "FLIS", "bi_rapport"),
        ("KMD Educa Elev", "KMD Educa Elev", "skoladmin"),
        ("OS2rollekatalog", "OS2rollekatalog", "identitetsstyrning"),
        ("Sundhedsplatformen", "Epic Hyperspace", "halso_journal"),
    ],
)
def test_a_danish_product_is_recognised(name: str, product: str, function: str) -> None:
    found = match_product(name, load_vocabulary())
    assert found is not None and found.product == product
    assert function in found.functions


def test_danish_short_words_do_not_reach_the_compound_splitter() -> None:
    # every word of every term joins the splitter's dictionary: Danish "et", "af", "til" and
    # "pas" in phrases split Swedish compounds ("kontaktcentret" into "kontakt", "centr", "et"),
    # which changed the text of Swedish inventories; a phrase matches its words in any order,
    # so "tilskud til foreninger" is written "tilskud foreninger"
    assert not {"af", "et", "til", "giv", "mit", "pas"} & set(load_vocabulary().words())
    splitter = corpus_splitter(["Kontaktcentret"], load_vocabulary().words())
    assert splitter.split("kontaktcentret") != ("kontakt", "centr", "et")
