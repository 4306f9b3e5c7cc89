"""Analysing a stored event log, and the workflow pain per system.

`analyse_event_log` reads the canonical Parquet (no re-sorting), applies the filters and
computes every analysis the CLI, web pages and report show. Its tables come from the engine
asked for: polars in memory (the default), or the same analyses as SQL on DuckDB or Spark
(`engines.py`), which give the same answer; findings and the map's activity order are always
worked out here, from the canonical log. `workflow_pain_by_system` is the
extension point for the portfolio review's "where to start" ranking.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from produktlyft.kernel.access import Permission
from produktlyft.kernel.context import ServiceContext
from produktlyft.kernel.errors import InvalidInput, Issue, NotFound
from produktlyft.workflows.analysis.filters import apply_filter
from produktlyft.workflows.analysis.findings import Assumptions, Finding, find, pain_by_activity
from produktlyft.workflows.analysis.log_tables import LogTables, polars_tables, sql_tables
from produktlyft.workflows.analysis.process_map import ProcessMap, activity_ranks, layout
from produktlyft.workflows.analysis.sql import sql_table
from produktlyft.workflows.analysis.view import LogView
from produktlyft.workflows.engines import POLARS, SparkOptions, check_engine, open_engine
from produktlyft.workflows.model import EventLogInfo, LogFilter, MapSettings, Progress, no_progress
from produktlyft.workflows.services.logs import activity_systems, event_log_files, get_event_log


@dataclass
class WorkflowAnalysis(LogTables):
    """Everything computed for one (filtered) log: the engine's tables, what the log and filter
    were, and the findings; frames are polars DataFrames."""

    log: EventLogInfo
    filter: LogFilter
    findings: list[Finding]
    activity_ranks: dict[str, float] = field(default_factory=dict)
    systems_by_activity: dict[str, list[str]] = field(default_factory=dict)

    def process_map(self, settings: MapSettings | None = None) -> ProcessMap:
        """The process map with the user's edge and activity filters (pure, fast)."""
        return layout(
            self.activity_ranks,
            self.dfg,
            self.activity_counts,
            self.start_activities,
            self.end_activities,
            self.cases,
            settings,
        )

    def finding_systems(self, finding: Finding) -> list[str]:
        return sorted(
            {
                system
                for activity in finding.activities
                for system in self.systems_by_activity.get(activity, [])
            }
        )


def load_log(ctx: ServiceContext, info: EventLogInfo) -> LogView:
    """The stored canonical log, read as written (no sorting)."""
    try:
        return LogView(*event_log_files(ctx).read(info.stored_file))
    except FileNotFoundError as error:
        raise NotFound(
            f"the stored file of event log '{info.name}' is missing from "
            f"{event_log_files(ctx).root}; import the log again"
        ) from error


def analyse_event_log(
    ctx: ServiceContext,
    name: str,
    log_filter: LogFilter | None = None,
    progress: Progress = no_progress,
    assumptions: Assumptions | None = None,
    engine: str = POLARS,
) -> WorkflowAnalysis:
    ctx.actor.require(Permission.READ)
    check_engine(engine)
    info = get_event_log(ctx, name)
    log_filter = log_filter or LogFilter()
    if engine != POLARS and not log_filter.is_empty:
        raise InvalidInput(
            [
                Issue(
                    message=f"the {engine} engine analyses the whole log; filter with the polars "
                    "engine (--engine polars)"
                )
            ],
            "filters need the polars engine",
        )
    progress("reading the stored log", 0.0)
    view = load_log(ctx, info)
    try:
        view = apply_filter(view, log_filter)
    except KeyError as error:
        raise InvalidInput(
            [
                Issue(
                    message=f"the log has no attribute {error}; it has: "
                    f"{', '.join(view.events.columns)}"
                )
            ],
            "unknown filter attribute",
        ) from error
    progress(f"process map, variants, times, waiting and rework ({engine})", 0.2)
    tables = polars_tables(view) if engine == POLARS else _sql_tables(ctx, info, view, engine)
    result = WorkflowAnalysis(
        log=info,
        filter=log_filter,
        **{field: getattr(tables, field) for field in LogTables.__dataclass_fields__},
        findings=[],
        activity_ranks=activity_ranks(view),
    )
    progress("findings", 0.8)
    result.findings = find(view, assumptions)
    result.systems_by_activity = activity_systems(ctx)
    progress("done", 1.0)
    return result


def _sql_tables(ctx: ServiceContext, info: EventLogInfo, view: LogView, engine: str) -> LogTables:
    """The tables by an SQL engine, over the event table kept beside the stored log."""
    table = event_log_files(ctx).sql_table(info.stored_file, lambda: sql_table(view))
    options = SparkOptions(master=ctx.settings.spark_master, remote=ctx.settings.spark_remote)
    with open_engine(engine, table, options) as sql:
        return sql_tables(sql.run, sql.dialect, sql.table)


def workflow_pain_by_system(ctx: ServiceContext) -> dict[str, float]:
    """System id -> citizen days per year attributable to the system's activities.

    For every stored log, the findings of the whole log are attributed to the activities they
    name (a finding's days split evenly over them), and each activity's days split evenly over
    the systems mapped to it (`produktlyft workflows map`). Activities without a system are
    left out. Findings can overlap, so this is a ranking signal, not a sum to report as savings.
    """
    ctx.actor.require(Permission.READ)
    from produktlyft.workflows.services.logs import list_event_logs

    systems = activity_systems(ctx)
    pain: dict[str, float] = {}
    if not systems:
        return pain
    for info in list_event_logs(ctx):
        for activity, days in _activity_pain(ctx, info).items():
            supporting = systems.get(activity, [])
            for system in supporting:
                pain[system] = pain.get(system, 0.0) + days / len(supporting)
    return dict(sorted(pain.items(), key=lambda item: -item[1]))


def _activity_pain(ctx: ServiceContext, info: EventLogInfo) -> dict[str, float]:
    """A log's findings as days per activity. A stored file never changes (a new import gets
    a new file name), so the answer is kept: the weights editor previews the review, pain
    included, at every change of a weight."""
    key = (str(event_log_files(ctx).path(info.stored_file)), info.imported_at.isoformat())
    cache = ctx.caches.named("workflows.pain", PAIN_CACHE_SIZE)
    known = cache.get_or_build(
        "files", 0, key, lambda: pain_by_activity(find(load_log(ctx, info)))
    )  # one constant version: the answer for a stored file never goes stale
    return dict(known)


PAIN_CACHE_SIZE = 32
