"""Records kept beside survey rounds: evidence links and an organisation's own DiMiOS scores.

DiMiOS (Digital mognad i offentlig sektor) is licensed and its questions are not public; we
never copy them. An organisation may import the dimension scores it received, to see them beside
our readiness results.
"""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, ConfigDict, Field, field_validator


class Evidence(BaseModel):
    """A link to evidence that a team's service meets a Service Standard point."""

    model_config = ConfigDict(frozen=True, extra="ignore")

    round_id: str
    node_id: str
    item: str
    url: str = Field(max_length=2000)
    note: str | None = Field(default=None, max_length=2000)
    added_by: str
    added_on: date

    @field_validator("url")
    @classmethod
    def _web_link(cls, value: str) -> str:
        if not value.startswith(("https://", "http://")):
            raise ValueError("an evidence link must start with https:// or http://")
        return value


class DimiosScore(BaseModel):
    model_config = ConfigDict(frozen=True, extra="ignore")

    scope: str = Field(min_length=1)
    unit_id: str | None = None
    dimension: str = Field(min_length=1, max_length=80)
    score: float
    quadrant: str | None = None
    measured_on: date | None = None
    source: str | None = None
    imported_on: date
