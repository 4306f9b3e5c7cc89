"""The workflow section's words. Message ids are English; the Swedish is in the `workflows`
gettext catalogue, kept in step by `python -m produktlyft.kernel.i18n.extract workflows`."""

from __future__ import annotations

from typing import Any

from produktlyft.kernel.i18n import N_, gettext

MESSAGES: dict[str, str] = {
    "title": N_("Outdated workflows"),
    "intro": N_(
        "The event log «{name}» holds {events} events in {cases} cases from {first} to "
        "{last}. Half the cases take at most {median}, nine in ten at most {p90}."
    ),
    "findings": N_("Where citizens wait, and what fixing it would save:"),
    "finding": N_("{title}. About {days} citizen days a year; for example cases {examples}."),
    "systems": N_("Systems behind these activities: {systems}."),
    "none": N_("No pattern in this log holds up more than 2 % of the cases for more than a day."),
    "map": N_("Process map of «{name}»: the steps taken by at least {share} of the cases"),
    "col.from": N_("From"),
    "col.to": N_("To"),
    "col.cases": N_("Times"),
    "col.median": N_("Median time"),
    "col.p90": N_("90th percentile"),
    "method.engine": N_(
        "Event logs are ordered by case and time, with the file order breaking "
        "ties; events missing a case id, activity or timestamp are left out. "
        "The directly-follows graph, variants and case durations equal those "
        "of the process-mining library pm4py on the same log."
    ),
    "method.savings": N_(
        "Citizen days a year: a loop fixed removes the time from the first to "
        "the last pass of the repeated activity; a wait or hand-off fixed "
        "halves the waiting of the cases held up more than a day; the log's "
        "cases are scaled to a year by its time span. Findings overlap, so "
        "their days are not added up."
    ),
}


def t(lang: str, key: str, **values: Any) -> str:
    text = gettext(MESSAGES[key], lang)
    return text.format(**values) if values else text
