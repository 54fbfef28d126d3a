"""Running the real command line in a subprocess, against a real database."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path


@dataclass
class Result:
    code: int
    out: str
    err: str


class Cli:
    def __init__(self, db: str, cwd: Path) -> None:
        self.db, self.cwd = db, cwd

    def __call__(self, *args: str, db: bool = True) -> Result:
        env = {
            **os.environ,
            "PRISONWATCH_DB": self.db,
            "COLUMNS": "200",
            "PRISONWATCH_ACTOR": "tester",
        }
        proc = subprocess.run(
            [sys.executable, "-m", "prisonwatch", *args],
            capture_output=True,
            text=True,
            env=env,
            cwd=self.cwd,
            timeout=120,
            stdin=subprocess.DEVNULL,
        )
        return Result(proc.returncode, proc.stdout, proc.stderr)


SAMPLE = Path(__file__).resolve().parents[2] / "src" / "prisonwatch" / "sample_data"
SAMPLE_FILES = [
    str(SAMPLE / f)
    for f in (
        "sources.csv",
        "registry_sources.csv",
        "persons.csv",
        "registry_persons.csv",
        "deals.csv",
        "events.csv",
        "registry_events.csv",
        "observations.csv",
    )
]
