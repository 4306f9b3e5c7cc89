"""A system's facts as a person reads them: each value with its unit, in the reader's language,
and its source named (the evidence page)."""

from __future__ import annotations

from produktlyft.inventory.vocabularies import Lifecycle
from produktlyft.kernel import i18n
from produktlyft.kernel.i18n import N_
from produktlyft.review.analysis.facts import FACTS
from produktlyft.review.results import EvidenceItem

SOURCE_LABELS = {
    "inventory": N_("inventory"),
    "endoflife": N_("endoflife.date snapshot"),
    "sbom": N_("SBOM"),
    "repo": N_("git repository"),
    "contracts": N_("inventory: contracts"),
    "integrations": N_("inventory: integrations"),
}
YES, NO = N_("yes"), N_("no")
SHARES = {"libyear_coverage", "top_author_share", "lock_in"}
UNITS = {
    "months": N_("%(value)s months"),
    "days": N_("%(value)s days"),
    "years": N_("%(value)s years"),
}


def fact_value(item: EvidenceItem, lang: str) -> str:
    """A fact's value as a person reads it, in the page's language."""
    value, key = item.value, item.fact
    if value is None:
        return ""
    if isinstance(value, bool):
        return i18n.gettext(YES if value else NO, lang)
    if key == "lifecycle":
        member = next((m for m in Lifecycle if m.value == value), None)
        return member.label(lang) if member else str(value)
    if key in SHARES:
        return i18n.format_share(float(value), lang)
    if key == "annual_cost":
        return i18n.format_money(float(value), lang)
    number = float(value)
    text = i18n.format_number(number, lang, 0 if number.is_integer() else 1)
    unit = FACTS[key].unit if key in FACTS else ""
    return i18n.gettext(UNITS[unit], lang) % {"value": text} if unit in UNITS else text


def source_label(item: EvidenceItem, lang: str) -> str:
    """The fact's source, translated, with the file, contract or snapshot it names."""
    kind = FACTS[item.fact].source if item.fact in FACTS else "inventory"
    raw = str(item.source or "")
    label = i18n.gettext(SOURCE_LABELS.get(kind, kind), lang)
    named = {
        "sbom": raw.removeprefix("SBOM").strip(),
        "repo": raw.removeprefix("git").strip(),
        "contracts": raw.removeprefix("inventory: contract").strip()
        if raw.startswith("inventory: contract ")
        else "",
    }.get(kind, "")
    return f"{label}: {named}" if named else label
