"""Checking that a pooled PostgreSQL connection is still alive, only when it may not be.

SQLAlchemy's `pool_pre_ping` asks the server before every checkout: a round trip per service
call, a tenth of a busy server's time on the list pages (measured under load, issue 15). A
connection that was used a moment ago is alive unless the server went away in that moment, and
SQLAlchemy then invalidates the whole pool on the first disconnect error anyway. So only a
connection that sat idle longer than `IDLE_SECONDS` is pinged, which still covers what the ping
is for: a database restarted, or a firewall that dropped idle connections, while the server
was quiet.
"""

from __future__ import annotations

import time
from typing import Any

from sqlalchemy import Engine, event
from sqlalchemy.exc import DisconnectionError

IDLE_SECONDS = 10.0
_RETURNED = "produktlyft_returned_at"


def ping_idle_connections(engine: Engine, idle_seconds: float = IDLE_SECONDS) -> None:
    @event.listens_for(engine, "checkin")
    def returned(_dbapi_connection: Any, record: Any) -> None:
        record.info[_RETURNED] = time.monotonic()

    @event.listens_for(engine, "checkout")
    def taken(dbapi_connection: Any, record: Any, _proxy: Any) -> None:
        returned_at = record.info.get(_RETURNED)
        if returned_at is None or time.monotonic() - returned_at < idle_seconds:
            return  # new, or used a moment ago
        try:
            cursor = dbapi_connection.cursor()
            cursor.execute("SELECT 1")
            cursor.close()
            dbapi_connection.rollback()  # leave no transaction open from the ping
        except Exception as error:  # any failure means: use a new connection
            # the pool discards this connection and checks out another (up to three times)
            raise DisconnectionError(str(error)) from error
