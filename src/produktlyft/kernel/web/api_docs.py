"""The reading of a JSON API's OpenAPI document: Swagger UI, shipped in the package.

Swagger UI is vendored under `static/vendor/swagger-ui/` (`make assets`), so the page loads
nothing from elsewhere, and it starts from our own script, so the app's strict Content
Security Policy (no inline script) holds here too.
"""

from __future__ import annotations

from html import escape

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse

from produktlyft.kernel.web.security import public

# The page only hosts the widget: its text is the OpenAPI document's, which is in English.
_PAGE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>{title}</title>
<link rel="stylesheet" href="/static/vendor/swagger-ui/swagger-ui.css">
<link rel="stylesheet" href="/static/api-docs.css">
</head>
<body>
<main id="api-docs" data-openapi="{openapi}"><h1 class="api-docs-title">{title}</h1></main>
<script src="/static/vendor/swagger-ui/swagger-ui-bundle.js"></script>
<script src="/static/api-docs.js"></script>
</body>
</html>
"""


def add_docs_route(api: FastAPI, path: str = "/docs") -> None:
    """Serve the documentation of `api` at `path` under the API's own mount point."""

    @api.get(path, include_in_schema=False, response_class=HTMLResponse)
    @public
    def api_docs(request: Request) -> HTMLResponse:
        """The API's documentation, for everyone (as the OpenAPI document is)."""
        openapi = f"{request.scope.get('root_path', '')}{api.openapi_url}"
        return HTMLResponse(_PAGE.format(title=escape(api.title), openapi=escape(openapi)))
