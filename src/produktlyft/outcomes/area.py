"""The outcomes area: delivery (DORA) and service metrics, key results and benefits over time."""

from __future__ import annotations

from produktlyft.kernel.area import Area

AREA = Area(name="outcomes")
