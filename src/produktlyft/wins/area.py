"""The wins area: short, approved stories of what got better, on a public page and feed."""

from __future__ import annotations

from produktlyft.kernel.area import Area

AREA = Area(name="wins")
