"""Initiatives (and the latest plan) as JSON, CSV or .xlsx; what the import reads back.

The workbook's first sheet holds the initiatives (the sheet the import reads); a second sheet
holds the plan with formulas where a reader should see the working: each item's start date
from the plan's start, its cost of delay as weekly cost × finish week, and the totals.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from openpyxl import Workbook

from produktlyft.kernel.files.cells import neutralise_formula
from produktlyft.roadmap.columns import COLUMNS, LISTS, SEPARATOR
from produktlyft.roadmap.model import Initiative, SavedPlan


def _cells(initiative: Initiative) -> list[Any]:
    data = initiative.model_dump(mode="python")
    source = initiative.source
    values: dict[str, Any] = {
        **data,
        "kind": initiative.kind.value,
        "sourcing": initiative.sourcing.value,
        "target_interfaces": initiative.target_interfaces.value,
        "dependencies": SEPARATOR.join(
            d.predecessor + (f"+{d.lag_weeks}" if d.lag_weeks else "")
            for d in initiative.dependencies
        ),
        "cost_of_delay_basis": json.dumps(initiative.cost_of_delay_basis, ensure_ascii=False)
        if initiative.cost_of_delay_basis
        else None,
        "source_kind": source.kind if source else None,
        "source_key": source.key if source else None,
        "source_run_id": source.run_id if source else None,
    }
    row = []
    for column in COLUMNS:
        value = values.get(column)
        if column in LISTS:
            value = SEPARATOR.join(value) if value else None
        row.append(neutralise_formula(value) if isinstance(value, str) else value)
    return row


def initiatives_json(initiatives: Sequence[Initiative]) -> dict[str, Any]:
    return {
        "initiatives": [i.model_dump(mode="json", exclude={"row_version"}) for i in initiatives]
    }


def write_json(initiatives: Sequence[Initiative], path: Path) -> None:
    text = json.dumps(initiatives_json(initiatives), ensure_ascii=False, indent=2)
    path.write_text(text + "\n", encoding="utf-8")


def write_csv(initiatives: Sequence[Initiative], path: Path) -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=",", lineterminator="\n")
    writer.writerow(COLUMNS)
    for initiative in initiatives:
        writer.writerow(["" if v is None else _text(v) for v in _cells(initiative)])
    path.write_text(buffer.getvalue(), encoding="utf-8")


def _text(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return value.isoformat() if isinstance(value, date) else str(value)


def write_xlsx(initiatives: Sequence[Initiative], plan: SavedPlan | None, path: Path) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None  # a new workbook always has its first sheet
    sheet.title = "Initiatives"
    sheet.append(list(COLUMNS))
    for initiative in initiatives:
        sheet.append(_cells(initiative))
    if plan is not None:
        _plan_sheet(book, plan, initiatives)
    book.save(path)


def _plan_sheet(book: Workbook, plan: SavedPlan, initiatives: Sequence[Initiative]) -> None:
    weights = {i.id: i.cost_of_delay_sek_per_week for i in initiatives}
    costs = {i.id: i.cost_sek for i in initiatives}
    sheet = book.create_sheet("Plan")
    sheet.append(["plan start", plan.plan_start, "status", plan.status, "gap", plan.gap])
    sheet.append(
        [
            "initiative",
            "team",
            "start_week",
            "finish_week",
            "start",
            "finish",
            "cost_sek",
            "cost_of_delay_sek_per_week",
            "cost_of_delay_sek",
        ]
    )
    first = 3
    for n, item in enumerate(plan.items, start=first):
        sheet.append(
            [
                neutralise_formula(item.initiative),
                neutralise_formula(item.team),
                item.start_week,
                item.finish_week,
                f"=$B$1+7*C{n}",
                f"=$B$1+7*D{n}",
                costs.get(item.initiative, 0.0),
                weights.get(item.initiative, 0.0),
                f"=H{n}*D{n}",
            ]
        )
        sheet.cell(n, 5).number_format = sheet.cell(n, 6).number_format = "yyyy-mm-dd"
    last = first + len(plan.items) - 1
    sheet.append(
        [
            "total",
            None,
            None,
            None,
            None,
            None,
            f"=SUM(G{first}:G{last})",
            None,
            f"=SUM(I{first}:I{last})",
        ]
    )
    sheet.cell(1, 2).number_format = "yyyy-mm-dd"
