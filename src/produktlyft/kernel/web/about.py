"""The accessibility statement (tillgänglighetsredogörelse), as the DOS law requires.

It follows the structure of Digg's template: how accessible the service is, what to do when
something cannot be used, how to report problems, the enforcement body, the technical
compliance statement, the content that is not accessible, and how the statement was made.
The compliance level is derived from the list of known problems, so the statement cannot
say "fully compliant" while it lists content that is not accessible.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import Enum

from fastapi import Request
from fastapi.responses import Response

from produktlyft.kernel.i18n import N_
from produktlyft.kernel.web.deps import render, web_state
from produktlyft.kernel.web.security import page_router, public

STATEMENT_REVIEWED = date(2026, 12, 2)  # the day the list below was last checked
SERVICE_ASSESSED = date(2026, 12, 2)  # the day the service itself was last assessed
DIGG_REPORT_FORM = "https://www.digg.se/tdosanmalan"
router = page_router()
nav = ()


class Compliance(Enum):
    """The three levels of the DOS act's statement."""

    FULL = "full"
    PARTIAL = "partial"
    NONE = "none"


@dataclass(frozen=True)
class KnownProblem:
    """Content that is not accessible: what it is, the requirement it fails, the way round."""

    content: str
    requirement: str
    workaround: str


KNOWN_PROBLEMS: tuple[KnownProblem, ...] = (
    KnownProblem(
        N_(
            "Some error messages, for example about evidence files attached to the review, are "
            'shown in English on Swedish pages. They are marked as English (lang="en") so that '
            "screen readers pronounce them correctly."
        ),
        N_(
            "WCAG 2.1 success criterion 3.1.2 Language of Parts is met, but the text is not in "
            "the page's language."
        ),
        N_(
            "Ask the administrator if a message is unclear; the same problem is described in "
            "Swedish on the import pages."
        ),
    ),
    KnownProblem(
        N_(
            "The leadership report's PDF file is not tagged for screen readers: headings, "
            "tables and the reading order are not marked in the file."
        ),
        N_(
            "EN 301 549 clause 10 (non-web documents), WCAG 2.1 success criteria 1.3.1 Info and "
            "Relationships and 1.3.2 Meaningful Sequence."
        ),
        N_(
            "Download the report as HTML instead: it has the same content, with headings, "
            "tables and a data table beside every chart."
        ),
    ),
    KnownProblem(
        N_(
            "The integration graph and the interoperability map are pictures: their layout "
            "cannot be perceived without sight."
        ),
        N_(
            "WCAG 2.1 success criterion 1.1.1 Non-text Content (the pictures have text "
            "alternatives, but the relations they show are easier to see than to read)."
        ),
        N_("The table below each graph lists every integration with the same information."),
    ),
)


def compliance(problems: tuple[KnownProblem, ...]) -> Compliance:
    """Fully compliant only when nothing is listed as not accessible."""
    return Compliance.PARTIAL if problems else Compliance.FULL


@router.get("/accessibility")
@public
def accessibility_statement(request: Request) -> Response:
    settings = web_state(request).settings
    return render(
        request,
        "about/accessibility.html",
        statement_date=STATEMENT_REVIEWED,
        assessed_date=SERVICE_ASSESSED,
        compliance=compliance(KNOWN_PROBLEMS).value,
        problems=KNOWN_PROBLEMS,
        email=settings.accessibility_email,
        phone=settings.accessibility_phone,
        digg_form=DIGG_REPORT_FORM,
    )
