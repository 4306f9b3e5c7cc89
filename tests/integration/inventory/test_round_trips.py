"""Export, then import the result: nothing changes, for every format."""

from __future__ import annotations

from pathlib import Path

import pytest

from produktlyft.inventory.services.export import export_inventory, load_inventory
from produktlyft.inventory.services.imports import import_files
from produktlyft.kernel.context import ServiceContext


@pytest.fixture
def loaded(ctx: ServiceContext, test_data: Path) -> ServiceContext:
    import_files(
        ctx,
        [
            test_data / "archimate/archisurance.xml",
            test_data / "archimate/archisurance.archimate",
        ],
    )
    import_files(ctx, [test_data / "backstage"])
    return ctx


@pytest.mark.parametrize(
    ("fmt", "name"),
    [
        ("xlsx", "out.xlsx"),
        ("csv", "out.zip"),
        ("csv", "out-folder"),
        ("json", "out.json"),
        ("archimate", "out.xml"),
    ],
)
@pytest.mark.parametrize("lang", ["sv", "en"])
def test_export_then_import_changes_nothing(
    loaded: ServiceContext, tmp_path: Path, fmt: str, name: str, lang: str
) -> None:
    before = load_inventory(loaded)
    export_inventory(loaded, fmt, tmp_path / name, lang)
    report = import_files(loaded, [tmp_path / name])
    assert report.changed == 0, {e: c for e, c in report.counts.items() if c.created or c.updated}
    assert sum(c.unchanged for c in report.counts.values()) == sum(before.count().values())


def test_archimate_export_into_an_empty_database_reproduces_everything(
    loaded: ServiceContext, tmp_path: Path, sqlite_database
) -> None:  # type: ignore[no-untyped-def]
    from tests.conftest import make_context

    export_inventory(loaded, "archimate", tmp_path / "model.xml")
    fresh = make_context(sqlite_database)
    import_files(fresh, [tmp_path / "model.xml"])
    source, copy = load_inventory(loaded), load_inventory(fresh)
    for entity in source.count():
        assert [r.content() for r in source.records(entity)] == [
            r.content() for r in copy.records(entity)
        ], entity
