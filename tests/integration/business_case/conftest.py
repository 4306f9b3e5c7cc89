"""A stand-in for the roadmap's fixed interface, so the business case's own storage and
drafting are tested whatever the roadmap area stores."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest

from produktlyft.business_case import service
from produktlyft.kernel.context import ServiceContext
from produktlyft.kernel.errors import NotFound
from produktlyft.roadmap.model import Initiative, InitiativeKind, Phase

INITIATIVES = {
    "replace-case-system": Initiative(
        id="replace-case-system",
        name="Replace the case system",
        kind=InitiativeKind.REPLACE,
        effort_weeks=60,
        cost_sek=4_000_000,
        cost_of_delay_sek_per_week=50_000,
    ),
    "retire-old-portal": Initiative(
        id="retire-old-portal",
        name="Retire the old portal",
        kind=InitiativeKind.RETIRE,
        effort_weeks=20,
        cost_sek=0,
        cost_of_delay_sek_per_week=80_000,
    ),
}


@pytest.fixture
def fake_roadmap(monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, Initiative]]:
    def get(ctx: ServiceContext, initiative_id: str) -> Initiative:
        if initiative_id not in INITIATIVES:
            raise NotFound(f"no initiative '{initiative_id}'")
        return INITIATIVES[initiative_id]

    monkeypatch.setattr(service, "get_initiative", get)
    monkeypatch.setattr(service, "list_initiatives", lambda ctx: list(INITIATIVES.values()))
    phase = Phase(
        id="2027-Q1",
        name="Q1 2027",
        start=date(2027, 1, 4),
        end=date(2027, 3, 28),
        initiative_ids=tuple(INITIATIVES),
        cost_sek=4_000_000,
    )
    monkeypatch.setattr(service, "list_phases", lambda ctx: [phase])
    yield INITIATIVES
