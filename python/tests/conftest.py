"""Shared fixtures: the real `casus` binary, to compare the package with the CLI.

The binary is ``$CASUS_BIN`` when set (``.ci/run`` sets it, and then a
missing binary is an error, not a skip); otherwise the first ``casus`` found
under ``$CARGO_TARGET_DIR`` or the repository's ``target/`` (debug, then
release). Tests that need it are skipped, with the reason, when there is none.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


def _find_binary() -> Path | None:
    explicit = os.environ.get("CASUS_BIN")
    if explicit:
        path = Path(explicit)
        if not path.is_file():
            raise RuntimeError(f"CASUS_BIN={explicit} is not a file")
        return path
    roots = [Path(os.environ["CARGO_TARGET_DIR"])] if os.environ.get("CARGO_TARGET_DIR") else []
    roots.append(REPO / "target")
    for root in roots:
        for profile in ("debug", "release"):
            candidate = root / profile / "casus"
            if candidate.is_file():
                return candidate
    return None


class Cli:
    """Runs the real binary and returns what it printed."""

    def __init__(self, binary: Path):
        self.binary = binary

    def run(self, *args: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [str(self.binary), "--color", "never", *args],
            capture_output=True,
            text=True,
            check=False,
        )

    def json(self, *args: str):
        done = self.run(*args, "--format", "json")
        assert done.returncode == 0, done.stderr
        return json.loads(done.stdout)


@pytest.fixture(scope="session")
def cli() -> Cli:
    binary = _find_binary()
    if binary is None:
        pytest.skip("no casus binary (build it with `cargo build -p casus-cli` or set CASUS_BIN)")
    return Cli(binary)
