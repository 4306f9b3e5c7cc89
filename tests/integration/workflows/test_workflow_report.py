"""The workflow section of the leadership report: findings with example cases, the systems
behind them, the process map with its table, and the method notes, in Swedish and English."""

from __future__ import annotations

from pathlib import Path

import pytest

from produktlyft.bootstrap import report
from produktlyft.inventory.exporters.json_export import write_json
from produktlyft.inventory.model import System
from produktlyft.inventory.repository import InventoryRepository
from produktlyft.inventory.services.imports import import_files
from produktlyft.kernel.context import ServiceContext
from produktlyft.review.services.run import review
from produktlyft.workflows.services.logs import ImportOptions, import_event_log, map_activity
from tests.conftest import make_context
from tests.review_fixtures import REFERENCE_DATE, organisation


@pytest.fixture
def reviewed(sqlite_database, tmp_path: Path) -> ServiceContext:  # type: ignore[no-untyped-def]
    ctx = make_context(sqlite_database, data_dir=tmp_path / "data")
    write_json(organisation(), tmp_path / "org.json")
    import_files(ctx, [tmp_path / "org.json"])
    review(ctx, today=REFERENCE_DATE)
    return ctx


def test_no_event_log_no_section(reviewed: ServiceContext) -> None:
    html = report().render_html(reviewed, "en")
    assert "Outdated workflows" not in html


def test_section_tells_findings_with_examples_systems_and_map(
    reviewed: ServiceContext, test_data: Path
) -> None:
    receipt = test_data / "eventlogs" / "receipt.xes.gz"
    import_event_log(reviewed, receipt, ImportOptions(name="bygglov-mottagning"))
    with reviewed.database.unit_of_work() as uow:
        uow.repo(InventoryRepository).insert("systems", [System(id="ecos-wf", name="Ecos")])
    map_activity(reviewed, "T06 Determine necessity of stop advice", "ecos-wf")
    swedish = report().render_html(reviewed, "sv")
    assert "Föråldrade arbetsflöden" in swedish
    assert "«bygglov-mottagning»" in swedish and "medborgardagar per år" in swedish
    assert "case-" in swedish  # example cases named
    assert "System bakom aktiviteterna: ecos-wf" in swedish
    assert 'class="process-map"' in swedish and "Processkarta för" in swedish
    assert "pm4py" in swedish  # the method appendix says how
    english = report().render_html(reviewed, "en")
    assert "Outdated workflows" in english and "citizen days a year" in english
    assert english.index("Outdated workflows") > english.index("Where to start")
