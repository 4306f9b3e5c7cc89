"""A self-assessment against the 14 points of the GOV.UK Service Standard.

Each point is rated met, partly met or not met. Evidence links are recorded openly by the team
(they describe the service, not a person), not through the anonymous form.
"""

from __future__ import annotations

from produktlyft.surveys.instruments.answer_scales import MET_3
from produktlyft.surveys.instruments.model import Instrument, Item, Text

_POINTS = (
    ("Understand users and their needs", "Förstå användarna och deras behov"),
    ("Solve a whole problem for users", "Lös ett helt problem för användarna"),
    (
        "Provide a joined-up experience across all channels",
        "Ge en sammanhängande upplevelse i alla kanaler",
    ),
    ("Make the service simple to use", "Gör tjänsten enkel att använda"),
    ("Make sure everyone can use the service", "Se till att alla kan använda tjänsten"),
    ("Have a multidisciplinary team", "Ha ett tvärfunktionellt team"),
    ("Use agile ways of working", "Använd agila arbetssätt"),
    ("Iterate and improve frequently", "Iterera och förbättra ofta"),
    (
        "Create a secure service which protects users' privacy",
        "Skapa en säker tjänst som skyddar användarnas integritet",
    ),
    (
        "Define what success looks like and publish performance data",
        "Definiera vad framgång är och publicera resultatdata",
    ),
    ("Choose the right tools and technology", "Välj rätt verktyg och teknik"),
    ("Make new source code open", "Gör ny källkod öppen"),
    (
        "Use and contribute to open standards, common components and patterns",
        "Använd och bidra till öppna standarder, gemensamma komponenter och mönster",
    ),
    ("Operate a reliable service", "Driv en tillförlitlig tjänst"),
)

SERVICE_STANDARD = Instrument(
    code="service-standard",
    version="govuk-2019",
    name=Text(
        en="Service Standard self-assessment (GOV.UK)",
        sv="Självskattning mot Service Standard (GOV.UK)",
    ),
    intro=Text(
        en="How well does your service meet each point of the standard today?",
        sv="Hur väl uppfyller er tjänst varje punkt i standarden i dag?",
    ),
    source="GOV.UK Service Standard, 14 points (gov.uk/service-manual/service-standard). "
    "Rated met / partly met / not met; each point is reported on its own.",
    translation_version="sv-0.1",
    items=tuple(
        Item(
            code=f"service-standard.{number}",
            text=Text(en=f"{number}. {en}", sv=f"{number}. {sv}"),
            answers=MET_3,
        )
        for number, (en, sv) in enumerate(_POINTS, start=1)
    ),
)
