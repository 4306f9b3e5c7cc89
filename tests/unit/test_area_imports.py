"""The sibling areas import none of each other, and their pages and CLI reach the rest of the
area only through its service, model and presenter (a static check of the import statements,
including those inside functions)."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "src" / "produktlyft"
SIBLINGS = ("workflows", "surveys", "decisions", "accounts")
ABOVE = ("review", "demo")
# The bottom area's records and vocabularies are for everyone.
SHARED = ("produktlyft.inventory.model", "produktlyft.inventory.vocabularies")


def _imports(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return {name for name in found if name.startswith("produktlyft.")}


def _area_of(module: str) -> str:
    return module.split(".")[1]


def test_sibling_areas_import_neither_each_other_nor_the_areas_above() -> None:
    wrong = []
    for area in SIBLINGS:
        for path in (PACKAGE / area).rglob("*.py"):
            for module in _imports(path):
                other = _area_of(module)
                if other != area and other in SIBLINGS + ABOVE:
                    wrong.append(f"{path.relative_to(PACKAGE)} imports {module}")
    assert not wrong, "\n".join(sorted(wrong))


def _allowed(area: str, module: str) -> bool:
    own = f"produktlyft.{area}"
    if module == own or module.startswith(("produktlyft.kernel", *SHARED)):
        return True
    parts = module.split(".")
    if parts[:2] != ["produktlyft", area]:
        return False
    return parts[2] in ("service", "services", "model", "presenter")


def _entry_points(area: str) -> list[Path]:
    folder = PACKAGE / area
    found = [folder / name for name in ("cli.py", "pages.py") if (folder / name).exists()]
    return found + sorted((folder / "pages").glob("*.py"))


def test_pages_and_cli_use_only_their_service_model_presenter_and_the_kernel() -> None:
    entry_points = [(area, path) for area in SIBLINGS[:3] for path in _entry_points(area)]
    entry_points.append(("inventory", PACKAGE / "inventory" / "pages" / "home.py"))
    wrong = [
        f"{path.relative_to(PACKAGE)} imports {module}"
        for area, path in entry_points
        for module in _imports(path)
        if not _allowed(area, module)
    ]
    assert len(entry_points) > 8
    assert not wrong, "\n".join(sorted(wrong))
