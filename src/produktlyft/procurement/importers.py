"""Contract slices from CSV, .xlsx or JSON, and the rule pack from JSON.

Slices: one row (or JSON object) per slice, headers in English or Swedish (see `HEADERS`).
Every problem is reported with its file, row and column, and nothing is returned unless every
row is good.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from produktlyft.kernel.errors import InvalidInput, Issue, WordedError, wording
from produktlyft.kernel.files.base import ImportLimits, error_wording, validation_wording
from produktlyft.kernel.files.cells import is_blank, parse_number
from produktlyft.kernel.files.safety import check_size
from produktlyft.kernel.files.simple_table import fold, read_table
from produktlyft.procurement.headers import HEADERS, TERMS_HEADERS
from produktlyft.procurement.model import (
    REQUIRED_PARAMETERS,
    BuyerType,
    CodeOwnership,
    ContractTerms,
    Route,
    RulePack,
    Slice,
)

SHIPPED_RULES = Path(__file__).parent / "data" / "rules_2026.json"

REQUIRED = {"slice", "need", "start", "end", "value_sek", "buyer_type", "route"}
_ENUMS: dict[str, Any] = {
    "buyer_type": BuyerType,
    "route": Route,
    "code_ownership": CodeOwnership,
}
_DATES = {"start", "end"}
_NUMBERS = {
    "value_sek",
    "options_value_sek",
    "notice_months",
    "hours",
    "framework_months",
    "extension_months",
}
_BOOLS = {"exit_clause", "knowledge_transfer"}
_LISTS = {"interfaces", "system_ids"}
_YES = {"yes", "y", "ja", "j", "true", "1", "x"}
_NO = {"no", "n", "nej", "false", "0", "-"}


def _headers() -> dict[str, str]:
    return {fold(key): value for key, value in HEADERS.items()}


def parse_date(value: Any) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        raise WordedError(
            wording("'{value}' is not a date (write it as YYYY-MM-DD)", value=text)
        ) from None


def _convert(field: str, value: Any) -> Any:
    if field in _ENUMS:
        return _ENUMS[field].parse(str(value).strip())
    if field in _DATES:
        return parse_date(value)
    if field in _NUMBERS or field == "bidders":
        if isinstance(value, int | float):
            return value
        try:
            number = parse_number(str(value))
        except ValueError:
            raise WordedError(wording("'{value}' is not a number", value=value)) from None
        return int(number) if field == "bidders" else number
    if field in _BOOLS:
        folded = str(value).strip().casefold()
        if folded in _YES or value is True:
            return True
        if folded in _NO or value is False:
            return False
        raise WordedError(wording("'{value}' is not yes or no", value=value))
    if field in _LISTS:
        items = value if isinstance(value, list) else str(value).replace(",", ";").split(";")
        return [str(item).strip() for item in items if str(item).strip()]
    return str(value).strip()


def _slice(name: str, number: int, row: dict[str, Any], issues: list[Issue]) -> Slice | None:
    data: dict[str, Any] = {}
    for field, value in row.items():
        if is_blank(value):
            continue
        try:
            data[field] = _convert(field, value)
        except ValueError as error:
            issues.append(Issue.worded(error_wording(error), file=name, row=number, column=field))
    if any(issue.row == number and issue.file == name for issue in issues):
        return None
    if "start" in data and "end" in data and data["end"] < data["start"]:
        issues.append(
            Issue.worded(
                wording(
                    "the slice ends ({end}) before it starts ({start})",
                    end=data["end"],
                    start=data["start"],
                ),
                file=name,
                row=number,
                column="end",
            )
        )
        return None
    try:
        return Slice.model_validate(data)
    except ValidationError as error:
        for problem in error.errors():
            issues.append(
                Issue.worded(
                    validation_wording(problem),
                    file=name,
                    row=number,
                    column=".".join(str(p) for p in problem["loc"]) or None,
                )
            )
        return None


def _json_rows(path: Path) -> list[tuple[int, dict[str, Any]]]:
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except (ValueError, UnicodeDecodeError) as error:
        raise InvalidInput(
            [Issue.worded(wording("not valid JSON: {error}", error=error), file=path.name)]
        ) from None
    items = document.get("slices") if isinstance(document, dict) else document
    if not isinstance(items, list) or not all(isinstance(item, dict) for item in items):
        raise InvalidInput(
            [Issue.worded(wording("expected a list of slices (objects)"), file=path.name)]
        )
    headers = _headers()
    rows, issues = [], []
    for number, item in enumerate(items, start=1):
        row: dict[str, Any] = {}
        for key, value in item.items():
            field = headers.get(fold(str(key)))
            if field is None:
                issues.append(
                    Issue.worded(wording("unknown field"), file=path.name, row=number, column=key)
                )
            else:
                row[field] = value
        for missing in sorted(REQUIRED - set(row)):
            row[missing] = None
        rows.append((number, row))
    if issues:
        raise InvalidInput(issues)
    return rows


def read_slices(path: Path, limits: ImportLimits | None = None) -> list[Slice]:
    """All the slices of a file, or InvalidInput naming every bad cell."""
    limits = limits or ImportLimits()
    if path.suffix.lower() == ".json":
        if not path.is_file():
            raise InvalidInput([Issue.worded(wording("the file does not exist"), file=path.name)])
        check_size(path, limits.max_bytes)
        rows = _json_rows(path)
    else:
        rows = list(read_table(path, _headers(), REQUIRED, limits))
    issues: list[Issue] = []
    slices, seen = [], set()
    for number, row in rows:
        found = _slice(path.name, number, row, issues)
        if found is None:
            continue
        if found.slice in seen:
            issues.append(
                Issue.worded(
                    wording("the slice '{name}' is named twice", name=found.slice),
                    file=path.name,
                    row=number,
                    column="slice",
                )
            )
        seen.add(found.slice)
        slices.append(found)
    if issues:
        raise InvalidInput(issues)
    if not slices:
        raise InvalidInput([Issue.worded(wording("the file has no slices"), file=path.name)])
    return slices


def read_terms(path: Path, limits: ImportLimits | None = None) -> list[ContractTerms]:
    """Procurement's register fields per inventory contract id, all rows or none."""
    headers = {fold(key): value for key, value in TERMS_HEADERS.items()}
    issues: list[Issue] = []
    found: list[ContractTerms] = []
    for number, row in read_table(path, headers, {"contract_id"}, limits):
        data: dict[str, Any] = {}
        for field, value in row.items():
            if is_blank(value):
                continue
            try:
                data[field] = _convert(field, value)
            except ValueError as error:
                issues.append(
                    Issue.worded(error_wording(error), file=path.name, row=number, column=field)
                )
        try:
            found.append(ContractTerms.model_validate(data))
        except ValidationError as error:
            issues.extend(
                Issue.worded(
                    validation_wording(problem),
                    file=path.name,
                    row=number,
                    column=".".join(str(p) for p in problem["loc"]) or None,
                )
                for problem in error.errors()
            )
    if issues:
        raise InvalidInput(issues)
    return found


def read_rules(path: Path | None = None) -> RulePack:
    """The shipped rule pack, or a user's own file over it: parameters the user's file names
    replace the shipped ones, the rest stay."""
    shipped = json.loads(SHIPPED_RULES.read_text(encoding="utf-8"))
    if path is None:
        return RulePack.model_validate(shipped)
    if not path.is_file():
        raise InvalidInput([Issue.worded(wording("the file does not exist"), file=path.name)])
    try:
        own = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(own, dict):
            raise ValueError("expected an object")
    except (ValueError, UnicodeDecodeError) as error:
        raise InvalidInput(
            [Issue.worded(wording("not valid JSON: {error}", error=error), file=path.name)]
        ) from None
    merged = {**shipped, **{k: v for k, v in own.items() if k != "parameters"}}
    merged["parameters"] = {**shipped["parameters"], **own.get("parameters", {})}
    try:
        pack = RulePack.model_validate(merged)
    except ValidationError as error:
        raise InvalidInput(
            [
                Issue.worded(
                    validation_wording(problem),
                    file=path.name,
                    element=".".join(str(p) for p in problem["loc"]),
                )
                for problem in error.errors()
            ]
        ) from None
    missing = [key for key in REQUIRED_PARAMETERS if key not in pack.parameters]
    if missing:
        raise InvalidInput(
            [
                Issue.worded(
                    wording("missing parameter(s): {names}", names=", ".join(missing)),
                    file=path.name,
                )
            ]
        )
    return pack
