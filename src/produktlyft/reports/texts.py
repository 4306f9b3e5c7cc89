"""The report's own words, keyed by language. They move into the `review` gettext catalogue in
one step when the i18n package lands; until then this is the one place to translate."""

from __future__ import annotations

from typing import Any

TEXTS: dict[str, dict[str, str]] = {
    "sv": {
        "title": "Genomlysning av IT-landskapet",
        "subtitle": "{organisation} – underlag för ledningen, {date}",
        "summary": "Sammanfattning",
        "intro": "Genomlysningen omfattar {systems} system som tillsammans kostar {cost} per år. "
                 "Uppgifterna är till {confidence} kompletta; där något saknas syns det, och "
                 "ingen bedömning bygger på gissningar.",
        "obstacles": "De tre största hindren",
        "obstacle.unsupported_technology": "{count} system kör teknik som inte längre får "
            "säkerhetsuppdateringar",
        "obstacle.unsupported_technology.cost": "De kostar tillsammans {cost} per år.",
        "obstacle.duplicates": "{count} par av system gör samma sak",
        "obstacle.duplicates.cost": "Att behålla ett system per grupp skulle frigöra "
            "uppskattningsvis {cost} per år.",
        "obstacle.lock_in": "{count} avtal låser in kommunen hos leverantören",
        "obstacle.lock_in.cost": "Systemen de omfattar kostar {cost} per år.",
        "obstacle.manual_rekeying": "{count} integrationer sker genom att personal skriver "
            "av uppgifter för hand",
        "obstacle.manual_rekeying.cost": "Kostnaden i arbetstid är ännu inte mätt.",
        "example.unsupported_technology": "{name} kör {component} (end of life {eol})",
        "example.duplicates": "{a} och {b}",
        "example.lock_in": "{name} med {supplier} till {end}, omfattar {systems}",
        "example.manual_rekeying": "från {source} till {target}",
        "for_example": "Till exempel:",
        "start": "Här börjar vi",
        "start.intro": "Rangordningen väger samman tekniskt skick, kritikalitet, kostnad, "
            "användare och inlåsning. Först ut:",
        "start.uncertain": "{count} system har för lite uppgifter för en säker bedömning; "
            "att komplettera dem är ett första steg i sig.",
        "costs": "Vad dagens läge kostar",
        "costs.text": "Systemen kostar {total} per år. Av det går {unsupported} till system på "
            "teknik utan support, och överlappande system kostar uppskattningsvis {duplicates} "
            "per år som skulle kunna frigöras.",
        "ranking": "Rangordning: var förändring gör störst skillnad",
        "ranking.text": "De 15 system som bör åtgärdas först. Känslighetsanalysen flyttar varje "
            "vikt ±20 %; intervallet visar vilka placeringar systemet kan få.",
        "condition": "Tekniskt skick",
        "condition.text": "Systemen per skick enligt profilen {profile} (grön 7–10, gul 4–7, "
            "röd under 4, grå = går inte att bedöma).",
        "technology": "Teknik och livscykel",
        "technology.text": "{matched} av {components} teknikkomponenter matchades mot "
            "endoflife.date (ögonblicksbild {snapshot}); {past} har passerat end of life. "
            "Komponenter utan träff visas som omatchade.",
        "duplicates": "Överlappande system",
        "duplicates.text": "{pairs} par i {clusters} grupper. Förslagen bygger på delade "
            "förmågor, delad data och integrationer samt liknande namn och beskrivningar.",
        "lock_in": "Inlåsning i avtal",
        "manual": "Manuella överföringar",
        "heatmap": "Förmågor och skick",
        "heatmap.text": "Antal system per förmåga och skick, för de 25 förmågor som bör "
            "prioriteras.",
        "confidence": "Datakvalitet och säkerhet",
        "confidence.text": "Säkerheten är andelen av de uppgifter bedömningen behöver som "
            "finns. Genomsnittet är {confidence}.",
        "method": "Metodbilaga",
        "method.intro": "Så räknades varje siffra i rapporten.",
        "table": "Tabell",
        "col.rank": "Plats", "col.system": "System", "col.score": "Prioritet (1–10)",
        "col.confidence": "Säkerhet", "col.range": "Placering ±20 %", "col.reason": "Skäl",
        "col.band": "Skick", "col.count": "Antal system", "col.component": "Komponent",
        "col.version": "Version", "col.status": "Status", "col.eol": "End of life",
        "col.months": "Månader kvar", "col.systems": "System", "col.pair": "Par",
        "col.layers": "Lager", "col.contract": "Avtal", "col.supplier": "Leverantör",
        "col.end": "Slutar", "col.signals": "Tecken på inlåsning", "col.from": "Från",
        "col.to": "Till", "col.capability": "Förmåga", "col.cost": "Kostnad per år",
        "col.share": "Andel",
        "band.red": "röd", "band.amber": "gul", "band.green": "grön", "band.unknown": "okänd",
        "status.matched": "matchad", "status.no_dates": "datum saknas",
        "status.unmatched_cycle": "version okänd", "status.unmatched_product": "omatchad",
        "status.no_version": "version saknas",
        "source": "Källa: produktlyft, genomlysning {run} ({date}). Livscykeldata: "
            "endoflife.date (MIT).",
        "page": "Sida",
    },
    "en": {
        "title": "Review of the IT landscape",
        "subtitle": "{organisation} – for the leadership, {date}",
        "summary": "Summary",
        "intro": "The review covers {systems} systems that together cost {cost} a year. The "
                 "facts are {confidence} complete; where something is missing it shows, and "
                 "no judgement rests on guesses.",
        "obstacles": "The three biggest obstacles",
        "obstacle.unsupported_technology": "{count} systems run technology that no longer "
            "gets security updates",
        "obstacle.unsupported_technology.cost": "Together they cost {cost} a year.",
        "obstacle.duplicates": "{count} pairs of systems do the same job",
        "obstacle.duplicates.cost": "Keeping one system per group would free an estimated "
            "{cost} a year.",
        "obstacle.lock_in": "{count} contracts lock the organisation in with its supplier",
        "obstacle.lock_in.cost": "The systems they cover cost {cost} a year.",
        "obstacle.manual_rekeying": "{count} integrations are staff re-typing data by hand",
        "obstacle.manual_rekeying.cost": "Their cost in working time is not measured yet.",
        "example.unsupported_technology": "{name} runs {component} (end of life {eol})",
        "example.duplicates": "{a} and {b}",
        "example.lock_in": "{name} with {supplier} until {end}, covering {systems}",
        "example.manual_rekeying": "from {source} to {target}",
        "for_example": "For example:",
        "start": "Where to start",
        "start.intro": "The ranking weighs technical condition, criticality, cost, users and "
            "lock-in together. First:",
        "start.uncertain": "{count} systems have too few facts for a sure judgement; "
            "completing them is a first step in itself.",
        "costs": "What the current state costs",
        "costs.text": "The systems cost {total} a year. Of that, {unsupported} goes to systems "
            "on unsupported technology, and overlapping systems cost an estimated "
            "{duplicates} a year that could be freed.",
        "ranking": "Ranking: where change makes the biggest difference",
        "ranking.text": "The 15 systems to act on first. The sensitivity analysis moves every "
            "weight by ±20 %; the range shows the places a system can take.",
        "condition": "Technical condition",
        "condition.text": "Systems by condition under the {profile} profile (green 7–10, "
            "amber 4–7, red under 4, grey = cannot be assessed).",
        "technology": "Technology and lifecycle",
        "technology.text": "{matched} of {components} technology components matched "
            "endoflife.date (snapshot {snapshot}); {past} are past end of life. Components "
            "without a match are shown as unmatched.",
        "duplicates": "Overlapping systems",
        "duplicates.text": "{pairs} pairs in {clusters} groups, suggested from shared "
            "capabilities, shared data and integrations, and similar names and descriptions.",
        "lock_in": "Contract lock-in",
        "manual": "Manual re-keying",
        "heatmap": "Capabilities and condition",
        "heatmap.text": "Systems per capability and condition, for the 25 capabilities to "
            "prioritise.",
        "confidence": "Data quality and confidence",
        "confidence.text": "Confidence is the share of the facts an assessment needs that are "
            "known. The average is {confidence}.",
        "method": "Method appendix",
        "method.intro": "How every figure in this report was computed.",
        "table": "Table",
        "col.rank": "Rank", "col.system": "System", "col.score": "Priority (1–10)",
        "col.confidence": "Confidence", "col.range": "Rank ±20 %", "col.reason": "Reason",
        "col.band": "Condition", "col.count": "Systems", "col.component": "Component",
        "col.version": "Version", "col.status": "Status", "col.eol": "End of life",
        "col.months": "Months left", "col.systems": "Systems", "col.pair": "Pair",
        "col.layers": "Layers", "col.contract": "Contract", "col.supplier": "Supplier",
        "col.end": "Ends", "col.signals": "Signs of lock-in", "col.from": "From",
        "col.to": "To", "col.capability": "Capability", "col.cost": "Cost a year",
        "col.share": "Share",
        "band.red": "red", "band.amber": "amber", "band.green": "green",
        "band.unknown": "unknown",
        "status.matched": "matched", "status.no_dates": "no dates",
        "status.unmatched_cycle": "version unknown", "status.unmatched_product": "unmatched",
        "status.no_version": "no version",
        "source": "Source: produktlyft, review {run} ({date}). Lifecycle data: endoflife.date "
            "(MIT).",
        "page": "Page",
    },
}


def t(lang: str, key: str, **values: Any) -> str:
    table = TEXTS.get(lang, TEXTS["en"])
    return table[key].format(**values) if values else table[key]
