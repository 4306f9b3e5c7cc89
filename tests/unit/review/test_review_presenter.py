"""The condition bands are declared once, and a review's reasons are codes worded when shown:
one run computed once reads in Swedish and in English."""

from __future__ import annotations

import pytest

from produktlyft.kernel.i18n import gettext
from produktlyft.review.analysis.endoflife import EolMatcher
from produktlyft.review.analysis.review import ReviewOutcome, run_review
from produktlyft.review.importers.endoflife import open_release_source
from produktlyft.review.model import Band
from produktlyft.review.presenter import wording
from produktlyft.review.results import Reason, ReasonCode, SystemResult
from tests.review_fixtures import REFERENCE_DATE, organisation


@pytest.fixture(scope="module")
def outcome() -> ReviewOutcome:
    inventory = organisation()
    source = open_release_source(None)
    matcher = EolMatcher(source)
    matches = {
        t.id: matcher.match(t.name, t.version, REFERENCE_DATE) for t in inventory.technologies
    }
    return run_review(inventory, matches, today=REFERENCE_DATE, eol_snapshot=source.snapshot_date)


def test_bands_keep_their_stored_codes_and_carry_label_and_colour() -> None:
    assert [b.value for b in Band] == ["red", "amber", "green", "unknown"]
    assert Band.of("amber") is Band.AMBER and Band.RED == "red"
    with pytest.raises(ValueError):
        Band.of("purple")
    assert Band.colours() == {
        "red": "#b2182b",
        "amber": "#b35806",
        "green": "#1b7837",
        "unknown": "#6f6f6f",
    }
    assert wording.band_label(Band.RED, "sv") == gettext("red", "sv") == "röd"
    assert wording.band_label("unknown", "en") == "unknown"
    assert wording.band_scale(Band.RED, "sv") == "röd (hälsa under 4)"
    assert wording.band_scale(Band.UNKNOWN, "en") == "cannot be assessed"


def test_analysis_gives_codes_with_their_facts_not_text(outcome: ReviewOutcome) -> None:
    ekonomi = next(s for s in outcome.systems if s.system_id == "sys-ekonomi")
    assert ekonomi.reason == ""  # worded only when shown or stored
    codes = [r.code for r in ekonomi.reasons or []]
    assert codes[0] is ReasonCode.EOL_PASSED and ReasonCode.COST in codes
    eol = (ekonomi.reasons or [])[0]
    assert eol.params == {"component": "Python 3.9.18", "date": "2025-10-31"}
    pair = next(d for d in outcome.duplicates if d.system_a == "sys-skola-a")
    assert pair.reasons
    # the function both serve (issue 14) comes first, then what they share
    codes = [r.code for r in pair.reasons]
    assert codes[0] is ReasonCode.DUP_FUNCTION and ReasonCode.DUP_CAPABILITIES in codes


def test_one_run_is_worded_in_swedish_and_in_english(outcome: ReviewOutcome) -> None:
    ekonomi = next(s for s in outcome.systems if s.system_id == "sys-ekonomi")
    assert wording.system_reason(ekonomi, "sv", "sv") == wording.Sentence(
        "Raindance kör Python 3.9.18 som passerade end of life 2025-10-31, kostar 3,0 mnkr per"
        " år och är inlåst i avtalet Ekonomisystemavtalet 2015 (ingen exitklausul, leverantören"
        " äger koden, inget format för återlämning av data, lång uppsägningstid).",
        "sv",
    )
    english = wording.system_reason(ekonomi, "sv", "en")
    assert english.lang == "en" and english.text == (
        "Raindance runs Python 3.9.18, which reached end of life on 2025-10-31, costs SEK 3.0"
        " million a year and is locked in by contract Ekonomisystemavtalet 2015 (no exit clause,"
        " the supplier owns the code, no data return format, long notice period)."
    )
    arkiv = next(s for s in outcome.systems if s.system_id == "sys-arkiv")
    assert wording.system_reason(arkiv, "sv", "sv").text == (
        "e-arkiv är för lite känt för att bedöma: teknisk lämplighet (0–3), livscykelrisk (0–100),"
        " libyear, hotspot-index (0–1) m.fl. saknas."
    )
    assert wording.system_reason(arkiv, "sv", "en").text.startswith(
        "e-arkiv is too little known to judge: technical fit (0–3), lifecycle risk (0–100)"
    )
    pair = next(d for d in outcome.duplicates if d.system_a == "sys-bygglov-a")
    assert wording.duplicate_reason(pair, "sv", "sv").text == (
        "ByggR och Bygglovsportalen tjänar båda Bygglov (bygglov, bygganmälan och ByggR), delar"
        " förmågorna Bygglovshantering och Ärendehantering och använder samma data"
        " Bygglovsärende."
    )
    assert wording.duplicate_reason(pair, "sv", "en").text == (
        "ByggR and Bygglovsportalen both serve Building permits (bygglov, bygganmälan and ByggR),"
        " share the capabilities Bygglovshantering and Ärendehantering and use the same data"
        " Bygglovsärende."
    )
    # where they come from is said only by a model that weighs it (test_duplicate_origin); the
    # shipped trees, fitted on twelve organisations, do not split on it


def test_a_run_stored_before_reason_codes_shows_its_text_in_its_language() -> None:
    old = SystemResult(system_id="s", name="S", rank=1, reason="S kostar 2,4 mnkr per år.")
    assert wording.system_reason(old, "sv", "en") == wording.Sentence(
        "S kostar 2,4 mnkr per år.", "sv"
    )


def test_amounts_and_numbers_follow_the_readers_locale() -> None:
    assert wording.amount(2_400_000, "sv") == "2,4 mnkr"
    assert wording.amount(2_400_000, "en") == "SEK 2.4 million"
    assert wording.amount(950_000, "sv") == "950 tkr"
    assert wording.amount(800, "en") == "SEK\u00a0800"
    assert wording.amount(800, "sv") == "800\u00a0kr"
    assert wording.number(3.85, "sv", 1) == "3,9"  # rounded as before, from the float
    assert wording.number(1200, "sv") == "1\u00a0200" and wording.number(1200, "en") == "1,200"
    assert wording.percent(0.08, "sv") == "8\u00a0%"
    cost = Reason(code=ReasonCode.COST, params={"amount": 1_500_000.0})
    assert wording.reason_part(cost, "en") == "costs SEK 1.5 million a year"
