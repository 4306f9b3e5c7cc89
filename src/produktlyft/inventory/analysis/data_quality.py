"""How complete the inventory is. Missing data is shown, never hidden."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from produktlyft.inventory.model import System

# The facts every later analysis leans on, and what counts as missing for each.
REQUIRED_FACTS: dict[str, tuple[str, str]] = {
    "owner": ("systemägare", "system owner"),
    "criticality": ("kritikalitet", "criticality"),
    "lifecycle": ("livscykel", "lifecycle"),
    "cost": ("kostnad", "cost"),
}


def missing_facts(system: System) -> list[str]:
    missing = []
    if not (system.system_owner or system.owning_unit_id):
        missing.append("owner")
    if system.criticality is None:
        missing.append("criticality")
    if system.lifecycle is None:
        missing.append("lifecycle")
    if system.annual_cost is None:
        missing.append("cost")
    return missing


@dataclass
class DataQuality:
    systems: int = 0
    missing: Counter[str] = field(default_factory=Counter)
    complete: int = 0
    # up to a handful of example system ids per missing fact, so people can go and fix them
    examples: dict[str, list[str]] = field(default_factory=dict)

    @property
    def completeness(self) -> float:
        """Share of required facts present over all systems, 0..1 (1 for an empty inventory)."""
        if not self.systems:
            return 1.0
        total = self.systems * len(REQUIRED_FACTS)
        return 1.0 - sum(self.missing.values()) / total


def assess_data_quality(systems: list[System], examples: int = 5) -> DataQuality:
    quality = DataQuality(systems=len(systems))
    for system in systems:
        missing = missing_facts(system)
        if not missing:
            quality.complete += 1
        for fact in missing:
            quality.missing[fact] += 1
            shown = quality.examples.setdefault(fact, [])
            if len(shown) < examples:
                shown.append(system.id)
    return quality
