"""Reads and writes review runs, evidence, duplicate decisions and profile weights.

A run's results are stored as columns and JSON through their models (review.results) and read
back through them, so runs stored by older versions read too (see `Record`)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Connection,
    Table,
    delete,
    false,
    func,
    insert,
    or_,
    select,
    true,
)
from sqlalchemy.sql.elements import ColumnElement

from produktlyft.review.model import (
    JUDGE_FLOOR,
    Decision,
    DuplicateDecision,
    DuplicateWeights,
    Evidence,
    EvidenceKind,
    pair_key,
)
from produktlyft.review.queries import RankingQuery, RankingRow, RankingSort
from produktlyft.review.results import (
    DuplicatePair,
    RankInRun,
    ReviewRun,
    SystemBrief,
    SystemResult,
)
from produktlyft.review.tables import (
    duplicate_decisions,
    duplicate_weights,
    profile_weights,
    review_duplicates,
    review_evidence,
    review_results,
    review_runs,
)

_CHUNK = 500
KEEP_RUNS = 10  # older runs are deleted when a new one is saved


WEIGHTS_KEY = "current"  # the one row of duplicate_weights


class ReviewRepository:
    def __init__(self, connection: Connection) -> None:
        self.connection = connection

    # --- runs -----------------------------------------------------------------------------
    def save_run(self, run: ReviewRun) -> int:
        """Store a run with its results; its id is the one the database gives it."""
        row = run.model_dump(mode="json", include={"weights", "summary", "details"})
        row |= run.model_dump(
            include={"started_at", "actor", "profile", "lang", "reference_date", "eol_snapshot"}
        )
        run_id = int(
            self.connection.execute(
                insert(review_runs).values(**row).returning(review_runs.c.id)
            ).scalar_one()
        )
        for table, results in (
            (review_results, run.systems),
            (review_duplicates, run.duplicates),
        ):
            nested = _json_columns(table)
            for start in range(0, len(results), _CHUNK):
                chunk = [
                    # the JSON columns' records go to the engine's JSON writer as they are
                    # (kernel.db.json_text): dumped to dicts first, they were serialised twice
                    r.model_dump(mode="json", exclude=nested)
                    | {name: getattr(r, name) for name in nested}
                    | {"run_id": run_id}
                    for r in results[start : start + _CHUNK]
                ]
                self.connection.execute(insert(table), chunk)
        self._prune_runs()
        return run_id

    def _prune_runs(self) -> None:
        kept = select(review_runs.c.id).order_by(review_runs.c.id.desc()).limit(KEEP_RUNS)
        old = [
            r
            for r in self.connection.scalars(
                select(review_runs.c.id).where(review_runs.c.id.not_in(kept))
            )
        ]
        for table in (review_results, review_duplicates):
            self.connection.execute(delete(table).where(table.c.run_id.in_(old)))
        self.connection.execute(delete(review_runs).where(review_runs.c.id.in_(old)))

    def latest_run_id(self) -> int | None:
        return self.connection.scalar(
            select(review_runs.c.id).order_by(review_runs.c.id.desc()).limit(1)
        )

    def run(self, run_id: int, *, with_results: bool = True) -> ReviewRun | None:
        row = (
            self.connection.execute(select(review_runs).where(review_runs.c.id == run_id))
            .mappings()
            .first()
        )
        if row is None:
            return None
        run = ReviewRun.model_validate(dict(row))
        if with_results:
            # the per-system assessment is read one system at a time (`result`), not here
            columns = [c for c in review_results.c if c.name != "assessment"]
            run.systems = [
                SystemResult.model_validate(r)
                for r in self.connection.execute(
                    select(*columns)
                    .where(review_results.c.run_id == run_id)
                    .order_by(review_results.c.rank)
                ).mappings()
            ]
            run.duplicates = self.duplicates(run_id)
        return run

    def duplicates(self, run_id: int) -> list[DuplicatePair]:
        return [
            DuplicatePair.model_validate(r)
            for r in self.connection.execute(
                select(review_duplicates)
                .where(review_duplicates.c.run_id == run_id)
                .order_by(review_duplicates.c.score.desc(), review_duplicates.c.pk)
            ).mappings()
        ]

    def result(self, run_id: int, system_id: str) -> SystemResult | None:
        """One system's result in a run, with its evidence and assessment."""
        row = (
            self.connection.execute(
                select(review_results).where(
                    review_results.c.run_id == run_id, review_results.c.system_id == system_id
                )
            )
            .mappings()
            .first()
        )
        return SystemResult.model_validate(row) if row is not None else None

    def brief(self, run_id: int, system_ids: Sequence[str]) -> dict[str, SystemBrief]:
        """Name, rank, score and cost of some systems in a run, keyed by system id."""
        r = review_results
        found: dict[str, SystemBrief] = {}
        ids = list(dict.fromkeys(system_ids))
        for start in range(0, len(ids), _CHUNK):
            rows = self.connection.execute(
                select(r.c.system_id, r.c.name, r.c.rank, r.c.score, r.c.annual_cost).where(
                    r.c.run_id == run_id, r.c.system_id.in_(ids[start : start + _CHUNK])
                )
            )
            found.update({row.system_id: SystemBrief.model_validate(row._mapping) for row in rows})
        return found

    def ranking(self, run_id: int, query: RankingQuery) -> tuple[int, list[RankingRow]]:
        """A page of a run's ranking, filtered and sorted in SQL, without the evidence."""
        r = review_results
        conditions = [r.c.run_id == run_id, *_ranking_filters(query)]
        total = self.connection.scalar(select(func.count()).select_from(r).where(*conditions))
        columns = [r.c[name] for name in RankingRow.model_fields]
        statement = (
            select(*columns)
            .where(*conditions)
            .order_by(*_ranking_order(query))
            .limit(query.per_page)
            .offset((query.page - 1) * query.per_page)
        )
        rows = [
            RankingRow.model_validate(dict(row))
            for row in self.connection.execute(statement).mappings()
        ]
        return int(total or 0), rows

    def system_history(self, system_id: str) -> list[RankInRun]:
        query = (
            select(
                review_runs.c.id,
                review_runs.c.started_at,
                review_runs.c.profile,
                review_results.c.rank,
                review_results.c.score,
                review_results.c.confidence,
            )
            .join(review_results, review_results.c.run_id == review_runs.c.id)
            .where(review_results.c.system_id == system_id)
            .order_by(review_runs.c.id)
        )
        return [RankInRun.model_validate(r) for r in self.connection.execute(query).mappings()]

    # --- duplicate decisions ---------------------------------------------------------------
    def decisions(self) -> list[DuplicateDecision]:
        rows = self.connection.execute(
            select(duplicate_decisions).order_by(
                duplicate_decisions.c.system_a, duplicate_decisions.c.system_b
            )
        ).mappings()
        return [DuplicateDecision(**{**dict(r), "decision": Decision(r["decision"])}) for r in rows]

    def duplicate_weights(self) -> DuplicateWeights | None:
        row = (
            self.connection.execute(
                select(duplicate_weights).where(duplicate_weights.c.key == WEIGHTS_KEY)
            )
            .mappings()
            .first()
        )
        if row is None:
            return None
        values = {k: v for k, v in dict(row).items() if k != "key"}
        values["model"] = values["model"] or "logistic"  # stored before the column (0020)
        fitted_at = values["fitted_at"]
        if fitted_at.tzinfo is None:  # SQLite keeps no zone; it was stored as UTC
            values["fitted_at"] = fitted_at.replace(tzinfo=UTC)
        return DuplicateWeights(**{**values, "weights": tuple(values["weights"])})

    def save_duplicate_weights(self, fitted: DuplicateWeights | None) -> None:
        """Store the re-fitted weights, or with None go back to the shipped ones."""
        table = duplicate_weights
        self.connection.execute(delete(table).where(table.c.key == WEIGHTS_KEY))
        if fitted is not None:
            values = {**vars(fitted), "weights": list(fitted.weights), "key": WEIGHTS_KEY}
            self.connection.execute(insert(table).values(**values))

    def decide(self, decision: DuplicateDecision) -> None:
        a, b = pair_key(decision.system_a, decision.system_b)
        table = duplicate_decisions
        self.connection.execute(delete(table).where(table.c.system_a == a, table.c.system_b == b))
        self.connection.execute(
            insert(table).values(
                system_a=a,
                system_b=b,
                decision=decision.decision.value,
                decided_by=decision.decided_by,
                decided_at=decision.decided_at,
                note=decision.note,
            )
        )

    # --- evidence --------------------------------------------------------------------------
    def attach(self, evidence: Evidence) -> None:
        """One piece of evidence per system and kind: attaching again replaces it."""
        table = review_evidence
        self.connection.execute(
            delete(table).where(
                table.c.system_id == evidence.system_id, table.c.kind == evidence.kind.value
            )
        )
        self.connection.execute(
            insert(table).values(
                system_id=evidence.system_id,
                kind=evidence.kind.value,
                location=evidence.location,
                stored_path=evidence.stored_path,
                label=evidence.label,
                attached_at=evidence.attached_at,
                attached_by=evidence.attached_by,
                facts=evidence.facts,
            )
        )

    def evidence(self, system_id: str | None = None) -> list[Evidence]:
        query = select(review_evidence).order_by(
            review_evidence.c.system_id, review_evidence.c.kind
        )
        if system_id is not None:
            query = query.where(review_evidence.c.system_id == system_id)
        return [
            Evidence(
                system_id=r["system_id"],
                kind=EvidenceKind(r["kind"]),
                location=r["location"],
                label=r["label"],
                attached_at=r["attached_at"],
                attached_by=r["attached_by"],
                facts=dict(r["facts"] or {}),
                stored_path=r["stored_path"],
            )
            for r in self.connection.execute(query).mappings()
        ]

    # --- weights ---------------------------------------------------------------------------
    def weights(self, profile: str) -> dict[str, float]:
        rows = self.connection.execute(
            select(profile_weights.c.indicator, profile_weights.c.weight).where(
                profile_weights.c.profile == profile
            )
        )
        return {indicator: float(weight) for indicator, weight in rows}

    def set_weights(
        self, profile: str, weights: Mapping[str, float], actor: str, at: datetime
    ) -> None:
        table = profile_weights
        self.connection.execute(delete(table).where(table.c.profile == profile))
        if weights:
            self.connection.execute(
                insert(table),
                [
                    {
                        "profile": profile,
                        "indicator": k,
                        "weight": float(v),
                        "changed_by": actor,
                        "changed_at": at,
                    }
                    for k, v in weights.items()
                ],
            )


def _json_columns(table: Table) -> set[str]:
    return {c.name for c in table.c if isinstance(c.type, JSON)}


def _ranking_filters(query: RankingQuery) -> list[ColumnElement[bool]]:
    r = review_results
    found: list[ColumnElement[bool]] = []
    if query.text:
        text = query.text.lower()
        found.append(
            or_(
                func.lower(r.c.name).contains(text, autoescape=True),
                func.lower(r.c.reason).contains(text, autoescape=True),
                r.c.system_id == query.text,
            )
        )
    if query.band:
        found.append(r.c.band == query.band)
    if query.stable is True:
        found.append(r.c.stable == true())
    elif query.stable is False:
        # an uncertain place among the judged: one too little known to judge is counted apart
        found.extend((r.c.stable == false(), r.c.confidence >= JUDGE_FLOOR))
    if query.max_confidence is not None:
        found.append(r.c.confidence < query.max_confidence)
    return found


def _ranking_order(query: RankingQuery) -> list[Any]:
    r = review_results
    keys: dict[RankingSort, Any] = {
        RankingSort.RANK: r.c.rank,
        RankingSort.NAME: func.lower(r.c.name),
        RankingSort.SCORE: r.c.score,
        RankingSort.CONFIDENCE: r.c.confidence,
        RankingSort.SPREAD: r.c.rank_max - r.c.rank_min,
        RankingSort.COST: r.c.annual_cost,
    }
    key = keys[query.sort]
    primary = key.desc().nulls_last() if query.descending else key.asc().nulls_last()
    return [primary, r.c.rank]
