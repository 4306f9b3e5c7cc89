"""The engine's JSON writer (kernel.db.json_text) writes what json.dumps wrote, read back the
same, and takes pydantic records inside a value as their JSON dump."""

from __future__ import annotations

import json
import math
from datetime import date

from pydantic import BaseModel, Field

from produktlyft.kernel.db.database import json_text


class _Item(BaseModel):
    fact: str
    detail: str | None = Field(default=None, exclude_if=lambda v: v is None)
    when: date | None = None


def test_plain_values_read_back_as_json_dumps_wrote_them() -> None:
    value = {"namn": "Lönesystem – å", "n": [1, 2.5, None, True], "tom": {}, "1": "key"}
    assert json.loads(json_text(value)) == json.loads(json.dumps(value)) == value
    assert "å" in json_text(value)  # UTF-8, not escapes
    assert math.isnan(json.loads(json_text({"x": float("nan")}))["x"])  # as json.dumps did


def test_records_inside_a_value_are_written_as_their_json_dump() -> None:
    items = [_Item(fact="eol", when=date(2026, 12, 7)), _Item(fact="cost", detail="avtal")]
    assert json.loads(json_text(items)) == [i.model_dump(mode="json") for i in items]
    assert json.loads(json_text(items))[0] == {"fact": "eol", "when": "2026-12-07"}
