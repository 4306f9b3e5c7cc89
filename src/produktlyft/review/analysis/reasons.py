"""Why a system ranks where it does, and why two systems look alike, as reason codes with the
facts behind them: the component, the date, the amount. Worded when shown (review.presenter),
so a result reads in any language; here nothing is text but names from the inventory."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from produktlyft.review.results import Reason, ReasonCode

EOL_SOON_MONTHS = 18  # a component reaching end of life within this is named in the reason


def factor_reason(factor: str, facts: Mapping[str, Any]) -> Reason | None:
    """The reason one ranking input gives, from the facts behind it; None if it gives none."""
    if factor == "condition":
        months = facts.get("eol_months")
        if facts.get("detail_eol") and months is not None and months <= EOL_SOON_MONTHS:
            code = ReasonCode.EOL_PASSED if months <= 0 else ReasonCode.EOL_SOON
            params = {"component": facts["detail_eol"], "date": facts.get("eol_date")}
            return Reason(code=code, params=params)
        if facts.get("technical_fit") is not None and facts["technical_fit"] < 2:
            return Reason(code=ReasonCode.TECH_POOR)
        if facts.get("functional_fit") is not None and facts["functional_fit"] < 1.5:
            return Reason(code=ReasonCode.FIT_POOR)
        return Reason(code=ReasonCode.CONDITION_POOR)
    if factor == "criticality":
        level = facts.get("criticality")
        if not level:
            return None
        return Reason(code=ReasonCode.CRIT_SOCIETY if level == 2 else ReasonCode.CRIT_OPERATIONS)
    if factor == "cost" and facts.get("annual_cost"):
        return Reason(code=ReasonCode.COST, params={"amount": float(facts["annual_cost"])})
    if factor == "users" and facts.get("users"):
        return Reason(code=ReasonCode.USERS, params={"users": float(facts["users"])})
    if factor == "lock_in" and facts.get("detail_lock_in"):
        signals = [s for s in (facts.get("lock_reasons") or "").split(",") if s]
        params = {"contract": facts["detail_lock_in"], "signals": signals}
        return Reason(code=ReasonCode.LOCK_IN, params=params)
    if factor == "workflow_pain":
        return Reason(code=ReasonCode.WORKFLOW_PAIN)
    return None


def system_reasons(
    factors: Sequence[str],
    facts: Mapping[str, Any],
    missing: Sequence[str] = (),
    *,
    judged: bool = True,
) -> list[Reason]:
    """What pushes a system up the list; `missing`: keys of the facts its evidence lacks.
    A system too little known to judge says so first, with what is missing, and then only the
    facts that are known (its size, cost, criticality), never a judgement of its condition."""
    if not judged:
        known = [r for f in factors if f != "condition" and (r := factor_reason(f, facts))]
        return [Reason(code=ReasonCode.NOT_ASSESSABLE, params={"missing": list(missing)}), *known]
    eol = facts.get("eol_months")
    if "condition" not in factors and eol is not None and eol <= 0:
        factors = ["condition", *factors]  # a component past end of life is always said
    reasons = [r for f in factors if (r := factor_reason(f, facts))]
    # a judged system knows at least half of its inputs (review.model.JUDGE_FLOOR), so the
    # "uncertain basis" reason of runs stored before the floor is no longer given
    return reasons or [Reason(code=ReasonCode.NO_STRONG)]


def duplicate_reasons(
    layers: Sequence[str],
    shared_capabilities: Sequence[str],
    shared_data: Sequence[str],
    text_similarity: float,
    function: str | None = None,
    function_words: Sequence[str] = (),
    product: str | None = None,
    against: Sequence[str] = (),
    origins: Sequence[str] = (),
    word_pairs: Sequence[str] = (),
    succession: Sequence[str] = (),
    holdover: Sequence[str] = (),
) -> list[Reason]:
    """Which layers make two systems look alike, naming up to three shared things of each, and
    the evidence against that was weighed."""
    reasons = []
    if len(succession) == 2:
        old, new = succession
        reasons.append(Reason(code=ReasonCode.DUP_SUCCESSOR, params={"old": old, "new": new}))
    if len(holdover) == 1:  # of two holdovers neither is the one that took over the job
        reasons.append(Reason(code=ReasonCode.DUP_HOLDOVER, params={"name": holdover[0]}))
    if product:
        reasons.append(Reason(code=ReasonCode.DUP_PRODUCT, params={"product": product}))
    if function and "function" in layers:
        params = {"function": function, "words": list(function_words[:3])}
        reasons.append(Reason(code=ReasonCode.DUP_FUNCTION, params=params))
    if "capabilities" in layers and shared_capabilities:
        params = {"items": list(shared_capabilities[:3])}
        reasons.append(Reason(code=ReasonCode.DUP_CAPABILITIES, params=params))
    if "data_integrations" in layers:
        reasons.append(
            Reason(code=ReasonCode.DUP_DATA, params={"items": list(shared_data[:3])})
            if shared_data
            else Reason(code=ReasonCode.DUP_INTEGRATIONS)
        )
    if "embedding" in layers or "embedding_function" in layers:
        reasons.append(Reason(code=ReasonCode.DUP_MEANING))
    if word_pairs:
        reasons.append(Reason(code=ReasonCode.DUP_WORD_PAIRS, params={"pairs": list(word_pairs)}))
    # shared word parts are said where nothing stronger for the pair is (a shared function or
    # product already says more than that "bygglov" is part of both names)
    if "text_grams" in layers and not reasons and "text" not in layers:
        reasons.append(Reason(code=ReasonCode.DUP_WORD_PARTS))
    if "text" in layers or not reasons:
        reasons.append(Reason(code=ReasonCode.DUP_TEXT, params={"similarity": text_similarity}))
    if origins:
        reasons.append(Reason(code=ReasonCode.DUP_ORIGIN, params={"items": list(origins)}))
    if against:
        reasons.append(Reason(code=ReasonCode.DUP_AGAINST, params={"items": list(against)}))
    return reasons
