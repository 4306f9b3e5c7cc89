"""Country packs and discount factors, checked against the published guidance by hand."""

from __future__ import annotations

import pytest

from produktlyft.business_case.analysis.discounting import discount_factors
from produktlyft.business_case.analysis.packs import check_pack, load_pack
from produktlyft.kernel.errors import InvalidInput


def test_every_bundled_pack_loads_with_its_version_and_sources() -> None:
    for pack_id in ("se", "dk", "uk"):
        pack = load_pack(pack_id)
        assert pack.id == pack_id
        assert pack.version and pack.date and pack.sources
    assert load_pack("se").tax_factor == 1.3
    assert "tax_factor" in load_pack("se").unverified


def test_an_unknown_pack_is_named() -> None:
    with pytest.raises(InvalidInput) as error:
        load_pack("no")
    assert "unknown country pack 'no'" in str(error.value)
    assert error.value.issues[0].column == "country_pack"


def test_a_negative_rate_names_the_field() -> None:
    raw = {
        "id": "xx",
        "name": {"en": "X"},
        "version": "1",
        "date": "2026-01-01",
        "currency": "SEK",
        "price_base_default": 2026,
        "horizon_years": 10,
        "discount_schedule": [{"from_year": 0, "to_year": None, "rate": -0.01}],
        "tax_factor": 1.0,
        "optimism_bias": {},
    }
    with pytest.raises(InvalidInput) as error:
        check_pack(raw, "xx")
    issue = error.value.issues[0]
    assert issue.column == "discount_schedule[0].rate"
    assert "cannot be negative" in issue.message


def test_uk_green_book_factors_compound_across_the_bands() -> None:
    """Green Book (2022) Annex 6: 3.5 % for years 0–30, 3.0 % for 31–75, 2.5 % after.
    Year 10: 1 / 1.035^10 = 0.708919 (the Green Book's table: 0.7089).
    Year 30: 1 / 1.035^30 = 0.356278 (table: 0.3563).
    Year 31: 1 / (1.035^30 × 1.03) = 0.356278 / 1.03 = 0.345901 (table: 0.3459), not
    1 / 1.03^31 = 0.400.
    Year 75: 0.356278 / 1.03^45 = 0.356278 / 3.781596 = 0.094214 (table: 0.0942).
    Year 76: 0.094214 / 1.025 = 0.091916 (table: 0.0919)."""
    factors = discount_factors(load_pack("uk"), 80)
    assert factors[0] == 1.0
    assert factors[10] == pytest.approx(0.708919, abs=1e-6)
    assert factors[30] == pytest.approx(0.356278, abs=1e-6)
    assert factors[31] == pytest.approx(0.345901, abs=1e-6)
    assert factors[75] == pytest.approx(0.094214, abs=1e-6)
    assert factors[76] == pytest.approx(0.091916, abs=1e-6)


def test_danish_factors_step_from_3_5_to_2_5_per_cent_after_year_35() -> None:
    """Finansministeriet (January 2021): 3.5 % for years 0–35, 2.5 % for years 36–70.
    Year 35: 1 / 1.035^35 = 1 / 3.333589 = 0.299977.
    Year 36: 0.299977 / 1.025 = 0.292660.
    Year 40: 0.299977 / 1.025^5 = 0.299977 / 1.131408 = 0.265136."""
    factors = discount_factors(load_pack("dk"), 72)
    assert factors[35] == pytest.approx(0.299977, abs=1e-6)
    assert factors[36] == pytest.approx(0.292660, abs=1e-6)
    assert factors[40] == pytest.approx(0.265136, abs=1e-6)


def test_sweden_discounts_at_3_5_per_cent_throughout() -> None:
    factors = discount_factors(load_pack("se"), 60)
    assert factors[50] == pytest.approx(1 / 1.035**50)
