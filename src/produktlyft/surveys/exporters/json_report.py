"""A survey report as JSON: per group {group, n (null when hidden), suppressed, scales}.

A hidden group or scale carries nulls only; nothing in the file lets a reader recover it.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from produktlyft.surveys.model import GroupResult, ItemResult, ScaleResult, SurveyReport


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def _scale(scale: ScaleResult) -> dict[str, Any]:
    return {
        "name": scale.name,
        "n": scale.n,
        "suppressed": scale.suppressed,
        "mean": _round(scale.mean),
        "ci_low": _round(scale.ci_low),
        "ci_high": _round(scale.ci_high),
        "alpha": _round(scale.alpha),
        "alpha_below_070": scale.alpha_low,
        "higher_is_better": scale.higher_is_better,
        "points": scale.points,
    }


def _item(item: ItemResult) -> dict[str, Any]:
    return {
        "text": item.text,
        "n": item.n,
        "suppressed": item.suppressed,
        "mean": _round(item.mean),
        "distribution": {str(a.value): a.count for a in item.distribution} or None,
    }


def group_json(group: GroupResult) -> dict[str, Any]:
    return {
        "group": group.name,
        "id": group.node_id,
        "kind": group.kind.value if group.kind else "filter",
        "parent": group.parent_id,
        "n": None if group.suppressed else group.n,
        "suppressed": group.suppressed,
        "scales": {code: _scale(scale) for code, scale in group.scales.items()},
        "items": {code: _item(item) for code, item in group.items.items()},
    }


def report_json(report: SurveyReport) -> dict[str, Any]:
    return {
        "round": report.round.id,
        "title": report.round.title,
        "status": report.status.value,
        "min_group": report.round.min_group,
        "made_on": report.made_on.isoformat(),
        "instruments": [{"code": i.code, "version": i.version} for i in report.instruments],
        "groups": [group_json(group) for group in report.groups],
    }


def write_report_json(report: SurveyReport, path: Path) -> None:
    path.write_text(
        json.dumps(report_json(report), ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
