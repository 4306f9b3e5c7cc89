"""Saved contract slices and procurement's contract register fields."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import Connection, delete, insert, select

from produktlyft.procurement import tables as p
from produktlyft.procurement.model import CodeOwnership, ContractTerms, Route, Slice


class ProcurementRepository:
    def __init__(self, connection: Connection) -> None:
        self.connection = connection

    def save_slices(self, slices: Sequence[Slice], origin: str, actor: str, day: date) -> None:
        """Insert the slices, replacing saved ones of the same name."""
        table = p.procurement_slices
        names = [s.slice for s in slices]
        if names:
            self.connection.execute(delete(table).where(table.c.slice.in_(names)))
            self.connection.execute(
                insert(table),
                [
                    {
                        "slice": s.slice,
                        "need": s.need,
                        "phase_id": s.phase_id,
                        "start": s.start,
                        "end": s.end,
                        "data": s.model_dump_json(),
                        "origin": origin,
                        "saved_by": actor,
                        "saved_on": day,
                    }
                    for s in slices
                ],
            )

    def slices(self, phase_id: str | None = None) -> list[Slice]:
        table = p.procurement_slices
        query = select(table.c.data).order_by(table.c.start, table.c.slice)
        if phase_id is not None:
            query = query.where(table.c.phase_id == phase_id)
        return [Slice.model_validate_json(data) for data in self.connection.scalars(query)]

    def delete_slices(self, names: Sequence[str]) -> int:
        table = p.procurement_slices
        result = self.connection.execute(delete(table).where(table.c.slice.in_(list(names))))
        return int(result.rowcount or 0)

    def save_terms(self, terms: ContractTerms, actor: str, day: date) -> None:
        table = p.procurement_contract_terms
        self.connection.execute(delete(table).where(table.c.contract_id == terms.contract_id))
        row: dict[str, Any] = {
            **terms.model_dump(mode="python"),
            "code_ownership": terms.code_ownership.value if terms.code_ownership else None,
            "route": terms.route.value if terms.route else None,
            "system_ids": json.dumps(terms.system_ids),
            "saved_by": actor,
            "saved_on": day,
        }
        self.connection.execute(insert(table), [row])

    def terms(self) -> list[ContractTerms]:
        table = p.procurement_contract_terms
        rows = self.connection.execute(select(table).order_by(table.c.contract_id))
        return [
            ContractTerms(
                contract_id=row.contract_id,
                options_value_sek=row.options_value_sek,
                extension_months=row.extension_months,
                notice_months=row.notice_months,
                exit_clause=row.exit_clause,
                data_return_format=row.data_return_format,
                code_ownership=CodeOwnership.parse(row.code_ownership)
                if row.code_ownership
                else None,
                system_ids=json.loads(row.system_ids),
                route=Route.parse(row.route) if row.route else None,
            )
            for row in rows
        ]
