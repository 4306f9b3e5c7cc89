"""Commands for the web app: serve it, add accounts, create API tokens."""

from __future__ import annotations

import ipaddress
import os
import sys

import typer
from rich.console import Console

from produktlyft.accounts.service import add_user, session_secret
from produktlyft.accounts.tokens import create_token
from produktlyft.kernel.access import Role
from produktlyft.kernel.cli.state import STATE
from produktlyft.kernel.db.open import initialise_database
from produktlyft.kernel.errors import ProduktlyftError
from produktlyft.kernel.settings import Settings

console = Console(highlight=False, stderr=True)


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def trusted_proxies(settings: Settings) -> str | None:
    """The proxies whose X-Forwarded-For and -Proto uvicorn believes, or None to believe
    nobody's (uvicorn's own default would believe loopback, letting anyone on the host pick the
    address the login limit counts)."""
    return ",".join(settings.trusted_proxies) or None


def serve(
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on."),
    port: int = typer.Option(8000, "--port", help="Port to listen on."),
    workers: int = typer.Option(1, "--workers", min=1, help="Server processes."),
    migrate: bool = typer.Option(
        True, "--migrate/--no-migrate", help="Create or upgrade the database schema first."
    ),
) -> None:
    """Serve the web app and the API until stopped (Ctrl+C)."""
    import uvicorn

    ctx = STATE.context()
    if migrate:
        initialise_database(ctx)
    settings = ctx.settings
    if settings.cookie_secure is None:
        # plain http works for a trial on this machine only; anywhere else, use HTTPS
        settings = settings.model_copy(update={"cookie_secure": not _is_loopback(host)})
    session_secret(settings)  # made once here, before the worker processes read it
    console.print(
        f"Serving produktlyft at http://{host}:{port} "
        f"(database {ctx.database.display_url}). Stop with Ctrl+C."
    )
    os.environ["PRODUKTLYFT_DATABASE_URL"] = settings.database_url
    os.environ["PRODUKTLYFT_COOKIE_SECURE"] = "true" if settings.cookie_secure else "false"
    uvicorn.run(
        "produktlyft.bootstrap:server_app",
        host=host,
        port=port,
        workers=workers,
        factory=True,
        proxy_headers=trusted_proxies(settings) is not None,
        forwarded_allow_ips=trusted_proxies(settings),
        log_level="warning",
        access_log=False,
        # the supervisor kills a worker that does not answer its ping in time, with the
        # requests it is serving; its default of 5 s killed busy, healthy workers on a loaded
        # two-core machine (issue 15, bench/faults_under_load.py)
        timeout_worker_healthcheck=WORKER_HEALTHCHECK_SECONDS,
    )


WORKER_HEALTHCHECK_SECONDS = 60


def user_add(
    name: str = typer.Argument(..., help="The account name people sign in with."),
    role: Role = typer.Option(Role.VIEWER, "--role", help="viewer, editor, analyst or admin."),
    password_stdin: bool = typer.Option(
        False, "--password-stdin", help="Read the password from standard input."
    ),
    display_name: str | None = typer.Option(None, "--display-name", help="Name shown in the app."),
) -> None:
    """Create a local account, such as the first administrator."""
    if password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        password = typer.prompt("Password", hide_input=True, confirmation_prompt=True)
    if not password:
        raise ProduktlyftError("no password was given")
    account = add_user(STATE.context(), name, role, password, display_name)
    console.print(f"Account '{account.name}' created with role {account.role.value}.")


def token_create(
    name: str = typer.Argument(..., help="An account to act as, or a name for a machine client."),
    role: Role | None = typer.Option(
        None,
        "--role",
        help="Role of a machine client (default viewer); an "
        "account's token has the account's role.",
    ),
) -> None:
    """Create an API token and print it on standard output (shown only once)."""
    created = create_token(STATE.context(), name, role)
    console.print(
        f"Token {created.token.prefix}… for '{name}' with role "
        f"{created.token.role.value}. Keep it secret; it is not shown again."
    )
    sys.stdout.write(created.secret + "\n")


def register(app: typer.Typer) -> None:
    app.command()(serve)
    user = typer.Typer(help="Manage accounts.", no_args_is_help=True)
    user.command("add")(user_add)
    app.add_typer(user, name="user")
    token = typer.Typer(help="Manage API tokens.", no_args_is_help=True)
    token.command("create")(token_create)
    app.add_typer(token, name="token")
