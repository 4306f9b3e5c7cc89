"""The roadmap as a resource-constrained schedule: the records and the entry points.

Initiatives are jobs, teams are renewable resources per week, the yearly budget is a
non-renewable resource per budget year, and the teams that may do a job are its modes. Time is
counted in whole weeks from the plan's start (week 0). Every interval is half-open: a job with
`start_week=3, finish_week=5` works in weeks 3 and 4 and is done when week 5 begins.

Budget rule: a job's whole cost counts in the budget year in which it *starts* (the year the
work is committed). A start week that no `YearBudget` covers has no limit.

Entry points (pure, no storage):
- `solve(problem, objective)`: CP-SAT plan with status, objective, lower bound and gap; when
  the constraints cannot all be met, `conflicts` say which ones.
- `serial_schedule(problem, priority)`: the instant heuristic plans (latest finish, WSJF, the
  given order), also the baselines for the cost-of-delay chart.
- `violations(problem, solution)`: every constraint a solution breaks, as plain strings (empty
  when it respects them all).
- `phases(solution, week_start, costs)`: groups a plan into quarters.

The implementations live in `schedule_*.py` beside this file, which import the records from
here; the entry points import them when called so that this module stays the one interface.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

Objective = Literal["cost-of-delay", "makespan"]
Priority = Literal["latest-finish", "wsjf", "given order"]
Status = Literal["optimal", "feasible", "infeasible"]


@dataclass(frozen=True)
class Mode:
    """One way to do a job: which team does it, for how long, with how much of the team."""

    team: str
    """The resource (team) id that does the work in this mode."""
    duration_weeks: int
    """Whole weeks the work takes in this mode (≥ 1 for initiatives; 0 is allowed)."""
    demand: int = 1
    """Units of the team's weekly capacity the job occupies while it runs (≥ 0)."""
    also_uses: tuple[tuple[str, int], ...] = ()
    """Other resources occupied at the same time, as (resource id, demand): a partner's
    capacity, a shared specialist; PSPLIB activities use several resources at once."""


@dataclass(frozen=True)
class Job:
    """One initiative to place in the plan."""

    id: str
    """The initiative id; unique within the problem."""
    modes: tuple[Mode, ...]
    """The possible teams (with their durations); exactly one is chosen. Empty: no feasible team
    (reported as the conflict `no_feasible_team`)."""
    cost_sek: float = 0.0
    """What the job costs, counted against the budget year in which it starts."""
    cost_of_delay_per_week: float = 0.0
    """Kronor lost per week until the job is finished (the cost-of-delay weight, ≥ 0)."""
    release_week: int = 0
    """Earliest week the job may start (its earliest start)."""
    deadline_week: int | None = None
    """Hard deadline: the job must be finished by this week (`finish_week <= deadline_week`)."""
    pin_window: tuple[int, int] | None = None
    """What-if pin: the job must start in `[first, end)` weeks, e.g. a quarter."""


@dataclass(frozen=True)
class Precedence:
    """Finish-to-start: `after` starts at least `lag_weeks` after `before` finishes."""

    before: str
    """The predecessor job id."""
    after: str
    """The successor job id."""
    lag_weeks: int = 0
    """Weeks that must pass between the predecessor's finish and the successor's start (≥ 0)."""


@dataclass(frozen=True)
class Resource:
    """A team: how many jobs' worth of demand it carries per week, and when it is away."""

    id: str
    """The team id that modes refer to."""
    capacity: int = 1
    """Units of demand the team carries in one week (1 = one initiative at a time)."""
    unavailable: tuple[tuple[int, int], ...] = ()
    """Half-open week ranges `[start, end)` in which the team carries nothing."""


@dataclass(frozen=True)
class YearBudget:
    """The limit of one budget year."""

    year: str
    """The budget year's label, e.g. "2027"; used in conflicts and reasons."""
    start_week: int
    """First week of the budget year (inclusive)."""
    end_week: int
    """First week after the budget year (exclusive)."""
    limit_sek: float
    """The most the jobs starting in this year may cost together."""


@dataclass(frozen=True)
class Problem:
    """Everything the plan must respect."""

    jobs: tuple[Job, ...]
    """The jobs, in the organisation's current order (used by the "given order" heuristic)."""
    resources: tuple[Resource, ...]
    """The teams."""
    precedences: tuple[Precedence, ...] = ()
    """Finish-to-start dependencies with lag."""
    budgets: tuple[YearBudget, ...] = ()
    """Budget limits per year; non-overlapping."""
    horizon_weeks: int | None = None
    """Every job must finish by this week; None: long enough for any serial order."""


@dataclass(frozen=True)
class ScheduledJob:
    """Where one job sits in a plan, and why it sits there."""

    job: str
    """The job id."""
    team: str
    """The team chosen (the chosen mode)."""
    start_week: int
    """First week of work."""
    finish_week: int
    """The week the job is done (exclusive end: `start_week + duration`)."""
    reason_code: str = ""
    """Why here, one of REASON_CODES ("" until reasons are computed)."""
    reason_params: Mapping[str, str] = field(default_factory=dict)
    """Parameters of the reason (job ids, team, year, week) as strings for the presenter."""


@dataclass(frozen=True)
class Conflict:
    """A constraint (or a set of them) that cannot be met, named for the presenter."""

    code: str
    """One of CONFLICT_CODES."""
    params: Mapping[str, str] = field(default_factory=dict)
    """The jobs, teams, weeks, years and amounts involved, as strings."""


@dataclass(frozen=True)
class Solution:
    """A plan with its quality: never called optimal unless proven."""

    status: Status
    """"optimal" (proven), "feasible" (a plan meeting every constraint, not proven optimal) or
    "infeasible" (the constraints cannot all be met, or no plan was found in time; see
    `conflicts`)."""
    objective: Objective
    """What `objective_value` measures."""
    objective_value: float | None
    """Σ cost of delay × finish week (kronor·weeks → kronor), or the makespan in weeks; None
    when there is no plan."""
    lower_bound: float | None
    """No plan can do better than this (the solver's proven bound); None if unknown."""
    gap: float | None
    """(objective_value − lower_bound) / objective_value, 0 when optimal; None if unknown."""
    items: tuple[ScheduledJob, ...]
    """The plan, one entry per job. When infeasible: the heuristic's best-effort plan, which
    breaks the constraints named in `conflicts` (may be empty)."""
    conflicts: tuple[Conflict, ...] = ()
    """Why the constraints cannot all be met; empty when status is optimal or feasible."""
    heuristic_objective: float | None = None
    """The objective of the serial-schedule plan the solver started from (for comparison)."""
    solve_seconds: float = 0.0
    """Wall-clock seconds spent, including the heuristic and the reasons."""


# Why-here reason codes (ScheduledJob.reason_code); params in brackets.
STARTS_AT_RELEASE = "starts_at_release"  # [week]: as early as it may start
WAITS_FOR_PREDECESSOR = "waits_for_predecessor"  # [predecessor, lag_weeks]
WAITS_FOR_TEAM = "waits_for_team"  # [team, busy_with (comma-separated job ids)]
WAITS_FOR_BUDGET = "waits_for_budget"  # [year]: an earlier year had no budget left
DEADLINE_BOUND = "deadline_bound"  # [deadline_week]: its deadline holds it this early
ORDERED_BY_COST_OF_DELAY = "ordered_by_cost_of_delay"  # [behind (job ids), team, rank, of]
PINNED = "pinned"  # [first_week, end_week]: a what-if pin holds it there
REASON_CODES = (
    STARTS_AT_RELEASE,
    WAITS_FOR_PREDECESSOR,
    WAITS_FOR_TEAM,
    WAITS_FOR_BUDGET,
    DEADLINE_BOUND,
    ORDERED_BY_COST_OF_DELAY,
    PINNED,
)

# Conflict codes (Conflict.code); params in brackets.
DEPENDENCY_LOOP = "dependency_loop"  # [cycle: "a → b → a"]
UNKNOWN_JOB = "unknown_job"  # [job]: a precedence names a job that is not in the problem
NO_FEASIBLE_TEAM = "no_feasible_team"  # [job, teams]: no mode, or only unknown/too-small teams
DEADLINE_BEFORE_RELEASE = "deadline_before_release"  # [job, release_week, duration, deadline_week]
DEADLINE_UNREACHABLE = "deadline_unreachable"  # [job, deadline_week, earliest_finish, chain]
COST_EXCEEDS_BUDGET = "cost_exceeds_budget"  # [job, cost_sek, largest_budget_sek]
PIN_UNREACHABLE = "pin_unreachable"  # [job, first_week, end_week, earliest_start]
DEADLINES_VS_CAPACITY = "deadlines_vs_capacity"  # [jobs, teams]: cannot all fit in time
BUDGET_TOO_SMALL = "budget_too_small"  # [years, jobs]: budgets cannot pay for them in time
HORIZON_TOO_SHORT = "horizon_too_short"  # [horizon_weeks]
NO_PLAN_IN_TIME = "no_plan_in_time"  # [time_limit_s]: the solver found no plan, none proven
CONFLICT_CODES = (
    DEPENDENCY_LOOP,
    UNKNOWN_JOB,
    NO_FEASIBLE_TEAM,
    DEADLINE_BEFORE_RELEASE,
    DEADLINE_UNREACHABLE,
    COST_EXCEEDS_BUDGET,
    PIN_UNREACHABLE,
    DEADLINES_VS_CAPACITY,
    BUDGET_TOO_SMALL,
    HORIZON_TOO_SHORT,
    NO_PLAN_IN_TIME,
)


def solve(
    problem: Problem,
    objective: Objective = "cost-of-delay",
    time_limit_s: float = 10.0,
    workers: int = 2,
    *,
    seed: int = 0,
    reasons: bool = True,
) -> Solution:
    """Plan with CP-SAT, started from the best serial-schedule plan, with a fixed random seed.
    `time_limit_s` bounds the whole call (a tenth is kept for compaction and reasons); when the
    constraints clash, the diagnosis may take up to about as long again.

    With `workers=1` the same problem and seed give the same plan (unless the time limit cuts
    the search); with more workers a proven objective is stable but an equally good plan may
    differ between runs.
    Conflicts found before solving (loops, impossible deadlines, …) return at once as
    infeasible; `reasons=False` skips the why-here pass (benchmarks).
    """
    from produktlyft.roadmap.analysis.schedule_solver import solve_problem

    return solve_problem(problem, objective, time_limit_s, workers, seed=seed, reasons=reasons)


def serial_schedule(
    problem: Problem,
    priority: Priority = "latest-finish",
    objective: Objective = "cost-of-delay",
) -> Solution:
    """The serial schedule-generation scheme: take jobs in priority order (among those whose
    predecessors are placed) and start each at the earliest week its team, budget and
    predecessors allow. Status "feasible" when every constraint holds, otherwise "infeasible"
    with the broken ones in `conflicts`; lower bound and gap are None. Items carry reasons."""
    from produktlyft.roadmap.analysis.schedule_heuristic import serial_plan

    return serial_plan(problem, priority, objective)


def violations(problem: Problem, solution: Solution) -> list[str]:
    """Every constraint the solution's items break (empty when none): one job placed once with
    one of its modes, release, deadline, pin, precedence with lag, team capacity and
    unavailability, budget per year, horizon."""
    from produktlyft.roadmap.analysis.schedule_check import find_violations

    return find_violations(problem, solution)


def phases(
    solution: Solution,
    week_start: Callable[[int], date],
    costs: Mapping[str, float],
) -> list[tuple[str, tuple[str, ...], float]]:
    """Group a plan into quarters by each job's finish (what the quarter delivers):
    `(phase key "2027-Q1", job ids, their cost)` in time order. `week_start(w)` is the date
    week `w` begins; a job finishing at week f is delivered in the quarter of week f − 1."""
    from produktlyft.roadmap.analysis.schedule_phases import quarter_phases

    return quarter_phases(solution, week_start, costs)
