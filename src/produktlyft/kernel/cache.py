"""Answers to read-only inventory questions, kept per server process until the data changes.

Every inventory write gives the inventory a new data version in its own transaction, and
every read here first reads that version (one primary-key lookup). An answer is reused only
when it was built at the version the reader sees now, so a person who saves and reloads, in
whichever server process, sees the saved data, never a stale page. See decision record 0009.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import TypeVar

from produktlyft.kernel.settings import Settings

T = TypeVar("T")


class VersionedCache:
    """A bounded LRU of answers per database, emptied when that database's version moves."""

    def __init__(self, max_entries: int) -> None:
        self.max_entries = max_entries
        self._entries: OrderedDict[tuple[str, Hashable], object] = OrderedDict()
        self._versions: dict[str, int] = {}
        self._lock = threading.Lock()
        self.hits = 0
        self.misses = 0

    def get_or_build(self, database: str, version: int, key: Hashable, build: Callable[[], T]) -> T:
        entry = (database, key)
        with self._lock:
            if self._versions.get(database) != version:
                # the data changed (or the database was restored or recreated): start afresh
                self._forget(database)
                self._versions[database] = version
            if self.max_entries > 0 and entry in self._entries:
                self._entries.move_to_end(entry)
                self.hits += 1
                return self._entries[entry]  # type: ignore[return-value]
            self.misses += 1
        answer = build()  # outside the lock: other pages go on being served meanwhile
        if self.max_entries > 0:
            with self._lock:  # stored only if no other version was seen meanwhile
                if self._versions.get(database) == version:
                    self._entries[entry] = answer
                    while len(self._entries) > self.max_entries:
                        self._entries.popitem(last=False)
        return answer

    def _forget(self, database: str) -> None:
        for entry in [entry for entry in self._entries if entry[0] == database]:
            del self._entries[entry]

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()
            self._versions.clear()


# the web app sizes it from its settings (configure); the CLI keeps the default
inventory_pages = VersionedCache(Settings.model_fields["page_cache_entries"].default)


def configure(settings: Settings) -> None:
    inventory_pages.max_entries = settings.page_cache_entries


def forget_cached_pages() -> None:
    inventory_pages.clear()
