"""produktlyft sets polars' allocator to hand memory back quickly, unless the operator chose."""

from __future__ import annotations

import os
import subprocess
import sys

OURS = "background_thread:true,dirty_decay_ms:100,muzzy_decay_ms:0"


def _setting_after_import(inherited: str | None) -> str:
    env = {key: value for key, value in os.environ.items() if key != "_RJEM_MALLOC_CONF"}
    if inherited is not None:
        env["_RJEM_MALLOC_CONF"] = inherited
    # polars appends the caller's setting to its own defaults; the last value of a key wins
    code = "import produktlyft, polars, os; print(os.environ['_RJEM_MALLOC_CONF'])"
    return subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    ).stdout.strip()


def test_ours_applies_when_nothing_or_only_polars_default_is_set() -> None:
    assert _setting_after_import(None).endswith("," + OURS)
    # a parent process that imported polars passes polars' own default down to its children
    assert _setting_after_import("dirty_decay_ms:500,muzzy_decay_ms:1000").endswith("," + OURS)


def test_an_operators_own_setting_wins() -> None:
    assert _setting_after_import("dirty_decay_ms:0").endswith(",dirty_decay_ms:0")
    assert OURS not in _setting_after_import("dirty_decay_ms:0")
