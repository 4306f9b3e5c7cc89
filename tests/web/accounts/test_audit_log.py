"""The audit log is paged on the server and filtered, the filters kept in the URL."""

from __future__ import annotations

import re
from datetime import timedelta

from fastapi.testclient import TestClient

from produktlyft.inventory.change_log import ChangeLogRepository
from produktlyft.inventory.changes import Action, Change
from produktlyft.kernel.db import Database
from tests.conftest import make_context

SIGN_INS = 130  # more than two pages of 50


def _flood(database: Database) -> None:
    ctx = make_context(database)
    now = ctx.now()
    with database.unit_of_work() as uow:
        uow.repo(ChangeLogRepository).append(
            [
                Change(
                    at=now - timedelta(days=30) - timedelta(minutes=i),
                    actor=f"person{i % 3}",
                    entity="sessions",
                    entity_id=f"person{i % 3}",
                    action=Action.SIGN_IN,
                    source="10.0.0.1",
                )
                for i in range(SIGN_INS)
            ]
        )


def _rows(page: str) -> int:
    table = page.split("<tbody>", 1)[1].split("</tbody>", 1)[0] if "<tbody>" in page else ""
    return table.count("<tr>")


def test_the_audit_log_pages_through_many_sign_ins(
    admin: TestClient, web_database: Database
) -> None:
    _flood(web_database)
    first = admin.get("/admin/audit").text
    assert _rows(first) == 50
    assert re.search(r"Sidan 1 av [3-9]", first)
    assert 'href="?page=2"' in first
    third = admin.get("/admin/audit?page=3").text
    assert 0 < _rows(third) <= 50 and "Sidan 3 av" in third


def test_filters_hide_sign_ins_pick_a_person_and_days_and_stay_in_the_url(
    admin: TestClient, web_database: Database
) -> None:
    _flood(web_database)
    changes = admin.get("/admin/audit?kind=changes").text
    assert "loggade in" not in changes.split("<tbody>", 1)[-1]
    person = admin.get("/admin/audit?kind=sign_ins&actor=person1").text
    assert f"{SIGN_INS // 3 + 1} händelser" in person or f"{SIGN_INS // 3} händelser" in person
    assert 'value="person1"' in person and '<option value="sign_ins" selected' in person
    # a date range far in the past has nothing
    old = admin.get("/admin/audit?since=2000-01-01&until=2000-12-31").text
    assert "0 händelser" in old
    # paging keeps the filters
    many = admin.get("/admin/audit?kind=sign_ins").text
    assert 'href="?kind=sign_ins&amp;page=2"' in many
