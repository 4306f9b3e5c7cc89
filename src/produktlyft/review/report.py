"""The review's sections of the leadership report: the story first, then the evidence."""

from __future__ import annotations

from collections import Counter
from typing import Any

from produktlyft.kernel import charts
from produktlyft.kernel.report.sections import (
    Figure,
    ReportContext,
    Section,
    SectionContent,
    Table,
)
from produktlyft.review.model import Band
from produktlyft.review.presenter.charts import condition_spec
from produktlyft.review.presenter.story import summary
from produktlyft.review.presenter.wording import (
    band_label,
    duplicate_reason,
    lock_in_sign,
    number,
    percent,
    system_reason,
)
from produktlyft.review.presenter.wording import money as _money
from produktlyft.review.report_frame import report_data
from produktlyft.review.report_method import method_notes
from produktlyft.review.report_texts import t


def ranking(rc: ReportContext) -> SectionContent:
    lang = rc.lang
    run = report_data(rc).run
    top = [s for s in run.systems if s.score is not None][:15]
    rows = [
        {"system": s.name, "priority": round(s.score or 0.0, 2), "band": s.band.value} for s in top
    ]
    spec = charts.bar_chart(
        rows,
        category="system",
        value="priority",
        title=t(lang, "ranking"),
        description=t(lang, "ranking.text"),
        category_title=t(lang, "col.system"),
        value_title=t(lang, "col.score"),
        colour="band",
        colour_scale=Band.colours(),
    )
    table = Table(
        t(lang, "ranking"),
        [t(lang, f"col.{c}") for c in ("rank", "system", "score", "confidence", "range", "reason")],
        [
            [
                s.rank,
                s.name,
                number(s.score or 0.0, lang, 1),
                percent(s.confidence, lang),
                f"{s.rank_min}–{s.rank_max}",
                system_reason(s, run.lang, lang).text,
            ]
            for s in top
        ],
        numeric={0, 2, 3},
    )
    return SectionContent(
        t(lang, "ranking"),
        [t(lang, "ranking.text")],
        figures=[Figure(charts.to_svg(spec, lang), table)],
        method=method_notes(rc, "ranking"),
    )


def condition(rc: ReportContext) -> SectionContent:
    lang = rc.lang
    counts: Counter[Band] = Counter(s.band for s in report_data(rc).run.systems)
    spec = condition_spec(
        counts,
        {b: band_label(b, lang) for b in Band},
        title=t(lang, "condition"),
        description=t(lang, "condition.text", profile=report_data(rc).run.profile),
        category_title=t(lang, "col.band"),
        value_title=t(lang, "col.count"),
    )
    total = max(1, len(report_data(rc).run.systems))
    table = Table(
        t(lang, "condition"),
        [t(lang, "col.band"), t(lang, "col.count"), t(lang, "col.share")],
        [[band_label(b, lang), counts[b], percent(counts[b] / total, lang)] for b in Band],
        numeric={1, 2},
    )
    return SectionContent(
        t(lang, "condition"),
        [t(lang, "condition.text", profile=report_data(rc).run.profile)],
        figures=[Figure(charts.to_svg(spec, lang), table)],
        method=method_notes(rc, "condition"),
    )


def _lifecycle_band(months: float) -> Band:
    """A component past end of life is red, one reaching it within 18 months amber."""
    return Band.RED if months <= 0 else (Band.AMBER if months <= 18 else Band.GREEN)


def technology(rc: ReportContext) -> SectionContent | None:
    lang = rc.lang
    techs = report_data(rc).run.details.technologies
    if not techs:
        return None
    dated = sorted(
        (r for r in techs if r.months_to_eol is not None and r.systems),
        key=lambda r: r.months_to_eol or 0.0,
    )[:20]
    rows = [
        {
            "component": f"{r.name} {r.version or ''}".strip(),
            "months": round(months, 1),
            "band": _lifecycle_band(months).value,
        }
        for r in dated
        for months in [r.months_to_eol or 0.0]
    ]
    spec = charts.bar_chart(
        rows,
        category="component",
        value="months",
        colour="band",
        colour_scale=Band.colours(),
        sort_descending=False,
        title=t(lang, "technology"),
        description=t(lang, "col.months"),
        category_title=t(lang, "col.component"),
        value_title=t(lang, "col.months"),
    )
    ordered = sorted(techs, key=lambda r: (r.months_to_eol is None, r.months_to_eol or 0.0, r.name))
    table = Table(
        t(lang, "technology"),
        [
            t(lang, f"col.{c}")
            for c in ("component", "version", "status", "eol", "months", "systems")
        ],
        [
            [
                r.name,
                r.version or "–",
                t(lang, f"status.{r.status}"),
                r.eol or "–",
                "–" if r.months_to_eol is None else number(r.months_to_eol, lang, 0),
                r.systems,
            ]
            for r in ordered
        ],
        numeric={4, 5},
    )
    statuses = Counter(r.status for r in techs)
    intro = t(
        lang,
        "technology.text",
        matched=statuses.get("matched", 0),
        components=len(techs),
        snapshot=report_data(rc).eol_snapshot.isoformat(),
        past=sum(1 for r in techs if r.eol_passed),
    )
    return SectionContent(
        t(lang, "technology"),
        [intro],
        figures=[Figure(charts.to_svg(spec, lang), table)],
        method=method_notes(rc, "technology"),
    )


def _cluster_costs(rc: ReportContext) -> list[dict[str, Any]]:
    """Each group of overlapping systems with its yearly cost, what keeping only the dearest
    would free and the system the review suggests to keep, dearest first."""
    run = report_data(rc).run
    by_id = {s.system_id: s for s in run.systems}
    keep = {d.cluster: d.survivor for d in run.duplicates if d.survivor}
    rows = []
    for cluster, members in enumerate(run.details.clusters):
        known = [by_id[m] for m in members if m in by_id]
        costs = [s.annual_cost for s in known if s.annual_cost is not None]
        survivor = by_id.get(keep.get(cluster, ""))
        rows.append(
            {
                "group": " + ".join(s.name for s in known),
                "cost": round(sum(costs)),
                "freed": round(sum(costs) - max(costs, default=0)),
                "keep": survivor.name if survivor else "",
            }
        )
    return sorted(rows, key=lambda r: (-r["cost"], r["group"]))


def duplicates(rc: ReportContext) -> SectionContent | None:
    lang, data = rc.lang, report_data(rc)
    if not data.duplicates:
        return None
    groups = _cluster_costs(rc)
    spec = charts.bar_chart(
        groups[:15],
        category="group",
        value="cost",
        title=t(lang, "duplicates.chart"),
        description=t(lang, "duplicates.chart"),
        category_title=t(lang, "col.group"),
        value_title=t(lang, "col.cost"),
    )
    chart_table = Table(
        t(lang, "duplicates.chart"),
        [t(lang, "col.group"), t(lang, "col.cost"), t(lang, "col.freed"), t(lang, "col.keep")],
        [
            [g["group"], _money(g["cost"], lang), _money(g["freed"], lang), g["keep"]]
            for g in groups
        ],
        numeric={1, 2},
    )
    table = Table(
        t(lang, "duplicates"),
        [t(lang, "col.pair"), t(lang, "col.score"), t(lang, "col.reason")],
        [
            [
                f"{d.name_a} – {d.name_b}",
                number(d.score, lang, 2),
                duplicate_reason(d, data.run.lang, lang).text,
            ]
            for d in data.duplicates
        ],
        numeric={1},
    )
    return SectionContent(
        t(lang, "duplicates"),
        [
            t(lang, "duplicates.text", pairs=len(data.duplicates), clusters=len(groups)),
            t(
                lang,
                "obstacle.duplicates.cost",
                cost=_money(data.duplicate_cost.avoidable, lang),
            ),
        ],
        figures=[Figure(charts.to_svg(spec, lang), chart_table)],
        tables=[table],
        method=method_notes(rc, "duplicates"),
    )


def lock_in(rc: ReportContext) -> SectionContent | None:
    lang = rc.lang
    if not report_data(rc).lock_in:
        return None
    table = Table(
        t(lang, "lock_in"),
        [
            t(lang, f"col.{c}")
            for c in ("contract", "supplier", "end", "systems", "cost", "signals")
        ],
        [
            [
                c.name,
                c.supplier or "–",
                c.end or "–",
                ", ".join(c.systems),
                _money(c.annual_cost, lang),
                ", ".join(lock_in_sign(s, lang) for s in c.signals),
            ]
            for c in report_data(rc).lock_in
        ],
        numeric={4},
    )
    rows = [{"contract": c.name, "cost": round(c.annual_cost)} for c in report_data(rc).lock_in]
    spec = charts.bar_chart(
        rows[:15],
        category="contract",
        value="cost",
        title=t(lang, "lock_in"),
        description=t(lang, "lock_in.chart"),
        category_title=t(lang, "col.contract"),
        value_title=t(lang, "col.cost"),
    )
    return SectionContent(
        t(lang, "lock_in"),
        [t(lang, "lock_in.chart")],
        figures=[Figure(charts.to_svg(spec, lang), table)],
        method=method_notes(rc, "lock_in"),
    )


def manual(rc: ReportContext) -> SectionContent | None:
    lang = rc.lang
    if not report_data(rc).manual_rekeying:
        return None
    table = Table(
        t(lang, "manual"),
        [t(lang, "col.from"), t(lang, "col.to")],
        [[m.source, m.target] for m in report_data(rc).manual_rekeying],
    )
    return SectionContent(t(lang, "manual"), tables=[table], method=method_notes(rc, "manual"))


def heatmap(rc: ReportContext) -> SectionContent | None:
    lang = rc.lang
    capabilities = report_data(rc).run.details.capabilities[:25]
    if not capabilities:
        return None
    chosen = {c.capability_id: c.name for c in capabilities}
    cells = [
        {"capability": chosen[h.capability_id], "band": h.band.value, "systems": h.systems}
        for h in report_data(rc).run.details.heatmap
        if h.capability_id in chosen
    ]
    spec = charts.stacked_bar_chart(
        cells,
        category="capability",
        value="systems",
        stack="band",
        title=t(lang, "heatmap"),
        description=t(lang, "heatmap.text"),
        category_title=t(lang, "col.capability"),
        value_title=t(lang, "col.count"),
        stack_title=t(lang, "col.band"),
        colour_scale=Band.colours(),
        stack_labels={b.value: band_label(b, lang) for b in Band},
    )
    per = {(c["capability"], c["band"]): c["systems"] for c in cells}
    table = Table(
        t(lang, "heatmap"),
        [
            t(lang, "col.capability"),
            *(band_label(b, lang) for b in Band),
            t(lang, "col.score"),
            t(lang, "col.cost"),
        ],
        [
            [
                name,
                *(per.get((name, b.value), 0) for b in Band),
                "–" if c.priority is None else number(c.priority, lang, 1),
                _money(c.cost, lang),
            ]
            for c in capabilities
            for name in [chosen[c.capability_id]]
        ],
        numeric={1, 2, 3, 4, 5, 6},
    )
    return SectionContent(
        t(lang, "heatmap"),
        [t(lang, "heatmap.text")],
        figures=[Figure(charts.to_svg(spec, lang), table)],
        method=method_notes(rc, "heatmap"),
    )


def confidence(rc: ReportContext) -> SectionContent:
    lang = rc.lang
    values = [{"confidence": s.confidence} for s in report_data(rc).run.systems]
    spec = charts.histogram(
        values,
        field="confidence",
        title=t(lang, "confidence"),
        description=t(
            lang, "confidence.text", confidence=percent(report_data(rc).data_confidence, lang)
        ),
        x_title=t(lang, "col.confidence"),
        y_title=t(lang, "col.count"),
    )
    bins = Counter(min(int(v["confidence"] * 10), 9) for v in values)
    table = Table(
        t(lang, "confidence"),
        [t(lang, "col.confidence"), t(lang, "col.count")],
        [[f"{b * 10}–{b * 10 + 10} %", bins.get(b, 0)] for b in range(10)],
        numeric={1},
    )
    content = SectionContent(
        t(lang, "confidence"),
        [t(lang, "confidence.text", confidence=percent(report_data(rc).data_confidence, lang))],
        figures=[Figure(charts.to_svg(spec, lang), table)],
        method=method_notes(rc, "confidence"),
    )
    content.items = [
        system_reason(s, report_data(rc).run.lang, lang).text
        for s in report_data(rc).uncertain[:10]
    ]
    return content


SECTIONS = tuple(
    Section(key, order, render)
    for key, order, render in [
        ("summary", 0, summary),
        ("ranking", 10, ranking),
        ("condition", 20, condition),
        ("technology", 30, technology),
        ("duplicates", 40, duplicates),
        ("lock_in", 50, lock_in),
        ("manual", 55, manual),
        ("heatmap", 60, heatmap),
        ("confidence", 70, confidence),
    ]
)
