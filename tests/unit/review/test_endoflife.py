"""Matching technology components to the shipped endoflife.date snapshot."""

from __future__ import annotations

from datetime import date

import pytest

from produktlyft.review.analysis.endoflife import (
    EolMatcher,
    MatchStatus,
    ProductReleases,
    ReleaseCycle,
    find_cycle,
    lifecycle_risk,
    split_name_version,
    summarise,
)
from produktlyft.review.importers.endoflife import (
    SHIPPED,
    DirectoryReleaseSource,
    open_release_source,
)

TODAY = date(2026, 9, 1)


@pytest.fixture(scope="module")
def matcher() -> EolMatcher:
    return EolMatcher(open_release_source(None))


def test_shipped_snapshot_is_pinned_with_licence() -> None:
    source = DirectoryReleaseSource(SHIPPED)
    assert source.snapshot_date == date(2026, 8, 22)
    assert len(source.product_ids()) == 403
    assert "MIT License" in (SHIPPED / "LICENSE.txt").read_text()
    assert "f626bdef8bf9" in (SHIPPED / "SOURCES.md").read_text()


@pytest.mark.parametrize(
    ("name", "version", "product", "cycle", "passed"),
    [
        ("Python", "3.9.18", "python", "3.9", True),
        ("PostgreSQL 11", None, "postgresql", "11", True),  # version in the name
        ("Red Hat Enterprise Linux", "8.6", "rhel", "8", False),  # alias + version prefix
        ("Oracle Database", "19c", "oracle-database", "19", False),  # letter suffix
        ("Microsoft .NET Framework", "4.6.2", "dotnetfx", "4.6.2", False),  # longest prefix wins
        ("Spring Boot", "2.7.18", "spring-boot", "2.7", True),
        ("Apache Tomcat", "9.0.16", "tomcat", None, None),  # product known, no EOL dates
    ],
)
def test_matches_products_and_cycles(
    matcher: EolMatcher,
    name: str,
    version: str | None,
    product: str,
    cycle: str | None,
    passed: bool | None,
) -> None:
    match = matcher.match(name, version, TODAY)
    assert match.product == product
    assert (match.cycle.name if match.cycle else None) == cycle
    assert match.eol_passed is passed


def test_unmatched_components_stay_visible(matcher: EolMatcher) -> None:
    assert matcher.match("Windows Server", "2012 R2", TODAY).status is MatchStatus.UNMATCHED_PRODUCT
    assert matcher.match("Python", None, TODAY).status is MatchStatus.NO_VERSION
    assert matcher.match("Python", "1.5", TODAY).status is MatchStatus.UNMATCHED_CYCLE
    unknown = matcher.match("Kommunens egna", "1", TODAY)
    assert unknown.risk == 100.0  # no lifecycle data counts as risk, never as supported
    summary = summarise([matcher.match("Python", "3.9", TODAY), unknown])
    assert (summary.matched, summary.unmatched, summary.past_eol) == (1, 1, 1)


def test_months_to_eol_and_support(matcher: EolMatcher) -> None:
    rhel = matcher.match("RHEL", "8.10", TODAY)
    assert rhel.eol_date == date(2029, 5, 31)
    assert rhel.months_to_eol == pytest.approx(33.0, abs=0.2)
    assert rhel.months_to_eos is not None and rhel.months_to_eos < 0  # active support ended


def test_lifecycle_risk_follows_servicenow() -> None:
    far = ReleaseCycle("1", eol=date(2030, 1, 1))
    near = ReleaseCycle("1", eol=date(2026, 12, 1))
    support_only = ReleaseCycle("1", eol=date(2030, 1, 1), eoas=date(2026, 1, 1))
    assert lifecycle_risk(far, TODAY) == 0.0
    assert 0 < lifecycle_risk(near, TODAY) < 100
    assert lifecycle_risk(ReleaseCycle("1", eol=True), TODAY) == 100.0
    assert lifecycle_risk(None, TODAY) == 100.0
    assert lifecycle_risk(support_only, TODAY) == pytest.approx(60.0)  # support weighs less


def test_split_and_prefix_rules() -> None:
    assert split_name_version("Windows Server 2012 R2", None) == ("Windows Server", "2012 R2")
    product = ProductReleases("x", {"1": ReleaseCycle("1"), "1.1": ReleaseCycle("1.1")})
    assert find_cycle(product, "1.1.5") == ReleaseCycle("1.1")
    assert find_cycle(product, "1.10") == ReleaseCycle("1")  # "1.1" is no prefix of "1.10"
    assert find_cycle(product, "2") is None
