"""Survey results: a round's report, a filtered view, and a group's history over rounds.

Every view goes through the disclosure plan (services.survey_planning). Groups are listed in
tree order, never ranked.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from produktlyft.kernel.access import Permission
from produktlyft.kernel.context import ServiceContext
from produktlyft.kernel.db import UnitOfWork
from produktlyft.kernel.errors import NotFound
from produktlyft.surveys.analysis.stats import (
    FamilyAggregate,
    FamilySpec,
    FamilySummary,
    compare,
    summarise,
    total,
)
from produktlyft.surveys.extras_repository import SurveyExtrasRepository
from produktlyft.surveys.instruments import Instrument, Item, Scale
from produktlyft.surveys.model import (
    ROOT,
    AnswerCount,
    GroupNode,
    GroupResult,
    InstrumentInfo,
    ItemResult,
    Round,
    RoundMode,
    RoundStatus,
    ScaleResult,
    SurveyReport,
    Trend,
    TrendPoint,
)
from produktlyft.surveys.repository import SurveyRepository
from produktlyft.surveys.services.planning import (
    Tree,
    View,
    ViewPlan,
    family_counts,
    final_plan,
    order_views,
    plan_view,
)
from produktlyft.surveys.services.rounds import finalise_if_due, round_specs


@dataclass
class _RoundData:
    round: Round
    tree: Tree
    specs: list[FamilySpec]
    respondents: dict[str, int]
    aggregates: dict[str, dict[str, FamilyAggregate]]


def _load(uow: UnitOfWork, round_id: str, day: date) -> _RoundData:
    """Lock the round, finalise it if its closing day has passed, and read its aggregates."""
    uow.repo(SurveyRepository).lock_round(round_id)
    round_ = uow.repo(SurveyRepository).get_round(round_id)
    if finalise_if_due(uow, round_, day):
        round_ = uow.repo(SurveyRepository).get_round(round_id)
    specs = round_specs(round_)
    return _RoundData(
        round_,
        Tree.of(uow.repo(SurveyRepository).nodes(round_id)),
        specs,
        uow.repo(SurveyRepository).respondents(round_id),
        uow.repo(SurveyRepository).aggregates(round_id, specs),
    )


def _plan(uow: UnitOfWork, data: _RoundData, views: Sequence[View], day: date) -> ViewPlan:
    if data.round.finalised:
        return final_plan(data.tree, views)
    counts = family_counts(data.respondents, data.aggregates, data.specs)
    ordered = order_views(views, data.tree, data.respondents)
    return plan_view(uow, data.round, ordered, counts, day)


def _lang(ctx: ServiceContext, lang: str | None) -> str:
    return lang if lang in ("sv", "en") else ctx.settings.default_language


def survey_report(
    ctx: ServiceContext,
    round_id: str,
    *,
    lang: str | None = None,
    groups: Sequence[str] | None = None,
    organisation_only: bool = False,
) -> SurveyReport:
    """The round's results for every group (or one filter over the named groups, or the
    organisation alone), with everything the anonymity rules forbid left out."""
    ctx.actor.require(Permission.READ)
    ctx.database.require_current()
    lang = _lang(ctx, lang)
    day = ctx.today()
    with ctx.database.unit_of_work() as uow:
        data = _load(uow, round_id, day)
        if groups:
            views = [View.filter(data.tree, [_find(data.tree, name).node_id for name in groups])]
        elif organisation_only:
            views = [View.group(data.tree, ROOT)]
        else:
            views = [View.group(data.tree, n) for n in data.tree.reportable()]
        plan = _plan(uow, data, views, day)
        results = [_result(uow, data, view, plan, lang) for view in views]
    return SurveyReport(
        round=data.round,
        status=data.round.status(day),
        lang=lang,
        made_on=day,
        instruments=tuple(_info(inst, lang) for inst in data.round.resolved()),
        groups=tuple(results),
    )


def _find(tree: Tree, name: str) -> GroupNode:
    node = tree.find(name)
    if node is None:
        raise NotFound(f"no group '{name}' in this round")
    return node


def _info(inst: Instrument, lang: str) -> InstrumentInfo:
    return InstrumentInfo(
        code=inst.code,
        version=inst.version,
        name=inst.name.get(lang),
        source=inst.source,
        translation_note=inst.translation_note(lang),
    )


def _result(
    uow: UnitOfWork, data: _RoundData, view: View, plan: ViewPlan, lang: str
) -> GroupResult:
    node = data.tree.nodes.get(view.key)
    shown = plan.shown(view.key)
    base = {
        "node_id": view.key,
        "name": node.name if node else " + ".join(data.tree.nodes[m].name for m in view.members),
        "kind": node.kind if node else None,
        "parent_id": node.parent_id if node else None,
        "depth": data.tree.depth.get(view.key, 0),
    }
    if not shown:
        return GroupResult(**base, suppressed=True, reason=str(plan.reason(view.key) or "withheld"))
    n = sum(data.respondents.get(leaf, 0) for leaf in view.leaves)
    links = sum(
        data.tree.nodes[leaf].links_issued for leaf in view.leaves if leaf in data.tree.nodes
    )
    scales: dict[str, ScaleResult] = {}
    items: dict[str, ItemResult] = {}
    for inst in data.round.resolved():
        for spec in (s for s in data.specs if _belongs(s, inst)):
            aggregate = total(
                [
                    data.aggregates.get(leaf, {}).get(spec.code, FamilyAggregate.zeros(spec))
                    for leaf in view.leaves
                ],
                spec,
            )
            visible = plan.shown(view.key, spec.code)
            scale = next((sc for sc in inst.scales if sc.code == spec.code), None)
            if scale is not None:
                scales[spec.code] = _scale_result(inst, scale, spec, aggregate, visible, lang)
            else:
                item = next(i for i in inst.items if i.code == spec.code)
                items[spec.code] = _item_result(
                    item, summarise(spec, aggregate) if visible else None, lang
                )
    comments: tuple[str, ...] = ()
    if data.round.mode is RoundMode.ROWS and data.round.finalised and node is not None:
        found = uow.repo(SurveyExtrasRepository).comments(data.round.id, view.leaves)
        random.SystemRandom().shuffle(found)  # shown shuffled, never in arrival order
        comments = tuple(found)
    return GroupResult(
        **base,
        suppressed=False,
        n=n,
        links_issued=links or None,
        scales=scales,
        items=items,
        comments=comments,
    )


def _belongs(spec: FamilySpec, inst: Instrument) -> bool:
    return spec.items[0] in {item.code for item in inst.items}


def _scale_result(
    inst: Instrument,
    scale: Scale,
    spec: FamilySpec,
    aggregate: FamilyAggregate,
    visible: bool,
    lang: str,
) -> ScaleResult:
    base = {
        "code": scale.code,
        "name": scale.name.get(lang),
        "higher_is_better": scale.higher_is_better,
        "points": spec.points,
    }
    if not visible:
        return ScaleResult(**base, suppressed=True)
    summary = summarise(spec, aggregate)
    item_results = tuple(_item_result(item, summary, lang) for item in inst.scale_items(scale.code))
    return ScaleResult(
        **base,
        suppressed=False,
        n=summary.n,
        mean=summary.mean,
        sd=summary.sd,
        ci_low=summary.ci_low,
        ci_high=summary.ci_high,
        alpha=summary.alpha,
        alpha_low=summary.alpha_low,
        items=item_results,
    )


def _item_result(item: Item, summary: FamilySummary | None, lang: str) -> ItemResult:
    """An item's result; None for `summary` when its family is hidden."""
    base = {
        "code": item.code,
        "text": item.text.get(lang),
        "remedy": item.remedy.value if item.remedy else None,
    }
    if summary is None:
        return ItemResult(**base, suppressed=True)
    own = summary.items[item.code]
    distribution = tuple(
        AnswerCount(value=v, label=label.get(lang), count=count)
        for v, (label, count) in enumerate(
            zip(item.answers.labels, own.distribution, strict=True), start=1
        )
    )
    return ItemResult(
        **base,
        suppressed=False,
        n=own.n,
        mean=own.mean,
        distribution=distribution,
        item_total=own.item_total,
    )


def group_trend(ctx: ServiceContext, group: str, *, lang: str | None = None) -> Trend:
    """A group's results round by round, beside the organisation's, with the change since the
    round before. This is the comparison a team gets: its own past and the whole."""
    ctx.actor.require(Permission.READ)
    ctx.database.require_current()
    lang = _lang(ctx, lang)
    day = ctx.today()
    points: list[TrendPoint] = []
    with ctx.database.unit_of_work() as uow:
        rounds = [
            r
            for r in uow.repo(SurveyRepository).rounds()
            if r.status(day) is not RoundStatus.SCHEDULED
        ]
        for round_id in sorted(r.id for r in rounds):  # lock in one order: no deadlocks
            uow.repo(SurveyRepository).lock_round(round_id)
        for round_ in rounds:
            data = _load(uow, round_.id, day)
            node = data.tree.find(group)
            if node is None:
                continue
            views = [View.group(data.tree, ROOT), View.group(data.tree, node.node_id)]
            plan = _plan(uow, data, views, day)
            org, own = (_result(uow, data, view, plan, lang) for view in views)
            points.append(
                TrendPoint(
                    round_id=round_.id,
                    round_title=round_.title,
                    closes_on=round_.closes_on,
                    group=own,
                    organisation=org,
                    changes=_changes(points, own),
                )
            )
    if not points:
        raise NotFound(f"no round has a group '{group}'")
    return Trend(group_name=points[-1].group.name, points=tuple(points))


def _changes(before: list[TrendPoint], now: GroupResult) -> dict[str, tuple[float, float | None]]:
    if not before or now.suppressed:
        return {}
    previous = before[-1].group
    changes = {}
    for code, scale in now.scales.items():
        old = previous.scales.get(code)
        if old is None or old.suppressed or scale.suppressed:
            continue
        change = compare(_as_summary(old), _as_summary(scale))
        if change is not None:
            changes[code] = (change.difference, change.p_value)
    return changes


def _as_summary(scale: ScaleResult) -> FamilySummary:
    return FamilySummary(
        scale.n or 0, scale.mean, scale.sd, scale.ci_low, scale.ci_high, scale.alpha, {}
    )
