"""Nothing is lost in composition: the CLI offers the same commands with the same options, and the
web app the same routes and navigation, whichever way the areas are put together. The lists were
taken from the app before it was composed from area declarations."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import typer
from fastapi import FastAPI

from produktlyft.bootstrap import cli_app, web_app
from produktlyft.kernel.settings import Settings
from produktlyft.kernel.web.security import iter_routes

COMMANDS = {
    "attach repo": ("--window-days", "location", "system_id"),
    "attach sbom": ("path", "system_id"),
    "decisions import": ("path",),
    "decisions report": ("--days", "--json", "--team"),
    "decisions rights import": ("path",),
    "decisions rights set": ("--kind", "--level", "--team"),
    "decisions rights show": (),
    "demo": ("--culture", "--eventlog", "--out", "--seed", "--systems"),
    "duplicates confirm": ("--note", "a", "b"),
    "duplicates list": (),
    "duplicates reject": ("--note", "a", "b"),
    "eol show": (),
    "interop": ("--json", "--lang", "--rules"),
    "eol update": ("--date", "--from", "--url"),
    "export": ("--format", "--lang", "--output", "-f", "-o"),
    "import": ("--dry-run", "--prune", "paths"),
    "init": (),
    "report": ("--format", "--lang", "--output", "-f", "-o"),
    "review": ("--as-of", "--json", "--lang", "--profile", "--top", "-p"),
    "serve": ("--host", "--migrate", "--port", "--workers"),
    "summary": (),
    "survey answer": ("--answers", "token"),
    "survey close": ("round_id",),
    "survey create": (
        "--close",
        "--instrument",
        "--legal-basis",
        "--min-group",
        "--mode",
        "--opens",
        "--team",
        "--title",
        "-i",
        "-t",
    ),
    "survey evidence": ("--note", "--point", "--team", "--url", "-t", "round_id"),
    "survey import-dimios": ("--scope", "path"),
    "survey links": ("--count", "--csv", "--lang", "--sheet", "--team", "-n", "-t", "round_id"),
    "survey list": (),
    "survey readiness": ("--lang", "round_id"),
    "survey report": ("--group", "--json", "--lang", "-g", "round_id"),
    "survey trend": ("--lang", "--team", "-t"),
    "template": ("--format", "--lang", "--output", "-f", "-o"),
    "token create": ("--role", "name"),
    "user add": ("--display-name", "--password-stdin", "--role", "name"),
    "weights reset": ("profile",),
    "weights set": ("--file", "-f", "assignments"),
    "weights show": (),
    "workflows analyse": (
        "--attribute",
        "--attribute-mode",
        "--from",
        "--json",
        "--lang",
        "--time-mode",
        "--to",
        "--top-variants",
        "--value",
        "--variant",
        "name",
    ),
    "workflows delete": ("name",),
    "workflows import": (
        "--activity",
        "--case",
        "--cost",
        "--lifecycle",
        "--name",
        "--resource",
        "--skip-bad-rows",
        "--timestamp",
        "--timestamp-format",
        "--timezone",
        "--unit",
        "path",
    ),
    "workflows list": (),
    "workflows map": ("--remove", "activity", "system_id"),
}
ROUTES = {
    ("GET", "/"),
    ("GET", "/accessibility"),
    ("GET", "/admin"),
    ("GET", "/admin/audit"),
    ("POST", "/admin/accounts"),
    ("POST", "/admin/password"),
    ("POST", "/admin/disabled"),
    ("GET", "/account/password"),
    ("POST", "/account/password"),
    ("POST", "/decisions/new"),
    ("POST", "/admin/roles"),
    ("POST", "/admin/tokens"),
    ("POST", "/admin/tokens/revoke"),
    ("GET", "/api/v1/capabilities"),
    ("PATCH", "/api/v1/capabilities/{record_id:path}"),
    ("GET", "/api/v1/changes"),
    ("GET", "/api/v1/contracts"),
    ("PATCH", "/api/v1/contracts/{record_id:path}"),
    ("GET", "/api/v1/history/sessions/{record_id:path}"),
    ("GET", "/api/v1/history/users/{record_id:path}"),
    ("GET", "/api/v1/history/api_tokens/{record_id:path}"),
    ("GET", "/api/v1/history/{entity}/{record_id:path}"),
    ("POST", "/api/v1/imports"),
    ("GET", "/api/v1/integrations"),
    ("PATCH", "/api/v1/integrations/{record_id:path}"),
    ("GET", "/api/v1/summary"),
    ("GET", "/api/v1/systems"),
    ("PATCH", "/api/v1/systems/{record_id:path}"),
    ("GET", "/api/v1/systems/{system_id:path}"),
    ("GET", "/auth/oidc/callback"),
    ("GET", "/capabilities"),
    ("GET", "/contracts"),
    ("GET", "/decisions"),
    ("POST", "/decisions/import"),
    ("GET", "/decisions/rights"),
    ("GET", "/interop"),
    ("GET", "/interop/systems/{system_id}"),
    ("GET", "/edit/capabilities/{record_id:path}"),
    ("POST", "/edit/capabilities/{record_id:path}"),
    ("GET", "/edit/contracts/{record_id:path}"),
    ("POST", "/edit/contracts/{record_id:path}"),
    ("GET", "/edit/integrations/{record_id:path}"),
    ("POST", "/edit/integrations/{record_id:path}"),
    ("GET", "/edit/systems/{record_id:path}"),
    ("POST", "/edit/systems/{record_id:path}"),
    ("GET", "/healthz"),
    ("GET", "/import"),
    ("POST", "/import"),
    ("GET", "/import/template"),
    ("POST", "/demo/load"),
    ("POST", "/import/confirm"),
    ("GET", "/integrations"),
    ("GET", "/language/{code}"),
    ("GET", "/login"),
    ("POST", "/login"),
    ("GET", "/login/oidc"),
    ("POST", "/logout"),
    ("GET", "/review"),
    ("POST", "/review/attach/repo"),
    ("POST", "/review/attach/sbom"),
    ("GET", "/review/duplicates"),
    ("POST", "/review/duplicates"),
    ("GET", "/review/heatmap"),
    ("GET", "/review/ranking"),
    ("GET", "/review/report"),
    ("GET", "/review/run"),
    ("POST", "/review/run"),
    ("GET", "/review/systems/{system_id:path}"),
    ("GET", "/review/weights"),
    ("POST", "/review/weights"),
    ("POST", "/review/weights/preview"),
    ("GET", "/s/{token}"),
    ("POST", "/s/{token}"),
    ("GET", "/surveys"),
    ("GET", "/surveys/new"),
    ("POST", "/surveys/new"),
    ("GET", "/surveys/{round_id}"),
    ("POST", "/surveys/{round_id}/close"),
    ("GET", "/surveys/{round_id}/groups/{node_id:path}"),
    ("POST", "/surveys/{round_id}/links"),
    ("GET", "/surveys/{round_id}/readiness"),
    ("GET", "/systems"),
    ("GET", "/systems/{system_id:path}"),
    ("GET", "/workflows"),
    ("POST", "/workflows"),
    ("GET", "/workflows/imports/{job_id}"),
    ("GET", "/workflows/logs/{name}"),
}
NAV = [
    ("/review", "Summary", "/review"),
    ("/review/ranking", "Ranking", "/review"),
    ("/review/heatmap", "Heatmap", "/review"),
    ("/review/duplicates", "Duplicates", "/review"),
    ("/review/weights", "Weights", "/review"),
    ("/interop", "Interoperability", "/roadmap"),
    ("/", "Overview", None),
    ("/systems", "Systems", None),
    ("/capabilities", "Capabilities", None),
    ("/integrations", "Integrations", None),
    ("/workflows", "Workflows", None),
    ("/contracts", "Contracts", None),
    ("/review", "Review", None),
    ("/import", "Import", None),
    ("/surveys", "Surveys", None),
    ("/decisions", "Decisions", None),
    ("/admin", "Administration", None),
]


def _commands(command: Any, prefix: tuple[str, ...] = ()) -> dict[str, tuple[str, ...]]:
    if not hasattr(command, "commands"):
        options = sorted(option for param in command.params for option in param.opts)
        return {" ".join(prefix): tuple(options)}
    found: dict[str, tuple[str, ...]] = {}
    for name, sub in command.commands.items():
        found.update(_commands(sub, (*prefix, name)))
    return found


def _web_app(tmp_path: Path) -> FastAPI:
    return web_app(Settings(database_url=f"sqlite:///{tmp_path / 'routes.db'}"))


def test_the_cli_offers_the_same_commands_and_options() -> None:
    root = typer.main.get_command(cli_app())
    assert _commands(root) == COMMANDS
    assert sorted(option for param in root.params for option in param.opts) == [
        "--database",
        "--debug",
    ]


def test_the_web_app_serves_the_same_routes(tmp_path: Path) -> None:
    app = _web_app(tmp_path)
    routes = {(m, prefix + r.path) for prefix, r in iter_routes(app.routes) for m in r.methods}
    assert routes == ROUTES
    mounts = [getattr(route, "path", None) for route in app.routes]
    assert "/api/v1" in mounts and "/static" in mounts


def test_the_navigation_is_the_same(tmp_path: Path) -> None:
    nav = [(entry.path, entry.label, entry.parent) for entry in _web_app(tmp_path).state.web.nav]
    assert nav == NAV
