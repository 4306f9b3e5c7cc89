"""A user's product catalogue (`review --products FILE`, or the `product_catalogue` setting):
its products place systems the shipped catalogue does not know, and a broken file stops the run
with the file, entry and field named, nothing stored (on SQLite and PostgreSQL)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from produktlyft.inventory.exporters.json_export import write_json
from produktlyft.inventory.model import Inventory, System
from produktlyft.inventory.services.imports import import_files
from produktlyft.kernel.context import ServiceContext
from produktlyft.kernel.errors import NotFound, ProduktlyftError
from produktlyft.review.services.run import latest_review, review
from tests.conftest import make_context

TODAY = date(2026, 12, 1)
# two payroll products under names no shipped entry knows, described only as what they are
SYSTEMS = [
    ("s-1", "Zentora", "Verksamhetssystem."),
    ("s-2", "Quillix", "Verksamhetssystem."),
    ("s-3", "Bygglov e-tjänst", "Ansök om bygglov."),
    ("s-4", "Ekonomi", "Redovisning."),
]
ENTRIES = [
    {"vendor": "Zen AB", "product": "Zentora", "functions": ["hr_lon"], "source": "https://z.se"},
    {"vendor": "Quill AS", "product": "Quillix", "functions": ["hr_lon"], "source": "https://q.no"},
]


def _inventory(tmp_path: Path) -> Path:
    path = tmp_path / "org.json"
    systems = [System(id=i, name=n, description=d) for i, n, d in SYSTEMS]
    write_json(Inventory(systems=systems), path)
    return path


def _catalogue(tmp_path: Path, entries: object) -> Path:
    path = tmp_path / "products.json"
    path.write_text(json.dumps({"products": entries}), encoding="utf-8")
    return path


def _pairs(ctx: ServiceContext) -> set[tuple[str, str]]:
    return {(p.system_a, p.system_b) for p in latest_review(ctx).duplicates}


def test_a_user_catalogue_places_products_the_shipped_one_does_not_know(
    ctx: ServiceContext, tmp_path: Path
) -> None:
    import_files(ctx, [_inventory(tmp_path)])
    plain = make_context(ctx.database, data_dir=tmp_path / "data")
    review(plain, today=TODAY)
    assert ("s-1", "s-2") not in _pairs(plain)
    review(plain, today=TODAY, products=_catalogue(tmp_path, ENTRIES))
    assert ("s-1", "s-2") in _pairs(plain)
    (pair,) = [p for p in latest_review(plain).duplicates if p.system_a == "s-1"]
    assert pair.function == "hr_lon"
    # the setting does the same for every run
    configured = make_context(
        ctx.database, data_dir=tmp_path / "data", product_catalogue=tmp_path / "products.json"
    )
    review(configured, today=TODAY)
    assert ("s-1", "s-2") in _pairs(configured)


@pytest.mark.parametrize(
    ("entries", "message"),
    [
        ([{"vendor": "Zen AB"}], r'products\[1\]: "product" must be a non-empty name'),
        (
            [{"product": "Zentora", "functions": ["payroll"]}],
            r"products\[1\] \(Zentora\): unknown function\(s\) payroll",
        ),
        (
            [{"product": "Zentora", "aliases": "zen"}],
            r'products\[1\] \(Zentora\): "aliases" must be a list of texts',
        ),
    ],
)
def test_a_broken_catalogue_is_refused_naming_entry_and_field(
    ctx: ServiceContext, tmp_path: Path, entries: object, message: str
) -> None:
    import_files(ctx, [_inventory(tmp_path)])
    loaded = make_context(ctx.database, data_dir=tmp_path / "data")
    with pytest.raises(ProduktlyftError, match=r"products\.json: " + message):
        review(loaded, today=TODAY, products=_catalogue(tmp_path, entries))
    with pytest.raises(NotFound):
        latest_review(loaded)  # nothing stored


def test_review_products_option_on_the_command_line(
    ctx: ServiceContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from produktlyft.bootstrap import cli_app
    from produktlyft.kernel.cli.state import STATE

    import_files(ctx, [_inventory(tmp_path)])
    monkeypatch.setattr(STATE, "_context", make_context(ctx.database, data_dir=tmp_path / "d"))
    catalogue = _catalogue(tmp_path, ENTRIES)
    out = tmp_path / "r.json"
    done = CliRunner().invoke(
        cli_app(), ["review", "--products", str(catalogue), "--json", str(out)]
    )
    assert done.exit_code == 0, done.output
    pairs = {(p["a"], p["b"]) for p in json.loads(out.read_text())["duplicates"]}
    assert ("s-1", "s-2") in pairs
    (tmp_path / "broken.json").write_text("{not json", encoding="utf-8")
    broken = CliRunner().invoke(cli_app(), ["review", "--products", str(tmp_path / "broken.json")])
    # the kernel's entry point prints the message and exits 1; the runner shows the error
    assert broken.exit_code == 1 and isinstance(broken.exception, ProduktlyftError)
    assert "broken.json: the product catalogue is not JSON" in str(broken.exception)
