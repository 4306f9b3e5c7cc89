"""The accounts area as the web shell's sign-in provider (`kernel.web.session.SignIn`)."""

from __future__ import annotations

from produktlyft.accounts import service, tokens
from produktlyft.accounts.model import Account
from produktlyft.kernel.access import Actor
from produktlyft.kernel.cache import CacheRegistry
from produktlyft.kernel.db import Database
from produktlyft.kernel.settings import Settings
from produktlyft.kernel.web.session import WebState


class AccountsSignIn:
    def account_for_session(
        self, database: Database, name: str, caches: CacheRegistry
    ) -> Account | None:
        return service.account_for_session(database, name, caches)

    def actor_for_token(self, database: Database, secret: str) -> Actor | None:
        return tokens.actor_for_token(database, secret)

    def session_secret(self, settings: Settings) -> str:
        return service.session_secret(settings)

    def configure(self, state: WebState, client_kwargs: dict[str, object] | None) -> None:
        from produktlyft.accounts.pages.account import configure_oidc

        configure_oidc(state, client_kwargs)
