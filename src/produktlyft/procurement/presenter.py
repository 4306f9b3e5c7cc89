"""Procurement's checks, routes and forecasts in words (Swedish or English), figures and JSON."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from produktlyft.kernel import charts
from produktlyft.kernel.i18n import N_, format_date, format_number, format_percent, gettext
from produktlyft.procurement.analysis.forecast import MIN_DATA_POINTS
from produktlyft.procurement.exporters import Outline, OutlineSection, outline_docx
from produktlyft.procurement.model import Check, Forecast, Result, SliceCheck
from produktlyft.procurement.service import RegisterEntry
from produktlyft.procurement.texts import LOCK_IN_PARTS, REASONS, RESULTS, RULES

_MONEY = {"value", "need_total", "threshold", "direct_limit"}
_SHARES = {"share", "limit_share"}


def _param(key: str, value: str, reason: str, lang: str) -> str:
    if key in _MONEY:
        return format_number(float(value), lang)
    if key in ("share", "risk") or (
        key == "limit" and reason.startswith(("extensions", "concentration", "interfaces_silo"))
    ):
        return format_percent(float(value), lang)
    if key in ("score",) or (key == "limit" and reason == "code_supplier"):
        return format_number(float(value), lang, 2)
    if key == "parts":
        return ", ".join(gettext(LOCK_IN_PARTS[p], lang) for p in value.split(", ") if p)
    if key in ("months", "preferred", "limit", "hours", "hours_limit"):
        return format_number(float(value), lang, 0 if float(value).is_integer() else 1)
    return value


def reason_text(code: str, params: dict[str, str], lang: str) -> str:
    """A reason code and its values as a sentence in the language."""
    template = gettext(REASONS[code], lang)
    values = {key: _param(key, value, code, lang) for key, value in params.items()}
    return template.format(**values)


def rule_name(rule: str, lang: str) -> str:
    return gettext(RULES.get(rule, rule), lang)


def result_name(result: Result, lang: str) -> str:
    return gettext(RESULTS[result.value], lang)


def check_line(check: Check, lang: str) -> dict[str, str]:
    return {
        "rule": rule_name(check.rule, lang),
        "result": check.result.value,
        "result_text": result_name(check.result, lang),
        "reason": reason_text(check.reason, check.params, lang),
        "source": check.source,
    }


def checks_json(results: list[SliceCheck]) -> list[dict[str, Any]]:
    """The `procurement check --json` document: reasons in English, with their codes."""
    return [
        {
            "slice": checked.slice.slice,
            "need": checked.slice.need,
            "verdict": checked.verdict.value,
            "checks": [
                {
                    "rule": check.rule,
                    "result": check.result.value,
                    "reason": reason_text(check.reason, check.params, "en"),
                    "reason_code": check.reason,
                    "params": check.params,
                    "source": check.source,
                }
                for check in checked.checks
            ],
            "route": checked.route.route.value,
            "route_reason": reason_text(checked.route.reason, checked.route.params, "en"),
            "route_reason_code": checked.route.reason,
            "current_route": checked.slice.route.value,
        }
        for checked in results
    ]


def counts(checked: SliceCheck) -> dict[str, int]:
    return {result.value: checked.count(result) for result in Result}


def route_text(checked: SliceCheck, lang: str) -> str:
    return reason_text(checked.route.reason, checked.route.params, lang)


# --- forecast ---------------------------------------------------------------------------


def forecast_json(result: Forecast) -> dict[str, Any]:
    return {
        "items": result.items,
        "start": result.start.isoformat(),
        "p50": result.p50.isoformat(),
        "p85": result.p85.isoformat(),
        "p95": result.p95.isoformat(),
        "data_points": result.data_points,
        "finished_items": result.finished_items,
        "trials": result.trials,
        "seed": result.seed,
        "by": result.by.isoformat() if result.by else None,
        "count_p50": result.count_p50,
        "count_p85": result.count_p85,
        "count_p95": result.count_p95,
        "warning": forecast_warning(result, "en"),
        "warning_code": result.warning,
        "backtest_p85_hit_rate": result.backtest_p85_hit_rate,
        "backtest_points": result.backtest_points,
    }


def forecast_warning(result: Forecast, lang: str) -> str | None:
    if result.warning is None:
        return None
    return reason_text(
        result.warning,
        {"points": str(result.data_points), "minimum": str(MIN_DATA_POINTS)},
        lang,
    )


def distribution_rows(result: Forecast, lang: str) -> list[dict[str, Any]]:
    """The completion dates' distribution: one row per bin, its first date and share."""
    return [
        {
            "date": (result.start + timedelta(days=offset - 1)).isoformat(),
            "label": format_date(result.start + timedelta(days=offset - 1), lang),
            "share": round(share * 100, 2),
        }
        for offset, share in result.distribution
    ]


def forecast_chart(result: Forecast, lang: str) -> str:
    rows = distribution_rows(result, lang)
    spec = charts.bar_chart(
        [{"date": r["label"], "share": r["share"]} for r in rows],
        category="date",
        value="share",
        title=gettext(N_("When the items are done: share of trials"), lang),
        description=gettext(
            N_("The share of simulated futures that finish on each date; the table lists them."),
            lang,
        ),
        category_title=gettext(N_("Done by"), lang),
        value_title=gettext(N_("Share of trials, per cent"), lang),
        sort_descending=False,
    )
    return charts.to_svg(spec, lang)


# --- requirements outline ---------------------------------------------------------------


def _yes(value: bool | None, lang: str) -> str:
    if value is None:
        return gettext(N_("not stated"), lang)
    return gettext(N_("yes"), lang) if value else gettext(N_("no"), lang)


def outline(checked: SliceCheck, lang: str) -> Outline:
    """The slice as Upphandlingsmyndigheten and agilakontrakt.se shape a requirements outline:
    needs, outcomes, success criteria, team, exit, interfaces, code and IP."""
    s = checked.slice

    def g(text: str) -> str:
        return gettext(text, lang)

    stated = g(N_("not stated"))
    sections = [
        OutlineSection(g(N_("Need")), [s.need]),
        OutlineSection(g(N_("Outcome")), [s.outcome or stated]),
        OutlineSection(g(N_("Success criteria")), [s.success_criterion or stated]),
        OutlineSection(
            g(N_("Team and time")),
            [
                g(N_("Team: {team}")).format(team=s.team or stated),
                g(N_("From {start} to {end}; go/no-go point: {point}")).format(
                    start=format_date(s.start, lang),
                    end=format_date(s.end, lang),
                    point=s.go_no_go or stated,
                ),
                g(N_("Estimated value {value} SEK, options and extensions {options} SEK")).format(
                    value=format_number(s.value_sek, lang),
                    options=format_number(s.options_value_sek, lang),
                ),
            ],
        ),
        OutlineSection(
            g(N_("Exit")),
            [
                g(N_("Exit clause: {value}")).format(value=_yes(s.exit_clause, lang)),
                g(N_("Notice period (months): {value}")).format(
                    value=stated
                    if s.notice_months is None
                    else format_number(s.notice_months, lang)
                ),
                g(N_("Data returned as: {value}")).format(value=s.data_return_format or stated),
                g(N_("Knowledge transfer: {value}")).format(value=_yes(s.knowledge_transfer, lang)),
            ],
        ),
        OutlineSection(g(N_("Interfaces")), [", ".join(s.interfaces) or stated]),
        OutlineSection(
            g(N_("Code and IP")),
            [s.code_ownership.label(lang) if s.code_ownership else stated],
        ),
        OutlineSection(
            g(N_("Procurement route")),
            [f"{checked.route.route.label(lang)}: {route_text(checked, lang)}"],
        ),
    ]
    rows = [
        [line["rule"], line["result_text"], line["reason"], line["source"]]
        for line in (check_line(c, lang) for c in checked.checks)
    ]
    return Outline(
        title=g(N_("Requirements outline: {slice}")).format(slice=s.slice),
        intro=g(
            N_(
                "We buy a digital development partner for an outcome, not an IT system: the "
                "supplier proposes the team, and the work is judged by the success criteria."
            )
        ),
        sections=sections,
        table_heading=g(N_("Rule checks")),
        table_headers=[g(N_("Rule")), g(N_("Result")), g(N_("Reason")), g(N_("Source"))],
        table_rows=rows,
        language=lang,
    )


def outline_document(checked: SliceCheck, lang: str) -> bytes:
    return outline_docx(outline(checked, lang))


# --- pages and report ------------------------------------------------------------------


def slice_view(checked: SliceCheck, lang: str) -> dict[str, Any]:
    """What a page shows of a checked slice, worded in the language."""
    s = checked.slice
    return {
        "name": s.slice,
        "need": s.need,
        "supplier": s.supplier,
        "start": s.start,
        "end": s.end,
        "value": s.total_value_sek,
        "counts": counts(checked),
        "verdict": checked.verdict.value,
        "verdict_text": result_name(checked.verdict, lang),
        "lines": [check_line(check, lang) for check in checked.checks],
        "route": checked.route.route.label(lang),
        "route_text": route_text(checked, lang),
        "current_route": s.route.label(lang),
    }


def forecast_view(result: Forecast, lang: str) -> dict[str, Any]:
    return {
        "result": result,
        "warning": forecast_warning(result, lang),
        "rows": distribution_rows(result, lang),
        "chart": forecast_chart(result, lang),
    }


def register_json(entries: list[RegisterEntry]) -> list[dict[str, Any]]:
    """The register as JSON (dates as ISO text)."""
    return [
        {key: value.isoformat() if isinstance(value, date) else value for key, value in row.items()}
        for row in register_rows(entries)
    ]


def register_rows(entries: list[RegisterEntry]) -> list[dict[str, Any]]:
    """The contract register: the inventory's fields, procurement's where recorded (they win
    over the inventory's own notice, exit and data-format fields, being the newer record)."""
    rows = []
    for entry in entries:
        c, t = entry.contract, entry.terms
        rows.append(
            {
                "contract_id": c.id,
                "name": c.name,
                "supplier": c.supplier,
                "value_sek": c.value,
                "start": c.start_date,
                "end": c.end_date,
                "options_value_sek": t.options_value_sek if t else None,
                "extension_months": t.extension_months if t else None,
                "notice_months": t.notice_months
                if t and t.notice_months is not None
                else c.notice_period_months,
                "exit_clause": t.exit_clause if t and t.exit_clause is not None else c.exit_clause,
                "data_return_format": (t.data_return_format if t else None) or c.data_return_format,
                "code_ownership": t.code_ownership.value if t and t.code_ownership else None,
                "ip_owner": c.ip_owner.value if c.ip_owner else None,
                "system_ids": (t.system_ids if t and t.system_ids else c.system_ids),
                "route": t.route.value if t and t.route else None,
            }
        )
    return rows
