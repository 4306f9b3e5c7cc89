"""The interoperability area: the integration map, open standards and silo risk per system."""

from __future__ import annotations

from produktlyft.kernel.area import Area

AREA = Area(name="interop")
