"""The `produktlyft` command's shell: the root Typer app with the options every command shares,
each area's commands registered on it (`build_cli(areas)`, called by the composition root),
and `run`, which turns errors into messages and exit codes. Each command parses its options,
calls one service and prints.

Errors the user can fix exit with code 1 and a clear message; usage errors (an unknown option,
a missing argument) print the usage and exit with code 2, as click does; anything else is
reported in one line with exit code 2, and only `--debug` shows the stack trace.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Sequence
from typing import NoReturn, Protocol, cast

import click
import typer
from rich.console import Console

from produktlyft.kernel.area import Area
from produktlyft.kernel.cli.state import STATE
from produktlyft.kernel.errors import PATH_ERRNOS, WRITE_ERRNOS, InvalidInput, ProduktlyftError

_DRIVER_LOG = logging.getLogger("psycopg")
errors = Console(stderr=True, highlight=False, soft_wrap=True)

# Typer 0.2x parses with its own copy of click, earlier versions with click itself: the
# exceptions that end a command line are caught in both forms. A usage error (unknown option,
# missing argument) shows the usage and exits 2, as click does.
_EXIT = (click.exceptions.Exit, typer.Exit)
_ABORT = (click.exceptions.Abort, typer.Abort)
_CLICK_ERRORS: tuple[type[Exception], ...] = (
    click.ClickException,
    *(kind for kind in typer.BadParameter.__mro__ if kind.__name__ == "ClickException"),
)


class _Shown(Protocol):
    """What both forms of click's exceptions offer."""

    exit_code: int

    def show(self) -> None: ...


def build_cli(areas: Sequence[Area]) -> typer.Typer:
    """The root command with every area's commands, in the areas' order."""
    app = typer.Typer(
        name="produktlyft",
        help="produktlyft: an evidence-based review of a public body's IT landscape "
        "(genomlysning), from inventory to where to start.",
        no_args_is_help=True,
        add_completion=False,
        pretty_exceptions_enable=False,
        context_settings={"help_option_names": ["-h", "--help"]},
    )
    app.callback()(options)
    for area in areas:
        if area.cli is not None:
            area.cli(app)
    return app


def options(
    context: typer.Context,
    database: str | None = typer.Option(
        None,
        "--database",
        envvar="PRODUKTLYFT_DATABASE_URL",
        show_envvar=True,
        help="Database URL: sqlite:///path.db (default sqlite:///produktlyft.db) or "
        "postgresql://user@host/db.",
    ),
    debug: bool = typer.Option(False, "--debug", help="Show stack traces of internal errors."),
) -> None:
    # only a --database typed on this command replaces a context already made in the process
    source = context.get_parameter_source("database")
    typed = source is not None and source.name == "COMMANDLINE"
    STATE.choose_database(database, replace=typed)
    STATE.debug = debug


def _report_invalid(error: InvalidInput) -> None:
    errors.print(f"[bold red]Error:[/] {error.summary}")
    for issue in error.issues:
        colour = "red" if issue.severity == "error" else "yellow"
        errors.print(f"  [{colour}]{issue.severity}[/] {issue}", markup=True)


def run(app: typer.Typer) -> None:
    """Run the command line; every way it can end becomes a message and an exit code."""
    # psycopg logs a warning of its own when it ends a pipeline a failed statement aborted
    # ("error ignored terminating <psycopg.Pipeline ...>"): the error itself is reported
    # below in one line, so the driver's note, printed by logging's last resort, is kept out
    _DRIVER_LOG.addHandler(logging.NullHandler())
    try:
        app(standalone_mode=False)
    except InvalidInput as error:
        _report_invalid(error)
        sys.exit(error.exit_code)
    except ProduktlyftError as error:
        errors.print(f"[bold red]Error:[/] {error}")
        sys.exit(error.exit_code)
    except _EXIT as done:
        sys.exit(done.exit_code)
    except _ABORT:
        errors.print("Aborted.")
        sys.exit(1)
    except _CLICK_ERRORS as error:
        shown = cast(_Shown, error)
        shown.show()
        sys.exit(shown.exit_code)
    except OSError as error:
        if error.errno in WRITE_ERRNOS:
            # a full disk or a read-only folder, met while writing a file (not the database)
            errors.print(
                f"[bold red]Error:[/] cannot write {error.filename or 'a file'}: {error.strerror}"
            )
            sys.exit(1)
        if error.errno in PATH_ERRNOS and error.filename:
            # a path the user gave that cannot be used: a folder that does not exist, one
            # without permission, a folder where a file was meant
            errors.print(f"[bold red]Error:[/] {error.filename}: {error.strerror}")
            sys.exit(1)
        _internal(error)
    except KeyboardInterrupt:
        errors.print("Interrupted; nothing more was written.")
        sys.exit(130)
    except Exception as error:
        _internal(error)
    sys.exit(0)


def _internal(error: Exception) -> NoReturn:
    if STATE.debug:
        raise error
    errors.print(
        f"[bold red]Internal error:[/] {type(error).__name__}: {error}\n"
        "This is a bug in produktlyft. Run again with --debug for the details "
        "and report it."
    )
    sys.exit(2)
