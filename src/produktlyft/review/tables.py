"""Tables of the review (genomlysning): runs and their results, attached evidence, duplicate
decisions and profile weights.

Results and decisions refer to systems by id WITHOUT a foreign key, on purpose: a decision about
a pair must survive a re-import that deletes and re-creates a system, and a past run must keep
what it said about a system that has since gone.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    PrimaryKeyConstraint,
    String,
    Table,
    Text,
    UniqueConstraint,
)

from produktlyft.inventory.tables import ID
from produktlyft.kernel.db.schema import metadata

review_runs = Table(
    "review_runs",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("started_at", DateTime(timezone=True), nullable=False, index=True),
    Column("actor", String(200), nullable=False),
    Column("profile", String(40), nullable=False),
    Column("lang", String(5), nullable=False),
    Column("reference_date", Date, nullable=False),
    Column("eol_snapshot", Date, nullable=False),
    Column("weights", JSON, nullable=False, default=dict),
    Column("summary", JSON, nullable=False, default=dict),
    # capability ranking, heatmap and technology rows: read whole, never queried inside
    Column("details", JSON, nullable=False, default=dict),
)

review_results = Table(
    "review_results",
    metadata,
    Column("pk", Integer, primary_key=True, autoincrement=True),
    Column("run_id", Integer, ForeignKey("review_runs.id", ondelete="CASCADE"), nullable=False),
    Column("system_id", String(ID), nullable=False),
    Column("name", Text, nullable=False),
    Column("rank", Integer, nullable=False),
    Column("score", Float),
    Column("confidence", Float, nullable=False),
    Column("condition", String(100)),
    Column("health", Float),
    Column("band", String(20), nullable=False),
    # worded in the run's language when stored, and searched; `reasons` are what pages word
    Column("reason", Text, nullable=False),
    Column("reasons", JSON),  # reason codes and parameters; NULL in runs stored before them
    Column("evidence", JSON, nullable=False, default=list),
    Column("rank_min", Integer, nullable=False),
    Column("rank_max", Integer, nullable=False),
    Column("stable", Boolean, nullable=False),
    Column("factors", JSON, nullable=False, default=list),
    Column("annual_cost", Float),
    # every profile's view and every fact of the system (analytics.assessment); NULL in runs
    # stored before it existed
    Column("assessment", JSON),
)
Index("ix_review_results_run_rank", review_results.c.run_id, review_results.c.rank)
Index("ix_review_results_system", review_results.c.system_id)

review_duplicates = Table(
    "review_duplicates",
    metadata,
    Column("pk", Integer, primary_key=True, autoincrement=True),
    Column(
        "run_id",
        Integer,
        ForeignKey("review_runs.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    Column("system_a", String(ID), nullable=False),
    Column("system_b", String(ID), nullable=False),
    Column("name_a", Text, nullable=False),
    Column("name_b", Text, nullable=False),
    Column("score", Float, nullable=False),
    Column("layers", JSON, nullable=False, default=list),
    Column("layer_scores", JSON, nullable=False, default=dict),
    Column("reason", Text, nullable=False),
    Column("reasons", JSON),  # as in review_results
    Column("cluster", Integer, nullable=False),
    Column("confirmed", Boolean, nullable=False),
    # what placed the pair and the evidence against it (ADR 0023); empty in older runs
    Column("function", String(ID)),
    Column("function_words", JSON),
    Column("product", Text),
    Column("against", JSON),
    Column("survivor", String(ID)),
)

# Keyed by the unordered pair, stored with system_a < system_b.
duplicate_decisions = Table(
    "duplicate_decisions",
    metadata,
    Column("system_a", String(ID), nullable=False),
    Column("system_b", String(ID), nullable=False),
    Column("decision", String(10), nullable=False),
    Column("decided_by", String(200), nullable=False),
    Column("decided_at", DateTime(timezone=True), nullable=False),
    Column("note", Text),
    PrimaryKeyConstraint("system_a", "system_b", name="pk_duplicate_decisions"),
)

# The duplicate model's weights re-fitted from this organisation's decisions (ADR 0023): one
# row, "current"; no row means the shipped weights.
duplicate_weights = Table(
    "duplicate_weights",
    metadata,
    Column("key", String(20), primary_key=True),
    Column("weights", JSON, nullable=False),
    Column("intercept", Float, nullable=False),
    Column("threshold", Float, nullable=False),
    Column("pairs", Integer, nullable=False),
    Column("fitted_by", String(200), nullable=False),
    Column("fitted_at", DateTime(timezone=True), nullable=False),
    # "trees": the weights adjust the shipped trees' score; "logistic" or NULL (stored before
    # 0020): they are the logistic model's own
    Column("model", String(20)),
)

review_evidence = Table(
    "review_evidence",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("system_id", String(ID), nullable=False, index=True),
    Column("kind", String(10), nullable=False),
    Column("location", Text, nullable=False),
    Column("stored_path", Text),
    Column("label", Text, nullable=False),
    Column("attached_at", DateTime(timezone=True), nullable=False),
    Column("attached_by", String(200), nullable=False),
    Column("facts", JSON, nullable=False, default=dict),
    UniqueConstraint("system_id", "kind", name="uq_review_evidence_system_kind"),
)

profile_weights = Table(
    "profile_weights",
    metadata,
    Column("profile", String(40), nullable=False),
    Column("indicator", String(60), nullable=False),
    Column("weight", Float, nullable=False),
    Column("changed_by", String(200), nullable=False),
    Column("changed_at", DateTime(timezone=True), nullable=False),
    PrimaryKeyConstraint("profile", "indicator", name="pk_profile_weights"),
)
