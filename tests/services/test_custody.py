"""Custody details through import, storage, revisions and figures, on both backends."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from prisonwatch.core.custody import CustodyError
from prisonwatch.services import custody, editing, importing, people
from prisonwatch.storage.rows import record_from_payload, record_payload
from prisonwatch.storage.sql import SqlStore
from tests.custody_data import HEALTH_CANARY, PLACE_CANARY, write

NOW = datetime(2026, 11, 30, 12, 0)
TODAY = date(2026, 11, 30)


def _loaded(store: SqlStore, tmp: Path) -> None:
    report = importing.import_files(store, write(tmp), "tester", NOW)
    assert report.ok, report.problems


def test_custody_details_are_stored_and_read_back(store: SqlStore, tmp_path: Path) -> None:
    _loaded(store, tmp_path)
    (a,) = [e for e in store.events() if e.id == "a-sen"]
    assert a.articles == ("342-1", "361-1 ч.3")
    assert a.sentence_months == 60
    assert a.term_ends == date(2029, 3, 10)  # derived: 2024-03-10 plus five years
    assert a.court == "Minsk City Court"
    assert (a.detention_place, a.health) == (PLACE_CANARY, HEALTH_CANARY)
    (h,) = [e for e in store.events() if e.id == "h-sen"]
    assert h.sentence_months is None and h.term_ends == date(2027, 5, 1)  # given
    assert record_from_payload("event", record_payload("event", a)) == a


def test_figures_terms_ending_and_articles(store: SqlStore, tmp_path: Path) -> None:
    _loaded(store, tmp_path)
    data = custody.figures(store, TODAY)
    assert data["terms_ending"] == {"persons": 2, "by_month": {"2026-12": 1, "2027-05": 1}}
    rows = {r["article"]: (r["persons"], r["held"]) for r in data["articles"]}
    assert rows == {"342-1": (3, 2), "361-1": (1, 1), "130": (1, 1)}
    assert custody.figures(store, TODAY, "361-1 ч.3")["article"] == {
        "article": "361-1",
        "persons": 1,
        "held": 1,
    }
    # as known before anything was recorded, nothing
    assert custody.figures(store, TODAY, known_on=date(2025, 12, 31))["articles"] == []
    with pytest.raises(CustodyError):
        custody.figures(store, TODAY, "ч.3")


def test_timeline_shows_analyst_details_only_to_analysts(store: SqlStore, tmp_path: Path) -> None:
    _loaded(store, tmp_path)
    p = store.person("t-alena")
    assert p is not None
    full = people.timeline(store, p, TODAY)
    (sen,) = [e for e in full["events"] if e["id"] == "a-sen"]
    assert sen["custody_details"]["detention_place"] == PLACE_CANARY
    public = people.timeline(store, p, TODAY, analyst=False)
    (sen,) = [e for e in public["events"] if e["id"] == "a-sen"]
    assert sen["custody_details"] == {
        "articles": ["342-1", "361-1 ч.3"],
        "sentence": "5y",
        "sentence_months": 60,
        "term_ends": "2029-03-10",
        "court": "Minsk City Court",
    }


BAD = [
    ("articles", "Art. 342", "not an article reference"),
    ("sentence", "five years", "not a sentence length"),
    ("sentence", "0y", "longer than nothing"),
    ("term_ends", "2029-13-01", "term_ends"),
    ("term_ends", "2020-01-01", "before the event"),
    ("detention_place", "Colony\x07", "control character"),
]


@pytest.mark.parametrize(("field", "value", "reason"), BAD)
def test_bad_custody_values_are_refused_with_file_line_and_field(
    store: SqlStore, tmp_path: Path, field: str, value: str, reason: str
) -> None:
    persons = tmp_path / "persons.csv"
    persons.write_text("id,name,recorded_at\nt-x,X Testau,2026-01-01\n", encoding="utf-8")
    events = tmp_path / "events.csv"
    events.write_text(
        f"person_id,kind,date,{field},recorded_at\nt-x,sentenced,2024-01-01,{value},2026-01-01\n",
        encoding="utf-8",
    )
    report = importing.import_files(store, [persons, events], "tester", NOW)
    assert not report.ok
    problems = [str(p) for p in report.problems]
    assert len(problems) == 1
    assert f"events.csv:2: {field}:" in problems[0] and reason in problems[0], problems
    assert store.events() == []


def test_editing_custody_details_is_a_revision(store: SqlStore, tmp_path: Path) -> None:
    _loaded(store, tmp_path)
    changes = {"sentence_months": "3y", "articles": "342-1; 130 ч.1", "health": "better"}
    editing.edit(store, "event", "b-sen", changes, "ana", NOW, "appeal")
    after = {e.id: e for e in store.events()}["b-sen"]
    assert after.sentence_months == 36
    assert after.term_ends == date(2025, 6, 15)  # derived again from the new length
    assert after.articles == ("342-1", "130 ч.1")
    assert after.health == "better" and after.court == "Homiel Regional Court"
    history = editing.history(store, "event", "b-sen")
    assert history[-1].why == "appeal"
    # a form shows the stored length in months; a number typed there is months too
    editing.edit(store, "event", "b-sen", {"sentence_months": "54"}, "ana", NOW, "form")
    assert {e.id: e for e in store.events()}["b-sen"].term_ends == date(2026, 12, 15)
    with pytest.raises(editing.EditError, match="not a sentence length"):
        editing.edit(store, "event", "b-sen", {"sentence_months": "3 years"}, "ana", NOW, "x")
