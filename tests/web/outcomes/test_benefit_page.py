"""/outcomes/benefits: the business cases' benefits with owner, measure, baseline, target and
date, and whether each arrived on its bound measure, in English and Swedish."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from fastapi.testclient import TestClient

from produktlyft.business_case.model import Benefit
from produktlyft.business_case.service import save_case
from produktlyft.kernel.access import Role
from produktlyft.kernel.db import Database
from produktlyft.outcomes.model import Kpi, KpiValue, Service
from produktlyft.outcomes.service import record_kpi, save_service
from tests.conftest import make_context
from tests.unit.business_case.cases import green_book_case


def test_the_benefits_page_says_which_arrived(
    client_for: Callable[[Role | None], TestClient], web_database: Database
) -> None:
    ctx = make_context(web_database)
    case = green_book_case("se", id="case-nytta", name="Nyttor")
    bound = Benefit(
        case_id=case.id,
        name="Nöjdare sökande",
        owner="Bygglovschef",
        baseline=0.6,
        target=0.7,
        due=date(2027, 12, 31),
        metric="kpi:bygglov:satisfaction",
    )
    loose = Benefit(case_id=case.id, name="Färre samtal", baseline=0.3, target=0.2)
    save_case(ctx, case.model_copy(update={"benefits": (bound, loose)}))
    save_service(ctx, Service(id="bygglov", name="Bygglov"))
    record_kpi(
        ctx,
        KpiValue(
            service_id="bygglov", kpi=Kpi.SATISFACTION, period_start=date(2026, 2, 1), value=0.74
        ),
    )

    client = client_for(Role.VIEWER)
    client.get("/language/en")
    page = client.get("/outcomes/benefits")
    assert page.status_code == 200
    assert '<tr data-state="arrived"><th scope="row">Nöjdare sökande</th>' in page.text
    assert "Bygglovschef" in page.text and "share of satisfied users (Bygglov)" in page.text
    assert '<tr data-state="not_measurable"><th scope="row">Färre samtal</th>' in page.text
    assert "not bound to a measure" in page.text
    assert 'href="/outcomes/benefits"' in client.get("/outcomes").text
    client.get("/language/sv")
    swedish = client.get("/outcomes/benefits")
    assert "har kommit" in swedish.text and "case-nytta" in swedish.text
    assert client_for(None).get("/outcomes/benefits", follow_redirects=False).status_code in (
        302,
        303,
        401,
    )
