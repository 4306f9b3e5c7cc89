"""The workbook's formulas, recalculated by the `formulas` package, give the tool's figures."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import formulas
import pytest

from produktlyft.business_case.analysis.appraisal import analyse
from produktlyft.business_case.exporters.xlsx import write_xlsx
from produktlyft.business_case.model import Range
from tests.unit.business_case.cases import green_book_case


def recalculate(path: Path) -> dict[str, Any]:
    """Cell address ('SHEET'!A1, upper case) -> value, after recalculating every formula."""
    solution = formulas.ExcelModel().loads(str(path)).finish().calculate()
    values = {}
    for key, ranges in solution.items():
        address = key.split("]", 1)[-1]
        value = getattr(ranges, "value", None)
        if value is not None and getattr(value, "shape", None) == (1, 1):
            values[address] = value[0][0]
    return values


def _find(values: dict[str, Any], sheet: str, label: str) -> Any:
    """The value beside a label in column A of a sheet."""
    for address, value in values.items():
        if address.startswith(f"{sheet.upper()}'!A") and value == label:
            row = address.split("!A", 1)[1]
            return values[f"{sheet.upper()}'!B{row}"]
    raise AssertionError(f"no '{label}' in {sheet}")


@pytest.mark.parametrize("pack", ["se", "uk", "dk"])
def test_recalculated_npv_equals_the_tools_to_the_ore(pack: str, tmp_path: Path) -> None:
    case = green_book_case(
        pack,
        optimism_bias={},
        horizon_years=40,
        delay=Range(low=0.0, mode=0.5, high=2.0),
    )
    result = analyse(case, draws=1000)
    path = write_xlsx(result, tmp_path / "case.xlsx", "en")
    values = recalculate(path)
    npv = _find(values, "Cash flows", "Net present value (NPV)")
    assert round(float(npv), 2) == round(result.preferred.npv, 2)
    bcr = _find(values, "Cash flows", "Benefit–cost ratio (BCR)")
    assert float(bcr) == pytest.approx(result.preferred.bcr)
    # the sensitivity sheet's switching value for the benefit is the tool's
    switching = {s.input: s.value for s in result.switching}
    assert float(values["SENSITIVITY'!G3"]) == pytest.approx(switching["saving"], abs=1e-9)


def test_the_word_document_has_the_five_cases(tmp_path: Path) -> None:
    from docx import Document

    from produktlyft.business_case.exporters.docx import write_docx

    result = analyse(green_book_case(), draws=1000)
    for lang, heading in (("en", "2. Economic case"), ("sv", "2. Ekonomiskt perspektiv")):
        path = write_docx(result, tmp_path / f"case-{lang}.docx", lang)
        paragraphs = Document(str(path)).paragraphs
        headings = [p.text for p in paragraphs if p.style and p.style.name.startswith("Heading")]
        assert heading in headings
        assert len([h for h in headings if h[:2] in ("1.", "2.", "3.", "4.", "5.")]) == 5
