"""The demo organisation's three contract slices for its first roadmap phase.

Two are shaped as the rules ask; the third is the kind of slice buyers still write: nine months
with the incumbent, through the resource-consultant framework, code owned by the supplier. No
verdict is set here: the rules find that it is too long (and warn about the rest).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from produktlyft.procurement.model import Slice


def _months_later(day: date, months: int) -> date:
    """The day before the same date `months` later (a slice of whole months)."""
    month = day.month - 1 + months
    return date(day.year + month // 12, month % 12 + 1, 1) - timedelta(days=1)


def demo_slices(
    phase_id: str, start: date, needs: Sequence[str], suppliers: Sequence[str]
) -> list[Slice]:
    """Three slices from the phase's start; `needs` and `suppliers` name at least three each
    (the phase's initiatives and the inventory's vendors, where the demo has them)."""
    first = date(start.year, start.month, 1)
    a, b, c = needs[:3]
    return [
        Slice(
            slice=f"{phase_id}-1",
            need=a,
            supplier=suppliers[0],
            start=first,
            end=_months_later(first, 4),
            value_sek=1_100_000,
            options_value_sek=200_000,
            buyer_type="central",
            route="open",
            outcome=f"{a}: e-tjänsten i drift för medborgarna",
            success_criterion="70 % av ansökningarna kommer in digitalt inom 4 månader",
            exit_clause=True,
            notice_months=1,
            data_return_format="csv",
            code_ownership="agency",
            team="Team Bygglov",
            go_no_go=_months_later(first, 2).isoformat(),
            knowledge_transfer=True,
            interfaces=["OpenAPI", "OIDC"],
            phase_id=phase_id,
        ),
        Slice(
            slice=f"{phase_id}-2",
            need=b,
            supplier=suppliers[1],
            start=first,
            end=_months_later(first, 5),
            value_sek=900_000,
            options_value_sek=0,
            buyer_type="central",
            route="dps",
            outcome=f"{b}: handläggarna arbetar i det nya flödet",
            success_criterion="Handläggningstiden halveras till 20 dagar",
            exit_clause=True,
            notice_months=2,
            data_return_format="json",
            code_ownership="open-source",
            team="Team Ärende",
            go_no_go=_months_later(first, 3).isoformat(),
            knowledge_transfer=True,
            interfaces=["OpenAPI"],
            phase_id=phase_id,
        ),
        Slice(
            slice=f"{phase_id}-3",
            need=c,
            supplier=suppliers[2],
            start=first,
            end=_months_later(first, 9),
            value_sek=1_000_000,
            options_value_sek=150_000,
            buyer_type="central",
            route="framework",
            outcome=f"{c}: migrerat till ny plattform",
            success_criterion="Alla 12 integrationer flyttade",
            exit_clause=True,
            notice_months=3,
            data_return_format="csv",
            code_ownership="supplier",
            team="Konsultteam",
            go_no_go=_months_later(first, 6).isoformat(),
            knowledge_transfer=True,
            interfaces=["OpenAPI"],
            phase_id=phase_id,
        ),
    ]
