"""Answers kept per process until the data they were built from changes: one registry of named,
bounded caches, made by the composition root and reached through the service context.

Every inventory write gives the inventory a new data version in its own transaction, and
every read of a page first reads that version (one primary-key lookup). An answer is reused only
when it was built at the version the reader sees now, so a person who saves and reloads, in
whichever server process, sees the saved data, never a stale page. See decision record 0009.
Other caches are versioned the same way by what their answers depend on (a review run, a
stored event-log file); a cache whose answers never go stale uses one constant version.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import TypeVar

T = TypeVar("T")


class VersionedCache:
    """A bounded LRU of answers per database, emptied when that database's version moves."""

    def __init__(self, max_entries: int, *, one_builder: bool = False) -> None:
        self.max_entries = max_entries
        # one_builder: a build is expensive enough that concurrent readers wait for the first
        self._build_lock = threading.Lock() if one_builder else None
        self._entries: OrderedDict[tuple[str, Hashable], object] = OrderedDict()
        self._versions: dict[str, Hashable] = {}
        self._lock = threading.Lock()
        self.hits = 0
        self.misses = 0

    def get_or_build(
        self, database: str, version: Hashable, key: Hashable, build: Callable[[], T]
    ) -> T:
        if self._build_lock is None:
            return self._get_or_build(database, version, key, build)
        with self._build_lock:
            return self._get_or_build(database, version, key, build)

    def _get_or_build(
        self, database: str, version: Hashable, key: Hashable, build: Callable[[], T]
    ) -> T:
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


class CacheRegistry:
    """The process's caches by name, each bounded; `clear` empties them all (tests, restores)."""

    def __init__(self) -> None:
        self._caches: dict[str, VersionedCache] = {}
        self._lock = threading.Lock()

    def named(self, name: str, max_entries: int, *, one_builder: bool = False) -> VersionedCache:
        """The cache of this name, made with these bounds on first use."""
        with self._lock:
            cache = self._caches.get(name)
            if cache is None:
                cache = self._caches[name] = VersionedCache(max_entries, one_builder=one_builder)
            return cache

    def clear(self) -> None:
        with self._lock:
            caches = list(self._caches.values())
        for cache in caches:
            cache.clear()
