"""Survey rounds, groups, links and aggregates; returns domain objects and aggregates.

Answers are folded in with `UPDATE ... SET x = x + :d` on rows created with the round, so
concurrent submissions never lose an update and no answer ever adds a row. The order of updates
is fixed (group, families, items, values) so two submissions cannot deadlock.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from typing import Any

import numpy as np
from sqlalchemy import (
    Connection,
    and_,
    bindparam,
    delete,
    func,
    insert,
    select,
    update,
)

from produktlyft.kernel.db.schema import metadata
from produktlyft.kernel.errors import NotFound
from produktlyft.surveys import tables as s
from produktlyft.surveys.analysis.stats import FamilyAggregate, FamilySpec
from produktlyft.surveys.coarsening import AGGREGATE_TABLES, coarsen
from produktlyft.surveys.model import GroupNode, InstrumentRef, NodeKind, Round, RoundMode


def _round(row: Any) -> Round:
    return Round(
        id=row.id,
        title=row.title,
        instruments=tuple(InstrumentRef(code=c, version=v) for c, v in row.instruments),
        mode=RoundMode.parse(row.mode),
        legal_basis=row.legal_basis,
        min_group=row.min_group,
        opens_on=row.opens_on,
        closes_on=row.closes_on,
        closed_on=row.closed_on,
        finalised=row.finalised,
        created_on=row.created_on,
        created_by=row.created_by,
    )


def _node(row: Any) -> GroupNode:
    return GroupNode(
        node_id=row.node_id,
        name=row.name,
        kind=NodeKind.parse(row.kind),
        parent_id=row.parent_id,
        source_id=row.source_id,
        answerable=row.answerable,
        links_issued=row.links_issued,
        withheld=row.withheld,
        final_families=None if row.final_families is None else tuple(row.final_families),
    )


class SurveyRepository:
    def __init__(self, connection: Connection) -> None:
        self.connection = connection

    # rounds and groups ------------------------------------------------------------------

    def add_round(
        self, round_: Round, nodes: Sequence[GroupNode], specs: Sequence[FamilySpec]
    ) -> None:
        number = int(self.connection.scalar(select(func.max(s.survey_rounds.c.number))) or 0)
        self.connection.execute(
            insert(s.survey_rounds).values(
                id=round_.id,
                number=number + 1,
                title=round_.title,
                instruments=[[ref.code, ref.version] for ref in round_.instruments],
                mode=round_.mode.value,
                legal_basis=round_.legal_basis,
                min_group=round_.min_group,
                opens_on=round_.opens_on,
                closes_on=round_.closes_on,
                closed_on=None,
                finalised=False,
                created_on=round_.created_on,
                created_by=round_.created_by,
                lock_version=0,
            )
        )
        self.connection.execute(
            insert(s.survey_groups),
            [
                {
                    "round_id": round_.id,
                    "node_id": node.node_id,
                    "position": position,
                    "name": node.name,
                    "kind": node.kind.value,
                    "parent_id": node.parent_id,
                    "source_id": node.source_id,
                    "answerable": node.answerable,
                    "links_issued": 0,
                    "respondents": 0,
                    "withheld": False,
                    "final_families": None,
                }
                for position, node in enumerate(nodes)
            ],
        )
        self._create_aggregate_rows(round_.id, [n.node_id for n in nodes if n.answerable], specs)

    def _create_aggregate_rows(
        self, round_id: str, node_ids: Sequence[str], specs: Sequence[FamilySpec]
    ) -> None:
        totals: list[dict[str, Any]] = []
        cross: list[dict[str, Any]] = []
        counts: list[dict[str, Any]] = []
        for node_id in node_ids:
            key = {"round_id": round_id, "node_id": node_id}
            for spec in specs:
                totals.append(
                    {**key, "family": spec.code, "n": 0, "total_sum": 0, "total_sumsq": 0}
                )
                for item in spec.items:
                    cross.append({**key, "item": item, "cross_sum": 0})
                    counts.extend(
                        {**key, "item": item, "value": value, "count": 0}
                        for value in range(1, spec.points + 1)
                    )
        for table, rows in zip(AGGREGATE_TABLES, (totals, cross, counts), strict=True):
            for start in range(0, len(rows), 500):
                self.connection.execute(insert(table), rows[start : start + 500])

    def get_round(self, round_id: str) -> Round:
        row = self.connection.execute(
            select(s.survey_rounds).where(s.survey_rounds.c.id == round_id)
        ).first()
        if row is None:
            raise NotFound(f"no survey round '{round_id}'")
        return _round(row)

    def rounds(self) -> list[Round]:
        query = select(s.survey_rounds).order_by(
            s.survey_rounds.c.opens_on, s.survey_rounds.c.number
        )
        return [_round(row) for row in self.connection.execute(query)]

    def nodes(self, round_id: str) -> list[GroupNode]:
        g = s.survey_groups
        query = select(g).where(g.c.round_id == round_id).order_by(g.c.position)
        return [_node(row) for row in self.connection.execute(query)]

    def node_name(self, round_id: str, node_id: str) -> str:
        g = s.survey_groups
        return str(
            self.connection.scalar(
                select(g.c.name).where(g.c.round_id == round_id, g.c.node_id == node_id)
            )
        )

    def respondents(self, round_id: str) -> dict[str, int]:
        g = s.survey_groups
        query = select(g.c.node_id, g.c.respondents).where(g.c.round_id == round_id)
        return {row.node_id: row.respondents for row in self.connection.execute(query)}

    # links ------------------------------------------------------------------------------

    def add_links(self, round_id: str, node_id: str, token_hashes: Sequence[str]) -> None:
        rows = [
            {"token_hash": h, "round_id": round_id, "node_id": node_id, "used": False}
            for h in token_hashes
        ]
        for start in range(0, len(rows), 500):
            self.connection.execute(insert(s.survey_links), rows[start : start + 500])
        g = s.survey_groups
        self.connection.execute(
            update(g)
            .where(g.c.round_id == round_id, g.c.node_id == node_id)
            .values(links_issued=g.c.links_issued + len(rows))
        )

    def find_link(self, token_hash: str) -> tuple[str, str, bool] | None:
        """(round id, node id, used) of a link, or None."""
        link = s.survey_links
        row = self.connection.execute(
            select(link.c.round_id, link.c.node_id, link.c.used).where(
                link.c.token_hash == token_hash
            )
        ).first()
        return None if row is None else (row.round_id, row.node_id, row.used)

    def consume_link(self, token_hash: str) -> bool:
        """Mark a link used if it was not; True when this call used it. The conditional UPDATE
        is what makes a link answer once under concurrent submissions: on PostgreSQL the second
        UPDATE waits for the first's row lock and then finds `used` true; SQLite runs one
        writer at a time."""
        link = s.survey_links
        result = self.connection.execute(
            update(link)
            .where(link.c.token_hash == token_hash, link.c.used.is_(False))
            .values(used=True)
        )
        return result.rowcount == 1

    def delete_links(self, round_id: str) -> None:
        self.connection.execute(delete(s.survey_links).where(s.survey_links.c.round_id == round_id))

    # locks ------------------------------------------------------------------------------

    def share_round(self, round_id: str) -> None:
        """Taken by an answer: many answers may hold it at once; reports and closing wait
        (PostgreSQL; SQLite runs one writer at a time anyway)."""
        r = s.survey_rounds
        self.connection.execute(
            select(r.c.id).where(r.c.id == round_id).with_for_update(read=True)
        ).first()

    def lock_round(self, round_id: str) -> None:
        """Taken by reports and closing, before they read anything: no answer can land while
        they read the aggregates and write the release ledger."""
        r = s.survey_rounds
        self.connection.execute(
            update(r).where(r.c.id == round_id).values(lock_version=r.c.lock_version + 1)
        )

    # aggregates -------------------------------------------------------------------------

    def add_to_aggregates(
        self,
        round_id: str,
        node_id: str,
        respondents: int,
        parts: Sequence[tuple[FamilySpec, FamilyAggregate]],
    ) -> None:
        """Add aggregates (one answer's, or many folded at once) to a leaf group's counters."""
        g = s.survey_groups
        self.connection.execute(
            update(g)
            .where(g.c.round_id == round_id, g.c.node_id == node_id)
            .values(respondents=g.c.respondents + respondents)
        )
        totals: list[dict[str, Any]] = []
        cross: list[dict[str, Any]] = []
        counts: list[dict[str, Any]] = []
        for spec, agg in sorted(parts, key=lambda part: part[0].code):
            if agg.n == 0:
                continue
            totals.append(
                {
                    "b_family": spec.code,
                    "b_n": agg.n,
                    "b_sum": agg.total_sum,
                    "b_sumsq": agg.total_sumsq,
                }
            )
            for index, item in enumerate(spec.items):
                cross.append({"b_item": item, "b_cross": int(agg.cross[index])})
                counts.extend(
                    {"b_item": item, "b_value": value + 1, "b_count": int(count)}
                    for value, count in enumerate(agg.counts[index])
                    if count
                )
        key = {"b_round": round_id, "b_node": node_id}
        self._increment(
            s.survey_family_totals,
            [("family", "b_family")],
            {"n": "b_n", "total_sum": "b_sum", "total_sumsq": "b_sumsq"},
            [{**key, **row} for row in totals],
        )
        self._increment(
            s.survey_item_cross,
            [("item", "b_item")],
            {"cross_sum": "b_cross"},
            [{**key, **row} for row in sorted(cross, key=lambda r: r["b_item"])],
        )
        self._increment(
            s.survey_item_counts,
            [("item", "b_item"), ("value", "b_value")],
            {"count": "b_count"},
            [{**key, **row} for row in sorted(counts, key=lambda r: (r["b_item"], r["b_value"]))],
        )

    def _increment(
        self,
        table: Any,
        keys: list[tuple[str, str]],
        deltas: dict[str, str],
        rows: list[dict[str, Any]],
    ) -> None:
        if not rows:
            return
        where = [table.c.round_id == bindparam("b_round"), table.c.node_id == bindparam("b_node")]
        where += [table.c[column] == bindparam(param) for column, param in keys]
        statement = (
            update(table)
            .where(and_(*where))
            .values(
                {column: table.c[column] + bindparam(param) for column, param in deltas.items()}
            )
        )
        self.connection.execute(statement, rows)

    def aggregates(
        self,
        round_id: str,
        specs: Sequence[FamilySpec],
    ) -> dict[str, dict[str, FamilyAggregate]]:
        """node id -> family -> aggregate, for every node that holds data."""
        by_code = {spec.code: spec for spec in specs}
        item_index = {item: (spec.code, i) for spec in specs for i, item in enumerate(spec.items)}
        t, x, c = AGGREGATE_TABLES
        totals: dict[tuple[str, str], tuple[int, int, int]] = {}
        for row in self.connection.execute(select(t).where(t.c.round_id == round_id)):
            if row.family in by_code:
                totals[(row.node_id, row.family)] = (row.n, row.total_sum, row.total_sumsq)
        cross: dict[tuple[str, str], np.ndarray] = {}
        counts: dict[tuple[str, str], np.ndarray] = {}
        for key in totals:
            spec = by_code[key[1]]
            cross[key] = np.zeros(spec.k, np.int64)
            counts[key] = np.zeros((spec.k, spec.points), np.int64)
        for row in self.connection.execute(select(x).where(x.c.round_id == round_id)):
            family, index = item_index.get(row.item, ("", 0))
            if (row.node_id, family) in cross:
                cross[(row.node_id, family)][index] = row.cross_sum
        for row in self.connection.execute(
            select(c).where(c.c.round_id == round_id, c.c.count > 0)
        ):
            family, index = item_index.get(row.item, ("", 0))
            if (row.node_id, family) in counts:
                counts[(row.node_id, family)][index, row.value - 1] = row.count
        result: dict[str, dict[str, FamilyAggregate]] = defaultdict(dict)
        for (node_id, family), (n, total_sum, total_sumsq) in totals.items():
            result[node_id][family] = FamilyAggregate(
                n,
                counts[(node_id, family)],
                cross[(node_id, family)],
                int(total_sum),
                int(total_sumsq),
            )
        return dict(result)

    # closing ----------------------------------------------------------------------------

    def mark_closed(self, round_id: str, day: date) -> None:
        r = s.survey_rounds
        self.connection.execute(
            update(r).where(r.c.id == round_id, r.c.closed_on.is_(None)).values(closed_on=day)
        )

    def finalise(
        self,
        round_id: str,
        specs: Sequence[FamilySpec],
        targets: Mapping[str, Mapping[str, str | None]],
        final_families: Mapping[str, Sequence[str]],
        *,
        merge: bool,
    ) -> None:
        """Freeze the final plan. With `merge`, coarsen the stored aggregates so that no stored
        aggregate belongs to a result that is not shown: per family (and for the respondent
        count, family RESPONDENTS), each leaf that is not shown goes into the remainder of its
        nearest shown ancestor, or is discarded when it has none. `targets` maps family ->
        leaf -> where its data goes (itself when it stays)."""
        g = s.survey_groups
        if merge:
            coarsen(self.connection, round_id, specs, targets)
        for node in self.nodes(round_id):
            self.connection.execute(
                update(g)
                .where(g.c.round_id == round_id, g.c.node_id == node.node_id)
                .values(final_families=list(final_families.get(node.node_id, ())))
            )
        r = s.survey_rounds
        self.connection.execute(update(r).where(r.c.id == round_id).values(finalised=True))

    # the release ledger -----------------------------------------------------------------

    def releases(self, round_id: str) -> dict[str, list[dict[str, int]]]:
        """family -> every respondent set ever shown for it in this round."""
        r = s.survey_releases
        result: dict[str, list[dict[str, int]]] = defaultdict(list)
        query = select(r.c.family, r.c.counts).where(r.c.round_id == round_id).order_by(r.c.pk)
        for row in self.connection.execute(query):
            result[row.family].append({key: int(n) for key, n in row.counts.items()})
        return dict(result)

    def add_releases(
        self, round_id: str, family: str, releases: Iterable[dict[str, int]], day: date
    ) -> None:
        rows = [
            {"round_id": round_id, "family": family, "released_on": day, "counts": counts}
            for counts in releases
        ]
        if rows:
            self.connection.execute(insert(s.survey_releases), rows)

    def count_rows(self, table_names: Iterable[str]) -> dict[str, int]:
        tables = {table.name: table for table in metadata.sorted_tables}
        return {
            name: int(self.connection.scalar(select(func.count()).select_from(tables[name])) or 0)
            for name in table_names
        }
