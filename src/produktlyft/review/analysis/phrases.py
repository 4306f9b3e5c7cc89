"""Plain-language sentences for review results, in Swedish and English.

Message ids are English; the Swedish is in the `review` gettext catalogue.
Sentences are built from facts, never from scores alone: they name
the component, the date, the amount.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from produktlyft.kernel.i18n import N_, gettext

PHRASES: dict[str, str] = {  # English ids; Swedish in review.po
    "eol_passed": N_("runs {component}, which reached end of life on {date}"),
    "eol_soon": N_("runs {component}, which reaches end of life on {date}"),
    "tech_poor": N_("has been rated technically unfit"),
    "condition_poor": N_("is in poor technical condition"),
    "fit_poor": N_("supports the work poorly"),
    "more": N_("and more"),
    "crit_society": N_("is critical to society"),
    "crit_operations": N_("is critical to operations"),
    "cost": N_("costs {amount} a year"),
    "users": N_("is used by {users} people"),
    "lock_in": N_("is locked in by contract {contract} ({signals})"),
    "workflow_pain": N_("is behind waits and rework in the workflows it supports"),
    "no_strong": N_("has no strong reason to be prioritised now"),
    "not_assessable": N_("cannot be assessed: {missing} missing"),
    "uncertain": N_("uncertain basis ({confidence} of the facts known)"),
    "sentence": N_("{name} {parts}."),
    "and": N_("and"),
    "no_exit_clause": N_("no exit clause"),
    "supplier_owns_ip": N_("the supplier owns the code"),
    "no_data_return": N_("no data return format"),
    "long_notice": N_("long notice period"),
    "long_term": N_("runs five years or more"),
    "dup_capabilities": N_("share the capabilities {items}"),
    "dup_data": N_("use the same data {items}"),
    "dup_integrations": N_("integrate with the same systems"),
    "dup_text": N_("have similar names and descriptions ({similarity})"),
    "dup_sentence": N_("{a} and {b} {parts}."),
    "million": N_("SEK {value} million"),
    "thousand": N_("SEK {value} thousand"),
}


def text(lang: str, key: str, **values: Any) -> str:
    return gettext(PHRASES[key], lang).format(**values)


def number(value: float, lang: str, decimals: int = 0) -> str:
    """Thousands grouped as each language writes them (sv: thin space, decimal comma)."""
    formatted = f"{value:,.{decimals}f}"
    if lang == "sv":
        return formatted.replace(",", "\u00a0").replace(".", ",")
    return formatted


def amount(value: float, lang: str) -> str:
    if value >= 1_000_000:
        return text(lang, "million", value=number(value / 1_000_000, lang, 1))
    if value >= 1_000:
        return text(lang, "thousand", value=number(value / 1_000, lang, 0))
    return f"{number(value, lang)} {'kr' if lang == 'sv' else 'SEK'}"


def join(parts: Sequence[str], lang: str) -> str:
    if len(parts) <= 1:
        return "".join(parts)
    return f"{', '.join(parts[:-1])} {text(lang, 'and')} {parts[-1]}"


def percent(share: float, lang: str) -> str:
    return f"{number(share * 100, lang)}\u00a0%"


def factor_phrase(factor: str, facts: Mapping[str, Any], lang: str) -> str | None:
    """One clause for one ranking input, from the facts behind it; None if nothing to say."""
    if factor == "condition":
        if (
            facts.get("detail_eol")
            and facts.get("eol_months") is not None
            and facts["eol_months"] <= 18
        ):
            key = "eol_passed" if facts["eol_months"] <= 0 else "eol_soon"
            return text(lang, key, component=facts["detail_eol"], date=facts.get("eol_date"))
        if facts.get("technical_fit") is not None and facts["technical_fit"] < 2:
            return text(lang, "tech_poor")
        if facts.get("functional_fit") is not None and facts["functional_fit"] < 1.5:
            return text(lang, "fit_poor")
        return text(lang, "condition_poor")
    if factor == "criticality":
        level = facts.get("criticality")
        return text(lang, "crit_society" if level == 2 else "crit_operations") if level else None
    if factor == "cost" and facts.get("annual_cost"):
        return text(lang, "cost", amount=amount(float(facts["annual_cost"]), lang))
    if factor == "users" and facts.get("users"):
        return text(lang, "users", users=number(float(facts["users"]), lang))
    if factor == "lock_in" and facts.get("detail_lock_in"):
        signals = [text(lang, s) for s in (facts.get("lock_reasons") or "").split(",") if s]
        return text(lang, "lock_in", contract=facts["detail_lock_in"], signals=", ".join(signals))
    if factor == "workflow_pain":
        return text(lang, "workflow_pain")
    return None


def system_reason(
    name: str,
    factors: Sequence[str],
    facts: Mapping[str, Any],
    lang: str,
    confidence: float,
    missing: Sequence[str] = (),
) -> str:
    """One sentence: the system, what pushes it up the list, and how sure we are."""
    if not factors and missing and confidence < 0.25:
        shown = ", ".join(missing[:4]) + (f" {text(lang, 'more')}" if len(missing) > 4 else "")
        parts = [text(lang, "not_assessable", missing=shown)]
    else:
        eol = facts.get("eol_months")
        if "condition" not in factors and eol is not None and eol <= 0:
            factors = ["condition", *factors]  # a component past end of life is always said
        parts = [p for f in factors if (p := factor_phrase(f, facts, lang))]
        if not parts:
            parts = [text(lang, "no_strong")]
    if confidence < 0.5 and parts and "not_assessable" not in parts[0]:
        parts.append(text(lang, "uncertain", confidence=percent(confidence, lang)))
    return text(lang, "sentence", name=name, parts=join(parts, lang))


def duplicate_reason(
    a: str,
    b: str,
    layers: Sequence[str],
    shared_capabilities: Sequence[str],
    shared_data: Sequence[str],
    text_similarity: float,
    lang: str,
) -> str:
    parts = []
    if "capabilities" in layers and shared_capabilities:
        parts.append(
            text(lang, "dup_capabilities", items=join(list(shared_capabilities[:3]), lang))
        )
    if "data_integrations" in layers:
        parts.append(
            text(lang, "dup_data", items=join(list(shared_data[:3]), lang))
            if shared_data
            else text(lang, "dup_integrations")
        )
    if "text" in layers or not parts:
        parts.append(text(lang, "dup_text", similarity=percent(text_similarity, lang)))
    return text(lang, "dup_sentence", a=a, b=b, parts=join(parts, lang))
