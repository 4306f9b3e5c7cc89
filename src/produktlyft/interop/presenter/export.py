"""The interop JSON of `produktlyft interop --json PATH`: per system its id, coverage, silo
risk and reasons (codes with parameters, and the text in the chosen language), its suggested
disposition and its cloud check."""

from __future__ import annotations

from typing import Any

from produktlyft.interop.model import (
    CloudCheck,
    CloudRules,
    DispositionAdvice,
    Reason,
    SystemInterop,
)
from produktlyft.interop.presenter.words import (
    DOCUMENTS,
    FLAGS,
    label,
    reason_text,
)


def _reason(reason: Reason, lang: str) -> dict[str, Any]:
    return {"code": reason.code, "params": reason.params, "text": reason_text(reason, lang)}


def systems_json(
    systems: list[SystemInterop],
    dispositions: dict[str, DispositionAdvice],
    cloud: dict[str, CloudCheck],
    rules: CloudRules,
    lang: str = "en",
) -> dict[str, Any]:
    """The document: the rule table's version and note, then one object per system."""
    rows = []
    for system in systems:
        row: dict[str, Any] = {
            "id": system.id,
            "name": system.name,
            "open_standard_share": system.open_standard_share,
            "silo_risk": system.silo_risk,
            "reasons": [_reason(r, lang) for r in system.reasons],
            "integrations": system.integrations,
        }
        advice = dispositions.get(system.id)
        if advice:
            row["disposition"] = {
                "value": advice.disposition.value,
                **_reason(advice.reason, lang),
            }
        check = cloud.get(system.id)
        if check:
            row["cloud"] = {
                "requirement": check.requirement.value,
                "verdicts": check.verdicts,
                "documents": check.documents,
                "documents_text": [label(DOCUMENTS, d, lang) for d in check.documents],
                "flags": check.flags,
                "flags_text": [label(FLAGS, f, lang) for f in check.flags],
                "reasons": [_reason(r, lang) for r in check.reasons],
                "sources": [
                    {"key": key, **rules.sources[key].model_dump()}
                    for key in check.sources
                    if key in rules.sources
                ],
            }
        rows.append(row)
    return {"rules_version": rules.version, "note": rules.note, "systems": rows}
