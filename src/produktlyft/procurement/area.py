"""The procurement area: contract slices checked against the rules, routes and forecasts."""

from __future__ import annotations

from produktlyft.kernel.area import Area

AREA = Area(name="procurement")
