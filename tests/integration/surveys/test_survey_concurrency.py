"""Single-use links under concurrent submissions, on SQLite and PostgreSQL."""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Callable

from produktlyft.kernel.context import ServiceContext
from produktlyft.kernel.errors import ProduktlyftError
from produktlyft.surveys.repository import SurveyRepository
from produktlyft.surveys.services.answers import submit_answer
from produktlyft.surveys.services.reports import survey_report
from produktlyft.surveys.services.rounds import close_round, generate_links
from tests.integration.surveys.helpers import TODAY, all_fields, at_day, new_round


def _race(jobs: list[Callable[[], object]]) -> Counter[str]:
    """Run the jobs in threads released at the same moment; count outcomes by type."""
    start = threading.Barrier(len(jobs))
    outcomes: Counter[str] = Counter()
    lock = threading.Lock()

    def run(job: Callable[[], object]) -> None:
        start.wait()
        try:
            job()
            result = "ok"
        except ProduktlyftError as error:
            result = type(error).__name__
        except Exception as error:  # a database error here is a bug
            result = f"BUG {type(error).__name__}: {error}"
        with lock:
            outcomes[result] += 1

    threads = [threading.Thread(target=run, args=(job,)) for job in jobs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return outcomes


def _stored(ctx: ServiceContext, round_id: str) -> tuple[int, int]:
    """(respondents counted, Σ of westrum.1 answers) straight from the aggregates."""
    with ctx.database.reading() as uow:
        respondents = sum(uow.repo(SurveyRepository).respondents(round_id).values())
        from produktlyft.surveys.services.rounds import round_specs

        round_ = uow.repo(SurveyRepository).get_round(round_id)
        aggregates = uow.repo(SurveyRepository).aggregates(round_id, round_specs(round_))
    first_item = sum(
        int((agg["westrum"].counts[0] * range(1, 8)).sum())
        for agg in aggregates.values()
        if "westrum" in agg
    )
    return respondents, first_item


def test_one_link_submitted_thirty_times_at_once_answers_once(ctx: ServiceContext) -> None:
    at_day(ctx, TODAY)
    round_id = new_round(ctx, instruments=("westrum",)).round.id
    token = generate_links(ctx, round_id, "Alpha", 1).tokens[0]
    fields = all_fields(ctx, token)
    outcomes = _race(
        [
            lambda v=v: submit_answer(ctx, token, dict.fromkeys(fields, str(v % 7 + 1)))
            for v in range(30)
        ]
    )
    assert outcomes == Counter({"ok": 1, "AlreadyUsed": 29})
    assert _stored(ctx, round_id)[0] == 1


def test_forty_links_at_once_lose_and_double_nothing(ctx: ServiceContext) -> None:
    at_day(ctx, TODAY)
    round_id = new_round(ctx, instruments=("westrum",)).round.id
    tokens = generate_links(ctx, round_id, "Alpha", 40).tokens
    fields = all_fields(ctx, tokens[0])
    values = [i % 7 + 1 for i in range(40)]
    jobs = [
        lambda t=t, v=v: submit_answer(ctx, t, dict.fromkeys(fields, str(v)))
        for t, v in zip(tokens, values, strict=True)
    ]
    # each link twice, all at the same moment
    outcomes = _race(jobs + jobs)
    assert outcomes == Counter({"ok": 40, "AlreadyUsed": 40})
    assert _stored(ctx, round_id) == (40, sum(values))
    assert survey_report(ctx, round_id).groups[0].n == 40


def test_closing_while_answers_arrive_keeps_every_accepted_answer(ctx: ServiceContext) -> None:
    at_day(ctx, TODAY)
    round_id = new_round(ctx, instruments=("westrum",), teams=("Alpha",)).round.id
    tokens = generate_links(ctx, round_id, "Alpha", 20).tokens
    fields = all_fields(ctx, tokens[0])
    jobs: list[Callable[[], object]] = [
        lambda t=t: submit_answer(ctx, t, dict.fromkeys(fields, "5")) for t in tokens
    ]
    jobs.insert(10, lambda: close_round(ctx, round_id))
    outcomes = _race(jobs)
    accepted = outcomes["ok"] - 1  # the close itself succeeded
    assert accepted + outcomes["RoundClosed"] == 20, outcomes
    respondents, total = _stored(ctx, round_id)
    # after closing, 20 answers in one team leave n >= k or nothing: every accepted answer
    # is either still counted or the team was too small to keep at all
    assert respondents in (accepted, 0)
    assert total in (5 * accepted, 0)
