"""Answering through a single-use link: no login, no identity, nothing but the answer kept.

`open_answer_form` gives the web page (or any client) the questions and the field names;
`submit_answer` validates, then in ONE transaction consumes the link and folds the answer into
the group's aggregates. In aggregate mode nothing else is written: no row, no time.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

import numpy as np

from produktlyft.kernel.context import ServiceContext
from produktlyft.kernel.db import UnitOfWork
from produktlyft.kernel.errors import InvalidInput, Issue, NotFound
from produktlyft.surveys.analysis.stats import FamilyAggregate, FamilySpec, fold
from produktlyft.surveys.extras_repository import SurveyExtrasRepository
from produktlyft.surveys.instruments import SKIP, Instrument
from produktlyft.surveys.model import (
    AlreadyUsed,
    LinkNotFound,
    Round,
    RoundClosed,
    RoundMode,
    RoundNotOpen,
    RoundStatus,
)
from produktlyft.surveys.repository import SurveyRepository
from produktlyft.surveys.services.rounds import (
    answer_path,
    round_specs,
    token_from,
    token_hash,
)

COMMENT_FIELD = "comment"
MAX_COMMENT = 2000


@dataclass(frozen=True)
class Option:
    value: str
    label: str


@dataclass(frozen=True)
class Question:
    field: str  # the form field name: the item code
    text: str
    description: str | None
    options: tuple[Option, ...]
    skip: Option | None  # "prefer not to answer" / "don't know"
    reverse_scored: bool


@dataclass(frozen=True)
class Section:
    code: str
    version: str
    title: str
    intro: str
    translation_note: str
    questions: tuple[Question, ...]


@dataclass(frozen=True)
class AnswerForm:
    round_id: str
    title: str
    group: str
    lang: str
    action: str  # where to POST the form
    closes_on: date
    sections: tuple[Section, ...]
    comment_field: str | None  # only in row mode
    min_group: int
    legal_basis: str | None = None  # row mode: why answers are kept one by one

    @property
    def fields(self) -> list[str]:
        return [q.field for s in self.sections for q in s.questions]


@dataclass(frozen=True)
class Receipt:
    round_title: str
    answered: int  # questions answered with a value
    skipped: int
    kept_as_row: bool = False  # row mode: the answer is kept on its own, dated by day


def _section(inst: Instrument, lang: str) -> Section:
    questions = []
    for item in inst.items:
        options = tuple(
            Option(str(v), label.get(lang)) for v, label in enumerate(item.answers.labels, start=1)
        )
        skip = item.answers.skip_label
        questions.append(
            Question(
                field=item.code,
                text=item.text.get(lang),
                description=item.description.get(lang) if item.description else None,
                options=options,
                skip=Option(SKIP, skip.get(lang)) if skip else None,
                reverse_scored=item.reverse,
            )
        )
    return Section(
        inst.code,
        inst.version,
        inst.name.get(lang),
        inst.intro.get(lang),
        inst.translation_note(lang),
        tuple(questions),
    )


def _link_state(uow: UnitOfWork, token: str, day: date) -> tuple[Round, str, bool]:
    """The round, group name and used flag of a link, or the error that explains why not."""
    found = uow.repo(SurveyRepository).find_link(token_hash(token))
    if found is None:
        try:
            round_ = uow.repo(SurveyRepository).get_round(token.split("-", 1)[0])
        except NotFound:
            raise LinkNotFound("this answer link is not valid") from None
        if round_.status(day) is RoundStatus.CLOSED:
            raise RoundClosed("this survey has closed and takes no more answers")
        raise LinkNotFound("this answer link is not valid")
    round_id, node_id, used = found
    round_ = uow.repo(SurveyRepository).get_round(round_id)
    _check_open(round_, day)
    return round_, uow.repo(SurveyRepository).node_name(round_id, node_id), used


def _check_open(round_: Round, day: date) -> None:
    status = round_.status(day)
    if status is RoundStatus.CLOSED:
        raise RoundClosed("this survey has closed and takes no more answers")
    if status is RoundStatus.SCHEDULED:
        raise RoundNotOpen(f"this survey opens on {round_.opens_on.isoformat()}", round_.opens_on)


def open_answer_form(ctx: ServiceContext, token: str, lang: str | None = None) -> AnswerForm:
    """The questions behind a link, in Swedish or English. Needs no login."""
    token = token_from(token)
    lang = lang if lang in ("sv", "en") else ctx.settings.default_language
    ctx.database.require_current()
    with ctx.database.reading() as uow:
        round_, group, used = _link_state(uow, token, ctx.today())
    if used:
        raise AlreadyUsed("this link has already been used to answer; thank you")
    return AnswerForm(
        round_id=round_.id,
        title=round_.title,
        group=group,
        lang=lang,
        action=answer_path(token),
        closes_on=round_.closes_on,
        sections=tuple(_section(inst, lang) for inst in round_.resolved()),
        comment_field=COMMENT_FIELD if round_.mode is RoundMode.ROWS else None,
        min_group=round_.min_group,
        legal_basis=round_.legal_basis if round_.mode is RoundMode.ROWS else None,
    )


def parse_answers(
    round_: Round,
    fields: Mapping[str, str | Sequence[str]],
) -> tuple[dict[str, int | None], int]:
    """item code -> value (None: skipped or left empty), and how many items were given at all
    (a value or an explicit skip). Unknown fields (buttons, language, tokens) are ignored."""
    values: dict[str, int | None] = {}
    given = 0
    issues: list[Issue] = []
    for inst in round_.resolved():
        for item in inst.items:
            raw = fields.get(item.code)
            text = (raw[-1] if raw else "") if not isinstance(raw, str) else raw
            text = (text or "").strip()
            values[item.code] = None
            if not text:
                continue
            given += 1
            if text == SKIP and item.answers.skip_label is not None:
                continue
            if text.isdigit() and 1 <= int(text) <= item.answers.points:
                values[item.code] = int(text)
            else:
                issues.append(
                    Issue(
                        message=f"'{text[:40]}' is not one of the answers (1 to "
                        f"{item.answers.points}"
                        f"{' or skip' if item.answers.skip_label else ''})",
                        column=item.code,
                    )
                )
    if issues:
        raise InvalidInput(issues, "the answer was not recorded; the link can still be used")
    if given == 0:
        raise InvalidInput(
            [Issue(message="no question was answered")],
            "the answer was not recorded; the link can still be used",
        )
    return values, given


def answer_aggregates(
    specs: Sequence[FamilySpec],
    values: Mapping[str, int | None],
) -> list[tuple[FamilySpec, FamilyAggregate]]:
    """One answer as aggregates: the same fold the bench runs on 10,000 answers."""
    parts = []
    for spec in specs:
        row = np.array([[values.get(item) or 0 for item in spec.items]], dtype=np.int64)
        aggregate = fold(spec, row, np.zeros(1, np.int64), 1)[0]
        if aggregate.n:
            parts.append((spec, aggregate))
    return parts


def submit_answer(
    ctx: ServiceContext, token: str, fields: Mapping[str, str | Sequence[str]]
) -> Receipt:
    """Record one answer and use up its link, or raise AlreadyUsed / RoundClosed /
    RoundNotOpen / LinkNotFound / InvalidInput (then nothing is written)."""
    token = token_from(token)
    ctx.database.require_current()
    day = ctx.today()
    with ctx.database.reading() as uow:
        round_, _, used = _link_state(uow, token, day)
    if used:
        raise AlreadyUsed("this link has already been used to answer; thank you")
    values, given = parse_answers(round_, fields)
    comment = _comment(round_, fields)
    hashed = token_hash(token)
    with ctx.database.unit_of_work() as uow:
        uow.repo(SurveyRepository).share_round(round_.id)
        consumed = uow.repo(SurveyRepository).consume_link(hashed)
        # read again inside the transaction: a round closed meanwhile refuses the answer
        _check_open(uow.repo(SurveyRepository).get_round(round_.id), day)
        if not consumed:
            raise AlreadyUsed("this link has already been used to answer; thank you")
        found = uow.repo(SurveyRepository).find_link(hashed)
        assert found is not None
        node_id = found[1]
        uow.repo(SurveyRepository).add_to_aggregates(
            round_.id, node_id, 1, answer_aggregates(round_specs(round_), values)
        )
        if round_.mode is RoundMode.ROWS:
            uow.repo(SurveyExtrasRepository).add_row(round_.id, node_id, day, values, comment)
    answered = sum(v is not None for v in values.values())
    return Receipt(
        round_.title, answered, given - answered, kept_as_row=round_.mode is RoundMode.ROWS
    )


def _comment(round_: Round, fields: Mapping[str, str | Sequence[str]]) -> str | None:
    """Free text is kept only in row mode; in aggregate mode it is dropped unread."""
    if round_.mode is not RoundMode.ROWS:
        return None
    raw = fields.get(COMMENT_FIELD)
    text = (raw if isinstance(raw, str) else (raw[-1] if raw else "")).strip()
    if len(text) > MAX_COMMENT:
        raise InvalidInput(
            [
                Issue(
                    message=f"the comment is longer than {MAX_COMMENT} characters",
                    column=COMMENT_FIELD,
                )
            ]
        )
    return text or None
