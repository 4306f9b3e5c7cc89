"""Every profile's view of each system and every fact, kept with a run for the evidence page;
and the colours the review's pages and charts use meet contrast."""

from __future__ import annotations

import math
import re
from pathlib import Path

import pytest

from produktlyft.kernel import charts
from produktlyft.review.analysis.assessment import fact_items
from produktlyft.review.analysis.endoflife import EolMatcher
from produktlyft.review.analysis.evidence import evidence_lists
from produktlyft.review.analysis.facts import FACTS, build_fact_base
from produktlyft.review.analysis.review import ReviewOutcome, run_review
from produktlyft.review.analysis.scoring import score_profile
from produktlyft.review.importers.endoflife import open_release_source
from produktlyft.review.model import Band
from produktlyft.review.presenter.charts import EMPTY_CELL, capability_grid
from tests.review_fixtures import REFERENCE_DATE, organisation

CSS = Path(__file__).parents[3] / "src" / "produktlyft" / "kernel" / "web" / "static" / "review.css"


@pytest.fixture(scope="module")
def matches():  # type: ignore[no-untyped-def]
    matcher = EolMatcher(open_release_source(None))
    return {
        t.id: matcher.match(t.name, t.version, REFERENCE_DATE) for t in organisation().technologies
    }


@pytest.fixture(scope="module")
def outcome(matches) -> ReviewOutcome:  # type: ignore[no-untyped-def]
    return run_review(
        organisation(), matches, today=REFERENCE_DATE, eol_snapshot=REFERENCE_DATE, profile="time"
    )


def test_each_system_carries_all_four_profiles(outcome: ReviewOutcome, matches) -> None:  # type: ignore[no-untyped-def]
    facts = build_fact_base(
        organisation(), matches, today=REFERENCE_DATE, eol_snapshot=REFERENCE_DATE
    )
    order = facts.system_ids
    scored = {p: score_profile(facts, p) for p in ("custom", "time", "moj", "danish")}
    for system in outcome.systems:
        n = order.index(system.system_id)
        views = system.assessment["profiles"]
        assert views["time"]["quadrant"] == scored["time"].condition[n]
        assert (
            "/".join(views["moj"][m] for m in ("people", "technology", "atrophy"))
            == scored["moj"].condition[n]
        )
        assert views["danish"]["condition"] == scored["danish"].condition[n]
        assert set(views["danish"]["dimensions"]) == {
            "business_support",
            "technical_condition",
            "documentation_knowledge",
            "economy",
            "contracts_sourcing",
            "security",
        }
        health = scored["custom"].health[n]
        assert views["custom"]["health"] == (None if math.isnan(health) else round(health, 2))
    ekonomi = next(s for s in outcome.systems if s.system_id == "sys-ekonomi").assessment
    assert ekonomi["profiles"]["time"]["quadrant"] == "migrate"
    assert ekonomi["profiles"]["moj"]["atrophy"] == "red"  # a component past end of life


def test_fact_items_match_the_evidence_lists(outcome: ReviewOutcome, matches) -> None:  # type: ignore[no-untyped-def]
    """The compact sheet expands to the same items the review's own evidence lists hold."""
    facts = build_fact_base(
        organisation(), matches, today=REFERENCE_DATE, eol_snapshot=REFERENCE_DATE
    )
    keys = tuple(FACTS)
    expected = dict(zip(facts.system_ids, evidence_lists(facts, keys), strict=True))
    for system in outcome.systems:
        items = fact_items(system.assessment, REFERENCE_DATE)
        assert [i["fact"] for i in items] == list(keys)
        for got, want in zip(items, expected[system.system_id], strict=True):
            for field in ("fact", "source", "date", "missing", "detail", "detail_date"):
                if field == "detail" and got["fact"] == "eol_unmatched":
                    continue  # the sheet also names the unmatched components (below)
                assert got.get(field) == want.get(field), (system.system_id, field, got, want)
            if isinstance(want["value"], float):
                assert got["value"] == pytest.approx(want["value"])
            elif want["fact"] != "eol_unmatched":
                assert got["value"] == want["value"]
    arkiv = next(s for s in outcome.systems if s.system_id == "sys-arkiv")
    missing = {i["fact"] for i in fact_items(arkiv.assessment, REFERENCE_DATE) if i["missing"]}
    assert {"annual_cost", "criticality", "libyear", "lock_in"} <= missing
    ekonomi = next(s for s in outcome.systems if s.system_id == "sys-ekonomi").assessment
    unmatched = fact_items(ekonomi, REFERENCE_DATE, ["eol_unmatched"])[0]
    assert unmatched["value"] == 1 and unmatched["detail"] == "Windows Server 2012 R2"


def test_fact_items_can_be_limited_and_name_their_component(outcome: ReviewOutcome) -> None:
    byggr = next(s for s in outcome.systems if s.system_id == "sys-bygglov-a").assessment
    [eol] = fact_items(byggr, REFERENCE_DATE, ["eol_months"])
    assert eol["detail"] == "Spring Boot 2.7.18" and eol["value"] < 0  # the nearest one
    assert eol["source"] == f"endoflife.date snapshot {REFERENCE_DATE.isoformat()}"


def _luminance(colour: str) -> float:
    channels = [int(colour.lstrip("#")[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    light, dark = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_heatmap_text_meets_contrast_on_every_cell() -> None:
    for band in Band:  # white count on the band's colour
        assert contrast("#ffffff", band.colour) >= 4.5, band
    assert contrast("#3b3b3b", EMPTY_CELL) >= 4.5  # the "0" of an empty cell
    assert contrast("#68707c", "#ffffff") >= 3  # the cell borders against the page


def test_band_colours_meet_contrast_against_white() -> None:
    for band in Band:
        assert contrast(band.colour, "#ffffff") >= 4.5, band


def test_band_labels_on_the_pages_meet_contrast() -> None:
    css = CSS.read_text(encoding="utf-8")
    pairs = re.findall(r"color: (#[0-9a-f]{6}); background: (#[0-9a-f]{6})", css)
    assert len(pairs) == 4
    for text, background in pairs:
        assert contrast(text, background) >= 4.5, (text, background)


class _Counts:
    def __init__(self, name: str, counts: dict[Band, int]) -> None:
        self.name, self.counts = name, counts


def test_the_heatmap_colours_cells_by_condition_not_by_count() -> None:
    """One red system is as red as five amber ones are amber (issue 16): the fill is the
    band's colour wherever there are systems, white where none, with a legend."""
    chart = capability_grid(
        [_Counts("Löner", {Band.RED: 1, Band.AMBER: 5}), _Counts("Arkiv", {Band.GREEN: 2})], "sv"
    )
    assert chart is not None
    cells = chart.data.spec["layer"][0]
    scale = cells["encoding"]["color"]["scale"]
    colours = dict(zip(scale["domain"], scale["range"], strict=True))
    assert colours["röd"] == Band.RED.colour and colours[""] == EMPTY_CELL
    by_cell = {(r["capability"], r["band"]): r for r in chart.data.spec["data"]["values"]}
    assert by_cell[("Löner", "röd (hälsa under 4)")]["condition"] == "röd"
    assert by_cell[("Löner", "grön (7–10)")]["condition"] == ""
    legend = cells["encoding"]["color"]["legend"]
    assert legend["values"] == ["röd", "gul", "grön", "okänd"]
    assert Band.RED.colour in chart.svg and "röd" in chart.svg


def test_heatmap_spec_names_itself_and_writes_its_numbers() -> None:
    spec = charts.heatmap(
        [{"cap": "A", "band": "red", "n": 3, "s": 4}],
        x="band",
        y="cap",
        value="n",
        title="T",
        description="D",
        x_title="X",
        y_title="Y",
        colour="band",
        colour_scale={"red": "#08306b", "": "#ffffff"},
    )
    assert spec["title"] == "T" and spec["description"] == "D"
    text = spec["layer"][1]
    assert text["mark"]["type"] == "text" and text["encoding"]["text"]["field"] == "n"
    svg = charts.to_svg(spec, "en")
    assert "<title>T</title><desc>D</desc>" in svg and "#08306b" in svg


def test_the_cost_chart_says_when_it_shows_only_the_dearest_groups() -> None:
    """Seen on /review/duplicates: a chart of 15 groups beside text saying 20 (issue 16)."""
    from produktlyft.review.presenter.charts import group_cost_chart

    groups = [(f"Grupp {n}", 1000.0 * (30 - n)) for n in range(20)]
    chart = group_cost_chart(groups, "sv")
    assert chart is not None and len(chart.data.rows) == 15
    assert chart.data.title == (
        "Årlig kostnad för de 15 dyraste av de 20 grupperna av överlappande system"
    )
    few = group_cost_chart(groups[:3], "en")
    assert few is not None and few.data.title.startswith("Yearly cost of each group")
