"""A category label Vega shortens to fit its axis keeps its full name as the label's <title>
(issue 16): the tooltip on hover and what assistive technology reads."""

from __future__ import annotations

import re

from produktlyft.kernel import charts

LONG = "Lönehantering och personaladministration för kommunkoncernen & bolagen"


def _svg(names: list[str]) -> str:
    rows = [{"name": name, "n": i + 1} for i, name in enumerate(names)]
    spec = charts.bar_chart(
        rows,
        category="name",
        value="n",
        title="T",
        description="D",
        category_title="C",
        value_title="V",
    )
    return charts.to_svg(spec, "sv")


def test_a_shortened_label_carries_its_full_name() -> None:
    svg = _svg([LONG, "Kort"])
    titled = re.findall(r'pointer-events="auto"><title>([^<]*)</title>([^<]*)…</text>', svg)
    assert titled == [(LONG.replace("&", "&amp;"), titled[0][1])]
    assert LONG.replace("&", "&amp;").startswith(titled[0][1])
    assert re.search(r">Kort</text>", svg)  # a label that fits is left as it is
    assert svg.count("<title>") == 2  # the chart's own name and the one label's


def test_names_sharing_the_shortened_beginning_are_all_given() -> None:
    twin = LONG.replace("bolagen", "stiftelserna")
    svg = _svg([LONG, twin])
    titles = re.findall(r"<text [^>]*><title>([^<]*)</title>", svg)
    assert titles and all(
        LONG.replace("&", "&amp;") in t and twin.replace("&", "&amp;") in t for t in titles
    )
