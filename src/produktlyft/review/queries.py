"""Questions the review's pages ask of a stored run, answered in SQL (filter, sort, page), so
the ranking reads as fast at 10,000 systems as at 100."""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

from produktlyft.review.model import JUDGE_FLOOR, Band
from produktlyft.review.results import Reason


class RankingSort(StrEnum):
    RANK = "rank"
    NAME = "name"
    SCORE = "score"
    CONFIDENCE = "confidence"
    SPREAD = "spread"  # how far the rank moves under ±20 % weights
    COST = "cost"


class RankingQuery(BaseModel):
    model_config = ConfigDict(frozen=True)

    text: str | None = Field(default=None, max_length=200)  # in the name or the reason
    band: Band | None = None
    stable: bool | None = None  # only stable / only unstable
    max_confidence: float | None = Field(default=None, ge=0, le=1)  # uncertain ones
    sort: RankingSort = RankingSort.RANK
    descending: bool = False
    page: int = Field(default=1, ge=1)
    per_page: int = Field(default=50, ge=1, le=500)


class RankingRow(BaseModel):
    """One system's place in the ranking, without its evidence."""

    model_config = ConfigDict(frozen=True)

    system_id: str
    name: str
    rank: int
    score: float | None
    confidence: float
    condition: str | None
    health: float | None
    band: Band
    reason: str  # worded when the run was stored; shown only for runs without `reasons`
    reasons: list[Reason] | None = None
    rank_min: int
    rank_max: int
    stable: bool
    annual_cost: float | None

    @property
    def judged(self) -> bool:
        """The one definition (review.results.SystemResult.judged)."""
        return self.confidence >= JUDGE_FLOOR
