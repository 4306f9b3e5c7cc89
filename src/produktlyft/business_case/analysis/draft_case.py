"""A whole drafted case, for one initiative or for a roadmap phase (several initiatives): the
options, the benefits-realisation records, the risks and the strategic case. The rules for the
lines are in `drafting`."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from produktlyft.business_case.analysis.drafting import (
    DELAY_RANGE,
    DO_MINIMUM_SHARE,
    TRANSITION_RANGE,
    DraftInputs,
    delivery_years,
    development_cost,
    proposed_lines,
    strategic_case,
    word,
)
from produktlyft.business_case.model import (
    Benefit,
    Case,
    Line,
    LineKind,
    Option,
    OptionKind,
    Risk,
    SubjectKind,
)
from produktlyft.kernel.i18n import N_, format_number


@dataclass(frozen=True)
class Subject:
    kind: SubjectKind
    id: str
    name: str
    description: str | None = None


@dataclass(frozen=True)
class Setting:
    case_id: str
    pack_id: str
    pack_version: str
    price_base_year: int
    horizon: int
    seed: int
    lang: str


def _lines(parts: list[DraftInputs], horizon: int, lang: str) -> list[Line]:
    """Each initiative's lines; with more than one, ids carry the initiative's id."""
    found: list[Line] = []
    for part in parts:
        for line in proposed_lines(part, horizon, lang):
            if len(parts) > 1:
                line = line.model_copy(
                    update={
                        "id": f"{part.initiative.id}:{line.id}",
                        "name": f"{line.name} ({part.initiative.name})",
                    }
                )
            found.append(line)
    return found


def _options(
    subject: Subject, parts: list[DraftInputs], lines: list[Line], lang: str
) -> tuple[Option, ...]:
    build = sum(development_cost(part.initiative) for part in parts)
    return (
        Option(
            id="bau",
            name=word(lang, N_("Business as usual")),
            kind=OptionKind.BUSINESS_AS_USUAL,
            description=word(
                lang, N_("Keep the systems as they are; the baseline for the others.")
            ),
        ),
        Option(
            id="do-minimum",
            name=word(lang, N_("Do-minimum")),
            kind=OptionKind.DO_MINIMUM,
            description=word(
                lang, N_("Patch and extend support; no change to how the work is done.")
            ),
            lines=(
                Line(
                    id="support",
                    kind=LineKind.COST,
                    name=word(lang, N_("Patches and extended support")),
                    category="operations",
                    amounts=(build * DO_MINIMUM_SHARE,),
                    range=TRANSITION_RANGE,
                    basis=word(lang, N_("20 % of the development cost, in year 0")),
                ),
            ),
        ),
        Option(
            id="initiative", name=subject.name, description=subject.description, lines=tuple(lines)
        ),
    )


def _realisation(
    parts: list[DraftInputs], lines: list[Line], setting: Setting
) -> tuple[Benefit, ...]:
    """A record per benefit line and per citizen-day saving; the owners are left to fill."""
    lang = setting.lang
    due_year = setting.price_base_year + max(delivery_years(p.initiative) for p in parts) + 1
    due = date(due_year, 12, 31)
    benefits = [
        Benefit(
            case_id=setting.case_id,
            name=line.name,
            measure=line.basis,
            unit="SEK/år" if lang == "sv" else "SEK/year",
            target=line.amounts[-1] if line.amounts else None,
            baseline=0.0,
            due=due,
        )
        for line in lines
        if line.kind is LineKind.BENEFIT
    ]
    days = sum(part.citizen_days for part in parts)
    if days:
        benefits.append(
            Benefit(
                case_id=setting.case_id,
                name=citizen_days_text(days, lang),
                measure=word(lang, N_("citizen days a year")),
                baseline=round(days, 1),
                unit="dagar/år" if lang == "sv" else "days/year",
                due=due,
            )
        )
    return tuple(benefits)


def citizen_days_text(days: float, lang: str) -> str:
    return word(
        lang,
        N_("About {days} citizen days a year less waiting"),
        days=format_number(days, lang),
    )


def _risks(parts: list[DraftInputs], lang: str) -> tuple[Risk, ...]:
    risks = [Risk(text=word(lang, N_("Benefits arrive only if the old system is switched off.")))]
    for system in (s for part in parts for s in part.systems):
        if system.eol_date:
            risks.append(
                Risk(
                    text=word(
                        lang,
                        N_("{system}: support for {component} ends {date}."),
                        system=system.name,
                        component=system.eol_component or "–",
                        date=system.eol_date,
                    )
                )
            )
    return tuple(risks)


def draft_case(subject: Subject, parts: list[DraftInputs], setting: Setting) -> Case:
    lang = setting.lang
    lines = _lines(parts, setting.horizon, lang)
    days = sum(part.citizen_days for part in parts)
    return Case(
        id=setting.case_id,
        name=subject.name,
        subject_kind=subject.kind,
        subject_id=subject.id,
        country_pack=setting.pack_id,
        pack_version=setting.pack_version,
        price_base_year=setting.price_base_year,
        horizon_years=setting.horizon,
        seed=setting.seed,
        delay=DELAY_RANGE,
        preferred_option="initiative",
        strategic_case=tuple(p for part in parts for p in strategic_case(part, lang)),
        non_monetised=(citizen_days_text(days, lang),) if days else (),
        options=_options(subject, parts, lines, lang),
        risks=_risks(parts, lang),
        benefits=_realisation(parts, lines, setting),
    )
