"""The culture and readiness section of the leadership report: the organisation only, charts
with their tables, readiness with next steps, the decision register's measures (the decisions
area's part of the section), method notes, in Swedish and English; hidden results stay
hidden."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from produktlyft.bootstrap import report
from produktlyft.demo.service import load_demo
from produktlyft.inventory.model import Team
from produktlyft.inventory.repository import InventoryRepository
from produktlyft.kernel.context import ServiceContext
from produktlyft.review.services.run import review
from produktlyft.surveys.services.rounds import close_round
from tests.conftest import make_context
from tests.integration.surveys.helpers import TODAY, answer_randomly, at_day, new_round


@pytest.fixture
def demo(sqlite_database, tmp_path: Path) -> ServiceContext:  # type: ignore[no-untyped-def]
    ctx = make_context(sqlite_database, data_dir=tmp_path / "data")
    load_demo(ctx, 60, 42, tmp_path / "out", culture=True)
    review(ctx, today=date(2026, 11, 1))
    return ctx


def _section(html: str, title: str) -> str:
    start = html.index(f"<h2>{title}</h2>")
    return html[start : html.index("</section>", start)]


def test_swedish_section_tells_culture_readiness_and_mandate(demo: ServiceContext) -> None:
    html = report().render_html(demo, "sv")
    first_page = _section(html, "Sammanfattning")
    assert "Kulturenkäten «Kultur och förändringsberedskap, hösten 2026»" in first_page
    section = _section(html, "Kultur, förändringsberedskap och teamens mandat")
    assert "Organisationen över enkätomgångarna" in section
    assert "Psykologisk trygghet" in section and "sedan förra omgången" in section
    assert "Beredskap för de fyra utmaningarna" in section
    assert "Rekommenderade nästa steg" in section and "Därför att:" in section
    assert "Teamens mandat: beslutsregistret" in section
    assert re.search(r"\d+ av de \d+ rekommendationer som lämnades för mer än 90 dagar", section)
    assert section.count("<svg") == 3 and section.count('role="img"><title>') == 3
    assert section.count("<table>") == 3  # every chart with its data table
    with demo.database.reading() as uow:
        teams = [t.name for t in uow.repo(InventoryRepository).load("teams") if isinstance(t, Team)]
    assert not [name for name in teams if name in section]  # the organisation only
    appendix = html[html.index("<h2>Metodbilaga</h2>") :]
    assert "Welchs t-test" in appendix and "Kaplan–Meier" in appendix
    assert "minst 5 svar" in appendix


def test_english_section(demo: ServiceContext) -> None:
    html = report().render_html(demo, "en")
    section = _section(html, "Culture, readiness and team mandate")
    assert "Readiness for the four challenges" in section and "Because:" in section
    assert "risk vanishing in the hierarchy" in section
    assert "generative culture" in _section(html, "Summary")


def test_a_hidden_organisation_shows_no_numbers(
    sqlite_database,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    ctx = at_day(make_context(sqlite_database, data_dir=tmp_path / "data"), TODAY)
    load_demo(ctx, 40, 1, tmp_path / "out")
    created = new_round(ctx, teams=("Lilla teamet",), instruments=("psych-safety",))
    answer_randomly(ctx, created.round.id, "Lilla teamet", 3)
    close_round(ctx, created.round.id)
    review(ctx, today=TODAY)
    html = report().render_html(ctx, "en")
    section = _section(html, "Culture, readiness and team mandate")
    assert "too few answers" in section and "<svg" not in section
    assert "Psychological safety" not in section
    assert "culture survey" not in _section(html, "Summary")


def test_no_survey_and_no_register_no_section(
    sqlite_database,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    ctx = make_context(sqlite_database, data_dir=tmp_path / "data")
    load_demo(ctx, 40, 1, tmp_path / "out")
    review(ctx, today=date(2026, 11, 1))
    assert "Culture, readiness and team mandate" not in report().render_html(ctx, "en")
