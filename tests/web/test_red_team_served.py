"""Red-team findings (session 3) shown against a real `prisonwatch serve` process and the real
command line, on a SQLite file and on PostgreSQL: each test is one way something about a
protected person reached the public.

The canaries are invented: a `counts_only` man whose event ids carry his surname, a
`withhold_name` woman, and a public record of that same woman under another surname that an
analyst merges into her protected record (a duplicate found later, as registries find them)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, datetime, time, timedelta
from pathlib import Path

import httpx
import pytest

from prisonwatch.core.month_precision import month_start
from prisonwatch.services import exporting
from prisonwatch.storage.sql import SqlStore
from tests.web.test_workers import _port, _run, _serve

PERSONS = (
    "id,name,aliases,birth_year,gender,region,country,protection,recorded_at\n"
    "by-zhuk-valiantsin,Валянцін Жукоўскі-Грэбень,"
    "Valiancin Žukoŭski-Hrebień|Валентин Жуковский-Гребень,1979,male,Homiel,BY,counts_only,"
    "2025-01-01\n"
    "by-nemirova-alesia,Алеся Немiрава,Alesia Niamirava|Алеся Немирова,1990,female,Minsk,BY,"
    "withhold_name,2025-01-01\n"
)
PERSONS += """\
by-public-ivan,Іван Публічны,Ivan Publichny|Иван Публичный,1970,male,Minsk,BY,public,2025-01-01
by-public-dup,Alesia Kvaternik,Алеся Кватэрнік,1990,female,Minsk,BY,public,2025-01-01
"""
EVENTS = """\
id,person_id,kind,date,organisation,source_url,recorded_at,supersedes
zhukouski-detained-2023,by-zhuk-valiantsin,detained,2023-03-01,,https://example.org/x,2025-01-01,
zhukouski-designated,by-zhuk-valiantsin,designated,2023-03-02,Viasna,https://example.org/x,2025-01-01,
niamirava-detained,by-nemirova-alesia,detained,2022-05-01,,https://example.org/y,2025-01-01,
ivan-detained,by-public-ivan,detained,2021-05-01,,https://example.org/z,2025-01-01,
ivan-moved,by-public-ivan,detained,2023-03-01,,https://example.org/z,2025-01-02,zhukouski-detained-2023
dup-detained,by-public-dup,detained,2020-02-02,,https://example.org/w,2025-01-01,
"""
SOURCES = """\
url,title,publisher,published,language,recorded_at
https://example.org/w,Суд над Алесяй Кватэрнік у Мінску,Nasha Niva,2020-02-03,be,2025-01-01
https://example.org/kvaternik-trial,Kvaternik trial postponed,Zerkalo,2020-03-01,en,2025-01-01
"""
SECRETS = ("zhukouski", "zhukovsk", "жукоўск", "жуковск", "kvaternik", "кватэрнік")


def _secret_in(text: str) -> list[str]:
    low = text.casefold()
    return [s for s in SECRETS if s in low]


@pytest.fixture(
    scope="module", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]
)
def served(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[str, dict[str, str]]]:
    """A real server on the canaries, after the merge; its base address and the CLI's env.
    One per backend for the module: the tests only read."""
    tmp_path = tmp_path_factory.mktemp("served")
    if request.param == "sqlite":
        db = f"sqlite:///{tmp_path / 'red.db'}"
    else:
        from tests.conftest import _reset_pg

        db = request.getfixturevalue("pg_database")
        _reset_pg(db)
    env = {**os.environ, "PRISONWATCH_DB": db, "PRISONWATCH_ACTOR": "red"}
    for name, text in (("persons", PERSONS), ("events", EVENTS), ("sources", SOURCES)):
        (tmp_path / f"{name}.csv").write_text(text, encoding="utf-8")
    _run(env, "import", *(str(tmp_path / f"{n}.csv") for n in ("persons", "events", "sources")))
    # later, an analyst finds that the public record is the protected woman under another name
    _run(env, "merge", "by-nemirova-alesia", "by-public-dup")
    port = _port()
    proc = _serve(env, port)
    try:
        yield f"http://127.0.0.1:{port}", env
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def _exports(env: dict[str, str], out: Path) -> dict[str, str]:
    """The public export in every format, as the command line writes it."""
    found = {
        "json": _run(env, "export", "--format", "json").stdout,
        "ftm": _run(env, "export", "--format", "ftm").stdout,
    }
    _run(env, "export", "--format", "csv", "--out", str(out))
    for f in sorted(out.iterdir()):
        found[f.name] = f.read_text(encoding="utf-8")
    return found


def test_a_correction_does_not_name_the_protected_persons_event_it_replaced(
    served: tuple[str, dict[str, str]], tmp_path: Path
) -> None:
    """Found by reading `people.timeline` and `exporting._public`: a public person's event
    that corrects (`supersedes`) an event first recorded on a `counts_only` person showed that
    event's id to the public ("zhukouski-detained-2023", ids being whatever the importer chose)
    on the person's API page and in the public export's events."""
    base, env = served
    page = httpx.get(f"{base}/api/v1/persons/by-public-ivan", timeout=60)
    assert page.status_code == 200
    assert not _secret_in(page.text), page.text
    html = httpx.get(f"{base}/persons/by-public-ivan", timeout=60)
    assert html.status_code == 200 and not _secret_in(html.text)
    for name, text in _exports(env, tmp_path / "export").items():
        assert not _secret_in(text), (name, _secret_in(text))
    # the correction itself stays: the public person's moved detention is in force
    events = {e["id"]: e for e in page.json()["events"]}
    assert events["ivan-moved"]["in_force"] and events["ivan-moved"]["supersedes"] is None


def test_a_public_record_merged_into_a_protected_person_is_protected_with_them(
    served: tuple[str, dict[str, str]], tmp_path: Path
) -> None:
    """Found by merging a public duplicate into a `withhold_name` person and exporting: the
    public export still carried the duplicate as a public person (her other surname, birth
    year, region and detention, with its source address), and texts naming her by that
    surname (a source's title) stayed public, since only the protected record's own names
    were checked. Once merged, the duplicate's names are the protected person's names."""
    base, env = served
    for path in (
        "/api/v1/sources",
        "/api/v1/persons?q=Kvaternik",
        "/api/v1/persons?q=%D0%9A%D0%B2%D0%B0%D1%82%D1%8D%D1%80%D0%BD%D1%96%D0%BA",
        "/api/v1/events",
        "/sources",
        "/persons",
    ):
        r = httpx.get(base + path, timeout=60)
        assert r.status_code == 200, (path, r.status_code)
        assert not _secret_in(r.text), (path, _secret_in(r.text))
    for name, text in _exports(env, tmp_path / "export").items():
        assert not _secret_in(text), (name, _secret_in(text))
    exported = json.loads(_run(env, "export", "--format", "json").stdout)
    dup = [p for p in exported["persons"] if p["id"] == "by-public-dup"]
    assert dup == []  # withheld under a pseudonym, like the person she was merged into
    withheld = [p for p in exported["persons"] if p["protection"] == "withhold_name"]
    assert withheld and all(p["name"] == "(name withheld)" for p in withheld)
    # one person, one row: the merged record's events are on her pseudonym's timeline
    # (`core.merges`), not under a second pseudonym; a merge of protected records, like
    # their other records, reaches the public export on the 1st of the month after it was
    # made (`services.known`; `test_export_month_precise`), so the export of that day
    store = SqlStore(env["PRISONWATCH_DB"])
    try:
        nxt = month_start(datetime.now(UTC).date() + timedelta(days=32))
        later = exporting.export_records(store, at=datetime.combine(nxt, time(0, 5)))
    finally:
        store.close()
    withheld = [p for p in later["persons"] if p["protection"] == "withhold_name"]
    assert len(withheld) == 1 and all(p["name"] == "(name withheld)" for p in withheld)
    assert not [p for p in later["persons"] if p["id"] == "by-public-dup"]
    # the analyst still sees both records
    shown = _run(env, "person", "Kvaternik", "--format", "json").stdout
    assert "Kvaternik" in shown


def test_the_cli_and_server_helpers_run_this_checkout() -> None:
    """The served tests above run `python -m prisonwatch` in a subprocess: it must be this
    checkout's code, else they would test another tree."""
    done = subprocess.run(
        [sys.executable, "-c", "import prisonwatch; print(prisonwatch.__file__)"],
        capture_output=True,
        text=True,
        check=True,
    )
    here = Path(__file__).resolve().parents[2] / "src"
    assert Path(done.stdout.strip()).resolve().parents[1] == here
