"""The process map shows every activity's full name, wrapped, never cut."""

from __future__ import annotations

import re

import polars as pl

from produktlyft.workflows.analysis.process_map import NODE_HEIGHT, layout, name_lines
from produktlyft.workflows.process_map_svg import render_svg

LONG = "Komplettering av ansökan om bygglov inkommen från sökanden"


def _map():  # type: ignore[no-untyped-def]
    dfg = pl.DataFrame(
        {
            "source": ["Ansökan", LONG],
            "target": [LONG, "Beslut"],
            "count": [9, 3],
            "median_seconds": [3600.0, 7200.0],
            "mean_seconds": [3600.0, 7200.0],
        }
    )
    counts = {"Ansökan": 9, LONG: 9, "Beslut": 9}
    ranks = {"Ansökan": 0.0, LONG: 1.0, "Beslut": 2.0}
    return layout(ranks, dfg, counts, {"Ansökan": 9}, {"Beslut": 9}, cases=9)


def test_a_long_name_wraps_whole_and_every_box_grows_to_hold_it() -> None:
    lines = name_lines(LONG)
    assert len(lines) > 1 and " ".join(lines) == LONG
    m = _map()
    assert m.node_height > NODE_HEIGHT
    svg = render_svg(m)
    assert "…" not in svg
    shown = " ".join(re.findall(r"<tspan[^>]*>([^<]*)</tspan>", svg))
    assert LONG in shown


def test_edges_grow_thicker_with_the_cases_that_take_them() -> None:
    widths = [float(w) for w in re.findall(r'stroke-width="([\d.]+)"', render_svg(_map()))]
    assert widths[0] > widths[1]  # 9 cases against 3
