"""Two `analyse --json` answers compared field by field: numbers as floats with a tolerance
(engines sum in different orders), everything else exactly. Rows of a table are matched by
their text and whole-number fields, since rows tied on the sort key may come in either order;
any other list (a variant's activities) is compared in order."""

from __future__ import annotations

import math
from typing import Any

REL, ABS = 1e-9, 1e-6


def _key(row: dict[str, Any]) -> str:
    return repr(sorted((k, v) for k, v in row.items() if not isinstance(v, float)))


def assert_same(ours: Any, theirs: Any, where: str = "answer") -> None:
    if isinstance(ours, bool) or isinstance(theirs, bool):
        assert ours == theirs, f"{where}: {ours!r} != {theirs!r}"
    elif isinstance(ours, int | float) and isinstance(theirs, int | float):
        assert math.isclose(ours, theirs, rel_tol=REL, abs_tol=ABS), (
            f"{where}: {ours!r} != {theirs!r}"
        )
    elif isinstance(ours, dict) and isinstance(theirs, dict):
        assert set(ours) == set(theirs), f"{where}: keys {sorted(set(ours) ^ set(theirs))}"
        for key in ours:
            assert_same(ours[key], theirs[key], f"{where}.{key}")
    elif isinstance(ours, list) and isinstance(theirs, list):
        assert len(ours) == len(theirs), f"{where}: {len(ours)} rows != {len(theirs)}"
        if all(isinstance(row, dict) for row in ours + theirs):  # a table's rows
            ours, theirs = sorted(ours, key=_key), sorted(theirs, key=_key)
        for n, (a, b) in enumerate(zip(ours, theirs, strict=True)):
            assert_same(a, b, f"{where}[{n}]")
    else:
        assert ours == theirs, f"{where}: {ours!r} != {theirs!r}"
