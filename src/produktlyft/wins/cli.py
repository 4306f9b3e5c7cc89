"""`produktlyft wins …`: list, draft from evaluated pilots, approve."""

from __future__ import annotations

import typer
from rich.console import Console

from produktlyft.kernel.cli.state import STATE
from produktlyft.wins.service import approve as approve_win
from produktlyft.wins.service import draft_all, list_wins

out = Console(highlight=False, soft_wrap=True)
notes = Console(highlight=False, stderr=True, soft_wrap=True)
wins_app = typer.Typer(help="The wins log and its public page.", no_args_is_help=True)


@wins_app.command("list")
def list_() -> None:
    """Every win with its status."""
    for win in list_wins(STATE.context()):
        out.print(f"{win.id}\t{win.status.value}\t{win.day}\t{win.title}")


@wins_app.command("draft")
def draft() -> None:
    """Draft wins from improved pilots and achieved key results."""
    made = draft_all(STATE.context())
    notes.print(f"Drafted {len(made)} win(s).")


@wins_app.command("approve")
def approve(win_id: str = typer.Argument(..., help="The win's id.")) -> None:
    """Approve a draft: it is published on the public page and feed."""
    win = approve_win(STATE.context(), win_id)
    notes.print(f"Published {win.id}: {win.title}.")


def register(app: typer.Typer) -> None:
    app.add_typer(wins_app, name="wins")
