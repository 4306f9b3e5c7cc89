"""No new silos in the demo: after the roadmap is proposed, two of its initiatives state what
their target does to open interfaces, chosen from the demo's own integration map so that the
silo check has one improvement and one warning to show.

- The replacement or migration that touches the system with the highest silo risk (at least
  the check's threshold) is procured with open interfaces: `improves`, naming OpenAPI and an
  exit format. The silo check counts it as reducing silo risk.
- Of the others that replace, migrate, consolidate or upgrade a system, the one whose system
  most other systems reach over open interfaces today is to move to a product that offers only
  the vendor's own file transfer: `drops`. The silo check warns that the plan creates a silo.

Both are chosen by what the check finds, never by id, and setting them again changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass

from produktlyft.interop.model import InitiativeCode, Reason, TargetInterfaces
from produktlyft.interop.service import initiative_silo_reasons
from produktlyft.kernel.access import Permission
from produktlyft.kernel.context import ServiceContext
from produktlyft.roadmap.model import Initiative, InitiativeKind
from produktlyft.roadmap.service import list_initiatives, set_target_interfaces

DEMO_STANDARDS = "OpenAPI 3.1; CSV/JSON exit format in the contract"
# kinds whose target is a (new or changed) system, so that its interfaces can be stated
_IMPROVING = {InitiativeKind.REPLACE, InitiativeKind.MIGRATE, InitiativeKind.CONSOLIDATE}
_DROPPING = _IMPROVING | {InitiativeKind.UPGRADE}


@dataclass
class DemoInterfaces:
    improves: str | None  # the initiative id stated to improve open interfaces
    drops: str | None  # the one stated to drop them


def _risk_reduced(ctx: ServiceContext, initiative: Initiative) -> float:
    """The highest silo risk among the systems the target would open up (0: none)."""
    reasons = initiative_silo_reasons(
        ctx, initiative.system_ids, TargetInterfaces.IMPROVES, DEMO_STANDARDS
    )
    return max(
        (_number(r, "risk") for r in reasons if r.code == InitiativeCode.REDUCES_SILO), default=0.0
    )


def _open_partners(ctx: ServiceContext, initiative: Initiative) -> int:
    """How many outside systems use the open interfaces a dropping target would take away."""
    reasons = initiative_silo_reasons(ctx, initiative.system_ids, TargetInterfaces.DROPS)
    return int(sum(_number(r, "count") for r in reasons if r.code == InitiativeCode.CREATES_SILO))


def _number(reason: Reason, key: str) -> float:
    value = reason.params.get(key)
    return float(value) if isinstance(value, int | float) else 0.0


def load_demo_interfaces(ctx: ServiceContext, threshold: float = 0.5) -> DemoInterfaces:
    ctx.actor.require(Permission.EDIT)
    initiatives = [i for i in list_initiatives(ctx) if i.system_ids]
    improving = sorted(
        ((_risk_reduced(ctx, i), i.id) for i in initiatives if i.kind in _IMPROVING),
        key=lambda pair: (-pair[0], pair[1]),
    )
    improves = improving[0][1] if improving and improving[0][0] >= threshold else None
    dropping = sorted(
        (
            (_open_partners(ctx, i), i.id)
            for i in initiatives
            if i.kind in _DROPPING and i.id != improves
        ),
        key=lambda pair: (-pair[0], pair[1]),
    )
    drops = dropping[0][1] if dropping and dropping[0][0] > 0 else None
    if improves:
        set_target_interfaces(ctx, improves, TargetInterfaces.IMPROVES, DEMO_STANDARDS)
    if drops:
        set_target_interfaces(ctx, drops, TargetInterfaces.DROPS)
    return DemoInterfaces(improves, drops)
