"""The app factory uvicorn calls in each worker process, configured from the environment."""

from __future__ import annotations

from fastapi import FastAPI

from produktlyft.settings import Settings
from produktlyft.web.app import create_app


def app() -> FastAPI:
    return create_app(Settings())
