"""The business case as a Word document in the Green Book's five-case structure (strategic,
economic, commercial, financial, management), in Swedish or English. The commercial and
financial cases are left as headed prompts: the tool drafts what its data supports."""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.document import Document as DocumentType

from produktlyft.business_case.analysis.appraisal import CaseAnalysis
from produktlyft.business_case.model import DELAY_INPUT
from produktlyft.kernel.i18n import N_, format_money, format_number, format_percent, gettext


def _t(lang: str, template: str, **values: object) -> str:
    return gettext(template, lang).format(**values)


def _table(document: DocumentType, headers: list[str], rows: list[list[str]]) -> None:
    table = document.add_table(rows=1, cols=len(headers))
    table.style = "Table Grid"
    for cell, header in zip(table.rows[0].cells, headers, strict=True):
        cell.text = header
    for values in rows:
        for cell, value in zip(table.add_row().cells, values, strict=True):
            cell.text = value


def _strategic(document: DocumentType, result: CaseAnalysis, lang: str) -> None:
    document.add_heading(_t(lang, N_("1. Strategic case")), level=1)
    for paragraph in result.case.strategic_case:
        document.add_paragraph(paragraph)
    if result.case.risks:
        document.add_heading(_t(lang, N_("Risks")), level=2)
        for risk in result.case.risks:
            document.add_paragraph(risk.text, style="List Bullet")


def _economic(document: DocumentType, result: CaseAnalysis, lang: str) -> None:
    case, pack = result.case, result.pack
    document.add_heading(_t(lang, N_("2. Economic case")), level=1)
    document.add_paragraph(
        _t(
            lang,
            N_(
                "Real prices of {year}; discounting by the {pack} pack, version {version} "
                "({date}); horizon {horizon} years; tax factor {tax}."
            ),
            year=case.price_base_year,
            pack=pack.label(lang),
            version=pack.version,
            date=pack.date,
            horizon=case.horizon_years,
            tax=format_number(pack.tax_factor, lang, 2),
        )
    )
    rows = []
    for option in case.options:
        a = result.appraisals[option.id]
        rows.append(
            [
                option.name,
                option.kind.label(lang),
                format_money(a.pv_costs, lang),
                format_money(a.pv_benefits, lang),
                format_money(a.npv, lang),
                "–" if a.bcr is None else format_number(a.bcr, lang, 2),
                str(a.payback_year or "–"),
            ]
        )
    headers = [N_("Option"), N_("Kind"), N_("PV costs"), N_("PV benefits"), N_("NPV")]
    headers += [N_("BCR"), N_("Payback year")]
    _table(document, [_t(lang, h) for h in headers], rows)
    preferred = result.preferred
    document.add_heading(_t(lang, N_("Optimism bias and tax factor")), level=2)
    for category, amount in preferred.pv_optimism_bias.items():
        document.add_paragraph(
            _t(
                lang,
                N_("Optimism bias, {category}: {amount}"),
                category=category,
                amount=format_money(amount, lang),
            ),
            style="List Bullet",
        )
    document.add_paragraph(
        _t(lang, N_("Tax factor uplift: {amount}"), amount=format_money(preferred.pv_tax, lang)),
        style="List Bullet",
    )
    _uncertainty(document, result, lang)
    if case.non_monetised:
        document.add_heading(_t(lang, N_("Non-monetised benefits")), level=2)
        for text in case.non_monetised:
            document.add_paragraph(text, style="List Bullet")


def _uncertainty(document: DocumentType, result: CaseAnalysis, lang: str) -> None:
    sim = result.simulation
    document.add_heading(_t(lang, N_("Uncertainty")), level=2)
    document.add_paragraph(
        _t(
            lang,
            N_(
                "Monte Carlo with {draws} draws (seed {seed}): NPV P10 {p10}, P50 {p50}, "
                "P90 {p90}; the probability that NPV is below zero is {prob}."
            ),
            draws=format_number(sim.draws, lang),
            seed=sim.seed,
            p10=format_money(sim.p10, lang),
            p50=format_money(sim.p50, lang),
            p90=format_money(sim.p90, lang),
            prob=format_percent(sim.prob_negative, lang),
        )
    )
    rows = []
    for value in result.switching:
        name = _t(lang, N_("Delivery delay (years)")) if value.input == DELAY_INPUT else value.name
        if value.value is None:
            shown = "–"
        elif value.input == DELAY_INPUT:
            shown = format_number(value.value, lang, 2)
        else:
            shown = format_percent(value.change or 0.0, lang, 1)
        rows.append([name, shown])
    _table(document, [_t(lang, N_("Input")), _t(lang, N_("Switching value"))], rows)


def _later_cases(document: DocumentType, result: CaseAnalysis, lang: str) -> None:
    document.add_heading(_t(lang, N_("3. Commercial case")), level=1)
    document.add_paragraph(
        _t(lang, N_("Procurement route, contract slices, exit and IP: see the procurement check."))
    )
    document.add_heading(_t(lang, N_("4. Financial case")), level=1)
    rows = [
        [str(year), format_money(cost, lang), format_money(benefit, lang)]
        for year, cost, benefit in zip(
            result.preferred.years, result.preferred.costs, result.preferred.benefits, strict=True
        )
    ]
    headers = [N_("Year"), N_("Costs before uplifts"), N_("Benefits")]
    _table(document, [_t(lang, h) for h in headers], rows)
    document.add_heading(_t(lang, N_("5. Management case")), level=1)
    document.add_paragraph(_t(lang, N_("Benefits-realisation plan (owners to fill in):")))
    rows = [
        [
            b.name,
            b.owner or "–",
            b.measure or "–",
            "–" if b.baseline is None else format_number(b.baseline, lang),
            "–" if b.target is None else format_number(b.target, lang),
            b.due.isoformat() if b.due else "–",
        ]
        for b in result.case.benefits
    ]
    headers = [N_("Benefit"), N_("Owner"), N_("Measure"), N_("Baseline"), N_("Target")]
    headers += [N_("Due")]
    _table(document, [_t(lang, h) for h in headers], rows)


def write_docx(result: CaseAnalysis, path: Path, lang: str) -> Path:
    document = Document()
    document.core_properties.language = "sv-SE" if lang == "sv" else "en-GB"
    document.add_heading(_t(lang, N_("Business case: {name}"), name=result.case.name), level=0)
    _strategic(document, result, lang)
    _economic(document, result, lang)
    _later_cases(document, result, lang)
    document.save(str(path))
    return path
