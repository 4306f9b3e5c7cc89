"""The survey instruments, versioned: look them up by code (and version)."""

from __future__ import annotations

from produktlyft.kernel.errors import NotFound
from produktlyft.surveys.instruments.competence import COMPETENCE
from produktlyft.surveys.instruments.model import (
    PRELIMINARY,
    SKIP,
    AnswerScale,
    Instrument,
    Item,
    Remedy,
    Scale,
    Text,
)
from produktlyft.surveys.instruments.psych_safety import PSYCH_SAFETY
from produktlyft.surveys.instruments.readiness import READINESS, Challenge, challenge_of
from produktlyft.surveys.instruments.service_standard import SERVICE_STANDARD
from produktlyft.surveys.instruments.wellbeing import WELLBEING
from produktlyft.surveys.instruments.westrum import WESTRUM

# Every version ever published stays here, so old rounds keep their wording.
ALL_VERSIONS: tuple[Instrument, ...] = (
    WESTRUM,
    PSYCH_SAFETY,
    WELLBEING,
    READINESS,
    SERVICE_STANDARD,
    COMPETENCE,
)
_BY_KEY = {(i.code, i.version): i for i in ALL_VERSIONS}
CURRENT: dict[str, Instrument] = {i.code: i for i in ALL_VERSIONS}  # the last listed wins


def instrument(code: str, version: str | None = None) -> Instrument:
    """The instrument with this code, at this version or the current one."""
    if version is None:
        if code not in CURRENT:
            raise NotFound(f"no instrument '{code}'; choose from {', '.join(CURRENT)}")
        return CURRENT[code]
    try:
        return _BY_KEY[(code, version)]
    except KeyError:
        raise NotFound(f"no instrument '{code}' version '{version}'") from None


__all__ = [
    "ALL_VERSIONS",
    "COMPETENCE",
    "CURRENT",
    "PRELIMINARY",
    "PSYCH_SAFETY",
    "READINESS",
    "SERVICE_STANDARD",
    "SKIP",
    "WELLBEING",
    "WESTRUM",
    "AnswerScale",
    "Challenge",
    "Instrument",
    "Item",
    "Remedy",
    "Scale",
    "Text",
    "challenge_of",
    "instrument",
]
