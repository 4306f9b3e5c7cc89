"""Loading the demo organisation "Exempelstad kommun" and writing its ground truth."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from produktlyft.domain.access import Permission
from produktlyft.domain.inventory import ENTITY_TYPES, Provenance
from produktlyft.exporters.tabular import write_xlsx
from produktlyft.importers.base import ParsedSource
from produktlyft.importers.demo import generate_demo
from produktlyft.services.context import ServiceContext
from produktlyft.services.inventory_import import ImportReport, import_sources

GROUND_TRUTH_FILE = "ground_truth.json"
WORKBOOK_FILE = "exempelstad.xlsx"
# Beyond this size the organisation is for benchmarks, and nobody opens it in Excel.
WORKBOOK_MAX_SYSTEMS = 2000


@dataclass
class DemoResult:
    report: ImportReport
    ground_truth_path: Path
    workbook_path: Path | None


def load_demo(ctx: ServiceContext, systems: int, seed: int, out_dir: Path) -> DemoResult:
    """Generate the organisation, import it through the ordinary import path, and write the
    ground truth and the organisation as a workbook beside each other."""
    ctx.actor.require(Permission.IMPORT)
    demo = generate_demo(systems, seed)
    source_name = f"demo-{systems}-{seed}"
    source = ParsedSource(path=Path(source_name), format="demo")
    for entity in ENTITY_TYPES:
        for number, record in enumerate(demo.inventory.records(entity), start=1):
            located = record.model_copy(update={"provenance": Provenance(
                source=source_name, location=f"{entity} #{number}")})
            source.inventory.records(entity).append(located)
    report = import_sources(ctx, [source])
    out_dir.mkdir(parents=True, exist_ok=True)
    truth_path = out_dir / GROUND_TRUTH_FILE
    truth_path.write_text(json.dumps(demo.ground_truth, ensure_ascii=False, indent=2) + "\n",
                          encoding="utf-8")
    workbook_path = None
    if systems <= WORKBOOK_MAX_SYSTEMS:
        workbook_path = out_dir / WORKBOOK_FILE
        write_xlsx(demo.inventory, workbook_path, "sv")
    return DemoResult(report, truth_path, workbook_path)
