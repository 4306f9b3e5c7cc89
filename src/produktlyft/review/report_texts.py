"""The report's own words. Message ids are English; the Swedish is in the `review` gettext
catalogue (`i18n/locale/*/LC_MESSAGES/review.po`), kept in step by
`python -m produktlyft.kernel.i18n.extract review`."""

from __future__ import annotations

from typing import Any

from produktlyft.kernel.i18n import N_, gettext

MESSAGES: dict[str, str] = {  # English ids; Swedish in review.po
    "title": N_("Review of the IT landscape"),
    "subtitle": N_("{organisation} – for the leadership, {date}"),
    "summary": N_("Summary"),
    "intro": N_(
        "The review covers {systems} systems that together cost {cost} a year. On "
        "average {confidence} of the facts each assessment needs are known (the data "
        "confidence); where something is missing it shows, and no judgement rests on guesses."
    ),
    "obstacles": N_("The three biggest obstacles"),
    "obstacle.unsupported_technology": N_(
        "{count} systems run technology that no longer gets security updates"
    ),
    "obstacle.unsupported_technology.cost": N_("Together they cost {cost} a year."),
    "obstacle.duplicates": N_("{count} pairs of systems do the same job"),
    "obstacle.duplicates.cost": N_(
        "Keeping one system per group would free an estimated {cost} a year."
    ),
    "obstacle.lock_in": N_("{count} contracts lock the organisation in with its supplier"),
    "obstacle.lock_in.cost": N_("The systems they cover cost {cost} a year."),
    "obstacle.manual_rekeying": N_("{count} integrations are staff re-typing data by hand"),
    "obstacle.manual_rekeying.cost": N_("Their cost in working time is not measured yet."),
    "example.unsupported_technology": N_("{name} runs {component} (end of life {eol})"),
    "example.duplicates": N_("{a} and {b}"),
    "example.lock_in": N_("{name} with {supplier} until {end}, covering {systems}"),
    "example.manual_rekeying": N_("from {source} to {target}"),
    "for_example": N_("For example:"),
    "start": N_("Where to start"),
    "start.intro": N_(
        "The ranking weighs technical condition, criticality, cost, users and "
        "lock-in together. First:"
    ),
    "start.uncertain": N_(
        "{count} systems have too few facts for a sure judgement; "
        "completing them is a first step in itself."
    ),
    "costs": N_("What the current state costs"),
    "costs.text": N_(
        "The systems cost {total} a year. Of that, {unsupported} goes to "
        "systems on unsupported technology, and overlapping systems cost an "
        "estimated {duplicates} a year that could be freed."
    ),
    "ranking": N_("Ranking: where change makes the biggest difference"),
    "ranking.text": N_(
        "The 15 systems to act on first. The sensitivity analysis moves every "
        "weight by ±20 %; the range shows the places a system can take."
    ),
    "condition": N_("Technical condition"),
    "condition.text": N_(
        "Systems by condition under the {profile} profile (green 7–10, "
        "amber 4–7, red under 4, grey = cannot be assessed)."
    ),
    "technology": N_("Technology and lifecycle"),
    "technology.text": N_(
        "{matched} of {components} technology components matched "
        "endoflife.date (snapshot {snapshot}); {past} are past end of "
        "life. Components without a match are shown as unmatched."
    ),
    "duplicates": N_("Overlapping systems"),
    "duplicates.text": N_(
        "{pairs} pairs in {clusters} groups, suggested from shared "
        "capabilities, shared data and integrations, similar names and "
        "descriptions, and the public-sector function and known product the "
        "systems were placed in; integrations and complementary roles count "
        "against a pair. Each group has a system suggested to keep (better "
        "condition, then lower cost, then more users)."
    ),
    "lock_in": N_("Contract lock-in"),
    "lock_in.chart": N_("Yearly cost of the systems each locked-in contract covers."),
    "duplicates.chart": N_("Yearly cost per group of overlapping systems"),
    "col.freed": N_("Could be freed"),
    "col.keep": N_("Suggested to keep"),
    "manual": N_("Manual re-keying"),
    "heatmap": N_("Capabilities and condition"),
    "heatmap.text": N_(
        "Systems per capability and condition, for the 25 capabilities to prioritise."
    ),
    "confidence": N_("Data quality and confidence"),
    "confidence.text": N_(
        "Confidence is the share of the facts an assessment needs that are "
        "known. The average is {confidence}."
    ),
    "method": N_("Method appendix"),
    "method.intro": N_("How every figure in this report was computed."),
    "table": N_("Table"),
    "col.rank": N_("Rank"),
    "col.system": N_("System"),
    "col.score": N_("Priority (1–10)"),
    "col.confidence": N_("Confidence"),
    "col.range": N_("Rank ±20 %"),
    "col.reason": N_("Reason"),
    "col.band": N_("Condition"),
    "col.count": N_("Number of systems"),
    "col.component": N_("Component"),
    "col.version": N_("Version"),
    "col.status": N_("Status"),
    "col.eol": N_("End of life"),
    "col.months": N_("Months left"),
    "col.systems": N_("Systems"),
    "col.pair": N_("Pair"),
    "col.group": N_("Group"),
    "col.layers": N_("Layers"),
    "col.contract": N_("Contract"),
    "col.supplier": N_("Supplier"),
    "col.end": N_("Ends"),
    "col.signals": N_("Signs of lock-in"),
    "col.from": N_("From"),
    "col.to": N_("To"),
    "col.capability": N_("Capability"),
    "col.cost": N_("Cost a year"),
    "col.share": N_("Share"),
    "status.matched": N_("matched"),
    "status.no_dates": N_("no dates"),
    "status.unmatched_cycle": N_("version unknown"),
    "status.unmatched_product": N_("unmatched"),
    "status.no_version": N_("no version"),
    "source": N_(
        "Source: produktlyft, review {run} ({date}). Lifecycle data: endoflife.date (MIT)."
    ),
    "page": N_("Page"),
}


def t(lang: str, key: str, **values: Any) -> str:
    text = gettext(MESSAGES[key], lang)
    return text.format(**values) if values else text
