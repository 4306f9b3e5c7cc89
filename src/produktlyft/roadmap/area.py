"""The roadmap area: initiatives from the review, planned by team, budget and cost of delay."""

from __future__ import annotations

from produktlyft.kernel.area import Area

AREA = Area(name="roadmap")
