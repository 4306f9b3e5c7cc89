"""Code health from version-control history: hotspots and knowledge concentration.

Input is ONE `git log --numstat` stream in the format `LOG_FORMAT` (see importers/git_repo.py),
parsed column-wise with polars, so tens of thousands of commits take a second or two, not one
process per commit.

* Hotspots (Tornhill, code-maat, CodeScene): files that change often AND are complex. Over a time
  window, revisions per file times its cyclomatic complexity, each scaled to 0..1 by the largest.
* Knowledge concentration: the top author's share of the changes (commits) in the window, and
  each file's main author (most lines added+deleted).
* Bus factor (the "truck factor" of Avelino et al., simplified): the fewest main authors whose
  departure leaves more than half of the files without their main author.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

import polars as pl

COMMIT_MARK = "\x1e"
FIELD_SEP = "\x1f"
# commit marker, hash, author time (unix), author name, author email
LOG_FORMAT = f"{COMMIT_MARK}%H{FIELD_SEP}%at{FIELD_SEP}%aN{FIELD_SEP}%aE"
DEFAULT_WINDOW_DAYS = 365


def parse_numstat(log: str) -> pl.DataFrame:
    """One row per (commit, file): commit, at (datetime), author, path, added, deleted.

    Binary files (numstat '-') count as one change with no lines."""
    lines = pl.Series("line", log.split("\n"), dtype=pl.String)
    frame = pl.DataFrame({"line": lines}).filter(pl.col("line").str.len_chars() > 0)
    is_header = pl.col("line").str.starts_with(COMMIT_MARK)
    header = pl.col("line").str.strip_prefix(COMMIT_MARK).str.split_exact(FIELD_SEP, 3)
    frame = frame.with_columns(
        pl.when(is_header).then(header.struct.field("field_0")).alias("commit"),
        pl.when(is_header).then(header.struct.field("field_1")).alias("at"),
        pl.when(is_header).then(header.struct.field("field_3").str.to_lowercase()).alias("email"),
        pl.when(is_header).then(header.struct.field("field_2")).alias("name"),
        is_header.alias("is_header"),
    ).with_columns(pl.col("commit", "at", "email", "name").forward_fill())
    stats = pl.col("line").str.split_exact("\t", 2)
    rows = (
        frame.filter(~pl.col("is_header"))
        .with_columns(
            stats.struct.field("field_0").cast(pl.Int64, strict=False).fill_null(0).alias("added"),
            stats.struct.field("field_1")
            .cast(pl.Int64, strict=False)
            .fill_null(0)
            .alias("deleted"),
            stats.struct.field("field_2").alias("path"),
        )
        .filter(pl.col("path").is_not_null() & pl.col("commit").is_not_null())
    )
    return rows.select(
        "commit",
        pl.from_epoch(pl.col("at").cast(pl.Int64), time_unit="s")
        .dt.replace_time_zone("UTC")
        .alias("at"),
        pl.when(pl.col("email").str.len_chars() > 0)
        .then("email")
        .otherwise("name")
        .alias("author"),
        "path",
        "added",
        "deleted",
    )


@dataclass(frozen=True)
class Hotspot:
    path: str
    revisions: int
    complexity: float
    score: float  # 0..1
    main_author_share: float


@dataclass
class CodeHealth:
    commits: int
    commits_in_window: int
    authors: int
    authors_in_window: int
    files_changed_in_window: int
    first_commit: datetime | None
    last_commit: datetime | None
    window_start: date
    window_end: date
    top_author_share: float | None  # of commits in the window; None if no commits in it
    bus_factor: int | None
    hotspots: list[Hotspot] = field(default_factory=list)
    complexity_measured: int = 0

    @property
    def hotspot_index(self) -> float | None:
        """Mean score of the five hottest files, 0..1: how concentrated the risky change is."""
        if not self.hotspots:
            return None
        top = self.hotspots[:5]
        return sum(h.score for h in top) / len(top)

    def as_dict(self) -> dict[str, Any]:
        def iso(value: datetime | None) -> str | None:
            return value.isoformat() if value else None

        return {
            "commits": self.commits,
            "commits_in_window": self.commits_in_window,
            "authors": self.authors,
            "authors_in_window": self.authors_in_window,
            "files_changed_in_window": self.files_changed_in_window,
            "first_commit": iso(self.first_commit),
            "last_commit": iso(self.last_commit),
            "window_start": self.window_start.isoformat(),
            "window_end": self.window_end.isoformat(),
            "top_author_share": self.top_author_share,
            "bus_factor": self.bus_factor,
            "hotspot_index": self.hotspot_index,
            "complexity_measured": self.complexity_measured,
            "hotspots": [h.__dict__ for h in self.hotspots],
        }


def change_frequencies(changes: pl.DataFrame, start: datetime) -> pl.DataFrame:
    """Revisions and churn per file in the window, most changed first."""
    return (
        changes.filter(pl.col("at") >= start)
        .group_by("path")
        .agg(
            pl.col("commit").n_unique().alias("revisions"),
            (pl.col("added") + pl.col("deleted")).sum().alias("churn"),
        )
        .sort(["revisions", "churn", "path"], descending=[True, True, False])
    )


def main_authors(changes: pl.DataFrame) -> pl.DataFrame:
    """Each file's main author (most lines changed) and that author's share of its lines."""
    lines = pl.col("added") + pl.col("deleted") + 1  # +1: a binary or empty change still counts
    per_author = changes.group_by("path", "author").agg(lines.sum().alias("lines"))
    return (
        per_author.with_columns(
            (pl.col("lines") / pl.col("lines").sum().over("path")).alias("share")
        )
        .sort(["path", "lines", "author"], descending=[False, True, False])
        .group_by("path", maintain_order=True)
        .first()
        .select("path", pl.col("author").alias("main_author"), "share")
    )


def bus_factor(owners: pl.DataFrame) -> int | None:
    """Fewest main authors who, if they left, would orphan more than half of the files."""
    if owners.height == 0:
        return None
    counts = (
        owners.group_by("main_author").len().sort(["len", "main_author"], descending=[True, False])
    )
    orphaned = counts["len"].cum_sum().to_numpy()
    needed = int((orphaned <= owners.height / 2).sum()) + 1
    return min(needed, counts.height)


def analyse_history(
    changes: pl.DataFrame,
    complexity: Mapping[str, float],
    today: date,
    window_days: int = DEFAULT_WINDOW_DAYS,
    top: int = 20,
) -> CodeHealth:
    """Facts from a parsed history and the complexity of the files measured at HEAD."""
    end = datetime(today.year, today.month, today.day, tzinfo=UTC) + timedelta(days=1)
    start = end - timedelta(days=window_days)
    window = changes.filter(pl.col("at") >= start)
    commits = window.select("commit", "author").unique()
    share = None
    if commits.height:
        top_count = commits.group_by("author").len()["len"].max()
        share = float(top_count) / commits.height if isinstance(top_count, int) else None
    owners = main_authors(changes)
    return CodeHealth(
        commits=changes["commit"].n_unique(),
        commits_in_window=commits["commit"].n_unique(),
        authors=changes["author"].n_unique(),
        authors_in_window=commits["author"].n_unique(),
        files_changed_in_window=window["path"].n_unique(),
        first_commit=changes["at"].min() if changes.height else None,  # type: ignore[arg-type]
        last_commit=changes["at"].max() if changes.height else None,  # type: ignore[arg-type]
        window_start=start.date(),
        window_end=today,
        top_author_share=share,
        bus_factor=bus_factor(owners),
        hotspots=hotspots(change_frequencies(changes, start), complexity, owners, top),
        complexity_measured=len(complexity),
    )


def hotspots(
    frequencies: pl.DataFrame, complexity: Mapping[str, float], owners: pl.DataFrame, top: int
) -> list[Hotspot]:
    if not complexity or frequencies.height == 0:
        return []
    measured = pl.DataFrame(
        {"path": list(complexity), "complexity": list(complexity.values())},
        schema={"path": pl.String, "complexity": pl.Float64},
    )
    joined = frequencies.join(measured, on="path", how="inner").join(owners, on="path", how="left")
    if joined.height == 0:
        return []
    max_rev = max(float(joined["revisions"].max() or 1), 1.0)  # type: ignore[arg-type]
    max_cx = max(float(joined["complexity"].max() or 1), 1.0)  # type: ignore[arg-type]
    scored = (
        joined.with_columns(
            ((pl.col("revisions") / max_rev) * (pl.col("complexity") / max_cx)).alias("score")
        )
        .sort(["score", "path"], descending=[True, False])
        .head(top)
    )
    return [
        Hotspot(
            row["path"],
            int(row["revisions"]),
            float(row["complexity"]),
            round(float(row["score"]), 4),
            round(float(row["share"] or 0.0), 3),
        )
        for row in scored.iter_rows(named=True)
    ]


def complexity_candidates(
    changes: pl.DataFrame,
    today: date,
    limit: int,
    window_days: int = DEFAULT_WINDOW_DAYS,
    accept: Callable[[str], bool] | None = None,
) -> list[str]:
    """The most changed files in the window that `accept` (e.g. source files a complexity tool
    reads): only these are worth measuring for hotspots."""
    end = datetime(today.year, today.month, today.day, tzinfo=UTC) + timedelta(days=1)
    paths = change_frequencies(changes, end - timedelta(days=window_days))["path"].to_list()
    return [p for p in paths if accept is None or accept(p)][:limit]
