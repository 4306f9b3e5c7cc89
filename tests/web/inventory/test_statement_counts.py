"""The systems list and a system's page ask the database a fixed number of questions, however
many rows they show: an N+1 query (one more statement per row) cannot come back unnoticed.
Statements are counted, not timed (issue 15, 2b); the page cache is off so that every request
really reads."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import event

from produktlyft.kernel.access import Role
from produktlyft.kernel.db import Database
from produktlyft.kernel.settings import Settings
from tests.web.conftest import sign_in

# What the pages ask today: the data version, the count and one page of rows, the filter
# lists (list); the system, its relations each in one query, names of what it refers to,
# integrations, contracts, teams and history (detail). A little room above, none per row.
LIST_MOST = 8
DETAIL_MOST = 16


@pytest.fixture
def settings(web_database: Database, tmp_path: Path) -> Settings:
    return Settings(
        database_url=web_database.url,
        cookie_secure=False,
        data_dir=tmp_path / "data",
        secret_key="test-secret-key",
        page_cache_entries=0,
    )


@contextmanager
def counting(app: FastAPI) -> Iterator[list[str]]:
    statements: list[str] = []

    def count(*args: Any) -> None:
        statements.append(args[2])

    engine = app.state.web.database.engine
    event.listen(engine, "before_cursor_execute", count)
    try:
        yield statements
    finally:
        event.remove(engine, "before_cursor_execute", count)


def statements_for(client: TestClient, path: str) -> list[str]:
    client.get(path)  # once before, so that sign-in and first-use work are not counted
    with counting(client.app) as statements:  # type: ignore[arg-type]
        response = client.get(path)
    assert response.status_code == 200, path
    return statements


@pytest.fixture
def viewer(app: FastAPI) -> TestClient:
    return sign_in(TestClient(app, base_url="http://testserver"), Role.VIEWER.value)


def _system_ids(client: TestClient) -> list[str]:
    page = client.get("/systems").text
    return re.findall(r'<th scope="row"><a class="ds-link" href="/systems/([^"?]+)"', page)


def test_the_list_asks_the_same_few_questions_for_one_row_or_many(viewer: TestClient) -> None:
    ids = _system_ids(viewer)
    assert len(ids) >= 10
    many = statements_for(viewer, "/systems")
    one = statements_for(viewer, f"/systems?q={ids[0]}")
    filtered = statements_for(viewer, "/systems?missing=any&sort=cost&dir=desc")
    assert len(many) == len(one) == len(filtered), many
    assert len(many) <= LIST_MOST, many
    # one read: the data version once, for the rows, their count and the filters alike
    assert sum("data_versions" in statement for statement in many) == 1, many


def test_a_systems_page_asks_a_bounded_number_of_questions(viewer: TestClient) -> None:
    counts = {
        system_id: len(statements_for(viewer, f"/systems/{system_id}"))
        for system_id in _system_ids(viewer)
    }
    # systems with more capabilities, integrations and contracts ask no more than a few
    # queries that others skip for lack of anything to look up
    assert max(counts.values()) <= DETAIL_MOST, counts
    assert max(counts.values()) - min(counts.values()) <= 3, counts
