from __future__ import annotations

from datetime import date

import pytest

from produktlyft.inventory.cells import convert_cell
from produktlyft.inventory.template import SHEETS_BY_KEY, find_sheet
from produktlyft.inventory.vocabularies import Criticality, Lifecycle
from produktlyft.kernel.files.cells import parse_number


def _column(sheet: str, field: str):  # type: ignore[no-untyped-def]
    return next(c for c in SHEETS_BY_KEY[sheet].columns if c.field == field)


@pytest.mark.parametrize(
    "text",
    [
        "samhällskritisk",
        "Samhällskritisk",
        "critical to society",
        "critical_to_society",
        "  SAMHÄLLSKRITISK ",
    ],
)
def test_enum_accepts_code_and_both_labels(text: str) -> None:
    assert Criticality.parse(text) is Criticality.CRITICAL_TO_SOCIETY


def test_enum_error_lists_the_swedish_choices() -> None:
    with pytest.raises(
        ValueError, match="'hög' is not one of samhällskritisk, verksamhetskritisk, ej kritisk"
    ):
        Criticality.parse("hög")


def test_lifecycle_labels_hyphenated_english() -> None:
    assert Lifecycle.parse("phase-out") is Lifecycle.PHASE_OUT
    assert Lifecycle.PHASE_IN.label("en") == "phase-in"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1 200 000", 1_200_000.0),
        ("1 200 000,50", 1_200_000.5),
        ("1,200,000.50", 1_200_000.5),
        ("12,5", 12.5),
        ("350 000 kr", 350_000.0),
        ("1.200.000,5", 1_200_000.5),
    ],
)
def test_numbers_in_swedish_and_english_notation(text: str, value: float) -> None:
    assert parse_number(text) == value


def test_cell_conversion_messages_say_what_is_expected() -> None:
    with pytest.raises(ValueError, match="is not a whole number"):
        convert_cell(_column("systems", "users"), "många")
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        convert_cell(_column("contracts", "end_date"), "31/12/2026")
    with pytest.raises(ValueError, match="ja/nej"):
        convert_cell(_column("contracts", "exit_clause"), "kanske")


def test_cell_conversion_of_typed_values() -> None:
    assert convert_cell(_column("contracts", "end_date"), "2027-03-31") == date(2027, 3, 31)
    assert convert_cell(_column("contracts", "exit_clause"), "Ja") is True
    assert convert_cell(_column("systems", "tags"), "a; b;;c ") == ["a", "b", "c"]
    assert convert_cell(_column("systems", "id"), 1001.0) == "1001"
    assert convert_cell(_column("systems", "users"), 12.0) == 12


def test_sheets_are_found_by_either_language_or_key() -> None:
    assert find_sheet("Förmågor") is SHEETS_BY_KEY["capabilities"]
    assert find_sheet("capability support") is SHEETS_BY_KEY["system_capabilities"]
    assert find_sheet("data_objects") is SHEETS_BY_KEY["data_objects"]
    assert find_sheet("Anvisningar") is None
