"""A small inventory's features for the duplicate detector's unit tests: names, one sentence of
description each, optional integration partners, no capabilities or data objects (as an EA
export without mapping holds them)."""

from __future__ import annotations

from produktlyft.review.analysis.duplicates import SystemFeatures


def named_systems(
    names: list[str], descriptions: list[str], partners: list[list[str]] | None = None
) -> SystemFeatures:
    ids = [f"s{i}" for i in range(len(names))]
    return SystemFeatures(
        ids=ids,
        texts=[f"{n} {d}" for n, d in zip(names, descriptions, strict=True)],
        capabilities=[[] for _ in ids],
        data_objects=[[] for _ in ids],
        partners=partners if partners is not None else [[] for _ in ids],
        names=names,
        descriptions=descriptions,
        capability_names=[[] for _ in ids],
    )
