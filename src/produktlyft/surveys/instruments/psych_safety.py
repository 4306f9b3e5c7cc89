"""Team psychological safety: Edmondson (1999), Administrative Science Quarterly 44(2).

Seven items on the original 7-point scale; items 1, 3 and 5 are reverse-scored.
"""

from __future__ import annotations

from produktlyft.surveys.instruments.answer_scales import AGREE_7
from produktlyft.surveys.instruments.model import Instrument, Item, Scale, Text

_ITEMS = (
    (
        "If you make a mistake on this team, it is often held against you.",
        "Om man gör ett misstag i det här teamet hålls det ofta emot en.",
        True,
    ),
    (
        "Members of this team are able to bring up problems and tough issues.",
        "Medlemmarna i det här teamet kan ta upp problem och svåra frågor.",
        False,
    ),
    (
        "People on this team sometimes reject others for being different.",
        "Personer i det här teamet avvisar ibland andra för att de är annorlunda.",
        True,
    ),
    (
        "It is safe to take a risk on this team.",
        "Det är tryggt att ta en risk i det här teamet.",
        False,
    ),
    (
        "It is difficult to ask other members of this team for help.",
        "Det är svårt att be andra medlemmar i det här teamet om hjälp.",
        True,
    ),
    (
        "No one on this team would deliberately act in a way that undermines my efforts.",
        "Ingen i det här teamet skulle medvetet agera på ett sätt som undergräver mina insatser.",
        False,
    ),
    (
        "Working with members of this team, my unique skills and talents are valued and utilized.",
        "När jag arbetar med medlemmarna i det här teamet värdesätts och tas mina unika "
        "färdigheter och talanger till vara.",
        False,
    ),
)

PSYCH_SAFETY = Instrument(
    code="psych-safety",
    version="edmondson-1999",
    name=Text(
        en="Team psychological safety (Edmondson)", sv="Psykologisk trygghet i teamet (Edmondson)"
    ),
    intro=Text(
        en="How much do you agree or disagree with each statement about your team?",
        sv="Hur väl instämmer du i varje påstående om ditt team?",
    ),
    source="Edmondson, A. (1999). Psychological safety and learning behavior in work teams. "
    "Administrative Science Quarterly 44(2). Items 1, 3 and 5 are reverse-scored.",
    translation_version="sv-0.1",
    scales=(
        Scale(code="psych-safety", name=Text(en="Psychological safety", sv="Psykologisk trygghet")),
    ),
    items=tuple(
        Item(
            code=f"psych-safety.{number}",
            text=Text(en=en, sv=sv),
            answers=AGREE_7,
            reverse=reverse,
            scale="psych-safety",
        )
        for number, (en, sv, reverse) in enumerate(_ITEMS, start=1)
    ),
)
