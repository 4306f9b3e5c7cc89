"""Readiness results: the organisation's score per challenge, the next steps the lowest items
point at, and the organisation's own DiMiOS scores beside them."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from produktlyft.kernel.access import Permission
from produktlyft.kernel.context import ServiceContext
from produktlyft.kernel.errors import InvalidInput, Issue
from produktlyft.kernel.files.base import ImportLimits
from produktlyft.surveys.extras import DimiosScore
from produktlyft.surveys.extras_repository import SurveyExtrasRepository
from produktlyft.surveys.importers.dimios_csv import read_dimios
from produktlyft.surveys.instruments import READINESS, Challenge, Remedy, challenge_of
from produktlyft.surveys.model import ItemResult, ScaleResult
from produktlyft.surveys.remedies import ADVICE
from produktlyft.surveys.services.reports import survey_report

# On the 5-point scale 4 is "agree": an item below 3.5 is not clearly in place.
WEAK_BELOW = 3.5
STEPS_PER_CHALLENGE = 2


@dataclass
class ChallengeResult:
    challenge: Challenge
    label: str
    scale: ScaleResult


@dataclass
class NextStep:
    remedy: Remedy
    label: str
    advice: str
    because: list[ItemResult] = field(default_factory=list)


@dataclass
class ReadinessView:
    round_id: str
    shown: bool  # False when the organisation's result is hidden (too few answers)
    challenges: list[ChallengeResult]
    next_steps: list[NextStep]
    dimios: list[DimiosScore]


def readiness_view(
    ctx: ServiceContext,
    round_id: str,
    lang: str | None = None,
) -> ReadinessView:
    report = survey_report(ctx, round_id, lang=lang, organisation_only=True)
    if READINESS.code not in [inst.code for inst in report.instruments]:
        raise InvalidInput([Issue(message=f"round {round_id} has no readiness assessment")])
    with ctx.database.reading() as uow:
        dimios = uow.repo(SurveyExtrasRepository).dimios()
    org = report.groups[0]
    challenges = []
    for code, scale in org.scales.items():
        challenge = challenge_of(code)
        if challenge is not None:
            challenges.append(ChallengeResult(challenge, challenge.label(report.lang), scale))
    return ReadinessView(
        round_id, not org.suppressed, challenges, _next_steps(challenges, report.lang), dimios
    )


def _next_steps(challenges: list[ChallengeResult], lang: str) -> list[NextStep]:
    """The remedies of the weakest items: per challenge at most two items below 3.5, ordered
    by how low they score; items sharing a remedy share one step."""
    weak: list[ItemResult] = []
    for result in challenges:
        if result.scale.suppressed:
            continue
        low = sorted(
            (
                i
                for i in result.scale.items
                if i.mean is not None and i.mean < WEAK_BELOW and i.remedy
            ),
            key=lambda i: i.mean or 0.0,
        )
        weak.extend(low[:STEPS_PER_CHALLENGE])
    steps: dict[Remedy, NextStep] = {}
    for item in sorted(weak, key=lambda i: i.mean or 0.0):
        remedy = Remedy.parse(item.remedy or "")
        step = steps.setdefault(
            remedy, NextStep(remedy, remedy.label(lang), ADVICE[remedy].get(lang))
        )
        step.because.append(item)
    return list(steps.values())


def import_dimios(ctx: ServiceContext, path: Path, scope: str | None = None) -> int:
    """Store an organisation's own DiMiOS dimension scores from a CSV or .xlsx file."""
    ctx.actor.require(Permission.IMPORT)
    ctx.database.require_current()
    limits = ImportLimits(
        ctx.settings.max_import_bytes,
        ctx.settings.max_unpacked_bytes,
        ctx.settings.max_issues_per_file,
    )
    scores = read_dimios(path, scope or "Organisation", ctx.today(), limits)
    with ctx.database.unit_of_work() as uow:
        uow.repo(SurveyExtrasRepository).add_dimios(scores)
    return len(scores)


def dimios_scores(ctx: ServiceContext) -> list[DimiosScore]:
    ctx.actor.require(Permission.READ)
    ctx.database.require_current()
    with ctx.database.reading() as uow:
        return uow.repo(SurveyExtrasRepository).dimios()
