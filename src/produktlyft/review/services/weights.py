"""Profile weights: the custom profile's indicators and the impact ranking's inputs.

Defaults live in the analytics modules; an organisation's changes are stored per indicator and
laid over them. Weights can be set one by one or from a YAML/JSON file of the shape
`{custom: {indicator: weight}, impact: {input: weight}}`.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Protocol

import yaml

from produktlyft.kernel.access import Permission
from produktlyft.kernel.context import ServiceContext
from produktlyft.kernel.errors import InvalidInput, Issue
from produktlyft.review.analysis.ranking import DEFAULT_IMPACT_WEIGHTS
from produktlyft.review.analysis.scoring import DEFAULT_CUSTOM_WEIGHTS
from produktlyft.review.repository import ReviewRepository

DEFAULTS: dict[str, dict[str, float]] = {
    "custom": DEFAULT_CUSTOM_WEIGHTS,
    "impact": DEFAULT_IMPACT_WEIGHTS,
}


class WeightStore(Protocol):
    def weights(self, profile: str) -> dict[str, float]: ...


def effective_weights(store: WeightStore) -> dict[str, dict[str, float]]:
    return {name: {**defaults, **store.weights(name)} for name, defaults in DEFAULTS.items()}


def show_weights(ctx: ServiceContext) -> dict[str, dict[str, float]]:
    ctx.actor.require(Permission.READ)
    ctx.database.require_current()
    with ctx.database.reading() as uow:
        return effective_weights(uow.repo(ReviewRepository))


def validate_weights(
    changes: Mapping[str, Mapping[str, Any]], source: str = "weights"
) -> dict[str, dict[str, float]]:
    issues: list[Issue] = []
    clean: dict[str, dict[str, float]] = {}
    for profile, values in changes.items():
        if profile not in DEFAULTS:
            issues.append(
                Issue(
                    file=source,
                    location=f"profile '{profile}'",
                    message=f"unknown; choose {' or '.join(DEFAULTS)}",
                )
            )
            continue
        if not isinstance(values, Mapping):
            issues.append(
                Issue(
                    file=source,
                    location=f"profile '{profile}'",
                    message="must map indicators to weights",
                )
            )
            continue
        for indicator, weight in values.items():
            where = f"{profile}.{indicator}"
            if indicator not in DEFAULTS[profile]:
                issues.append(
                    Issue(
                        file=source,
                        location=where,
                        message=(f"unknown indicator; choose from {', '.join(DEFAULTS[profile])}"),
                    )
                )
            elif (
                isinstance(weight, bool)
                or not isinstance(weight, int | float)
                or weight < 0
                or weight > 100
            ):
                issues.append(
                    Issue(
                        file=source,
                        location=where,
                        message=f"'{weight}' is not a weight from 0 to 100",
                    )
                )
            else:
                clean.setdefault(profile, {})[indicator] = float(weight)
    if issues:
        raise InvalidInput(issues, f"{len(issues)} problem(s) in the weights; nothing changed")
    return clean


def read_weights_file(path: Path) -> dict[str, dict[str, float]]:
    try:
        text = path.read_text(encoding="utf-8")
        document = json.loads(text) if path.suffix == ".json" else yaml.safe_load(text)
    except (OSError, ValueError, yaml.YAMLError) as error:
        raise InvalidInput([Issue(file=str(path), message=f"cannot read: {error}")]) from error
    if not isinstance(document, Mapping):
        raise InvalidInput([Issue(file=str(path), message="expected a mapping of profiles")])
    return validate_weights(document, str(path))


def set_weights(
    ctx: ServiceContext, changes: Mapping[str, Mapping[str, Any]], source: str = "weights"
) -> dict[str, dict[str, float]]:
    """Lay the changes over the current weights; every weight of a profile may not be zero."""
    ctx.actor.require(Permission.ANALYSE)
    ctx.database.require_current()
    clean = validate_weights(changes, source)
    with ctx.database.unit_of_work() as uow:
        current = effective_weights(uow.repo(ReviewRepository))
        for profile, values in clean.items():
            merged = {**current[profile], **values}
            if not any(merged.values()):
                raise InvalidInput(
                    [
                        Issue(
                            file=source,
                            location=f"profile '{profile}'",
                            message="at least one weight must be above zero",
                        )
                    ]
                )
            uow.repo(ReviewRepository).set_weights(profile, merged, ctx.actor.name, ctx.now())
        return effective_weights(uow.repo(ReviewRepository))


def reset_weights(ctx: ServiceContext, profile: str) -> None:
    ctx.actor.require(Permission.ANALYSE)
    validate_weights({profile: {}})
    with ctx.database.unit_of_work() as uow:
        uow.repo(ReviewRepository).set_weights(profile, {}, ctx.actor.name, ctx.now())
