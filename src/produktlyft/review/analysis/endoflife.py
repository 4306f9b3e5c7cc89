"""Match technology components to endoflife.date products and release cycles.

A component (a product name and a version as people write them in an inventory) is matched to a
product by its folded name, an alias, or the name with a vendor word dropped; then to the release
cycle whose name is the longest prefix of the version ("3.9.18" -> "3.9", "19c" -> "19").
Anything that does not match stays visible as unmatched: an unknown end of life is never read as
"supported".
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Protocol

# A milestone further away than this carries no lifecycle risk (ServiceNow's 18-month rule).
RISK_HORIZON_MONTHS = 18.0
# End of support weighs less than end of life in the lifecycle risk.
EOS_RISK_WEIGHT = 0.6

_VENDOR_WORDS = (
    "microsoft",
    "apache",
    "oracle",
    "ibm",
    "red hat",
    "redhat",
    "eclipse",
    "the",
    "atlassian",
    "elastic",
    "vmware",
    "google",
    "amazon",
    "aws",
)
_NUMERIC_PREFIX = re.compile(r"\d+(?:\.\d+)*")
_TRAILING_VERSION = re.compile(
    r"^(?P<name>.*?)[\s_-]+v?(?P<version>\d[\w.\-]*(?:\s+r\d+)?)$", re.IGNORECASE
)


def fold(text: str) -> str:
    """Lower case, punctuation to spaces, runs of space collapsed: how names are compared."""
    return " ".join(re.sub(r"[^0-9a-zåäöæøü+#]+", " ", text.casefold()).split())


def slug(text: str) -> str:
    return fold(text).replace(" ", "-")


# A milestone is a date, True (passed, date unknown), False (not planned) or None (no data).
Milestone = date | bool | None


@dataclass(frozen=True)
class ReleaseCycle:
    name: str
    release_date: date | None = None
    eol: Milestone = None
    eoas: Milestone = None  # end of active support
    eoes: Milestone = None  # end of extended support


@dataclass(frozen=True)
class ProductReleases:
    product: str
    cycles: Mapping[str, ReleaseCycle] = field(default_factory=dict)
    versions: Mapping[str, date] = field(default_factory=dict)  # version -> release date

    def latest_version(self) -> tuple[str, date] | None:
        if not self.versions:
            return None
        name = max(self.versions, key=lambda v: (self.versions[v], version_key(v)))
        return name, self.versions[name]


class ReleaseSource(Protocol):
    """Where release data comes from: the shipped snapshot or a refreshed copy."""

    snapshot_date: date
    aliases: Mapping[str, str]

    def product_ids(self) -> frozenset[str]: ...

    def product(self, product_id: str) -> ProductReleases | None: ...


class MatchStatus(StrEnum):
    MATCHED = "matched"  # product and cycle found, with dates
    NO_DATES = "no_dates"  # product found but the snapshot has no EOL dates
    UNMATCHED_CYCLE = "unmatched_cycle"  # product found, version fits no cycle
    UNMATCHED_PRODUCT = "unmatched_product"
    NO_VERSION = "no_version"  # product found, but the inventory gives no version


@dataclass(frozen=True)
class EolMatch:
    name: str
    version: str | None
    status: MatchStatus
    product: str | None = None
    cycle: ReleaseCycle | None = None
    months_to_eol: float | None = None
    months_to_eos: float | None = None
    eol_passed: bool | None = None
    risk: float = 100.0  # 0..100, ServiceNow's technology lifecycle risk

    @property
    def is_matched(self) -> bool:
        return self.status is MatchStatus.MATCHED

    @property
    def eol_date(self) -> date | None:
        return self.cycle.eol if self.cycle and isinstance(self.cycle.eol, date) else None

    @property
    def eos_date(self) -> date | None:
        if self.cycle is None:
            return None
        for milestone in (self.cycle.eoas, self.cycle.eoes):
            if isinstance(milestone, date):
                return milestone
        return None


def version_key(version: str) -> tuple[int, ...]:
    found = _NUMERIC_PREFIX.match(version)
    return tuple(int(p) for p in found.group().split(".")) if found else ()


def months_between(start: date, end: date) -> float:
    return (end - start).days / 30.4375


def _months_to(milestone: Milestone, today: date) -> float | None:
    if isinstance(milestone, bool) or milestone is None:
        return None
    return months_between(today, milestone)


def milestone_risk(milestone: Milestone, today: date) -> float | None:
    """100 when passed, 0 beyond the horizon, linear between; None when there is no data."""
    if milestone is True:
        return 100.0
    if milestone is False:
        return 0.0
    months = _months_to(milestone, today)
    if months is None:
        return None
    if months <= 0:
        return 100.0
    return max(0.0, 100.0 * (1.0 - months / RISK_HORIZON_MONTHS))


def lifecycle_risk(cycle: ReleaseCycle | None, today: date) -> float:
    """ServiceNow's rule: 100 without lifecycle data; end of life weighs more than support."""
    if cycle is None:
        return 100.0
    eol = milestone_risk(cycle.eol, today)
    eos = milestone_risk(cycle.eoas if cycle.eoas is not None else cycle.eoes, today)
    if eol is None and eos is None:
        return 100.0
    return max(eol or 0.0, EOS_RISK_WEIGHT * (eos or 0.0))


def split_name_version(name: str, version: str | None) -> tuple[str, str | None]:
    """'PostgreSQL 11' with no version becomes ('PostgreSQL', '11')."""
    if version and version.strip():
        return name.strip(), version.strip()
    found = _TRAILING_VERSION.match(name.strip())
    if found:
        return found.group("name").strip(), found.group("version").strip()
    return name.strip(), None


class EolMatcher:
    """Finds products and cycles; product lookups are cached across components."""

    def __init__(self, source: ReleaseSource) -> None:
        self.source = source
        self._products = source.product_ids()
        self._aliases = {
            fold(key): value for key, value in source.aliases.items() if not key.startswith("_")
        }

    def product_for(self, name: str) -> str | None:
        folded = fold(name)
        candidates = [folded]
        for word in _VENDOR_WORDS:
            if folded.startswith(word + " "):
                candidates.append(folded.removeprefix(word + " "))
        for candidate in candidates:
            if candidate in self._aliases and self._aliases[candidate] in self._products:
                return self._aliases[candidate]
            as_slug = candidate.replace(" ", "-")
            if as_slug in self._products:
                return as_slug
        return None

    def match(self, name: str, version: str | None, today: date) -> EolMatch:
        name, version = split_name_version(name, version)
        product_id = self.product_for(name)
        if product_id is None:
            return EolMatch(name, version, MatchStatus.UNMATCHED_PRODUCT)
        product = self.source.product(product_id)
        if product is None or not product.cycles:
            return EolMatch(name, version, MatchStatus.NO_DATES, product_id)
        if not version:
            return EolMatch(name, version, MatchStatus.NO_VERSION, product_id)
        cycle = find_cycle(product, version)
        if cycle is None:
            return EolMatch(name, version, MatchStatus.UNMATCHED_CYCLE, product_id)
        months_eol = _months_to(cycle.eol, today)
        passed: bool | None = None
        if cycle.eol is True or (months_eol is not None and months_eol <= 0):
            passed = True
        elif cycle.eol is False or months_eol is not None:
            passed = False
        eos = cycle.eoas if cycle.eoas is not None else cycle.eoes
        status = MatchStatus.MATCHED if passed is not None else MatchStatus.NO_DATES
        return EolMatch(
            name,
            version,
            status,
            product_id,
            cycle,
            months_eol,
            _months_to(eos, today),
            passed,
            lifecycle_risk(cycle, today),
        )


def find_cycle(product: ProductReleases, version: str) -> ReleaseCycle | None:
    """The cycle whose name is the longest prefix of the version at a component boundary."""
    wanted = version.strip().casefold()
    numeric = _NUMERIC_PREFIX.match(wanted)
    forms = {wanted} | ({numeric.group()} if numeric else set())
    best: ReleaseCycle | None = None
    for key, cycle in product.cycles.items():
        folded = key.casefold()
        if any(
            form == folded or form.startswith(folded + ".") or form.startswith(folded + "-")
            for form in forms
        ) and (best is None or len(folded) > len(best.name)):
            best = cycle
    return best


@dataclass(frozen=True)
class EolSummary:
    """Figures over a set of components, for the method appendix and the CLI."""

    components: int
    matched: int
    no_dates: int
    unmatched: int
    past_eol: int


def summarise(matches: list[EolMatch]) -> EolSummary:
    return EolSummary(
        components=len(matches),
        matched=sum(m.is_matched for m in matches),
        no_dates=sum(m.status is MatchStatus.NO_DATES for m in matches),
        unmatched=sum(
            m.status
            in (MatchStatus.UNMATCHED_PRODUCT, MatchStatus.UNMATCHED_CYCLE, MatchStatus.NO_VERSION)
            for m in matches
        ),
        past_eol=sum(bool(m.eol_passed) for m in matches),
    )
