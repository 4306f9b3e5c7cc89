"""The start page's presenter: the missing facts named in the language, and the charts drawn
from the dashboard's counts with a bar for systems where nothing is recorded."""

from __future__ import annotations

from collections import Counter

from produktlyft.inventory.analysis.data_quality import DataQuality
from produktlyft.inventory.presenter import dashboard_view
from produktlyft.inventory.queries import Fingerprint
from produktlyft.inventory.services.dashboard import Dashboard
from produktlyft.inventory.services.summary import InventorySummary


def _board() -> Dashboard:
    summary = InventorySummary(
        counts={"systems": 5},
        annual_cost=1_000.0,
        systems_by_lifecycle=Counter({"active": 3, "unknown": 2}),
        systems_by_criticality=Counter({"critical_to_operations": 4, "unknown": 1}),
        quality=DataQuality(systems=5, missing=Counter({"cost": 2, "owner": 1})),
    )
    return Dashboard(summary, Fingerprint.model_construct())


def test_the_view_in_swedish_and_english() -> None:
    swedish = dashboard_view(_board(), "sv")
    assert [name for _, name in swedish.facts] == [
        "systemägare",
        "kritikalitet",
        "livscykel",
        "kostnad",
    ]
    assert swedish.missing_chart.data.title == "System som saknar respektive uppgift"
    assert swedish.missing_chart.data.rows == [
        ("systemägare", 1.0),
        ("kritikalitet", 0.0),
        ("livscykel", 0.0),
        ("kostnad", 2.0),
    ]
    assert swedish.lifecycle_chart.data.rows[-1] == ("inte registrerad", 2.0)
    assert swedish.lifecycle_chart.svg.startswith("<svg")
    english = dashboard_view(_board(), "en")
    assert english.facts[0] == ("owner", "system owner")
    assert english.criticality_chart.data.rows[-1] == ("not recorded", 1.0)
    assert sum(value for _, value in english.criticality_chart.data.rows) == 5.0
