"""Answer scales shared by several instruments."""

from __future__ import annotations

from produktlyft.surveys.instruments.model import AnswerScale, Text

PREFER_NOT = Text(en="Prefer not to answer", sv="Vill inte svara")
DONT_KNOW = Text(en="Don't know", sv="Vet inte")

AGREE_7 = AnswerScale(
    code="agree-7",
    labels=(
        Text(en="Strongly disagree", sv="Tar helt avstånd"),
        Text(en="Disagree", sv="Tar avstånd"),
        Text(en="Somewhat disagree", sv="Tar delvis avstånd"),
        Text(en="Neither agree nor disagree", sv="Varken instämmer eller tar avstånd"),
        Text(en="Somewhat agree", sv="Instämmer delvis"),
        Text(en="Agree", sv="Instämmer"),
        Text(en="Strongly agree", sv="Instämmer helt"),
    ),
    skip_label=PREFER_NOT,
    source_note="DORA's 7-point agreement scale with 'prefer not to answer'.",
)

SATISFACTION_7 = AnswerScale(
    code="satisfaction-7",
    labels=(
        Text(en="Extremely dissatisfied", sv="Extremt missnöjd"),
        Text(en="Moderately dissatisfied", sv="Ganska missnöjd"),
        Text(en="Slightly dissatisfied", sv="Något missnöjd"),
        Text(en="Neither satisfied nor dissatisfied", sv="Varken nöjd eller missnöjd"),
        Text(en="Slightly satisfied", sv="Något nöjd"),
        Text(en="Moderately satisfied", sv="Ganska nöjd"),
        Text(en="Extremely satisfied", sv="Extremt nöjd"),
    ),
    skip_label=PREFER_NOT,
    source_note="DORA names the end points; the labels between them are ours.",
)

AGREE_5 = AnswerScale(
    code="agree-5",
    labels=(
        Text(en="Strongly disagree", sv="Tar helt avstånd"),
        Text(en="Disagree", sv="Tar avstånd"),
        Text(en="Neither agree nor disagree", sv="Varken instämmer eller tar avstånd"),
        Text(en="Agree", sv="Instämmer"),
        Text(en="Strongly agree", sv="Instämmer helt"),
    ),
    skip_label=DONT_KNOW,
    source_note="Our 5-point agreement scale for our own items.",
)

MET_3 = AnswerScale(
    code="met-3",
    labels=(
        Text(en="Not met", sv="Uppfylls inte"),
        Text(en="Partly met", sv="Uppfylls delvis"),
        Text(en="Met", sv="Uppfylls"),
    ),
    skip_label=DONT_KNOW,
    source_note="GOV.UK assessments say met or not met; 'partly met' is our addition for "
    "self-assessment.",
)

COMPETENCE_5 = AnswerScale(
    code="competence-5",
    labels=(
        Text(
            en="Novice: I know the basic ideas and need guidance to apply them",
            sv="Nybörjare: jag känner till grunderna och behöver stöd för att tillämpa dem",
        ),
        Text(
            en="Competent: I apply it on my own in routine situations",
            sv="Kompetent: jag tillämpar det självständigt i vanliga situationer",
        ),
        Text(
            en="Proficient: I apply it in complex situations and adapt it to the context",
            sv="Skicklig: jag tillämpar det i komplexa situationer och anpassar det efter "
            "sammanhanget",
        ),
        Text(
            en="Expert: I guide others and improve how we do it",
            sv="Expert: jag vägleder andra och förbättrar hur vi gör det",
        ),
        Text(
            en="Master: I shape how it is done beyond my own organisation",
            sv="Mästare: jag påverkar hur det görs även utanför min egen organisation",
        ),
    ),
    skip_label=PREFER_NOT,
    source_note="The five levels of the DASA competence model; the descriptions are ours.",
)
