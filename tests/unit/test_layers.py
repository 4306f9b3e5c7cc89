"""The layering is enforced by tools: import-linter contracts, and this import check."""

from __future__ import annotations

import subprocess
import sys


def _modules_loaded_by(statement: str) -> set[str]:
    code = f"import sys; {statement}; print('\\n'.join(sorted(sys.modules)))"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    return set(result.stdout.split())


IMPORT_EVERY_ANALYSIS = (
    "import pkgutil, importlib\n"
    "for area in ('inventory', 'review', 'workflows', 'surveys', 'decisions'):\n"
    "    package = importlib.import_module(f'produktlyft.{area}.analysis')\n"
    "    for m in pkgutil.walk_packages(package.__path__, package.__name__ + '.'):\n"
    "        importlib.import_module(m.name)"
)


def test_every_area_s_analysis_loads_no_storage_web_or_cli_stack() -> None:
    loaded = _modules_loaded_by(IMPORT_EVERY_ANALYSIS)
    assert "produktlyft.workflows.analysis.dfg" in loaded  # the walk did import them
    assert "produktlyft.surveys.analysis.disclosure" in loaded
    forbidden = {"sqlalchemy", "fastapi", "starlette", "typer", "alembic", "jinja2"}
    assert not forbidden & {name.split(".")[0] for name in loaded}


def test_domain_loads_no_storage_or_web_stack() -> None:
    loaded = _modules_loaded_by(
        "import produktlyft.inventory.model, produktlyft.inventory.template"
    )
    assert not {"sqlalchemy", "fastapi", "polars"} & {name.split(".")[0] for name in loaded}


def test_the_review_service_loads_the_event_log_engine_only_when_it_needs_it() -> None:
    loaded = _modules_loaded_by("import produktlyft.review.services.run")
    assert "produktlyft.workflows.services.analysis" not in loaded
    assert not {m for m in loaded if m.startswith("produktlyft.workflows.analysis")}


AREAS = ("inventory", "review", "workflows", "surveys", "decisions", "accounts", "demo")
IMPORT_ALL_OF_THE_KERNEL = (
    "import pkgutil, importlib, produktlyft.kernel as k\n"
    "for m in pkgutil.walk_packages(k.__path__, 'produktlyft.kernel.'):\n"
    "    if '.migrations' not in m.name and not m.name.endswith('__main__'):\n"
    "        importlib.import_module(m.name)"
)


def test_the_kernel_imports_no_area() -> None:
    loaded = _modules_loaded_by(IMPORT_ALL_OF_THE_KERNEL)
    assert "produktlyft.kernel.web.app" in loaded  # the walk did import the shells
    assert not {m for m in loaded if m.split(".")[:2] in [["produktlyft", a] for a in AREAS]}
    assert "produktlyft.bootstrap" not in loaded


def test_declaring_the_areas_loads_no_web_or_report_stack() -> None:
    loaded = _modules_loaded_by("import produktlyft.bootstrap")
    assert not {"fastapi", "jinja2", "polars", "weasyprint"} & {m.split(".")[0] for m in loaded}
