"""Use cases of the pilots area: pre-register a pilot, amend it once locked, upload a series,
evaluate it, and read the pilot team's survey rounds before and after.

Permissions: registering, amending and uploading need EDIT; evaluating needs ANALYSE; reading
needs READ.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

from produktlyft.inventory.model import Team
from produktlyft.inventory.repository import InventoryRepository
from produktlyft.kernel.access import Permission
from produktlyft.kernel.context import ServiceContext
from produktlyft.kernel.db import UnitOfWork
from produktlyft.kernel.errors import InvalidInput, Issue, NotFound, wording
from produktlyft.kernel.files.base import ImportLimits
from produktlyft.outcomes.service import DemoOutcomes, team_series
from produktlyft.pilots.analysis.evaluation import build_panel, evaluate
from produktlyft.pilots.importers import read_registration, read_series, registration_issues
from produktlyft.pilots.model import (
    UPLOADED,
    Amendment,
    Direction,
    Evaluation,
    Event,
    Pilot,
    PilotRegistration,
    SeriesValue,
    window_problems,
)
from produktlyft.pilots.repository import PilotRepository
from produktlyft.surveys.services.reports import group_trend

# the entry points read registration files and word form errors through the service
__all__ = ["read_registration", "registration_issues"]


def _limits(ctx: ServiceContext) -> ImportLimits:
    return ImportLimits(
        ctx.settings.max_import_bytes,
        ctx.settings.max_unpacked_bytes,
        ctx.settings.max_issues_per_file,
    )


def _teams(uow: UnitOfWork) -> list[Team]:
    return [t for t in uow.repo(InventoryRepository).load("teams") if isinstance(t, Team)]


def team_names(ctx: ServiceContext) -> dict[str, str]:
    """Inventory team id -> name, as pages name teams."""
    ctx.actor.require(Permission.READ)
    with ctx.database.reading() as uow:
        return {t.id: t.name for t in _teams(uow)}


def _canonical(uow: UnitOfWork, plan: PilotRegistration) -> PilotRegistration:
    """Teams named by id or name are stored by inventory id, where the inventory knows them."""
    known: dict[str, str] = {}
    for team in _teams(uow):
        known[team.id.casefold()] = team.id
        known[team.name.casefold()] = team.id

    def canon(team: str) -> str:
        return known.get(team.casefold(), team)

    return plan.model_copy(
        update={
            "pilot_team": canon(plan.pilot_team),
            "comparison_teams": tuple(canon(t) for t in plan.comparison_teams),
        }
    )


def _check(plan: PilotRegistration) -> None:
    problems = window_problems(plan)
    if problems:
        raise InvalidInput([Issue.worded(message, column=name) for name, message in problems])


def register_pilot(ctx: ServiceContext, plan: PilotRegistration) -> Pilot:
    """Pre-register a new pilot (a known id is refused: change it with `amend_pilot`)."""
    ctx.actor.require(Permission.EDIT)
    ctx.database.require_current()
    _check(plan)
    with ctx.database.unit_of_work() as uow:
        repo = uow.repo(PilotRepository)
        if repo.get(plan.id) is not None:
            raise InvalidInput(
                [
                    Issue.worded(
                        wording("a pilot with the id '{id}' is already registered", id=plan.id),
                        column="id",
                    )
                ]
            )
        repo.insert(_canonical(uow, plan), ctx.actor.name, ctx.now())
        stored = repo.get(plan.id)
    assert stored is not None  # just written in this transaction
    return stored


def _changes(old: PilotRegistration, new: PilotRegistration) -> list[tuple[str, str, str]]:
    before, after = old.model_dump(mode="json"), new.model_dump(mode="json")
    return [(k, str(before[k]), str(after[k])) for k in before if before[k] != after[k]]


def amend_pilot(ctx: ServiceContext, plan: PilotRegistration, reason: str | None = None) -> Pilot:
    """Change a registration. Before the pilot starts it is simply replaced; once it has started
    (post_start ≤ today) a change needs a reason and is listed as an amendment with its time and
    author; without a reason it is refused and nothing is written."""
    ctx.actor.require(Permission.EDIT)
    ctx.database.require_current()
    _check(plan)
    with ctx.database.unit_of_work() as uow:
        repo = uow.repo(PilotRepository)
        current = repo.get(plan.id)
        if current is None:
            raise NotFound(f"no pilot '{plan.id}'")
        new = _canonical(uow, plan)
        changes = _changes(current.plan, new)
        if changes and current.plan.locked(ctx.today()):
            if not (reason and reason.strip()):
                raise InvalidInput(
                    [
                        Issue.worded(
                            wording(
                                "the registration is locked since the pilot started on {day}: "
                                "give a reason to record the change as an amendment",
                                day=current.plan.post_start.isoformat(),
                            ),
                            column="reason",
                        )
                    ]
                )
            at = ctx.now()
            repo.add_amendments(
                [
                    Amendment(
                        pilot_id=plan.id,
                        at=at,
                        by=ctx.actor.name,
                        field=name,
                        old=old,
                        new=value,
                        reason=reason.strip(),
                    )
                    for name, old, value in changes
                ]
            )
        repo.replace(new)
        stored = repo.get(plan.id)
    assert stored is not None
    return stored


def list_pilots(ctx: ServiceContext) -> list[Pilot]:
    ctx.actor.require(Permission.READ)
    ctx.database.require_current()
    with ctx.database.reading() as uow:
        return uow.repo(PilotRepository).all()


def get_pilot(ctx: ServiceContext, pilot_id: str) -> Pilot:
    ctx.actor.require(Permission.READ)
    ctx.database.require_current()
    with ctx.database.reading() as uow:
        pilot = uow.repo(PilotRepository).get(pilot_id)
    if pilot is None:
        raise NotFound(f"no pilot '{pilot_id}'")
    return pilot


def upload_series(ctx: ServiceContext, pilot_id: str, path: Path) -> int:
    """Replace the pilot's uploaded series (for a metric the tool does not measure)."""
    ctx.actor.require(Permission.EDIT)
    ctx.database.require_current()
    values = read_series(path, _limits(ctx))
    return store_series(ctx, pilot_id, values)


def store_series(ctx: ServiceContext, pilot_id: str, values: list[SeriesValue]) -> int:
    ctx.actor.require(Permission.EDIT)
    with ctx.database.unit_of_work() as uow:
        repo = uow.repo(PilotRepository)
        pilot = repo.get(pilot_id)
        if pilot is None:
            raise NotFound(f"no pilot '{pilot_id}'")
        known = {pilot.plan.pilot_team, *pilot.plan.comparison_teams}
        ids = {t.name.casefold(): t.id for t in _teams(uow)}
        canonical = [
            v.model_copy(update={"team": ids.get(v.team.casefold(), v.team)}) for v in values
        ]
        unknown = sorted({v.team for v in canonical if v.team not in known})
        if unknown:
            raise InvalidInput(
                [
                    Issue.worded(
                        wording(
                            "the team '{team}' is neither the pilot team nor a comparison team",
                            team=team,
                        ),
                        column="team",
                    )
                    for team in unknown
                ]
            )
        repo.replace_series(pilot_id, canonical)
    return len(canonical)


def _outcomes_series(ctx: ServiceContext, plan: PilotRegistration) -> list[SeriesValue]:
    """The metric from the outcomes area (`team_series`); a metric it does not measure is
    refused naming the field."""
    values: list[SeriesValue] = []
    for team in (plan.pilot_team, *plan.comparison_teams):
        try:  # weeks give a pilot enough periods; the interface promises months
            points = team_series(ctx, team, plan.metric, period="week")
        except (ValueError, InvalidInput):
            points = team_series(ctx, team, plan.metric)
        for point in points:
            values.append(
                SeriesValue(team=team, period_start=point.period_start, value=point.value)
            )
    return values


def pilot_series(ctx: ServiceContext, pilot: Pilot) -> list[SeriesValue]:
    """The uploaded series if there is one, else the outcomes area's measurement."""
    ctx.actor.require(Permission.READ)
    with ctx.database.reading() as uow:
        uploaded = uow.repo(PilotRepository).series(pilot.id)
    if uploaded or pilot.plan.metric == UPLOADED:
        return uploaded
    return _outcomes_series(ctx, pilot.plan)


def series_source(ctx: ServiceContext, pilot: Pilot) -> str:
    """Where the pilot's series comes from, as `pilot_series` takes it: "uploaded" (a series
    stored for this pilot) or "outcomes" (what the outcomes area measures for the teams)."""
    ctx.actor.require(Permission.READ)
    with ctx.database.reading() as uow:
        uploaded = uow.repo(PilotRepository).series(pilot.id)
    return "uploaded" if uploaded or pilot.plan.metric == UPLOADED else "outcomes"


def evaluate_pilot(ctx: ServiceContext, pilot_id: str) -> Evaluation:
    """Evaluate the pilot on its series and keep the result (the latest one is shown)."""
    ctx.actor.require(Permission.ANALYSE)
    pilot = get_pilot(ctx, pilot_id)
    result = evaluate(pilot.plan, pilot_series(ctx, pilot)).model_copy(
        update={"evaluated_at": ctx.now()}
    )
    with ctx.database.unit_of_work() as uow:
        uow.repo(PilotRepository).save_evaluation(result, ctx.now())
    return result


def latest_evaluation(ctx: ServiceContext, pilot_id: str) -> Evaluation | None:
    ctx.actor.require(Permission.READ)
    with ctx.database.reading() as uow:
        return uow.repo(PilotRepository).evaluation(pilot_id)


def evaluations(ctx: ServiceContext) -> list[Evaluation]:
    ctx.actor.require(Permission.READ)
    ctx.database.require_current()
    with ctx.database.reading() as uow:
        return uow.repo(PilotRepository).evaluations()


@dataclass
class ChartSeries:
    """What the chart and its table show: per period, the pilot and the comparison mean."""

    periods: list[str]
    pilot: list[float]
    comparison: list[float | None]
    post_start: date


def chart_series(ctx: ServiceContext, pilot: Pilot) -> ChartSeries:
    panel = build_panel(pilot.plan, pilot_series(ctx, pilot))
    means = panel.comparison_mean() if panel.comparison_teams else [None] * len(panel.periods)
    return ChartSeries(panel.periods, panel.pilot, list(means), pilot.plan.post_start)


@dataclass
class SurveyRound:
    """One closed round of the pilot team as the surveys area shows it at team level: a scale's
    mean only where the group was large enough (suppressed groups carry no figures)."""

    title: str
    closes_on: date
    after_start: bool
    suppressed: bool
    means: dict[str, float] = field(default_factory=dict)  # scale code -> mean
    names: dict[str, str] = field(default_factory=dict)  # scale code -> name


def survey_before_after(ctx: ServiceContext, pilot: Pilot, lang: str) -> list[SurveyRound]:
    """The pilot team's rounds through the surveys service (its anonymity rules apply)."""
    ctx.actor.require(Permission.READ)
    names = team_names(ctx)
    team = names.get(pilot.plan.pilot_team, pilot.plan.pilot_team)
    try:
        trend = group_trend(ctx, team, lang=lang)
    except NotFound:
        return []
    rounds = []
    for point in trend.points:
        group = point.group
        means = {
            code: scale.mean
            for code, scale in group.scales.items()
            if not scale.suppressed and scale.mean is not None
        }
        rounds.append(
            SurveyRound(
                title=point.round_title,
                closes_on=point.closes_on,
                after_start=point.closes_on >= pilot.plan.post_start,
                suppressed=group.suppressed,
                means={} if group.suppressed else means,
                names={code: scale.name for code, scale in group.scales.items()},
            )
        )
    return rounds


class _AtMoment(ServiceContext):
    """The same context with the clock at a given moment (the demo registers in the past)."""

    def __init__(self, ctx: ServiceContext, moment: datetime) -> None:
        super().__init__(ctx.database, ctx.actor, ctx.settings, ctx.caches)
        self._moment = moment

    def now(self) -> datetime:
        return self._moment


@dataclass
class DemoPilots:
    pilot_id: str | None = None
    pilot_team: str | None = None
    verdict: str | None = None
    reused: bool = False
    skipped: str | None = None


DEMO_PILOT_ID = "demo-lead-time-pilot"
DEMO_METRIC = "lead_time_hours"  # as the outcomes area measures it from the deployments


def _demo_plan(outcomes: DemoOutcomes, pilot: str) -> PilotRegistration:
    """The outcomes story's pilot: it starts when the pilot team starts to change, compares with
    the teams whose deployments the outcomes demo has, over the year of history it has."""
    start = outcomes.pilot_start
    return PilotRegistration(
        id=DEMO_PILOT_ID,
        name="Bygglovsteamet arbetar i små, täta leveranser",
        hypothesis=(
            "Om bygglovsteamet levererar små ändringar varje vecka med automatiska tester "
            "minskar ledtiden från ändring till produktion med minst 24 timmar jämfört "
            "med jämförelseteamen."
        ),
        metric=DEMO_METRIC,
        pilot_team=pilot,
        comparison_teams=tuple(outcomes.comparison_teams),
        pre_start=outcomes.history_start,
        pre_end=start - timedelta(days=1),
        post_start=start,
        post_end=outcomes.history_end - timedelta(days=1),
        min_effect=24.0,
        direction=Direction.LOWER_IS_BETTER,
        events=(
            Event(
                day=start + timedelta(days=14),
                text="Ny gemensam byggserver för hela förvaltningen",
            ),
        ),
    )


def load_demo_pilots(ctx: ServiceContext, outcomes: DemoOutcomes) -> DemoPilots:
    """The demo's pilot on the outcomes demo's teams (registered the week before it started),
    evaluated on the weekly change lead time the outcomes area measures from their deployments.
    Idempotent: a second run keeps the registration and evaluates again."""
    ctx.actor.require(Permission.EDIT)
    if outcomes.pilot_team is None or not outcomes.comparison_teams:
        return DemoPilots(skipped=outcomes.skipped or "the outcomes demo has no comparison team")
    names = team_names(ctx)
    result = DemoPilots(DEMO_PILOT_ID, names.get(outcomes.pilot_team, outcomes.pilot_team))
    with ctx.database.reading() as uow:
        result.reused = uow.repo(PilotRepository).get(DEMO_PILOT_ID) is not None
    if not result.reused:
        start = outcomes.pilot_start
        week_before = datetime.combine(start - timedelta(days=7), time(9), tzinfo=UTC)
        register_pilot(_AtMoment(ctx, week_before), _demo_plan(outcomes, outcomes.pilot_team))
    result.verdict = evaluate_pilot(ctx, DEMO_PILOT_ID).verdict.value
    return result
