"""Whose address a request comes from: X-Forwarded-For counts only from the proxies named in
PRODUKTLYFT_TRUSTED_PROXIES, so nobody, not even on the server's own host, escapes the
per-address login limit by sending the header. And a failed sign-in under a name no account has
is recorded as "unknown", so a password typed in the name field stays out of the audit log."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import uvicorn
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import select
from typer.testing import CliRunner

from produktlyft.accounts.tables import login_failures
from produktlyft.bootstrap import cli_app, web_app
from produktlyft.inventory.tables import change_log
from produktlyft.kernel.cli.state import STATE
from produktlyft.kernel.db import Database
from produktlyft.kernel.settings import Settings
from tests.conftest import make_context
from tests.web.conftest import PASSWORD, csrf_of

SERVER_OPTIONS = ("proxy_headers", "forwarded_allow_ips")


def _serve_options(
    monkeypatch: pytest.MonkeyPatch, database: Database, tmp_path: Path, **settings: object
) -> dict[str, Any]:
    """The options `produktlyft serve` starts uvicorn with (uvicorn itself is not started)."""
    captured: dict[str, Any] = {}
    monkeypatch.setattr(uvicorn, "run", lambda target, **options: captured.update(options))
    # serve sets these for its worker processes; set here, they are restored after the test
    monkeypatch.setenv("PRODUKTLYFT_DATABASE_URL", database.url)
    monkeypatch.setenv("PRODUKTLYFT_COOKIE_SECURE", "false")
    monkeypatch.setattr(
        STATE, "_context", make_context(database, data_dir=tmp_path / "d", **settings)
    )
    result = CliRunner().invoke(cli_app(), ["serve", "--no-migrate"])
    assert result.exit_code == 0, result.output
    return {name: captured.get(name) for name in SERVER_OPTIONS}


def _as_served(app: FastAPI, options: dict[str, Any], peer: str) -> TestClient:
    """A client reaching `app` from `peer` through uvicorn's handling of proxy headers."""
    config = uvicorn.Config(app, **{k: v for k, v in options.items() if v is not None})
    config.load()
    return TestClient(config.loaded_app, base_url="http://testserver", client=(peer, 50000))


def _fail(client: TestClient, name: str, forwarded_for: str) -> int:
    return client.post(
        "/login",
        data={"name": name, "password": "not it", "csrf_token": csrf_of(client)},
        headers={"X-Forwarded-For": forwarded_for},
        follow_redirects=False,
    ).status_code


def test_forwarded_for_from_loopback_does_not_escape_the_address_limit(
    web_database: Database, settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    options = _serve_options(monkeypatch, web_database, tmp_path)
    client = _as_served(web_app(settings), options, "127.0.0.1")
    for attempt in range(5):
        assert _fail(client, f"nobody-{attempt}", f"203.0.113.{attempt}") == 400
    assert _fail(client, "nobody-5", "203.0.113.99") == 429
    assert options == {"proxy_headers": False, "forwarded_allow_ips": None}  # none unless named


def test_forwarded_for_counts_from_a_named_proxy(
    web_database: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    options = _serve_options(monkeypatch, web_database, tmp_path, trusted_proxies=["10.0.0.7"])
    assert options == {"proxy_headers": True, "forwarded_allow_ips": "10.0.0.7"}
    settings = Settings(
        database_url=web_database.url, data_dir=tmp_path / "d", secret_key="k", cookie_secure=False
    )
    proxied = _as_served(web_app(settings), options, "10.0.0.7")
    for attempt in range(6):  # six people behind the proxy, one attempt each
        assert _fail(proxied, f"nobody-{attempt}", f"203.0.113.{attempt}") == 400
    with web_database.reading() as uow:
        keys = set(uow.connection.scalars(select(login_failures.c.key)))
    assert "addr:203.0.113.5" in keys and "addr:10.0.0.7" not in keys
    # the same header from anywhere else is not believed
    direct = _as_served(web_app(settings), options, "127.0.0.1")
    for attempt in range(5):
        assert _fail(direct, f"other-{attempt}", f"198.51.100.{attempt}") == 400
    assert _fail(direct, "other-5", "198.51.100.9") == 429


def test_trusted_proxies_are_read_as_a_list(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PRODUKTLYFT_TRUSTED_PROXIES", "10.0.0.7, 10.0.1.0/24")
    assert Settings().trusted_proxies == ["10.0.0.7", "10.0.1.0/24"]
    monkeypatch.setenv("PRODUKTLYFT_TRUSTED_PROXIES", "")
    assert Settings().trusted_proxies == []


def test_a_name_no_account_has_is_recorded_as_unknown(app: FastAPI, web_database: Database) -> None:
    client = TestClient(app)
    typed = "Hemligt-lösenord-i-fel-fält"
    assert _fail(client, typed, "") == 400
    assert _fail(client, "viewer", "") == 400  # a real name is kept: the account was tried
    with web_database.reading() as uow:
        events = list(
            uow.connection.execute(
                select(change_log.c.actor, change_log.c.entity_id).where(
                    change_log.c.action == "sign_in_failed"
                )
            )
        )
        keys = list(uow.connection.scalars(select(login_failures.c.key)))
    assert [tuple(event) for event in events] == [("unknown", "unknown"), ("viewer", "viewer")]
    assert not any(typed.casefold() in key.casefold() for key in keys)
    # the limit per address still counts the failures under unknown names
    for _ in range(3):
        assert _fail(client, typed, "") == 400
    response = client.post(
        "/login", data={"name": typed, "password": PASSWORD, "csrf_token": csrf_of(client)}
    )
    assert response.status_code == 429
