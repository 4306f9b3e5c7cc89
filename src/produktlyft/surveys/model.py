"""Survey rounds, their frozen group hierarchy, the errors answering can meet, and the typed
results a report holds.

A round freezes its groups when it is created (as Culture Amp freezes demographics at launch):
a later reorganisation must not change which respondents a group's result covers, or two
reports of "the same" group could be subtracted from each other.
"""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, ConfigDict, Field

from produktlyft.kernel.errors import Conflict, NotFound, ProduktlyftError
from produktlyft.kernel.labels import LabelledEnum
from produktlyft.surveys.instruments import CURRENT, Instrument, instrument

ROOT = "org"  # node id of the organisation in every round
RESPONDENTS = "respondents"  # the family of the group's own count, beside the scale families


class RoundMode(LabelledEnum):
    AGGREGATE = ("aggregate", "aggregering vid inlämning", "aggregate at ingest")
    ROWS = ("rows", "svar sparas per rad", "rows kept")


class NodeKind(LabelledEnum):
    ORGANISATION = ("organisation", "organisationen", "the organisation")
    UNIT = ("unit", "enhet", "unit")
    TEAM = ("team", "team", "team")
    REMAINDER = ("remainder", "sammanslagen rest", "merged remainder")


class RoundStatus(LabelledEnum):
    SCHEDULED = ("scheduled", "planerad", "scheduled")
    OPEN = ("open", "öppen", "open")
    CLOSED = ("closed", "stängd", "closed")


class InstrumentRef(BaseModel):
    model_config = ConfigDict(frozen=True)

    code: str
    version: str

    def resolve(self) -> Instrument:
        return instrument(self.code, self.version)


class Round(BaseModel):
    model_config = ConfigDict(frozen=True)

    id: str
    title: str
    instruments: tuple[InstrumentRef, ...]
    mode: RoundMode = RoundMode.AGGREGATE
    legal_basis: str | None = None
    min_group: int = Field(ge=3)
    opens_on: date
    closes_on: date
    closed_on: date | None = None  # closed by hand before closes_on
    finalised: bool = False  # aggregates coarsened after closing; results are final
    created_on: date
    created_by: str

    def status(self, today: date) -> RoundStatus:
        if self.closed_on is not None or today > self.closes_on:
            return RoundStatus.CLOSED
        if today < self.opens_on:
            return RoundStatus.SCHEDULED
        return RoundStatus.OPEN

    def resolved(self) -> list[Instrument]:
        return [ref.resolve() for ref in self.instruments]


class GroupNode(BaseModel):
    """A group of the round's frozen hierarchy. Leaves are answered through links."""

    model_config = ConfigDict(frozen=True)

    node_id: str
    name: str
    kind: NodeKind
    parent_id: str | None = None
    source_id: str | None = None  # the inventory team or unit it was made from
    answerable: bool = False
    links_issued: int = 0
    withheld: bool = False  # its data was merged into a remainder when the round closed
    final_families: tuple[str, ...] | None = None  # frozen at finalisation; RESPONDENTS = itself

    @property
    def final_shown(self) -> bool | None:
        return None if self.final_families is None else RESPONDENTS in self.final_families


class LinkNotFound(NotFound):
    pass


class AlreadyUsed(Conflict):
    pass


class RoundClosed(ProduktlyftError):
    pass


class RoundNotOpen(ProduktlyftError):
    def __init__(self, message: str, opens_on: date | None = None) -> None:
        super().__init__(message)
        self.opens_on = opens_on


def current_instruments() -> dict[str, Instrument]:
    """The latest version of every instrument, by code: what a new round may ask."""
    return dict(CURRENT)


# What a survey report shows. A hidden result carries no numbers at all, n included. Groups
# are listed in the order of the round's tree, never by score: a team compares itself with its
# own history and with the organisation as a whole, never with a league table.
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
