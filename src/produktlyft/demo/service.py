"""Loading the demo organisation "Exempelstad kommun" and writing its ground truth: the
inventory, then (optionally) its building-permit workflow from a real event log, and its
culture surveys and decision register."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from produktlyft.demo.culture import DemoCulture, load_demo_culture
from produktlyft.demo.generator import DEFAULT_SEED, DEFAULT_SYSTEMS, generate_demo
from produktlyft.demo.generator.culture import PILOT_PSYCH_SAFETY
from produktlyft.demo.workflows import DEFAULT_EVENTLOG, DemoWorkflows, load_demo_workflows
from produktlyft.inventory.exporters.tabular import write_xlsx
from produktlyft.inventory.importers.source import ParsedSource
from produktlyft.inventory.model import ENTITY_TYPES, Provenance
from produktlyft.inventory.services.imports import ImportReport, import_sources
from produktlyft.inventory.services.summary import InventorySummary, summarise_inventory
from produktlyft.kernel.access import Permission
from produktlyft.kernel.context import ServiceContext
from produktlyft.kernel.errors import Conflict

GROUND_TRUTH_FILE = "ground_truth.json"
WORKBOOK_FILE = "exempelstad.xlsx"
# Beyond this size the organisation is for benchmarks, and nobody opens it in Excel.
WORKBOOK_MAX_SYSTEMS = 2000


@dataclass
class DemoResult:
    report: ImportReport
    ground_truth_path: Path
    workbook_path: Path | None
    workflows: DemoWorkflows | None = None
    culture: DemoCulture | None = None
    # the inventory as it stands after loading (the demo may have been loaded before)
    summary: InventorySummary | None = None


def load_demo(
    ctx: ServiceContext,
    systems: int,
    seed: int,
    out_dir: Path,
    *,
    eventlog: Path | None = DEFAULT_EVENTLOG,
    workflows: bool = False,
    culture: bool = False,
) -> DemoResult:
    """Generate the organisation, import it through the ordinary import path, and write the
    ground truth and the organisation as a workbook beside each other. With `workflows`, the
    event log (by default the receipt log the package ships; skipped with a note when the file
    is not there) becomes the building-permit workflow; with `culture`,
    two survey rounds and the decision register are simulated through their services."""
    ctx.actor.require(Permission.IMPORT)
    demo = generate_demo(systems, seed)
    source_name = f"demo-{systems}-{seed}"
    source = ParsedSource(path=Path(source_name), format="demo")
    for entity in ENTITY_TYPES:
        for number, record in enumerate(demo.inventory.records(entity), start=1):
            located = record.model_copy(
                update={
                    "provenance": Provenance(source=source_name, location=f"{entity} #{number}")
                }
            )
            source.inventory.records(entity).append(located)
    report = import_sources(ctx, [source])
    flows = load_demo_workflows(ctx, eventlog) if workflows else None
    surveys = load_demo_culture(ctx, seed) if culture else None
    truth = dict(demo.ground_truth)
    if surveys is not None and surveys.pilot_team:
        truth["culture"] = {
            "pilot_team": surveys.pilot_team,
            "pilot_psychological_safety": dict(PILOT_PSYCH_SAFETY),
            "decisions": surveys.decisions,
        }
    out_dir.mkdir(parents=True, exist_ok=True)
    truth_path = out_dir / GROUND_TRUTH_FILE
    truth_path.write_text(json.dumps(truth, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    workbook_path = None
    if systems <= WORKBOOK_MAX_SYSTEMS:
        workbook_path = out_dir / WORKBOOK_FILE
        write_xlsx(demo.inventory, workbook_path, "sv")
    return DemoResult(
        report, truth_path, workbook_path, flows, surveys, summary=summarise_inventory(ctx)
    )


def load_demo_into_empty(ctx: ServiceContext) -> DemoResult:
    """The start page's "try the demo": the demo organisation with its culture data, into an
    inventory that is still empty (mixing it into real records would spoil both). Its ground
    truth and workbook go to the data folder."""
    ctx.actor.require(Permission.IMPORT)
    if summarise_inventory(ctx).counts.get("systems", 0):
        raise Conflict("the demo loads only into an empty inventory")
    return load_demo(
        ctx, DEFAULT_SYSTEMS, DEFAULT_SEED, ctx.settings.resolved_data_dir() / "demo", culture=True
    )
