"""Read models for browsing: filtered, sorted, paged lists answered in SQL.

The systems list must stay fast at 10,000 systems and more, so filtering, sorting, counting
and paging all happen in the database and only one page of rows is turned into objects.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from sqlalchemy import (
    Connection,
    Select,
    and_,
    case,
    exists,
    func,
    or_,
    select,
)
from sqlalchemy.orm import aliased

from produktlyft.inventory import tables as t
from produktlyft.inventory.analysis.data_quality import DataQuality
from produktlyft.inventory.queries import (
    ContractRow,
    Fingerprint,
    IntegrationQuery,
    IntegrationRow,
    MissingFact,
    Option,
    SystemQuery,
    SystemRow,
    SystemSort,
)
from produktlyft.inventory.repository import INVENTORY_AREA, read_data_version

_COST = func.coalesce(t.systems.c.annual_operating_cost, 0) + func.coalesce(
    t.systems.c.annual_licence_cost, 0
)
_NO_COST = and_(
    t.systems.c.annual_operating_cost.is_(None), t.systems.c.annual_licence_cost.is_(None)
)


# Built once, so SQLAlchemy compiles the integration queries once and reuses them.
_SOURCE = aliased(t.systems, name="source_system")
_TARGET = aliased(t.systems, name="target_system")


def _like(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped.casefold()}%"


def _missing(fact: MissingFact) -> Any:
    s = t.systems.c
    # the same definition as inventory.analysis.data_quality.missing_facts
    each = {
        MissingFact.OWNER: or_(s.system_owner.is_(None), func.trim(s.system_owner) == ""),
        MissingFact.CRITICALITY: s.criticality.is_(None),
        MissingFact.LIFECYCLE: s.lifecycle.is_(None),
        MissingFact.COST: _NO_COST,
    }
    return or_(*each.values()) if fact is MissingFact.ANY else each[fact]


def _system_filters(query: SystemQuery) -> list[Any]:
    s = t.systems.c
    conditions: list[Any] = []
    if query.text:
        pattern = _like(query.text.strip())
        conditions.append(
            or_(
                *(
                    func.lower(column).like(pattern, escape="\\")
                    for column in (s.name, s.id, s.description, s.vendor, s.system_owner)
                )
            )
        )
    for column, value in (
        (s.owning_unit_id, query.unit_id),
        (s.criticality, query.criticality),
        (s.lifecycle, query.lifecycle),
        (s.hosting, query.hosting),
    ):
        if value:
            conditions.append(column == str(value))
    if query.capability_id:
        link = t.system_capabilities
        conditions.append(
            exists().where(link.c.system_id == s.id, link.c.capability_id == query.capability_id)
        )
    if query.missing:
        conditions.append(_missing(query.missing))
    return conditions


def _order(query: SystemQuery) -> list[Any]:
    s = t.systems.c
    # Codes sort alphabetically; give the ordinal scales their real order instead.
    criticality = case(
        {"critical_to_society": 1, "critical_to_operations": 2, "not_critical": 3},
        value=s.criticality,
        else_=4,
    )
    lifecycle = case(
        {"plan": 1, "phase_in": 2, "active": 3, "phase_out": 4, "end_of_life": 5},
        value=s.lifecycle,
        else_=6,
    )
    keys = {
        SystemSort.NAME: func.lower(s.name),
        SystemSort.UNIT: func.lower(t.units.c.name),
        SystemSort.OWNER: func.lower(s.system_owner),
        SystemSort.CRITICALITY: criticality,
        SystemSort.LIFECYCLE: lifecycle,
        SystemSort.HOSTING: s.hosting,
        SystemSort.COST: case((_NO_COST, None), else_=_COST),
    }
    key = keys[query.sort]
    if query.sort is SystemSort.NAME:  # never NULL: plain order, which the name index serves
        return [key.desc(), s.id.desc()] if query.descending else [key, s.id]
    primary = key.desc().nulls_last() if query.descending else key.asc().nulls_last()
    return [primary, func.lower(s.name), s.id]


class BrowseRepository:
    def __init__(self, connection: Connection) -> None:
        self.connection = connection

    def count_systems(self, query: SystemQuery) -> int:
        """How many systems the query's filters select (its page and order aside)."""
        s = t.systems
        conditions = _system_filters(query)
        return int(
            self.connection.scalar(select(func.count()).select_from(s).where(*conditions)) or 0
        )

    def page_of_systems(self, query: SystemQuery) -> list[SystemRow]:
        s, u = t.systems, t.units
        conditions = _system_filters(query)
        # The page's ids first, then their columns: SQLite and PostgreSQL build every row they
        # skip for OFFSET, so on page 150 of 10,000 systems the join and the columns were
        # computed for 7,450 rows only to be dropped. The ids come off the sort index alone.
        ordered = (
            s.outerjoin(u, u.c.id == s.c.owning_unit_id) if query.sort is SystemSort.UNIT else s
        )
        page = (
            select(s.c.id)
            .select_from(ordered)
            .where(*conditions)
            .order_by(*_order(query))
            .limit(query.per_page)
            .offset((query.page - 1) * query.per_page)
            .subquery("page")
        )
        statement = (
            select(
                s.c.id,
                s.c.name,
                s.c.owning_unit_id.label("unit_id"),
                u.c.name.label("unit_name"),
                s.c.system_owner,
                s.c.vendor,
                s.c.criticality,
                s.c.lifecycle,
                s.c.hosting,
                case((_NO_COST, None), else_=_COST).label("annual_cost"),
            )
            .select_from(
                page.join(s, s.c.id == page.c.id).outerjoin(u, u.c.id == s.c.owning_unit_id)
            )
            .order_by(*_order(query))
        )
        return [
            SystemRow.model_validate(dict(row))
            for row in self.connection.execute(statement).mappings()
        ]

    def options(self, entity: str) -> list[Option]:
        table = {
            "units": t.units,
            "capabilities": t.capabilities,
            "systems": t.systems,
            "technologies": t.technologies,
            "data_objects": t.data_objects,
        }[entity]
        statement = select(table.c.id, table.c.name).order_by(func.lower(table.c.name), table.c.id)
        return [Option(id=row.id, name=row.name) for row in self.connection.execute(statement)]

    def names(self, entity: str, ids: list[str]) -> dict[str, str]:
        table = {
            "units": t.units,
            "capabilities": t.capabilities,
            "systems": t.systems,
            "technologies": t.technologies,
            "data_objects": t.data_objects,
            "contracts": t.contracts,
        }[entity]
        if not ids:
            return {}
        found: dict[str, str] = {}
        unique = sorted(set(ids))
        for start in range(0, len(unique), 500):
            statement = select(table.c.id, table.c.name).where(
                table.c.id.in_(unique[start : start + 500])
            )
            found.update({row.id: row.name for row in self.connection.execute(statement)})
        return found

    def _integration_select(self) -> Select[Any]:
        i = t.integrations
        source, target = _SOURCE, _TARGET
        return select(
            i.c.id,
            i.c.name,
            i.c.source_id,
            source.c.name.label("source_name"),
            i.c.target_id,
            target.c.name.label("target_name"),
            i.c.kind,
            i.c.direction,
            i.c.open_standard,
        ).select_from(
            i.join(source, source.c.id == i.c.source_id).join(target, target.c.id == i.c.target_id)
        )

    def integrations_of(self, system_id: str) -> list[IntegrationRow]:
        """Every integration a system takes part in, without counting (for its page)."""
        i = t.integrations
        statement = (
            self._integration_select()
            .where(or_(i.c.source_id == system_id, i.c.target_id == system_id))
            .order_by(case((i.c.kind == "manual_rekeying", 0), else_=1), i.c.id)
        )
        return [
            IntegrationRow.model_validate(dict(row))
            for row in self.connection.execute(statement).mappings()
        ]

    def integrations(self, query: IntegrationQuery) -> tuple[int, list[IntegrationRow]]:
        i = t.integrations
        conditions: list[Any] = []
        if query.system_id:
            conditions.append(
                or_(i.c.source_id == query.system_id, i.c.target_id == query.system_id)
            )
        if query.kind:
            conditions.append(i.c.kind == query.kind.value)
        total = self.connection.scalar(select(func.count()).select_from(i).where(*conditions))
        # Manual re-keying first: it is what the view is there to show.
        manual_first = case((i.c.kind == "manual_rekeying", 0), else_=1)
        statement = (
            self._integration_select()
            .where(*conditions)
            .order_by(manual_first, i.c.source_id, i.c.target_id, i.c.id)
            .limit(query.per_page)
            .offset((query.page - 1) * query.per_page)
        )
        rows = [
            IntegrationRow.model_validate(dict(row))
            for row in self.connection.execute(statement).mappings()
        ]
        return int(total or 0), rows

    def integration_kinds(self) -> dict[str | None, int]:
        i = t.integrations
        statement = select(i.c.kind, func.count()).group_by(i.c.kind)
        return {kind: int(count) for kind, count in self.connection.execute(statement)}

    def contract_count(self) -> int:
        return int(self.connection.scalar(select(func.count()).select_from(t.contracts)) or 0)

    def contracts(
        self, system_id: str | None = None, page: int = 1, per_page: int | None = None
    ) -> list[ContractRow]:
        """Contracts by end date (soonest first, none last), all or one page of them."""
        c, link = t.contracts, t.contract_systems
        statement = select(
            c.c.id,
            c.c.name,
            c.c.supplier,
            c.c.start_date,
            c.c.end_date,
            c.c.latest_end_date,
            c.c.notice_period_months,
            c.c.value,
        )
        if system_id:
            statement = statement.where(
                c.c.id.in_(select(link.c.contract_id).where(link.c.system_id == system_id))
            )
        statement = statement.order_by(
            c.c.end_date.asc().nulls_last(), func.lower(c.c.name), c.c.id
        )
        if per_page is not None:
            statement = statement.limit(per_page).offset((page - 1) * per_page)
        rows = [dict(row) for row in self.connection.execute(statement).mappings()]
        systems: dict[str, list[Option]] = defaultdict(list)
        ids = [row["id"] for row in rows]
        for start in range(0, len(ids), 500):
            linked = (
                select(link.c.contract_id, t.systems.c.id, t.systems.c.name)
                .join(t.systems, t.systems.c.id == link.c.system_id)
                .where(link.c.contract_id.in_(ids[start : start + 500]))
                .order_by(link.c.contract_id, link.c.position)
            )
            for contract_id, sid, name in self.connection.execute(linked):
                systems[contract_id].append(Option(id=sid, name=name))
        return [ContractRow(**row, systems=systems.get(row["id"], [])) for row in rows]

    def capability_systems(
        self, per_capability: int
    ) -> tuple[dict[str, int], dict[str, list[Option]]]:
        """How many systems support each capability, and the first few of them by name."""
        link, s = t.system_capabilities, t.systems
        counts = {
            cap: int(n)
            for cap, n in self.connection.execute(
                select(link.c.capability_id, func.count(func.distinct(link.c.system_id))).group_by(
                    link.c.capability_id
                )
            )
        }
        ranked = (
            select(
                link.c.capability_id,
                s.c.id,
                s.c.name,
                func.row_number()
                .over(partition_by=link.c.capability_id, order_by=(func.lower(s.c.name), s.c.id))
                .label("rank"),
            )
            .join(s, s.c.id == link.c.system_id)
            .distinct()
            .subquery()
        )
        sample: dict[str, list[Option]] = defaultdict(list)
        statement = (
            select(ranked.c.capability_id, ranked.c.id, ranked.c.name)
            .where(ranked.c.rank <= per_capability)
            .order_by(ranked.c.capability_id, ranked.c.rank)
        )
        for cap, sid, name in self.connection.execute(statement):
            if not sample[cap] or sample[cap][-1].id != sid:
                sample[cap].append(Option(id=sid, name=name))
        return counts, sample

    def fingerprint(self) -> Fingerprint:
        """The inventory's data version: every write to the inventory raises it in the same
        transaction, so one primary-key read tells whether anything changed."""
        return Fingerprint(version=read_data_version(self.connection, INVENTORY_AREA))

    def teams_of(self, system_id: str) -> list[Option]:
        link, teams = t.team_systems, t.teams
        statement = (
            select(teams.c.id, teams.c.name)
            .join(link, link.c.team_id == teams.c.id)
            .where(link.c.system_id == system_id)
            .order_by(teams.c.name)
        )
        return [Option(id=row.id, name=row.name) for row in self.connection.execute(statement)]

    def data_quality(self, examples: int = 5) -> DataQuality:
        """What `analytics.data_quality.assess_data_quality` reports, counted in SQL so that
        10,000 systems take milliseconds (a test holds the two definitions together)."""
        s = t.systems
        facts = [fact for fact in MissingFact if fact is not MissingFact.ANY]
        columns = [func.count(), func.sum(case((_missing(MissingFact.ANY), 0), else_=1))]
        columns += [func.sum(case((_missing(fact), 1), else_=0)) for fact in facts]
        total, complete, *missing = self.connection.execute(select(*columns).select_from(s)).one()
        quality = DataQuality(systems=int(total or 0), complete=int(complete or 0))
        for fact, count in zip(facts, missing, strict=True):
            if count:
                quality.missing[fact.value] = int(count)
                quality.examples[fact.value] = list(
                    self.connection.scalars(
                        select(s.c.id).where(_missing(fact)).order_by(s.c.id).limit(examples)
                    )
                )
        return quality

    def system_profile(self) -> tuple[float, dict[str | None, int], dict[str | None, int]]:
        """Total annual cost, and the number of systems per lifecycle phase and criticality."""
        s = t.systems.c
        cost = self.connection.scalar(select(func.coalesce(func.sum(_COST), 0)))
        lifecycle = {
            key: int(n)
            for key, n in self.connection.execute(
                select(s.lifecycle, func.count()).group_by(s.lifecycle)
            )
        }
        criticality = {
            key: int(n)
            for key, n in self.connection.execute(
                select(s.criticality, func.count()).group_by(s.criticality)
            )
        }
        return float(cost or 0.0), lifecycle, criticality
