"""Drafting a business case from what the tool knows about an initiative: its cost and effort,
the review's findings on the systems it names (run cost, end-of-life dates, duplicates), the
citizen days its workflows lose and the organisation's culture readiness.

The derivation rules (also in docs/business-case.md, and each line's `basis` says which one it
followed, with its figures):
- delivery takes ceil(effort weeks / 52) years from year 0; the development cost is the
  initiative's cost (or, when it has none, effort weeks × TEAM_WEEK_SEK) spread evenly over
  those years; transition (training, migration, double running) is TRANSITION_SHARE of it,
  in the last delivery year;
- from the first year after delivery, the named systems' yearly run cost is released by the
  share RUN_COST_RELEASED for the initiative's kind (retiring releases all of it, an upgrade
  little), and a consolidation also releases the avoidable cost of the duplicate groups the
  systems belong to; these benefits slip when delivery slips;
- when no run cost is known, the initiative's cost of delay × 52 is the yearly benefit;
- citizen days are listed as a non-monetised benefit (no value per day is assumed);
- do-minimum keeps the systems running: DO_MINIMUM_SHARE of the development cost in year 0
  (patches, extended support), no monetised benefit; business as usual has no lines and is
  the baseline every other option is measured against;
- ranges: development PERT 0.9–1.0–1.6, transition triangular 0.9–1.0–1.5 (both in group
  "delivery", which moves with the delay), benefits PERT 0.6–1.0–1.1 (group "benefits"),
  delay triangular 0–0–1 year. All are editable.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date

from produktlyft.business_case.model import (
    Distribution,
    Line,
    LineKind,
    Range,
)
from produktlyft.kernel.i18n import N_, format_date, format_money, format_number, gettext
from produktlyft.roadmap.model import Initiative

TEAM_WEEK_SEK = 200_000.0  # a team of five at about 1,000 SEK an hour (unverified default)
TRANSITION_SHARE = 0.10
DO_MINIMUM_SHARE = 0.20
RUN_COST_RELEASED = {
    "retire": 1.0,
    "consolidate": 0.5,
    "replace": 0.4,
    "migrate": 0.3,
    "upgrade": 0.1,
    "fix_workflow": 0.0,
}
DEVELOPMENT_RANGE = Range(low=0.9, mode=1.0, high=1.6, distribution=Distribution.PERT)
TRANSITION_RANGE = Range(low=0.9, mode=1.0, high=1.5)
BENEFIT_RANGE = Range(low=0.6, mode=1.0, high=1.1, distribution=Distribution.PERT)
DELAY_RANGE = Range(low=0.0, mode=0.0, high=1.0)


@dataclass(frozen=True)
class SystemFacts:
    id: str
    name: str
    annual_cost: float | None = None
    eol_component: str | None = None
    eol_date: str | None = None  # ISO date
    duplicates: tuple[str, ...] = ()  # names of the systems it duplicates
    duplicate_saving: float = 0.0  # the avoidable yearly cost of its duplicate group


@dataclass
class DraftInputs:
    initiative: Initiative
    systems: list[SystemFacts] = field(default_factory=list)
    citizen_days: float = 0.0  # a year, in workflows the named systems support
    culture_round: str | None = None
    culture_scales: list[tuple[str, float]] = field(default_factory=list)  # (name, mean)


def word(lang: str, template: str, **values: object) -> str:
    return gettext(template, lang).format(**values)


def _money(value: float, lang: str) -> str:
    return format_money(value, lang)


def strategic_case(inputs: DraftInputs, lang: str) -> tuple[str, ...]:
    """The case for change, with named systems, amounts and dates."""
    initiative = inputs.initiative
    paragraphs = [
        word(
            lang,
            N_("The initiative «{name}» ({kind}) concerns {count} system(s)."),
            name=initiative.name,
            kind=initiative.kind.label(lang),
            count=len(inputs.systems),
        )
    ]
    for system in inputs.systems:
        if system.annual_cost:
            paragraphs.append(
                word(
                    lang,
                    N_("{system} costs {amount} a year to run."),
                    system=system.name,
                    amount=_money(system.annual_cost, lang),
                )
            )
        if system.eol_component and system.eol_date:
            paragraphs.append(
                word(
                    lang,
                    N_("{system} depends on {component}, whose support ends on {date}."),
                    system=system.name,
                    component=system.eol_component,
                    date=format_date(date.fromisoformat(system.eol_date), lang),
                )
            )
        if system.duplicates:
            paragraphs.append(
                word(
                    lang,
                    N_("{system} overlaps with {others}; keeping one would free {amount} a year."),
                    system=system.name,
                    others=", ".join(system.duplicates),
                    amount=_money(system.duplicate_saving, lang),
                )
            )
    if initiative.deadline:
        paragraphs.append(
            word(
                lang,
                N_("It must be done by {date}: {reason}."),
                date=format_date(initiative.deadline, lang),
                reason=initiative.deadline_reason or "–",
            )
        )
    if inputs.citizen_days:
        paragraphs.append(
            word(
                lang,
                N_(
                    "Citizens wait about {days} days a year in the workflows these systems support."
                ),
                days=format_number(inputs.citizen_days, lang),
            )
        )
    if inputs.culture_round:
        scales = ", ".join(
            f"{name} {format_number(mean, lang, 1)}" for name, mean in inputs.culture_scales[:3]
        )
        paragraphs.append(
            word(
                lang,
                N_("Culture readiness (survey «{round}»): {scales}."),
                round=inputs.culture_round,
                scales=scales or "–",
            )
        )
    return tuple(paragraphs)


def delivery_years(initiative: Initiative) -> int:
    return max(1, math.ceil(initiative.effort_weeks / 52))


def development_cost(initiative: Initiative) -> float:
    return initiative.cost_sek or initiative.effort_weeks * TEAM_WEEK_SEK


def proposed_lines(inputs: DraftInputs, horizon: int, lang: str) -> list[Line]:
    initiative = inputs.initiative
    years = min(delivery_years(initiative), horizon)
    build = development_cost(initiative)
    lines = [
        Line(
            id="development",
            kind=LineKind.COST,
            name=word(lang, N_("Development")),
            category="development",
            amounts=tuple(build / years if t < years else 0.0 for t in range(horizon)),
            range=DEVELOPMENT_RANGE,
            group="delivery",
            basis=word(
                lang,
                N_("{amount} spread over {years} year(s) of delivery"),
                amount=_money(build, lang),
                years=years,
            ),
        ),
        Line(
            id="transition",
            kind=LineKind.COST,
            name=word(lang, N_("Transition and training")),
            category="transition",
            amounts=tuple(
                build * TRANSITION_SHARE if t == years - 1 else 0.0 for t in range(horizon)
            ),
            range=TRANSITION_RANGE,
            group="delivery",
            basis=word(lang, N_("10 % of the development cost, in the last delivery year")),
        ),
    ]
    released = RUN_COST_RELEASED.get(initiative.kind.value, 0.0)
    for system in inputs.systems:
        if system.annual_cost and released:
            yearly = system.annual_cost * released
            lines.append(
                _benefit(
                    f"run-{system.id}",
                    word(lang, N_("Run cost released: {system}"), system=system.name),
                    yearly,
                    years,
                    horizon,
                    word(
                        lang,
                        N_("{share} of the run cost {amount} a year"),
                        share=f"{released:.0%}",
                        amount=_money(system.annual_cost, lang),
                    ),
                )
            )
        if system.duplicate_saving and initiative.kind.value == "consolidate":
            lines.append(
                _benefit(
                    f"dup-{system.id}",
                    word(lang, N_("Duplicate cost avoided: {system}"), system=system.name),
                    system.duplicate_saving,
                    years,
                    horizon,
                    word(lang, N_("the duplicate group's avoidable cost")),
                    category="cash_releasing",
                )
            )
    if (
        not any(line.kind is LineKind.BENEFIT for line in lines)
        and initiative.cost_of_delay_sek_per_week
    ):
        lines.append(
            _benefit(
                "cost-of-delay",
                word(lang, N_("Value delivered (cost of delay)")),
                initiative.cost_of_delay_sek_per_week * 52,
                years,
                horizon,
                word(
                    lang,
                    N_("cost of delay {amount} a week × 52"),
                    amount=_money(initiative.cost_of_delay_sek_per_week, lang),
                ),
                category="non_cash",
            )
        )
    return lines


def _benefit(
    line_id: str,
    name: str,
    yearly: float,
    start: int,
    horizon: int,
    basis: str,
    category: str = "cash_releasing",
) -> Line:
    return Line(
        id=line_id,
        kind=LineKind.BENEFIT,
        name=name,
        category=category,
        amounts=tuple(yearly if t >= start else 0.0 for t in range(horizon)),
        range=BENEFIT_RANGE,
        group="benefits",
        slips=True,
        basis=basis,
    )
