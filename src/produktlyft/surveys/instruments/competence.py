"""A competence self-rating over the skill and knowledge areas of the DASA competence model.

The area names come from the model; the descriptions and level texts are ours. Each area is
reported on its own: self-ratings of different areas are not one construct, so no scale or α.
"""

from __future__ import annotations

from produktlyft.surveys.instruments.answer_scales import COMPETENCE_5
from produktlyft.surveys.instruments.model import Instrument, Item, Text

_AREAS = (
    (
        "courage",
        "Courage",
        "Mod",
        "Acting on what you believe is right: raising problems, trying new things, saying no.",
        "Att agera på det man tror är rätt: ta upp problem, pröva nytt, säga nej.",
    ),
    (
        "team-building",
        "Team building",
        "Teambygge",
        "Helping a team become self-organising, trusting and responsible for its results.",
        "Att hjälpa ett team att bli självorganiserande, tillitsfullt och ansvarstagande.",
    ),
    (
        "devops-leadership",
        "DevOps leadership",
        "DevOps-ledarskap",
        "Leading so that teams own a service end to end, from idea to operation.",
        "Att leda så att team äger en tjänst hela vägen, från idé till drift.",
    ),
    (
        "continuous-improvement",
        "Continuous improvement",
        "Ständiga förbättringar",
        "Measuring how work flows and improving it in small, checked steps.",
        "Att mäta hur arbetet flödar och förbättra det i små, uppföljda steg.",
    ),
    (
        "business-value",
        "Business value optimisation",
        "Värdeoptimering",
        "Choosing work by the value it brings users and the organisation.",
        "Att välja arbete efter det värde det ger användare och organisation.",
    ),
    (
        "business-analysis",
        "Business analysis",
        "Verksamhetsanalys",
        "Understanding needs and processes, and turning them into clear requirements.",
        "Att förstå behov och processer och göra dem till tydliga krav.",
    ),
    (
        "architecture",
        "Architecture and design",
        "Arkitektur och design",
        "Shaping systems so they can change safely and work with others.",
        "Att forma system så att de kan ändras säkert och fungera med andra.",
    ),
    (
        "programming",
        "Programming",
        "Programmering",
        "Writing, reviewing and maintaining code that others can work with.",
        "Att skriva, granska och underhålla kod som andra kan arbeta vidare med.",
    ),
    (
        "continuous-delivery",
        "Continuous delivery",
        "Kontinuerlig leverans",
        "Getting changes to users quickly and safely through automated pipelines.",
        "Att få ut ändringar till användarna snabbt och säkert genom automatiserade flöden.",
    ),
    (
        "test-specification",
        "Test specification",
        "Testspecifikation",
        "Describing expected behaviour so it can be checked automatically.",
        "Att beskriva förväntat beteende så att det kan kontrolleras automatiskt.",
    ),
    (
        "infrastructure",
        "Infrastructure engineering",
        "Infrastruktur",
        "Building and running the platforms services run on, as code.",
        "Att bygga och driva plattformarna som tjänsterna körs på, som kod.",
    ),
    (
        "security-risk-compliance",
        "Security, risk and compliance",
        "Säkerhet, risk och regelefterlevnad",
        "Protecting information and meeting legal duties as part of everyday work.",
        "Att skydda information och uppfylla lagkrav som en del av det dagliga arbetet.",
    ),
)

COMPETENCE = Instrument(
    code="competence",
    version="dasa-areas-1.0",
    name=Text(en="Competence self-rating", sv="Självskattning av kompetens"),
    intro=Text(
        en="For each area, choose the level that describes you best today.",
        sv="Välj för varje område den nivå som bäst beskriver dig i dag.",
    ),
    source="Area names and the five levels of the DASA competence model (4 skill areas, "
    "8 knowledge areas); descriptions written by produktlyft.",
    translation_version="sv-0.1",
    items=tuple(
        Item(
            code=f"competence.{code}",
            text=Text(en=en, sv=sv),
            description=Text(en=desc_en, sv=desc_sv),
            answers=COMPETENCE_5,
        )
        for code, en, sv, desc_en, desc_sv in _AREAS
    ),
)
