"""The report section's sentences: distributions over teams and key results that moved."""

from __future__ import annotations

import numpy as np

from produktlyft.outcomes.model import KeyResultStatus
from produktlyft.outcomes.presenter import metric_label, metric_value
from produktlyft.outcomes.service import Distribution
from produktlyft.outcomes.texts import t


def distribution_lines(distributions: list[Distribution], lang: str) -> list[str]:
    lines = []
    for d in distributions:
        if not d.values:
            continue
        lines.append(
            t(
                lang,
                "section.dora.line",
                metric=d.metric.label(lang),
                median=metric_value(float(np.median(d.values)), d.metric, lang),
                low=metric_value(d.values[0], d.metric, lang),
                high=metric_value(d.values[-1], d.metric, lang),
            )
        )
    return lines


def key_result_summary(statuses: list[KeyResultStatus], lang: str) -> str:
    return t(
        lang,
        "section.krs",
        total=len(statuses),
        achieved=sum(s.achieved is True for s in statuses),
        moving=sum(s.current is not None for s in statuses),
        rejected=sum(s.verdict == "output" for s in statuses),
    )


def _number(value: float | None) -> str:
    return "–" if value is None else f"{value:g}"


def key_result_lines(
    statuses: list[KeyResultStatus], lang: str, team_names: dict[str, str] | None = None
) -> list[str]:
    """The key results with a measured value, those that reached their target first."""
    moved = [s for s in statuses if s.current is not None and s.verdict == "outcome"]
    moved.sort(key=lambda s: (s.achieved is not True, s.text))
    return [
        t(
            lang,
            "section.kr.moved",
            text=s.text,
            team=(team_names or {}).get(s.team, s.team),
            baseline=_number(s.baseline),
            current=f"{s.current:.3g}" if s.current is not None else "–",
            target=_number(s.target),
        )
        + (f" ({metric_label(s.metric, lang)})" if s.metric else "")
        for s in moved
    ]


def method_note(window_days: int, lang: str) -> str:
    return t(lang, "section.method", days=window_days)
