"""Findings on the analysis page are worded for people (issue 16): a unit or person the log
records as missing ("EMPTY", "UNKNOWN", blank) reads as unknown, and the systems behind a
finding are named and linked, not shown as bare ids."""

from __future__ import annotations

import html
import re
from pathlib import Path

from fastapi.testclient import TestClient

from produktlyft.inventory.repository import InventoryRepository
from produktlyft.kernel.db import Database
from produktlyft.kernel.settings import Settings
from produktlyft.workflows.services.logs import ImportOptions, import_event_log, map_activity
from tests.conftest import make_context

LOG = """case;activity;timestamp;resource;unit
B-1;Ansökan inkommer;2024-03-01 09:00;anna;Bygglov
B-1;Beslut;2024-03-05 10:00;EMPTY;EMPTY
B-2;Ansökan inkommer;2024-03-03 09:00;anna;Bygglov
B-2;Beslut;2024-03-08 11:00;EMPTY;EMPTY
B-3;Ansökan inkommer;2024-03-04 09:00;bo;Bygglov
B-3;Beslut;2024-03-09 11:00;UNKNOWN;UNKNOWN
"""


def _stored_log(web_database: Database, settings: Settings, tmp_path: Path) -> str:
    """A log whose decisions are made by an unrecorded unit, its decision mapped to a system;
    returns that system's name."""
    ctx = make_context(web_database, data_dir=settings.data_dir)
    source = tmp_path / "arenden.csv"
    source.write_text(LOG, encoding="utf-8")
    import_event_log(ctx, source, ImportOptions(name="bygglov"))
    map_activity(ctx, "Beslut", "sys-00001")
    with web_database.reading() as uow:
        return uow.repo(InventoryRepository).systems(["sys-00001"])[0].name


def test_missing_units_read_as_unknown_and_systems_by_name(
    admin: TestClient, web_database: Database, settings: Settings, tmp_path: Path
) -> None:
    name = _stored_log(web_database, settings, tmp_path)
    swedish = html.unescape(admin.get("/workflows/logs/bygglov").text)
    assert "Bygglov till en okänd enhet" in swedish
    admin.get("/language/en")
    english = html.unescape(admin.get("/workflows/logs/bygglov").text)
    assert "from Bygglov to an unknown unit" in english
    for page, unknown in ((swedish, "okänd"), (english, "unknown")):
        assert "EMPTY" not in page and "UNKNOWN" not in page and "None" not in page
        assert f"<td>{unknown}</td>" in page  # the timelines' missing resource and unit
        assert f'<a class="ds-link" href="/systems/sys-00001">{name}</a>' in page
        assert "sys-00001." not in page and "sys-00001," not in page


def test_findings_are_worded_in_the_language_and_number_format_of_the_page(
    admin: TestClient, web_database: Database, settings: Settings, tmp_path: Path
) -> None:
    """A finding is a code with parameters, worded when the page is drawn: the same finding
    reads in Swedish on a Swedish page and in English on an English one, its share and days in
    that page's number format (Babel: a no-break space before the per cent sign)."""
    _stored_log(web_database, settings, tmp_path)
    swedish = html.unescape(admin.get("/workflows/logs/bygglov").text)
    admin.get("/language/en")
    english = html.unescape(admin.get("/workflows/logs/bygglov").text)
    admin.get("/language/sv")
    again = html.unescape(admin.get("/workflows/logs/bygglov").text)
    wait_en = re.compile(
        r"Between «Ansökan inkommer» and «Beslut», 100\u00a0% of cases wait more than a day, "
        r"a median of \d\.\d days"
    )
    wait_sv = re.compile(
        r"Mellan «Ansökan inkommer» och «Beslut» väntar 100\u00a0% av ärendena mer än en dag, "
        r"i median \d,\d dagar"
    )
    assert wait_en.search(english) and not wait_sv.search(english)
    assert wait_sv.search(swedish) and not wait_en.search(swedish)
    assert wait_sv.search(again)  # and back: nothing kept from the English reading
    for page, foreign in ((english, ("ärendena", "dagar", "väntar")), (swedish, ("of cases",))):
        assert not any(word in page for word in foreign)
