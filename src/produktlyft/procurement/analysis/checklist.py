"""Every rule on every slice of a file: the checklist per slice and its route."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from produktlyft.procurement.analysis.checks import check_duration, check_value
from produktlyft.procurement.analysis.shape import check_exit, check_shape
from produktlyft.procurement.analysis.sourcing import (
    check_code,
    check_concentration,
    check_interfaces,
    check_route,
    check_systems,
    recommend_route,
)
from produktlyft.procurement.model import RulePack, Slice, SliceCheck, SystemOpenness


def check_slices(
    slices: Sequence[Slice],
    pack: RulePack,
    systems: Mapping[str, SystemOpenness] | None = None,
) -> list[SliceCheck]:
    """The checklist of each slice, judged together with the others (needs are summed and
    supplier shares are taken across all of them); `systems` is what the interoperability
    check found for the systems slices cover, by id, where it is known."""
    found = systems or {}
    return [
        SliceCheck(
            slice=s,
            checks=[
                *check_duration(s, pack),
                *check_value(s, slices, pack),
                *check_shape(s, pack),
                *check_exit(s, pack),
                *check_code(s, pack),
                *check_interfaces(s, pack),
                *check_systems(s, pack, found),
                *check_concentration(s, slices, pack),
                *check_route(s, slices, pack),
            ],
            route=recommend_route(s, slices, pack),
        )
        for s in slices
    ]
