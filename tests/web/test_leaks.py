"""The leak suite: no trace of a canary (a protected person) anywhere the public can reach,
and no oracle (a protected name is answered exactly as an unknown one).

It crawls every page linked from `/`, calls every GET endpoint of the OpenAPI document with
generated parameters (canary names and ids among them), every CSV, and the public export.
"""

from __future__ import annotations

import hashlib
import json
import random
import re
import string
from collections.abc import Iterator
from html.parser import HTMLParser
from urllib.parse import parse_qsl, unquote, urlencode, urljoin, urlsplit

import pytest
from fastapi.testclient import TestClient

from prisonwatch.extract.pipeline import Extractor
from prisonwatch.services import exporting
from prisonwatch.storage.sql import SqlStore
from prisonwatch.web.app import create_app
from prisonwatch.web.settings import WebSettings
from tests.web.leak_canaries import (
    CANARY_IDS,
    CANARY_NAMES,
    CY_URL,
    JOINED,
    LU_URL,
    ZH_URL,
    build,
    clear_one_safe_excerpt,
    traces,
)

MAX_PAGES = 600
CHECKED: dict[str, int] = {"requests": 0}


@pytest.fixture(scope="module")
def leak_store(
    tmp_path_factory: pytest.TempPathFactory, extractor: Extractor
) -> Iterator[SqlStore]:
    tmp = tmp_path_factory.mktemp("leaks")
    store = SqlStore(f"sqlite:///{tmp / 'leaks.db'}")
    store.migrate()
    build(store, tmp, extractor)
    clear_one_safe_excerpt(store)
    yield store
    store.close()


@pytest.fixture(scope="module")
def public_client(leak_store: SqlStore) -> Iterator[TestClient]:
    app = create_app(WebSettings(leak_store.url, secure_cookies=False), leak_store)
    with TestClient(app) as c:
        yield c


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for k, v in attrs:
            if k in ("href", "src", "action") and v:
                self.links.append(v)


def _supplied(url: str) -> list[str]:
    parts = urlsplit(url)
    return [v for _, v in parse_qsl(parts.query)] + [unquote(x) for x in parts.path.split("/")]


def _check(client: TestClient, url: str) -> str:
    r = client.get(url, follow_redirects=False)
    CHECKED["requests"] += 1
    assert r.status_code < 500, f"{url}: {r.status_code}"
    found = traces(
        r.text + "\n" + "\n".join(f"{k}: {v}" for k, v in r.headers.items()), _supplied(url)
    )
    assert not found, f"{url} shows canary traces {found}"
    return r.text


def test_crawl_every_public_page(public_client: TestClient) -> None:
    seen: set[str] = set()
    todo = ["/", "/persons", "/deals", "/sources", "/login", "/api/v1/openapi.json"]
    while todo and len(seen) < MAX_PAGES:
        url = todo.pop()
        if url in seen:
            continue
        seen.add(url)
        body = _check(public_client, url)
        parser = _Links()
        parser.feed(body)
        for link in parser.links:
            target = urljoin("http://testserver" + url, link)
            parts = urlsplit(target)
            if parts.netloc == "testserver" and not parts.path.startswith("/static"):
                todo.append(parts.path + (f"?{parts.query}" if parts.query else ""))
    assert len(seen) > 40, "the crawl should reach persons, deals and sources"
    assert any(u.startswith("/sources/") for u in seen)
    CHECKED["pages"] = len(seen)


def _ids(client: TestClient) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for kind in ("persons", "deals", "sources"):
        rows = client.get(f"/api/v1/{kind}?_size=1000").json()["rows"]
        out[kind] = [r["id"] for r in rows]
    return out


def _values(name: str) -> list[str]:
    dates = ["2024-06-01", "2023-01-01", "not-a-date"]
    common = [*CANARY_NAMES, *CANARY_IDS, "Viasna", ""]
    by_name = {
        "on": dates,
        "known_on": dates,
        "from": ["2020-01-01"],
        "to": ["2025-12-31"],
        "by": ["month", "year", "week"],
        "format": ["json", "csv"],
        "_shape": ["objects", "array"],
        "_size": ["1000", "0"],
        "_next": ["0", "5"],
        "country": ["BY", "XX", "B1"],
        "status": ["held", "suggested", "not held"],
        "gender": ["female", "male"],
    }
    return by_name.get(name, common)


def test_every_api_endpoint_with_generated_parameters(public_client: TestClient) -> None:
    doc = public_client.get("/api/v1/openapi.json").json()
    ids = _ids(public_client)
    urls: list[str] = []
    for path, item in doc["paths"].items():
        op = item.get("get")
        if op is None:
            continue
        params = op.get("parameters", [])
        path_params = [p["name"] for p in params if p["in"] == "path"]
        query = [p["name"] for p in params if p["in"] == "query"]
        kind = path.split("/")[3]
        fills = [*ids.get(kind, [])[:30], *CANARY_IDS, *CANARY_NAMES] if path_params else [""]
        for fill in fills:
            base = re.sub(r"\{[^}]+\}", fill.replace("\\", "\\\\"), path)
            urls.append(base)
            for name in query:
                for value in _values(name):
                    urls.append(f"{base}?{urlencode({name: value})}")
    for suffix in ("persons", "events", "deals", "observations"):
        urls.append(f"/api/v1/{suffix}.csv")
        for name in CANARY_NAMES:
            urls.append(f"/api/v1/{suffix}.csv?{urlencode({'q': name, 'org': name})}")
    assert len(urls) > 300
    for url in urls:
        _check(public_client, url)
    CHECKED["api"] = len(urls)


def test_the_public_export(leak_store: SqlStore) -> None:
    data = exporting.export_records(leak_store)
    text = json.dumps(data, ensure_ascii=False)
    text += "".join(exporting.to_csv(rows, kind) for kind, rows in data.items())
    found = [t for t in traces(text, []) if t not in NEW_SHAPES]
    assert not found, found
    withheld = [p for p in data["persons"] if p["protection"] == "withhold_name"]
    assert len(withheld) == 4  # three imported, one added by form (leak_canaries.FORM_ADDED)
    for p in withheld:
        assert p["birth_year"] is None and p["region"] is None and p["note"] is None
        assert p["gender"] == "unknown" and p["aliases"] == ""
    again = exporting.export_records(leak_store)
    assert [p["id"] for p in again["persons"]] == [p["id"] for p in data["persons"]]
    assert all(p["protection"] != "counts_only" for p in data["persons"])
    assert "Raman Darashevich" in text  # the public control person is there


NEW_SHAPES = frozenset(JOINED) | {"hrabyan", "grabyan"}
"""Traces of the red team's name shapes (a short surname beside its given name, spaced,
dotted, soft-hyphenated, run together) in deals' parties and concessions, figures' and
observations' and events' organisations and a public person's region."""


def test_the_public_export_withholds_the_new_shapes(leak_store: SqlStore) -> None:
    data = exporting.export_records(leak_store)
    text = json.dumps(data, ensure_ascii=False)
    text += "".join(exporting.to_csv(rows, kind) for kind, rows in data.items())
    assert not traces(text, []), traces(text, [])


def _random_like(name: str, rng: random.Random) -> str:
    """A made-up name of the same length, in the same script."""
    cyr = "абвгдежзиклмнопрстуфхцчшыэюя"
    out = []
    for ch in name:
        if ch.isalpha():
            alphabet = cyr if "\u0400" <= ch <= "\u04ff" else string.ascii_lowercase
            pick = rng.choice(alphabet)
            out.append(pick.upper() if ch.isupper() else pick)
        else:
            out.append(ch)
    return "".join(out)


def _shape(body: str) -> object:
    try:
        data = json.loads(body)
    except ValueError:
        return "html"

    def walk(x: object) -> object:
        if isinstance(x, dict):
            return {k: walk(v) for k, v in sorted(x.items())}
        if isinstance(x, list):
            return [walk(v) for v in x[:1]] + ([len(x)] if x else [])
        return type(x).__name__

    return walk(data)


ORACLE_URLS = (
    "/persons?q={}",
    "/api/v1/persons?q={}",
    "/api/v1/persons.csv?q={}",
    "/api/v1/persons?org={}",
    "/persons?org={}",
    "/api/v1/stats?org={}",
    "/api/v1/stats?on={}",
    "/api/v1/deals?org={}",
    "/api/v1/observations?org={}",
    "/?org={}",
    "/persons/{}",
    "/api/v1/persons/{}",
    "/api/v1/sources/{}",
    "/sources/{}",
    "/deals/{}",
    "/api/v1/deals/{}",
    "/api/v1/nope/{}",
)


def test_no_oracle(public_client: TestClient) -> None:
    rng = random.Random(9)
    compared = 0
    for secret in (*CANARY_NAMES, *CANARY_IDS, "Raman Darashevich"[:0] or "Жаўранкевіча"):
        unknown = _random_like(secret, rng)
        for template in ORACLE_URLS:
            answers = []
            for value in (secret, unknown):
                url = template.format(value)
                r = public_client.get(url, follow_redirects=False)
                body = r.text
                for form in sorted({value, *(v for v in (value,))}, key=len):
                    body = body.replace(form, "X")
                answers.append((r.status_code, _shape(body), len(body).bit_length()))
            assert answers[0] == answers[1], f"{template} answers {secret!r} unlike {unknown!r}"
            compared += 1
    CHECKED["oracle_pairs"] = compared
    print(f"\nleak suite: {CHECKED}")


def _source_id(url: str) -> str:
    return "sha256:" + hashlib.sha256(url.encode()).hexdigest()


def test_a_guessed_address_of_a_withheld_source_answers_like_an_unknown_one(
    public_client: TestClient, leak_store: SqlStore
) -> None:
    """A source's id is the hash of its address: anyone can hash a guessed address. A source
    whose title or address names a protected person must not exist for the public at all."""
    stored = {s.id for s in leak_store.sources()}
    withheld = [_source_id(u) for u in (ZH_URL, CY_URL, LU_URL)]
    unknown = _source_id("https://news.example.org/2025/someone-else-sentenced")
    assert set(withheld) <= stored and unknown not in stored
    listed = {r["id"] for r in public_client.get("/api/v1/sources?_size=1000").json()["rows"]}
    assert listed and not listed & set(withheld)
    for template in ("/api/v1/sources/{}", "/sources/{}"):
        want = public_client.get(template.format(unknown))
        assert want.status_code == 404
        for sid in withheld:
            got = public_client.get(template.format(sid))
            assert got.status_code == want.status_code
            assert got.text.replace(sid, "X") == want.text.replace(unknown, "X")
    for url in ("/", "/persons", "/deals", "/sources", "/api/v1/deals", "/api/v1/stats"):
        body = public_client.get(url).text
        assert not any(sid in body for sid in withheld), url
    person = public_client.get("/api/v1/persons/by-control-darashevich").json()
    assert all(s["id"] not in withheld for e in person["events"] for s in e["sources"]), (
        "a withheld source is referred to from a public person's events"
    )


def test_the_public_export_does_not_tie_a_pseudonym_to_a_document_or_person(
    leak_store: SqlStore,
) -> None:
    data = exporting.export_records(leak_store)
    pseudonyms = {p["id"] for p in data["persons"] if p["protection"] == "withhold_name"}
    events = [e for e in data["events"] if e["person_id"] in pseudonyms]
    assert events
    for e in events:
        assert not e["source_url"] and e["recorded_by"] is None
        assert e["place"] is None and e["note"] is None
        assert e["kind"] and e["date"] and e["recorded_at"]
    ids = {e["id"] for e in data["events"]}
    assert all(e["supersedes"] in (None, "") or e["supersedes"] in ids for e in data["events"])
    full = exporting.export_records(leak_store, include_protected=True)
    assert any(e["source_url"] for e in full["events"] if e["person_id"] == "by-canary-zh")


def test_the_canary_added_by_form_is_stored_as_typed(leak_store: SqlStore) -> None:
    """The positive control for the canary typed in by hand: everything the crawl must not
    find is in the store, protection and texts as given."""
    person = leak_store.person("by-canary-pt")
    assert person is not None and person.protection.value == "withhold_name"
    assert "Птушкевіч" in " ".join(person.aliases)
    (deal,) = [d for d in leak_store.deals() if d.id == "BY-2025-06-21-form"]
    assert deal.concessions[0].target == "Птушкевіч" and "Ptushkevich" in (deal.note or "")
    assert [e.kind.value for e in leak_store.events(["by-canary-pt"])] == ["designated"]
