"""The pilots' part of the leadership report: what each evaluated pilot showed."""

from __future__ import annotations

from produktlyft.kernel.access import Permission
from produktlyft.kernel.i18n import N_, gettext
from produktlyft.kernel.report.sections import ReportContext, Section, SectionContent
from produktlyft.pilots.presenter import effect_text, finding_text, verdict_text
from produktlyft.pilots.service import latest_evaluation, list_pilots


def pilots(rc: ReportContext) -> SectionContent | None:
    """None when no pilot has been evaluated or the reader may not see pilots."""
    if not rc.service.actor.can(Permission.READ):
        return None
    lang = rc.lang
    paragraphs = []
    for pilot in list_pilots(rc.service):
        evaluation = latest_evaluation(rc.service, pilot.id)
        if evaluation is None:
            continue
        paragraphs.append(
            gettext(N_("{name}: {verdict} Effect on {metric}: {effect}."), lang).format(
                name=pilot.plan.name,
                verdict=verdict_text(evaluation, lang),
                metric=pilot.plan.metric,
                effect=effect_text(evaluation, lang),
            )
        )
        paragraphs.extend(finding_text(t, lang) for t in evaluation.threats)
    if not paragraphs:
        return None
    return SectionContent(
        gettext(N_("What the pilot showed"), lang),
        paragraphs=paragraphs,
        method=[
            gettext(
                N_(
                    "Each pilot was pre-registered and evaluated by difference-in-differences "
                    "against its comparison teams, or by an interrupted time series when it had "
                    "none, with 95 % intervals from regressions with AR(1) errors."
                ),
                lang,
            )
        ],
    )


# a part of the outcomes chapter when the outcomes area has one; else its own section
SECTIONS = (Section("pilots", 820, pilots, part_of="outcomes"),)
