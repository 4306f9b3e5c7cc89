"""The CP-SAT model of the roadmap.

- One start variable per job; one optional fixed-size interval per (job, mode) sharing it, with
  exactly one mode present; the end is start + the chosen mode's duration.
- Per team (and every other resource a mode uses): a cumulative constraint over the intervals
  that use it, with the team's away periods as fixed intervals taking its whole capacity
  (no-overlap when the capacity is 1).
- Precedence: start(after) ≥ end(before) + lag. Release, pin and deadline are bounds.
- Budget: a job's cost counts in the year it starts. One Boolean per (job, possible budget
  year) plus one for "starts outside every budget year", exactly one true, ties the start to a
  year; per year Σ cost × Boolean ≤ limit.
- Objective: Σ cost of delay × end (integer kronor per week, divided by their common factor),
  or the makespan.

With `assume=True` the deadlines, pins, budgets and horizon are switched on by assumption
literals instead of domains, so that CP-SAT can name a set of them that cannot hold together.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from ortools.sat.python import cp_model

from produktlyft.roadmap.analysis.schedule import Objective
from produktlyft.roadmap.analysis.schedule_prep import Prepared, default_horizon


@dataclass
class Built:
    model: cp_model.CpModel
    starts: list[cp_model.IntVar]
    ends: list[cp_model.IntVar]
    chosen: list[list[cp_model.IntVar]]  # per job, per usable mode: is this the mode
    objective_scale: float  # objective value in kronor (or weeks) = scale × CP-SAT objective
    assumptions: dict[int, tuple[str, str]] = field(default_factory=dict)  # literal → (kind, key)
    literals: dict[int, cp_model.IntVar] = field(default_factory=dict)  # literal index → variable
    # per job: (budget year index, or None for outside every year; its Boolean) — for hints
    years: dict[int, list[tuple[int | None, cp_model.IntVar]]] = field(default_factory=dict)
    span: cp_model.IntVar | None = None  # the makespan variable, when that is the objective
    horizon_literal: cp_model.IntVar | None = None


def _weights(p: Prepared) -> tuple[list[int], float]:
    """Integer cost-of-delay weights and the factor back to kronor."""
    raw = [job.cost_of_delay_per_week for job in p.problem.jobs]
    multiplier = 1 if all(float(w).is_integer() for w in raw) else 100
    weights = [round(w * multiplier) for w in raw]
    divisor = math.gcd(*weights) or 1
    return [w // divisor for w in weights], divisor / multiplier


def _literal(built: Built, kind: str, key: str, assume: bool) -> cp_model.IntVar | None:
    if not assume:
        return None
    literal = built.model.new_bool_var(f"{kind}:{key}")
    built.assumptions[literal.index] = (kind, key)
    built.literals[literal.index] = literal
    return literal


def _add(constraint: cp_model.Constraint, literal: cp_model.IntVar | None) -> None:
    if literal is not None:
        constraint.only_enforce_if(literal)


def build(
    p: Prepared, objective: Objective, *, assume: bool = False, at_most: float | None = None
) -> Built:
    """The model; `at_most` caps the cost-of-delay objective at a known plan's value."""
    model = cp_model.CpModel()
    built = Built(model, [], [], [], 1.0)
    horizon = max(p.horizon, default_horizon(p.problem, p.modes)) if assume else p.horizon
    _jobs(built, p, horizon, assume)
    _resources(built, p)
    for job, preds in enumerate(p.preds):
        for pred, lag in preds:
            model.add(built.starts[job] >= built.ends[pred] + lag)
    _budgets(built, p, assume)
    _objective(built, p, objective, at_most)
    return built


def _jobs(built: Built, p: Prepared, horizon: int, assume: bool) -> None:
    model = built.model
    for number, spec in enumerate(p.problem.jobs):
        shortest = p.min_duration(number)
        if assume:
            low, high = spec.release_week, horizon - shortest
        else:
            low, high = p.earliest_start[number], p.latest_finish[number] - shortest
            if spec.pin_window is not None:
                high = min(high, spec.pin_window[1] - 1)
        start = model.new_int_var(low, max(low, high), f"start:{spec.id}")
        longest = max(m.duration_weeks for m in p.modes[number])
        last = max(low, high) + longest if assume else max(low, p.latest_finish[number])
        end = model.new_int_var(low, last, f"end:{spec.id}")  # bounds the longer modes too
        chosen = [model.new_bool_var(f"mode:{spec.id}:{i}") for i in range(len(p.modes[number]))]
        model.add_exactly_one(chosen)
        model.add(
            end
            == start
            + sum(m.duration_weeks * c for m, c in zip(p.modes[number], chosen, strict=True))
        )
        if high < low:  # the bounds contradict: let CP-SAT say infeasible
            model.add(start <= high)
        built.starts.append(start)
        built.ends.append(end)
        built.chosen.append(chosen)
        if assume:
            _soft_bounds(built, p, number)


def _soft_bounds(built: Built, p: Prepared, number: int) -> None:
    spec = p.problem.jobs[number]
    model, start, end = built.model, built.starts[number], built.ends[number]
    if spec.deadline_week is not None:
        literal = _literal(built, "deadline", spec.id, True)
        _add(model.add(end <= spec.deadline_week), literal)
    if spec.pin_window is not None:
        literal = _literal(built, "pin", spec.id, True)
        _add(model.add(start >= spec.pin_window[0]), literal)
        _add(model.add(start <= spec.pin_window[1] - 1), literal)
    if p.problem.horizon_weeks is not None:
        if built.horizon_literal is None:  # one switch for the whole horizon
            built.horizon_literal = _literal(built, "horizon", str(p.problem.horizon_weeks), True)
        _add(model.add(end <= p.problem.horizon_weeks), built.horizon_literal)


def _resources(built: Built, p: Prepared) -> None:
    model = built.model
    uses: dict[str, list[tuple[cp_model.IntervalVar, int]]] = {r: [] for r in p.capacity}
    for number, spec in enumerate(p.problem.jobs):
        for i, mode in enumerate(p.modes[number]):
            interval = model.new_optional_fixed_size_interval_var(
                built.starts[number], mode.duration_weeks, built.chosen[number][i], f"{spec.id}:{i}"
            )
            for resource, demand in ((mode.team, mode.demand), *mode.also_uses):
                if demand > 0 and mode.duration_weeks > 0:
                    uses[resource].append((interval, demand))
    for team in p.problem.resources:
        items = list(uses[team.id])
        for first, end in team.unavailable:
            if end > first:
                away = model.new_fixed_size_interval_var(first, end - first, f"away:{team.id}")
                items.append((away, team.capacity))
        if not items:
            continue
        if team.capacity == 1:
            model.add_no_overlap([interval for interval, _ in items])
        else:
            model.add_cumulative(
                [interval for interval, _ in items],
                [demand for _, demand in items],
                team.capacity,
            )


def _budgets(built: Built, p: Prepared, assume: bool) -> None:
    budgets = p.problem.budgets
    if not budgets:
        return
    model = built.model
    per_year: list[list[tuple[int, cp_model.IntVar]]] = [[] for _ in budgets]
    covered = [(b.start_week, b.end_week - 1) for b in budgets if b.end_week > b.start_week]
    outside = cp_model.Domain.from_intervals(covered).complement()
    for number, spec in enumerate(p.problem.jobs):
        cost = round(spec.cost_sek)
        if cost <= 0:
            continue
        start = built.starts[number]
        options = []
        for year, budget in enumerate(budgets):
            flag = model.new_bool_var(f"year:{spec.id}:{budget.year}")
            model.add(start >= budget.start_week).only_enforce_if(flag)
            model.add(start <= budget.end_week - 1).only_enforce_if(flag)
            per_year[year].append((cost, flag))
            options.append(flag)
            built.years.setdefault(number, []).append((year, flag))
        elsewhere = model.new_bool_var(f"year:{spec.id}:none")
        built.years[number].append((None, elsewhere))
        model.add_linear_expression_in_domain(start, outside).only_enforce_if(elsewhere)
        model.add_exactly_one([*options, elsewhere])
    for year, budget in enumerate(budgets):
        if per_year[year]:
            literal = _literal(built, "budget", budget.year, assume)
            total = sum(cost * flag for cost, flag in per_year[year])
            _add(model.add(total <= math.floor(budget.limit_sek + 1e-6)), literal)


def _objective(built: Built, p: Prepared, objective: Objective, at_most: float | None) -> None:
    model = built.model
    if objective == "makespan":
        span = model.new_int_var(0, max(p.horizon, default_horizon(p.problem, p.modes)), "makespan")
        model.add_max_equality(span, built.ends)
        built.span = span
        model.minimize(span)
        return
    weights, scale = _weights(p)
    built.objective_scale = scale
    total = sum(w * end for w, end in zip(weights, built.ends, strict=True) if w)
    model.minimize(total)
    if at_most is not None:  # no worse than a known plan: bounds every weighted job's finish
        model.add(total <= math.floor(at_most / scale + 1e-6))
