"""Our readiness self-assessment for the four challenges of moving to product thinking.

The items are ours (written for produktlyft, no third-party wording). Each item is tied to the
remedy the product offers when it scores low, so low scores turn into concrete next steps.
"""

from __future__ import annotations

from produktlyft.kernel.labels import LabelledEnum
from produktlyft.surveys.instruments.answer_scales import AGREE_5
from produktlyft.surveys.instruments.model import Instrument, Item, Remedy, Scale, Text


class Challenge(LabelledEnum):
    RESISTANCE = ("resistance", "motstånd mot förändring", "resistance to change")
    LEGACY = ("legacy", "äldre system och arbetssätt", "legacy systems and processes")
    PROCUREMENT = ("procurement", "upphandling och budget", "procurement and budgeting")
    CULTURE = ("culture", "kultur och förhållningssätt", "culture and mindset")


R = Remedy
_ITEMS: dict[Challenge, tuple[tuple[str, str, Remedy], ...]] = {
    Challenge.RESISTANCE: (
        (
            "We explain why we need to change with facts about our own IT landscape, not only "
            "with examples from elsewhere.",
            "Vi förklarar varför vi behöver förändras med fakta om vårt eget IT-landskap, inte "
            "bara med exempel från andra.",
            R.RUN_REVIEW,
        ),
        (
            "We try a new way of working in one team before we ask everyone to change.",
            "Vi prövar ett nytt arbetssätt i ett team innan vi ber alla att förändras.",
            R.START_PILOT,
        ),
        (
            "Results of changes are shown openly, also to those who were sceptical.",
            "Resultaten av förändringar visas öppet, även för dem som var tveksamma.",
            R.PUBLISH_WIN,
        ),
        (
            "We follow up whether a change made things better, and say so when it did not.",
            "Vi följer upp om en förändring gjorde saker bättre, och säger det när den inte "
            "gjorde det.",
            R.MEASURE_AGAIN,
        ),
        (
            "Staff can raise doubts about a change without it being held against them.",
            "Medarbetare kan framföra tvivel om en förändring utan att det hålls emot dem.",
            R.MEASURE_AGAIN,
        ),
    ),
    Challenge.LEGACY: (
        (
            "We know which of our systems are near the end of their life and what depends on them.",
            "Vi vet vilka av våra system som närmar sig slutet av sin livslängd och vad som "
            "är beroende av dem.",
            R.RUN_REVIEW,
        ),
        (
            "We know what it costs each year to run and license our systems.",
            "Vi vet vad det kostar varje år att driva och licensiera våra system.",
            R.RUN_REVIEW,
        ),
        (
            "We replace old systems step by step rather than in one large project.",
            "Vi ersätter gamla system steg för steg i stället för i ett enda stort projekt.",
            R.START_PILOT,
        ),
        (
            "Our case-handling processes have been measured from event data, not only described.",
            "Våra handläggningsprocesser har mätts utifrån händelsedata, inte bara beskrivits.",
            R.RUN_REVIEW,
        ),
        (
            "When we retire an old system or step, we tell the organisation what it freed up.",
            "När vi avvecklar ett gammalt system eller moment berättar vi för organisationen "
            "vad det frigjorde.",
            R.PUBLISH_WIN,
        ),
    ),
    Challenge.PROCUREMENT: (
        (
            "Our contracts are short enough to be ended or changed without a large cost.",
            "Våra avtal är så korta att de kan avslutas eller ändras utan stor kostnad.",
            R.CHECK_CONTRACT_SLICES,
        ),
        (
            "Our contracts describe outcomes for users, not only deliverables.",
            "Våra avtal beskriver effekter för användarna, inte bara leveranser.",
            R.CHECK_CONTRACT_SLICES,
        ),
        (
            "We own, or can get back, our data and code when a contract ends.",
            "Vi äger, eller kan få tillbaka, våra data och vår kod när ett avtal upphör.",
            R.CHECK_CONTRACT_SLICES,
        ),
        (
            "Budget follows long-lived teams and products rather than one-off projects.",
            "Budgeten följer långlivade team och produkter snarare än enstaka projekt.",
            R.START_PILOT,
        ),
        (
            "We know when our large contracts end and decide what to do before the notice "
            "period starts.",
            "Vi vet när våra stora avtal löper ut och beslutar vad vi ska göra innan "
            "uppsägningstiden börjar.",
            R.RUN_REVIEW,
        ),
    ),
    Challenge.CULTURE: (
        (
            "Teams can decide how to build and release their service without escalating.",
            "Teamen kan besluta hur de bygger och släpper sin tjänst utan att lyfta frågan uppåt.",
            R.MAP_DECISION_RIGHTS,
        ),
        (
            "Recommendations from teams get a decision within a month.",
            "Rekommendationer från teamen får ett beslut inom en månad.",
            R.MAP_DECISION_RIGHTS,
        ),
        (
            "Mistakes are discussed to improve how we work, not to find someone to blame.",
            "Misstag diskuteras för att förbättra hur vi arbetar, inte för att hitta någon att "
            "skylla på.",
            R.MEASURE_AGAIN,
        ),
        (
            "Work across units is recognised and rewarded.",
            "Arbete över enhetsgränser uppmärksammas och belönas.",
            R.PUBLISH_WIN,
        ),
        (
            "We measure how our culture develops and act on the results.",
            "Vi mäter hur vår kultur utvecklas och agerar på resultaten.",
            R.MEASURE_AGAIN,
        ),
    ),
}


def _scale_code(challenge: Challenge) -> str:
    return f"readiness-{challenge.value}"


READINESS = Instrument(
    code="readiness",
    version="1.0",
    name=Text(en="Readiness for product thinking", sv="Beredskap för produktorientering"),
    intro=Text(
        en="How well does each statement describe your organisation today?",
        sv="Hur väl stämmer varje påstående in på din organisation i dag?",
    ),
    source="produktlyft's own items (EUPL-1.2), one scale per challenge; each item names the "
    "remedy the product offers when it scores low.",
    translation_version="sv-0.1",
    scales=tuple(
        Scale(
            code=_scale_code(challenge),
            name=Text(en=challenge.en.capitalize(), sv=challenge.sv.capitalize()),
        )
        for challenge in Challenge
    ),
    items=tuple(
        Item(
            code=f"{_scale_code(challenge)}.{number}",
            text=Text(en=en, sv=sv),
            answers=AGREE_5,
            scale=_scale_code(challenge),
            remedy=remedy,
        )
        for challenge, items in _ITEMS.items()
        for number, (en, sv, remedy) in enumerate(items, start=1)
    ),
)


def challenge_of(scale_code: str) -> Challenge | None:
    for challenge in Challenge:
        if _scale_code(challenge) == scale_code:
            return challenge
    return None
