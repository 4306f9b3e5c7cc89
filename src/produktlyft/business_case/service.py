"""Business cases: draft one from an initiative, keep it, change its ranges, appraise it
(deterministic economic case, Monte Carlo, switching values, tornado) and export it."""

from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path
from typing import TypeAlias

from produktlyft.business_case.analysis.appraisal import CaseAnalysis, analyse
from produktlyft.business_case.analysis.delay_cost import delay_cost
from produktlyft.business_case.analysis.draft_case import Setting, Subject, draft_case
from produktlyft.business_case.analysis.drafting import DraftInputs, SystemFacts
from produktlyft.business_case.analysis.packs import load_pack
from produktlyft.business_case.analysis.validation import case_issues
from produktlyft.business_case.model import Benefit, Case, CaseSummary, Range, SubjectKind
from produktlyft.business_case.repository import BusinessCaseRepository
from produktlyft.kernel.access import Permission
from produktlyft.kernel.context import ServiceContext
from produktlyft.kernel.errors import InvalidInput, Issue, NotFound, wording
from produktlyft.roadmap.model import Initiative
from produktlyft.roadmap.service import (
    get_initiative,
    list_initiatives,
    list_phases,
    set_derived_cost_of_delay,
)

# what `case_analysis` returns, by the name the entry points use for it
CaseResult: TypeAlias = CaseAnalysis


def _review_facts(ctx: ServiceContext, wanted: list[str]) -> list[SystemFacts]:
    """Run cost, the nearest end of life and the duplicate group of each named system, from
    the latest review (none when there is no review yet)."""
    from produktlyft.review.services.run import latest_review

    try:
        run = latest_review(ctx)
    except NotFound:
        return []
    results = {s.system_id: s for s in run.systems}
    clusters: dict[int, set[str]] = {}
    for pair in run.duplicates:
        clusters.setdefault(pair.cluster, set()).update((pair.system_a, pair.system_b))
    facts = []
    for system_id in wanted:
        result = results.get(system_id)
        if result is None:
            continue
        eol = next((e for e in result.evidence if e.fact == "eol_months" and e.detail_date), None)
        group = next((members for members in clusters.values() if system_id in members), set())
        costs = [results[m].annual_cost or 0.0 for m in group if m in results]
        facts.append(
            SystemFacts(
                id=system_id,
                name=result.name,
                annual_cost=result.annual_cost,
                eol_component=eol.detail if eol else None,
                eol_date=eol.detail_date if eol else None,
                duplicates=tuple(
                    sorted(results[m].name for m in group - {system_id} if m in results)
                ),
                duplicate_saving=sum(costs) - max(costs) if len(costs) > 1 else 0.0,
            )
        )
    return facts


def _citizen_days(ctx: ServiceContext, wanted: list[str]) -> float:
    from produktlyft.workflows.services.analysis import workflow_pain_by_system

    pain = workflow_pain_by_system(ctx)
    return sum(pain.get(system_id, 0.0) for system_id in wanted)


def gather_facts(
    ctx: ServiceContext, initiatives: list[Initiative], lang: str = "sv"
) -> list[DraftInputs]:
    """What the review, the workflows and the culture survey say about each initiative (the
    culture readiness once, with the first)."""
    from produktlyft.surveys.services.culture_summary import culture_summary

    culture = culture_summary(ctx, lang)
    return [
        DraftInputs(
            initiative=initiative,
            systems=_review_facts(ctx, initiative.system_ids),
            citizen_days=_citizen_days(ctx, initiative.system_ids),
            culture_round=culture.round_title if index == 0 else None,
            culture_scales=[(s.name, s.mean) for s in culture.scales if s.mean is not None],
        )
        for index, initiative in enumerate(initiatives)
    ]


def _subject(
    ctx: ServiceContext, initiative_id: str | None, phase_id: str | None
) -> tuple[Subject, list[Initiative]]:
    """What the case is about: one initiative, or a roadmap phase and its initiatives."""
    if phase_id is None:
        if initiative_id is None:
            raise InvalidInput(
                [Issue(message="name an initiative or a phase", column="initiative")]
            )
        initiative = get_initiative(ctx, initiative_id)
        subject = Subject(SubjectKind.INITIATIVE, initiative.id, initiative.name)
        return subject, [initiative]
    phase = next((p for p in list_phases(ctx) if p.id == phase_id), None)
    if phase is None or not phase.initiative_ids:
        raise NotFound(f"the latest plan has no phase '{phase_id}' with initiatives")
    initiatives = [get_initiative(ctx, i) for i in phase.initiative_ids]
    return Subject(SubjectKind.PHASE, phase.id, phase.name), initiatives


def case_seed(case_id: str) -> int:
    """A fixed seed per case, from its id, so its figures reproduce."""
    return int(
        hashlib.sha256(case_id.encode("utf-8")).hexdigest()[:7], 16
    )  # < 2**31: an INTEGER column


def _check(case: Case) -> None:
    load_pack(case.country_pack)  # an unknown pack is named
    issues = case_issues(case)
    if issues:
        raise InvalidInput(issues)


def create_case(
    ctx: ServiceContext,
    initiative_id: str | None = None,
    *,
    phase_id: str | None = None,
    country_pack: str = "se",
    price_base_year: int | None = None,
    lang: str = "sv",
) -> Case:
    """Draft and store a case for an initiative (or a roadmap phase); its id is
    `case-<initiative or phase id>` (with a number added when that is taken)."""
    ctx.actor.require(Permission.EDIT)
    ctx.database.require_current()
    pack = load_pack(country_pack)
    subject, initiatives = _subject(ctx, initiative_id, phase_id)
    parts = gather_facts(ctx, initiatives, lang)
    with ctx.database.unit_of_work() as uow:
        repo = uow.repo(BusinessCaseRepository)
        case_id = f"case-{subject.id}"
        number = 1
        while repo.exists(case_id):
            number += 1
            case_id = f"case-{subject.id}-{number}"
        setting = Setting(
            case_id=case_id,
            pack_id=pack.id,
            pack_version=pack.version,
            price_base_year=price_base_year or ctx.today().year,
            horizon=pack.horizon_years,
            seed=case_seed(case_id),
            lang=lang,
        )
        case = draft_case(subject, parts, setting)
        _check(case)
        version = repo.save(case, ctx.actor.name, ctx.today())
    _plan_with_cost_of_delay(ctx, case)
    return case.model_copy(update={"row_version": version, "created_on": ctx.today()})


def save_case(ctx: ServiceContext, case: Case) -> Case:
    """Store a whole case (checked first: nothing is written when anything is wrong)."""
    ctx.actor.require(Permission.EDIT)
    ctx.database.require_current()
    _check(case)
    with ctx.database.unit_of_work() as uow:
        version = uow.repo(BusinessCaseRepository).save(case, ctx.actor.name, ctx.today())
    _plan_with_cost_of_delay(ctx, case)
    return case.model_copy(update={"row_version": version})


def _plan_with_cost_of_delay(ctx: ServiceContext, case: Case) -> None:
    """The roadmap plans the case's initiative with what a week's delay costs its benefits
    (a phase's case covers several initiatives and leaves theirs as they are)."""
    if case.subject_kind is not SubjectKind.INITIATIVE:
        return
    cost = delay_cost(case, load_pack(case.country_pack))
    if cost is None:
        return
    basis = {
        "code": "business_case",
        "parts": "business_case",
        "case": case.id,
        "case_name": case.name,
        "option": cost.option_id,
        "business_case_per_year": f"{cost.slipping_per_year:.0f}",
    }
    set_derived_cost_of_delay(ctx, case.subject_id, cost.per_week, basis)


def get_case(ctx: ServiceContext, case_id: str) -> Case:
    ctx.actor.require(Permission.READ)
    ctx.database.require_current()
    with ctx.database.reading() as uow:
        case = uow.repo(BusinessCaseRepository).get(case_id)
    if case is None:
        raise NotFound(f"no business case with id '{case_id}'")
    return case


def list_cases(ctx: ServiceContext) -> list[CaseSummary]:
    ctx.actor.require(Permission.READ)
    ctx.database.require_current()
    with ctx.database.reading() as uow:
        return uow.repo(BusinessCaseRepository).summaries()


def list_benefits(ctx: ServiceContext) -> list[Benefit]:
    """Every case's benefits-realisation records (owner, measure, baseline, target, due,
    metric), for the outcomes area to follow up."""
    ctx.actor.require(Permission.READ)
    ctx.database.require_current()
    with ctx.database.reading() as uow:
        return uow.repo(BusinessCaseRepository).benefits()


BENEFIT_FIELDS = ("owner", "measure", "baseline", "target", "unit", "due", "metric")


def _benefit_number(text: str, field: str, issues: list[Issue]) -> float | None:
    try:
        return float(text.replace(",", ".").replace(" ", "")) if text.strip() else None
    except ValueError:
        issues.append(Issue.worded(wording("'{v}' is not a number", v=text), column=field))
        return None


def _benefit_date(text: str, issues: list[Issue]) -> date | None:
    try:
        return date.fromisoformat(text.strip()) if text.strip() else None
    except ValueError:
        issues.append(Issue.worded(wording("give the date as 2026-12-31"), column="due"))
        return None


def benefit_from_fields(current: Benefit, fields: dict[str, str]) -> Benefit:
    """The benefit with the given fields (by name, as text) changed; an empty text clears a
    field. Every bad field is named; nothing is changed when any is bad."""
    issues: list[Issue] = []
    changes: dict[str, object] = {}
    for name, text in fields.items():
        if name in ("baseline", "target"):
            changes[name] = _benefit_number(text, name, issues)
        elif name == "due":
            changes[name] = _benefit_date(text, issues)
        elif name in BENEFIT_FIELDS:
            changes[name] = text.strip() or None
        else:
            issues.append(Issue.worded(wording("unknown field"), column=name))
    metric = changes.get("metric", current.metric)
    if isinstance(metric, str) and not metric.startswith(("kpi:", "team:")):
        issues.append(
            Issue.worded(
                wording("a measure key is kpi:<service>:<kpi> or team:<team>:<metric>"),
                column="metric",
            )
        )
    if issues:
        raise InvalidInput(issues)
    return current.model_copy(update=changes)


def _benefit_index(case: Case, benefit: str) -> int:
    """A benefit by its number (1, 2, …) or its name."""
    for index, found in enumerate(case.benefits):
        if benefit in (str(index + 1), found.name):
            return index
    raise NotFound(f"the business case '{case.id}' has no benefit '{benefit}'")


def update_benefit(
    ctx: ServiceContext,
    case_id: str,
    benefit: str,
    fields: dict[str, str],
    *,
    row_version: int | None = None,
) -> Benefit:
    """Fill in a benefit's owner, measure, baseline, target, unit, due date or bound measure
    (`metric`); all or nothing, under the case's optimistic lock."""
    ctx.actor.require(Permission.EDIT)
    case = get_case(ctx, case_id)
    index = _benefit_index(case, benefit)
    changed = benefit_from_fields(case.benefits[index], fields)
    benefits = tuple(changed if i == index else b for i, b in enumerate(case.benefits))
    update: dict[str, object] = {"benefits": benefits}
    if row_version is not None:
        update["row_version"] = row_version
    save_case(ctx, case.model_copy(update=update))
    return changed


def update_ranges(
    ctx: ServiceContext,
    case_id: str,
    ranges: dict[str, Range],
    *,
    optimism_bias: dict[str, float] | None = None,
    row_version: int | None = None,
) -> Case:
    """Change the ranges of the preferred option's lines (by line id) and of the delay
    (key "delay"), and the optimism bias per cost category; all or nothing."""
    case = get_case(ctx, case_id)
    chosen = case.option()
    lines = tuple(
        line.model_copy(update={"range": ranges[line.id]}) if line.id in ranges else line
        for line in chosen.lines
    )
    options = tuple(
        option.model_copy(update={"lines": lines}) if option.id == chosen.id else option
        for option in case.options
    )
    changed = case.model_copy(
        update={
            "options": options,
            "delay": ranges.get("delay", case.delay),
            "optimism_bias": {**case.optimism_bias, **(optimism_bias or {})},
            "row_version": row_version if row_version is not None else case.row_version,
        }
    )
    return save_case(ctx, changed)


def case_analysis(ctx: ServiceContext, case_id: str) -> CaseAnalysis:
    return analyse(get_case(ctx, case_id))


def export_case(ctx: ServiceContext, case_id: str, fmt: str, path: Path, lang: str = "sv") -> Path:
    """Write the case as Word (the five cases) or Excel (live formulas)."""
    result = case_analysis(ctx, case_id)
    if fmt == "docx":
        from produktlyft.business_case.exporters.docx import write_docx

        write_docx(result, path, lang)
    elif fmt == "xlsx":
        from produktlyft.business_case.exporters.xlsx import write_xlsx

        write_xlsx(result, path, lang)
    else:
        raise InvalidInput([], f"unknown format '{fmt}'; use docx or xlsx")
    return path


def load_demo_business_case(ctx: ServiceContext, lang: str = "sv") -> Case | None:
    """The demo's case for its top initiative (the first by cost of delay); None when the
    roadmap has no initiatives. Idempotent: once the demo has a case for an initiative it is
    returned as it is (the case changes that initiative's cost of delay, so the top one may
    differ the second time)."""
    initiatives = list_initiatives(ctx)
    if not initiatives:
        return None
    ids = {i.id for i in initiatives}
    for summary in list_cases(ctx):
        if summary.subject_id in ids:
            return get_case(ctx, summary.id)
    top = sorted(initiatives, key=lambda i: (-i.cost_of_delay_sek_per_week, i.id))[0]
    case = create_case(ctx, top.id, lang=lang)
    return save_case(
        ctx, case.model_copy(update={"benefits": (*case.benefits, _demo_bound(case, lang))})
    )


def _demo_bound(case: Case, lang: str) -> Benefit:
    """A benefit bound to a measure the outcomes area follows, so the demo shows one arrive:
    the demo's building-permit service (id "bygglov") and its digital take-up."""
    return Benefit(
        case_id=case.id,
        name="Högre digital andel i bygglov" if lang == "sv" else "More digital permits",
        owner="Förvaltningschef, bygglov",
        measure="digital andel" if lang == "sv" else "digital take-up",
        baseline=0.48,
        target=0.6,
        unit=None,
        due=date(case.price_base_year + 1, 12, 31),
        metric="kpi:bygglov:digital_take_up",
    )
