"""The culture and readiness section's words. Message ids are English; the Swedish is in the
`culture` gettext catalogue, kept in step by `python -m produktlyft.kernel.i18n.extract culture`."""

from __future__ import annotations

from typing import Any

from produktlyft.kernel.i18n import N_, gettext

MESSAGES: dict[str, str] = {
    "title": N_("Culture, readiness and team mandate"),
    "intro": N_(
        "The latest survey, «{round}», closed on {date} with {answers} answers. The "
        "report shows the organisation as a whole only: a team compares itself with "
        "its own history and with the organisation, never with other teams."
    ),
    "intro.hidden": N_(
        "The latest survey, «{round}», had too few answers to show the "
        "organisation's results without risking someone's anonymity."
    ),
    "intro.open": N_("The survey «{round}» is still open; these are preliminary figures."),
    "part.culture": N_("Culture and well-being"),
    "scales": N_("The organisation over the survey rounds"),
    "scales.text": N_(
        "Mean on the answer scale (1–7) with its 95 % interval, per scale and "
        "round. Higher is better, except for burnout."
    ),
    "change.up": N_("{scale} rose by {diff} points since the round before"),
    "change.down": N_("{scale} fell by {diff} points since the round before"),
    "change.real": N_("more than chance alone would give (p = {p})"),
    "change.chance": N_("within what chance alone could give (p = {p})"),
    "change.sentence": N_("{what}, {judgement}."),
    "no_change": N_("Only one round has results so far; measure again to see a trend."),
    "readiness": N_("Readiness for the four challenges"),
    "readiness.text": N_(
        "The organisation's own assessment per challenge, mean on the "
        "5-point scale (1 = disagree, 5 = agree) with its 95 % interval."
    ),
    "steps": N_("Recommended next steps, from the weakest readiness items:"),
    "step": N_("{advice} Because: {because}."),
    "no_steps": N_("No readiness item scores below 3.5 of 5; keep measuring."),
    "col.scale": N_("Scale"),
    "col.round": N_("Round closed"),
    "col.n": N_("Answers"),
    "col.mean": N_("Mean"),
    "col.interval": N_("95 % interval"),
    "col.alpha": N_("Cronbach's α"),
    "col.challenge": N_("Challenge"),
    "col.weakest": N_("Weakest item"),
    "low_alpha": N_("(below .70)"),
    "story": N_(
        "The culture survey «{round}» ({answers} answers) puts the organisation at "
        "{westrum} of 7 for a generative culture and {safety} of 7 for psychological "
        "safety; readiness is lowest for {challenge}."
    ),
    "method.anonymity": N_(
        "Survey answers come through single-use links and are added to "
        "group totals as they arrive; no answer is stored on its own. A "
        "group's results are shown only with at least {k} answers, "
        "neighbouring groups are hidden too where a hidden one could be "
        "worked out by subtraction, and this report shows only the "
        "organisation as a whole."
    ),
    "method.scales": N_(
        "A scale score is the mean of its items after reverse-scoring (items "
        "1, 3 and 5 of psychological safety are worded negatively). Intervals "
        "are 95 % t-intervals; Cronbach's α below .70 is marked. Changes "
        "between rounds are tested with Welch's t-test."
    ),
    "method.instruments": N_(
        "Instruments: Westrum's organisational culture (6 items, DORA's "
        "wording), Edmondson's team psychological safety (7 items), "
        "DORA's burnout and job-satisfaction items, and produktlyft's "
        "own readiness self-assessment (5 items for each of four "
        "challenges, each tied to a remedy). Swedish wordings are "
        "preliminary translations."
    ),
}


def t(lang: str, key: str, **values: Any) -> str:
    text = gettext(MESSAGES[key], lang)
    return text.format(**values) if values else text
