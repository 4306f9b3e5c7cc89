"""An organisation's own DiMiOS results: a CSV (or .xlsx) of its dimension scores.

Columns: dimension, score, and optionally scope (the organisation or unit the scores are for),
quadrant and measured_on. We never hold DiMiOS questions; only the scores an organisation
received and chooses to show beside ours.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from produktlyft.kernel.errors import InvalidInput, Issue, WordedError, wording
from produktlyft.kernel.files.base import ImportLimits, error_wording
from produktlyft.kernel.files.cells import is_blank, parse_number
from produktlyft.kernel.files.simple_table import fold, read_table
from produktlyft.surveys.extras import DimiosScore

_HEADERS = {
    fold(k): v
    for k, v in {
        "dimension": "dimension",
        "dimension name": "dimension",
        "dimensionsnamn": "dimension",
        "score": "score",
        "poäng": "score",
        "värde": "score",
        "resultat": "score",
        "scope": "scope",
        "organisation": "scope",
        "enhet": "scope",
        "unit": "scope",
        "quadrant": "quadrant",
        "kvadrant": "quadrant",
        "measured on": "measured_on",
        "date": "measured_on",
        "datum": "measured_on",
        "mätdatum": "measured_on",
    }.items()
}


def read_dimios(
    path: Path, default_scope: str, imported_on: date, limits: ImportLimits | None = None
) -> list[DimiosScore]:
    issues: list[Issue] = []
    scores: list[DimiosScore] = []
    for number, row in read_table(path, _HEADERS, {"dimension", "score"}, limits):
        try:
            scores.append(_score(row, default_scope, imported_on, path.name))
        except ValueError as error:
            issues.append(Issue.worded(error_wording(error), file=path.name, row=number))
    if issues:
        raise InvalidInput(issues)
    if not scores:
        raise InvalidInput([Issue.worded(wording("the file has no scores"), file=path.name)])
    return scores


def _score(
    row: dict[str, Any],
    default_scope: str,
    imported_on: date,
    source: str,
) -> DimiosScore:
    if is_blank(row.get("dimension")):
        raise WordedError(wording("the dimension is empty"))
    raw = row.get("score")
    try:
        score = float(raw) if isinstance(raw, int | float) else parse_number(str(raw))
    except (TypeError, ValueError):
        raise WordedError(wording("the score '{value}' is not a number", value=raw)) from None
    measured = row.get("measured_on")
    if not is_blank(measured):
        try:
            measured = (
                measured
                if isinstance(measured, date)
                else date.fromisoformat(str(measured).strip()[:10])
            )
        except ValueError:
            raise WordedError(
                wording("'{value}' is not a date written YYYY-MM-DD", value=measured)
            ) from None
        if hasattr(measured, "date") and callable(measured.date):
            measured = measured.date()
    return DimiosScore(
        scope=str(row.get("scope") or default_scope).strip(),
        dimension=str(row["dimension"]).strip(),
        score=score,
        quadrant=None if is_blank(row.get("quadrant")) else str(row["quadrant"]).strip(),
        measured_on=None if is_blank(measured) else measured,
        source=source,
        imported_on=imported_on,
    )
