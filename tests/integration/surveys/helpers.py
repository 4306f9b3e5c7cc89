"""Builders shared by the survey tests: rounds, answering, a fixed clock."""

from __future__ import annotations

import random
from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime, timedelta
from typing import Any

from produktlyft.kernel.context import ServiceContext
from produktlyft.surveys.model import RoundMode
from produktlyft.surveys.services.answers import open_answer_form, submit_answer
from produktlyft.surveys.services.rounds import CreatedRound, create_round, generate_links

TODAY = date(2026, 3, 2)


def at_day(ctx: ServiceContext, day: date) -> ServiceContext:
    """Set the context's clock to noon of a day (Stockholm is UTC+1 in March)."""
    moment = datetime(day.year, day.month, day.day, 11, 0, tzinfo=UTC)
    ctx.now = lambda: moment  # type: ignore[method-assign]
    return ctx


def new_round(
    ctx: ServiceContext,
    teams: Sequence[str] = ("Alpha", "Beta", "Gamma"),
    instruments: Sequence[str] = ("westrum", "psych-safety"),
    k: int = 5,
    mode: RoundMode = RoundMode.AGGREGATE,
    days: int = 14,
    **extra: Any,
) -> CreatedRound:
    return create_round(
        ctx,
        instruments=list(instruments),
        groups=list(teams),
        closes_on=TODAY + timedelta(days=days),
        opens_on=TODAY,
        min_group=k,
        mode=mode,
        **extra,
    )


def all_fields(ctx: ServiceContext, token: str) -> list[str]:
    return open_answer_form(ctx, token, "en").fields


def answer_with(
    ctx: ServiceContext,
    round_id: str,
    team: str,
    rows: Iterable[dict[str, str]],
) -> list[str]:
    """Answer once per row through fresh links; return the tokens used."""
    rows = list(rows)
    batch = generate_links(ctx, round_id, team, len(rows))
    for token, row in zip(batch.tokens, rows, strict=True):
        submit_answer(ctx, token, row)
    return batch.tokens


def random_rows(
    ctx: ServiceContext,
    round_id: str,
    team: str,
    count: int,
    seed: int = 1,
) -> list[dict[str, str]]:
    """`count` complete random answers to every item of the round, each on its own scale."""
    probe = generate_links(ctx, round_id, team, 1).tokens[0]
    questions = [q for s in open_answer_form(ctx, probe, "en").sections for q in s.questions]
    rng = random.Random(seed)
    return [{q.field: str(rng.randint(1, len(q.options))) for q in questions} for _ in range(count)]


def answer_randomly(
    ctx: ServiceContext, round_id: str, team: str, count: int, seed: int = 1
) -> list[dict[str, str]]:
    rows = random_rows(ctx, round_id, team, count, seed)
    answer_with(ctx, round_id, team, rows)
    return rows
