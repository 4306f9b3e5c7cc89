"""Reading our own JSON export back, so machine clients can round-trip through it."""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import ValidationError

from produktlyft.inventory.importers.source import ParsedSource
from produktlyft.inventory.model import ENTITY_TYPES, Provenance
from produktlyft.kernel.errors import wording
from produktlyft.kernel.files.base import (
    ImportLimits,
    IssueCollector,
    TooManyIssues,
    validation_wording,
)


def read_json(path: Path, limits: ImportLimits) -> ParsedSource:
    source = ParsedSource(path=path, format="json")
    collector = IssueCollector(path.name, limits.max_issues)
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        collector.add(wording("not valid JSON: {error}", error=error))
        source.issues = collector.issues
        return source
    if not isinstance(document, dict):
        collector.add(wording("expected an object with one key per entity, such as 'systems'"))
        source.issues = collector.issues
        return source
    try:
        for entity, model in ENTITY_TYPES.items():
            for index, item in enumerate(document.get(entity) or [], start=1):
                where = f"{entity}[{index}]"
                if not isinstance(item, dict):
                    collector.add(wording("expected an object"), element=where)
                    continue
                item = {
                    **item,
                    "provenance": Provenance(source=path.name, location=where),
                    "row_version": None,
                }
                try:
                    source.inventory.records(entity).append(model.model_validate(item))
                except ValidationError as error:
                    for problem in error.errors():
                        field = ".".join(str(part) for part in problem["loc"])
                        collector.add(validation_wording(problem), element=where, column=field)
    except TooManyIssues:
        source.truncated = True
    source.issues = collector.issues
    return source
