"""Accounts, sign-in and API tokens: the use cases behind `user add`, `token create` and login.

Passwords are hashed with argon2id. Failed sign-ins are counted per account and per client
address in the database, so the limit holds across server processes. Every account change and
every sign-in, failed or not, goes to the audit log.
"""

from __future__ import annotations

import hashlib
import os
import secrets
import time
from datetime import UTC, datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from produktlyft.accounts.model import (
    Account,
    LoginRefused,
)
from produktlyft.accounts.repository import AccountRepository
from produktlyft.inventory.change_log import ChangeLogRepository
from produktlyft.inventory.changes import Action, Change
from produktlyft.inventory.services import browse
from produktlyft.kernel.access import Permission, Role
from produktlyft.kernel.cache import CacheRegistry, VersionedCache
from produktlyft.kernel.context import ServiceContext
from produktlyft.kernel.db import Database, UnitOfWork
from produktlyft.kernel.errors import (
    InvalidInput,
    Issue,
    NotFound,
    TooManyAttempts,
    wording,
)
from produktlyft.kernel.settings import Settings

MIN_PASSWORD_LENGTH = 10
_hasher = PasswordHasher()
# A hash to verify against when the account does not exist, so timing does not tell.
_DUMMY_HASH = _hasher.hash("not a real password, only for constant-time refusals")
# recorded for a failed sign-in under a name no account has
UNKNOWN_NAME = "unknown"
SESSION_RECHECK_SECONDS = 5.0
SESSIONS_KEPT = 10_000  # signed-in people per database remembered for that while


def aware(moment: datetime) -> datetime:
    """A time read back from SQLite (which drops the zone) as the UTC time it was."""
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def session_secret(settings: Settings) -> str:
    """The key that signs session cookies: the configured one, or one made once and kept in
    the data folder (readable by the owner only), shared by every server process."""
    if settings.secret_key:
        return settings.secret_key
    path = settings.resolved_data_dir() / "secret_key"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(f".{secrets.token_hex(4)}")
        temporary.write_text(secrets.token_urlsafe(48), encoding="utf-8")
        temporary.chmod(0o600)
        try:  # a hard link is created only if no key exists: processes starting together agree
            os.link(temporary, path)
        except FileExistsError:
            pass
        finally:
            temporary.unlink()
    return path.read_text(encoding="utf-8").strip()


def check_password_policy(password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise InvalidInput(
            [
                Issue.worded(
                    wording(
                        "the password must be at least {count} characters long",
                        count=MIN_PASSWORD_LENGTH,
                    ),
                    column="password",
                )
            ]
        )


def add_user(
    ctx: ServiceContext,
    name: str,
    role: Role,
    password: str | None = None,
    display_name: str | None = None,
) -> Account:
    """Create a local account; the first administrator is made this way from the CLI."""
    ctx.actor.require(Permission.ADMINISTER)
    if password is not None:
        check_password_policy(password)
    try:
        account = Account(
            name=name,
            role=role,
            display_name=display_name,
            has_password=password is not None,
            created_at=ctx.now(),
        )
    except ValueError:
        raise InvalidInput(
            [
                Issue.worded(
                    wording("use letters, digits and . _ @ + - only, at most 200 characters"),
                    column="name",
                )
            ]
        ) from None
    ctx.database.require_current()
    with ctx.database.unit_of_work() as uow:
        if uow.repo(AccountRepository).get(name) is not None:
            raise InvalidInput(
                [
                    Issue.worded(
                        wording("an account named '{name}' already exists", name=name),
                        column="name",
                    )
                ]
            )
        uow.repo(AccountRepository).add(account, _hasher.hash(password) if password else None)
        uow.repo(ChangeLogRepository).append(
            [
                Change(
                    at=account.created_at,
                    actor=ctx.actor.name,
                    entity="users",
                    entity_id=name,
                    action=Action.CREATE,
                    changes={"role": [None, role.value]},
                )
            ]
        )
    return account


def set_role(ctx: ServiceContext, name: str, role: Role) -> Account:
    """Give an account another role; its sessions end, so it signs in again with the new one."""
    ctx.actor.require(Permission.ADMINISTER)
    with ctx.database.unit_of_work() as uow:
        account = uow.repo(AccountRepository).get(name)
        if account is None:
            raise NotFound(f"no account named '{name}'")
        uow.repo(AccountRepository).set_role(name, role)
        uow.repo(ChangeLogRepository).append(
            [
                Change(
                    at=ctx.now(),
                    actor=ctx.actor.name,
                    entity="users",
                    entity_id=name,
                    action=Action.UPDATE,
                    changes={"role": [account.role.value, role.value]},
                )
            ]
        )
    _sessions(ctx.caches).clear()  # after the commit, so no request keeps the old answer
    return account.model_copy(
        update={"role": role, "session_generation": account.session_generation + 1}
    )


def audit_log(ctx: ServiceContext, limit: int = 200) -> list[Change]:
    """The most recent changes and sign-ins, for administrators (kept in the inventory's
    change log, which records every write)."""
    return browse.audit_log(ctx, limit)


def list_accounts(ctx: ServiceContext) -> list[Account]:
    ctx.actor.require(Permission.ADMINISTER)
    with ctx.database.reading() as uow:
        return uow.repo(AccountRepository).all()


def _refuse_if_limited(ctx: ServiceContext, keys: list[str], now: datetime) -> None:
    window = timedelta(seconds=ctx.settings.login_window_seconds)
    with ctx.database.reading() as uow:
        for key in keys:
            count, oldest = uow.repo(AccountRepository).failures_since(key, now - window)
            if count >= ctx.settings.login_max_failures and oldest is not None:
                wait = (aware(oldest) + window - now).total_seconds()
                raise TooManyAttempts(max(1, int(wait) + 1))


def sign_in(ctx: ServiceContext, name: str, password: str, client: str) -> Account:
    """Check a name and password; refuse after too many failures for the name or address.
    A failure under a name no account has is recorded as "unknown"."""
    now = ctx.now()
    # the name as typed is kept only as a digest: it may be a password typed in the wrong field
    typed = hashlib.sha256(name.casefold().encode()).hexdigest()
    keys = [f"user:{typed}", f"addr:{client}"[:255]]
    _refuse_if_limited(ctx, keys, now)
    with ctx.database.unit_of_work() as uow:
        account = uow.repo(AccountRepository).get(name)
        stored = uow.repo(AccountRepository).password_hash(name) if account else None
        if _verify(stored, password) and account is not None and not account.disabled:
            if stored is not None and _hasher.check_needs_rehash(stored):
                uow.repo(AccountRepository).set_password(name, _hasher.hash(password))
            uow.repo(AccountRepository).touch_login(name, now)
            uow.repo(AccountRepository).clear_failures(keys[:1])
            uow.repo(ChangeLogRepository).append([_event(now, name, Action.SIGN_IN, client)])
            return account
        uow.repo(AccountRepository).forget_failures_before(
            now - timedelta(seconds=ctx.settings.login_window_seconds)
        )
        uow.repo(AccountRepository).record_failure(keys, now)
        # a name no account has is not recorded as typed: it may be a password
        who = account.name if account is not None else UNKNOWN_NAME
        uow.repo(ChangeLogRepository).append([_event(now, who, Action.SIGN_IN_FAILED, client)])
    raise LoginRefused("wrong name or password")


def _verify(stored: str | None, password: str) -> bool:
    try:
        return _hasher.verify(stored or _DUMMY_HASH, password) and stored is not None
    except (VerificationError, InvalidHashError):
        return False


def _event(now: datetime, name: str, action: Action, client: str) -> Change:
    return Change(
        at=now, actor=name, entity="sessions", entity_id=name, action=action, source=client[:200]
    )


def sign_out(ctx: ServiceContext, client: str) -> None:
    """End every session of the signed-in account (a copied cookie included) and record it.
    Other server processes notice within SESSION_RECHECK_SECONDS, this one at once."""
    with ctx.database.unit_of_work() as uow:
        uow.repo(AccountRepository).end_sessions(ctx.actor.name)
        uow.repo(ChangeLogRepository).append(
            [_event(ctx.now(), ctx.actor.name, Action.SIGN_OUT, client)]
        )
    _sessions(ctx.caches).clear()


def account_for_session(database: Database, name: str, caches: CacheRegistry) -> Account | None:
    """The signed-in person's current account, or None when it was removed or disabled. The
    web shell ends a session whose generation differs from the account's `session_generation`.

    Every page asks this, so the answer is kept for a few seconds: a changed role, a logout or
    a disabled account takes effect within SESSION_RECHECK_SECONDS in every server process (in
    this one at once: `set_role` and `sign_out` forget them)."""
    # the cache's version is the current few-second window, so no answer is older than that
    window = int(time.monotonic() // SESSION_RECHECK_SECONDS)
    return _sessions(caches).get_or_build(
        database.url, window, name, lambda: _current_account(database, name)
    )


def _sessions(caches: CacheRegistry) -> VersionedCache:
    return caches.named("accounts.sessions", SESSIONS_KEPT)


def _current_account(database: Database, name: str) -> Account | None:
    with database.reading() as uow:
        account = uow.repo(AccountRepository).get(name)
    return account if account is not None and not account.disabled else None


def oidc_sign_in(
    ctx: ServiceContext, issuer: str, claims: dict[str, object], client: str
) -> Account:
    """Sign in someone the identity provider vouched for; their first visit creates an account
    with the configured default role."""
    subject = str(claims.get("sub") or "")
    if not subject:
        raise LoginRefused("the identity provider sent no subject")
    now = ctx.now()
    with ctx.database.unit_of_work() as uow:
        account = uow.repo(AccountRepository).by_oidc_subject(f"{issuer}|{subject}")
        if account is None:
            account = _new_oidc_account(ctx, uow, issuer, subject, claims, now)
        if account.disabled:
            raise LoginRefused("this account is disabled")
        account = _role_from_claim(ctx, uow, account, claims, now)
        uow.repo(AccountRepository).touch_login(account.name, now)
        uow.repo(ChangeLogRepository).append([_event(now, account.name, Action.SIGN_IN, client)])
    return account


def claimed_role(settings: Settings, claims: dict[str, object]) -> Role | None:
    """The role the identity provider's claim gives (the highest mapped value), the default
    role when no value maps, or None when roles are not taken from a claim."""
    if not settings.oidc_role_claim:
        return None
    value = claims.get(settings.oidc_role_claim)
    values = [value] if isinstance(value, str) else value if isinstance(value, list) else []
    mapping = settings.oidc_role_map()
    found = [Role(mapping[str(item)]) for item in values if str(item) in mapping]
    order = list(Role)
    return max(found, key=order.index) if found else Role(settings.oidc_default_role)


def _role_from_claim(
    ctx: ServiceContext, uow: UnitOfWork, account: Account, claims: dict[str, object], now: datetime
) -> Account:
    role = claimed_role(ctx.settings, claims)
    if role is None or role == account.role:
        return account
    uow.repo(AccountRepository).set_role(account.name, role)  # ends the account's other sessions
    uow.repo(ChangeLogRepository).append(
        [
            Change(
                at=now,
                actor=f"oidc:{ctx.settings.oidc_role_claim}",
                entity="users",
                entity_id=account.name,
                action=Action.UPDATE,
                changes={"role": [account.role.value, role.value]},
            )
        ]
    )
    _sessions(ctx.caches).clear()
    return account.model_copy(
        update={"role": role, "session_generation": account.session_generation + 1}
    )


def _new_oidc_account(
    ctx: ServiceContext,
    uow: UnitOfWork,
    issuer: str,
    subject: str,
    claims: dict[str, object],
    now: datetime,
) -> Account:
    wanted = str(claims.get("preferred_username") or claims.get("email") or subject)
    wanted = "".join(ch if ch.isalnum() or ch in "._@+-" else "-" for ch in wanted)[:180]
    name, suffix = wanted or "user", 1
    while uow.repo(AccountRepository).get(name) is not None:
        suffix += 1
        name = f"{wanted}-{suffix}"
    account = Account(
        name=name,
        role=claimed_role(ctx.settings, claims) or Role(ctx.settings.oidc_default_role),
        display_name=str(claims.get("name") or "") or None,
        oidc_subject=f"{issuer}|{subject}",
        created_at=now,
    )
    uow.repo(AccountRepository).add(account, None, oidc_issuer=issuer)
    uow.repo(ChangeLogRepository).append(
        [
            Change(
                at=now,
                actor=name,
                entity="users",
                entity_id=name,
                action=Action.CREATE,
                source=issuer,
                changes={"role": [None, account.role.value]},
            )
        ]
    )
    return account


def _account_change(ctx: ServiceContext, name: str, changes: dict[str, object]) -> Change:
    return Change(
        at=ctx.now(),
        actor=ctx.actor.name,
        entity="users",
        entity_id=name,
        action=Action.UPDATE,
        changes=changes,
    )


def _existing(uow: UnitOfWork, name: str) -> Account:
    account = uow.repo(AccountRepository).get(name)
    if account is None:
        raise NotFound(f"no account named '{name}'")
    return account


def reset_password(ctx: ServiceContext, name: str, password: str) -> None:
    """An administrator sets a new password for an account; every session it has ends."""
    ctx.actor.require(Permission.ADMINISTER)
    check_password_policy(password)
    with ctx.database.unit_of_work() as uow:
        _existing(uow, name)
        uow.repo(AccountRepository).set_password(name, _hasher.hash(password))
        uow.repo(AccountRepository).end_sessions(name)
        # the audit log says that the password changed, never anything about it
        uow.repo(ChangeLogRepository).append(
            [_account_change(ctx, name, {"password": [None, "reset"]})]
        )
    _sessions(ctx.caches).clear()


def set_disabled(ctx: ServiceContext, name: str, disabled: bool) -> None:
    """Disable an account (it cannot sign in, and its sessions end) or enable it again. An
    administrator cannot disable their own account, so that someone can always administer."""
    ctx.actor.require(Permission.ADMINISTER)
    if disabled and name == ctx.actor.name:
        raise InvalidInput(
            [Issue.worded(wording("you cannot disable your own account"), column="name")]
        )
    with ctx.database.unit_of_work() as uow:
        account = _existing(uow, name)
        if account.disabled == disabled:
            return
        uow.repo(AccountRepository).set_disabled(name, disabled)
        uow.repo(AccountRepository).end_sessions(name)
        uow.repo(ChangeLogRepository).append(
            [_account_change(ctx, name, {"disabled": [account.disabled, disabled]})]
        )
    _sessions(ctx.caches).clear()


def change_own_password(ctx: ServiceContext, old: str, new: str) -> Account:
    """The signed-in person changes their password, giving the old one. Their other sessions
    end; the returned account carries the new session generation to continue this one."""
    with ctx.database.unit_of_work() as uow:
        account = _existing(uow, ctx.actor.name)
        if not _verify(uow.repo(AccountRepository).password_hash(account.name), old):
            raise InvalidInput(
                [Issue.worded(wording("the current password is not right"), column="old")]
            )
        check_password_policy(new)
        uow.repo(AccountRepository).set_password(account.name, _hasher.hash(new))
        uow.repo(AccountRepository).end_sessions(account.name)
        uow.repo(ChangeLogRepository).append(
            [_account_change(ctx, account.name, {"password": [None, "changed"]})]
        )
    _sessions(ctx.caches).clear()
    return account.model_copy(update={"session_generation": account.session_generation + 1})
