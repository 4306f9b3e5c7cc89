"""Westrum's organisational culture, in the wording DORA uses (dora.dev core.json)."""

from __future__ import annotations

from produktlyft.surveys.instruments.answer_scales import AGREE_7
from produktlyft.surveys.instruments.model import Instrument, Item, Scale, Text

_ITEMS = (
    (
        "Cross-functional collaboration is encouraged and rewarded.",
        "Samarbete över funktions- och enhetsgränser uppmuntras och belönas.",
    ),
    ("New ideas are welcomed.", "Nya idéer välkomnas."),
    (
        "Failures are treated primarily as opportunities to improve the system.",
        "Misslyckanden behandlas i första hand som möjligheter att förbättra systemet.",
    ),
    ("Information is actively sought.", "Information söks aktivt."),
    (
        "Messengers are not punished when they deliver news of failures or other bad news.",
        "Den som för fram nyheter om misslyckanden eller andra dåliga nyheter straffas inte.",
    ),
    ("Responsibilities are shared.", "Ansvar delas."),
)

WESTRUM = Instrument(
    code="westrum",
    version="dora-2024",
    name=Text(en="Organisational culture (Westrum)", sv="Organisationskultur (Westrum)"),
    intro=Text(
        en="How much do you agree or disagree with each statement about your organisation?",
        sv="Hur väl instämmer du i varje påstående om din organisation?",
    ),
    source="Westrum (2004), as worded by DORA: dora-team/dora.dev, "
    "hugo/data/survey_questions/core.json. Score: mean of the six items.",
    translation_version="sv-0.1",
    scales=(
        Scale(
            code="westrum",
            name=Text(en="Generative culture (Westrum)", sv="Generativ kultur (Westrum)"),
        ),
    ),
    items=tuple(
        Item(code=f"westrum.{number}", text=Text(en=en, sv=sv), answers=AGREE_7, scale="westrum")
        for number, (en, sv) in enumerate(_ITEMS, start=1)
    ),
)
