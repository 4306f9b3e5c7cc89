"""Row-mode answers, Service Standard evidence links and imported DiMiOS scores."""

from __future__ import annotations

import secrets
from collections.abc import Mapping, Sequence
from datetime import date

from sqlalchemy import Connection, insert, select

from produktlyft.surveys import tables as s
from produktlyft.surveys.extras import DimiosScore, Evidence


class SurveyExtrasRepository:
    def __init__(self, connection: Connection) -> None:
        self.connection = connection

    def add_row(
        self,
        round_id: str,
        node_id: str,
        day: date,
        answers: Mapping[str, int | None],
        comment: str | None,
    ) -> None:
        """Row mode only: one answer with its day (never its time) and a random id."""
        self.connection.execute(
            insert(s.survey_rows).values(
                id=secrets.token_hex(16),
                round_id=round_id,
                node_id=node_id,
                answered_on=day,
                answers=dict(answers),
                comment=comment,
            )
        )

    def comments(self, round_id: str, node_ids: Sequence[str]) -> list[str]:
        rows = s.survey_rows
        query = select(rows.c.comment).where(
            rows.c.round_id == round_id,
            rows.c.node_id.in_(list(node_ids)),
            rows.c.comment.is_not(None),
        )
        return [row.comment for row in self.connection.execute(query)]

    def add_evidence(self, evidence: Evidence) -> None:
        self.connection.execute(insert(s.survey_evidence).values(**evidence.model_dump()))

    def evidence(self, round_id: str) -> list[Evidence]:
        e = s.survey_evidence
        query = select(e).where(e.c.round_id == round_id).order_by(e.c.node_id, e.c.item, e.c.pk)
        return [
            Evidence.model_validate(dict(row._mapping)) for row in self.connection.execute(query)
        ]

    def add_dimios(self, scores: Sequence[DimiosScore]) -> None:
        if scores:
            self.connection.execute(
                insert(s.dimios_scores), [score.model_dump() for score in scores]
            )

    def dimios(self) -> list[DimiosScore]:
        d = s.dimios_scores
        query = select(d).order_by(d.c.scope, d.c.measured_on, d.c.dimension, d.c.pk)
        return [
            DimiosScore.model_validate(dict(row._mapping)) for row in self.connection.execute(query)
        ]
