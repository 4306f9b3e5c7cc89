"""The outcomes area's words outside templates, keyed; message ids are English and the Swedish
is in the `outcomes` gettext catalogue."""

from __future__ import annotations

from typing import Any

from produktlyft.kernel.i18n import N_, gettext

MESSAGES: dict[str, str] = {
    # why a key result is an output, or incomplete
    "deliverable_count": N_(
        "It counts things made («{what}»), not a change for the users or the staff."
    ),
    "output_verb": N_(
        "It starts with «{verb}»: an activity or a deliverable, with no measure and target "
        "that would show it made a difference."
    ),
    "no_measure": N_("It names no measure that could move."),
    "no_target": N_("It has no target: the value the measure should reach."),
    "no_baseline": N_("It has no baseline: where the measure starts («from X»)."),
    "no_date": N_("It has no date by which the target should be reached."),
    "suggest.output": N_(
        "Ask what «{what}» should change for the users, and write that as the key result: "
        "«<increase or reduce> <a measure they notice> from X to Y by <date>», for example "
        "«Reduce the median case-handling time from 42 to 28 days by 2027-06-30»."
    ),
    "suggest.metric": N_(
        "Write it as a change in its measure: «<increase or reduce> {metric} from {baseline} "
        "to {target} by {due}»."
    ),
    "suggest.complete": N_("Complete it: «<verb> <measure> from X to Y by <date>»."),
    "suggest.none": N_("It has the form of an outcome."),
    "date": N_("<date>"),
    # whether a business case's benefit arrived
    "benefit.no_metric": N_("It is not bound to a measure the tool follows."),
    "benefit.unknown_metric": N_(
        "Its measure is not one the tool follows: use kpi:<service>:<kpi> or team:<team>:<metric>."
    ),
    "benefit.no_target": N_("It has no baseline or no target."),
    "benefit.no_change": N_("Its baseline and target are the same."),
    "benefit.no_data": N_("Its measure has no value yet."),
    "benefit.arrived": N_("The measure reached the target."),
    "benefit.missed": N_("The target was due {due}; the measure has come {share} of the way."),
    "benefit.not_yet": N_("The measure has come {share} of the way to the target."),
    "benefit.not_yet.due": N_("The measure has come {share} of the way to the target, due {due}."),
    # the report section
    "section": N_("Outcomes"),
    "section.dora": N_(
        "{teams} teams have delivery metrics. Their latest quarter, as a distribution over "
        "the teams (no team is named or ranked):"
    ),
    "section.dora.line": N_("{metric}: median {median} (teams range from {low} to {high})"),
    "section.krs": N_(
        "{total} key results are recorded: {achieved} reached their target, {moving} have "
        "a measured value, and {rejected} were rejected as outputs."
    ),
    "section.kr.moved": N_("«{text}» ({team}): from {baseline} to {current}, target {target}"),
    "section.benefits": N_(
        "{total} benefits from the business cases are followed up: {arrived} arrived, "
        "{not_yet} not yet, {missed} missed their date, and {unmeasurable} cannot be measured."
    ),
    "section.benefit": N_("«{name}» ({owner}): {state}. {reason}"),
    "section.method": N_(
        "Delivery metrics follow DORA's current definitions, with 95 % intervals (bootstrap "
        "for medians, Wilson for shares) and DORA 2025's 0–10 scores; incidents count against "
        "a deployment only within {days} days of it. Teams are compared with their own past, "
        "never with each other."
    ),
}


def t(lang: str, key: str, **values: Any) -> str:
    text = gettext(MESSAGES[key], lang)
    return text.format(**values) if values else text
