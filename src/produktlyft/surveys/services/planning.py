"""Which survey results may be shown: the round's group tree, and the disclosure plan for a view.

Every report, team view and filtered view goes through `plan_view`, which asks the auditor in
`analytics.disclosure` with everything this round has ever released, and records what it shows.
The round row is locked first, so two reports never audit against the same stale ledger and no
answer lands while aggregates are read.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from produktlyft.kernel.db import UnitOfWork
from produktlyft.surveys.analysis.disclosure import Candidate, Plan, Reason, plan_release
from produktlyft.surveys.analysis.stats import FamilyAggregate, FamilySpec
from produktlyft.surveys.model import RESPONDENTS, ROOT, GroupNode, NodeKind, Round
from produktlyft.surveys.repository import SurveyRepository


@dataclass
class Tree:
    nodes: dict[str, GroupNode]
    children: dict[str, list[str]] = field(default_factory=dict)
    depth: dict[str, int] = field(default_factory=dict)
    data_leaves: dict[str, list[str]] = field(default_factory=dict)  # leaves holding data

    @classmethod
    def of(cls, nodes: Sequence[GroupNode]) -> Tree:
        tree = cls({node.node_id: node for node in nodes})
        for node in nodes:
            tree.children.setdefault(node.node_id, [])
            if node.parent_id is not None:
                tree.children.setdefault(node.parent_id, []).append(node.node_id)
        tree._walk(ROOT, 0)
        return tree

    def _walk(self, node_id: str, depth: int) -> list[str]:
        self.depth[node_id] = depth
        node = self.nodes[node_id]
        own = [node_id] if node.answerable or node.kind is NodeKind.REMAINDER else []
        leaves = own + [
            leaf for child in self.children[node_id] for leaf in self._walk(child, depth + 1)
        ]
        self.data_leaves[node_id] = leaves
        return leaves

    @property
    def parents(self) -> dict[str, str | None]:
        return {node_id: node.parent_id for node_id, node in self.nodes.items()}

    def leaves(self) -> list[str]:
        return [n for n, node in self.nodes.items() if node.answerable]

    def reportable(self) -> list[str]:
        """The groups a report lists, in tree order; merged remainders are never shown."""
        return [n for n, node in self.nodes.items() if node.kind is not NodeKind.REMAINDER]

    def find(self, name: str) -> GroupNode | None:
        wanted = name.casefold()
        for node in self.nodes.values():
            if node.kind is not NodeKind.REMAINDER and wanted in (
                node.node_id.casefold(),
                node.name.casefold(),
                (node.source_id or "").casefold(),
            ):
                return node
        return None


@dataclass(frozen=True)
class View:
    """One result a report wants to show: a group of the tree, or a filter over groups."""

    key: str
    leaves: tuple[str, ...]  # the leaves holding its data
    members: tuple[str, ...]  # the groups it covers: itself, or the groups a filter names

    @classmethod
    def group(cls, tree: Tree, node_id: str) -> View:
        return cls(node_id, tuple(tree.data_leaves[node_id]), (node_id,))

    @classmethod
    def filter(cls, tree: Tree, node_ids: Sequence[str]) -> View:
        leaves = sorted({leaf for n in node_ids for leaf in tree.data_leaves[n]})
        return cls(
            "filter:" + ",".join(sorted(set(node_ids))), tuple(leaves), tuple(sorted(set(node_ids)))
        )


@dataclass
class ViewPlan:
    """The decision for every family: which views are shown."""

    families: dict[str, Plan]

    def shown(self, key: str, family: str = RESPONDENTS) -> bool:
        plan = self.families.get(family)
        return plan is not None and plan.is_shown(key)

    def reason(self, key: str, family: str = RESPONDENTS) -> Reason | None:
        plan = self.families.get(family)
        return None if plan is None else plan.suppressed.get(key)


def family_counts(
    respondents: Mapping[str, int],
    aggregates: Mapping[str, Mapping[str, FamilyAggregate]],
    specs: Sequence[FamilySpec],
) -> dict[str, dict[str, int]]:
    """family -> leaf -> respondents counted in that family."""
    counts = {RESPONDENTS: dict(respondents)}
    for spec in specs:
        counts[spec.code] = {
            leaf: families[spec.code].n
            for leaf, families in aggregates.items()
            if spec.code in families
        }
    return counts


def order_views(views: Iterable[View], tree: Tree, respondents: Mapping[str, int]) -> list[View]:
    """What matters most first: the organisation, then larger groups. The order decides which
    sibling is hidden when one must be (the smaller), never how groups are listed."""

    def n(view: View) -> int:
        return sum(respondents.get(leaf, 0) for leaf in view.leaves)

    return sorted(views, key=lambda v: (tree.depth.get(v.key, 99), -n(v), v.key))


def plan_view(
    uow: UnitOfWork,
    round_: Round,
    views: Sequence[View],
    counts: Mapping[str, Mapping[str, int]],
    today: date,
    withheld: frozenset[str] = frozenset(),
) -> ViewPlan:
    """Audit the views against the round's ledger, family by family, and record what is shown.
    A group hidden as a whole is hidden in every family."""
    ledger = uow.repo(SurveyRepository).releases(round_.id)
    plans: dict[str, Plan] = {}
    group_plan = _plan_family(
        views, counts[RESPONDENTS], ledger.get(RESPONDENTS, []), round_.min_group, withheld
    )
    plans[RESPONDENTS] = group_plan
    hidden = withheld | frozenset(group_plan.suppressed)
    for family, family_count in counts.items():
        if family != RESPONDENTS:
            plans[family] = _plan_family(
                views, family_count, ledger.get(family, []), round_.min_group, hidden
            )
    for family, plan in plans.items():
        uow.repo(SurveyRepository).add_releases(round_.id, family, plan.new_releases, today)
    return ViewPlan(plans)


def _plan_family(
    views: Sequence[View],
    counts: Mapping[str, int],
    ledger: Sequence[Mapping[str, int]],
    k: int,
    withheld: frozenset[str],
) -> Plan:
    candidates = [
        Candidate(view.key, {leaf: counts.get(leaf, 0) for leaf in view.leaves}) for view in views
    ]
    plan = plan_release(candidates, ledger, k, withheld)
    # a group hidden as a whole keeps its reason in every family
    for key in withheld & {view.key for view in views}:
        plan.suppressed[key] = Reason.WITHHELD
    return plan


def final_plan(tree: Tree, views: Sequence[View]) -> ViewPlan:
    """The frozen plan of a finalised round. A filter is shown only when every group it covers
    is shown: it is then a sum of shown results and reveals nothing new."""
    families = {RESPONDENTS} | {
        f for node in tree.nodes.values() for f in node.final_families or ()
    }
    plans = {family: Plan() for family in families}
    for view in views:
        for family, plan in plans.items():
            if all(family in (tree.nodes[m].final_families or ()) for m in view.members):
                plan.shown.append(view.key)
            else:
                plan.suppressed[view.key] = Reason.WITHHELD
    return ViewPlan(plans)
