"""Cached inventory pages are never stale: a write in any process gives the inventory a new
data version in its own transaction, and every read compares versions first."""

from __future__ import annotations

from pathlib import Path

import pytest

from produktlyft.inventory.browse_repository import BrowseRepository
from produktlyft.inventory.queries import SystemQuery, SystemSort
from produktlyft.inventory.services.browse import (
    COUNT_CACHE,
    COUNT_ENTRIES,
    FILTER_OPTIONS_CACHE,
    FILTER_OPTIONS_ENTRIES,
    PAGE_CACHE,
    filter_options,
    find_systems,
    system_detail,
)
from produktlyft.inventory.services.edit import EditConflict, open_for_edit, save_edit
from produktlyft.inventory.services.imports import import_files
from produktlyft.kernel.context import ServiceContext
from produktlyft.kernel.db import Database
from tests.conftest import make_context
from tests.support.inventory import write_inventory_json


@pytest.fixture
def two_processes(
    database: Database,
    tmp_path: Path,
) -> tuple[ServiceContext, ServiceContext]:
    """Two contexts on separate engines, as two server processes would have."""
    import_files(make_context(database), [write_inventory_json(tmp_path / "inv.json", 30)])
    other = Database.for_tests(database.url)
    yield make_context(database), make_context(other)
    other.dispose()


def _version(ctx: ServiceContext) -> int:
    with ctx.database.reading() as uow:
        return uow.repo(BrowseRepository).fingerprint().version


def test_an_edit_elsewhere_shows_at_once(
    two_processes: tuple[ServiceContext, ServiceContext],
) -> None:
    reader, editor = two_processes
    first = find_systems(reader, SystemQuery()).items[0]
    assert find_systems(reader, SystemQuery()).items[0] == first
    pages = reader.caches.named(PAGE_CACHE, reader.settings.page_cache_entries)
    hits = pages.hits
    system_detail(reader, first.id)
    system_detail(reader, first.id)
    assert pages.hits == hits + 1  # the repeat came from the cache

    record = open_for_edit(editor, "systems", first.id)
    save_edit(editor, "systems", first.id, {"name": "Aaa renamed elsewhere"}, record.row_version)

    assert find_systems(reader, SystemQuery()).items[0].name == "Aaa renamed elsewhere"
    assert system_detail(reader, first.id).system.name == "Aaa renamed elsewhere"
    assert [change.entity_id for change in system_detail(reader, first.id).history][:1] == [
        first.id
    ]


def test_each_write_transaction_gives_one_new_version(
    two_processes: tuple[ServiceContext, ServiceContext], tmp_path: Path
) -> None:
    reader, editor = two_processes
    before = _version(reader)
    record = open_for_edit(editor, "systems", find_systems(reader, SystemQuery()).items[0].id)
    assert _version(reader) == before  # reading changes nothing
    save_edit(editor, "systems", record.id, {"description": "changed"}, record.row_version)
    after_edit = _version(reader)
    assert after_edit != before
    import_files(editor, [write_inventory_json(tmp_path / "again.json", 30)])
    assert _version(reader) != after_edit


def test_a_failed_write_keeps_the_version(
    two_processes: tuple[ServiceContext, ServiceContext],
) -> None:
    reader, editor = two_processes
    before = _version(reader)
    record = open_for_edit(editor, "systems", find_systems(reader, SystemQuery()).items[0].id)
    with pytest.raises(EditConflict):
        save_edit(editor, "systems", record.id, {"name": "late"}, record.row_version - 1)
    assert _version(reader) == before


def test_filter_options_are_kept_with_the_page_cache_off_and_follow_the_data(
    database: Database, tmp_path: Path
) -> None:
    """Every list page shows the same units and capabilities: they are read once per data
    version even when the page cache is off, and a rename in another process shows at once."""
    import_files(make_context(database), [write_inventory_json(tmp_path / "inv.json", 30)])
    other = Database.for_tests(database.url)
    try:
        reader = make_context(database, page_cache_entries=0)
        editor = make_context(other)
        options = reader.caches.named(FILTER_OPTIONS_CACHE, FILTER_OPTIONS_ENTRIES)
        first = filter_options(reader)
        assert filter_options(reader) == first and options.hits == 1
        capability = first.capabilities[-1]
        record = open_for_edit(editor, "capabilities", capability.id)
        save_edit(editor, "capabilities", capability.id, {"name": "Aaa"}, record.row_version)
        renamed = filter_options(reader)
        assert renamed.capabilities[0].name == "Aaa" and options.misses == 2
    finally:
        other.dispose()


def test_a_filters_count_is_kept_across_pages_and_orders_and_follows_the_data(
    database: Database, tmp_path: Path
) -> None:
    """Counting a text search reads every system; paging through it or sorting it counts
    once per data version, also with the page cache off, and a new system counts at once."""
    import_files(make_context(database), [write_inventory_json(tmp_path / "inv.json", 30)])
    other = Database.for_tests(database.url)
    try:
        reader = make_context(database, page_cache_entries=0)
        editor = make_context(other)
        counts = reader.caches.named(COUNT_CACHE, COUNT_ENTRIES)
        search = SystemQuery(text="system", per_page=5)
        first = find_systems(reader, search)
        later = find_systems(reader, search.model_copy(update={"page": 2}))
        by_cost = find_systems(reader, search.model_copy(update={"sort": SystemSort.COST}))
        assert first.total == later.total == by_cost.total and first.items != later.items
        assert counts.misses == 1 and counts.hits == 2
        renamed = SystemQuery(text="unikord")
        assert find_systems(reader, renamed).total == 0
        record = open_for_edit(editor, "systems", first.items[0].id)
        save_edit(editor, "systems", record.id, {"name": "Unikord"}, record.row_version)
        assert find_systems(reader, renamed).total == 1
    finally:
        other.dispose()
