"""The method appendix: how each section's numbers were computed, with the parameters in force."""

from __future__ import annotations

from produktlyft.kernel.i18n import N_, format_number, gettext
from produktlyft.kernel.report.sections import ReportContext
from produktlyft.review.analysis.duplicates import DuplicateSettings
from produktlyft.review.analysis.duplicates_signals import load_vocabulary
from produktlyft.review.analysis.endoflife import EOS_RISK_WEIGHT, RISK_HORIZON_MONTHS
from produktlyft.review.report_frame import report_data

NOTES: dict[str, list[str]] = {  # English ids; Swedish in review.po
    "summary": [
        N_(
            "Annual cost = operating + licence cost per system from the inventory; systems "
            "without a cost are not counted and show as missing facts."
        ),
        N_(
            "Obstacles are ordered by the yearly cost at stake: the cost of systems on "
            "unsupported technology and under locked-in contracts, the cost duplicates could "
            "free; obstacles without a known cost come last."
        ),
        N_(
            "A locked-in contract shows every known sign of lock-in (no exit clause, the "
            "supplier owns the code, no data-return format, notice of 12 months or more, a "
            "term of five years or more), with at least four of them known."
        ),
    ],
    "ranking": [
        N_(
            "Each input is scaled to 1–10 as in ServiceNow: n = (x − min)/(max − min)·9 + 1. "
            "Priority = Σ n·w / Σ w over known inputs; weights: {impact}."
        ),
        N_(
            "Confidence = the share of the weight that rests on known facts; the condition's "
            "weight counts only as far as the profile's own confidence goes."
        ),
        N_(
            "Sensitivity: each weight is moved −20 % and +20 % one at a time ({scenarios} "
            "scenarios) and each missing input is put at its worst and its best; stable if the "
            "rank varies by at most max(2, 5 % of the systems). A system with less than half "
            "of its inputs known is too little known to judge and is listed after the others."
        ),
        N_(
            "Workflow pain, where event-log activities are mapped to systems: the citizen days "
            "a year of the logs' findings, split over their activities and systems, on a log "
            "scale from no pain. Systems no log covers are neither helped nor penalised."
        ),
    ],
    "condition": [
        N_(
            "Profile {profile}. Custom profile: weighted mean of indicators scaled 1–10 "
            "(weights: {custom}); missing indicators are left out and lower the confidence."
        ),
        N_(
            "TIME: functional fit high = mean ≥ 1.5 on 0–3; technical condition high = "
            "assessed fit ≥ 2 and no component past end of life. MoJ: "
            "People/Technology/Atrophy with the MoJ thresholds. Danish model: six dimensions, "
            "insufficient if the mean is under 5.5 or any dimension under 4."
        ),
    ],
    "technology": [
        N_(
            "Components are matched to endoflife.date (snapshot {snapshot}) by product name, "
            "alias and version prefix (the longest release cycle that prefixes the version)."
        ),
        N_(
            "Lifecycle risk 0–100: 100 once the milestone has passed, 0 when it is more than "
            "{horizon} months away, linear between; end of support weighs {eos} of end of "
            "life. Unmatched components count as unknown, never as supported."
        ),
        N_(
            "libyear from an SBOM = the sum of years between the release used and the newest "
            "release, for components with dates (from the SBOM or the snapshot); coverage is "
            "stated."
        ),
    ],
    "duplicates": [
        N_(
            "Three layers: (1) cosine of capabilities and functional tags weighted by IDF, "
            "(2) shared data objects (0.8) and integration partners (0.2), (3) cosine of "
            "TF-IDF on character 3–5-grams of name and description."
        ),
        N_(
            "Score = {weights} · the layers; suggested from {threshold}. Candidates are "
            "compared only within blocks (shared rare n-grams, capabilities, data or "
            "partners, at most {block} systems per block). Rejected pairs are never suggested "
            "again."
        ),
        N_(
            "Cost that could be freed = per group of overlapping systems, their total cost "
            "minus the dearest system's."
        ),
    ],
    # the signals model (ADR 0023), which inventories without functional tags are reviewed with
    "duplicates_signals": [
        N_(
            "Signals model: each candidate pair is described by signals: shared capabilities, "
            "data and integrations; similar names and descriptions (Swedish stemming and "
            "compound splitting, weighted by rarity); the same public-sector function ({functions} "
            "functions in the shipped vocabulary); the same known product ({products} products "
            "in the catalogue); the same role; a home-grown tool for the same function; each "
            "other's best match, and by how far; and coming from different parts of the "
            "organisation. A system "
            "feeding the other, complementary roles and an e-service, report, viewer or archive "
            "beside its main system count against a pair."
        ),
        N_(
            "{weights_source} {cut} Candidates are compared only within blocks (shared "
            "rare words, function, product, capabilities, data or partners). Rejected pairs are "
            "never suggested again."
        ),
        N_(
            "Cost that could be freed = per group of overlapping systems, their total cost "
            "minus the dearest system's."
        ),
    ],
    "lock_in": [
        N_("See the summary: every known sign of lock-in, with at least four known."),
    ],
    "manual": [
        N_("Integrations of kind manual re-keying in the inventory."),
    ],
    "heatmap": [
        N_(
            "Capabilities are ordered by the mean priority of their systems; systems without "
            "an assessment count in the unknown column and are left out of means (as in "
            "ServiceNow)."
        ),
    ],
    "confidence": [
        N_(
            "Confidence per system = the share of the profile's and the ranking's weight that "
            "rests on known facts. Missing facts never count as good."
        ),
    ],
}


def _weights(values: object) -> str:
    if not isinstance(values, dict):
        return "–"
    return ", ".join(f"{k} {v:g}" for k, v in values.items())


def _or_unknown(value: int | None) -> str:
    return "?" if value is None else str(value)


MODEL_TREES = N_(
    "Probability = boosted decision trees over the signals, fitted on the demo organisation "
    "and twelve labelled inventories; each signal keeps its direction (evidence for a twin can "
    "only raise the score, evidence against only lower it)."
)
MODEL_TREES_ADJUSTED = N_(
    "Probability = boosted decision trees over the signals, fitted on the demo organisation "
    "and twelve labelled inventories, their score adjusted to {pairs} pairs this organisation "
    "decided; each signal keeps its direction (evidence for a twin can only raise the score, "
    "evidence against only lower it)."
)
WEIGHTS_SHIPPED = N_(
    "Probability = a logistic model over the signals with the shipped weights, fitted on the "
    "demo organisation and three labelled inventories."
)
WEIGHTS_ADJUSTED = N_(
    "Probability = a logistic model over the signals, its weights adjusted to {pairs} pairs "
    "this organisation decided."
)


def _model_source(rc: ReportContext, trees: bool | None, adjusted: int | None) -> str:
    """How the pairs were scored: the shipped trees, this organisation's re-fitted weights,
    or the shipped logistic weights (with an embedding model, or in runs stored before)."""
    if adjusted is not None:
        note = MODEL_TREES_ADJUSTED if trees else WEIGHTS_ADJUSTED
        return gettext(note, rc.lang).format(pairs=adjusted)
    return gettext(MODEL_TREES if trees else WEIGHTS_SHIPPED, rc.lang)


# how the latest review chose the score pairs are suggested from (RunSummary.duplicate_cut;
# runs stored before it was recorded were cut by expected F1)
CUT_SENTENCES = {
    "fixed": N_(
        "Pairs are suggested from {threshold}, the score at which the model's list had the "
        "best F1 on the labelled inventories it was fitted on, the same for every inventory."
    ),
    "expected_f1": N_(
        "Pairs are suggested from {threshold}, the score at which this inventory's list has "
        "the best expected F1 (the probabilities calibrated on labelled inventories, never "
        "below a 30 % chance of a twin)."
    ),
}


def method_notes(rc: ReportContext, section: str) -> list[str]:
    run = report_data(rc).run
    settings = DuplicateSettings()
    if section == "duplicates" and run.summary.duplicate_model == "signals":
        section = "duplicates_signals"
    adjusted = run.summary.duplicate_weights_pairs
    vocabulary = load_vocabulary()
    values = {
        "impact": _weights(run.weights.get("impact")),
        "custom": _weights(run.weights.get("custom")),
        "profile": run.profile,
        "scenarios": _or_unknown(run.summary.sensitivity_scenarios),
        "snapshot": run.eol_snapshot.isoformat(),
        "horizon": f"{RISK_HORIZON_MONTHS:g}",
        "eos": f"{EOS_RISK_WEIGHT:g}",
        "weights": "(" + ", ".join(f"{w:g}" for w in settings.layer_weights) + ")",
        "block": settings.max_block,
        "functions": len(vocabulary.functions),
        "products": len({p.product for p in vocabulary.products.values()}),
        "threshold": format_number(
            run.summary.duplicate_threshold or settings.layer_threshold, rc.lang, digits=3
        ),
        "weights_source": _model_source(rc, run.summary.duplicate_trees, adjusted),
    }
    sentence = CUT_SENTENCES[run.summary.duplicate_cut or "expected_f1"]
    values["cut"] = gettext(sentence, rc.lang).format(threshold=values["threshold"])
    return [gettext(note, rc.lang).format(**values) for note in NOTES.get(section, [])]
