"""The pilots area: a pre-registered pilot and its credible evaluation."""

from __future__ import annotations

from produktlyft.kernel.area import Area

AREA = Area(name="pilots")
