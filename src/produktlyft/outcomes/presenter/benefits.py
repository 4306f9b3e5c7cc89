"""Business cases' benefits followed up, in the reader's language: the state, its reason,
and the figures of the page's table and the report's lines."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from produktlyft.kernel.i18n import format_date, format_number, format_percent
from produktlyft.outcomes.model import BenefitFollowUp, BenefitState, Reason
from produktlyft.outcomes.presenter import metric_label
from produktlyft.outcomes.texts import t


@dataclass(frozen=True)
class BenefitView:
    case_id: str
    name: str
    owner: str
    measure: str
    baseline: str
    target: str
    current: str
    due: str
    state: str
    state_key: str
    reason: str


def benefit_reason(reason: Reason, lang: str) -> str:
    params = dict(reason.params)
    if "share" in params:
        params["share"] = format_percent(float(params["share"]), lang)
    if "due" in params:
        params["due"] = format_date(date.fromisoformat(params["due"]), lang)
    return t(lang, reason.code, **params)


def _figure(value: float | None, unit: str | None, lang: str) -> str:
    if value is None:
        return "–"
    text = format_number(value, lang, 2 if abs(value) < 1 else 1)
    return f"{text} {unit}" if unit else text


def benefit_views(
    follow_ups: list[BenefitFollowUp], lang: str, services: dict[str, str] | None = None
) -> list[BenefitView]:
    return [
        BenefitView(
            case_id=f.case_id,
            name=f.name,
            owner=f.owner or "–",
            measure=metric_label(f.metric, lang, services) or f.measure or "–",
            baseline=_figure(f.baseline, f.unit, lang),
            target=_figure(f.target, f.unit, lang),
            current=_figure(f.current, f.unit, lang),
            due=format_date(f.due, lang) if f.due else "–",
            state=f.state.label(lang),
            state_key=f.state.value,
            reason=benefit_reason(f.reason, lang),
        )
        for f in follow_ups
    ]


def benefit_summary(follow_ups: list[BenefitFollowUp], lang: str) -> str:
    def count(state: BenefitState) -> int:
        return sum(f.state is state for f in follow_ups)

    return t(
        lang,
        "section.benefits",
        total=len(follow_ups),
        arrived=count(BenefitState.ARRIVED),
        not_yet=count(BenefitState.NOT_YET),
        missed=count(BenefitState.MISSED),
        unmeasurable=count(BenefitState.NOT_MEASURABLE),
    )


def benefit_lines(follow_ups: list[BenefitFollowUp], lang: str) -> list[str]:
    """The measurable benefits, those that arrived first."""
    order = [BenefitState.ARRIVED, BenefitState.MISSED, BenefitState.NOT_YET]
    shown = sorted(
        (f for f in follow_ups if f.state in order), key=lambda f: (order.index(f.state), f.name)
    )
    return [
        t(
            lang,
            "section.benefit",
            name=f.name,
            owner=f.owner or "–",
            state=f.state.label(lang),
            reason=benefit_reason(f.reason, lang),
        )
        for f in shown
    ]
