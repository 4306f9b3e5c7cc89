"""Tables of survey rounds. In the default aggregate mode no table has a row per response:
answering changes counters in rows created with the round, and flips one link's `used` flag.
No column holds a time finer than a day.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    Date,
    Float,
    ForeignKey,
    ForeignKeyConstraint,
    Index,
    Integer,
    String,
    Table,
    Text,
)

from produktlyft.inventory.tables import ID
from produktlyft.kernel.db.schema import metadata

ROUND_ID = 20
CODE = 80


def _round_fk() -> ForeignKey:
    return ForeignKey("survey_rounds.id", ondelete="CASCADE")


def _node_columns() -> list[Column[object]]:
    return [
        Column("round_id", String(ROUND_ID), _round_fk(), primary_key=True),
        Column("node_id", String(ID), primary_key=True),
    ]


survey_rounds = Table(
    "survey_rounds",
    metadata,
    Column("id", String(ROUND_ID), primary_key=True),
    Column("number", Integer, nullable=False, unique=True),  # creation order, for trends
    Column("title", Text, nullable=False),
    Column("instruments", JSON, nullable=False),
    Column("mode", String(20), nullable=False),
    Column("legal_basis", Text),
    Column("min_group", Integer, nullable=False),
    Column("opens_on", Date, nullable=False),
    Column("closes_on", Date, nullable=False),
    Column("closed_on", Date),
    Column("finalised", Boolean, nullable=False, default=False),
    Column("created_on", Date, nullable=False),
    Column("created_by", String(200), nullable=False),
    # bumped by every report and close: the row lock that serialises the release ledger
    Column("lock_version", Integer, nullable=False, default=0),
)

survey_groups = Table(
    "survey_groups",
    metadata,
    *_node_columns(),
    Column("position", Integer, nullable=False),
    Column("name", Text, nullable=False),
    Column("kind", String(20), nullable=False),
    Column("parent_id", String(ID)),
    Column("source_id", String(ID)),
    Column("answerable", Boolean, nullable=False, default=False),
    Column("links_issued", Integer, nullable=False, default=0),
    Column("respondents", Integer, nullable=False, default=0),
    Column("withheld", Boolean, nullable=False, default=False),
    # set when the round is finalised: the families shown for this group ("respondents" is
    # the group itself), frozen so later reports show exactly what the final plan allowed
    Column("final_families", JSON),
)

survey_links = Table(
    "survey_links",
    metadata,
    Column("token_hash", String(64), primary_key=True),  # SHA-256 of the token, never the token
    Column("round_id", String(ROUND_ID), _round_fk(), nullable=False, index=True),
    Column("node_id", String(ID), nullable=False),
    Column("used", Boolean, nullable=False, default=False),
)


def _aggregate(name: str, *columns: Column[object]) -> Table:
    table = Table(name, metadata, *_node_columns(), *columns)
    table.append_constraint(
        ForeignKeyConstraint(
            ["round_id", "node_id"],
            ["survey_groups.round_id", "survey_groups.node_id"],
            ondelete="CASCADE",
            name=f"fk_{name}_group",
        )
    )
    return table


survey_family_totals = _aggregate(
    "survey_family_totals",
    Column("family", String(CODE), primary_key=True),
    Column("n", Integer, nullable=False, default=0),
    Column("total_sum", BigInteger, nullable=False, default=0),
    Column("total_sumsq", BigInteger, nullable=False, default=0),
)

survey_item_cross = _aggregate(
    "survey_item_cross",
    Column("item", String(CODE), primary_key=True),
    Column("cross_sum", BigInteger, nullable=False, default=0),
)

survey_item_counts = _aggregate(
    "survey_item_counts",
    Column("item", String(CODE), primary_key=True),
    Column("value", Integer, primary_key=True, autoincrement=False),
    Column("count", Integer, nullable=False, default=0),
)

survey_releases = Table(
    "survey_releases",
    metadata,
    Column("pk", Integer, primary_key=True, autoincrement=True),
    Column("round_id", String(ROUND_ID), _round_fk(), nullable=False),
    Column("family", String(CODE), nullable=False),
    Column("released_on", Date, nullable=False),
    Column("counts", JSON, nullable=False),  # {leaf node id: respondents counted}
)
Index("ix_survey_releases_round_family", survey_releases.c.round_id, survey_releases.c.family)

# Row mode only, where the organisation has stated a legal basis: dates, never times.
survey_rows = Table(
    "survey_rows",
    metadata,
    Column("id", String(32), primary_key=True),  # random, so row order says nothing
    Column("round_id", String(ROUND_ID), _round_fk(), nullable=False, index=True),
    Column("node_id", String(ID), nullable=False),
    Column("answered_on", Date, nullable=False),
    Column("answers", JSON, nullable=False),
    Column("comment", Text),
)

# Evidence for the Service Standard points: recorded openly by a named person, not anonymous.
survey_evidence = Table(
    "survey_evidence",
    metadata,
    Column("pk", Integer, primary_key=True, autoincrement=True),
    Column("round_id", String(ROUND_ID), _round_fk(), nullable=False, index=True),
    Column("node_id", String(ID), nullable=False),
    Column("item", String(CODE), nullable=False),
    Column("url", Text, nullable=False),
    Column("note", Text),
    Column("added_by", String(200), nullable=False),
    Column("added_on", Date, nullable=False),
)

dimios_scores = Table(
    "dimios_scores",
    metadata,
    Column("pk", Integer, primary_key=True, autoincrement=True),
    Column("scope", Text, nullable=False),  # the organisation or unit the scores are for
    Column("unit_id", String(ID)),
    Column("dimension", String(CODE), nullable=False),
    Column("score", Float, nullable=False),
    Column("quadrant", String(CODE)),
    Column("measured_on", Date),
    Column("source", Text),
    Column("imported_on", Date, nullable=False),
)
