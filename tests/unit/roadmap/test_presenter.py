"""Every reason and conflict code the solver can give, and every cost-of-delay basis the
propose rules write, is worded in Swedish and English (never shown as a bare code)."""

from __future__ import annotations

import pytest

from produktlyft.roadmap.analysis import schedule
from produktlyft.roadmap.presenter import BASES, basis_text, conflict_text, reason_text

PARAMS = {
    "week": "3",
    "predecessor": "a",
    "lag_weeks": "1",
    "team": "t1",
    "busy_with": "a, b",
    "year": "2027",
    "deadline_week": "9",
    "behind": "a",
    "rank": "3",
    "of": "7",
    "first_week": "13",
    "end_week": "26",
    "cycle": "a → b → a",
    "job": "a",
    "teams": "t1, t2",
    "release_week": "2",
    "duration": "4",
    "earliest_finish": "12",
    "chain": "a → b",
    "cost_sek": "5000000",
    "jobs": "a, b",
    "years": "2027",
    "horizon_weeks": "520",
    "time_limit_s": "10",
}
NAMES = {"a": "Initiative A", "b": "Initiative B"}


def team_name(key: str) -> str:
    return {"t1": "Team Ett"}.get(key, key)


@pytest.mark.parametrize("lang", ["sv", "en"])
@pytest.mark.parametrize("code", schedule.REASON_CODES)
def test_every_reason_is_worded_with_names(code: str, lang: str) -> None:
    text = reason_text(code, PARAMS, lang, lambda k: NAMES.get(k, k), team_name)
    assert text != code and "?" not in text and "{" not in text
    if code in {"waits_for_team", "ordered_by_cost_of_delay"}:
        assert "Team Ett" in text and "Initiative A" in text


@pytest.mark.parametrize("lang", ["sv", "en"])
@pytest.mark.parametrize("code", schedule.CONFLICT_CODES)
def test_every_conflict_is_worded(code: str, lang: str) -> None:
    text = conflict_text(code, PARAMS, lang, lambda k: NAMES.get(k, k))
    assert text != code and "?" not in text and "{" not in text


def test_the_basis_reads_in_both_languages() -> None:
    basis = {
        "code": "citizen_waiting",
        "parts": ",".join(sorted(set(BASES) - {"none"})),
        "component": "Java 8",
        "unsupported_share": "0.25",
        "systems": "2",
        "citizen_days_per_year": "520",
        "citizen_day_sek": "1000",
        "risk_share": "0.1",
        "criticality": "critical_to_society",
        "citizen_waiting_per_year": "520000",
    }
    swedish = basis_text(basis, "sv")
    assert "medborgare väntar 520 dagar om året" in swedish and "samhällskritisk" in swedish
    assert "520\u00a0000\u00a0kr/år" in swedish
    assert "citizens wait 520 days a year" in basis_text(basis, "en")
    assert basis_text({}, "sv") == "satt för hand"
