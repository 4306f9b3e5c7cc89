"""What the review's commands share: the console they print to and the check of --lang."""

from __future__ import annotations

import typer
from rich.console import Console

console = Console(highlight=False)


def lang_option(lang: str | None) -> str | None:
    """`lang` when it is sv or en (None: the default), a usage error otherwise."""
    if lang is not None and lang not in ("sv", "en"):
        raise typer.BadParameter("choose sv or en", param_hint="--lang")
    return lang
