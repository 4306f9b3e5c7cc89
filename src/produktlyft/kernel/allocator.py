"""How polars' allocator hands memory back.

polars allocates through its own jemalloc, which by default keeps freed memory for half a
second or more before handing it back. An event-log import frees and reallocates large
column buffers in quick succession, so that retained memory became a third of its peak (10.1M
events from CSV: about 1,100 MiB instead of about 780). Handing back what has been free for
100 ms, from a background thread, keeps the speed and lowers the peak. jemalloc reads this
once, when polars first loads, so every entry point (the `produktlyft` command, `python -m
produktlyft`, the web server's factory) calls `tune_allocator` before anything imports
polars. A setting of the operator's own wins; polars' default, inherited from a parent process
that imported polars, does not count as one.
"""

from __future__ import annotations

import os

_JEMALLOC = "_RJEM_MALLOC_CONF"
_POLARS_DEFAULT = "dirty_decay_ms:500,muzzy_decay_ms:1000"  # what polars sets when unset
OURS = "background_thread:true,dirty_decay_ms:100,muzzy_decay_ms:0"


def tune_allocator() -> None:
    """Ask jemalloc to hand memory back quickly, unless the operator chose otherwise."""
    if os.environ.get(_JEMALLOC, "") in ("", _POLARS_DEFAULT):
        os.environ[_JEMALLOC] = OURS
