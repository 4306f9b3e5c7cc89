"""The process map's toggle (issue 16): a plain link switches the arrows' thickness and labels
from how often a step is taken to how long it waits, and back, keeping the page's filters;
the current choice is marked with aria-current and a legend says which is shown."""

from __future__ import annotations

import html
import re

from fastapi.testclient import TestClient

from tests.web.workflows.test_workflow_pages import client, follow, sign_in, upload

__all__ = ["client"]  # the fixture, used by name

EDGE = re.compile(
    r'<g class="edge"><title>(?P<source>[^<]+) → (?P<target>[^:]+):[^<]*</title>'
    r'<path [^>]*stroke-width="(?P<width>[\d.]+)"[^>]*/><text [^>]*>(?P<label>[^<]+)</text>'
)


def _log() -> str:
    """Busy and quick A→B (16 cases, an hour), rare and slow A→C (2 cases, ten days)."""
    lines = ["case,activity,timestamp"]
    for number in range(18):
        middle, wait = ("B", "01:00") if number < 16 else ("C", "00:00")
        start = "2024-01-01 00:00"
        second = f"2024-01-01 {wait}" if middle == "B" else "2024-01-11 00:00"
        third = "2024-01-01 02:00" if middle == "B" else "2024-01-11 01:00"
        lines += [f"c{number},A,{start}", f"c{number},{middle},{second}", f"c{number},D,{third}"]
    return "\n".join(lines) + "\n"


def _edges(page: str) -> dict[tuple[str, str], tuple[float, str]]:
    return {
        (m["source"], m["target"]): (float(m["width"]), m["label"])
        for m in EDGE.finditer(html.unescape(page))
    }


def _toggle(page: str) -> dict[str, tuple[str, bool]]:
    """The toggle's links: text -> (address, current)."""
    nav = re.search(r'<nav class="map-toggle"[^>]*>(.*?)</nav>', page, re.S)
    assert nav is not None, "the map has no toggle"
    links = re.findall(
        r'<a class="ds-link" href="([^"]+)"( aria-current="true")?>([^<]+)</a>', nav[1]
    )
    return {text: (html.unescape(href), bool(current)) for href, current, text in links}


def test_the_toggle_switches_the_arrows_from_frequency_to_waiting_time(
    client: TestClient,
) -> None:
    token = sign_in(client, "ada")
    follow(client, upload(client, token, _log(), name="vantan"))
    client.get("/language/en")
    by_frequency = client.get("/workflows/logs/vantan?edges=0&top=5")
    toggle = _toggle(by_frequency.text)
    assert toggle["Frequency"][1] and not toggle["Waiting time"][1]
    waiting_link = toggle["Waiting time"][0]
    assert "label=waiting" in waiting_link and "edges=0" in waiting_link and "top=5" in waiting_link
    often = _edges(by_frequency.text)
    assert often[("A", "B")][1] == "16" and often[("A", "C")][1] == "2"
    assert often[("A", "B")][0] > often[("A", "C")][0]  # thicker: taken more often
    assert "the number of times one activity directly follows the other" in by_frequency.text

    by_waiting = client.get(waiting_link.split("#")[0])
    assert _toggle(by_waiting.text)["Waiting time"][1]
    assert not _toggle(by_waiting.text)["Frequency"][1]
    slow = _edges(by_waiting.text)
    assert slow[("A", "B")][1] == "1.0 h" and slow[("A", "C")][1] == "10 d"
    assert slow[("A", "C")][0] > slow[("A", "B")][0]  # thicker: waits longer
    assert "the median waiting time between the two activities" in by_waiting.text
    assert 'name="label" value="waiting"' in by_waiting.text  # redrawing keeps the choice
    # the table beside the map holds both: times taken and the waits
    assert re.search(
        r"<td>A</td><td>C</td><td class=\"number\">2</td><td class=\"number\">10 d", by_waiting.text
    )

    client.get("/language/sv")
    swedish = client.get(waiting_link.split("#")[0])
    assert _edges(swedish.text)[("A", "B")][1] == "1,0 h"
    assert _toggle(swedish.text)["Väntetid"][1]
    assert "medianväntetiden mellan de två aktiviteterna" in html.unescape(swedish.text)
