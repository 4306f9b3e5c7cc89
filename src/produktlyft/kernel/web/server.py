"""The app factory uvicorn calls in each worker process, configured from the environment."""

from __future__ import annotations

from fastapi import FastAPI

from produktlyft.kernel.settings import Settings
from produktlyft.kernel.web.app import create_app


def app() -> FastAPI:
    return create_app(Settings())
