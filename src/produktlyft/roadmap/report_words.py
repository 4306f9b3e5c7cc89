"""The roadmap's words in the leadership report: its title, the paragraphs that say where the
plan starts and what it saves against WSJF order, and the phases table."""

from __future__ import annotations

from produktlyft.kernel.i18n import N_, format_money, format_percent, gettext
from produktlyft.roadmap.presenter import conflict_text, silo_texts, status_text
from produktlyft.roadmap.service import PlanView, SiloFindings

REPORT_TITLE = N_("Where we start, and then")


def report_paragraphs(view: PlanView, lang: str) -> list[str]:
    """The plan in a few sentences: how many initiatives, how sure we are of the order, where
    we start and what waiting costs."""
    p = view.plan
    first = view.phases[0] if view.phases else None
    texts = [
        gettext(
            "The roadmap places {count} initiatives with {teams} teams; the plan is {status}{gap}.",
            lang,
        ).format(
            count=len(p.items),
            teams=len({i.team for i in p.items}),
            status=status_text(p.status, lang),
            gap=""
            if p.gap is None
            else gettext(", {gap} from the best possible", lang).format(
                gap=format_percent(p.gap, lang, 1)
            ),
        )
    ]
    if first is not None:
        texts.append(
            gettext("We start with {names}, delivered in {quarter} for {cost}.", lang).format(
                names=", ".join(f"«{view.name(i)}»" for i in first.initiative_ids),
                quarter=first.name,
                cost=format_money(first.cost_sek, lang),
            )
        )
    plan_total = view.totals.get("plan")
    wsjf_total = view.totals.get("wsjf")
    if plan_total is not None and wsjf_total:
        texts.append(
            gettext(
                "Waiting for the plan costs {plan} in cost of delay, against {wsjf} in WSJF order.",
                lang,
            ).format(plan=format_money(plan_total, lang), wsjf=format_money(wsjf_total, lang))
        )
    for conflict in p.conflicts:
        texts.append(conflict_text(conflict.code, conflict.params, lang, view.name, view.team_name))
    return texts


def report_phase_rows(view: PlanView, lang: str) -> list[list[str]]:
    return [
        [
            phase.name,
            "; ".join(view.name(i) for i in phase.initiative_ids),
            format_money(phase.cost_sek, lang),
        ]
        for phase in view.phases
    ]


def report_silo_rows(
    view: PlanView, found: SiloFindings, systems: dict[str, str], lang: str
) -> list[list[str]]:
    """(initiative, what it does, why) per initiative with a silo warning or with evidence
    that it reduces silo risk: warnings first."""
    rows = []
    for reasons, effect in (
        (found.warnings, N_("creates or leaves a silo")),
        (found.evidence, N_("reduces silo risk")),
    ):
        for key, texts in silo_texts(reasons, systems, lang):
            rows.append([view.name(key), gettext(effect, lang), " ".join(texts)])
    return rows


def report_headers(lang: str) -> dict[str, str]:
    return {
        "title": gettext(REPORT_TITLE, lang),
        "phases": gettext("Phases: what each quarter delivers and costs", lang),
        "quarter": gettext("Quarter", lang),
        "delivers": gettext("Delivers", lang),
        "cost": gettext("Cost", lang),
        "gantt": gettext("Where each initiative sits, and why", lang),
        "initiative": gettext("Initiative", lang),
        "team": gettext("Team", lang),
        "weeks": gettext("Weeks", lang),
        "why": gettext("Why here", lang),
        "silo": gettext("No new silos: what the plan does to open interfaces", lang),
        "effect": gettext("What it does", lang),
        "reasons": gettext("Why", lang),
        "method": gettext(
            "The plan is a resource-constrained schedule solved with OR-Tools CP-SAT: teams "
            "carry a set number of initiatives at a time, dependencies and deadlines hold, and "
            "each year's budget limits what starts in it. It minimises the sum of each "
            "initiative's cost of delay per week times its finish week; the gap says how far "
            "the plan may be from the best possible one.",
            lang,
        ),
    }
