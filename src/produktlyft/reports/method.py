"""The method appendix: how each section's numbers were computed, with the parameters in force."""

from __future__ import annotations

from produktlyft.analytics.duplicates import DuplicateSettings
from produktlyft.analytics.endoflife import EOS_RISK_WEIGHT, RISK_HORIZON_MONTHS
from produktlyft.reports.sections import ReportContext

_NOTES: dict[str, dict[str, list[str]]] = {
    "sv": {
        "summary": [
            "Årlig kostnad = driftkostnad + licenskostnad per system enligt inventeringen; "
            "system utan kostnad räknas inte in och syns som saknade uppgifter.",
            "Hindren ordnas efter den årliga kostnad som berörs: systemens kostnad för teknik "
            "utan support och för inlåsta avtal, den frigörbara kostnaden för dubbletter; "
            "hinder utan känd kostnad kommer sist.",
            "Inlåst avtal = varje känt tecken på inlåsning finns (ingen exitklausul, "
            "leverantören äger koden, inget format för återlämning av data, uppsägningstid "
            "minst 12 månader, löptid minst fem år) och minst fyra är kända.",
        ],
        "ranking": [
            "Varje indata skalas till 1–10 som i ServiceNow: n = (x − min)/(max − min)·9 + 1. "
            "Prioritet = Σ n·w / Σ w över kända indata; vikter: {impact}.",
            "Säkerhet = andelen av vikten som vilar på kända uppgifter; skickets vikt räknas "
            "bara i den mån profilens egen säkerhet räcker.",
            "Känslighet: varje vikt flyttas −20 % och +20 % en i taget ({scenarios} scenarier); "
            "stabil om platsen varierar högst max(2, 5 % av antalet system).",
        ],
        "condition": [
            "Profil {profile}. Anpassad profil: viktat medel av indikatorer skalade 1–10 "
            "(vikter: {custom}); saknade indikatorer utesluts och sänker säkerheten.",
            "TIME: verksamhetsstöd högt = medel ≥ 1,5 på 0–3; tekniskt skick högt = bedömd "
            "lämplighet ≥ 2 och ingen komponent efter end of life. MoJ: People/Technology/"
            "Atrophy med MoJ:s trösklar. Danska modellen: sex dimensioner, otillräckligt om "
            "medel < 5,5 eller någon dimension < 4.",
        ],
        "technology": [
            "Komponenter matchas mot endoflife.date (ögonblicksbild {snapshot}) på produktnamn, "
            "alias och versionsprefix (längsta releasecykel som är prefix av versionen).",
            "Livscykelrisk 0–100: 100 om milstolpen passerats, 0 om den ligger mer än "
            "{horizon} månader bort, linjärt däremellan; slut på support väger {eos} av end of "
            "life. Omatchade komponenter räknas som okända, aldrig som stödda.",
            "libyear från SBOM = summan av år mellan använd och nyaste release för de "
            "komponenter som har datum (från SBOM eller ögonblicksbilden); täckningen anges.",
        ],
        "duplicates": [
            "Tre lager: (1) cosinus av förmågor och funktionella taggar viktade med IDF, "
            "(2) delade dataobjekt (0,8) och integrationspartner (0,2), (3) cosinus av "
            "TF-IDF på teckengram 3–5 av namn och beskrivning.",
            "Poäng = {weights} · lagren; förslag från {threshold}. Kandidater jämförs bara "
            "inom block (gemensamma ovanliga teckengram, förmågor, data eller partner, högst "
            "{block} system per block). Avvisade par föreslås aldrig igen.",
            "Frigörbar kostnad = summan per grupp av överlappande system minus det dyraste "
            "systemet i gruppen.",
        ],
        "lock_in": ["Se sammanfattningen: alla kända inlåsningstecken finns, minst fyra kända."],
        "manual": ["Integrationer av typen manuell överföring i inventeringen."],
        "heatmap": [
            "Förmågor ordnas efter medelprioriteten för sina system; system utan bedömning "
            "räknas i kolumnen okänd och utesluts ur medelvärden (som i ServiceNow).",
        ],
        "confidence": [
            "Säkerheten per system = andelen av vikten i profilen och rangordningen som vilar "
            "på kända uppgifter. Saknade uppgifter räknas aldrig som bra.",
        ],
    },
    "en": {
        "summary": [
            "Annual cost = operating + licence cost per system from the inventory; systems "
            "without a cost are not counted and show as missing facts.",
            "Obstacles are ordered by the yearly cost at stake: the cost of systems on "
            "unsupported technology and under locked-in contracts, the cost duplicates could "
            "free; obstacles without a known cost come last.",
            "A locked-in contract shows every known sign of lock-in (no exit clause, the "
            "supplier owns the code, no data-return format, notice of 12 months or more, a "
            "term of five years or more), with at least four of them known.",
        ],
        "ranking": [
            "Each input is scaled to 1–10 as in ServiceNow: n = (x − min)/(max − min)·9 + 1. "
            "Priority = Σ n·w / Σ w over known inputs; weights: {impact}.",
            "Confidence = the share of the weight that rests on known facts; the condition's "
            "weight counts only as far as the profile's own confidence goes.",
            "Sensitivity: each weight is moved −20 % and +20 % one at a time ({scenarios} "
            "scenarios); stable if the rank varies by at most max(2, 5 % of the systems).",
        ],
        "condition": [
            "Profile {profile}. Custom profile: weighted mean of indicators scaled 1–10 "
            "(weights: {custom}); missing indicators are left out and lower the confidence.",
            "TIME: functional fit high = mean ≥ 1.5 on 0–3; technical condition high = assessed "
            "fit ≥ 2 and no component past end of life. MoJ: People/Technology/Atrophy with "
            "the MoJ thresholds. Danish model: six dimensions, insufficient if the mean is "
            "under 5.5 or any dimension under 4.",
        ],
        "technology": [
            "Components are matched to endoflife.date (snapshot {snapshot}) by product name, "
            "alias and version prefix (the longest release cycle that prefixes the version).",
            "Lifecycle risk 0–100: 100 once the milestone has passed, 0 when it is more than "
            "{horizon} months away, linear between; end of support weighs {eos} of end of "
            "life. Unmatched components count as unknown, never as supported.",
            "libyear from an SBOM = the sum of years between the release used and the newest "
            "release, for components with dates (from the SBOM or the snapshot); coverage is "
            "stated.",
        ],
        "duplicates": [
            "Three layers: (1) cosine of capabilities and functional tags weighted by IDF, "
            "(2) shared data objects (0.8) and integration partners (0.2), (3) cosine of "
            "TF-IDF on character 3–5-grams of name and description.",
            "Score = {weights} · the layers; suggested from {threshold}. Candidates are "
            "compared only within blocks (shared rare n-grams, capabilities, data or partners, "
            "at most {block} systems per block). Rejected pairs are never suggested again.",
            "Cost that could be freed = per group of overlapping systems, their total cost "
            "minus the dearest system's.",
        ],
        "lock_in": ["See the summary: every known sign of lock-in, with at least four known."],
        "manual": ["Integrations of kind manual re-keying in the inventory."],
        "heatmap": [
            "Capabilities are ordered by the mean priority of their systems; systems without "
            "an assessment count in the unknown column and are left out of means (as in "
            "ServiceNow).",
        ],
        "confidence": [
            "Confidence per system = the share of the profile's and the ranking's weight that "
            "rests on known facts. Missing facts never count as good.",
        ],
    },
}


def _weights(values: object) -> str:
    if not isinstance(values, dict):
        return "–"
    return ", ".join(f"{k} {v:g}" for k, v in values.items())


def method_notes(rc: ReportContext, section: str) -> list[str]:
    run = rc.data.run
    settings = DuplicateSettings()
    values = {
        "impact": _weights(run.weights.get("impact")),
        "custom": _weights(run.weights.get("custom")),
        "profile": run.profile,
        "scenarios": run.summary.get("sensitivity_scenarios", "?"),
        "snapshot": run.eol_snapshot.isoformat(),
        "horizon": f"{RISK_HORIZON_MONTHS:g}", "eos": f"{EOS_RISK_WEIGHT:g}",
        "weights": "(" + ", ".join(f"{w:g}" for w in settings.weights) + ")",
        "threshold": f"{settings.threshold:g}", "block": settings.max_block,
    }
    notes = _NOTES.get(rc.lang, _NOTES["en"]).get(section, [])
    return [note.format(**values) for note in notes]
