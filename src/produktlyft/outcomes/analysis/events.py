"""Deployments and incidents as polars frames: the production filter, duplicate removal, and
linking an incident to the deployment that caused it only inside an explicit window.

Apache DevLake blames the latest earlier deployment however long ago it was; DORA's 2023
definition counts only failures caused by a change, so an incident further than the window
from every deployment is linked to none (and counts for neither the change fail rate nor the
recovery time).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import timedelta

import polars as pl

from produktlyft.outcomes.model import Deployment, Incident

TIME = pl.Datetime("us", "UTC")
_DEPLOYMENT_SCHEMA = pl.Schema(
    {
        "id": pl.String(),
        "team": pl.String(),
        "environment": pl.String(),
        "deployed_at": TIME,
        "committed_at": TIME,
        "failed": pl.Boolean(),
        "rework": pl.Boolean(),
        "ref": pl.String(),
    }
)
_INCIDENT_SCHEMA = pl.Schema(
    {
        "id": pl.String(),
        "team": pl.String(),
        "opened_at": TIME,
        "resolved_at": TIME,
        "deployment_id": pl.String(),
    }
)


def deployment_frame(deployments: Sequence[Deployment]) -> pl.DataFrame:
    rows = [{key: getattr(d, key) for key in _DEPLOYMENT_SCHEMA} for d in deployments]
    return pl.DataFrame(rows, schema=_DEPLOYMENT_SCHEMA)


def incident_frame(incidents: Sequence[Incident]) -> pl.DataFrame:
    rows = [{key: getattr(i, key) for key in _INCIDENT_SCHEMA} for i in incidents]
    return pl.DataFrame(rows, schema=_INCIDENT_SCHEMA)


def is_production(environment: str, pattern: str) -> bool:
    return re.fullmatch(f"(?:{pattern})", environment.strip(), flags=re.IGNORECASE) is not None


def production_only(frame: pl.DataFrame, pattern: str) -> pl.DataFrame:
    """Only deployments whose environment name matches the pattern (whole name, any case)."""
    return frame.filter(
        pl.col("environment").str.strip_chars().str.contains(f"(?i)^(?:{pattern})$")
    )


def without_duplicates(frame: pl.DataFrame) -> pl.DataFrame:
    """One row per id, and one per (team, environment, ref, time): a re-sent webhook or the
    same deployment exported twice under two ids counts once (the first seen is kept)."""
    return frame.unique(subset=["id"], keep="first", maintain_order=True).unique(
        subset=["team", "environment", "ref", "deployed_at"], keep="first", maintain_order=True
    )


def link_incidents(
    incidents: pl.DataFrame, deployments: pl.DataFrame, window_days: int
) -> pl.DataFrame:
    """The incidents with `linked_deployment`: the deployment the source names, if it came at
    most `window_days` before the incident opened, else the team's latest deployment inside
    that window, else null."""
    window = timedelta(days=window_days)
    deployed = deployments.select(
        pl.col("id").alias("linked_deployment"), "team", pl.col("deployed_at")
    ).sort("deployed_at")
    named = incidents.join(
        deployed.rename({"linked_deployment": "deployment_id", "deployed_at": "named_at"}),
        on=["deployment_id", "team"],
        how="left",
    ).with_columns(
        pl.when(
            (pl.col("opened_at") >= pl.col("named_at"))
            & (pl.col("opened_at") - pl.col("named_at") <= window)
        )
        .then(pl.col("deployment_id"))
        .otherwise(None)
        .alias("named_link")
    )
    nearest = named.sort("opened_at").join_asof(
        deployed,
        left_on="opened_at",
        right_on="deployed_at",
        by="team",
        strategy="backward",
        tolerance=window,
        check_sortedness=False,  # both sides are sorted by time above, hence within each team
    )
    linked = nearest.with_columns(
        pl.when(pl.col("deployment_id").is_not_null())
        .then(pl.col("named_link"))
        .otherwise(pl.col("linked_deployment"))
        .alias("linked_deployment")
    )
    return linked.select(*incidents.columns, "linked_deployment").sort("opened_at")
