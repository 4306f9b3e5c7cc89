"""The web app's state, and who is signed in: the shell asks the sign-in provider it was given
(the accounts area, wired by the composition root) and knows no account store itself."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

from fastapi import Request

from produktlyft.kernel.access import Actor, Role
from produktlyft.kernel.cache import CacheRegistry
from produktlyft.kernel.db import Database
from produktlyft.kernel.settings import Settings
from produktlyft.kernel.web.navigation import NavEntry
from produktlyft.kernel.web.rendering import Renderer

if TYPE_CHECKING:
    from produktlyft.kernel.report.build import Report


class SignedIn(Protocol):
    """The signed-in person, as the layout shows them and the services see them."""

    @property
    def name(self) -> str: ...

    @property
    def display_name(self) -> str | None: ...

    @property
    def role(self) -> Role: ...

    @property
    def session_generation(self) -> int:
        """Raised when the account's sessions end (logout, role change); a session signed in
        with another value is over."""
        ...

    def actor(self) -> Actor: ...


class SignIn(Protocol):
    """What the web shell needs from whoever keeps the accounts."""

    def account_for_session(
        self, database: Database, name: str, caches: CacheRegistry
    ) -> SignedIn | None:
        """The session's person now, or None when the account was removed or disabled (it
        may keep the answer for a few seconds in `caches`)."""
        ...

    def actor_for_token(self, database: Database, secret: str) -> Actor | None:
        """Who an API bearer token acts for, or None for an unknown or revoked one."""
        ...

    def session_secret(self, settings: Settings) -> str:
        """The key the session cookie is signed with."""
        ...

    def configure(self, state: WebState, client_kwargs: dict[str, object] | None) -> None:
        """Set up single sign-on when the settings ask for it."""
        ...


@dataclass
class WebState:
    settings: Settings
    database: Database
    renderer: Renderer
    sign_in: SignIn
    caches: CacheRegistry
    report: Report | None = None  # the leadership report, for its download
    nav: list[NavEntry] = field(default_factory=list)
    oidc: Any = None  # an Authlib client when OpenID Connect is configured


def web_state(request: Request) -> WebState:
    state: WebState = request.app.state.web
    return state


SESSION_USER = "user"
SESSION_GENERATION = "generation"


def start_session(request: Request, account: SignedIn) -> None:
    """Sign `account` in: a fresh session that remembers the account's session generation."""
    lang = request.session.get("lang")
    request.session.clear()  # a fresh session (and CSRF token) at every sign-in
    request.session[SESSION_USER] = account.name
    request.session[SESSION_GENERATION] = account.session_generation
    if lang:
        request.session["lang"] = lang


def signed_in_account(request: Request) -> SignedIn | None:
    """The account of the session, looked up afresh so a removed role takes effect at once;
    None, and the session cleared, when the account's sessions have ended since it signed in
    (logout, role change), so a copied cookie does not outlive them."""
    if "account" in request.state._state:
        account: SignedIn | None = request.state.account
        return account
    name = request.session.get(SESSION_USER)
    state = web_state(request)
    account = (
        state.sign_in.account_for_session(state.database, name, state.caches) if name else None
    )
    if account is not None and request.session.get(SESSION_GENERATION) != (
        account.session_generation
    ):
        account = None
    if name and account is None:
        request.session.clear()
    request.state.account = account
    return account
