"""Clearing a text the name check says may name a protected person is refused unless the
analyst confirms it: clearing publishes the text as it is, so one slip (clearing titles in
bulk) would publish the name. A text naming nobody protected clears as before."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from prisonwatch.services import public
from prisonwatch.storage import tables as t
from prisonwatch.storage.sql import SqlStore
from tests.cli.conftest import Cli
from tests.web import leak_canaries as lc

FILES = {"persons.csv": lc.PERSONS, "sources.csv": lc.SOURCES}


def _source(store: SqlStore, title: str) -> str:
    (found,) = [s.id for s in store.sources() if s.title == title]
    return found


@pytest.mark.parametrize("title", ["Ihar Zhaurankevich sentenced", "Жаўранкевіча асудзілі"])
def test_a_title_naming_a_protected_person_is_refused_until_confirmed(
    store: SqlStore, tmp_path: Path, title: str
) -> None:
    lc.imported(store, tmp_path, FILES)
    sid = _source(store, title)
    with pytest.raises(public.ClearanceError, match="may name a protected person"):
        public.clear(store, "title", sid, "analyst", lc.NOW, "looks fine")
    assert public.clearances(store) == []  # nothing written
    assert sid not in public.Projection.build(store).sources  # still withheld

    done = public.clear(store, "title", sid, "analyst", lc.NOW, "family agreed", True)
    assert done.note == f"{public.CONFIRMED_NOTE}; family agreed"
    notes = store._read(
        lambda conn: [
            r[0]["note"]
            for r in conn.execute(
                select(t.audit.c.after).where(t.audit.c.record_kind == "clearance")
            )
        ]
    )
    assert notes == [done.note]  # the audit entry says it was confirmed


def test_a_title_naming_nobody_protected_clears_without_confirming(
    store: SqlStore, tmp_path: Path
) -> None:
    lc.imported(store, tmp_path, FILES)
    sid = _source(store, "A source with a script address")
    done = public.clear(store, "title", sid, "analyst", lc.NOW, "checked")
    assert done.note == "checked"


def test_the_cli_refuses_with_exit_2_and_clears_when_confirmed(cli: Cli, tmp_path: Path) -> None:
    paths = []
    for name, text in FILES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
        paths.append(str(tmp_path / name))
    assert cli("import", *paths).code == 0
    store = SqlStore(cli.db)
    sid = _source(store, "Ihar Zhaurankevich sentenced")
    store.close()
    r = cli("review", "clear", "title", sid)
    assert r.code == 2 and "may name a protected person" in r.err and "Traceback" not in r.err
    r = cli("review", "clear", "title", sid, "--despite-protected-name")
    assert r.code == 0 and "cleared title" in r.out
