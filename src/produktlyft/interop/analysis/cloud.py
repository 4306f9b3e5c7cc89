"""Could a system move to a cloud service, and on what terms? Assessment support, not legal advice.

The check reads a system's information from the inventory and applies a **rule table that is
data** (`interop/data/cloud_rules.json`, dated, each row citing its sources; a user passes
their own with `produktlyft interop --rules PATH`). It follows the starting table in the
reference notes: eSam's legal statement of November 2018 (secret information made available to
a provider bound by third-country law may count as disclosed under OSL), OSL 8 kap. 3 §, the
CJEU's Schrems II judgment (C-311/18, 2020), the EU–US Data Privacy Framework adequacy decision
(10 July 2023, subject to challenge), IMY's guidance on third-country transfers, and
säkerhetsskyddslagen (2018:585).

Information level, the strictest of the system and the data objects it uses:

| level | when |
|---|---|
| `security_protection` | classified "security classified" (säkerhetsskydd) |
| `sensitive_or_secret` | "confidential" (read as OSL secrecy), or sensitive personal data |
| `personal` | ordinary personal data |
| `public` | open or internal information without personal data |

Nothing recorded at all counts as `sensitive_or_secret` (the cautious reading), with the reason
`unknown_classification` saying so. Each level's row gives the requirement a move would have —
`public_cloud_ok`, `agency_held_keys` (third-country provider, keys held by the agency),
`eu_eea_provider_without_third_country_access`, or `stay_on_premises` — the verdict per kind of
provider, the documents needed (DPIA, transfer assessment, secrecy or security assessment) and
flags (`esam_position`, `adequacy_only`).

Public functions (roadmap-core calls these): `parse_rules(data)`, `information_level(system,
objects)` and `check(system, objects, rules)`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from produktlyft.interop.model import CloudCheck, CloudCode, CloudRules, Reason
from produktlyft.inventory.model import DataObject, System
from produktlyft.inventory.vocabularies import DataClassification, PersonalData

LEVELS = ("public", "personal", "sensitive_or_secret", "security_protection")


def parse_rules(data: Mapping[str, Any]) -> CloudRules:
    """A rule table from its JSON; ValueError (pydantic's) naming the field when it is wrong,
    or when a level lacks a rule or a rule cites a source the table does not list."""
    rules = CloudRules.model_validate(data)
    missing = [level for level in LEVELS if level not in {r.information for r in rules.rules}]
    if missing:
        raise ValueError(f"the rule table has no rule for: {', '.join(missing)}")
    for rule in rules.rules:
        unknown = [key for key in rule.sources if key not in rules.sources]
        if unknown:
            raise ValueError(
                f"the rule for '{rule.information}' cites unknown sources: {', '.join(unknown)}"
            )
    return rules


def _level_of(classification: DataClassification | None, personal: PersonalData | None) -> int:
    """0..3 on LEVELS; -1 when nothing at all is recorded."""
    if classification is DataClassification.SECRET:
        return 3
    if classification is DataClassification.CONFIDENTIAL or personal is PersonalData.SENSITIVE:
        return 2
    if personal is PersonalData.PERSONAL:
        return 1
    if classification is None and personal is None:
        return -1
    return 0


def information_level(system: System, objects: Sequence[DataObject]) -> tuple[str, list[Reason]]:
    """The strictest level of the system and the data objects it uses, with why."""
    own = _level_of(system.data_classification, system.personal_data)
    levels = {o.id: _level_of(o.classification, o.personal_data) for o in objects}
    strictest = max([own, *levels.values()])
    reasons: list[Reason] = []
    if strictest < 0:
        reasons.append(Reason(code=CloudCode.UNKNOWN_CLASSIFICATION))
        return "sensitive_or_secret", reasons
    raised = sorted(o.name for o in objects if levels[o.id] == strictest and strictest > own)
    if raised:
        reasons.append(Reason(code=CloudCode.FROM_DATA_OBJECTS, params={"objects": raised[:5]}))
    return LEVELS[strictest], reasons


def check(system: System, objects: Sequence[DataObject], rules: CloudRules) -> CloudCheck:
    """What moving one system to a cloud service would require, by the table's rule."""
    level, reasons = information_level(system, objects)
    rule = rules.rule(level)
    hosting = system.hosting.value if system.hosting else None
    reasons.insert(
        0,
        Reason(
            code=CloudCode.RULE,
            params={"information": level, "version": rules.version, "hosting": hosting},
        ),
    )
    return CloudCheck(
        system_id=system.id,
        requirement=rule.requirement,
        verdicts=dict(rule.verdicts),
        documents=list(rule.documents),
        flags=list(rule.flags),
        reasons=reasons,
        sources=list(rule.sources),
    )
