"""The composition root: the one place that knows every area.

It lists the areas in dependency order, makes the process's cache registry, registers every
area's tables on the shared metadata, and builds what the entry points run: the command line
(`cli_app`, `main`), the web app (`web_app`, and `server_app` for uvicorn's workers) and the
leadership report (`report`). The kernel's shells take the areas as arguments and import none.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import TYPE_CHECKING

from produktlyft.accounts.area import AREA as ACCOUNTS
from produktlyft.business_case.area import AREA as BUSINESS_CASE
from produktlyft.decisions.area import AREA as DECISIONS
from produktlyft.demo.area import AREA as DEMO
from produktlyft.interop.area import AREA as INTEROP
from produktlyft.inventory.area import AREA as INVENTORY
from produktlyft.kernel.allocator import tune_allocator
from produktlyft.kernel.area import Area, the_one
from produktlyft.kernel.cache import CacheRegistry
from produktlyft.kernel.settings import Settings
from produktlyft.outcomes.area import AREA as OUTCOMES
from produktlyft.pilots.area import AREA as PILOTS
from produktlyft.procurement.area import AREA as PROCUREMENT
from produktlyft.review.area import AREA as REVIEW
from produktlyft.roadmap.area import AREA as ROADMAP
from produktlyft.surveys.area import AREA as SURVEYS
from produktlyft.wins.area import AREA as WINS
from produktlyft.workflows.area import AREA as WORKFLOWS

if TYPE_CHECKING:  # each entry point loads only the stack it runs
    import typer
    from fastapi import FastAPI

    from produktlyft.kernel.report.build import Report

# Lowest first: an area may use those before it, never those after it.
AREAS: tuple[Area, ...] = (
    INVENTORY,
    ACCOUNTS,
    WORKFLOWS,
    SURVEYS,
    DECISIONS,
    INTEROP,
    REVIEW,
    ROADMAP,
    BUSINESS_CASE,
    PROCUREMENT,
    OUTCOMES,
    PILOTS,
    WINS,
    DEMO,
)
# The commands in the order `produktlyft --help` has always listed them.
CLI_ORDER = (
    "inventory",
    "workflows",
    "demo",
    "review",
    "accounts",
    "surveys",
    "decisions",
    "roadmap",
    "interop",
    "business_case",
    "procurement",
    "outcomes",
    "pilots",
    "wins",
)


def load_schema() -> None:
    """Register every area's tables on the shared metadata (migration checks, test clean-up)."""
    for area in AREAS:
        if area.tables is not None:
            area.tables()


@cache
def report(areas: Sequence[Area] = AREAS) -> Report:
    """The leadership report: every area's sections and story lines in the review's frame."""
    from produktlyft.kernel.report.build import Report

    frame = the_one(areas, lambda area: area.report_frame, "the report's frame")()
    sections = [s for area in areas if area.report_sections for s in area.report_sections()]
    lines = [line for area in areas if area.story_lines for line in area.story_lines()]
    return Report.of(frame, sections, lines)


def cli_app() -> typer.Typer:
    from produktlyft.kernel.backup import cli as backup_cli
    from produktlyft.kernel.cli.app import build_cli
    from produktlyft.kernel.cli.state import STATE

    load_schema()  # `produktlyft init` migrates with every area's tables known
    by_name = {area.name: area for area in AREAS}
    STATE.caches = CacheRegistry()  # the command's process's one registry
    STATE.make_report = report  # made when a command writes one: it loads the chart stack
    app = build_cli([by_name[name] for name in CLI_ORDER])
    backup_cli.register(app)  # the kernel's own commands, after every area's
    return app


def main() -> None:
    """The `produktlyft` command."""
    tune_allocator()  # before any command loads polars
    from produktlyft.kernel.cli.app import run

    run(cli_app())


def web_app(settings: Settings, *, oidc_client_kwargs: dict[str, object] | None = None) -> FastAPI:
    """The web app with every area's pages, API and the report, for these settings; its
    process's one cache registry is made with it."""
    from produktlyft.kernel.web.app import create_app

    load_schema()  # `serve --migrate` migrates with every area's tables known
    return create_app(
        settings,
        AREAS,
        caches=CacheRegistry(),
        report=report(),
        oidc_client_kwargs=oidc_client_kwargs,
    )


def server_app() -> FastAPI:
    """The factory uvicorn calls in each worker process, configured from the environment."""
    tune_allocator()  # before the pages load polars
    return web_app(Settings())
