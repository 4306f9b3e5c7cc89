"""Where each system comes from: the unit that owns it, or the former organisation or office its
description names. After a merger each former organisation brought its own system of a
function, and after years of departmental buying each department its own; two systems of one
function from different origins are the twins the review looks for, while one organisation
rarely keeps two of a function without a reason. Pure.

An origin named in descriptions is found without a list of names: a capitalised word inside a
sentence ("... för Mellbys medarbetare", "... at Västby hospital") that recurs across a share
of the inventory's descriptions, neither rare (a product named once) nor everywhere."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

import numpy as np
import scipy.sparse as sp

# a word of three letters or more that does not open a sentence (nor follow a colon or a
# dash), in any alphabet's letters ("Sørlia", "Højmark", "Ærøskøbing"): a place is the ones
# among them capitalised and otherwise in lower case (`_is_place`)
_INNER_WORD = re.compile(r"(?<![.:!?–-]\s)(?<!^)\b([^\W\d_]{3,})\b")
MIN_HOLDERS = 3  # an origin is named in at least this many descriptions
MIN_SHARE = 0.04  # and at least this share of them
MAX_SHARE = 0.5  # a word in more than half of them names the whole organisation


def _is_place(word: str) -> bool:
    return word[0].isupper() and word[1:].islower()


def _named(description: str) -> set[str]:
    found = set()
    for word in filter(_is_place, _INNER_WORD.findall(description)):
        # "Mellbys" and "Mellby" are one origin (the Swedish genitive)
        found.add(word[:-1] if word.endswith("s") and len(word) > 4 else word)
    return found


def system_origins(
    descriptions: Sequence[str], owners: Sequence[str] | None = None
) -> list[frozenset[str]]:
    """Per system the origins it is known by: "unit:<id>" of its owning unit where the
    inventory has one, and the recurring places its description names."""
    named = [_named(d) for d in descriptions]
    holders = Counter(word for words in named for word in words)
    low = max(MIN_HOLDERS, MIN_SHARE * len(descriptions))
    high = MAX_SHARE * len(descriptions)
    places = {word for word, count in holders.items() if low <= count <= high}
    owned = list(owners) if owners is not None else [""] * len(descriptions)
    return [
        frozenset(words & places) | ({f"unit:{owner}"} if owner else frozenset())
        for words, owner in zip(named, owned, strict=True)
    ]


def origins_apart(origins: sp.csr_matrix, pairs: np.ndarray) -> np.ndarray:
    """Per pair, 1 where both origins are known and share nothing: two former organisations'
    or two departments' systems. (Known and the same was tried as evidence against and not
    kept: a region's hospital keeps a home-grown list beside its product, ADR 0023.)"""
    if origins.shape[0] == 0 or len(pairs) == 0:
        return np.zeros(len(pairs))
    size = np.diff(origins.indptr)
    known = (size[pairs[:, 0]] > 0) & (size[pairs[:, 1]] > 0)
    shared = np.asarray(origins[pairs[:, 0]].multiply(origins[pairs[:, 1]]).sum(axis=1)).ravel()
    apart: np.ndarray = (known & (shared == 0)).astype(float)
    return apart


def apart_origins(names: Sequence[frozenset[str]], i: int, j: int) -> tuple[str, ...]:
    """An origin of each of two systems from different origins (the first by name), for the
    pair's reason."""
    if i >= len(names) or j >= len(names) or not names[i] or not names[j]:
        return ()
    return (min(names[i]), min(names[j]))
