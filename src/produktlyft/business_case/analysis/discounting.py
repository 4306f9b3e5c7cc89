"""Discount factors from a stepped schedule of real rates.

The Green Book (and the Danish guidance) step the rate down for later years, and the factors
compound across the bands: the factor for year t is the product over the years 1..t of
1 / (1 + r(year)), where r(year) is the rate of the band that year falls in. So year 31 in the
UK schedule is 1 / (1.035^30 × 1.03), never 1 / 1.03^31. Year 0 is not discounted.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

from produktlyft.business_case.analysis.packs import CountryPack


def yearly_rates(pack: CountryPack, years: int) -> NDArray[np.float64]:
    """The rate that applies to each year 0..years-1 (year 0's rate discounts nothing)."""
    return np.array([pack.rate(year) for year in range(years)], dtype=np.float64)


def discount_factors(pack: CountryPack, years: int) -> NDArray[np.float64]:
    """Factors for years 0..years-1: Π over k = 1..t of 1 / (1 + r(k))."""
    rates = yearly_rates(pack, years)
    steps = 1.0 / (1.0 + rates)
    steps[0] = 1.0
    factors: NDArray[np.float64] = np.cumprod(steps, dtype=np.float64)
    return factors
