"""The business case area: the Five Case Model with discounting, optimism bias and Monte Carlo."""

from __future__ import annotations

from produktlyft.kernel.area import Area

AREA = Area(name="business_case")
