"""The economic case as an Excel workbook with live formulas, so an economist can audit it and
change any assumption: the rate schedule, tax factor and optimism bias on "Assumptions"; the
yearly amounts on "Cash flows", where each year's rate, discount factor, uplifts, net flow,
present value, NPV and BCR are formulas; switching values and low/high NPVs per line on
"Sensitivity", also as formulas. Recalculated, the workbook gives the tool's NPV.

The amounts written are the preferred option's lines at their most likely multiplier, with
slipping benefits already moved by the most likely delay (the one input that is not linear;
its switching value is written as the tool computed it).
"""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from produktlyft.business_case.analysis.appraisal import CaseAnalysis
from produktlyft.business_case.analysis.economics import cost_uplift, line_amounts, shifted
from produktlyft.business_case.model import DELAY_INPUT, Line, LineKind
from produktlyft.kernel.i18n import N_, gettext

ASSUMPTIONS = "Assumptions"
CASH = "Cash flows"
SENSITIVITY = "Sensitivity"
FIRST_YEAR_COLUMN = 5  # E: columns A–D hold the line's name, kind, category and PV
BOLD = Font(bold=True)


def _col(index: int) -> str:
    letter: str = get_column_letter(index)
    return letter


def _assumptions(sheet: Worksheet, result: CaseAnalysis, lang: str) -> dict[str, str]:
    """Writes the assumptions; returns cell references by name ("tax", "ob:<category>",
    "rate:<band>", "to:<band>")."""
    case, pack = result.case, result.pack
    cells: dict[str, str] = {}
    rows: list[tuple[str, object]] = [
        (gettext(N_("Business case"), lang), case.name),
        (gettext(N_("Country pack"), lang), f"{pack.label(lang)} {pack.version} ({pack.date})"),
        (gettext(N_("Price base year (real prices)"), lang), case.price_base_year),
        (gettext(N_("Currency"), lang), pack.currency),
        (gettext(N_("Tax factor"), lang), pack.tax_factor),
    ]
    for row, (label, value) in enumerate(rows, start=1):
        sheet.cell(row, 1, label).font = BOLD
        sheet.cell(row, 2, value)
    cells["tax"] = f"'{ASSUMPTIONS}'!$B$5"
    row = len(rows) + 2
    sheet.cell(row, 1, gettext(N_("Optimism bias by cost category"), lang)).font = BOLD
    categories = sorted(
        {line.category for line in case.option().lines if line.kind is LineKind.COST}
    )
    for category in categories:
        row += 1
        sheet.cell(row, 1, category)
        sheet.cell(row, 2, cost_uplift(case, pack, category))
        cells[f"ob:{category}"] = f"'{ASSUMPTIONS}'!$B${row}"
    row += 2
    sheet.cell(row, 1, gettext(N_("Discount rate schedule (real)"), lang)).font = BOLD
    for column, header in enumerate((N_("From year"), N_("To year"), N_("Rate")), start=2):
        sheet.cell(row, column, gettext(header, lang)).font = BOLD
    for index, band in enumerate(pack.discount_schedule):
        row += 1
        sheet.cell(row, 2, band.from_year)
        sheet.cell(row, 3, band.to_year if band.to_year is not None else 9999)
        sheet.cell(row, 4, band.rate)
        cells[f"to:{index}"] = f"'{ASSUMPTIONS}'!$C${row}"
        cells[f"rate:{index}"] = f"'{ASSUMPTIONS}'!$D${row}"
    row += 2
    sheet.cell(row, 1, gettext(N_("Sources"), lang)).font = BOLD
    for source in pack.sources:
        row += 1
        sheet.cell(row, 1, source)
    sheet.column_dimensions["A"].width = 42
    return cells


def _rate_formula(t_cell: str, bands: int, cells: dict[str, str]) -> str:
    """=IF(t<=to0, rate0, IF(t<=to1, rate1, rate2)): the band each year falls in."""
    formula = cells[f"rate:{bands - 1}"]
    for index in range(bands - 2, -1, -1):
        formula = f"IF({t_cell}<={cells[f'to:{index}']},{cells[f'rate:{index}']},{formula})"
    return "=" + formula


def _written_amounts(result: CaseAnalysis, line: Line) -> list[float]:
    case = result.case
    values = line_amounts(line, case.horizon_years) * line.range.mode
    if line.kind is LineKind.BENEFIT and line.slips:
        values = shifted(values, case.delay.mode)
    return [float(v) for v in values]


def _row_formula(template: str, rows: list[int], column: str) -> str:
    return "=" + ("+".join(template.format(c=column, r=r) for r in rows) if rows else "0")


def _total_formulas(
    sheet: Worksheet,
    years: int,
    totals: dict[str, int],
    rows: tuple[list[int], list[int], list[int]],
    cells: dict[str, str],
) -> None:
    """Per year: totals, uplifts, the net flow, its present value and the running sum."""
    benefit_rows, cost_rows, uplift_rows = rows
    for t in range(years):
        c = _col(FIRST_YEAR_COLUMN + t)
        r = totals
        sheet[f"{c}{r['benefits']}"] = _row_formula("{c}{r}", benefit_rows, c)
        sheet[f"{c}{r['costs']}"] = _row_formula("{c}{r}", cost_rows, c)
        sheet[f"{c}{r['ob']}"] = _row_formula("{c}{r}", uplift_rows, c)
        sheet[f"{c}{r['tax']}"] = f"=({c}{r['costs']}+{c}{r['ob']})*({cells['tax']}-1)"
        sheet[f"{c}{r['net']}"] = f"={c}{r['benefits']}-{c}{r['costs']}-{c}{r['ob']}-{c}{r['tax']}"
        sheet[f"{c}{r['pv']}"] = f"={c}{r['net']}*{c}$4"
        sheet[f"{c}{r['pvb']}"] = f"={c}{r['benefits']}*{c}$4"
        sheet[f"{c}{r['pvc']}"] = f"=({c}{r['costs']}+{c}{r['ob']}+{c}{r['tax']})*{c}$4"
        previous = f"{_col(FIRST_YEAR_COLUMN + t - 1)}{r['cum']}+" if t else ""
        sheet[f"{c}{r['cum']}"] = f"={previous}{c}{r['pv']}"


def _year_header(sheet: Worksheet, result: CaseAnalysis, cells: dict[str, str], lang: str) -> None:
    """Rows 1–4: the calendar years, t, each year's rate and its discount factor."""
    case = result.case
    years = case.horizon_years
    headers = (N_("Line"), N_("Kind"), N_("Category"), N_("PV (weighted)"))
    for column, header in enumerate(headers, start=1):
        sheet.cell(1, column, gettext(header, lang)).font = BOLD
    sheet.cell(2, 1, gettext(N_("Year of the appraisal (t)"), lang))
    sheet.cell(3, 1, gettext(N_("Discount rate"), lang))
    sheet.cell(4, 1, gettext(N_("Discount factor"), lang))
    for t in range(years):
        letter = _col(FIRST_YEAR_COLUMN + t)
        sheet[f"{letter}1"] = case.price_base_year + t
        sheet[f"{letter}1"].font = BOLD
        sheet[f"{letter}2"] = t
        sheet[f"{letter}3"] = _rate_formula(f"{letter}2", len(result.pack.discount_schedule), cells)
        previous = _col(FIRST_YEAR_COLUMN + t - 1)
        sheet[f"{letter}4"] = 1 if t == 0 else f"={previous}4/(1+{letter}3)"


def _cash_flows(
    sheet: Worksheet, result: CaseAnalysis, cells: dict[str, str], lang: str
) -> dict[str, object]:
    case = result.case
    years = case.horizon_years
    last = _col(FIRST_YEAR_COLUMN + years - 1)
    first = _col(FIRST_YEAR_COLUMN)
    _year_header(sheet, result, cells, lang)
    row = 5
    benefit_rows: list[int] = []
    cost_rows: list[int] = []
    uplift_rows: list[int] = []
    line_rows: dict[str, int] = {}
    for line in case.option().lines:
        row += 1
        sheet.cell(row, 1, line.name)
        sheet.cell(row, 2, line.kind.label(lang))
        sheet.cell(row, 3, line.category)
        for t, value in enumerate(_written_amounts(result, line)):
            sheet.cell(row, FIRST_YEAR_COLUMN + t, value)
        line_rows[line.id] = row
        (benefit_rows if line.kind is LineKind.BENEFIT else cost_rows).append(row)
    for cost_row in cost_rows:
        row += 1
        category = sheet.cell(cost_row, 3).value
        sheet.cell(
            row,
            1,
            gettext(N_("Optimism bias: {line}"), lang).format(line=sheet.cell(cost_row, 1).value),
        )
        sheet.cell(row, 3, category)
        for t in range(years):
            column = _col(FIRST_YEAR_COLUMN + t)
            sheet[f"{column}{row}"] = f"={column}{cost_row}*{cells[f'ob:{category}']}"
        uplift_rows.append(row)
    totals = {}
    for key, label in (
        ("benefits", N_("Benefits")),
        ("costs", N_("Costs before uplifts")),
        ("ob", N_("Optimism bias")),
        ("tax", N_("Tax factor uplift")),
        ("net", N_("Net benefit")),
        ("pv", N_("Present value of the net benefit")),
        ("pvb", N_("Present value of benefits")),
        ("pvc", N_("Present value of costs (with uplifts)")),
        ("cum", N_("Cumulative present value")),
    ):
        row += 1
        totals[key] = row
        sheet.cell(row, 1, gettext(label, lang)).font = BOLD
    _total_formulas(sheet, years, totals, (benefit_rows, cost_rows, uplift_rows), cells)
    # each line's present value as the NPV counts it (costs with their uplift and tax factor)
    for line in case.option().lines:
        r = line_rows[line.id]
        pv = f"SUMPRODUCT({first}{r}:{last}{r},{first}$4:{last}$4)"
        if line.kind is LineKind.COST:
            pv = f"{pv}*(1+{cells[f'ob:{line.category}']})*{cells['tax']}"
        sheet.cell(r, 4, "=" + pv)
    row += 2
    summary: dict[str, str] = {}
    for key, label, formula in (
        ("npv", N_("Net present value (NPV)"), f"=SUM({first}{totals['pv']}:{last}{totals['pv']})"),
        (
            "pvb",
            N_("Present value of benefits"),
            f"=SUM({first}{totals['pvb']}:{last}{totals['pvb']})",
        ),
        (
            "pvc",
            N_("Present value of costs"),
            f"=SUM({first}{totals['pvc']}:{last}{totals['pvc']})",
        ),
    ):
        sheet.cell(row, 1, gettext(label, lang)).font = BOLD
        sheet.cell(row, 2, formula)
        summary[key] = f"'{CASH}'!$B${row}"
        row += 1
    sheet.cell(row, 1, gettext(N_("Benefit–cost ratio (BCR)"), lang)).font = BOLD
    sheet.cell(row, 2, f"=IF({summary['pvc']}>0,{summary['pvb']}/{summary['pvc']},0)")
    summary["bcr"] = f"'{CASH}'!$B${row}"
    sheet.column_dimensions["A"].width = 44
    return {"summary": summary, "line_rows": line_rows}


def _sensitivity(
    sheet: Worksheet, result: CaseAnalysis, layout: dict[str, object], lang: str
) -> None:
    summary = layout["summary"]
    line_rows = layout["line_rows"]
    assert isinstance(summary, dict) and isinstance(line_rows, dict)
    headers = (
        N_("Input"),
        N_("Low"),
        N_("Most likely"),
        N_("High"),
        N_("NPV at low"),
        N_("NPV at high"),
        N_("Switching value (multiplier)"),
    )
    for column, header in enumerate(headers, start=1):
        sheet.cell(1, column, gettext(header, lang)).font = BOLD
    npv = summary["npv"]
    row = 1
    for line in result.case.option().lines:
        row += 1
        sign = "1" if line.kind is LineKind.BENEFIT else "-1"
        pv = f"'{CASH}'!$D${line_rows[line.id]}"
        sheet.cell(row, 1, line.name)
        sheet.cell(row, 2, line.range.low)
        sheet.cell(row, 3, line.range.mode)
        sheet.cell(row, 4, line.range.high)
        # NPV is linear in a line's multiplier: NPV + sign × (x − mode) / mode × PV(line)
        sheet.cell(row, 5, f"={npv}+{sign}*(B{row}-C{row})/C{row}*{pv}")
        sheet.cell(row, 6, f"={npv}+{sign}*(D{row}-C{row})/C{row}*{pv}")
        sheet.cell(row, 7, f'=IF({pv}=0,"–",C{row}-{npv}/({sign}*{pv}/C{row}))')
    delay = next((s for s in result.switching if s.input == DELAY_INPUT), None)
    row += 1
    sheet.cell(row, 1, gettext(N_("Delivery delay (years), computed by the tool"), lang))
    sheet.cell(row, 2, result.case.delay.low)
    sheet.cell(row, 3, result.case.delay.mode)
    sheet.cell(row, 4, result.case.delay.high)
    bar = next((b for b in result.tornado if b.input == DELAY_INPUT), None)
    if bar:
        sheet.cell(row, 5, bar.npv_low)
        sheet.cell(row, 6, bar.npv_high)
    sheet.cell(row, 7, delay.value if delay and delay.value is not None else "–")
    sheet.column_dimensions["A"].width = 44


def write_xlsx(result: CaseAnalysis, path: Path, lang: str) -> Path:
    book = Workbook()
    assumptions = book.active
    assert assumptions is not None
    assumptions.title = ASSUMPTIONS
    cells = _assumptions(assumptions, result, lang)
    layout = _cash_flows(book.create_sheet(CASH), result, cells, lang)
    _sensitivity(book.create_sheet(SENSITIVITY), result, layout, lang)
    book.save(path)
    return path
