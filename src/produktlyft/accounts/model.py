"""People and machine clients who may use the web app and the API."""

from __future__ import annotations

import re
from datetime import date, datetime
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field, field_validator

from produktlyft.inventory.changes import Change
from produktlyft.kernel.access import Actor, Role
from produktlyft.kernel.errors import ProduktlyftError

ACCOUNT_NAME = re.compile(r"^[\w.@+-]{1,200}$")


class Account(BaseModel):
    """A person's account. The password hash never leaves storage and the accounts service."""

    model_config = ConfigDict(frozen=True)

    name: str
    role: Role
    display_name: str | None = None
    has_password: bool = False
    oidc_subject: str | None = None
    disabled: bool = False
    created_at: datetime
    last_login_at: datetime | None = None
    # sessions signed in with another generation have ended (logout, role change)
    session_generation: int = 0

    @field_validator("name")
    @classmethod
    def _valid_name(cls, value: str) -> str:
        if not ACCOUNT_NAME.match(value):
            raise ValueError("use letters, digits and . _ @ + - only, at most 200 characters")
        return value

    def actor(self) -> Actor:
        return Actor(self.name, self.role)


class ApiToken(BaseModel):
    """An API token as listed: its secret is shown once, at creation, and stored hashed."""

    model_config = ConfigDict(frozen=True)

    pk: int
    name: str
    prefix: str
    role: Role
    user_name: str | None = None
    created_at: datetime
    created_by: str
    last_used_at: datetime | None = None
    revoked_at: datetime | None = None

    def actor(self) -> Actor:
        return Actor(self.user_name or f"token:{self.name}", self.role)


class NewToken(BaseModel):
    token: ApiToken
    secret: str = Field(repr=False)


class LoginRefused(ProduktlyftError):
    """Wrong name or password, or a disabled account; deliberately does not say which."""


class AuditKind(StrEnum):
    """Which events the audit log shows: sign-ins flood it, so they can be left out."""

    ALL = "all"
    CHANGES = "changes"  # records and accounts created, changed or removed; no sign-ins
    SIGN_INS = "sign_ins"  # signing in and out
    FAILED_SIGN_INS = "failed_sign_ins"


class AuditQuery(BaseModel):
    """One page of the audit log, filtered; every field comes from the page's URL."""

    model_config = ConfigDict(frozen=True)

    kind: AuditKind = AuditKind.ALL
    actor: str | None = None
    since: date | None = None  # first day shown
    until: date | None = None  # last day shown, included
    page: int = Field(1, ge=1)


class AuditPage(BaseModel):
    """A page of audit-log events, newest first, with how many match in all."""

    model_config = ConfigDict(frozen=True)

    changes: list[Change]
    total: int
    page: int
    pages: int
    query: AuditQuery
