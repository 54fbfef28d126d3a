"""A large ledger, once built, is left out of the garbage collector's walks (`gc.freeze`):
a full collection over millions of built objects took seconds, during the first writes.
A small one is not (the test suite builds hundreds of them)."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from importlib import resources

import pytest

from prisonwatch.services import figures, importing
from prisonwatch.storage.sql import SqlStore
from prisonwatch.web import context
from prisonwatch.web.context import Ledger


@pytest.fixture
def unfrozen() -> Iterator[None]:
    threshold = gc.get_threshold()
    gc.unfreeze()
    yield
    gc.unfreeze()
    gc.set_threshold(*threshold)


def _sample(store: SqlStore) -> SqlStore:
    folder = resources.files("prisonwatch") / "sample_data"
    with resources.as_file(folder) as path:
        files = [path / f for f in ("persons.csv", "deals.csv", "events.csv")]
        report = importing.import_files(store, files, "t", context.now())
    assert report.ok, report.problems
    return store


def test_a_large_built_ledger_is_frozen(
    store: SqlStore, unfrozen: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(context, "FREEZE_FROM", 1)
    ledger = Ledger(_sample(store))
    view = ledger.view(figures.Scope())
    assert gc.get_freeze_count() > 0
    assert gc.get_threshold()[2] >= context.FULL_EVERY
    assert gc.is_tracked(view)
    assert all(o is not view for o in gc.get_objects())  # frozen: in no generation walked


def test_a_small_built_ledger_is_not_frozen(store: SqlStore, unfrozen: None) -> None:
    ledger = Ledger(_sample(store))
    ledger.view(figures.Scope())
    assert gc.get_freeze_count() == 0
