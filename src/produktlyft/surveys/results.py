"""What a survey report shows. A hidden result carries no numbers at all, n included.

Groups are listed in the order of the round's tree, never by score: a team compares itself
with its own history and with the organisation as a whole, never with a league table.
"""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, ConfigDict, Field

from produktlyft.surveys.model import NodeKind, Round, RoundStatus


class AnswerCount(BaseModel):
    model_config = ConfigDict(frozen=True)

    value: int
    label: str
    count: int


class ItemResult(BaseModel):
    model_config = ConfigDict(frozen=True)

    code: str
    text: str
    suppressed: bool
    n: int | None = None
    mean: float | None = None
    distribution: tuple[AnswerCount, ...] = ()
    item_total: float | None = None  # corrected item-total correlation
    remedy: str | None = None


class ScaleResult(BaseModel):
    model_config = ConfigDict(frozen=True)

    code: str
    name: str
    higher_is_better: bool = True
    points: int
    suppressed: bool
    n: int | None = None
    mean: float | None = None
    sd: float | None = None
    ci_low: float | None = None
    ci_high: float | None = None
    alpha: float | None = None
    alpha_low: bool = False  # α below .70
    items: tuple[ItemResult, ...] = ()


class GroupResult(BaseModel):
    model_config = ConfigDict(frozen=True)

    node_id: str
    name: str
    kind: NodeKind | None  # None for a filter over several groups
    parent_id: str | None = None
    depth: int = 0
    suppressed: bool
    reason: str | None = Field(default=None, exclude=True)  # for tests and logs, not users
    n: int | None = None
    links_issued: int | None = None
    scales: dict[str, ScaleResult] = Field(default_factory=dict)
    items: dict[str, ItemResult] = Field(default_factory=dict)  # items outside scales
    comments: tuple[str, ...] = ()  # row mode, closed rounds, shown groups; shuffled

    @property
    def response_rate(self) -> float | None:
        if self.n is None or not self.links_issued:
            return None
        return self.n / self.links_issued


class InstrumentInfo(BaseModel):
    model_config = ConfigDict(frozen=True)

    code: str
    version: str
    name: str
    source: str
    translation_note: str


class SurveyReport(BaseModel):
    model_config = ConfigDict(frozen=True)

    round: Round
    status: RoundStatus
    lang: str
    made_on: date
    instruments: tuple[InstrumentInfo, ...]
    groups: tuple[GroupResult, ...]

    def group(self, name: str) -> GroupResult | None:
        wanted = name.casefold()
        return next(
            (g for g in self.groups if wanted in (g.node_id.casefold(), g.name.casefold())), None
        )


class TrendPoint(BaseModel):
    """One round of a group's history, with the change since the round before."""

    model_config = ConfigDict(frozen=True)

    round_id: str
    round_title: str
    closes_on: date
    group: GroupResult
    organisation: GroupResult
    changes: dict[str, tuple[float, float | None]] = Field(default_factory=dict)  # diff, p


class Trend(BaseModel):
    model_config = ConfigDict(frozen=True)

    group_name: str
    points: tuple[TrendPoint, ...]
