"""DORA well-being: the four burnout items and the job-satisfaction item (dora.dev core.json)."""

from __future__ import annotations

from produktlyft.surveys.instruments.answer_scales import AGREE_7, SATISFACTION_7
from produktlyft.surveys.instruments.model import Instrument, Item, Scale, Text

_BURNOUT = (
    ("I feel burned out from my work.", "Jag känner mig utbränd av mitt arbete."),
    ("I feel like I am ineffective in my work.", "Jag känner att jag är ineffektiv i mitt arbete."),
    (
        "My feelings about work negatively affect my life outside of work.",
        "Mina känslor inför arbetet påverkar mitt liv utanför arbetet negativt.",
    ),
    (
        "I am indifferent or cynical about my work.",
        "Jag är likgiltig eller cynisk inför mitt arbete.",
    ),
)

WELLBEING = Instrument(
    code="dora-wellbeing",
    version="dora-2024",
    name=Text(en="Well-being (DORA)", sv="Välmående (DORA)"),
    intro=Text(
        en="About your work and how it affects you.", sv="Om ditt arbete och hur det påverkar dig."
    ),
    source="DORA well-being items: dora-team/dora.dev, hugo/data/survey_questions/core.json. "
    "Burnout is the mean of four items (lower is better); job satisfaction is one item.",
    translation_version="sv-0.1",
    scales=(
        Scale(code="burnout", name=Text(en="Burnout", sv="Utbrändhet"), higher_is_better=False),
        Scale(
            code="job-satisfaction", name=Text(en="Job satisfaction", sv="Arbetstillfredsställelse")
        ),
    ),
    items=(
        *(
            Item(
                code=f"burnout.{number}", text=Text(en=en, sv=sv), answers=AGREE_7, scale="burnout"
            )
            for number, (en, sv) in enumerate(_BURNOUT, start=1)
        ),
        Item(
            code="job-satisfaction.1",
            text=Text(
                en="Taking everything into consideration, how do you feel about your "
                "job as a whole?",
                sv="Med allt i beaktande, hur känner du inför ditt arbete som helhet?",
            ),
            answers=SATISFACTION_7,
            scale="job-satisfaction",
        ),
    ),
)
