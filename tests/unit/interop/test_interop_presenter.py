"""Every reason code is worded in both languages; the JSON keeps codes beside the words; the
map's SVG names only the most connected systems and escapes what it draws."""

from __future__ import annotations

import json
from importlib.resources import files

import numpy as np

from produktlyft.interop.analysis.cloud import parse_rules
from produktlyft.interop.analysis.layout import layout
from produktlyft.interop.model import (
    CloudCode,
    DispositionCode,
    InitiativeCode,
    Reason,
    SiloCode,
    SystemInterop,
)
from produktlyft.interop.presenter.export import systems_json
from produktlyft.interop.presenter.svg import map_svg, named
from produktlyft.interop.presenter.words import MESSAGES, reason_text
from produktlyft.interop.service import MapView

PARAMS = {
    "objects": ["Elevakt"],
    "count": 2,
    "of": 4,
    "partners": ["Lön"],
    "share": 0.25,
    "vendor": "Tieto",
    "contracts": ["Avtal 1"],
    "open_export": False,
    "capabilities": ["Ekonomi"],
    "keeper": "b",
    "cluster": "k",
    "missing": ["functional_fit"],
    "date": "2027-01-01",
    "information": "personal",
    "version": "2026-12-02",
    "system": "a",
    "others": ["b", "c"],
    "risk": 0.6,
}


def test_every_code_has_words_in_both_languages() -> None:
    for enum in (SiloCode, DispositionCode, CloudCode, InitiativeCode):
        for code in enum:
            assert code.value in MESSAGES, code
            reason = Reason(code=code, params=PARAMS)
            english, swedish = reason_text(reason, "en"), reason_text(reason, "sv")
            assert code.value not in (english, swedish) and english != swedish
            assert "{" not in english and "{" not in swedish


def test_names_replace_ids_and_numbers_follow_the_language() -> None:
    reason = Reason(code=InitiativeCode.LEAVES_SILO, params={"system": "a", "risk": 0.6})
    assert reason_text(reason, "en", {"a": "Ekonomisystem"}).startswith("Ekonomisystem has")
    assert "60\u00a0%" in reason_text(reason, "sv")
    assert reason_text(Reason(code="from_a_newer_version"), "en") == "from_a_newer_version"


def test_the_json_keeps_codes_and_words() -> None:
    text = files("produktlyft.interop").joinpath("data/cloud_rules.json").read_text("utf-8")
    rules = parse_rules(json.loads(text))
    system = SystemInterop(
        id="a",
        name="A",
        open_standard_share=None,
        silo_risk=0.3,
        reasons=[Reason(code=SiloCode.ISOLATED, params={"capabilities": ["Ekonomi"]})],
    )
    document = systems_json([system], {}, {}, rules, "en")
    row = document["systems"][0]
    assert row["open_standard_share"] is None and row["reasons"][0]["code"] == "isolated"
    assert "no integrations at all" in row["reasons"][0]["text"]
    assert document["rules_version"] == rules.version
    json.dumps(document)  # serialisable as it is


def test_the_svg_names_only_the_busiest_and_escapes() -> None:
    n = 40
    sources = np.arange(1, n, dtype=np.int64)
    targets = np.zeros(n - 1, dtype=np.int64)  # a star: system 0 is the hub
    view = MapView(
        ids=[f"s{i}" for i in range(n)],
        names=["<Hub & co>"] + [f"S{i}" for i in range(1, n)],
        risks=[0.1] * n,
        degrees=[n - 1] + [1] * (n - 1),
        focus=[True] * n,
        edges=[(int(s), 0, "rest", True) for s in sources],
        layout=layout(["u"] * n, sources, targets),
    )
    assert 0 in named(view, 5) and len(named(view, 5)) == 5
    svg = map_svg(view, "en", "Map", "A star")
    assert "&lt;Hub &amp; co&gt;" in svg and "<Hub" not in svg
    assert svg.count("<circle") == n + 1  # the nodes and the one unit's disc


def test_names_on_the_map_do_not_overlap() -> None:
    # two hubs drawn at the same place: only one of them can be named
    n = 6
    sources = np.array([1, 2, 4, 5], dtype=np.int64)
    targets = np.array([0, 0, 3, 3], dtype=np.int64)
    drawn = layout(["u"] * n, sources, targets)
    drawn.x[3], drawn.y[3] = drawn.x[0] + 0.5, drawn.y[0]
    view = MapView(
        ids=[f"s{i}" for i in range(n)],
        names=["Ekonomisystemet", "a", "b", "Ekonomiportalen", "c", "d"],
        risks=[0.0] * n,
        degrees=[2, 1, 1, 2, 1, 1],
        focus=[True] * n,
        edges=[],
        layout=drawn,
    )
    chosen = named(view, 2)
    assert len(chosen & {0, 3}) == 1


def test_what_the_target_does_is_worded_in_both_languages() -> None:
    names = {"a": "Ekonomisystem"}
    texts = {
        (target, lang): reason_text(
            Reason(
                code=InitiativeCode.LEAVES_SILO,
                params={"system": "a", "risk": 0.6, "target": target},
            ),
            lang,
            names,
        )
        for target in ("keeps", "drops", "not_stated")
        for lang in ("en", "sv")
    }
    assert "only keeps the interfaces it has today" in texts["keeps", "en"]
    assert "behåller bara de gränssnitt" in texts["keeps", "sv"]
    assert "the target drops open interfaces" in texts["drops", "en"]
    assert "tappar öppna gränssnitt" in texts["drops", "sv"]
    assert "not stated to use open standards" in texts["not_stated", "en"]
    assert len(set(texts.values())) == 6
    reduced = Reason(
        code=InitiativeCode.REDUCES_SILO,
        params={"system": "a", "risk": 0.6, "standards": "SS 12000, FHIR"},
    )
    assert reason_text(reduced, "en", names) == (
        "The target for Ekonomisystem adds open interfaces (SS 12000, FHIR): the plan reduces "
        "its silo risk of 60\u00a0%."
    )
    assert reason_text(reduced, "sv", names).startswith("Målet för Ekonomisystem ger öppna")
    unnamed = Reason(code=InitiativeCode.REDUCES_SILO, params={"system": "a", "risk": 0.6})
    assert "()" not in reason_text(unnamed, "en") and "()" not in reason_text(unnamed, "sv")
    created = Reason(
        code=InitiativeCode.CREATES_SILO,
        params={"system": "a", "others": ["b"], "count": 1, "open": 1},
    )
    assert reason_text(created, "sv", names).endswith("planen skapar en silo.")
