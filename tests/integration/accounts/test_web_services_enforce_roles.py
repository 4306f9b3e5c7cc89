"""The services behind the web app refuse roles without the permission, whatever the route."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from produktlyft.accounts import service as accounts
from produktlyft.accounts import tokens
from produktlyft.inventory.queries import SystemQuery
from produktlyft.inventory.services import browse as inventory_browse
from produktlyft.inventory.services import dashboard
from produktlyft.inventory.services import edit as inventory_edit
from produktlyft.kernel.access import ANONYMOUS, Actor, Role
from produktlyft.kernel.context import ServiceContext
from produktlyft.kernel.errors import PermissionDenied
from produktlyft.kernel.uploads import stage_upload

CALLS: list[tuple[Role | None, Callable[[ServiceContext], Any]]] = [
    (None, lambda ctx: inventory_browse.find_systems(ctx, SystemQuery())),
    (None, dashboard.dashboard),
    (None, lambda ctx: inventory_browse.system_detail(ctx, "x")),
    (Role.VIEWER, lambda ctx: inventory_edit.open_for_edit(ctx, "systems", "x")),
    (Role.VIEWER, lambda ctx: inventory_edit.save_edit(ctx, "systems", "x", {}, 1)),
    (Role.EDITOR, lambda ctx: stage_upload(ctx, "a.json", b"{}")),
    (Role.ANALYST, lambda ctx: accounts.add_user(ctx, "x", Role.ADMIN, "long-enough-1")),
    (Role.ANALYST, lambda ctx: tokens.create_token(ctx, "x")),
    (Role.ANALYST, lambda ctx: accounts.set_role(ctx, "x", Role.ADMIN)),
    (Role.ANALYST, tokens.list_tokens),
    (Role.ANALYST, lambda ctx: tokens.revoke_token(ctx, 1)),
    (Role.ANALYST, inventory_browse.audit_log),
    # the change history of accounts, sign-ins and tokens is the audit log's, for administrators
    *[
        (Role.ANALYST, lambda ctx, entity=entity: inventory_browse.record_history(ctx, entity, "x"))
        for entity in ("sessions", "users", "api_tokens", "anything-else")
    ],
]


@pytest.mark.parametrize(("role", "call"), CALLS)
def test_services_refuse_a_role_without_the_permission(
    ctx: ServiceContext, role: Role | None, call: Callable[[ServiceContext], Any]
) -> None:
    actor = ANONYMOUS if role is None else Actor("someone", role)
    with pytest.raises(PermissionDenied):
        call(ctx.as_actor(actor))
