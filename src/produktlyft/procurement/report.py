"""Procurement's section of the leadership report: the contract slices of the roadmap's first
phase (or all saved slices when none belongs to a phase), with what each rule found."""

from __future__ import annotations

from produktlyft.kernel.access import Permission
from produktlyft.kernel.i18n import N_, format_number, gettext
from produktlyft.kernel.report.sections import ReportContext, Section, SectionContent, Table
from produktlyft.procurement.model import Result, SliceCheck
from produktlyft.procurement.presenter import counts, reason_text, result_name, rule_name
from produktlyft.procurement.service import checked_slices


def _first_phase(results: list[SliceCheck]) -> list[SliceCheck]:
    """The slices of the earliest phase that has any; all of them when none has a phase."""
    phased = [c for c in results if c.slice.phase_id]
    if not phased:
        return results
    first = min(phased, key=lambda c: (c.slice.start, c.slice.phase_id or ""))
    return [c for c in phased if c.slice.phase_id == first.slice.phase_id]


def procurement(rc: ReportContext) -> SectionContent | None:
    """None (no section) when no slice is saved or the reader may not see them."""
    if not rc.service.actor.can(Permission.READ):
        return None
    results = _first_phase(checked_slices(rc.service))
    if not results:
        return None
    lang = rc.lang
    failing = [c for c in results if c.verdict is Result.FAIL]
    paragraphs = [
        gettext(
            N_(
                "{count} contract slices are planned for the first phase; {failing} of them "
                "fail at least one procurement rule."
            ),
            lang,
        ).format(count=len(results), failing=len(failing))
    ]
    items = [
        f"{c.slice.slice}: {rule_name(check.rule, lang)}: "
        f"{reason_text(check.reason, check.params, lang)}"
        for c in failing
        for check in c.checks
        if check.result is Result.FAIL
    ]
    rows = [
        [
            c.slice.slice,
            c.slice.need,
            format_number(c.slice.total_value_sek, lang),
            *(counts(c)[r.value] for r in Result),
            result_name(c.verdict, lang),
            c.route.route.label(lang),
        ]
        for c in results
    ]
    headers = [
        gettext(text, lang)
        for text in (
            N_("Slice"),
            N_("Need"),
            N_("Value incl. options (SEK)"),
            N_("Pass"),
            N_("Warnings"),
            N_("Fails"),
            N_("Verdict"),
            N_("Recommended route"),
        )
    ]
    caption = gettext(N_("Contract slices of the first phase and their rule checks"), lang)
    return SectionContent(
        gettext(N_("Procurement: contract slices"), lang),
        paragraphs=paragraphs,
        items=items,
        tables=[Table(caption, headers, rows, numeric={2, 3, 4, 5})],
        method=[
            gettext(
                N_(
                    "Each slice is checked against the rule pack (EU thresholds 2026–2027, LOU, "
                    "the framework's hour limit and the agency's policy), every parameter dated "
                    "and sourced; slices of the same need are valued together."
                ),
                lang,
            )
        ],
    )


SECTIONS = (Section("procurement", 230, procurement),)
