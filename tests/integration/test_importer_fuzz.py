"""Every import, fed any bytes: a result or a located user error, never another exception, and
after an error the database (and the files kept beside it) exactly as before.

Each format is driven through its service on SQLite, as the CLI and the pages drive it, with
bytes from hypothesis: arbitrary ones, and a small valid file of the format cut short, with
bytes flipped, or re-encoded. The runs are bounded (`EXAMPLES` a format) and derandomised;
`bench/fuzz_importers.py` runs the same targets for as long as one likes.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from produktlyft.kernel.db import Database
from tests.support.fuzzing import TARGETS, Target, check_one, mutations

EXAMPLES = 40  # a format: some 500 imports in all
SETTINGS = settings(
    max_examples=EXAMPLES,
    derandomize=True,
    database=None,
    deadline=None,
    phases=[Phase.explicit, Phase.generate],
    suppress_health_check=list(HealthCheck),
)


@pytest.fixture(scope="module")
def fuzz_database(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    """One database for the module: each example compares it with itself before and after."""
    folder = tmp_path_factory.mktemp("fuzz")
    database = Database.for_tests(f"sqlite:///{folder / 'fuzz.db'}")
    database.migrate()
    yield database
    database.dispose()


@pytest.mark.parametrize("target", TARGETS, ids=[target.name for target in TARGETS])
def test_any_bytes_give_a_result_or_a_located_error(
    target: Target, fuzz_database: Database, tmp_path: Path, test_data: Path
) -> None:
    seed = target.seed(test_data, tmp_path)
    if target.seed_imports:
        assert check_one(target, fuzz_database, tmp_path, seed) == "ok", "the seed imports"
    outcomes: list[str] = []

    @SETTINGS
    @given(data=st.one_of(st.binary(max_size=2048), mutations(seed)))
    def run(data: bytes) -> None:
        outcomes.append(check_one(target, fuzz_database, tmp_path, data))

    run()
    assert len(outcomes) >= EXAMPLES // 2 and "refused" in outcomes
    print(f"fuzz {target.name}: {len(outcomes)} imports, {outcomes.count('refused')} refused")
