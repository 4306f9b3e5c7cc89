"""How complete the inventory is. Missing data is shown, never hidden.

One definition everywhere (issue 16): a system is *complete* when it has a named system owner
(a person or role; the owning unit alone is not an owner), a criticality, a lifecycle phase and
a cost; *completeness* is the share of systems that are complete. The dashboard, the CLI's
summary, the API and the systems list's "missing" filter all count by `missing_facts`."""

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
    if not (system.system_owner or "").strip():
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
    def incomplete(self) -> int:
        return self.systems - self.complete

    @property
    def completeness(self) -> float | None:
        """Share of systems with every required fact, 0..1; None for an empty inventory (no
        percentage over nothing)."""
        return self.complete / self.systems if self.systems else None


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
