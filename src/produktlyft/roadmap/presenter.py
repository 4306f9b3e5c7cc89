"""The roadmap in words and charts: why each initiative sits where it does, why a plan cannot
be made, how a cost of delay was arrived at, the plan as JSON, and the plan page's charts.
Reason codes come from the solver (`analysis.schedule`) and the propose rules; each is worded
here in the reader's language."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import altair as alt

from produktlyft.interop.model import Reason as InteropReason
from produktlyft.interop.presenter.words import reason_text as interop_reason_text
from produktlyft.kernel import charts
from produktlyft.kernel.i18n import N_, format_money, format_number, format_percent, gettext
from produktlyft.roadmap.model import Initiative, SavedPlan
from produktlyft.roadmap.service import Comparison, InitiativeInterop, PlanView

Namer = Callable[[str], str]

REASONS = {
    "starts_at_release": N_("starts as early as it may (week {week})"),
    "waits_for_predecessor": N_("waits for «{predecessor}» to finish (lag {lag_weeks} weeks)"),
    "waits_for_team": N_("waits for {team}, busy with {busy_with}"),
    "waits_for_budget": N_("waits for budget: {year} has none left"),
    "deadline_bound": N_("placed early to meet its deadline (week {deadline_week})"),
    "ordered_by_cost_of_delay": N_(
        "waits for {team}: {behind} go first, their cost of delay per week of work being "
        "higher (this one ranks {rank} of {of})"
    ),
    "pinned": N_("pinned to weeks {first_week}–{end_week}"),
}
CONFLICTS = {
    "dependency_loop": N_("the dependencies form a loop: {cycle}"),
    "unknown_job": N_("a dependency names «{job}», which is not an initiative"),
    "no_feasible_team": N_("«{job}» has no team that may do it ({teams})"),
    "deadline_before_release": N_(
        "«{job}» cannot start before week {release_week} and needs {duration} weeks, "
        "but is due in week {deadline_week}"
    ),
    "deadline_unreachable": N_(
        "«{job}» is due in week {deadline_week} but can finish in week {earliest_finish} "
        "at the earliest ({chain})"
    ),
    "cost_exceeds_budget": N_("«{job}» costs {cost_sek}, more than any year's budget"),
    "pin_unreachable": N_("«{job}» cannot start in weeks {first_week}–{end_week}"),
    "deadlines_vs_capacity": N_("the teams {teams} cannot finish {jobs} by their deadlines"),
    "budget_too_small": N_("the budgets of {years} cannot pay for {jobs} in time"),
    "horizon_too_short": N_("the plan would take longer than {horizon_weeks} weeks"),
    "no_plan_in_time": N_("no plan was found within {time_limit_s} seconds"),
}
BASES = {
    "unsupported_run_cost": N_(
        "runs on unsupported technology ({component}): {share} of its yearly cost"
    ),
    "duplicate_cost": N_("{systems} systems do the same work: what all but the dearest cost"),
    "citizen_waiting": N_("citizens wait {days} days a year, at {rate} a day"),
    "risk": N_("risk: {share} of the yearly cost of a system {criticality}"),
    "business_case": N_(
        "business case «{case}»: what a week's delay costs its benefits that start later "
        "when delivery slips"
    ),
    "none": N_("no cost of delay derived; set one"),
}
STATUSES = {
    "optimal": N_("optimal (proven)"),
    "feasible": N_("feasible, not proven optimal"),
    "infeasible": N_("cannot be planned as asked"),
}
CURVES = {
    "plan": N_("this plan"),
    "wsjf": N_("WSJF order"),
    "current": N_("current order"),
}
JOB_PARAMS = {"predecessor", "job", "behind", "busy_with", "jobs"}


def _names(value: str, name: Namer) -> str:
    return ", ".join(name(part.strip()) for part in value.split(",") if part.strip())


def _fill(
    template: str, params: Mapping[str, str], name: Namer, lang: str, team: Namer = str
) -> str:
    values = {k: _names(v, name) if k in JOB_PARAMS else v for k, v in params.items()}
    if "team" in values:
        values["team"] = team(values["team"])
    if "teams" in values:
        values["teams"] = _names(values["teams"], team)

    class _Missing(dict[str, str]):
        def __missing__(self, key: str) -> str:
            return "?"

    return gettext(template, lang).format_map(_Missing(values))


def reason_text(
    code: str, params: Mapping[str, str], lang: str, name: Namer = str, team: Namer = str
) -> str:
    """Why an initiative sits where it does; `name` and `team` turn ids into names."""
    if code not in REASONS:
        return code
    return _fill(REASONS[code], params, name, lang, team)


def conflict_text(
    code: str, params: Mapping[str, str], lang: str, name: Namer = str, team: Namer = str
) -> str:
    if code not in CONFLICTS:
        return code
    return _fill(CONFLICTS[code], params, name, lang, team)


def status_text(status: str, lang: str) -> str:
    return gettext(STATUSES[status], lang) if status in STATUSES else status


def curve_label(key: str, lang: str) -> str:
    return gettext(CURVES[key], lang)


def _basis_part(code: str, basis: Mapping[str, str], lang: str) -> str:
    template = gettext(BASES[code], lang)
    if code == "unsupported_run_cost":
        share = float(basis.get("unsupported_share", "0") or 0)
        return template.format(
            component=basis.get("component", "?"), share=format_percent(share, lang)
        )
    if code == "duplicate_cost":
        return template.format(systems=basis.get("systems", "?"))
    if code == "citizen_waiting":
        rate = float(basis.get("citizen_day_sek", "0") or 0)
        return template.format(
            days=basis.get("citizen_days_per_year", "?"), rate=format_money(rate, lang)
        )
    if code == "business_case":
        return template.format(case=basis.get("case_name") or basis.get("case", "?"))
    if code == "risk":
        share = float(basis.get("risk_share", "0") or 0)
        return template.format(
            share=format_percent(share, lang),
            criticality=_criticality(basis.get("criticality"), lang),
        )
    return template


def _criticality(code: str | None, lang: str) -> str:
    from produktlyft.inventory.vocabularies import Criticality

    try:
        return Criticality.parse(code or "").label(lang)
    except ValueError:
        return code or ""


def basis_text(basis: Mapping[str, str], lang: str) -> str:
    """How a cost of delay was arrived at, each part with its yearly amount."""
    code = basis.get("code")
    if not code:
        return gettext("set by hand", lang)
    if code == "none":
        return gettext(BASES["none"], lang)
    parts = [p for p in basis.get("parts", code).split(",") if p in BASES]
    if not parts:
        return code
    texts = []
    for part in parts:
        yearly = basis.get(f"{part}_per_year")
        amount = f" ({format_money(float(yearly), lang)}/{gettext('year', lang)})" if yearly else ""
        texts.append(_basis_part(part, basis, lang) + amount)
    return "; ".join(texts)


def plan_json(
    plan: SavedPlan,
    initiatives: Mapping[str, Initiative],
    lang: str,
    teams: Mapping[str, str] | None = None,
) -> dict[str, Any]:
    """The plan as `roadmap plan --json` writes it; reasons name initiatives and teams."""
    team_names = teams or {}

    def name(key: str) -> str:
        found = initiatives.get(key)
        return found.name if found else key

    def team(key: str) -> str:
        return team_names.get(key, key)

    document: dict[str, Any] = {
        "objective": plan.objective,
        "objective_value": plan.objective_value,
        "lower_bound": plan.lower_bound,
        "gap": plan.gap,
        "status": plan.status,
        "plan_start": plan.plan_start.isoformat(),
        "items": [
            {
                "initiative": item.initiative,
                "team": item.team,
                "start_week": item.start_week,
                "finish_week": item.finish_week,
                "reason": reason_text(item.reason, item.reason_params, lang, name, team),
                "reason_code": item.reason,
                "reason_params": dict(item.reason_params),
            }
            for item in plan.items
        ],
    }
    if plan.status == "infeasible" or plan.conflicts:
        document["conflicts"] = [
            {
                "code": c.code,
                "params": dict(c.params),
                "text": conflict_text(c.code, c.params, lang, name, team),
            }
            for c in plan.conflicts
        ]
    return document


# --- charts -----------------------------------------------------------------------------------
def _spec(chart: alt.TopLevelMixin) -> dict[str, Any]:
    spec: dict[str, Any] = (
        chart.configure(font=charts.FONT)
        .configure_view(stroke=None)
        .configure_axisQuantitative(**charts.AXIS_QUANTITATIVE)
        .to_dict()
    )
    return spec


def _data(rows: list[dict[str, Any]]) -> alt.Data:
    return alt.Data(values=rows)  # type: ignore[no-untyped-call]  # altair's Data is untyped


def gantt_rows(view: PlanView) -> list[dict[str, Any]]:
    return [
        {
            "initiative": view.name(i.initiative),
            "team": view.team_name(i.team),
            "start": i.start_week,
            "finish": i.finish_week,
        }
        for i in sorted(view.plan.items, key=lambda i: (view.team_name(i.team), i.start_week))
    ]


def gantt_svg(view: PlanView, lang: str) -> str:
    rows = gantt_rows(view)
    title = gettext("The plan by team", lang)
    chart = (
        alt.Chart(
            _data(rows),
            title=title,
            description=gettext(
                "Each initiative as a bar from its first week to its finish, by team.", lang
            ),
            width=560,
            height=max(80, 20 * len(rows)),
        )
        .mark_bar(color="#1f5f8b")
        .encode(
            y=alt.Y("initiative:N", title=None, sort=None, axis=alt.Axis(labelLimit=240)),
            x=alt.X("start:Q", title=gettext("week", lang)),
            x2="finish:Q",
            row=alt.Row("team:N", title=None, header=alt.Header(labelAngle=0, labelAlign="left")),
        )
    )
    return charts.to_svg(_spec(chart.resolve_scale(y="independent")), lang)


def curve_rows(view: PlanView, lang: str) -> list[dict[str, Any]]:
    return [
        {"week": week, "order": curve_label(key, lang), "kronor": total}
        for key, points in view.curves.items()
        for week, total in points
    ]


def curve_svg(view: PlanView, lang: str) -> str:
    rows = curve_rows(view, lang)
    labels = [curve_label(k, lang) for k in view.curves]
    chart = (
        alt.Chart(
            _data(rows),
            title=gettext("Cost of delay so far", lang),
            description=gettext(
                "Kronor lost while waiting, week by week, for this plan and two orders.", lang
            ),
            width=520,
            height=260,
        )
        .mark_line()
        .encode(
            x=alt.X("week:Q", title=gettext("week", lang)),
            y=alt.Y("kronor:Q", title=gettext("kronor", lang)),
            color=alt.Color(
                "order:N",
                title=None,
                scale=alt.Scale(
                    domain=labels, range=["#1f5f8b", "#b35806", "#6f6f6f"][: len(labels)]
                ),
            ),
            strokeDash=alt.StrokeDash("order:N", legend=None),
        )
    )
    return charts.to_svg(_spec(chart), lang)


def budget_rows(view: PlanView) -> list[dict[str, Any]]:
    limits = {b.year: b.limit_sek for b in view.budgets}
    years = sorted(set(limits) | set(view.budget_use))
    return [
        {"year": str(y), "used": view.budget_use.get(y, 0.0), "limit": limits.get(y)} for y in years
    ]


def budget_svg(view: PlanView, lang: str) -> str:
    rows = budget_rows(view)
    spec = charts.bar_chart(
        rows,
        category="year",
        value="used",
        title=gettext("Budget use per year", lang),
        description=gettext("Kronor committed by initiatives starting in each year.", lang),
        category_title=gettext("year", lang),
        value_title=gettext("kronor", lang),
        sort_descending=False,
    )
    return charts.to_svg(spec, lang)


def comparison_rows(result: Comparison, lang: str) -> list[dict[str, str]]:
    """Initiative by initiative: where it sits now and with the changes."""
    current = {i.initiative: i for i in result.current.items}
    alternative = {i.initiative: i for i in result.alternative.items}
    rows = []
    for key in sorted(set(current) | set(alternative)):
        now, then = current.get(key), alternative.get(key)
        rows.append(
            {
                "initiative": key,
                "current": f"{now.start_week}–{now.finish_week}" if now else "–",
                "alternative": f"{then.start_week}–{then.finish_week}" if then else "–",
                "moved": "" if (now and then and now.finish_week == then.finish_week) else "*",
            }
        )
    return rows


def money(value: float | None, lang: str) -> str:
    return format_money(value, lang)


def weeks(value: float | None, lang: str) -> str:
    return format_number(value, lang, 1) if value is not None else "–"


# --- no new silos ----------------------------------------------------------------------------
@dataclass(frozen=True)
class SystemLine:
    name: str
    disposition: str
    disposition_reason: str
    cloud: str


def interop_lines(
    found: InitiativeInterop, lang: str
) -> tuple[list[SystemLine], list[str], list[str]]:
    """Per touched system its suggested disposition (with why) and what a cloud move would
    require; then what the initiative breaks, creates or leaves as a silo; then where it
    reduces silo risk."""
    names = {s.id: s.name for s in found.systems}
    lines = [
        SystemLine(
            name=s.name,
            disposition=s.disposition.disposition.label(lang) if s.disposition else "–",
            disposition_reason=interop_reason_text(s.disposition.reason, lang, names)
            if s.disposition
            else "",
            cloud=s.cloud.requirement.label(lang) if s.cloud else "–",
        )
        for s in found.systems
    ]
    return (
        lines,
        [interop_reason_text(r, lang, names) for r in found.silo],
        [interop_reason_text(r, lang, names) for r in found.evidence],
    )


def silo_texts(
    warnings: Mapping[str, list[InteropReason]], names: Mapping[str, str], lang: str
) -> list[tuple[str, list[str]]]:
    """(initiative id, its reasons in words) for the plan page's silo warnings or evidence."""
    return [
        (key, [interop_reason_text(r, lang, names) for r in reasons])
        for key, reasons in sorted(warnings.items())
    ]
