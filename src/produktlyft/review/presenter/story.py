"""The story on the report's first page, which the web overview tells too: the obstacles with
named examples, where to start, and what the current state costs."""

from __future__ import annotations

from collections.abc import Callable

from produktlyft.kernel.report.sections import ReportContext, SectionContent
from produktlyft.review.presenter.wording import money as _money
from produktlyft.review.presenter.wording import number, percent, system_reason
from produktlyft.review.report_frame import report_data
from produktlyft.review.report_method import method_notes
from produktlyft.review.report_texts import t
from produktlyft.review.results import DuplicatePair
from produktlyft.review.services.report_data import (
    Example,
    LockedContract,
    ManualRekeying,
    UnsupportedSystem,
)


def report_words(lang: str) -> Callable[..., str]:
    """The report's own words (its headings) in a language, for a page that tells its story."""
    return lambda key, **values: t(lang, key, **values)


def _example(item: Example, lang: str) -> str:
    if isinstance(item, LockedContract):
        systems = item.systems[:2] + (["…"] if len(item.systems) > 2 else [])
        return t(
            lang,
            "example.lock_in",
            name=item.name,
            supplier=item.supplier or "?",
            end=item.end or "?",
            systems=", ".join(systems),
        )
    if isinstance(item, UnsupportedSystem):
        return t(
            lang,
            "example.unsupported_technology",
            name=item.name,
            component=item.component or "?",
            eol=item.eol or "?",
        )
    if isinstance(item, DuplicatePair):
        return t(lang, "example.duplicates", a=item.name_a, b=item.name_b)
    assert isinstance(item, ManualRekeying)
    return t(lang, "example.manual_rekeying", source=item.source, target=item.target)


def summary(rc: ReportContext) -> SectionContent:
    data, lang = report_data(rc), rc.lang
    content = SectionContent(t(lang, "summary"), first_page=True)
    content.paragraphs.append(
        t(
            lang,
            "intro",
            systems=number(data.systems, lang),
            cost=_money(data.annual_cost, lang),
            confidence=percent(data.data_confidence, lang),
        )
    )
    content.paragraphs.extend(rc.story())
    for obstacle in data.obstacles:
        cost_key = f"obstacle.{obstacle.key}.cost"
        content.blocks.append(
            {
                "kind": "obstacle",
                "headline": t(lang, f"obstacle.{obstacle.key}", count=number(obstacle.count, lang)),
                "cost": t(lang, cost_key, cost=_money(obstacle.annual_cost, lang)),
                "examples": [_example(e, lang) for e in obstacle.examples],
            }
        )
    content.blocks.append(
        {
            "kind": "start",
            "intro": t(lang, "start.intro"),
            "items": [system_reason(s, data.run.lang, lang) for s in data.start_here],
            "uncertain": t(lang, "start.uncertain", count=number(len(data.uncertain), lang))
            if data.uncertain
            else None,
        }
    )
    unsupported = sum(r.annual_cost or 0.0 for r in data.unsupported)
    content.blocks.append(
        {
            "kind": "costs",
            "text": t(
                lang,
                "costs.text",
                total=_money(data.annual_cost, lang),
                unsupported=_money(unsupported, lang),
                duplicates=_money(data.duplicate_cost.avoidable, lang),
            ),
        }
    )
    content.method = method_notes(rc, "summary")
    return content
