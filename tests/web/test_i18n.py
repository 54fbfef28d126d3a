"""The interface in English, Belarusian and Russian: honest catalogues, the language chosen by
the switch or the browser, numbers and dates written for the language."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po
from fastapi.testclient import TestClient

from prisonwatch.web import i18n

ROOT = Path(__file__).resolve().parents[2]
LOCALE = ROOT / "src" / "prisonwatch" / "locale"
PLACEHOLDER = re.compile(r"%\((\w+)\)s")


def _catalogue(lang: str):  # type: ignore[no-untyped-def]
    with (LOCALE / lang / "LC_MESSAGES" / "messages.po").open("rb") as fh:
        return read_po(fh, locale=lang)


def test_every_interface_string_is_translated_with_the_same_placeholders() -> None:
    with (LOCALE / "messages.pot").open("rb") as fh:
        template = read_po(fh)
    wanted = {m.id for m in template if m.id}
    assert len(wanted) > 100
    for lang in ("be", "ru"):
        cat = _catalogue(lang)
        have = {m.id: m.string for m in cat if m.id}
        assert wanted <= set(have), (lang, wanted - set(have))
        for msgid, msgstr in have.items():
            singular = msgid[0] if isinstance(msgid, tuple) else msgid
            forms = msgstr if isinstance(msgstr, tuple) else (msgstr,)
            assert all(forms), (lang, msgid)
            for form in forms:
                assert set(PLACEHOLDER.findall(form)) == set(PLACEHOLDER.findall(singular)), (
                    lang,
                    msgid,
                )
            if len(singular) > 12 and "%(" not in singular:
                assert forms[0] != singular, (lang, msgid)  # translated, not copied


def test_the_pot_lists_every_marked_string(tmp_path: Path) -> None:
    out = tmp_path / "fresh.pot"
    subprocess.run(
        [sys.executable, "-m", "babel.messages.frontend", "extract", "-F", "babel.cfg",
         "-k", "N_", "-k", "_", "-k", "ngettext:1,2", "--no-location", "-o", str(out), "."],
        cwd=ROOT, check=True, capture_output=True,
    )  # fmt: skip
    with out.open("rb") as fh:
        fresh = {m.id for m in read_po(fh) if m.id}
    with (LOCALE / "messages.pot").open("rb") as fh:
        committed = {m.id for m in read_po(fh) if m.id}
    assert fresh == committed, "run the commands in docs/web.md to update the catalogues"


def _key(value: object) -> object:
    return tuple(value) if isinstance(value, list | tuple) else value


def test_compiled_catalogues_match_their_sources() -> None:
    for lang in ("be", "ru"):
        with (LOCALE / lang / "LC_MESSAGES" / "messages.mo").open("rb") as fh:
            compiled = {_key(m.id): _key(m.string) for m in read_mo(fh) if m.id}
        source = {_key(m.id): _key(m.string) for m in _catalogue(lang) if m.id}
        assert compiled == source, lang


def test_accept_language_is_honoured_by_quality() -> None:
    assert i18n.from_accept_language("ru-RU,ru;q=0.9,en;q=0.8") == "ru"
    assert i18n.from_accept_language("de-DE,be;q=0.5,ru;q=0.4") == "be"
    assert i18n.from_accept_language("en;q=0.1,ru;q=0.9") == "ru"
    assert i18n.from_accept_language("fr, de") is None
    assert i18n.from_accept_language("ru;q=0, en") == "en"
    assert i18n.from_accept_language("") is None


def test_pages_follow_the_browser_and_the_switch(client: TestClient) -> None:
    ru = client.get("/deals/BY-2025-09-11", headers={"Accept-Language": "ru,en;q=0.5"}).text
    assert '<html lang="ru">' in ru
    assert "США сняли санкции с «Белавиа»" in ru and "по данным Viasna" in ru
    assert "23 дня" in ru  # plural form for 23
    be = client.get("/?from=2020-01-01&to=2025-12-31", headers={"Accept-Language": "be"}).text
    assert "1\xa0246" in be and "верасень 2025" in be  # the number and month written in Belarusian
    r = client.get("/language/be?next=/deals", follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/deals"
    assert "lang=be" in r.headers["set-cookie"]
    assert "Здзелкі" in client.get("/deals").text  # the cookie now chooses Belarusian
    away = client.get("/language/ru?next=//evil.example/", follow_redirects=False)
    assert away.headers["location"] == "/"  # only back to this site
    assert client.get("/language/xx").status_code == 404
    client.cookies.clear()
    en = client.get("/deals/BY-2025-09-11").text
    assert "The United States lifted sanctions on Belavia" in en
