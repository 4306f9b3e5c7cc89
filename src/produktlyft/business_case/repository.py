"""Business cases in storage: a case is written and read whole (its options, lines, risks and
benefits-realisation records), under optimistic locking by `row_version`."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from sqlalchemy import Connection, delete, insert, select, update

from produktlyft.business_case import tables as t
from produktlyft.business_case.model import (
    Benefit,
    Case,
    CaseSummary,
    Distribution,
    Line,
    LineKind,
    Option,
    OptionKind,
    Range,
    Risk,
    SubjectKind,
)
from produktlyft.kernel.errors import Conflict

CHILDREN = (
    t.business_case_lines,
    t.business_case_options,
    t.business_case_risks,
    t.business_case_benefits,
)


def _case_row(case: Case, actor: str, day: date, version: int) -> dict[str, Any]:
    return {
        "id": case.id,
        "name": case.name,
        "subject_kind": case.subject_kind.value,
        "subject_id": case.subject_id,
        "country_pack": case.country_pack,
        "pack_version": case.pack_version,
        "price_base_year": case.price_base_year,
        "horizon_years": case.horizon_years,
        "seed": case.seed,
        "draws": case.draws,
        "correlation": case.correlation,
        "delay_low": case.delay.low,
        "delay_mode": case.delay.mode,
        "delay_high": case.delay.high,
        "delay_distribution": case.delay.distribution.value,
        "optimism_bias": json.dumps(case.optimism_bias, sort_keys=True),
        "preferred_option": case.preferred_option,
        "strategic_case": json.dumps(list(case.strategic_case), ensure_ascii=False),
        "non_monetised": json.dumps(list(case.non_monetised), ensure_ascii=False),
        "created_by": actor,
        "created_on": case.created_on or day,
        "row_version": version,
    }


def _line_rows(case: Case) -> list[dict[str, Any]]:
    return [
        {
            "case_id": case.id,
            "option_id": option.id,
            "id": line.id,
            "position": position,
            "kind": line.kind.value,
            "name": line.name,
            "category": line.category,
            "amounts": json.dumps(list(line.amounts)),
            "low": line.range.low,
            "mode": line.range.mode,
            "high": line.range.high,
            "distribution": line.range.distribution.value,
            "corr_group": line.group,
            "slips": line.slips,
            "basis": line.basis,
        }
        for option in case.options
        for position, line in enumerate(option.lines)
    ]


class BusinessCaseRepository:
    def __init__(self, connection: Connection) -> None:
        self.connection = connection

    def exists(self, case_id: str) -> bool:
        table = t.business_cases
        return self.connection.scalar(select(table.c.id).where(table.c.id == case_id)) is not None

    def save(self, case: Case, actor: str, day: date) -> int:
        """Insert a new case or replace a known one whose `row_version` still matches;
        returns the new version. Conflict when someone else saved it in between."""
        table = t.business_cases
        known = self.connection.scalar(select(table.c.row_version).where(table.c.id == case.id))
        if known is None:
            version = 1
            self.connection.execute(insert(table), [_case_row(case, actor, day, version)])
        else:
            if case.row_version is not None and case.row_version != known:
                raise Conflict(f"business case '{case.id}' was changed by someone else; reload it")
            version = known + 1
            row = _case_row(case, actor, day, version)
            del row["created_by"]
            self.connection.execute(update(table).where(table.c.id == case.id).values(row))
            for child in CHILDREN:
                self.connection.execute(delete(child).where(child.c.case_id == case.id))
        self._insert_children(case)
        return version

    def _insert_children(self, case: Case) -> None:
        options = [
            {
                "case_id": case.id,
                "id": o.id,
                "position": i,
                "name": o.name,
                "kind": o.kind.value,
                "description": o.description,
            }
            for i, o in enumerate(case.options)
        ]
        risks = [
            {"case_id": case.id, "position": i, **r.model_dump()} for i, r in enumerate(case.risks)
        ]
        benefits = [
            {"case_id": case.id, "position": i, **b.model_dump(exclude={"case_id"})}
            for i, b in enumerate(case.benefits)
        ]
        for table, rows in (
            (t.business_case_options, options),
            (t.business_case_lines, _line_rows(case)),
            (t.business_case_risks, risks),
            (t.business_case_benefits, benefits),
        ):
            if rows:
                self.connection.execute(insert(table), rows)

    def summaries(self) -> list[CaseSummary]:
        table = t.business_cases
        rows = self.connection.execute(select(table).order_by(table.c.created_on, table.c.id))
        return [
            CaseSummary(
                id=row.id,
                name=row.name,
                subject_kind=SubjectKind.parse(row.subject_kind),
                subject_id=row.subject_id,
                country_pack=row.country_pack,
                price_base_year=row.price_base_year,
                created_on=row.created_on,
            )
            for row in rows
        ]

    def get(self, case_id: str) -> Case | None:
        table = t.business_cases
        row = self.connection.execute(select(table).where(table.c.id == case_id)).first()
        if row is None:
            return None
        return Case(
            id=row.id,
            name=row.name,
            subject_kind=SubjectKind.parse(row.subject_kind),
            subject_id=row.subject_id,
            country_pack=row.country_pack,
            pack_version=row.pack_version,
            price_base_year=row.price_base_year,
            horizon_years=row.horizon_years,
            seed=row.seed,
            draws=row.draws,
            correlation=row.correlation,
            delay=Range(
                low=row.delay_low,
                mode=row.delay_mode,
                high=row.delay_high,
                distribution=Distribution.parse(row.delay_distribution),
            ),
            optimism_bias=json.loads(row.optimism_bias),
            preferred_option=row.preferred_option,
            strategic_case=tuple(json.loads(row.strategic_case)),
            non_monetised=tuple(json.loads(row.non_monetised)),
            options=self._options(case_id),
            risks=self._risks(case_id),
            benefits=tuple(self.benefits(case_id)),
            created_on=row.created_on,
            row_version=row.row_version,
        )

    def _options(self, case_id: str) -> tuple[Option, ...]:
        lines_table = t.business_case_lines
        lines: dict[str, list[Line]] = {}
        query = (
            select(lines_table)
            .where(lines_table.c.case_id == case_id)
            .order_by(lines_table.c.option_id, lines_table.c.position)
        )
        for row in self.connection.execute(query):
            lines.setdefault(row.option_id, []).append(
                Line(
                    id=row.id,
                    kind=LineKind.parse(row.kind),
                    name=row.name,
                    category=row.category,
                    amounts=tuple(json.loads(row.amounts)),
                    range=Range(
                        low=row.low,
                        mode=row.mode,
                        high=row.high,
                        distribution=Distribution.parse(row.distribution),
                    ),
                    group=row.corr_group,
                    slips=bool(row.slips),
                    basis=row.basis,
                )
            )
        table = t.business_case_options
        query = select(table).where(table.c.case_id == case_id).order_by(table.c.position)
        return tuple(
            Option(
                id=row.id,
                name=row.name,
                kind=OptionKind.parse(row.kind),
                description=row.description,
                lines=tuple(lines.get(row.id, [])),
            )
            for row in self.connection.execute(query)
        )

    def _risks(self, case_id: str) -> tuple[Risk, ...]:
        table = t.business_case_risks
        query = select(table).where(table.c.case_id == case_id).order_by(table.c.position)
        return tuple(
            Risk(text=row.text, owner=row.owner, mitigation=row.mitigation)
            for row in self.connection.execute(query)
        )

    def benefits(self, case_id: str | None = None) -> list[Benefit]:
        table = t.business_case_benefits
        query = select(table).order_by(table.c.case_id, table.c.position)
        if case_id is not None:
            query = query.where(table.c.case_id == case_id)
        return [
            Benefit(
                case_id=row.case_id,
                name=row.name,
                owner=row.owner,
                measure=row.measure,
                baseline=row.baseline,
                target=row.target,
                unit=row.unit,
                due=row.due,
                metric=row.metric,
            )
            for row in self.connection.execute(query)
        ]
