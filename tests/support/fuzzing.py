"""What the importer fuzzing feeds and checks: one target per import format, each driven
through its service, the mutations of a small valid file, and a snapshot of everything an
import could write (every table's rows, the files kept beside the database).

Shared by tests/integration/test_importer_fuzz.py and bench/fuzz_importers.py.
"""

from __future__ import annotations

import gzip
import itertools
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from hypothesis import strategies as st
from sqlalchemy import inspect, text

from produktlyft.kernel.access import Actor, Role
from produktlyft.kernel.context import ServiceContext
from produktlyft.kernel.db import Database
from produktlyft.kernel.errors import InvalidInput, ProduktlyftError
from produktlyft.kernel.settings import Settings

SYSTEM = "sys-fuzz"
ENCODINGS = ("utf-16", "utf-16-le", "utf-32", "latin-1", "cp1252", "utf-8-sig", "cp437")


@dataclass(frozen=True)
class Target:
    name: str
    filename: str  # the name the file is imported under (CSV sheets are named by their file)
    seed: Callable[[Path, Path], bytes]  # (tests/data, a scratch folder) -> a valid small file
    run: Callable[[ServiceContext, Path], object]
    prepare: Callable[[ServiceContext], None] = field(default=lambda ctx: None)
    seed_imports: bool = True  # False: the seed needs records the scratch database lacks


def snapshot(database: Database, data_dir: Path) -> tuple[object, ...]:
    """Every row of every table, and every file under the data folder with its size."""
    with database.engine.connect() as connection:
        names = sorted(inspect(connection).get_table_names())
        rows = tuple(
            (name, sorted(map(repr, connection.execute(text(f'SELECT * FROM "{name}"')))))
            for name in names
        )
    files = sorted(
        (str(path.relative_to(data_dir)), path.stat().st_size)
        for path in (data_dir.rglob("*") if data_dir.exists() else ())
        if path.is_file()
    )
    return rows, tuple(files)


def _flip(seed: bytes, flips: list[tuple[int, int]]) -> bytes:
    data = bytearray(seed)
    for position, value in flips:
        data[position % len(data)] = value
    return bytes(data)


def mutations(seed: bytes) -> st.SearchStrategy[bytes]:
    """A valid file made invalid the ways files are: cut short, bytes changed, re-encoded."""
    cut = st.integers(0, max(len(seed) - 1, 0)).map(lambda end: seed[:end])
    flipped = st.lists(
        st.tuples(st.integers(0, 2**31), st.integers(0, 255)), min_size=1, max_size=6
    )
    recoded = st.sampled_from(ENCODINGS).map(
        lambda encoding: seed.decode("utf-8", "replace").encode(encoding, "replace")
    )
    return st.one_of(cut, flipped.map(lambda flips: _flip(seed, flips)), recoded)


def check_one(target: Target, database: Database, folder: Path, data: bytes) -> str:
    """Import `data` as `target`'s format: 'ok', or 'refused' with a located user error and
    nothing changed. Anything else escapes, and fails the test."""
    ctx = ServiceContext(
        database,
        Actor("fuzzer", Role.ADMIN),
        Settings(database_url=database.url, data_dir=folder / "data"),
    )
    target.prepare(ctx)
    path = folder / target.filename
    path.write_bytes(data)
    before = snapshot(database, folder / "data")
    try:
        target.run(ctx, path)
    except ProduktlyftError as error:
        assert snapshot(database, folder / "data") == before, f"{target.name}: partly written"
        if isinstance(error, InvalidInput):
            unlocated = [str(issue) for issue in error.issues if not issue.where()]
            assert not unlocated, f"{target.name}: issues without a place: {unlocated}"
        return "refused"
    return "ok"


# --- the inventory: one service for every format, told apart by name and contents --------


def _inventory(ctx: ServiceContext, path: Path) -> object:
    from produktlyft.inventory.services.imports import import_files

    return import_files(ctx, [path], dry_run=False)


def _small_inventory() -> object:
    from tests.support.inventory import synthetic_inventory

    return synthetic_inventory(systems=3)


def _xlsx(_data: Path, scratch: Path) -> bytes:
    from produktlyft.inventory.exporters.tabular import write_xlsx

    write_xlsx(_small_inventory(), scratch / "seed.xlsx")  # type: ignore[arg-type]
    return (scratch / "seed.xlsx").read_bytes()


def _units_csv(_data: Path, _scratch: Path) -> bytes:
    from produktlyft.inventory.exporters.tabular import csv_files

    files = csv_files(_small_inventory())  # type: ignore[arg-type]
    name = next(name for name in files if name.startswith("units"))
    return files[name].encode("utf-8")


def _json(_data: Path, scratch: Path) -> bytes:
    from tests.support.inventory import write_inventory_json

    return write_inventory_json(scratch / "seed.json", systems=3).read_bytes()


def _file(*parts: str) -> Callable[[Path, Path], bytes]:
    return lambda data, _scratch: data.joinpath(*parts).read_bytes()


# --- evidence, event logs ------------------------------------------------------------------


def _one_system(ctx: ServiceContext) -> None:
    """The system the SBOM is attached to (made once, before the snapshot)."""
    from produktlyft.inventory.services.browse import get_record
    from produktlyft.kernel.errors import NotFound

    try:
        get_record(ctx, "systems", SYSTEM)
    except NotFound:
        path = ctx.settings.resolved_data_dir().parent / "one-system.json"
        path.write_text(json.dumps({"systems": [{"id": SYSTEM, "name": "Fuzz"}]}), "utf-8")
        _inventory(ctx, path)


def _sbom(ctx: ServiceContext, path: Path) -> object:
    from produktlyft.review.services.evidence import attach_sbom

    return attach_sbom(ctx, SYSTEM, path)


_LOG_NAMES = itertools.count()


def _event_log(ctx: ServiceContext, path: Path) -> object:
    from produktlyft.workflows.services.logs import ImportOptions, import_event_log

    return import_event_log(ctx, path, ImportOptions(name=f"fuzz-{next(_LOG_NAMES)}"))


def _first_lines(name: str, lines: int) -> Callable[[Path, Path], bytes]:
    def seed(data: Path, _scratch: Path) -> bytes:
        with (data / "eventlogs" / name).open("rb") as handle:
            return b"".join(itertools.islice(handle, lines))

    return seed


_XES = b"""<?xml version="1.0" encoding="UTF-8"?>
<log xes.version="1.0" xmlns="http://www.xes-standard.org/">
 <trace><string key="concept:name" value="c1"/>
  <event><string key="concept:name" value="Registrera"/>
   <date key="time:timestamp" value="2026-01-05T09:00:00+01:00"/>
   <string key="org:resource" value="Anna"/></event>
  <event><string key="concept:name" value="Besluta"/>
   <date key="time:timestamp" value="2026-01-07T10:30:00+01:00"/></event>
 </trace>
 <trace><string key="concept:name" value="c2"/>
  <event><string key="concept:name" value="Registrera"/>
   <date key="time:timestamp" value="2026-01-06T08:15:00+01:00"/></event>
 </trace>
</log>
"""


# --- the other areas' file imports --------------------------------------------------------


def _register(_data: Path, _scratch: Path) -> bytes:
    from tests.integration.decisions.test_decisions import REGISTER

    return REGISTER.encode()


_DIMIOS = "Dimension;Poäng;Kvadrant\nDigital förmåga;3,4;\nDigitalt arv;2,1;\n".encode()
_TERMS = (
    "avtal,optioner sek,uppsägningstid,exitklausul,dataformat,kodägande,system\n"
    "AVT-1,500 000,3,ja,csv,myndigheten,sys-1\n"
).encode()
_INITIATIVES = (
    b"id,name,kind,effort_weeks,teams,dependencies\nn1,New,upgrade,3,,\nn2,Next,migrate,2,,n1\n"
)


def _decisions(ctx: ServiceContext, path: Path) -> object:
    from produktlyft.decisions.service import import_decisions

    return import_decisions(ctx, path)


def _dimios(ctx: ServiceContext, path: Path) -> object:
    from produktlyft.surveys.services.readiness import import_dimios

    return import_dimios(ctx, path, scope="Fuzz")


def _terms(ctx: ServiceContext, path: Path) -> object:
    from produktlyft.procurement.service import import_terms

    return import_terms(ctx, path)


def _initiatives(ctx: ServiceContext, path: Path) -> object:
    from produktlyft.roadmap.service import import_initiatives

    return import_initiatives(ctx, path)


def _deployments(ctx: ServiceContext, path: Path) -> object:
    from produktlyft.outcomes.service.delivery import import_deployments

    return import_deployments(ctx, path, "fuzz-team")


def _incidents(ctx: ServiceContext, path: Path) -> object:
    from produktlyft.outcomes.service.delivery import import_incidents

    return import_incidents(ctx, path, "fuzz-team")


TARGETS = (
    Target("inventory-xlsx", "inventory.xlsx", _xlsx, _inventory),
    Target("inventory-csv", "units.csv", _units_csv, _inventory),
    Target("inventory-json", "inventory.json", _json, _inventory),
    Target("archimate-xml", "model.xml", _file("archimate", "sample1.xml"), _inventory),
    Target(
        "archi-native", "model.archimate", _file("archimate", "archisurance.archimate"), _inventory
    ),
    Target(
        "backstage-yaml", "catalog-info.yaml", _file("backstage", "catalog-info.yaml"), _inventory
    ),
    Target(
        "cyclonedx-json",
        "bom.json",
        _file("cyclonedx", "pycomponents-fastapi-uvicorn.bom.json"),
        _sbom,
        _one_system,
    ),
    Target("xes", "log.xes", lambda _d, _s: _XES, _event_log),
    Target("xes-gz", "log.xes.gz", lambda _d, _s: gzip.compress(_XES, mtime=0), _event_log),
    Target("eventlog-csv", "log.csv", _first_lines("receipt.csv", 40), _event_log),
    Target("decisions-csv", "beslut.csv", _register, _decisions),
    Target("dimios-csv", "dimios.csv", lambda _d, _s: _DIMIOS, _dimios),
    Target("terms-csv", "terms.csv", lambda _d, _s: _TERMS, _terms, seed_imports=False),
    Target("initiatives-csv", "initiatives.csv", lambda _d, _s: _INITIATIVES, _initiatives),
    Target(
        "deployments-csv", "deployments.csv", _file("outcomes", "deployments.csv"), _deployments
    ),
    Target(
        "deployments-json",
        "deployments.json",
        _file("outcomes", "github_deployments.json"),
        _deployments,
    ),
    Target("incidents-csv", "incidents.csv", _file("outcomes", "incidents.csv"), _incidents),
)
