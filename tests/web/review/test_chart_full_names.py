"""A chart label shortened to fit ("ByggR – ärendehantering för bygglov och bygg…") keeps its
full name (issue 16): as the label's <title>, the tooltip and what assistive technology
reads, and in the data table beside the chart."""

from __future__ import annotations

import re
from collections.abc import Callable
from html import unescape

from fastapi.testclient import TestClient

from produktlyft.inventory.model import System
from produktlyft.inventory.repository import InventoryRepository
from produktlyft.kernel.access import Role
from produktlyft.kernel.context import ServiceContext
from produktlyft.review.services.run import review
from tests.review_fixtures import REFERENCE_DATE

Client = Callable[[Role], TestClient]
LONG = "ByggR – ärendehantering för bygglov, bygganmälan och tillsyn enligt plan- och bygglagen"
CUT_LABEL = re.compile(r"<text [^>]*><title>([^<]*)</title>([^<]*)…</text>")


def test_a_shortened_chart_label_keeps_its_full_name(
    as_role: Client, review_ctx: ServiceContext
) -> None:
    with review_ctx.database.unit_of_work() as uow:
        inventory = uow.repo(InventoryRepository)
        system = inventory.get("systems", "sys-bygglov-a")
        assert isinstance(system, System)
        renamed = system.model_copy(update={"name": LONG})
        inventory.update_checked("systems", renamed, system.row_version or 1)
    review(review_ctx, today=REFERENCE_DATE, lang="sv")
    page = unescape(as_role(Role.VIEWER).get("/review/duplicates").text)
    assert "…</text>" in page  # the chart shortens the long name to fit
    titled = [(full, cut) for full, cut in CUT_LABEL.findall(page) if LONG in full]
    assert titled, "the shortened label does not carry its full name"
    assert all(full.startswith(cut) for full, cut in titled)
    table = page[page.index("</svg>") :]
    assert re.search(rf"<t[dh][^>]*>[^<]*{re.escape(LONG)}", table)  # named in full beside it
