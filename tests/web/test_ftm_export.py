"""The FollowTheMoney export: valid entities FtM tools read, public-safe by default."""

from __future__ import annotations

import json

from followthemoney import model

from prisonwatch.services import ftm_export
from prisonwatch.services.public import Projection
from prisonwatch.storage.sql import SqlStore
from tests.cli.conftest import Cli
from tests.web.conftest import SECRET_NAMES


def test_entities_are_valid_ftm_and_carry_custody_and_recognition(web_store: SqlStore) -> None:
    rows = list(ftm_export.entities(web_store))
    proxies = [model.get_proxy(r) for r in rows]  # FtM's own reader accepts every entity
    schemas = {p.schema.name for p in proxies}
    assert schemas == {"Person", "Event", "Organization"}
    ids = {p.id for p in proxies}
    for p in proxies:  # every reference points at an entity in the stream
        for prop in ("involved", "organizer"):
            assert set(p.get(prop, quiet=True)) <= ids
    people = {p.id: p for p in proxies if p.schema.name == "Person"}
    public = [
        x for x in web_store.persons() if x.protection.value == "public" and not x.merged_into
    ]
    # entity ids are hashed from the id the public knows each person by (a person id that
    # names a protected person is replaced by its public id)
    proj = Projection.build(web_store)
    shown = {x.id: proj.person_id(x.id) for x in public}
    assert set(people) == {ftm_export.person_entity_id(i) for i in shown.values()}
    statkevich = next(p for p in people.values() if "Mikola Statkevich" in p.get("name"))
    assert "Мікола Статкевіч" in statkevich.get("alias")  # every script
    spells = [
        p
        for p in proxies
        if p.schema.name == "Event"
        and statkevich.id in p.get("involved")
        and p.get("name") == ["Custody"]
    ]
    assert len(spells) >= 2  # held, released in the deal, back in custody
    assert any("deal" in d for s in spells for d in s.get("description"))
    assert any(p.schema.name == "Organization" and p.get("name") == ["Viasna"] for p in proxies)


def test_the_ftm_export_names_no_protected_person(web_store: SqlStore) -> None:
    text = "".join(ftm_export.to_jsonl(web_store)).casefold()
    for secret in SECRET_NAMES:
        assert secret.casefold() not in text, secret
    full = "".join(ftm_export.to_jsonl(web_store, include_protected=True))
    assert "Hanna Sakrevich" in full  # the trusted backup keeps everyone


def test_export_format_ftm_through_the_cli(cli: Cli) -> None:
    from tests.cli.conftest import SAMPLE_FILES

    assert cli("import", *SAMPLE_FILES).code == 0
    r = cli("export", "--format", "ftm")
    assert r.code == 0, r.err
    lines = [json.loads(x) for x in r.out.splitlines()]
    assert lines and all(model.get_proxy(x).schema for x in lines)
