"""`prisonwatch deals` answers as the public unless --include-protected, like `custody` and
`export`. It named only public persons among the freed (the public's accounting, as
documented) but printed every deal's note, mediator, parties, published figures' notes and
sources as stored: "Zhaurankevich and Лук'янчык among the freed", "Tsvirbutskaya's lawyer", a
source whose address names a protected person (red team, session 6; fails on the code before)."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli.conftest import Cli
from tests.web import leak_canaries as lc

FILES = {
    "persons.csv": lc.PERSONS,
    "sources.csv": lc.SOURCES,
    "events.csv": lc.EVENTS,
    "deals.csv": lc.DEALS,
}


def _imported(cli: Cli, tmp_path: Path) -> None:
    paths = []
    for name, text in FILES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
        paths.append(str(tmp_path / name))
    r = cli("import", *paths)
    assert r.code == 0, r.err


def _traces(text: str) -> list[str]:
    return lc.traces(text, [])


def test_deals_answers_as_the_public_in_every_format(cli: Cli, tmp_path: Path) -> None:
    _imported(cli, tmp_path)
    for fmt in ("json", "csv", "table"):
        r = cli("deals", "--format", fmt)
        assert r.code == 0, r.err
        assert _traces(r.out) == [], (fmt, _traces(r.out))
    rows = json.loads(cli("deals", "--format", "json").out)
    assert {d["date"] for d in rows} == {"2025-03-09", "2025-04-20"}  # the deals are there
    assert lc.ZH_URL not in cli("deals", "--format", "json").out


def test_include_protected_shows_the_analysts_deals(cli: Cli, tmp_path: Path) -> None:
    _imported(cli, tmp_path)
    r = cli("deals", "--format", "json", "--include-protected")
    assert r.code == 0, r.err
    assert "Zhaurankevich and Лук'янчык among the freed" in r.out
    assert "Tsvirbutskaya's lawyer" in r.out
