"""Typed records and vocabularies of the wins area (no I/O).

A win is a short item: what changed for citizens or staff, the measured outcome, the team and a
date. It is drafted (from an evaluated pilot, or by hand) and published only once an editor
approves it. A win never holds personal data or survey results.
"""

from __future__ import annotations

from datetime import date, datetime

from pydantic import BaseModel, ConfigDict, Field

from produktlyft.kernel.labels import LabelledEnum


class Status(LabelledEnum):
    DRAFT = ("draft", "utkast", "draft")
    APPROVED = ("approved", "publicerad", "published")
    REJECTED = ("rejected", "avvisad", "rejected")


class Source(LabelledEnum):
    PILOT = ("pilot", "utvärderad pilot", "evaluated pilot")
    KEY_RESULT = ("key_result", "uppnått nyckelresultat", "achieved key result")
    BENEFIT = ("benefit", "realiserad nytta", "realised benefit")
    MANUAL = ("manual", "manuellt", "written by hand")


class Win(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = Field(min_length=1, max_length=200)
    title: str = Field(min_length=1, max_length=300)
    what_changed: str = Field(min_length=1)
    outcome: str = Field(min_length=1)  # the measured outcome, in words and figures
    team: str = Field(min_length=1, max_length=200)  # the team's name (no person is named)
    day: date
    source: Source = Source.MANUAL
    source_ref: str | None = None
    status: Status = Status.DRAFT
    decided_by: str | None = None
    decided_at: datetime | None = None
