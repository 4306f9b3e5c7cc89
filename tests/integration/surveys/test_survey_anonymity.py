"""The adversarial anonymity suite: every attempt to re-identify answers must fail.

The attacker is stronger than any real reader: it is told exactly which respondents (by arrival
order in each team) stand behind every result it is shown, and searches every linear
combination of those results for a set of fewer than k people. Each scenario first runs the
attack against a naive report that shows everything, to prove the attack works (the positive
control), and then against what produktlyft shows.
"""

from __future__ import annotations

import itertools
import json
from dataclasses import dataclass, field

import numpy as np
import pytest
from sqlalchemy import DateTime, func, inspect, select, text

from produktlyft.inventory.repository import InventoryRepository
from produktlyft.kernel.context import ServiceContext
from produktlyft.kernel.db.schema import metadata
from produktlyft.surveys.exporters.json_report import report_json
from produktlyft.surveys.model import SurveyReport
from produktlyft.surveys.services.answers import submit_answer
from produktlyft.surveys.services.reports import group_trend, survey_report
from produktlyft.surveys.services.rounds import close_round, generate_links
from tests.integration.surveys.helpers import TODAY, all_fields, at_day, new_round

ITEMS = [f"westrum.{i}" for i in range(1, 7)]


@dataclass
class Person:
    round_id: str
    team: str
    order: int
    answers: np.ndarray


@dataclass
class Harness:
    """Answers with known values, and every result a reader was shown, with its true
    respondents."""

    ctx: ServiceContext
    k: int
    people: list[Person] = field(default_factory=list)
    seen: list[tuple[list[int], np.ndarray]] = field(default_factory=list)  # people, item sums
    rng: np.random.Generator = field(default_factory=lambda: np.random.default_rng(7))

    def answer(self, round_id: str, team: str, count: int) -> None:
        for token in generate_links(self.ctx, round_id, team, count).tokens:
            values = self.rng.integers(1, 8, size=len(ITEMS))
            submit_answer(self.ctx, token, {f: str(v) for f, v in zip(ITEMS, values, strict=True)})
            order = sum(p.round_id == round_id and p.team == team for p in self.people)
            self.people.append(Person(round_id, team, order, values))

    def members(self, round_id: str, teams: set[str]) -> list[int]:
        return [i for i, p in enumerate(self.people) if p.round_id == round_id and p.team in teams]

    def observe(self, report: SurveyReport, teams_of: dict[str, set[str]]) -> None:
        """Record what the report shows: for each shown westrum result, its item sums."""
        for group in report.groups:
            scale = group.scales.get("westrum")
            if group.suppressed or scale is None or scale.suppressed:
                assert group.suppressed is False or (group.n is None and not group.scales)
                continue
            sums = np.array(
                [sum(a.value * a.count for a in item.distribution) for item in scale.items],
                dtype=np.float64,
            )
            who = self.members(report.round.id, teams_of[group.name])
            assert scale.n == len(who)  # the harness knows exactly who is behind it
            self.seen.append((who, sums))

    def observe_naively(self, round_id: str, teams_of: dict[str, set[str]]) -> None:
        """What a tool without disclosure control would show: every group, exactly."""
        for teams in teams_of.values():
            who = self.members(round_id, teams)
            if who:
                self.seen.append((who, np.sum([self.people[i].answers for i in who], axis=0)))

    def attack(self) -> tuple[list[int], np.ndarray] | None:
        """The smallest set of people (fewer than k) whose answer sums follow from what was
        seen, with the sums derived; None when there is none."""
        if not self.seen:
            return None
        matrix = np.zeros((len(self.seen), len(self.people)))
        for row, (who, _) in enumerate(self.seen):
            matrix[row, who] = 1.0
        sums = np.array([s for _, s in self.seen])
        _, singular, vt = np.linalg.svd(matrix, full_matrices=False)
        basis = vt[singular > 1e-9]
        outside = np.eye(len(self.people)) - basis.T @ basis
        for size in range(1, self.k):
            for chosen in itertools.combinations(range(len(self.people)), size):
                target = np.zeros(len(self.people))
                target[list(chosen)] = 1.0
                if target @ outside @ target < 1e-9:
                    weights, *_ = np.linalg.lstsq(matrix.T, target, rcond=None)
                    return list(chosen), weights @ sums
        return None

    def truth(self, chosen: list[int]) -> np.ndarray:
        return np.sum([self.people[i].answers for i in chosen], axis=0)


def _teams(*names: str) -> dict[str, set[str]]:
    groups = {name: {name} for name in names}
    groups["Organisation"] = set(names)
    return groups


@pytest.fixture
def sctx(ctx: ServiceContext) -> ServiceContext:
    return at_day(ctx, TODAY)


def _assert_attack_works_naively(
    harness: Harness, round_id: str, teams_of: dict[str, set[str]]
) -> None:
    naive = Harness(harness.ctx, harness.k, harness.people, list(harness.seen))
    naive.observe_naively(round_id, teams_of)
    found = naive.attack()
    assert found is not None, "the positive control failed: the attack should work here"
    chosen, derived = found
    np.testing.assert_allclose(derived, naive.truth(chosen), atol=1e-6)


def test_parent_minus_children(sctx: ServiceContext) -> None:
    round_id = new_round(sctx, instruments=("westrum",)).round.id
    harness = Harness(sctx, 5)
    for team, count in (("Alpha", 6), ("Beta", 5), ("Gamma", 1)):
        harness.answer(round_id, team, count)
    teams = _teams("Alpha", "Beta", "Gamma")
    _assert_attack_works_naively(harness, round_id, teams)
    report = survey_report(sctx, round_id)
    harness.observe(report, teams)
    assert harness.attack() is None
    shown = {g.name: g.n for g in report.groups}
    assert shown == {"Organisation": 12, "Alpha": 6, "Beta": None, "Gamma": None}


def test_units_and_teams_in_a_deeper_tree(sctx: ServiceContext) -> None:
    from produktlyft.inventory.model import Team, Unit

    with sctx.database.unit_of_work() as uow:
        uow.repo(InventoryRepository).insert(
            "units", [Unit(id="u1", name="U1"), Unit(id="u2", name="U2")]
        )
        uow.repo(InventoryRepository).insert(
            "teams",
            [
                Team(id=t, name=t, unit_id=u)
                for t, u in (("T1", "u1"), ("T2", "u1"), ("T3", "u2"), ("T4", "u2"))
            ],
        )
    round_id = new_round(sctx, teams=("T1", "T2", "T3", "T4"), instruments=("westrum",)).round.id
    harness = Harness(sctx, 5)
    for team, count in (("T1", 5), ("T2", 5), ("T3", 6), ("T4", 2)):
        harness.answer(round_id, team, count)
    teams = {
        "Organisation": {"T1", "T2", "T3", "T4"},
        "U1": {"T1", "T2"},
        "U2": {"T3", "T4"},
        **{t: {t} for t in ("T1", "T2", "T3", "T4")},
    }
    _assert_attack_works_naively(harness, round_id, teams)
    harness.observe(survey_report(sctx, round_id), teams)
    assert harness.attack() is None


def test_filter_differencing(sctx: ServiceContext) -> None:
    round_id = new_round(sctx, teams=("Alpha", "Beta", "Gamma"), instruments=("westrum",)).round.id
    harness = Harness(sctx, 5)
    for team, count in (("Alpha", 7), ("Beta", 1), ("Gamma", 5)):
        harness.answer(round_id, team, count)
    filters = [["Alpha", "Beta"], ["Alpha"], ["Beta", "Gamma"], ["Gamma"], ["Alpha", "Gamma"]]
    teams_of = {" + ".join(f): set(f) for f in filters}
    for chosen in filters:
        report = survey_report(sctx, round_id, groups=chosen)
        harness.observe(report, teams_of)
    assert harness.seen, "some filters should be shown"
    assert harness.attack() is None
    naive = Harness(sctx, 5, harness.people)
    naive.observe_naively(round_id, {"a+b": {"Alpha", "Beta"}, "a": {"Alpha"}})
    assert naive.attack() is not None


def test_a_tiny_round_shows_nothing_not_even_n(sctx: ServiceContext) -> None:
    round_id = new_round(sctx, teams=("Alpha", "Beta"), instruments=("westrum",)).round.id
    harness = Harness(sctx, 5)
    harness.answer(round_id, "Alpha", 2)
    harness.answer(round_id, "Beta", 2)
    document = report_json(survey_report(sctx, round_id))
    assert all(g["suppressed"] and g["n"] is None for g in document["groups"])
    numbers = [s for g in document["groups"] for s in g["scales"].values()]
    assert all(s["mean"] is None and s["n"] is None for s in numbers)
    close_round(sctx, round_id)
    assert all(g["n"] is None for g in report_json(survey_report(sctx, round_id))["groups"])


def test_a_late_single_answer_cannot_be_isolated(sctx: ServiceContext) -> None:
    round_id = new_round(sctx, teams=("Alpha", "Beta"), instruments=("westrum",)).round.id
    harness = Harness(sctx, 5)
    teams = _teams("Alpha", "Beta")
    harness.answer(round_id, "Alpha", 5)
    harness.answer(round_id, "Beta", 5)
    harness.observe(survey_report(sctx, round_id), teams)
    harness.answer(round_id, "Alpha", 1)  # one more, after the report was read
    _assert_attack_works_naively(harness, round_id, teams)
    for _ in range(3):  # asking again and again changes nothing
        harness.observe(survey_report(sctx, round_id), teams)
        harness.observe(survey_report(sctx, round_id, groups=["Alpha"]), {"Alpha": {"Alpha"}})
    assert harness.attack() is None
    close_round(sctx, round_id)
    harness.observe(survey_report(sctx, round_id), teams)
    assert harness.attack() is None


def test_late_answers_in_two_teams_are_not_exposed_together(sctx: ServiceContext) -> None:
    round_id = new_round(
        sctx, teams=("Alpha", "Beta", "Gamma"), instruments=("westrum",), k=3
    ).round.id
    harness = Harness(sctx, 3)
    teams = _teams("Alpha", "Beta", "Gamma")
    harness.answer(round_id, "Alpha", 3)
    harness.answer(round_id, "Beta", 3)
    harness.answer(round_id, "Gamma", 3)
    harness.observe(survey_report(sctx, round_id), teams)
    harness.answer(round_id, "Alpha", 1)
    harness.answer(round_id, "Beta", 1)
    harness.observe(survey_report(sctx, round_id, groups=["Alpha"]), {"Alpha": {"Alpha"}})
    harness.observe(
        survey_report(sctx, round_id, groups=["Beta", "Gamma"]), {"Beta + Gamma": {"Beta", "Gamma"}}
    )
    harness.observe(survey_report(sctx, round_id), teams)
    assert harness.attack() is None


def test_repeated_reports_across_rounds(sctx: ServiceContext) -> None:
    first = new_round(sctx, teams=("Alpha", "Beta"), instruments=("westrum",)).round.id
    harness = Harness(sctx, 5)
    teams = _teams("Alpha", "Beta")
    harness.answer(first, "Alpha", 5)
    harness.answer(first, "Beta", 5)
    harness.observe(survey_report(sctx, first), teams)
    close_round(sctx, first)
    second = new_round(sctx, teams=("Alpha", "Beta"), instruments=("westrum",)).round.id
    harness.answer(second, "Alpha", 5)
    harness.answer(second, "Beta", 1)
    for _ in range(2):
        trend = group_trend(sctx, "Alpha")
        for point in trend.points:
            fake = survey_report(sctx, point.round_id, groups=["Alpha"])
            harness.observe(
                fake.model_copy(update={"groups": (point.organisation, point.group)}), teams
            )
        harness.observe(survey_report(sctx, second), teams)
        harness.observe(survey_report(sctx, first), teams)
    assert harness.attack() is None
    points = group_trend(sctx, "Alpha").points
    assert [p.round_id for p in points] == [first, second]
    assert not points[0].group.suppressed and not points[0].organisation.suppressed
    assert points[1].group.suppressed and not points[1].organisation.suppressed


def _dump(ctx: ServiceContext) -> dict[str, list[tuple[object, ...]]]:
    with ctx.database.engine.connect() as connection:
        return {
            table.name: [tuple(r) for r in connection.execute(select(table))]
            for table in metadata.sorted_tables
        }


def test_the_database_holds_no_individual_answers(sctx: ServiceContext) -> None:
    created = new_round(sctx, instruments=("westrum", "psych-safety", "dora-wellbeing"))
    round_id = created.round.id
    tokens = generate_links(sctx, round_id, "Alpha", 12).tokens
    generate_links(sctx, round_id, "Beta", 3)
    fields = all_fields(sctx, tokens[0])
    before = {name: len(rows) for name, rows in _dump(sctx).items()}
    rng = np.random.default_rng(3)
    for token in tokens:
        submit_answer(
            sctx,
            token,
            {f: str(rng.integers(1, 8)) for f in fields} | {"comment": "Jag heter Anna"},
        )
    after = _dump(sctx)
    assert {name: len(rows) for name, rows in after.items()} == before, "an answer added a row"
    flat = json.dumps(after, default=str)
    assert "Anna" not in flat and not any(token in flat for token in tokens)
    inspector = inspect(sctx.database.engine)
    for table in metadata.sorted_tables:
        if table.name.startswith(("survey_", "dimios_")):
            for column in inspector.get_columns(table.name):
                assert not isinstance(column["type"], DateTime), (table.name, column["name"])
                assert "TIMESTAMP" not in str(column["type"]).upper()
    with sctx.database.engine.connect() as connection:
        used = connection.scalar(text("SELECT count(*) FROM survey_links WHERE used"))
        assert used == 12
    close_round(sctx, round_id)
    final = _dump(sctx)
    assert final["survey_links"] == [], "links are deleted when a round closes"
    k = created.round.min_group
    with sctx.database.engine.connect() as connection:
        totals = metadata.tables["survey_family_totals"]
        groups = metadata.tables["survey_groups"]
        for n in connection.scalars(select(totals.c.n)):
            assert n == 0 or n >= k, "a stored aggregate covers fewer than k answers"
        for n in connection.scalars(select(groups.c.respondents)):
            assert n == 0 or n >= k
        counted = connection.scalar(select(func.sum(groups.c.respondents)))
    assert counted == 12  # nothing was lost by coarsening: all answers still count
