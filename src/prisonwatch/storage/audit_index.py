"""Whether the search index of revised persons' names is what their records say.

`revised_names` is derived, not a record: `revise` rebuilds it from a person's current names
(`person_names` keeps the names as first recorded). Search reads it, so a row deleted or
changed in SQL hid a renamed person from `find_persons` (or made a name find someone it is
not) while `audit verify` said "intact". It is not chained: the persons' revisions are, so
`check_revised_names` rebuilds the index from the chained records and names the first person
whose stored rows differ.
"""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import Connection, select

from prisonwatch.storage import tables as t
from prisonwatch.storage.audit import Break
from prisonwatch.storage.rows import search_key


def check_revised_names(conn: Connection) -> Break | None:
    """The first person whose `revised_names` rows are not the search keys of their current
    names in order (none for a voided person), or None."""
    from prisonwatch.storage.sql import _Reader  # sql imports the audit checks

    expected: dict[str, list[tuple[int, str]]] = {}
    for pid, revs in _Reader(conn).revisions("person", None).items():
        last = revs[-1].record
        names = last.all_names if last is not None else ()
        expected[pid] = [(i, search_key(n)) for i, n in enumerate(names)]
    stored: dict[str, list[tuple[int, str]]] = defaultdict(list)
    r = t.revised_names.c
    for pid, position, key in conn.execute(
        select(r.person_id, r.position, r.key).order_by(r.person_id, r.position)
    ):
        stored[str(pid)].append((int(position), str(key)))
    for pid in sorted(expected.keys() | stored.keys()):
        want, got = expected.get(pid, []), stored.get(pid, [])
        if want == got:
            continue
        if pid not in expected:
            why = "holds rows for a person never revised: added in SQL"
        else:
            missing = [k for i, k in want if (i, k) not in got]
            why = (
                f"holds {len(got)} row(s) where the person's current names give {len(want)}"
                if len(got) != len(want)
                else "is not the search keys of the person's current names"
            )
            if missing:
                why += f" (missing {missing[0]!r})"
            why += ": changed in SQL (search no longer finds the person by their names)"
        return Break(None, f"table revised_names, person {pid!r}: {why}")
    return None
