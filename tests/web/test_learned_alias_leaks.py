"""The leak suite again, after review taught the registry new spellings of protected persons.

Two canaries learn a spelling through review: a Russian "Дмитрия Грабянюка" (a counts-only
person stored as "Zmitser Hrabianiuk" and "Зміцер Грабянюк") and a Łacinka "Andrejem Kotam"
(withheld, stored as "Andrei Kot"), each kept as an alias in the nominative. Then every public
page is crawled, every API endpoint called with generated parameters, the public export
checked, and the case forms of the learned spellings asked of the search like unknown names.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import date

import pytest
from fastapi.testclient import TestClient

from prisonwatch.core.vocabulary import Protection
from prisonwatch.extract.pipeline import Extractor
from prisonwatch.ingest.documents import Document
from prisonwatch.services import ingesting, reviewing
from prisonwatch.services.public import Projection
from prisonwatch.storage.sql import SqlStore
from prisonwatch.web.app import create_app
from prisonwatch.web.settings import WebSettings
from tests.web.leak_canaries import NOW, build, clear_one_safe_excerpt, traces
from tests.web.test_leaks import (
    test_crawl_every_public_page,
    test_every_api_endpoint_with_generated_parameters,
    test_the_public_export,
    test_the_public_export_withholds_the_new_shapes,
)

__all__ = [
    "test_crawl_every_public_page",
    "test_every_api_endpoint_with_generated_parameters",
    "test_the_public_export",
    "test_the_public_export_withholds_the_new_shapes",
]

ARTICLE = (
    "Суд в Гродно приговорил Дмитрия Грабянюка к пяти годам колонии 3 марта 2025 года, "
    "сообщает Вясна."
)
LEARNED = {"by-canary-hr": "Дмитрий Грабянюк", "by-canary-kt": "Andrej Kot"}
CASE_FORMS = (
    "Дмитрий Грабянюк",
    "Дмитрия Грабянюка",
    "Дмитрию Грабянюку",
    "Дмитрием Грабянюком",
    "Andrej Kot",
    "Andrejem Kotam",
    "Andreja Kota",
)


@pytest.fixture(scope="module")
def leak_store(
    tmp_path_factory: pytest.TempPathFactory, extractor: Extractor
) -> Iterator[SqlStore]:
    tmp = tmp_path_factory.mktemp("learned")
    store = SqlStore(f"sqlite:///{tmp / 'leaks.db'}")
    store.migrate()
    build(store, tmp, extractor)
    clear_one_safe_excerpt(store)
    docs = [
        Document("learn-ru.txt", ARTICLE, date(2025, 3, 4), "Суд в Гродно", language="ru"),
        Document("learn-kt.txt", ARTICLE + " ", date(2025, 3, 4), "Суд", language="ru"),
    ]
    ingesting.ingest(store, docs, [extractor.extract(d) for d in docs], "tester", NOW)
    (ru,) = [c for c in store.claims(source_id=docs[0].id) if c.persons]
    (kt,) = [c for c in store.claims(source_id=docs[1].id) if c.persons]
    reviewing.edit(store, kt.id, {"persons": "Andrejem Kotam"}, "ana", NOW)
    done = reviewing.accept(store, [ru.id, kt.id], "ana", NOW)
    assert sorted(done.aliases) == sorted(f"{a} → {p}" for p, a in LEARNED.items())
    for pid, alias in LEARNED.items():
        person = store.person(pid)
        assert person is not None and person.aliases[-1] == alias
        assert person.protection.value != "public"
    names = Projection.build(store).names  # the learned spellings are protected ones
    assert all(names.mentions(a) for a in (*LEARNED.values(), *CASE_FORMS))
    yield store
    store.close()


@pytest.fixture(scope="module")
def public_client(leak_store: SqlStore) -> Iterator[TestClient]:
    app = create_app(WebSettings(leak_store.url, secure_cookies=False), leak_store)
    with TestClient(app) as c:
        yield c


@pytest.fixture(scope="module")
def without_them(
    leak_store: SqlStore, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[TestClient]:
    """The same ledger with every protected person voided: what an unknown name gets."""
    copy = tmp_path_factory.mktemp("unknown") / "leaks.db"
    shutil.copy(leak_store.url.removeprefix("sqlite:///"), copy)
    store = SqlStore(f"sqlite:///{copy}")
    for p in store.persons():
        if p.protection is not Protection.PUBLIC:
            store.revise("person", p.id, None, "tester", NOW, "as if never known")
    app = create_app(WebSettings(store.url, secure_cookies=False), store)
    with TestClient(app) as c:
        yield c
    store.close()


def test_the_learned_spellings_in_any_case_answer_as_if_nobody_had_them(
    public_client: TestClient, without_them: TestClient
) -> None:
    """No oracle: the search answers a protected person's learned spelling, in any case form,
    exactly as it answers on the same ledger without the protected persons (a made-up name of
    the same length is no fair comparison here: "Дмитрия Грабянюка" also finds the public
    "Дмитрий Гопонюк")."""
    for secret in CASE_FORMS:
        for template in ("/persons?q={}", "/api/v1/persons?q={}", "/api/v1/persons.csv?q={}"):
            url = template.format(secret)
            public_client.cookies.clear()  # the crawl chose a language
            got, want = public_client.get(url), without_them.get(url)
            assert (got.status_code, got.text) == (want.status_code, want.text), url
            assert not traces(got.text, [secret]), url
