"""Every reason code the rules can return is worded in both languages with its values, and the
check JSON has the shape the outside checks use."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest

from produktlyft.kernel.i18n import gettext
from produktlyft.procurement.analysis.checklist import check_slices
from produktlyft.procurement.model import Route
from produktlyft.procurement.presenter import checks_json, reason_text
from produktlyft.procurement.texts import REASONS, RULES
from tests.unit.procurement.helpers import PACK, good

ANALYSIS = Path(__file__).resolve().parents[3] / "src/produktlyft/procurement/analysis"


def _codes() -> set[str]:
    found: set[str] = set()
    for source in ANALYSIS.glob("*.py"):
        found |= set(re.findall(r'reason="(\w+)"', source.read_text(encoding="utf-8")))
    found |= {f"route_{route.value}_ok" for route in Route if route.value in ("dps", "open")}
    return found | {"few_data_points"}


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_code_the_rules_return_is_worded() -> None:
    codes = _codes()
    assert len(codes) > 40
    assert codes <= set(REASONS), codes - set(REASONS)


@pytest.mark.parametrize("code", sorted(REASONS))
def test_swedish_keeps_the_values(code: str) -> None:
    swedish = gettext(REASONS[code], "sv")
    assert swedish != REASONS[code]
    assert _fields(swedish) == _fields(REASONS[code])


def test_checks_json_shape_and_wording() -> None:
    slices = [good(slice="a", route="direct", value_sek=2_000_000), good(slice="b")]
    document = checks_json(check_slices(slices, PACK))
    first = document[0]
    assert set(first) >= {"slice", "checks", "route"} and first["route"] == "open"
    assert all(set(c) >= {"rule", "result", "reason", "source"} for c in first["checks"])
    assert {c["rule"] for c in first["checks"]} <= set(RULES)
    value = next(c for c in first["checks"] if c["rule"] == "value")
    assert value["result"] == "fail" and "direct award" in value["reason"]
    assert "2,050,000" in value["reason"] and "2025/2152" in value["source"]


def test_numbers_are_worded_in_the_language() -> None:
    params = {"value": "1900000", "threshold": "1582000", "direct_limit": "700000"}
    assert "1 900 000" in reason_text("advice_open_above", params, "sv").replace("\xa0", " ")
    assert "1,900,000" in reason_text("advice_open_above", params, "en")
    share = reason_text("extensions_within", {"share": "0.11", "limit": "0.25"}, "sv")
    assert "11" in share and "25" in share and "%" in share
