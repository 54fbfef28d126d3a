"""Where the ledger lives: the database forms users are given by hosting services work, and
one that cannot be used says which forms can."""

from __future__ import annotations

import pytest

from prisonwatch.services.settings import Settings
from prisonwatch.storage.port import StorageError
from prisonwatch.storage.sql import open_engine


def test_the_short_postgres_scheme_is_read_as_postgresql() -> None:
    got = Settings.from_env({}, db="postgres://ana@db.example.org:5432/ledger").db_url
    assert got == "postgresql+psycopg://ana@db.example.org:5432/ledger"
    assert Settings.from_env({"PRISONWATCH_DB": "postgres://a@h/d"}).db_url.startswith(
        "postgresql+psycopg://"
    )
    assert Settings.from_env({}, db="ledger.db").db_url == "sqlite:///ledger.db"


def test_an_unusable_url_names_the_forms_that_work() -> None:
    with pytest.raises(StorageError) as err:
        open_engine("nosuchdialect://x")
    assert "postgresql+psycopg://USER@HOST:PORT/DATABASE" in str(err.value)
    assert "sqlite:///PATH" in str(err.value)
