"""Coarsening a finalised round's stored aggregates, so that nothing stored belongs to a
result that is not shown: each leaf that is not shown moves into the remainder of its nearest
shown ancestor (a "rest" group made here), or is discarded when it has none."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence

from sqlalchemy import Connection, delete, func, insert, literal, select, update

from produktlyft.surveys import tables as s
from produktlyft.surveys.analysis.stats import FamilySpec
from produktlyft.surveys.model import NodeKind

# the tables that hold a round's folded answers, per group
AGGREGATE_TABLES = (s.survey_family_totals, s.survey_item_cross, s.survey_item_counts)


def coarsen(
    connection: Connection,
    round_id: str,
    specs: Sequence[FamilySpec],
    targets: Mapping[str, Mapping[str, str | None]],
) -> None:
    g = s.survey_groups
    parents = sorted(
        {
            t
            for family in targets.values()
            for leaf, t in family.items()
            if t is not None and t != leaf
        }
    )
    position = int(
        connection.scalar(select(func.max(g.c.position)).where(g.c.round_id == round_id)) or 0
    )
    for offset, parent in enumerate(parents, start=1):
        connection.execute(
            insert(g).values(
                round_id=round_id,
                node_id=f"{parent}~rest",
                position=position + offset,
                name=f"{parent} (rest)",
                kind=NodeKind.REMAINDER.value,
                parent_id=parent,
                source_id=None,
                answerable=False,
                links_issued=0,
                respondents=0,
                withheld=True,
                final_families=[],
            )
        )
    for family, leaf_targets in targets.items():
        moved: dict[str | None, list[str]] = defaultdict(list)
        for leaf, target in leaf_targets.items():
            if target != leaf:
                moved[target].append(leaf)
        spec = next((sp for sp in specs if sp.code == family), None)
        for target, leaves in moved.items():
            if spec is None:
                _move_respondents(connection, round_id, leaves, target)
            else:
                _move_family(connection, round_id, spec, leaves, target)


def _move_respondents(
    connection: Connection, round_id: str, leaves: list[str], target: str | None
) -> None:
    g = s.survey_groups
    if target is not None:
        moved = (
            select(func.coalesce(func.sum(g.c.respondents), 0))
            .where(g.c.round_id == round_id, g.c.node_id.in_(leaves))
            .scalar_subquery()
        )
        connection.execute(
            update(g)
            .where(g.c.round_id == round_id, g.c.node_id == f"{target}~rest")
            .values(respondents=g.c.respondents + moved)
        )
    connection.execute(
        update(g)
        .where(g.c.round_id == round_id, g.c.node_id.in_(leaves))
        .values(respondents=0, withheld=True)
    )


def _move_family(
    connection: Connection, round_id: str, spec: FamilySpec, leaves: list[str], target: str | None
) -> None:
    for table in AGGREGATE_TABLES:
        mine = table.c.family == spec.code if "family" in table.c else table.c.item.in_(spec.items)
        where = [table.c.round_id == round_id, table.c.node_id.in_(leaves), mine]
        if target is not None:
            keys = [c for c in table.primary_key.columns if c.name not in ("round_id", "node_id")]
            sums = [c for c in table.columns if not c.primary_key]
            source = (
                select(
                    table.c.round_id,
                    literal(f"{target}~rest"),
                    *keys,
                    *[func.sum(c) for c in sums],
                )
                .where(*where)
                .group_by(table.c.round_id, *keys)
            )
            connection.execute(
                insert(table).from_select(
                    ["round_id", "node_id", *[c.name for c in keys], *[c.name for c in sums]],
                    source,
                )
            )
        connection.execute(delete(table).where(*where))
