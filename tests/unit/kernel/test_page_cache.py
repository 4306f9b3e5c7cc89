"""The versioned page cache: reuse within a version, nothing carried across versions."""

from __future__ import annotations

from produktlyft.kernel.cache import VersionedCache


def _builder(calls: list[str], answer: str):  # type: ignore[no-untyped-def]
    def build() -> str:
        calls.append(answer)
        return answer

    return build


def test_reuses_an_answer_only_at_the_same_version() -> None:
    cache, calls = VersionedCache(10), []
    assert cache.get_or_build("db", 7, "page1", _builder(calls, "a")) == "a"
    assert cache.get_or_build("db", 7, "page1", _builder(calls, "b")) == "a"
    assert cache.get_or_build("db", 8, "page1", _builder(calls, "c")) == "c"
    # a version seen before is not trusted again: the database may have been restored
    assert cache.get_or_build("db", 7, "page1", _builder(calls, "d")) == "d"
    assert calls == ["a", "c", "d"]
    assert (cache.hits, cache.misses) == (1, 3)


def test_databases_are_kept_apart() -> None:
    cache, calls = VersionedCache(10), []
    cache.get_or_build("one", 1, "k", _builder(calls, "one"))
    assert cache.get_or_build("two", 1, "k", _builder(calls, "two")) == "two"
    cache.get_or_build("two", 2, "k", _builder(calls, "two again"))
    assert cache.get_or_build("one", 1, "k", _builder(calls, "x")) == "one"


def test_least_recently_used_goes_first_and_zero_turns_it_off() -> None:
    cache, calls = VersionedCache(2), []
    for key in ("a", "b"):
        cache.get_or_build("db", 1, key, _builder(calls, key))
    cache.get_or_build("db", 1, "a", _builder(calls, "?"))  # a is now the most recent
    cache.get_or_build("db", 1, "c", _builder(calls, "c"))  # so b goes
    assert cache.get_or_build("db", 1, "a", _builder(calls, "a2")) == "a"
    assert cache.get_or_build("db", 1, "b", _builder(calls, "b2")) == "b2"
    off = VersionedCache(0)
    off.get_or_build("db", 1, "k", _builder(calls, "1"))
    assert off.get_or_build("db", 1, "k", _builder(calls, "2")) == "2"


def test_an_answer_built_while_the_version_moved_is_not_kept() -> None:
    cache, calls = VersionedCache(10), []

    def slow() -> str:
        cache.get_or_build("db", 2, "other", _builder(calls, "newer"))  # a write landed
        return "older"

    assert cache.get_or_build("db", 1, "k", slow) == "older"
    assert cache.get_or_build("db", 2, "k", _builder(calls, "fresh")) == "fresh"
