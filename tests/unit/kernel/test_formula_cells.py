"""Neutralising spreadsheet formulas on export and restoring the text on import."""

from __future__ import annotations

import pytest

from produktlyft.kernel.files.cells import neutralise_formula, restore_formula


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("=1+1", "'=1+1"),
        ("+46 8 123", "'+46 8 123"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("'=1", "''=1"),  # already quoted by hand: one more, so it comes back as written
        ("Kalle", "Kalle"),
        ("'Kalle", "'Kalle"),
        ("", ""),
    ],
)
def test_neutralise_then_restore_gives_the_text_back(text: str, written: str) -> None:
    assert neutralise_formula(text) == written
    assert restore_formula(written) == text


def test_numbers_and_blanks_are_left_alone() -> None:
    assert neutralise_formula(-5) == -5 and neutralise_formula(None) is None
    assert restore_formula("'99") == "'99"
