"""The browse queries give the same answers on SQLite and PostgreSQL as plain Python does."""

from __future__ import annotations

from pathlib import Path

from produktlyft.inventory.analysis.data_quality import assess_data_quality
from produktlyft.inventory.queries import MissingFact, SystemQuery, SystemSort
from produktlyft.inventory.services.browse import find_systems
from produktlyft.inventory.services.dashboard import summarise
from produktlyft.inventory.services.imports import import_files
from produktlyft.inventory.services.summary import summarise_inventory
from produktlyft.inventory.vocabularies import Criticality, Lifecycle
from produktlyft.kernel.context import ServiceContext
from tests.support.inventory import synthetic_inventory, write_inventory_json


def _load(ctx: ServiceContext, tmp_path: Path) -> None:
    import_files(ctx, [write_inventory_json(tmp_path / "inv.json", systems=40, seed=3)])


def test_sql_data_quality_matches_the_analytics_definition(
    ctx: ServiceContext, tmp_path: Path
) -> None:
    _load(ctx, tmp_path)
    expected = assess_data_quality(synthetic_inventory(40, 3).systems)
    fast, slow = summarise(ctx), summarise_inventory(ctx)
    assert fast.quality == expected == slow.quality
    assert fast.counts == slow.counts
    assert fast.annual_cost == slow.annual_cost
    assert fast.systems_by_lifecycle == slow.systems_by_lifecycle
    assert fast.systems_by_criticality == slow.systems_by_criticality


def test_filters_sorting_and_paging(ctx: ServiceContext, tmp_path: Path) -> None:
    _load(ctx, tmp_path)
    systems = synthetic_inventory(40, 3).systems
    every = find_systems(ctx, SystemQuery(per_page=500))
    assert [row.id for row in every.items] == [
        s.id for s in sorted(systems, key=lambda s: (s.name.lower(), s.id))
    ]
    critical = find_systems(
        ctx,
        SystemQuery(
            criticality=Criticality.CRITICAL_TO_SOCIETY, lifecycle=Lifecycle.ACTIVE, per_page=500
        ),
    )
    assert {row.id for row in critical.items} == {
        s.id
        for s in systems
        if s.criticality is Criticality.CRITICAL_TO_SOCIETY and s.lifecycle is Lifecycle.ACTIVE
    }
    no_cost = find_systems(ctx, SystemQuery(missing=MissingFact.COST, per_page=500))
    assert {row.id for row in no_cost.items} == {s.id for s in systems if s.annual_cost is None}
    with_capability = find_systems(ctx, SystemQuery(capability_id="cap-pay", per_page=500))
    assert {row.id for row in with_capability.items} == {
        s.id for s in systems if any(c.capability_id == "cap-pay" for c in s.capabilities)
    }
    costly = find_systems(ctx, SystemQuery(sort=SystemSort.COST, descending=True, per_page=5))
    known = sorted((s.annual_cost for s in systems if s.annual_cost is not None), reverse=True)
    assert [row.annual_cost for row in costly.items] == known[:5]
    page_two = find_systems(ctx, SystemQuery(per_page=15, page=2))
    assert page_two.total == 40 and page_two.pages == 3
    assert [r.id for r in page_two.items] == [r.id for r in every.items[15:30]]
    found = find_systems(ctx, SystemQuery(text="  SYS-00012 "))
    assert [row.id for row in found.items] == ["sys-00012"]
    assert find_systems(ctx, SystemQuery(text="100%_")).total == 0


def test_pages_of_every_sort_join_up_to_the_whole_list(ctx: ServiceContext, tmp_path: Path) -> None:
    """The page's ids are chosen first and their columns read after (a deferred join): the
    pages, read one after the other, must give the same rows in the same order as one page
    holding everything, for every sort and direction, the unit's name included."""
    _load(ctx, tmp_path)
    for sort in SystemSort:
        for descending in (False, True):
            whole = find_systems(ctx, SystemQuery(sort=sort, descending=descending, per_page=500))
            pages = [
                find_systems(
                    ctx, SystemQuery(sort=sort, descending=descending, per_page=7, page=number)
                ).items
                for number in range(1, 8)
            ]
            joined = [row for page in pages for row in page]
            assert joined == whole.items, (sort, descending)
            assert len({row.id for row in joined}) == 40
