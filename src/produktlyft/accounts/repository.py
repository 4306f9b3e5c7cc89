"""Accounts, API tokens and failed-login records."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Connection, delete, func, insert, select, update

from produktlyft.accounts import tables as w
from produktlyft.accounts.model import Account, ApiToken
from produktlyft.kernel.access import Role


def _account(row: Any) -> Account:
    return Account(
        name=row["name"],
        role=Role(row["role"]),
        display_name=row["display_name"],
        has_password=row["password_hash"] is not None,
        oidc_subject=row["oidc_subject"],
        disabled=bool(row["disabled"]),
        created_at=row["created_at"],
        last_login_at=row["last_login_at"],
        session_generation=row["session_generation"],
    )


def _token(row: Any) -> ApiToken:
    return ApiToken.model_validate({key: row[key] for key in ApiToken.model_fields})


class AccountRepository:
    def __init__(self, connection: Connection) -> None:
        self.connection = connection

    def get(self, name: str) -> Account | None:
        row = (
            self.connection.execute(select(w.users).where(w.users.c.name == name))
            .mappings()
            .first()
        )
        return _account(row) if row else None

    def password_hash(self, name: str) -> str | None:
        return self.connection.scalar(select(w.users.c.password_hash).where(w.users.c.name == name))

    def by_oidc_subject(self, subject: str) -> Account | None:
        row = (
            self.connection.execute(select(w.users).where(w.users.c.oidc_subject == subject))
            .mappings()
            .first()
        )
        return _account(row) if row else None

    def all(self) -> list[Account]:
        rows = self.connection.execute(select(w.users).order_by(w.users.c.name)).mappings()
        return [_account(row) for row in rows]

    def add(
        self,
        account: Account,
        password_hash: str | None,
        oidc_issuer: str | None = None,
    ) -> None:
        self.connection.execute(
            insert(w.users).values(
                name=account.name,
                display_name=account.display_name,
                role=account.role.value,
                password_hash=password_hash,
                oidc_issuer=oidc_issuer,
                oidc_subject=account.oidc_subject,
                disabled=account.disabled,
                created_at=account.created_at,
            )
        )

    def set_password(self, name: str, password_hash: str) -> None:
        self.connection.execute(
            update(w.users).where(w.users.c.name == name).values(password_hash=password_hash)
        )

    def set_role(self, name: str, role: Role) -> None:
        self.connection.execute(
            update(w.users)
            .where(w.users.c.name == name)
            .values(role=role.value, session_generation=w.users.c.session_generation + 1)
        )

    def set_disabled(self, name: str, disabled: bool) -> None:
        self.connection.execute(
            update(w.users).where(w.users.c.name == name).values(disabled=disabled)
        )

    def end_sessions(self, name: str) -> None:
        """Every session the account has signed in ends: its generation moves on."""
        self.connection.execute(
            update(w.users)
            .where(w.users.c.name == name)
            .values(session_generation=w.users.c.session_generation + 1)
        )

    def touch_login(self, name: str, at: datetime) -> None:
        self.connection.execute(
            update(w.users).where(w.users.c.name == name).values(last_login_at=at)
        )

    def add_token(
        self,
        *,
        name: str,
        token_hash: str,
        prefix: str,
        role: Role,
        user_name: str | None,
        created_at: datetime,
        created_by: str,
    ) -> ApiToken:
        pk = self.connection.execute(
            insert(w.api_tokens)
            .values(
                name=name,
                token_hash=token_hash,
                prefix=prefix,
                role=role.value,
                user_name=user_name,
                created_at=created_at,
                created_by=created_by,
            )
            .returning(w.api_tokens.c.pk)
        ).scalar_one()
        found = self.token_by_pk(pk)
        assert found is not None
        return found

    def token_by_pk(self, pk: int) -> ApiToken | None:
        row = (
            self.connection.execute(select(w.api_tokens).where(w.api_tokens.c.pk == pk))
            .mappings()
            .first()
        )
        return _token(row) if row else None

    def token_by_hash(self, token_hash: str) -> ApiToken | None:
        row = (
            self.connection.execute(
                select(w.api_tokens).where(
                    w.api_tokens.c.token_hash == token_hash, w.api_tokens.c.revoked_at.is_(None)
                )
            )
            .mappings()
            .first()
        )
        return _token(row) if row else None

    def tokens(self) -> list[ApiToken]:
        rows = self.connection.execute(
            select(w.api_tokens).order_by(w.api_tokens.c.created_at.desc())
        ).mappings()
        return [_token(row) for row in rows]

    def touch_token(self, pk: int, at: datetime) -> None:
        self.connection.execute(
            update(w.api_tokens).where(w.api_tokens.c.pk == pk).values(last_used_at=at)
        )

    def revoke_token(self, pk: int, at: datetime) -> bool:
        result = self.connection.execute(
            update(w.api_tokens)
            .where(w.api_tokens.c.pk == pk, w.api_tokens.c.revoked_at.is_(None))
            .values(revoked_at=at)
        )
        return result.rowcount == 1

    def record_failure(self, keys: list[str], at: datetime) -> None:
        self.connection.execute(insert(w.login_failures), [{"key": k, "at": at} for k in keys])

    def failures_since(self, key: str, since: datetime) -> tuple[int, datetime | None]:
        """How many failures a key has had since a moment, and the oldest of them."""
        table = w.login_failures
        count, oldest = self.connection.execute(
            select(func.count(), func.min(table.c.at)).where(
                table.c.key == key, table.c.at >= since
            )
        ).one()
        return int(count), oldest

    def clear_failures(self, keys: list[str]) -> None:
        table = w.login_failures
        self.connection.execute(delete(table).where(table.c.key.in_(keys)))

    def forget_failures_before(self, moment: datetime) -> None:
        """Failures older than the rate-limit window no longer count; drop them."""
        table = w.login_failures
        self.connection.execute(delete(table).where(table.c.at < moment))
