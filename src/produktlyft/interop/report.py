"""The leadership report's section on silo risk: how open the landscape's interfaces are and
which systems risk becoming tomorrow's silos, with why."""

from __future__ import annotations

from produktlyft.interop.presenter.words import reason_text
from produktlyft.interop.service import system_interop
from produktlyft.kernel.access import Permission
from produktlyft.kernel.i18n import N_, format_percent, gettext
from produktlyft.kernel.report.sections import ReportContext, Section, SectionContent, Table

HIGH = 0.5
LISTED = 10


def _t(lang: str, message: str, **values: object) -> str:
    text = gettext(message, lang)
    return text.format(**values) if values else text


def silo_risks(rc: ReportContext) -> SectionContent | None:
    """None (no section) without systems, or for a reader who may not see the inventory."""
    if not rc.service.actor.can(Permission.READ):
        return None
    systems = system_interop(rc.service)
    if not systems:
        return None
    lang = rc.lang
    linked = [s for s in systems if s.open_standard_share is not None]
    total = sum(s.integrations for s in linked)
    covered = sum((s.open_standard_share or 0.0) * s.integrations for s in linked)
    high = sorted((s for s in systems if s.silo_risk >= HIGH), key=lambda s: (-s.silo_risk, s.id))
    paragraphs = [
        _t(
            lang,
            N_(
                "Of the integration ends of {systems} connected systems, {share} use a named open "
                "standard or a documented API. {high} of {all} systems have a silo risk of 50 % "
                "or more: data no other system uses, manual re-keying, integrations only through "
                "one vendor, or a contract without a data-return format."
            ),
            systems=len(linked),
            share=format_percent(covered / total if total else 0.0, lang),
            high=len(high),
            all=len(systems),
        )
    ]
    rows = [
        [
            rc.names.get(s.id, s.name),
            format_percent(s.silo_risk, lang),
            "–" if s.open_standard_share is None else format_percent(s.open_standard_share, lang),
            " ".join(reason_text(r, lang) for r in s.reasons),
        ]
        for s in high[:LISTED]
    ]
    tables = []
    if rows:
        tables.append(
            Table(
                _t(lang, N_("The systems with the highest silo risk")),
                [
                    _t(lang, N_("System")),
                    _t(lang, N_("Silo risk")),
                    _t(lang, N_("Open-standard coverage")),
                    _t(lang, N_("Why")),
                ],
                rows,
                numeric={1, 2},
            )
        )
    method = [
        _t(
            lang,
            N_(
                "Silo risk combines independent signs, each with a weight, as 1 − Π(1 − w). An "
                "integration counts as open when it is marked as an open standard, or is a "
                "REST or SOAP interface not marked otherwise; manual re-keying and database "
                "links never do. The weights are judgement: they order systems for attention."
            ),
        )
    ]
    return SectionContent(
        _t(lang, N_("No new silos: open interfaces")),
        paragraphs=paragraphs,
        tables=tables,
        method=method,
    )


SECTIONS = (Section("interop", 80, silo_risks),)
