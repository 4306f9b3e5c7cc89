"""Weights re-fitted before a signal was added do not break the next review: it uses the
shipped weights until the analyst re-fits (on SQLite and PostgreSQL)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

from produktlyft.inventory.exporters.json_export import write_json
from produktlyft.inventory.services.imports import import_files
from produktlyft.kernel.context import ServiceContext
from produktlyft.review.analysis.duplicates import EARLIER_LENGTHS, SIGNALS, DuplicateSettings
from produktlyft.review.model import DuplicateWeights
from produktlyft.review.repository import ReviewRepository
from produktlyft.review.services.duplicates import duplicate_settings
from produktlyft.review.services.run import review
from tests.conftest import make_context
from tests.review_fixtures import SIGNALS_ADDED_LATER, organisation


def test_weights_of_an_older_signal_set_fall_back_to_the_shipped_ones(
    ctx: ServiceContext, tmp_path: Path
) -> None:
    path = tmp_path / "org.json"
    write_json(organisation(), path)
    import_files(ctx, [path])
    loaded = make_context(ctx.database, data_dir=tmp_path / "data")
    old = DuplicateWeights(  # a signal set that was never shipped with the ones known now
        (1.0,) * (min(EARLIER_LENGTHS) - 1), -3.0, 0.9, 12, "tester", datetime(2026, 11, 1)
    )
    with loaded.database.unit_of_work() as uow:
        uow.repo(ReviewRepository).save_duplicate_weights(old)
    shipped = duplicate_settings(loaded)
    assert shipped.weights == DuplicateSettings().weights
    assert shipped.trees is not None  # the shipped model scores pairs with its trees
    review(loaded, today=date(2026, 12, 1))  # runs, with the shipped weights
    current = DuplicateWeights((0.5,) * len(SIGNALS), -3.0, 0.9, 12, "t", datetime(2026, 12, 1))
    with loaded.database.unit_of_work() as uow:
        uow.repo(ReviewRepository).save_duplicate_weights(current)
    refitted = duplicate_settings(loaded)
    # a re-fit is the logistic model of its weights: the shipped trees would ignore them
    assert refitted.weights == current.weights and refitted.trees is None


def test_weights_fitted_before_the_embedding_and_best_match_signals_are_kept_with_them_at_zero(
    ctx: ServiceContext, tmp_path: Path
) -> None:
    path = tmp_path / "org.json"
    write_json(organisation(), path)
    import_files(ctx, [path])
    loaded = make_context(ctx.database, data_dir=tmp_path / "data")
    later = len(SIGNALS_ADDED_LATER)
    assert SIGNALS[-later:] == SIGNALS_ADDED_LATER
    before = DuplicateWeights(
        (0.5,) * (len(SIGNALS) - later), -3.0, 0.9, 12, "tester", datetime(2026, 11, 1)
    )
    with loaded.database.unit_of_work() as uow:
        uow.repo(ReviewRepository).save_duplicate_weights(before)
    assert duplicate_settings(loaded).weights == (*before.weights, *(0.0,) * later)
    # fitted with the embedding's signals, then with best match, the group signal, the origin
    # signal and the word parts, each before the later ones existed
    for missing in range(later - 2, 0, -1):
        stored = replace(before, weights=(0.5,) * (len(SIGNALS) - missing))
        with loaded.database.unit_of_work() as uow:
            uow.repo(ReviewRepository).save_duplicate_weights(stored)
        assert duplicate_settings(loaded).weights == (*stored.weights, *(0.0,) * missing)
