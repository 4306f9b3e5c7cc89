"""A plan grouped into quarters by what each quarter delivers."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Mapping
from datetime import date

from produktlyft.roadmap.analysis.schedule import Solution


def quarter_phases(
    solution: Solution, week_start: Callable[[int], date], costs: Mapping[str, float]
) -> list[tuple[str, tuple[str, ...], float]]:
    groups: dict[str, list[str]] = defaultdict(list)
    for item in sorted(solution.items, key=lambda i: (i.finish_week, i.start_week, i.job)):
        day = week_start(max(item.finish_week - 1, item.start_week))
        groups[f"{day.year}-Q{(day.month - 1) // 3 + 1}"].append(item.job)
    return [
        (key, tuple(jobs), float(sum(costs.get(job, 0.0) for job in jobs)))
        for key, jobs in sorted(groups.items())
    ]
