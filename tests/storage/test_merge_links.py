"""`merge_links` gives every merged record's current merge as `links_of(persons())` does,
without reading every person (session 8: `prisonwatch person` and `merge` read all 100,000
persons of a registry to find who was merged into whom): after merges, unmerges, voids, edits
and a restored backup's first versions, in any order."""

from __future__ import annotations

import dataclasses
from datetime import datetime, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from prisonwatch.core import merges
from prisonwatch.core.records import Person
from prisonwatch.storage.port import Batch, StorageError
from prisonwatch.storage.sql import SqlStore

AT = datetime(2026, 3, 1, 9, 0)
IDS = ("a", "b", "c", "d", "e")

OPS = st.lists(
    st.tuples(
        st.sampled_from(("merge", "unmerge", "void", "edit")),
        st.sampled_from(IDS),
        st.sampled_from(IDS),
    ),
    max_size=12,
)


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(ops=OPS, restored=st.booleans())
def test_merge_links_are_the_links_of_every_person(
    store_url: str, ops: list[tuple[str, str, str]], restored: bool
) -> None:
    store = SqlStore(store_url)
    store.migrate()
    try:
        _reset(store)
        persons = [Person(f"p-{i}", f"Person {i}", AT) for i in IDS]
        if restored:  # a backup's first versions already merged (`merged_into` column)
            persons[4] = dataclasses.replace(persons[4], merged_into="p-a")
        store.apply(Batch(persons=persons), "t", AT)
        at = AT
        for op, x, y in ops:
            at += timedelta(minutes=1)
            try:
                if op == "merge":
                    store.merge_persons(f"p-{x}", f"p-{y}", "t", at)
                elif op == "unmerge":
                    store.unmerge_person(f"p-{x}", "t", at, "wrong")
                elif op == "void":
                    store.revise("person", f"p-{x}", None, "t", at, "gone")
                else:
                    now = store.person(f"p-{x}")
                    if now is not None:
                        changed = dataclasses.replace(now, note=f"edited {at}")
                        store.revise("person", now.id, changed, "t", at, "note")
            except StorageError:
                pass
            assert store.merge_links() == merges.links_of(store.persons()), (op, x, y)
    finally:
        store.close()


def _reset(store: SqlStore) -> None:
    """An empty ledger for each example (the fixture's store is made once per test)."""
    from prisonwatch.storage import tables as t

    with store.engine.begin() as conn:
        for table in (t.revised_names, t.revisions, t.person_names, t.persons, t.audit):
            conn.execute(table.delete())
        conn.execute(t.audit_head.update().values(last_id=0, hash="0" * 64, entries=0))
