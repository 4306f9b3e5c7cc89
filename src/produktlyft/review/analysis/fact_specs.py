"""The facts of the fact base (`facts`): key, source, and the label in Swedish and English. Pure
data; the values are computed in `facts`."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class FactSpec:
    key: str
    source: str  # inventory, endoflife, sbom, repo, contracts, integrations
    sv: str
    en: str
    unit: str = ""

    def label(self, lang: str) -> str:
        return self.sv if lang == "sv" else self.en


_SPECS = [
    FactSpec("criticality", "inventory", "kritikalitet (0–2)", "criticality (0–2)"),
    FactSpec("functional_fit", "inventory", "verksamhetsstöd (0–3)", "functional fit (0–3)"),
    FactSpec("technical_fit", "inventory", "teknisk lämplighet (0–3)", "technical fit (0–3)"),
    FactSpec("lifecycle", "inventory", "livscykel", "lifecycle"),
    FactSpec("annual_cost", "inventory", "årlig kostnad", "annual cost", "SEK"),
    FactSpec("users", "inventory", "användare", "users"),
    FactSpec("civil_servants", "inventory", "egen personal (årsarbeten)", "civil servants (FTE)"),
    FactSpec("contractors", "inventory", "konsulter (årsarbeten)", "contractors (FTE)"),
    FactSpec("has_owner", "inventory", "systemägare finns", "system owner named"),
    FactSpec(
        "has_technical_owner", "inventory", "teknisk förvaltare finns", "technical owner named"
    ),
    FactSpec("team_count", "inventory", "team som förvaltar", "teams maintaining it"),
    FactSpec("classification", "inventory", "informationsklass (0–3)", "classification (0–3)"),
    FactSpec("personal_data", "inventory", "personuppgifter (0–2)", "personal data (0–2)"),
    FactSpec(
        "vendor_eol_months",
        "inventory",
        "månader till leverantörens slutdatum",
        "months to vendor end of life",
        "months",
    ),
    FactSpec("integrations", "integrations", "integrationer", "integrations"),
    FactSpec(
        "manual_rekeying", "integrations", "manuella överföringar", "manual re-keying integrations"
    ),
    FactSpec("tech_components", "endoflife", "teknikkomponenter", "technology components"),
    FactSpec(
        "eol_months",
        "endoflife",
        "månader till end of life (närmaste)",
        "months to end of life (nearest)",
        "months",
    ),
    FactSpec(
        "eos_months",
        "endoflife",
        "månader till slut på support (närmaste)",
        "months to end of support (nearest)",
        "months",
    ),
    FactSpec("lifecycle_risk", "endoflife", "livscykelrisk (0–100)", "lifecycle risk (0–100)"),
    FactSpec(
        "eol_unmatched",
        "endoflife",
        "komponenter utan livscykeldata",
        "components without lifecycle data",
    ),
    FactSpec(
        "contract_end_months",
        "contracts",
        "månader till avtalsslut",
        "months to contract end",
        "months",
    ),
    FactSpec("lock_in", "contracts", "inlåsning i avtal (0–1)", "contract lock-in (0–1)"),
    FactSpec("libyear", "sbom", "libyear", "libyear", "years"),
    FactSpec("sbom_components", "sbom", "beroenden i SBOM", "dependencies in SBOM"),
    FactSpec("libyear_coverage", "sbom", "andel daterade beroenden", "share of dated dependencies"),
    FactSpec(
        "oldest_unapplied_days",
        "sbom",
        "äldsta ej införda release (dagar)",
        "oldest unapplied release (days)",
        "days",
    ),
    FactSpec("hotspot_index", "repo", "hotspot-index (0–1)", "hotspot index (0–1)"),
    FactSpec("top_author_share", "repo", "största utvecklarens andel", "top author's share"),
    FactSpec("bus_factor", "repo", "bussfaktor", "bus factor"),
    FactSpec("days_since_commit", "repo", "dagar sedan senaste ändring", "days since last change"),
    FactSpec(
        "tech_criteria_missing",
        "inventory",
        "saknade förvaltningskriterier (MoJ, 0–7)",
        "missing management criteria (MoJ, 0–7)",
    ),
    FactSpec("medium_risks", "inventory", "medelhöga säkerhetsrisker", "medium security risks"),
    FactSpec("high_risks", "inventory", "höga säkerhetsrisker", "high security risks"),
    FactSpec(
        "legal_change_months",
        "inventory",
        "månader till lagändring",
        "months to legal change",
        "months",
    ),
    FactSpec("retirement_planned", "inventory", "avvecklingsplan finns", "retirement planned"),
]
FACTS: dict[str, FactSpec] = {spec.key: spec for spec in _SPECS}
