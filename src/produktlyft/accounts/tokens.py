"""API tokens: an administrator issues and revokes them; a bearer token acts as its account
(with the account's current role) or as a machine client with its own role. Only the token's
SHA-256 is stored; the secret is shown once."""

from __future__ import annotations

import hashlib
import secrets
from datetime import UTC, datetime, timedelta

from produktlyft.accounts.model import ApiToken, NewToken
from produktlyft.accounts.repository import AccountRepository
from produktlyft.accounts.service import aware
from produktlyft.inventory.change_log import ChangeLogRepository
from produktlyft.inventory.changes import Action, Change
from produktlyft.kernel.access import Actor, Permission, Role
from produktlyft.kernel.context import ServiceContext
from produktlyft.kernel.db import Database, DatabaseBusy, DatabaseNotWritable
from produktlyft.kernel.errors import InvalidInput, Issue, NotFound, ProduktlyftError, wording

TOKEN_PREFIX = "pl_"
# Touch a token's last-used time at most this often, to keep API reads free of writes.
_TOUCH_EVERY = timedelta(minutes=5)


def _hash_token(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def create_token(ctx: ServiceContext, name: str, role: Role | None = None) -> NewToken:
    """A new API token. When `name` is an account the token acts as that account (with its
    current role); otherwise it is a machine client with `role` (viewer unless given)."""
    ctx.actor.require(Permission.ADMINISTER)
    if not name.strip() or len(name) > 200:
        raise InvalidInput(
            [Issue.worded(wording("give the token a name of 1-200 characters"), column="name")]
        )
    secret = TOKEN_PREFIX + secrets.token_urlsafe(32)
    now = ctx.now()
    with ctx.database.unit_of_work() as uow:
        account = uow.repo(AccountRepository).get(name)
        if account is not None and role is not None and role != account.role:
            raise ProduktlyftError(
                f"'{name}' is an account with role {account.role.value}; "
                "its tokens act with that role"
            )
        token = uow.repo(AccountRepository).add_token(
            name=name,
            token_hash=_hash_token(secret),
            prefix=secret[:10],
            role=account.role if account else (role or Role.VIEWER),
            user_name=account.name if account else None,
            created_at=now,
            created_by=ctx.actor.name,
        )
        uow.repo(ChangeLogRepository).append(
            [
                Change(
                    at=now,
                    actor=ctx.actor.name,
                    entity="api_tokens",
                    entity_id=str(token.pk),
                    action=Action.CREATE,
                    changes={"name": [None, name], "role": [None, token.role.value]},
                )
            ]
        )
    return NewToken(token=token, secret=secret)


def list_tokens(ctx: ServiceContext) -> list[ApiToken]:
    ctx.actor.require(Permission.ADMINISTER)
    with ctx.database.reading() as uow:
        return uow.repo(AccountRepository).tokens()


def revoke_token(ctx: ServiceContext, pk: int) -> None:
    ctx.actor.require(Permission.ADMINISTER)
    now = ctx.now()
    with ctx.database.unit_of_work() as uow:
        if not uow.repo(AccountRepository).revoke_token(pk, now):
            raise NotFound(f"no active token number {pk}")
        uow.repo(ChangeLogRepository).append(
            [
                Change(
                    at=now,
                    actor=ctx.actor.name,
                    entity="api_tokens",
                    entity_id=str(pk),
                    action=Action.DELETE,
                )
            ]
        )


def actor_for_token(database: Database, secret: str) -> Actor | None:
    """Who a bearer token acts for, or None for an unknown or revoked token."""
    if not secret.startswith(TOKEN_PREFIX):
        return None
    now = datetime.now(UTC)
    with database.reading() as uow:
        token = uow.repo(AccountRepository).token_by_hash(_hash_token(secret))
        account = (
            uow.repo(AccountRepository).get(token.user_name) if token and token.user_name else None
        )
    if token is None or (token.user_name and (account is None or account.disabled)):
        return None
    if token.last_used_at is None or now - aware(token.last_used_at) > _TOUCH_EVERY:
        try:
            with database.unit_of_work() as uow:
                uow.repo(AccountRepository).touch_token(token.pk, now)
        except (DatabaseBusy, DatabaseNotWritable):
            # "last used" is a hint for administrators: a read must not fail because another
            # writer (an import) holds the database or the disk is full; a later use stamps it
            pass
    return account.actor() if account is not None else token.actor()
