"""Country packs: the discount schedule, horizon, tax factor and optimism bias of one country's
appraisal guidance, as a small versioned data file (`business_case/data/packs/<id>.json`).

Loading validates every field and names the one that is wrong, so a user who edits a pack (or
adds one) gets "pack 'se', field 'discount_schedule[0].rate': a rate cannot be negative"
rather than a wrong answer.
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from produktlyft.kernel.errors import N_, InvalidInput, Issue, wording

PACKS = ("se", "dk", "uk")


class RateBand(BaseModel):
    """A real discount rate for the years from `from_year` to `to_year` (inclusive; None is
    open-ended). Year 0 is the first year of the appraisal."""

    model_config = ConfigDict(frozen=True)

    from_year: int = Field(ge=0)
    to_year: int | None = None
    rate: float


class CountryPack(BaseModel):
    model_config = ConfigDict(frozen=True)

    id: str
    name: dict[str, str]
    version: str
    date: str
    currency: str
    price_base_default: int
    horizon_years: int = Field(ge=1, le=100)
    discount_schedule: tuple[RateBand, ...]
    tax_factor: float
    tax_factor_note: str = ""
    optimism_bias: dict[str, float]
    optimism_bias_note: str = ""
    unverified: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()

    def label(self, lang: str) -> str:
        return self.name.get(lang) or self.name.get("en") or self.id

    def rate(self, year: int) -> float:
        """The rate that discounts from year `year - 1` to year `year`."""
        for band in self.discount_schedule:
            if band.from_year <= year and (band.to_year is None or year <= band.to_year):
                return band.rate
        return self.discount_schedule[-1].rate


def _issue(pack: str, field: str, message: str, **params: object) -> Issue:
    return Issue.worded(wording(message, **params), file=f"{pack}.json", column=field)


def check_pack(raw: dict[str, Any], pack_id: str) -> CountryPack:
    """A pack from its parsed JSON; InvalidInput naming the pack and the field when wrong."""
    issues: list[Issue] = []
    for index, band in enumerate(raw.get("discount_schedule") or []):
        rate = band.get("rate") if isinstance(band, dict) else None
        field = f"discount_schedule[{index}].rate"
        if not isinstance(rate, int | float):
            issues.append(_issue(pack_id, field, N_("a rate must be a number")))
        elif rate < 0:
            issues.append(
                _issue(pack_id, field, N_("a rate cannot be negative ({value})"), value=rate)
            )
    if not raw.get("discount_schedule"):
        issues.append(_issue(pack_id, "discount_schedule", N_("the pack has no discount rates")))
    tax = raw.get("tax_factor")
    if not isinstance(tax, int | float) or tax < 1:
        issues.append(_issue(pack_id, "tax_factor", N_("the tax factor must be at least 1")))
    for category, uplift in (raw.get("optimism_bias") or {}).items():
        if not isinstance(uplift, int | float) or uplift < 0:
            issues.append(
                _issue(
                    pack_id,
                    f"optimism_bias.{category}",
                    N_("an optimism bias uplift cannot be negative"),
                )
            )
    if issues:
        raise InvalidInput(issues)
    try:
        pack = CountryPack.model_validate(raw)
    except ValueError as error:
        raise InvalidInput([_issue(pack_id, "pack", N_("{error}"), error=error)]) from None
    _check_bands(pack)
    return pack


def _check_bands(pack: CountryPack) -> None:
    """The bands start at year 0 and follow each other without gaps."""
    expected = 0
    for index, band in enumerate(pack.discount_schedule):
        if band.from_year != expected:
            raise InvalidInput(
                [
                    _issue(
                        pack.id,
                        f"discount_schedule[{index}].from_year",
                        N_("the band should start at year {year}"),
                        year=expected,
                    )
                ]
            )
        if band.to_year is None:
            return
        expected = band.to_year + 1


def load_pack(pack_id: str) -> CountryPack:
    """A bundled pack by its id ("se", "dk", "uk"); an unknown id is named in the error."""
    wanted = pack_id.strip().casefold()
    if wanted not in PACKS:
        raise InvalidInput(
            [
                Issue.worded(
                    wording(
                        N_("unknown country pack '{pack}'; known packs: {known}"),
                        pack=pack_id,
                        known=", ".join(PACKS),
                    ),
                    column="country_pack",
                )
            ]
        )
    text = resources.files("produktlyft.business_case.data.packs").joinpath(f"{wanted}.json")
    return check_pack(json.loads(text.read_text(encoding="utf-8")), wanted)
