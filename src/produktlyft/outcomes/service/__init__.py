"""The outcomes area's use cases. Other areas use `team_series`, `list_key_results` and
`benefit_follow_up`."""

from __future__ import annotations

from produktlyft.outcomes.importers.okr_table import KeyResultRow
from produktlyft.outcomes.service.benefits import benefit_follow_up
from produktlyft.outcomes.service.common import known_teams
from produktlyft.outcomes.service.delivery import (
    DeploymentImport,
    Distribution,
    DoraReport,
    TeamTrends,
    delivery_teams,
    dora_report,
    import_deployments,
    import_incidents,
    organisation_distributions,
    outcome_settings,
    save_settings,
    team_trends,
)
from produktlyft.outcomes.service.demo import DemoOutcomes, load_demo_outcomes
from produktlyft.outcomes.service.kpis import (
    ServiceKpis,
    import_kpis,
    list_services,
    record_kpi,
    save_service,
    service_kpis,
)
from produktlyft.outcomes.service.okrs import (
    CheckedKeyResult,
    check_key_results,
    import_key_results,
    list_key_results,
    save_key_results,
    stored_key_results,
)
from produktlyft.outcomes.service.series import team_series

__all__ = [
    "CheckedKeyResult",
    "DemoOutcomes",
    "DeploymentImport",
    "Distribution",
    "DoraReport",
    "KeyResultRow",
    "ServiceKpis",
    "TeamTrends",
    "benefit_follow_up",
    "check_key_results",
    "delivery_teams",
    "dora_report",
    "import_deployments",
    "import_incidents",
    "import_key_results",
    "import_kpis",
    "known_teams",
    "list_key_results",
    "list_services",
    "load_demo_outcomes",
    "organisation_distributions",
    "outcome_settings",
    "record_kpi",
    "save_key_results",
    "save_service",
    "save_settings",
    "service_kpis",
    "stored_key_results",
    "team_series",
    "team_trends",
]
