"""Charts write their numbers as the page's language does (issue 16): Swedish groups thousands
with a no-break space and has a decimal comma, English a comma and a point."""

from __future__ import annotations

import re

import pytest

from produktlyft.kernel import charts
from produktlyft.review.presenter.charts import group_cost_chart
from produktlyft.surveys.charts import IntervalRow, interval_chart
from produktlyft.workflows.analysis.process_map import MapEdge, MapNode, ProcessMap
from produktlyft.workflows.process_map_svg import render_svg


def _texts(svg: str) -> list[str]:
    return re.findall(r"<text[^>]*>([^<]*)</text>", svg)


def _bars(values: list[float], lang: str) -> list[str]:
    rows = [{"c": f"c{i}", "v": v} for i, v in enumerate(values)]
    spec = charts.bar_chart(
        rows,
        category="c",
        value="v",
        title="T",
        description="D",
        category_title="C",
        value_title="V",
    )
    return _texts(charts.to_svg(spec, lang))


@pytest.mark.parametrize(
    ("lang", "thousands", "decimal", "wrong_thousands", "wrong_decimal"),
    [
        ("sv", "400\u00a0000", "1,4", "400,000", "1.4"),
        ("en", "400,000", "1.4", "400\u00a0000", "1,4"),
    ],
)
def test_axis_numbers_are_written_in_the_language(
    lang: str, thousands: str, decimal: str, wrong_thousands: str, wrong_decimal: str
) -> None:
    big = _bars([400_000, 150_000], lang)
    assert thousands in big and wrong_thousands not in big
    small = _bars([1.5, 0.5], lang)
    assert decimal in small and wrong_decimal not in small


def test_the_review_cost_chart_in_swedish() -> None:
    chart = group_cost_chart([("Ekonomi", 400_000.0), ("Personal", 150_000.0)], "sv")
    assert chart is not None
    texts = _texts(chart.svg)
    assert "400\u00a0000" in texts and not any("," in t and "000" in t for t in texts)


def test_the_survey_interval_chart_in_swedish() -> None:
    chart = interval_chart("T", [IntervalRow("Grupp", 1.5, 1.25, 1.75)], 2, "Medel", "sv")
    texts = _texts(chart.svg)
    assert "1,5" in texts and "1.5" not in texts


@pytest.mark.parametrize(("lang", "count"), [("sv", "1\u00a0434"), ("en", "1,434")])
def test_process_map_counts_in_the_language(lang: str, count: str) -> None:
    process_map = ProcessMap(
        nodes=[MapNode("Start", 1_434, 10, 10), MapNode("Slut", 1_434, 10, 110)],
        edges=[MapEdge("Start", "Slut", 1_434, 5_400, 5_400, True)],
        width=300,
        height=200,
    )
    svg = render_svg(process_map, language=lang)
    assert _texts(svg).count(count) == 3  # the edge's label and both nodes' counts
    assert f"Start: {count}" in svg
    durations = render_svg(process_map, label="waiting", language=lang)
    assert ("1,5 h" if lang == "sv" else "1.5 h") in _texts(durations)
