"""The decision register's words in the leadership report. Message ids are English; the Swedish
is in the `culture` gettext catalogue (the register was first reported beside the culture
survey), kept in step by `python -m produktlyft.kernel.i18n.extract culture`."""

from __future__ import annotations

from typing import Any

from produktlyft.kernel.i18n import N_, gettext

MESSAGES: dict[str, str] = {
    "decisions": N_("Team mandate: the decision register"),
    "decisions.text": N_(
        "{proposed} recommendations are recorded. {decided} have been decided, "
        "in a median of {median} (counting those still waiting as well: "
        "{km}). {in_team} of the decisions were taken by the team itself."
    ),
    "decisions.vanished": N_(
        "{vanished} of the {old} recommendations made more than {days} "
        "days ago are still undecided ({share}): they risk vanishing in "
        "the hierarchy."
    ),
    "decisions.gap": N_(
        "{count} recommendations were escalated although the decision-rights "
        "matrix lets the team decide them itself."
    ),
    "decisions.oldest": N_("Waiting longest: {items}."),
    "decisions.item": N_("«{title}» ({level}, proposed {date})"),
    "decisions.chart": N_("Median days to decision, by who decides"),
    "decisions.chart.text": N_(
        "Among decided recommendations; the table also shows how many are still waiting."
    ),
    "col.level": N_("Who decides"),
    "col.proposed": N_("Proposed"),
    "col.decided": N_("Decided"),
    "col.median": N_("Median days"),
    "col.vanished": N_("Undecided after {days} days"),
    "col.days": N_("Days"),
    "days": N_("{days} days"),
    "not_reached": N_("not yet reached"),
    "method.decisions": N_(
        "Time to decision is counted from the day proposed to the day "
        "decided. The median among decided recommendations is shown beside "
        "the Kaplan–Meier median, which counts recommendations still "
        "waiting for as long as they have waited. Withdrawn ones are left "
        "out of the undecided share, reckoned on {date}."
    ),
}


def t(lang: str, key: str, **values: Any) -> str:
    text = gettext(MESSAGES[key], lang)
    return text.format(**values) if values else text
