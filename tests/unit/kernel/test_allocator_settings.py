"""produktlyft sets polars' allocator to hand memory back quickly, unless the operator chose.
Importing the package changes nothing; each entry point sets it before polars loads."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from produktlyft.kernel.allocator import OURS

# Each entry point, run far enough to load polars, then the setting polars was loaded with.
# polars appends the caller's setting to its own defaults; the last value of a key wins.
_SHOW = "import os; print(os.environ['_RJEM_MALLOC_CONF'])"
THE_COMMAND = (
    "import sys; sys.argv = ['produktlyft', '--help']\n"
    "from produktlyft.bootstrap import main\n"
    "try:\n    main()\nexcept SystemExit:\n    pass\n"
    "import polars\n" + _SHOW
)
THE_SERVER = "from produktlyft.bootstrap import server_app\nserver_app()\nimport polars\n" + _SHOW


def _setting_after(code: str, inherited: str | None, tmp_path: Path) -> str:
    env = {key: value for key, value in os.environ.items() if key != "_RJEM_MALLOC_CONF"}
    env["PRODUKTLYFT_DATABASE_URL"] = f"sqlite:///{tmp_path / 'allocator.db'}"
    if inherited is not None:
        env["_RJEM_MALLOC_CONF"] = inherited
    result = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    return result.stdout.strip().splitlines()[-1]


def test_ours_applies_when_nothing_or_only_polars_default_is_set(tmp_path: Path) -> None:
    for entry_point in (THE_COMMAND, THE_SERVER):
        assert _setting_after(entry_point, None, tmp_path).endswith("," + OURS)
        # a parent process that imported polars passes polars' own default down to its children
        inherited = "dirty_decay_ms:500,muzzy_decay_ms:1000"
        assert _setting_after(entry_point, inherited, tmp_path).endswith("," + OURS)


def test_an_operators_own_setting_wins(tmp_path: Path) -> None:
    for entry_point in (THE_COMMAND, THE_SERVER):
        setting = _setting_after(entry_point, "dirty_decay_ms:0", tmp_path)
        assert setting.endswith(",dirty_decay_ms:0") and OURS not in setting


def test_importing_the_package_changes_nothing(tmp_path: Path) -> None:
    code = (
        "import produktlyft, produktlyft.bootstrap, os\nprint(os.environ.get('_RJEM_MALLOC_CONF'))"
    )
    assert _setting_after(code, None, tmp_path) == "None"
