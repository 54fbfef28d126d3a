"""Record ids that name a protected person: figures, deals and public persons' events are
imported or added under ids their author chose, so an id is a free text like a note.

The canaries name a `counts_only` person ("Зміцер Барысенка") inside ids in three scripts and
case forms: Cyrillic and inflected ("затрыманне-барысенкі"), Łacinka ("BY-2026-Barysienka"),
Latin transliteration in upper and lower case ("RELEASE-OF-BARYSENKA",
"detained-at-trial-of-barysenka"). Every public answer (API listings and their CSV, one deal,
the HTML pages, the public export as JSON and CSV, FtM) must hold none of them, and must link
records by the public ids it shows (`services.public.Projection.record_id`); analysts keep
the real ids. Real app, real SQLite file and PostgreSQL, the change feed as the server runs it.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from prisonwatch.core.dates import parse_fuzzy
from prisonwatch.services import accounts, demands, exporting, ftm_export, importing
from prisonwatch.storage.accounts import AccountStore
from prisonwatch.storage.sql import SqlStore
from prisonwatch.web.app import create_app
from prisonwatch.web.settings import WebSettings
from tests.web.conftest import PASSWORD, login
from tests.web.leak_canaries import NOW

FORMS = ("barysenk", "barysienk", "барысенк", "barysenc", "barysienc")
"""How the canary surname reads folded, in every script and transliteration used here."""
DEAL = "BY-2026-Barysienka"
FIGURES = ("detained-at-trial-of-barysenka", "Figure-ZMITSER-BARYSENKA")
HELD, RELEASED, CORRECTION = "затрыманне-барысенкі", "RELEASE-OF-BARYSENKA", "release-fixed-1"
PUBLIC_PERSON = "by-pw-zhukouski"
CONTROL = "detained-at-trial-of-kowalczyk"
"""An id naming nobody the store knows: shown as it is (see `test_an_unknown_name`...)."""


def _files(tmp: Path, protection: str) -> list[Path]:
    texts = {
        "persons_ids.csv": "id,name,protection,recorded_at\n"
        f"by-pw-b,Зміцер Барысенка,{protection},2025-01-01\n"
        f"{PUBLIC_PERSON},Ales Zhukouski,public,2025-01-01\n",
        "deals_ids.csv": f"id,date,country,recorded_at\n{DEAL},2026-02-03,BY,2026-02-04\n",
        "events_ids.csv": "id,person_id,kind,date,deal_id,supersedes,recorded_at\n"
        f"{HELD},{PUBLIC_PERSON},detained,2025-03-01,,,2025-03-02\n"
        f"{RELEASED},{PUBLIC_PERSON},released,2026-02-03,{DEAL},,2026-02-04\n"
        f"{CORRECTION},{PUBLIC_PERSON},released,2026-02-03,{DEAL},{RELEASED},2026-02-05\n",
        "observations_ids.csv": "id,metric,value,period,recorded_at\n"
        f"{FIGURES[0]},detained,4,2025-04-01,2025-04-02\n"
        f"{FIGURES[1]},held,1100,2025-05-01,2025-05-02\n"
        f"{CONTROL},detained,3,2025-04-01,2025-04-02\n",
    }
    for name, text in texts.items():
        (tmp / name).write_text(text, encoding="utf-8")
    return [tmp / name for name in texts]


def _world(store: SqlStore, tmp: Path, protection: str) -> None:
    """The canaries' records, and a demand naming the public person freed in the deal."""
    report = importing.import_files(store, _files(tmp, protection), "tester", NOW)
    assert report.ok, report.problems
    demands.record(
        store,
        by="European Parliament",
        made_on=parse_fuzzy("2025-06-01"),
        actor="tester",
        now=NOW,
        names=[("Ales Zhukouski", None)],
        source_ids=[demands.source_for(store, "https://e.org/appeal", None, NOW)],
    )


@pytest.fixture
def pair(store: SqlStore) -> Iterator[tuple[TestClient, TestClient, str]]:
    """An analyst (logged in, with the CSRF token) and a member of the public on one app over
    an empty store, so that the canaries' records are the only ones."""
    accounts.add_user(AccountStore(store), "ana", "analyst", PASSWORD, NOW)
    app = create_app(WebSettings(store.url, secure_cookies=False), store)
    with TestClient(app) as analyst, TestClient(app) as public:
        yield analyst, public, login(analyst)


API = (
    "/api/v1/observations?_size=1000",
    "/api/v1/observations.csv",
    "/api/v1/events?_size=1000",
    "/api/v1/events.csv",
    "/api/v1/deals",
    "/api/v1/deals.csv",
    f"/api/v1/persons/{PUBLIC_PERSON}",
    "/api/v1/stats",
    "/api/v1/demands",
)
PAGES = ("/", "/deals", f"/persons/{PUBLIC_PERSON}", "/demands")


def _named(text: str) -> list[str]:
    folded = text.casefold()
    return [f for f in FORMS if f in folded]


def _public_ids(public: TestClient) -> dict[str, Any]:
    """The ids the public is shown: figures, the deal, events, and the links between them."""
    figures = {o["id"] for o in public.get("/api/v1/observations?_size=1000").json()["rows"]}
    (deal,) = [d["id"] for d in public.get("/api/v1/deals").json()["rows"]]
    timeline = public.get(f"/api/v1/persons/{PUBLIC_PERSON}").json()["events"]
    return {"figures": figures, "deal": deal, "timeline": timeline}


def _exports(store: SqlStore) -> tuple[dict[str, list[dict[str, Any]]], str]:
    data = exporting.export_records(store)
    text = json.dumps(data, ensure_ascii=False)
    text += "".join(exporting.to_csv(rows, kind) for kind, rows in data.items())
    text += "".join(ftm_export.to_jsonl(store))
    return data, text


def _assert_hidden(public: TestClient, store: SqlStore) -> None:
    for path in API + PAGES:
        r = public.get(path)
        assert r.status_code == 200, (path, r.text[:300])
        assert not _named(r.text), (path, _named(r.text))
    ids = _public_ids(public)
    deal = ids["deal"]
    assert deal.startswith("deal-") and deal != DEAL
    for path in (f"/api/v1/deals/{deal}", f"/deals/{deal}"):
        r = public.get(path)
        assert r.status_code == 200 and not _named(r.text), path
    # links point at the public ids the public is shown
    by_kind = {e["kind"]: e for e in ids["timeline"]}
    assert {e["deal_id"] for e in ids["timeline"] if e["kind"] == "released"} == {deal}
    held = by_kind["detained"]["id"]
    assert held.startswith("event-")
    fixed = next(e for e in ids["timeline"] if e["id"] == CORRECTION)
    old = next(e for e in ids["timeline"] if e["kind"] == "released" and e is not fixed)
    assert fixed["supersedes"] == old["id"] and old["id"].startswith("event-")
    (demand,) = public.get("/api/v1/demands").json()["rows"]
    assert demand["freed_by_deal"] == {deal: 1}
    one = public.get(f"/api/v1/demands/{demand['id']}").json()
    assert [n["deal_id"] for n in one["names"]] == [deal]
    for path in (f"/api/v1/demands/{demand['id']}", f"/demands/{demand['id']}"):
        r = public.get(path)
        assert r.status_code == 200 and not _named(r.text) and deal in r.text, path
    events = public.get("/api/v1/events?_size=1000").json()["rows"]
    assert {e["deal_id"] for e in events if e["kind"] == "released"} == {deal}
    assert {e["id"] for e in events} == {held, CORRECTION}
    # the exports say the same as the API and the pages
    data, text = _exports(store)
    assert not _named(text), _named(text)
    assert {d["id"] for d in data["deals"]} == {deal}
    assert {o["id"] for o in data["observations"]} == ids["figures"]
    exported = {e["id"]: e for e in data["events"]}
    assert set(exported) == {e["id"] for e in ids["timeline"]}
    assert exported[CORRECTION]["supersedes"] == old["id"]
    assert {e["deal_id"] for e in exported.values() if e["kind"] == "released"} == {deal}


def test_ids_naming_a_protected_person_are_in_no_public_answer(
    pair: tuple[TestClient, TestClient, str], store: SqlStore, tmp_path: Path
) -> None:
    analyst, public, _ = pair
    _world(store, tmp_path, "counts_only")
    _assert_hidden(public, store)
    # analysts keep the real ids, everywhere
    figures = {o["id"] for o in analyst.get("/api/v1/observations?_size=1000").json()["rows"]}
    assert set(FIGURES) <= figures
    assert analyst.get(f"/api/v1/deals/{DEAL}").status_code == 200
    timeline = analyst.get(f"/api/v1/persons/{PUBLIC_PERSON}").json()["events"]
    assert {e["id"] for e in timeline} == {HELD, RELEASED, CORRECTION}
    backup = exporting.export_records(store, include_protected=True)
    assert {d["id"] for d in backup["deals"]} == {DEAL}


def test_an_original_id_answers_like_an_unknown_one(
    pair: tuple[TestClient, TestClient, str], store: SqlStore, tmp_path: Path
) -> None:
    """A public route asked for the original id of a record shown under its public id answers
    as for an id that was never recorded: a guessed id confirms nothing."""
    _, public, _ = pair
    _world(store, tmp_path, "counts_only")
    unknown = "BY-2026-Barysienko"
    for prefix in ("/api/v1/deals/", "/deals/"):
        r_real, r_unknown = public.get(prefix + DEAL), public.get(prefix + unknown)
        assert r_unknown.status_code == 404
        assert r_real.status_code == r_unknown.status_code
        assert r_real.text.replace(DEAL, unknown) == r_unknown.text


def test_protecting_a_person_hides_the_ids_naming_them_at_once(
    pair: tuple[TestClient, TestClient, str], store: SqlStore, tmp_path: Path
) -> None:
    """The records exist while the person is public (their ids shown as they are); once an
    analyst protects the person, the server takes the change in through the change feed and
    no public answer shows those ids, the export included. A server started afresh on the same
    store shows the same public ids (they are keyed by the store, not by the process)."""
    analyst, public, csrf = pair
    _world(store, tmp_path, "public")
    shown = _public_ids(public)
    assert set(FIGURES) <= shown["figures"] and shown["deal"] == DEAL
    r = analyst.post(
        "/api/v1/records/person/by-pw-b",
        json={"fields": {"protection": "counts_only"}, "why": "asked by family"},
        headers={"X-CSRF-Token": csrf},
    )
    assert r.status_code == 200, r.text
    _assert_hidden(public, store)
    before = _public_ids(public)
    app = create_app(WebSettings(store.url, secure_cookies=False), store)
    with TestClient(app) as fresh:
        assert _public_ids(fresh) == before
        _assert_hidden(fresh, store)


def test_an_unknown_name_in_an_id_is_shown_as_it_is(
    pair: tuple[TestClient, TestClient, str], store: SqlStore, tmp_path: Path
) -> None:
    """What the rule asks of ids: no answer to a request may depend on whether a name the
    request supplies is protected (an original id answers 404 like an unknown id, above).
    A stored id naming nobody protected is not withheld, exactly as a note naming an unknown
    person is shown: the public never learns the original of a replaced id, so showing the
    others tells nothing about a protected name, and replacing every id would break every
    public link for no one's protection."""
    _, public, _ = pair
    _world(store, tmp_path, "counts_only")
    figures = {o["id"] for o in public.get("/api/v1/observations?_size=1000").json()["rows"]}
    assert CONTROL in figures
    assert len(figures) == 3 and not any(_named(f) for f in figures)
    assert public.get(f"/api/v1/deals/{DEAL.replace('Barysienka', 'Kowalczyk')}").status_code == 404
