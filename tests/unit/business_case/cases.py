"""Small cases the unit tests share."""

from __future__ import annotations

from produktlyft.business_case.model import (
    Case,
    Distribution,
    Line,
    LineKind,
    Option,
    OptionKind,
    Range,
)


def green_book_case(pack: str = "uk", **changes: object) -> Case:
    """A cost of 100 in year 0 and a benefit of 30 a year in years 1–5, no uplifts."""
    option = Option(
        id="build",
        name="Build",
        lines=(
            Line(
                id="dev",
                kind=LineKind.COST,
                name="Build",
                category="development",
                amounts=(100.0,),
                range=Range(low=0.9, mode=1.0, high=1.5),
                group="delivery",
            ),
            Line(
                id="saving",
                kind=LineKind.BENEFIT,
                name="Saving",
                category="cash_releasing",
                amounts=(0.0, 30.0, 30.0, 30.0, 30.0, 30.0),
                range=Range(low=0.6, mode=1.0, high=1.1, distribution=Distribution.PERT),
                slips=True,
            ),
        ),
    )
    fields: dict[str, object] = {
        "id": "c1",
        "name": "Case",
        "subject_id": "i1",
        "country_pack": pack,
        "price_base_year": 2026,
        "horizon_years": 6,
        "optimism_bias": {"development": 0.0},
        "delay": Range(low=0.0, mode=0.0, high=2.0),
        "options": (Option(id="bau", name="BAU", kind=OptionKind.BUSINESS_AS_USUAL), option),
        "preferred_option": "build",
    }
    fields.update(changes)
    return Case.model_validate(fields)
