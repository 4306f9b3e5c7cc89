"""Who may do what. Services check these before every use case; routes only mirror them."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from produktlyft.kernel.errors import PermissionDenied


class Role(StrEnum):
    VIEWER = "viewer"
    EDITOR = "editor"
    ANALYST = "analyst"
    ADMIN = "admin"


class Permission(StrEnum):
    READ = "read"  # see the inventory, review results and reports
    EDIT = "edit"  # change single records through forms or the API
    IMPORT = "import"  # bulk imports, evidence attachments, demo data
    ANALYSE = "analyse"  # run reviews, decide duplicates, change profile weights
    ORGANISE = "organise"  # create survey rounds, links, and manage decisions
    ADMINISTER = "administer"  # users, tokens and settings


GRANTS: dict[Role, frozenset[Permission]] = {
    Role.VIEWER: frozenset({Permission.READ}),
    Role.EDITOR: frozenset({Permission.READ, Permission.EDIT}),
    Role.ANALYST: frozenset(
        {
            Permission.READ,
            Permission.EDIT,
            Permission.IMPORT,
            Permission.ANALYSE,
            Permission.ORGANISE,
        }
    ),
    Role.ADMIN: frozenset(Permission),
}


@dataclass(frozen=True)
class Actor:
    """The person or machine a service call is made for."""

    name: str
    role: Role | None  # None: not signed in, may do nothing that needs a permission

    def can(self, permission: Permission) -> bool:
        return self.role is not None and permission in GRANTS[self.role]

    def require(self, permission: Permission) -> None:
        if not self.can(permission):
            role = self.role.value if self.role else "not signed in"
            raise PermissionDenied(
                f"{self.name} ({role}) may not {permission.value}; "
                "ask an administrator for a role that allows it"
            )


ANONYMOUS = Actor("anonymous", None)
