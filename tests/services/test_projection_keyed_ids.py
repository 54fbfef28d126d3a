"""A public person whose id names a protected person is found only under their public id
(`Projection.person_shown`). The projection finds those persons by judging every public id once
per set of protected names, and carries them across writes that keep the names: a person
added, voided or made public afterwards must be found, or not, exactly as by a projection made
afresh. The names are made up."""

from __future__ import annotations

from datetime import datetime

from prisonwatch.core.records import Person
from prisonwatch.core.vocabulary import Protection
from prisonwatch.services.public import Projection

AT = datetime(2026, 1, 1)
KEY = b"test key"
CANARY = Person("pw-kvetsinski", "Zmitser Kvetsinski", AT, protection=Protection.COUNTS_ONLY)
PUBLIC = Person("pw-public", "Ales Control", AT)
NAMING = Person("by-kvetsinski-2", "Ales Nobody", AT)
"""A public person whose id holds the canary's surname: shown under a public id."""


def _of(persons: list[Person]) -> Projection:
    return Projection.of(persons, [], {}, {}, KEY)


def _found(proj: Projection, pid: str) -> tuple[str | None, str | None]:
    return proj.person_shown(pid), proj.person_shown(proj.person_id(pid))


def test_replaced_ids_are_carried_across_writes_that_keep_the_protected_names() -> None:
    before = _of([CANARY, PUBLIC])
    assert before.person_shown("person-0123456789abcdef") is None  # made now, then carried
    added = before.updated(
        {p.id: p for p in (CANARY, NAMING, PUBLIC)}, {}, {NAMING.id: None}, set(), {}
    )
    assert added.names is before.names  # the carried path, not a projection made afresh
    afresh = _of([CANARY, NAMING, PUBLIC])
    shown = added.person_id(NAMING.id)
    assert shown != NAMING.id and shown.startswith("person-")
    for pid in (CANARY.id, NAMING.id, PUBLIC.id):
        assert _found(added, pid) == _found(afresh, pid)
    assert _found(added, NAMING.id) == (None, NAMING.id)

    voided = added.updated({p.id: p for p in (CANARY, PUBLIC)}, {}, {NAMING.id: NAMING}, set(), {})
    assert voided.names is before.names
    assert voided.person_shown(shown) is None
    assert _found(voided, NAMING.id) == _found(_of([CANARY, PUBLIC]), NAMING.id)
