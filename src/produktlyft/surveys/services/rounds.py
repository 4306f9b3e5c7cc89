"""Survey rounds: create them, hand out single-use links, close them.

The server never links a link to a person: it keeps the team and a SHA-256 hash of the token.
The token itself is shown once, to the organiser who prints or mails it.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from produktlyft.inventory.model import Team, Unit
from produktlyft.inventory.repository import InventoryRepository
from produktlyft.kernel.access import Permission
from produktlyft.kernel.context import ServiceContext
from produktlyft.kernel.db import UnitOfWork
from produktlyft.kernel.errors import InvalidInput, Issue, NotFound, wording
from produktlyft.surveys.analysis.disclosure import MIN_GROUP_FLOOR, storage_targets
from produktlyft.surveys.analysis.stats import FamilySpec, family_specs
from produktlyft.surveys.extras import Evidence
from produktlyft.surveys.extras_repository import SurveyExtrasRepository
from produktlyft.surveys.instruments import CURRENT, instrument
from produktlyft.surveys.model import (
    ROOT,
    GroupNode,
    InstrumentRef,
    NodeKind,
    Round,
    RoundClosed,
    RoundMode,
    RoundStatus,
)
from produktlyft.surveys.repository import SurveyRepository
from produktlyft.surveys.services.planning import Tree, View, family_counts, order_views, plan_view

ANSWER_PATH = "/s/{token}"  # where the web app serves the answering form
MAX_LINKS_PER_CALL = 10_000
_ROUND_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"
ALIASES = {
    "psychological-safety": "psych-safety",
    "wellbeing": "dora-wellbeing",
    "well-being": "dora-wellbeing",
    "service": "service-standard",
}


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def answer_path(token: str) -> str:
    return ANSWER_PATH.format(token=token)


def token_from(text: str) -> str:
    """Accept a bare token, a path such as /s/<token>, or a whole URL."""
    return text.strip().rstrip("/").rsplit("/", 1)[-1]


def round_specs(round_: Round) -> list[FamilySpec]:
    return list(_specs(round_.instruments))


@lru_cache(maxsize=64)
def _specs(refs: tuple[InstrumentRef, ...]) -> tuple[FamilySpec, ...]:
    return tuple(spec for ref in refs for spec in family_specs(ref.resolve()))


@dataclass
class CreatedRound:
    round: Round
    groups: list[GroupNode]
    notes: list[str] = field(default_factory=list)


def create_round(
    ctx: ServiceContext,
    *,
    instruments: Sequence[str],
    groups: Sequence[str],
    closes_on: date,
    opens_on: date | None = None,
    min_group: int | None = None,
    title: str | None = None,
    mode: RoundMode = RoundMode.AGGREGATE,
    legal_basis: str | None = None,
) -> CreatedRound:
    ctx.actor.require(Permission.ORGANISE)
    ctx.database.require_current()
    day = ctx.today()
    opens = opens_on or day
    k = ctx.settings.survey_min_group if min_group is None else min_group
    refs = _check_round_input(instruments, groups, opens, closes_on, k, day, mode, legal_basis)
    with ctx.database.unit_of_work() as uow:
        nodes, notes = _group_tree(uow, groups)
        round_ = Round(
            id=_new_round_id(uow),
            title=title or f"Survey {opens.isoformat()}",
            instruments=tuple(refs),
            mode=mode,
            legal_basis=legal_basis,
            min_group=k,
            opens_on=opens,
            closes_on=closes_on,
            created_on=day,
            created_by=ctx.actor.name,
        )
        uow.repo(SurveyRepository).add_round(round_, nodes, round_specs(round_))
    if k < ctx.settings.survey_min_group:
        notes.append(
            f"the minimum group size {k} is below the organisation's "
            f"{ctx.settings.survey_min_group}"
        )
    return CreatedRound(round_, nodes, notes)


def _check_round_input(
    instruments: Sequence[str],
    groups: Sequence[str],
    opens: date,
    closes: date,
    k: int,
    day: date,
    mode: RoundMode,
    legal_basis: str | None,
) -> list[InstrumentRef]:
    issues: list[Issue] = []
    refs: list[InstrumentRef] = []
    codes = [ALIASES.get(c.strip().casefold(), c.strip().casefold()) for c in instruments]
    for code in codes:
        if code not in CURRENT:
            issues.append(
                Issue.worded(
                    wording(
                        "no instrument '{code}'; choose from {choices}",
                        code=code,
                        choices=", ".join(CURRENT),
                    ),
                    column="instrument",
                )
            )
        elif code not in [r.code for r in refs]:
            refs.append(InstrumentRef(code=code, version=instrument(code).version))
    if not codes:
        issues.append(Issue.worded(wording("name at least one instrument"), column="instrument"))
    names = [g.strip() for g in groups if g.strip()]
    if not names:
        issues.append(Issue.worded(wording("name at least one team or unit"), column="team"))
    if len({n.casefold() for n in names}) != len(names):
        issues.append(Issue.worded(wording("a team is named twice"), column="team"))
    if k < MIN_GROUP_FLOOR:
        issues.append(
            Issue.worded(
                wording("the minimum group size may not be below {floor}", floor=MIN_GROUP_FLOOR),
                column="min-group",
            )
        )
    if closes < opens:
        issues.append(Issue.worded(wording("the round closes before it opens"), column="close"))
    if closes < day:
        issues.append(
            Issue.worded(wording("the closing day {day} has passed", day=closes), column="close")
        )
    if mode is RoundMode.ROWS and not (legal_basis or "").strip():
        issues.append(
            Issue.worded(
                wording("keeping answers as rows needs a stated legal basis"), column="legal-basis"
            )
        )
    if issues:
        raise InvalidInput(issues, f"{len(issues)} problem(s); no round was created")
    return refs


def _new_round_id(uow: UnitOfWork) -> str:
    while True:
        candidate = "".join(secrets.choice(_ROUND_ALPHABET) for _ in range(8))
        try:
            uow.repo(SurveyRepository).get_round(candidate)
        except NotFound:
            return candidate


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.casefold()).strip("-")[:60] or "group"


def _group_tree(uow: UnitOfWork, names: Sequence[str]) -> tuple[list[GroupNode], list[str]]:
    """Freeze the hierarchy: inventory teams with their unit chains, units that answer as a
    whole, and teams made for this round under the organisation."""
    teams = [t for t in uow.repo(InventoryRepository).load("teams") if isinstance(t, Team)]
    units = {u.id: u for u in uow.repo(InventoryRepository).load("units") if isinstance(u, Unit)}
    notes: list[str] = []
    parent: dict[str, str | None] = {ROOT: None}
    info: dict[str, tuple[str, NodeKind, str | None]] = {
        ROOT: ("Organisation", NodeKind.ORGANISATION, None)
    }
    answering: list[str] = []

    def add_unit_chain(unit_id: str | None) -> str:
        seen: list[str] = []
        while unit_id is not None and unit_id in units and unit_id not in seen:
            seen.append(unit_id)
            unit_id = units[unit_id].parent_id
        above = ROOT
        for uid in reversed(seen):
            node_id = f"unit:{uid}"
            info.setdefault(node_id, (units[uid].name, NodeKind.UNIT, uid))
            parent.setdefault(node_id, above)
            above = node_id
        return above

    for name in names:
        wanted = name.casefold()
        team = next((t for t in teams if wanted in (t.id.casefold(), t.name.casefold())), None)
        unit = next(
            (u for u in units.values() if wanted in (u.id.casefold(), u.name.casefold())), None
        )
        if team is not None:
            node_id = f"team:{team.id}"
            info[node_id] = (team.name, NodeKind.TEAM, team.id)
            parent[node_id] = add_unit_chain(team.unit_id)
        elif unit is not None:
            node_id = f"unit:{unit.id}"
            parent[node_id] = add_unit_chain(unit.parent_id) if unit.parent_id else ROOT
            info[node_id] = (unit.name, NodeKind.UNIT, unit.id)
        else:
            node_id = f"new:{_slug(name)}"
            info[node_id] = (name, NodeKind.TEAM, None)
            parent[node_id] = ROOT
            notes.append(
                f"'{name}' is not a team or unit in the inventory; it was created for this round"
            )
        answering.append(node_id)
    return _tree_nodes(parent, info, answering), notes


def _tree_nodes(
    parent: dict[str, str | None],
    info: dict[str, tuple[str, NodeKind, str | None]],
    answering: list[str],
) -> list[GroupNode]:
    children: dict[str, list[str]] = {}
    for node_id, above in parent.items():
        if above is not None:
            children.setdefault(above, []).append(node_id)
    # a unit that answers and also has answering groups below gets a leaf of its own
    for node_id in list(answering):
        if children.get(node_id):
            direct = f"{node_id}/direct"
            name, _, source = info[node_id]
            info[direct] = (f"{name} (direct)", NodeKind.UNIT, source)
            parent[direct] = node_id
            children[node_id].append(direct)
            answering[answering.index(node_id)] = direct
    # one top unit above every inventory group is the organisation itself
    top = children.get(ROOT, [])
    top_units = [c for c in top if info[c][1] is NodeKind.UNIT]
    if len(top_units) == 1 and top_units[0] not in answering:
        only = top_units[0]
        info[ROOT] = (info[only][0], NodeKind.ORGANISATION, info[only][2])
        children[ROOT] = [c for c in top if c != only] + children.pop(only, [])
        for child in children[ROOT]:
            parent[child] = ROOT
        del parent[only], info[only]
    ordered: list[GroupNode] = []

    def visit(node_id: str) -> None:
        name, kind, source = info[node_id]
        ordered.append(
            GroupNode(
                node_id=node_id,
                name=name,
                kind=kind,
                parent_id=parent.get(node_id),
                source_id=source,
                answerable=node_id in answering,
            )
        )
        for child in sorted(children.get(node_id, []), key=lambda c: info[c][0].casefold()):
            visit(child)

    visit(ROOT)
    return ordered


@dataclass
class LinkBatch:
    round: Round
    group: GroupNode
    tokens: list[str]
    notes: list[str] = field(default_factory=list)

    @property
    def paths(self) -> list[str]:
        return [answer_path(token) for token in self.tokens]


def generate_links(ctx: ServiceContext, round_id: str, group: str, count: int) -> LinkBatch:
    """`count` new single-use links for one answering group. Only their hashes are stored."""
    ctx.actor.require(Permission.ORGANISE)
    ctx.database.require_current()
    if not 1 <= count <= MAX_LINKS_PER_CALL:
        raise InvalidInput(
            [Issue(message=f"ask for 1 to {MAX_LINKS_PER_CALL} links", column="count")],
            "no links were made",
        )
    with ctx.database.unit_of_work() as uow:
        round_ = uow.repo(SurveyRepository).get_round(round_id)
        if round_.status(ctx.today()) is RoundStatus.CLOSED:
            raise RoundClosed(f"round {round_id} is closed; it takes no more answers")
        node = Tree.of(uow.repo(SurveyRepository).nodes(round_id)).find(group)
        if node is not None and not node.answerable:
            node = Tree.of(uow.repo(SurveyRepository).nodes(round_id)).nodes.get(
                f"{node.node_id}/direct"
            )
        if node is None:
            names = ", ".join(
                n.name for n in uow.repo(SurveyRepository).nodes(round_id) if n.answerable
            )
            raise NotFound(f"round {round_id} has no answering group '{group}'; it has {names}")
        tokens = [f"{round_id}-{secrets.token_urlsafe(16)}" for _ in range(count)]
        uow.repo(SurveyRepository).add_links(
            round_id, node.node_id, [token_hash(t) for t in tokens]
        )
    notes = []
    if node.links_issued + count < round_.min_group:
        notes.append(
            f"{node.name} has {node.links_issued + count} link(s), fewer than the "
            f"minimum group size {round_.min_group}: its results can never be shown "
            "on their own"
        )
    return LinkBatch(round_, node, tokens, notes)


def list_answering_groups(ctx: ServiceContext, round_id: str) -> list[str]:
    """The names of the groups links can be made for (organisers only)."""
    if not ctx.actor.can(Permission.ORGANISE):
        return []
    with ctx.database.reading() as uow:
        return [n.name for n in uow.repo(SurveyRepository).nodes(round_id) if n.answerable]


def list_rounds(ctx: ServiceContext) -> list[tuple[Round, RoundStatus]]:
    ctx.actor.require(Permission.READ)
    ctx.database.require_current()
    day = ctx.today()
    with ctx.database.reading() as uow:
        return [(r, r.status(day)) for r in uow.repo(SurveyRepository).rounds()]


def close_round(ctx: ServiceContext, round_id: str) -> Round:
    """Close a round now: it takes no more answers, its links are deleted (so no trace of who
    took part is left), and its results are finalised."""
    ctx.actor.require(Permission.ORGANISE)
    ctx.database.require_current()
    with ctx.database.unit_of_work() as uow:
        uow.repo(SurveyRepository).get_round(round_id)  # NotFound before anything is written
        uow.repo(SurveyRepository).lock_round(round_id)
        uow.repo(SurveyRepository).mark_closed(round_id, ctx.today())
        finalise_if_due(uow, uow.repo(SurveyRepository).get_round(round_id), ctx.today())
        return uow.repo(SurveyRepository).get_round(round_id)


def finalise_if_due(uow: UnitOfWork, round_: Round, day: date) -> bool:
    """Once a round is closed: plan its final results through the auditor, coarsen what is
    stored (aggregate mode) and delete its links. The caller holds the round lock."""
    if round_.finalised or round_.status(day) is not RoundStatus.CLOSED:
        return False
    specs = round_specs(round_)
    tree = Tree.of(uow.repo(SurveyRepository).nodes(round_.id))
    respondents = uow.repo(SurveyRepository).respondents(round_.id)
    aggregates = uow.repo(SurveyRepository).aggregates(round_.id, specs)
    counts = family_counts(respondents, aggregates, specs)
    views = order_views([View.group(tree, n) for n in tree.reportable()], tree, respondents)
    plan = plan_view(uow, round_, views, counts, day)
    leaves = tree.leaves()
    targets = {
        family: storage_targets(tree.parents, leaves, set(p.shown))
        for family, p in plan.families.items()
    }
    final = {n: [f for f, p in plan.families.items() if p.is_shown(n)] for n in tree.nodes}
    uow.repo(SurveyRepository).finalise(
        round_.id, specs, targets, final, merge=round_.mode is RoundMode.AGGREGATE
    )
    uow.repo(SurveyRepository).delete_links(round_.id)
    return True


def add_evidence(
    ctx: ServiceContext, round_id: str, group: str, point: int, url: str, note: str | None = None
) -> Evidence:
    """Record, openly and under the recorder's name, evidence for a Service Standard point."""
    ctx.actor.require(Permission.EDIT)
    ctx.database.require_current()
    with ctx.database.unit_of_work() as uow:
        round_ = uow.repo(SurveyRepository).get_round(round_id)
        if "service-standard" not in [ref.code for ref in round_.instruments]:
            raise InvalidInput([Issue(message="this round has no Service Standard assessment")])
        node = Tree.of(uow.repo(SurveyRepository).nodes(round_id)).find(group)
        if node is None:
            raise NotFound(f"round {round_id} has no group '{group}'")
        if not 1 <= point <= 14:
            raise InvalidInput(
                [Issue(message="the Service Standard has points 1 to 14", column="point")]
            )
        try:
            evidence = Evidence(
                round_id=round_id,
                node_id=node.node_id,
                item=f"service-standard.{point}",
                url=url,
                note=note,
                added_by=ctx.actor.name,
                added_on=ctx.today(),
            )
        except ValueError as error:
            raise InvalidInput(
                [Issue(message=str(error).splitlines()[-1].strip(), column="url")]
            ) from None
        uow.repo(SurveyExtrasRepository).add_evidence(evidence)
    return evidence
