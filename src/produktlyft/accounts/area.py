"""The accounts area: people and API tokens, signing in, administration, and serving the app."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

from produktlyft.kernel.area import Area

if TYPE_CHECKING:  # the shells load these; declaring an area loads nothing heavy
    import typer

    from produktlyft.kernel.web.session import SignIn


def _cli(app: typer.Typer) -> None:
    from produktlyft.accounts import cli

    cli.register(app)


def _pages() -> Sequence[ModuleType]:
    from produktlyft.accounts.pages import account, admin, audit, password

    return (admin, audit, account, password)


def _sign_in() -> SignIn:
    from produktlyft.accounts.sign_in import AccountsSignIn

    return AccountsSignIn()


def _tables() -> ModuleType:
    from produktlyft.accounts import tables

    return tables


def _repositories() -> Sequence[type]:
    from produktlyft.accounts.audit_repository import AuditLogRepository
    from produktlyft.accounts.repository import AccountRepository

    return (AccountRepository, AuditLogRepository)


AREA = Area(
    name="accounts",
    cli=_cli,
    pages=_pages,
    templates=Path(__file__).parent / "templates",
    sign_in=_sign_in,
    tables=_tables,
    repositories=_repositories,
)
