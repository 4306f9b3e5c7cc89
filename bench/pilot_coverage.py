"""Coverage of the pilot estimators' 95 % intervals on simulated panels with a known effect.

For the errors the evaluation uses (`ar1`: GLS with a REML estimate of ρ and a parametric
bootstrap-t quantile) and, beside it, the earlier GLSAR intervals and Newey–West: each
estimator's coverage with its Monte Carlo margin (±1.96·√(p(1−p)/n)), bias, mean interval width
and the ratio of the coverage to the goal (0.95). The last line sums up the evaluation's own:
`simulations=N did_coverage=x its_coverage=y did_ratio_to_goal=… its_ratio_to_goal=…`.
Run: PYTHONPATH=src python bench/pilot_coverage.py [simulations]
"""

from __future__ import annotations

import argparse
import time

from produktlyft.pilots.analysis.simulate import Coverage, Scenario, coverage

GOAL = 0.95
ERRORS = ("ar1", "glsar", "newey_west")  # the one the evaluation uses first


def _line(name: str, found: Coverage) -> str:
    return (
        f"{name}_coverage={found.coverage:.3f} {name}_mc_margin={found.margin:.3f} "
        f"{name}_bias={found.bias:+.4f} {name}_width={found.width:.3f} "
        f"{name}_ratio_to_goal={found.coverage / GOAL:.3f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "simulations", nargs="?", type=int, default=1000, help="how many panels (1000)"
    )
    simulations: int = parser.parse_args().simulations
    scenario = Scenario()
    print(
        f"scenario: periods={scenario.pre}+{scenario.post} rho={scenario.rho} "
        f"comparison_teams={scenario.comparison_teams} effect={scenario.effect} goal={GOAL}"
    )
    found: dict[str, tuple[Coverage, Coverage]] = {}
    for errors in ERRORS:
        started = time.perf_counter()
        found[errors] = coverage(simulations, scenario, errors=errors)
        seconds = time.perf_counter() - started
        did_cov, its_cov = found[errors]
        print(f"errors={errors} {_line('did', did_cov)} {_line('its', its_cov)} s={seconds:.1f}")
    did_cov, its_cov = found[ERRORS[0]]
    print(
        f"simulations={simulations} did_coverage={did_cov.coverage:.3f} "
        f"its_coverage={its_cov.coverage:.3f} "
        f"did_ratio_to_goal={did_cov.coverage / GOAL:.3f} "
        f"its_ratio_to_goal={its_cov.coverage / GOAL:.3f}"
    )


if __name__ == "__main__":
    main()
