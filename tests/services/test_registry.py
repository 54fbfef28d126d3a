"""A registry kept current write by write answers as one built afresh.

`Registry.updated` marks the persons a write changed as stale and keeps their current names
beside the substring index built before; `containing` must then give the same persons in the
same order (and the same organisations) as `Registry.build` over the records as they are now,
for any sequence of renames, additions, removals and changes of who recognised whom, and any
piece of a name searched, the limit included.
"""

from __future__ import annotations

from datetime import datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from prisonwatch.core.dates import parse_fuzzy
from prisonwatch.core.records import Event, Person
from prisonwatch.core.vocabulary import EventKind
from prisonwatch.services import registry
from prisonwatch.services.registry import Registry

AT = datetime(2026, 1, 1)
NAMES = ["Ales Bialiatski", "Алесь Бяляцкі", "Maria Kalesnikava", "Ales Kales", "Ihar Losik"]
ORGS = ["Viasna", "Вясна-96", "Vesna", "Amnesty", "Named Kales"]  # one org twice, one similar


def _shown(org: str | None) -> str | None:
    """A viewer who may not see organisations naming "Kales" (as a projection would hide them)."""
    return None if org is None or "Kales" in org else org


def _events(orgs: dict[str, str]) -> list[Event]:
    return [
        Event(f"e-{pid}", pid, EventKind.DESIGNATED, parse_fuzzy("2021-05-01"), AT, organisation=o)
        for pid, o in sorted(orgs.items())
    ]


ops = st.lists(
    st.one_of(
        st.tuples(st.just("rename"), st.integers(0, 30), st.sampled_from(NAMES)),
        st.tuples(st.just("alias"), st.integers(0, 30), st.sampled_from(NAMES)),
        st.tuples(st.just("add"), st.integers(0, 30), st.sampled_from(NAMES)),
        st.tuples(st.just("remove"), st.integers(0, 30), st.just("")),
        st.tuples(st.just("org"), st.integers(0, 30), st.sampled_from(ORGS)),
    ),
    max_size=12,
)


@settings(max_examples=150, deadline=None)
@given(
    start=st.lists(st.sampled_from(NAMES), min_size=1, max_size=12),
    writes=ops,
    query=st.sampled_from(["ales", "Ales", "ка", "a", "Kales Ales", "losik", "zzz", "i"]),
    limit=st.integers(1, 12),
)
def test_a_registry_kept_current_searches_as_one_built_afresh(
    start: list[str], writes: list[tuple[str, int, str]], query: str, limit: int
) -> None:
    persons = {f"p{i:02d}": Person(f"p{i:02d}", n, AT) for i, n in enumerate(start)}
    orgs: dict[str, str] = {}
    kept = Registry.build(dict(persons), _events(orgs), _shown)
    for op, i, value in writes:
        pid = f"p{i:02d}"
        if op == "rename" and pid in persons:
            persons[pid] = Person(pid, value, AT, persons[pid].aliases)
        elif op == "alias" and pid in persons:
            persons[pid] = Person(pid, persons[pid].name, AT, (*persons[pid].aliases, value))
        elif op == "add" and pid not in persons:
            persons[pid] = Person(pid, value, AT)
        elif op == "remove":
            persons.pop(pid, None)
            orgs.pop(pid, None)
        elif op == "org" and pid in persons:
            orgs[pid] = value
        else:
            continue
        by_person = {e.person_id: [e] for e in _events(orgs)}
        updated = kept.updated(persons.get, {pid}, lambda p, b=by_person: b.get(p, []), _shown)
        assert updated is not None
        kept = updated
    everyone = dict(sorted(persons.items()))
    afresh = Registry.build(everyone, _events(orgs), _shown)
    assert kept.containing(query, limit) == afresh.containing(query, limit)
    assert kept.everyone == afresh.everyone
    assert list(kept.everyone) == list(afresh.everyone)
    assert kept.orgs == afresh.orgs
    assert all(o in {"Viasna", "Vesna", "Amnesty"} for s in afresh.orgs.values() for o in s)


def test_a_change_of_what_may_be_shown_of_an_organisation_builds_afresh() -> None:
    persons = {"p1": Person("p1", "Ales Bialiatski", AT)}
    events = _events({"p1": "Named Kales"})
    kept = Registry.build(persons, events, _shown)
    assert kept.orgs == {}
    same = kept.updated(persons.get, set(), lambda p: events, _shown, old_text=_shown)
    assert same is not None
    assert kept.updated(persons.get, set(), lambda p: events, lambda o: o, old_text=_shown) is None


def test_past_the_stale_limit_the_registry_is_not_carried_on(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    persons = {f"p{i}": Person(f"p{i}", "Ales Bialiatski", AT) for i in range(5)}
    kept = Registry.build(persons, [], _shown)
    monkeypatch.setattr(registry, "MAX_STALE", 2)
    assert kept.updated(persons.get, {"p0", "p1"}, lambda p: [], _shown) is not None
    assert kept.updated(persons.get, {"p0", "p1", "p2"}, lambda p: [], _shown) is None


def test_a_person_designated_under_two_spellings_is_designated_by_one_organisation() -> None:
    persons = {"p1": Person("p1", "Ales Bialiatski", AT), "p2": Person("p2", "Ihar Losik", AT)}
    events = [
        *_events({"p1": "Вясна"}),
        Event(
            "e-2", "p1", EventKind.DESIGNATED, parse_fuzzy("2022-01-01"), AT, organisation="Viasna"
        ),
        *_events({"p2": "Vesna"}),
    ]
    reg = Registry.build(persons, events, _shown)
    assert reg.orgs == {"p1": {"Viasna"}, "p2": {"Vesna"}}


def test_persons_designated_by_the_same_organisations_share_one_set() -> None:
    """One frozen set per distinct set of organisations: at 100,000 persons a set each was
    a fifth of the public registry's memory. Sharing changes no answer."""
    persons = {f"p{i}": Person(f"p{i}", "Ales Bialiatski", AT) for i in range(3)}
    reg = Registry.build(persons, _events({"p0": "Viasna", "p1": "Viasna", "p2": "Vesna"}), _shown)
    assert reg.orgs == {"p0": {"Viasna"}, "p1": {"Viasna"}, "p2": {"Vesna"}}
    assert reg.orgs["p0"] is reg.orgs["p1"] and isinstance(reg.orgs["p0"], frozenset)
