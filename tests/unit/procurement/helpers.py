"""A well-formed slice that passes every rule, to vary one field at a time."""

from __future__ import annotations

from datetime import date
from typing import Any

from produktlyft.procurement.importers import read_rules
from produktlyft.procurement.model import Check, RulePack, Slice

PACK: RulePack = read_rules()


def good(**changes: Any) -> Slice:
    base: dict[str, Any] = {
        "slice": "s1",
        "need": "e-service",
        "supplier": "Acme",
        "start": date(2027, 1, 1),
        "end": date(2027, 3, 31),
        "value_sek": 400_000,
        "options_value_sek": 50_000,
        "buyer_type": "central",
        "route": "open",
        "outcome": "Citizens apply online",
        "success_criterion": "80 % of applications digital by 2027-06-30",
        "exit_clause": True,
        "notice_months": 1,
        "data_return_format": "csv",
        "code_ownership": "agency",
        "team": "Team Bygglov",
        "go_no_go": "2027-02-15",
        "knowledge_transfer": True,
        "interfaces": ["OpenAPI", "OIDC"],
    }
    return Slice.model_validate({**base, **changes})


def by_rule(checks: list[Check], rule: str) -> Check:
    found = [c for c in checks if c.rule == rule]
    assert len(found) == 1, [c.rule for c in checks]
    return found[0]
