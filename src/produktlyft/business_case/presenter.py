"""A business case in words, figures and JSON: the one place that turns a `CaseResult` into
what the pages, the report section and `case show --json` show."""

from __future__ import annotations

from typing import Any

import numpy as np

from produktlyft.business_case.model import DELAY_INPUT, Case
from produktlyft.business_case.service import CaseResult
from produktlyft.kernel import charts
from produktlyft.kernel.i18n import (
    N_,
    format_money,
    format_number,
    format_percent,
    gettext,
)
from produktlyft.kernel.report.sections import Figure, Table

HISTOGRAM_BINS = 30


def _t(lang: str, template: str, **values: object) -> str:
    return gettext(template, lang).format(**values)


def case_json(result: CaseResult) -> dict[str, Any]:
    """The `case show --json` document."""
    case, a, sim = result.case, result.preferred, result.simulation
    return {
        "id": case.id,
        "name": case.name,
        "subject": {"kind": case.subject_kind.value, "id": case.subject_id},
        "country_pack": case.country_pack,
        "pack_version": result.pack.version,
        "price_base_year": case.price_base_year,
        "currency": result.pack.currency,
        "preferred_option": a.option_id,
        "npv": round(a.npv, 2),
        "bcr": None if a.bcr is None else round(a.bcr, 6),
        "payback_year": a.payback_year,
        "pv_benefits": round(a.pv_benefits, 2),
        "pv_costs": round(a.pv_costs, 2),
        "optimism_bias": {k: round(v, 2) for k, v in a.pv_optimism_bias.items()},
        "tax_factor_uplift": round(a.pv_tax, 2),
        "npv_p10": round(sim.p10, 2),
        "npv_p50": round(sim.p50, 2),
        "npv_p90": round(sim.p90, 2),
        "prob_npv_negative": round(sim.prob_negative, 6),
        "draws": sim.draws,
        "seed": sim.seed,
        "switching_values": {
            s.input: {"value": s.value, "change": s.change, "most_likely": s.mode}
            for s in result.switching
        },
        "tornado": [
            {"input": b.input, "npv_low": round(b.npv_low, 2), "npv_high": round(b.npv_high, 2)}
            for b in result.tornado
        ],
        "options": {
            option_id: {
                "npv": round(x.npv, 2),
                "bcr": x.bcr,
                "payback_year": x.payback_year,
            }
            for option_id, x in result.appraisals.items()
        },
        "non_monetised": list(case.non_monetised),
    }


def input_name(case: Case, input_id: str, lang: str) -> str:
    if input_id == DELAY_INPUT:
        return _t(lang, N_("Delivery delay (years)"))
    return next((ln.name for ln in case.option().lines if ln.id == input_id), input_id)


def uplifts(result: CaseResult) -> list[tuple[str, float]]:
    """(cost category, the optimism bias uplift in force) for the preferred option's costs."""
    case, pack = result.case, result.pack
    categories = sorted({ln.category for ln in case.option().lines if ln.kind.value == "cost"})
    return [(c, case.optimism_bias.get(c, pack.optimism_bias.get(c, 0.0))) for c in categories]


def headline(result: CaseResult, lang: str) -> list[tuple[str, str]]:
    """Label and value of the case's key figures."""
    a, sim = result.preferred, result.simulation
    return [
        (_t(lang, N_("Net present value (NPV)")), format_money(a.npv, lang)),
        (
            _t(lang, N_("Benefit–cost ratio (BCR)")),
            "–" if a.bcr is None else format_number(a.bcr, lang, 2),
        ),
        (
            _t(lang, N_("Payback year")),
            str(a.payback_year) if a.payback_year else _t(lang, N_("not within the horizon")),
        ),
        (
            _t(lang, N_("NPV P10 / P50 / P90")),
            " / ".join(format_money(v, lang) for v in (sim.p10, sim.p50, sim.p90)),
        ),
        (
            _t(lang, N_("Probability that NPV is below zero")),
            format_percent(sim.prob_negative, lang),
        ),
        (
            _t(lang, N_("Optimism bias (present value)")),
            format_money(sum(a.pv_optimism_bias.values()), lang),
        ),
        (_t(lang, N_("Tax factor uplift (present value)")), format_money(a.pv_tax, lang)),
    ]


def summary_text(result: CaseResult, lang: str) -> str:
    a, sim = result.preferred, result.simulation
    return _t(
        lang,
        N_(
            "«{name}»: NPV {npv} in {year} prices ({pack} {version}), BCR {bcr}; "
            "with the ranges, NPV lies between {p10} and {p90} in 80 % of {draws} draws "
            "and is below zero with probability {prob}."
        ),
        name=result.case.name,
        npv=format_money(a.npv, lang),
        year=result.case.price_base_year,
        pack=result.pack.label(lang),
        version=result.pack.version,
        bcr="–" if a.bcr is None else format_number(a.bcr, lang, 2),
        p10=format_money(sim.p10, lang),
        p90=format_money(sim.p90, lang),
        draws=format_number(sim.draws, lang),
        prob=format_percent(sim.prob_negative, lang),
    )


def _spec(
    title: str,
    description: str,
    rows: list[dict[str, Any]],
    layer: list[dict[str, Any]],
    height: int,
) -> dict[str, Any]:
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
        "title": title,
        "description": description,
        "width": 420,
        "height": height,
        "data": {"values": rows},
        "layer": layer,
        "config": {"font": charts.FONT, "view": {"stroke": None}},
    }


def distribution_figure(result: CaseResult, lang: str) -> Figure:
    """A histogram of the NPV draws, with the bins in a table beside it."""
    counts, edges = np.histogram(result.simulation.npv, bins=HISTOGRAM_BINS)
    rows = [
        {"start": float(edges[i]), "end": float(edges[i + 1]), "count": int(counts[i])}
        for i in range(len(counts))
    ]
    title = _t(lang, N_("Distribution of NPV over the Monte Carlo draws"))
    x_title = _t(lang, N_("NPV"))
    y_title = _t(lang, N_("Draws"))
    spec = _spec(
        title,
        _t(lang, N_("How many draws gave an NPV in each interval; the table lists the intervals.")),
        rows,
        [
            {
                "mark": {"type": "bar", "color": "#1e6fb9", "aria": False},
                "encoding": {
                    "x": {
                        "field": "start",
                        "type": "quantitative",
                        "bin": "binned",
                        "title": x_title,
                    },
                    "x2": {"field": "end"},
                    "y": {"field": "count", "type": "quantitative", "title": y_title},
                },
            }
        ],
        180,
    )
    table_rows = [
        [
            f"{format_money(r['start'], lang)} – {format_money(r['end'], lang)}",
            format_number(r["count"], lang),
        ]
        for r in rows
        if r["count"]
    ]
    table = Table(title, [x_title, y_title], table_rows, numeric={1})
    return Figure(charts.to_svg(spec, lang), table)


def tornado_figure(result: CaseResult, lang: str) -> Figure:
    """NPV with each input at its low and its high end, widest swing on top."""
    rows = [
        {
            "input": input_name(result.case, bar.input, lang),
            "low": min(bar.npv_low, bar.npv_high),
            "high": max(bar.npv_low, bar.npv_high),
        }
        for bar in result.tornado
    ]
    title = _t(lang, N_("Tornado: NPV with each input at the ends of its range"))
    order = [r["input"] for r in rows]
    spec = _spec(
        title,
        _t(lang, N_("Each bar runs from the NPV at one end of the input's range to the other.")),
        rows,
        [
            {
                "mark": {"type": "bar", "color": "#1e6fb9", "aria": False},
                "encoding": {
                    "y": {
                        "field": "input",
                        "type": "nominal",
                        "sort": order,
                        "title": None,
                        "axis": {"labelLimit": 260},
                    },
                    "x": {"field": "low", "type": "quantitative", "title": _t(lang, N_("NPV"))},
                    "x2": {"field": "high"},
                },
            },
            {
                "mark": {"type": "rule", "color": "#222", "aria": False},
                "encoding": {"x": {"datum": result.preferred.npv}},
            },
        ],
        max(60, 24 * len(rows)),
    )
    table_rows = [
        [
            input_name(result.case, bar.input, lang),
            format_money(bar.npv_low, lang),
            format_money(bar.npv_high, lang),
        ]
        for bar in result.tornado
    ]
    headers = [_t(lang, N_("Input")), _t(lang, N_("NPV at low")), _t(lang, N_("NPV at high"))]
    return Figure(charts.to_svg(spec, lang), Table(title, headers, table_rows, numeric={1, 2}))


def switching_rows(result: CaseResult, lang: str) -> list[list[str]]:
    rows = []
    for s in result.switching:
        name = input_name(result.case, s.input, lang)
        if s.value is None:
            rows.append([name, _t(lang, N_("no value within reach"))])
        elif s.input == DELAY_INPUT:
            rows.append(
                [name, _t(lang, N_("{years} years"), years=format_number(s.value, lang, 2))]
            )
        else:
            rows.append([name, format_percent(s.change or 0.0, lang, 1)])
    return rows


def method_note(result: CaseResult, lang: str) -> str:
    pack = result.pack
    return _t(
        lang,
        N_(
            "Real prices of {year}. Discounting by the {pack} pack version {version} ({date}); "
            "the factor for year t is the product of 1/(1 + r) over the years 1..t. Costs carry "
            "optimism bias per category and the tax factor {tax}, both shown separately. "
            "Monte Carlo: {draws} draws, seed {seed}, triangular or PERT ranges, related items "
            "correlated through a Gaussian copula."
        ),
        year=result.case.price_base_year,
        pack=pack.label(lang),
        version=pack.version,
        date=pack.date,
        tax=format_number(pack.tax_factor, lang, 2),
        draws=format_number(result.simulation.draws, lang),
        seed=result.simulation.seed,
    )
