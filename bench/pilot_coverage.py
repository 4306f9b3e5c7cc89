"""Coverage of the pilot estimators' 95 % intervals on simulated panels with a known effect.

Prints `simulations=N did_coverage=x its_coverage=y` for the errors the evaluation uses (AR(1)
GLS), each coverage's ratio to the goal (0.95), and the same for Newey–West errors beside them.
Run: PYTHONPATH=src python bench/pilot_coverage.py [simulations]
"""

from __future__ import annotations

import argparse

from produktlyft.pilots.analysis.simulate import Scenario, coverage

GOAL = 0.95


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "simulations", nargs="?", type=int, default=1000, help="how many panels (1000)"
    )
    simulations: int = parser.parse_args().simulations
    scenario = Scenario()
    did_cov, its_cov = coverage(simulations, scenario)
    nw_did, nw_its = coverage(simulations, scenario, errors="newey_west")
    print(
        f"simulations={simulations} did_coverage={did_cov:.3f} its_coverage={its_cov:.3f} "
        f"did_ratio_to_goal={did_cov / GOAL:.3f} its_ratio_to_goal={its_cov / GOAL:.3f}"
    )
    print(
        f"newey_west: did_coverage={nw_did:.3f} its_coverage={nw_its:.3f} "
        f"(periods={scenario.pre}+{scenario.post}, rho={scenario.rho}, "
        f"comparison_teams={scenario.comparison_teams}, effect={scenario.effect})"
    )


if __name__ == "__main__":
    main()
