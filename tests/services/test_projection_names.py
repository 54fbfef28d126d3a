"""The incremental projection keeps its protected names only while the new ones judge every
text alike, in every way `ProtectedNames.mentions` reads them: stems, skeletons, name pairs
and the runs of scripts written without spaces (Thai, Myanmar, Chinese). A Myanmar or Chinese
spelling added to a protected person changes only the runs; were the runs left out of the
comparison, the kept projection would go on showing a title that names them in that script.
The names are made up."""

from __future__ import annotations

from datetime import datetime

import pytest

from prisonwatch.core.records import Person, Source
from prisonwatch.core.vocabulary import Protection
from prisonwatch.services.public import Projection

AT = datetime(2026, 1, 1)


@pytest.mark.parametrize(
    ("spelling", "title"),
    [("ဇော်မင်းထွန်း", "ဇော်မင်းထွန်းကို ဖမ်းဆီး"), ("龔澤霖", "记者龚泽霖被捕")],
)
def test_a_spelling_in_an_unspaced_script_added_to_a_protected_person_is_taken_in(
    spelling: str, title: str
) -> None:
    canary = Person("pw-un", "Zaw Min Tun", AT, protection=Protection.COUNTS_ONLY)
    control = Person("pw-pub", "Ales Control", AT)
    source = Source("s1", "https://news.example.org/a1", title, "Example", None, None, AT)
    persons = {p.id: p for p in (canary, control)}
    sources = {source.id: source}
    before = Projection.of(persons.values(), sources.values(), {}, {})
    assert "s1" in before.sources  # no name of the canary is in that script yet

    renamed = Person(canary.id, canary.name, AT, (spelling,), protection=Protection.COUNTS_ONLY)
    after = {**persons, canary.id: renamed}
    kept = before.updated(after, sources, {canary.id: canary}, set(), {})
    afresh = Projection.of(after.values(), sources.values(), {}, {})
    assert "s1" not in afresh.sources
    assert "s1" not in kept.sources
    assert kept.sources == afresh.sources and kept.persons == afresh.persons


def test_a_region_naming_a_newly_protected_person_is_hidden_after_several_changes() -> None:
    """The regions checked when the protected names change are those the projection carried
    from earlier changes (`_regions`), not every person walked again: a region first borne by
    a person renamed in an earlier change must still be hidden when a later change protects
    the person it names, as a projection made afresh hides it."""
    canary = Person("pw-c", "Zmicier Kanarejka", AT)
    holder = Person("pw-h", "Ales Holder", AT, region="Minsk")
    other = Person("pw-o", "Ivan Other", AT, region="Hrodna")
    persons = {p.id: p for p in (canary, holder, other)}
    proj = Projection.of(persons.values(), (), frozenset(), {})
    # a change of another person: the regions are made here, before the region below exists
    moved = Person(other.id, other.name, AT, region="Brest")
    persons = {**persons, other.id: moved}
    proj = proj.updated(persons, {}, {other.id: other}, set(), frozenset())
    # the holder's region comes to name the canary, while the canary is public
    named = Person(holder.id, holder.name, AT, region="Kanarejka street")
    persons = {**persons, holder.id: named}
    proj = proj.updated(persons, {}, {holder.id: holder}, set(), frozenset())
    assert proj.persons[holder.id].region == "Kanarejka street"
    # the canary becomes protected: the holder's region names them from now on
    hidden = Person(canary.id, canary.name, AT, protection=Protection.COUNTS_ONLY)
    persons = {**persons, canary.id: hidden}
    proj = proj.updated(persons, {}, {canary.id: canary}, set(), frozenset())
    afresh = Projection.of(persons.values(), (), frozenset(), {})
    assert afresh.persons[holder.id].region is None
    assert proj.persons == afresh.persons


def test_the_persons_shown_otherwise_after_a_change_are_known_without_comparing_all() -> None:
    """`shown_changed` names every person whose shown record a change replaced (the public
    registry searches them again): the touched persons and those whose region the new
    protected names hide, as comparing every person finds them."""
    canary = Person("pw-c", "Zmicier Kanarejka", AT)
    holder = Person("pw-h", "Ales Holder", AT, region="Kanarejka street")
    others = [Person(f"pw-{i}", f"Ivan Other{i}", AT, region="Brest") for i in range(5)]
    persons = {p.id: p for p in (canary, holder, *others)}
    before = Projection.of(persons.values(), (), frozenset(), {})
    hidden = Person(canary.id, canary.name, AT, protection=Protection.COUNTS_ONLY)
    persons = {**persons, canary.id: hidden}
    after = before.updated(persons, {}, {canary.id: canary}, set(), frozenset())
    every = {pid for pid, p in after.persons.items() if before.persons.get(pid) is not p}
    every |= {pid for pid in before.persons if pid not in after.persons}
    assert every == {canary.id, holder.id}
    assert after.shown_changed(before) == every
    unrelated = Projection.of(persons.values(), (), frozenset(), {})
    assert after.shown_changed(unrelated) == {
        pid for pid, p in after.persons.items() if unrelated.persons.get(pid) is not p
    }  # not made from it: every person compared
