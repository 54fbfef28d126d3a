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
