"""The demo's event log ships inside the package, with its source and licence, so that a bare
clone or an installed wheel runs the whole demo without ../shared."""

from __future__ import annotations

import fnmatch
import gzip
import tomllib

from produktlyft.demo.workflows import DEFAULT_EVENTLOG
from tests.conftest import ROOT


def test_the_receipt_log_is_package_data_with_its_sources() -> None:
    assert DEFAULT_EVENTLOG.is_file()
    assert DEFAULT_EVENTLOG.parent == ROOT / "src" / "produktlyft" / "demo" / "data"
    with gzip.open(DEFAULT_EVENTLOG) as stream:
        assert b"<log" in stream.read(4096)
    sources = (DEFAULT_EVENTLOG.parent / "SOURCES.md").read_text(encoding="utf-8")
    assert "10.4121/uuid:a07386a5-7be3-4367-9535-70bc9e77dbe6" in sources
    assert "CC BY 4.0" in sources and "Buijs" in sources


def test_pyproject_packages_the_log_and_its_sources() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = config["tool"]["setuptools"]["package-data"]["produktlyft.demo.data"]
    for name in ("receipt.xes.gz", "SOURCES.md"):
        assert any(fnmatch.fnmatch(name, pattern) for pattern in patterns), name
