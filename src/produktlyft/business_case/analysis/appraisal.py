"""A case appraised whole: every option's economic case, and for the preferred option the
Monte Carlo, the switching values and the tornado."""

from __future__ import annotations

from dataclasses import dataclass

from produktlyft.business_case.analysis.economics import Appraisal, appraise
from produktlyft.business_case.analysis.packs import CountryPack, load_pack
from produktlyft.business_case.analysis.uncertainty import (
    Simulation,
    SwitchingValue,
    TornadoBar,
    build_model,
    simulate,
    switching_values,
    tornado,
)
from produktlyft.business_case.model import Case


@dataclass
class CaseAnalysis:
    case: Case
    pack: CountryPack
    appraisals: dict[str, Appraisal]  # option id -> its economic case
    preferred: Appraisal
    simulation: Simulation
    switching: list[SwitchingValue]
    tornado: list[TornadoBar]


def analyse(case: Case, *, draws: int | None = None) -> CaseAnalysis:
    pack = load_pack(case.country_pack)
    appraisals = {option.id: appraise(case, pack, option) for option in case.options}
    model = build_model(case, pack, case.option())
    return CaseAnalysis(
        case=case,
        pack=pack,
        appraisals=appraisals,
        preferred=appraisals[case.option().id],
        simulation=simulate(model, case.correlation, draws or case.draws, case.seed),
        switching=switching_values(model),
        tornado=tornado(model),
    )
