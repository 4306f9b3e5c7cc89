"""The demo's workflows: a real case-handling event log, imported through the ordinary workflow
service and linked to the demo organisation's building-permit systems.

The log is the receipt phase of environmental-permit applications (which cover building) at a
Dutch municipality: Buijs (2014), CoSeLoG, 4TU.ResearchData, doi
10.4121/uuid:a07386a5-7be3-4367-9535-70bc9e77dbe6, CC BY 4.0. The package ships it
(`produktlyft/demo/data/receipt.xes.gz`, with its SOURCES.md) and the demo uses it unless told
another file. Exempelstad's building-permit
unit stands in for that municipality: every activity runs in its case-handling system, and the
application's arrival also in its e-service.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from produktlyft.demo.generator.systems import ANCHORS
from produktlyft.inventory.model import System
from produktlyft.inventory.repository import InventoryRepository
from produktlyft.kernel.access import Permission
from produktlyft.kernel.context import ServiceContext
from produktlyft.workflows.model import EventLogInfo
from produktlyft.workflows.presenter import finding_title
from produktlyft.workflows.services.analysis import analyse_event_log
from produktlyft.workflows.services.logs import (
    ImportOptions,
    import_event_log,
    list_event_logs,
    map_activity,
)

DEMO_LOG_NAME = "bygglov-mottagning"
TOP_FINDINGS = 3
# The receipt log as the package ships it (source, licence and attribution in SOURCES.md beside it).
DEFAULT_EVENTLOG = Path(str(resources.files("produktlyft.demo.data") / "receipt.xes.gz"))
CASE_SYSTEM = ANCHORS[("bygglov", "case")]
BYGGLOV_CAPABILITY = "CAP-SBF-BYGGLOV"
# The application arrives through the e-service; the rest of the receipt is case handling.
E_SERVICE_ACTIVITIES = frozenset({"Confirmation of receipt"})
HOW_TO_ADD = (
    "Give another file with `produktlyft demo --eventlog PATH` (without it the demo uses the "
    "4TU receipt log it ships), or `make demo EVENTLOG=PATH`; or import any log later with "
    "`produktlyft workflows import`"
)


@dataclass
class DemoWorkflows:
    log: EventLogInfo | None = None
    skipped: str | None = None  # why the workflow part was left out, and how to add it
    reused: bool = False  # the log was already stored by an earlier run of the demo
    mapped: dict[str, list[str]] = field(default_factory=dict)  # system name -> activities
    findings: list[tuple[str, float]] = field(default_factory=list)  # the top ones: title, days


def _bygglov_systems(ctx: ServiceContext) -> tuple[System | None, System | None]:
    """The case-handling system (an anchor every demo has) and, if the demo has one, the
    building-permit e-service (the first without a city district)."""
    with ctx.database.reading() as uow:
        systems = [
            s for s in uow.repo(InventoryRepository).load("systems") if isinstance(s, System)
        ]
    case = next((s for s in sorted(systems, key=lambda s: s.id) if s.name == CASE_SYSTEM), None)
    services = sorted(
        (
            s
            for s in systems
            if "eservice" in s.tags
            and any(c.capability_id == BYGGLOV_CAPABILITY for c in s.capabilities)
        ),
        key=lambda s: (" – " in s.name, s.id),
    )
    return case, (services[0] if services else None)


def load_demo_workflows(
    ctx: ServiceContext, eventlog: Path | None = DEFAULT_EVENTLOG
) -> DemoWorkflows:
    """Import the event log (by default the receipt log the package ships) as
    `bygglov-mottagning` (once) and map its activities to the demo's building-permit systems.
    A missing file is not an error: the part is skipped and the result says how to add it."""
    ctx.actor.require(Permission.IMPORT)
    if eventlog is None:
        return DemoWorkflows(skipped=f"No event log was given. {HOW_TO_ADD}")
    if not eventlog.is_file():
        return DemoWorkflows(skipped=f"The event log {eventlog} was not found. {HOW_TO_ADD}")
    case, e_service = _bygglov_systems(ctx)
    if case is None:
        return DemoWorkflows(
            skipped=f"The inventory has no system named «{CASE_SYSTEM}»; "
            "load the demo organisation first."
        )
    stored = {info.name: info for info in list_event_logs(ctx)}
    reused = DEMO_LOG_NAME in stored
    info = (
        stored[DEMO_LOG_NAME]
        if reused
        else import_event_log(ctx, eventlog, ImportOptions(name=DEMO_LOG_NAME))
    )
    mapped: dict[str, list[str]] = {}
    for activity in info.activities:
        targets = [case] + ([e_service] if e_service and activity in E_SERVICE_ACTIVITIES else [])
        for system in targets:
            map_activity(ctx, activity, system.id)
            mapped.setdefault(system.name, []).append(activity)
    found = analyse_event_log(ctx, DEMO_LOG_NAME).findings[:TOP_FINDINGS]
    return DemoWorkflows(
        log=info,
        reused=reused,
        mapped=mapped,
        findings=[(finding_title(f, "en"), f.citizen_days_per_year) for f in found],
    )
