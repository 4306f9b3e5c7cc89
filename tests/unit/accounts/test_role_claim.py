"""The role an OpenID Connect sign-in takes from the provider's claim (issue 15)."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from produktlyft.accounts.service import claimed_role
from produktlyft.kernel.access import Role
from produktlyft.kernel.settings import Settings

MAPPED = Settings(
    oidc_role_claim="groups",
    oidc_roles="staff=viewer, it-analysts=analyst,it-admins=admin",  # type: ignore[arg-type]
)


@pytest.mark.parametrize(
    ("claims", "role"),
    [
        ({"groups": ["it-analysts", "it-admins"]}, Role.ADMIN),  # the highest mapped value
        ({"groups": ["staff", "it-analysts", "unknown"]}, Role.ANALYST),
        ({"groups": "it-analysts"}, Role.ANALYST),  # one value as text
        ({"groups": ["unknown"]}, Role.VIEWER),  # nothing maps: the default role
        ({}, Role.VIEWER),
        ({"groups": {"it-admins": True}}, Role.VIEWER),  # neither text nor a list
    ],
)
def test_the_claim_gives_the_role(claims: dict[str, object], role: Role) -> None:
    assert claimed_role(MAPPED, claims) == role


def test_without_a_role_claim_roles_are_kept_here() -> None:
    assert claimed_role(Settings(), {"groups": ["it-admins"]}) is None


def test_a_mapping_to_no_role_is_refused_when_the_settings_are_read() -> None:
    with pytest.raises(ValidationError, match="'it-admins=root' is not a value=role pair"):
        Settings(oidc_roles="it-admins=root")  # type: ignore[arg-type]
