"""The demo's change programme, loaded after its review: delivery and service outcomes, the
pilot and its evaluation, the roadmap proposed and planned from the review, a business case for
its top initiative (two of its initiatives stating what their target does to open interfaces),
contract slices for its first phase, and the wins drafted from what got
better. Each area's own loader does its part and is idempotent, so running this twice adds
nothing."""

from __future__ import annotations

from dataclasses import dataclass

from produktlyft.business_case.service import load_demo_business_case
from produktlyft.demo.interfaces import DemoInterfaces, load_demo_interfaces
from produktlyft.kernel.access import Permission
from produktlyft.kernel.context import ServiceContext
from produktlyft.outcomes.service import load_demo_outcomes
from produktlyft.outcomes.service.demo import DemoOutcomes
from produktlyft.pilots.service import DemoPilots, load_demo_pilots
from produktlyft.procurement.service import DemoProcurement, load_demo_procurement
from produktlyft.roadmap.service import DemoRoadmap, load_demo_roadmap
from produktlyft.wins.service import DemoWins, load_demo_wins


@dataclass
class DemoProgramme:
    outcomes: DemoOutcomes
    pilots: DemoPilots
    roadmap: DemoRoadmap
    interfaces: DemoInterfaces
    case_id: str | None
    procurement: DemoProcurement
    wins: DemoWins


def load_demo_programme(ctx: ServiceContext, seed: int) -> DemoProgramme:
    """Everything that builds on the loaded demo and its latest review, in dependency order."""
    ctx.actor.require(Permission.IMPORT)
    outcomes = load_demo_outcomes(ctx, seed)
    pilots = load_demo_pilots(ctx, outcomes)  # on what outcomes measured
    roadmap = load_demo_roadmap(ctx)
    interfaces = load_demo_interfaces(ctx)  # one silo warning, one improvement
    case = load_demo_business_case(ctx)
    procurement = load_demo_procurement(ctx)
    wins = load_demo_wins(ctx)
    return DemoProgramme(
        outcomes, pilots, roadmap, interfaces, case.id if case else None, procurement, wins
    )
