"""Fuzz the importers for longer than the test suite does: every input must give a result or
a located user error, never another exception, and nothing written after an error.

    python bench/fuzz_importers.py                        # every format, 2,000 inputs each
    python bench/fuzz_importers.py --target xes --runs 100000
    python bench/fuzz_importers.py --engine hypothesis    # without atheris

The formats and the check are tests/integration/test_importer_fuzz.py's
(`tests/support/fuzzing.py`): each input goes through the format's service on a scratch
SQLite database. With atheris (coverage-guided libFuzzer, the default when it is installed)
each format runs in a process of its own, starting from the small valid file the tests use;
an escaping exception stops it with the traceback and the input, saved as `crash-*` in the
working folder. With `--engine hypothesis` the same inputs the tests draw (any bytes, the valid
file cut short, bytes changed, re-encoded) are fed through hypothesis' `fuzz_one_input` from a
seeded random source, so a run is repeatable.
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]


def _engines() -> list[str]:
    try:
        import atheris  # noqa: F401
    except ImportError:
        return ["hypothesis"]
    return ["atheris", "hypothesis"]


def _target(name: str):  # type: ignore[no-untyped-def]
    from tests.support.fuzzing import TARGETS

    return next(target for target in TARGETS if target.name == name)


def _database(folder: Path):  # type: ignore[no-untyped-def]
    from produktlyft.kernel.db import Database

    database = Database.for_tests(f"sqlite:///{folder / 'fuzz.db'}")
    database.migrate()
    return database


def run_atheris(name: str, runs: int, folder: Path) -> int:
    import atheris

    with atheris.instrument_imports(include=["produktlyft"]):
        import produktlyft.inventory.importers.formats
        import produktlyft.review.analysis.sbom
        import produktlyft.workflows.importers.csv
        import produktlyft.workflows.importers.xes  # noqa: F401
    from tests.support.fuzzing import check_one

    target = _target(name)
    database = _database(folder)
    corpus = folder / "corpus"
    corpus.mkdir()
    (corpus / "seed").write_bytes(target.seed(ROOT / "tests" / "data", folder))
    counts = {"ok": 0, "refused": 0}

    def one_input(data: bytes) -> None:
        counts[check_one(target, database, folder, data)] += 1
        done = counts["ok"] + counts["refused"]
        if done % 500 == 0 or done == runs:
            print(f"{name}: {done} inputs, {counts['refused']} refused", flush=True)

    atheris.Setup([sys.argv[0], f"-runs={runs}", "-seed=1", str(corpus)], one_input)
    atheris.Fuzz()  # ends the process: 0 when every run held
    return 0


def run_hypothesis(name: str, runs: int, folder: Path) -> int:
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st
    from tests.support.fuzzing import check_one, mutations

    target = _target(name)
    database = _database(folder)
    seed = target.seed(ROOT / "tests" / "data", folder)
    counts = {"ok": 0, "refused": 0}

    @settings(database=None, deadline=None, suppress_health_check=list(HealthCheck))
    @given(data=st.one_of(st.binary(max_size=4096), mutations(seed)))
    def one(data: bytes) -> None:
        counts[check_one(target, database, folder, data)] += 1

    source = random.Random(1)
    for _ in range(runs):
        one.hypothesis.fuzz_one_input(source.randbytes(512))
    print(f"{name}: {runs} inputs, {counts['refused']} refused, 0 escaped", flush=True)
    return 0


def main() -> int:
    from tests.support.fuzzing import TARGETS

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--target", choices=[target.name for target in TARGETS])
    parser.add_argument("--runs", type=int, default=2000, help="inputs for each format")
    parser.add_argument("--engine", choices=_engines(), default=_engines()[0])
    args = parser.parse_args()
    if args.target is None:  # each format in its own process (atheris ends the process)
        failed = []
        for target in TARGETS:
            command = [sys.executable, __file__, "--target", target.name, "--runs", str(args.runs)]
            started = time.perf_counter()
            code = subprocess.call([*command, "--engine", args.engine], env=os.environ)
            print(f"  ({time.perf_counter() - started:.0f} s)", flush=True)
            if code:
                failed.append(target.name)
        print(f"{len(TARGETS)} formats, {args.runs} inputs each; escapes in: {failed or 'none'}")
        return 1 if failed else 0
    with tempfile.TemporaryDirectory() as folder:
        runner = run_atheris if args.engine == "atheris" else run_hypothesis
        return runner(args.target, args.runs, Path(folder))


if __name__ == "__main__":
    sys.exit(main())
