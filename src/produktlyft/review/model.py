"""Records of the review that are stored: runs, evidence, duplicate decisions and weights."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from typing import Any


class Decision(StrEnum):
    CONFIRM = "confirm"
    REJECT = "reject"


class EvidenceKind(StrEnum):
    SBOM = "sbom"
    REPO = "repo"


def pair_key(a: str, b: str) -> tuple[str, str]:
    """An unordered pair of system ids, written the one way it is stored."""
    return (a, b) if a <= b else (b, a)


@dataclass(frozen=True)
class DuplicateDecision:
    system_a: str
    system_b: str
    decision: Decision
    decided_by: str
    decided_at: datetime
    note: str | None = None


@dataclass(frozen=True)
class Evidence:
    system_id: str
    kind: EvidenceKind
    location: str
    label: str
    attached_at: datetime
    attached_by: str
    facts: dict[str, Any] = field(default_factory=dict)
    stored_path: str | None = None


@dataclass
class ReviewRun:
    id: int
    started_at: datetime
    actor: str
    profile: str
    lang: str
    reference_date: date
    eol_snapshot: date
    weights: dict[str, Any]
    summary: dict[str, Any]
    details: dict[str, Any]
    systems: list[dict[str, Any]] = field(default_factory=list)
    duplicates: list[dict[str, Any]] = field(default_factory=list)
