"""The `produktlyft` command. Each command parses its options, calls one service and prints.

Errors the user can fix exit with code 1 and a clear message; anything else is reported in one
line with exit code 2, and only `--debug` shows the stack trace.
"""

from __future__ import annotations

import sys

import click
import typer
from rich.console import Console

from produktlyft.accounts import cli as web_commands
from produktlyft.decisions import cli as decision_commands
from produktlyft.demo import cli as demo_commands
from produktlyft.inventory import cli as inventory_commands
from produktlyft.kernel.cli.state import STATE
from produktlyft.kernel.errors import InvalidInput, ProduktlyftError
from produktlyft.review import cli as review_commands
from produktlyft.surveys import cli as survey_commands
from produktlyft.workflows import cli as workflow_commands

app = typer.Typer(
    name="produktlyft",
    help="produktlyft: an evidence-based review of a public body's IT landscape "
    "(genomlysning), from inventory to where to start.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)
errors = Console(stderr=True, highlight=False, soft_wrap=True)


@app.callback()
def options(
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
    STATE.database_url = database
    STATE.debug = debug


inventory_commands.register(app)
workflow_commands.register(app)
demo_commands.register(app)
review_commands.register(app)
web_commands.register(app)
survey_commands.register(app)
decision_commands.register(app)


def _report_invalid(error: InvalidInput) -> None:
    errors.print(f"[bold red]Error:[/] {error.summary}")
    for issue in error.issues:
        colour = "red" if issue.severity == "error" else "yellow"
        errors.print(f"  [{colour}]{issue.severity}[/] {issue}", markup=True)


def main() -> None:
    try:
        app(standalone_mode=False)
    except InvalidInput as error:
        _report_invalid(error)
        sys.exit(error.exit_code)
    except ProduktlyftError as error:
        errors.print(f"[bold red]Error:[/] {error}")
        sys.exit(error.exit_code)
    except click.exceptions.Exit as done:
        sys.exit(done.exit_code)
    except click.exceptions.Abort:
        errors.print("Aborted.")
        sys.exit(1)
    except click.ClickException as error:
        error.show()
        sys.exit(1)
    except KeyboardInterrupt:
        errors.print("Interrupted; nothing more was written.")
        sys.exit(130)
    except Exception as error:
        if STATE.debug:
            raise
        errors.print(
            f"[bold red]Internal error:[/] {type(error).__name__}: {error}\n"
            "This is a bug in produktlyft. Run again with --debug for the details "
            "and report it."
        )
        sys.exit(2)
    sys.exit(0)


if __name__ == "__main__":
    main()
