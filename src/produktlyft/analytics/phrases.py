"""Plain-language sentences for review results, in Swedish and English.

Kept in one module keyed by language so they move into the `review` gettext catalogue in one step
when the i18n package lands. Sentences are built from facts, never from scores alone: they name
the component, the date, the amount.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

PHRASES: dict[str, dict[str, str]] = {
    "sv": {
        "eol_passed": "kör {component} som passerade end of life {date}",
        "eol_soon": "kör {component} som når end of life {date}",
        "tech_poor": "har bedömts ha otillräcklig teknisk lämplighet",
        "condition_poor": "är i dåligt tekniskt skick",
        "fit_poor": "stöder verksamheten dåligt",
        "more": "m.fl.",
        "crit_society": "är samhällskritiskt",
        "crit_operations": "är verksamhetskritiskt",
        "cost": "kostar {amount} per år",
        "users": "används av {users} personer",
        "lock_in": "är inlåst i avtalet {contract} ({signals})",
        "workflow_pain": "orsakar tungt manuellt arbete i verksamhetens flöden",
        "no_strong": "har inga tydliga skäl att prioriteras nu",
        "not_assessable": "kan inte bedömas: {missing} saknas",
        "uncertain": "osäkert underlag ({confidence} av uppgifterna finns)",
        "sentence": "{name} {parts}.",
        "and": "och",
        "no_exit_clause": "ingen exitklausul",
        "supplier_owns_ip": "leverantören äger koden",
        "no_data_return": "inget format för återlämning av data",
        "long_notice": "lång uppsägningstid",
        "long_term": "löper fem år eller mer",
        "dup_capabilities": "delar förmågorna {items}",
        "dup_data": "använder samma data {items}",
        "dup_integrations": "integrerar med samma system",
        "dup_text": "har liknande namn och beskrivning ({similarity})",
        "dup_sentence": "{a} och {b} {parts}.",
        "million": "{value} mnkr",
        "thousand": "{value} tkr",
    },
    "en": {
        "eol_passed": "runs {component}, which reached end of life on {date}",
        "eol_soon": "runs {component}, which reaches end of life on {date}",
        "tech_poor": "has been rated technically unfit",
        "condition_poor": "is in poor technical condition",
        "fit_poor": "supports the work poorly",
        "more": "and more",
        "crit_society": "is critical to society",
        "crit_operations": "is critical to operations",
        "cost": "costs {amount} a year",
        "users": "is used by {users} people",
        "lock_in": "is locked in by contract {contract} ({signals})",
        "workflow_pain": "causes heavy manual work in the workflows it supports",
        "no_strong": "has no strong reason to be prioritised now",
        "not_assessable": "cannot be assessed: {missing} missing",
        "uncertain": "uncertain basis ({confidence} of the facts known)",
        "sentence": "{name} {parts}.",
        "and": "and",
        "no_exit_clause": "no exit clause",
        "supplier_owns_ip": "the supplier owns the code",
        "no_data_return": "no data return format",
        "long_notice": "long notice period",
        "long_term": "runs five years or more",
        "dup_capabilities": "share the capabilities {items}",
        "dup_data": "use the same data {items}",
        "dup_integrations": "integrate with the same systems",
        "dup_text": "have similar names and descriptions ({similarity})",
        "dup_sentence": "{a} and {b} {parts}.",
        "million": "SEK {value} million",
        "thousand": "SEK {value} thousand",
    },
}


def text(lang: str, key: str, **values: Any) -> str:
    table = PHRASES.get(lang, PHRASES["en"])
    return table[key].format(**values)


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
        if facts.get("detail_eol") and facts.get("eol_months") is not None \
                and facts["eol_months"] <= 18:
            key = "eol_passed" if facts["eol_months"] <= 0 else "eol_soon"
            return text(lang, key, component=facts["detail_eol"], date=facts.get("eol_date"))
        if facts.get("technical_fit") is not None and facts["technical_fit"] < 2:
            return text(lang, "tech_poor")
        if facts.get("functional_fit") is not None and facts["functional_fit"] < 1.5:
            return text(lang, "fit_poor")
        return text(lang, "condition_poor")
    if factor == "criticality":
        level = facts.get("criticality")
        return text(lang, "crit_society" if level == 2 else "crit_operations") \
            if level else None
    if factor == "cost" and facts.get("annual_cost"):
        return text(lang, "cost", amount=amount(float(facts["annual_cost"]), lang))
    if factor == "users" and facts.get("users"):
        return text(lang, "users", users=number(float(facts["users"]), lang))
    if factor == "lock_in" and facts.get("detail_lock_in"):
        signals = [text(lang, s) for s in (facts.get("lock_reasons") or "").split(",") if s]
        return text(lang, "lock_in", contract=facts["detail_lock_in"],
                    signals=", ".join(signals))
    if factor == "workflow_pain":
        return text(lang, "workflow_pain")
    return None


def system_reason(name: str, factors: Sequence[str], facts: Mapping[str, Any], lang: str,
                  confidence: float, missing: Sequence[str] = ()) -> str:
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


def duplicate_reason(a: str, b: str, layers: Sequence[str], shared_capabilities: Sequence[str],
                     shared_data: Sequence[str], text_similarity: float, lang: str) -> str:
    parts = []
    if "capabilities" in layers and shared_capabilities:
        parts.append(text(lang, "dup_capabilities", items=join(list(shared_capabilities[:3]),
                                                                  lang)))
    if "data_integrations" in layers:
        parts.append(text(lang, "dup_data", items=join(list(shared_data[:3]), lang))
                     if shared_data else text(lang, "dup_integrations"))
    if "text" in layers or not parts:
        parts.append(text(lang, "dup_text", similarity=percent(text_similarity, lang)))
    return text(lang, "dup_sentence", a=a, b=b, parts=join(parts, lang))
