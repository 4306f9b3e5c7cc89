"""The migrations form one numbered sequence: file N revises file N-1, with no gaps or twins."""

from __future__ import annotations

import ast
from pathlib import Path

from produktlyft.kernel.db import database

VERSIONS = Path(database.__file__).parent / "migrations" / "versions"


def _revision_of(path: Path) -> tuple[str, str | None]:
    values: dict[str, str | None] = {}
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name):
            name = node.targets[0].id
            if name in ("revision", "down_revision") and isinstance(node.value, ast.Constant):
                values[name] = node.value.value
    return str(values["revision"]), values.get("down_revision")


def test_files_are_numbered_one_after_another_and_each_revises_the_one_before() -> None:
    files = sorted(VERSIONS.glob("[0-9][0-9][0-9][0-9]_*.py"))
    numbers = [int(path.name[:4]) for path in files]
    assert numbers == list(range(1, len(files) + 1))
    previous: str | None = None
    for path in files:
        revision, down = _revision_of(path)
        assert down == previous, f"{path.name} revises {down}, expected {previous}"
        previous = revision
