"""Custody details through the command line: import, person, custody figures, export."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli.conftest import Cli
from tests.custody_data import HEALTH_CANARY, PLACE_CANARY, SECRETS, write


def _loaded(cli: Cli, tmp: Path) -> Cli:
    r = cli("import", *map(str, write(tmp)))
    assert r.code == 0, r.err
    return cli


def test_custody_figures(cli: Cli, tmp_path: Path) -> None:
    _loaded(cli, tmp_path)
    r = cli("custody", "--on", "2026-11-30", "--format", "json")
    assert r.code == 0, r.err
    data = json.loads(r.out)
    # public: the counts-only person's term (2027-05) is only in the undivided row
    assert data["terms_ending"]["persons"] == 1
    assert data["withheld"] == {"persons": 1, "held": 1}
    full = json.loads(
        cli("custody", "--on", "2026-11-30", "--format", "json", "--include-protected").out
    )
    assert full["terms_ending"]["persons"] == 2
    assert {a["article"]: a["persons"] for a in data["articles"]}["342-1"] == 3
    assert not any(s in r.out for s in SECRETS)
    r = cli("custody", "--on", "2026-11-30", "--article", "361-1 ч.3")
    assert r.code == 0, r.err
    assert "Sentenced under article 361-1: 1 persons (1 held" in " ".join(r.out.split())
    # a year later, only Alena's term (2029) is still ahead and none ends within 12 months
    later = json.loads(cli("custody", "--on", "2027-12-01", "--format", "json").out)
    assert later["terms_ending"]["persons"] == 0
    r = cli("custody", "--article", "Art. 342")
    assert r.code == 2 and "--article: not an article reference" in r.err
    assert "Traceback" not in r.err


def test_person_shows_custody_details_to_the_analyst(cli: Cli, tmp_path: Path) -> None:
    _loaded(cli, tmp_path)
    r = cli("person", "t-alena", "--format", "json")
    assert r.code == 0, r.err
    (view,) = json.loads(r.out)
    (sen,) = [e for e in view["events"] if e["kind"] == "sentenced"]
    assert sen["custody_details"]["term_ends"] == "2029-03-10"
    assert sen["custody_details"]["health"] == HEALTH_CANARY


def test_public_export_never_carries_detention_place_or_health(cli: Cli, tmp_path: Path) -> None:
    _loaded(cli, tmp_path)
    public = cli("export", "--format", "json")
    assert public.code == 0, public.err
    assert not any(s in public.out for s in SECRETS)
    events = {e["id"]: e for e in json.loads(public.out)["events"]}
    assert events["a-sen"]["articles"] == "342-1|361-1 ч.3"
    assert events["a-sen"]["term_ends"] == "2029-03-10"
    assert events["a-sen"]["court"] == "Minsk City Court"
    assert "h-sen" not in events  # a counts-only person's events are not exported
    csv_out = cli("export", "--format", "csv", "--kind", "events")
    assert csv_out.code == 0 and "detention_place" in csv_out.out.splitlines()[0]
    assert not any(s in csv_out.out for s in SECRETS)
    full = cli("export", "--format", "json", "--include-protected")
    assert PLACE_CANARY in full.out and HEALTH_CANARY in full.out


def test_full_export_round_trips_custody_details(cli: Cli, tmp_path: Path) -> None:
    _loaded(cli, tmp_path)
    out = tmp_path / "export"
    r = cli("export", "--format", "csv", "--out", str(out), "--include-protected")
    assert r.code == 0, r.err
    other = Cli(f"sqlite:///{tmp_path / 'other.db'}", tmp_path)
    r = other(
        "import",
        str(out / "sources.jsonl"),
        *(str(out / f"{k}.csv") for k in ("persons", "events")),
    )
    assert r.code == 0, r.err
    a = json.loads(cli("export", "--format", "json", "--include-protected").out)
    b = json.loads(other("export", "--format", "json", "--include-protected").out)
    assert a["events"] == b["events"]


def test_edit_event_custody_options(cli: Cli, tmp_path: Path) -> None:
    _loaded(cli, tmp_path)
    r = cli("edit", "event", "b-sen", "--sentence", "3y", "--court", "Supreme Court", "--why", "x")
    assert r.code == 0, r.err
    (view,) = json.loads(cli("person", "t-barys", "--format", "json").out)
    (sen,) = [e for e in view["events"] if e["id"] == "b-sen" and e["in_force"]]
    assert sen["custody_details"]["term_ends"] == "2025-06-15"
    assert sen["custody_details"]["court"] == "Supreme Court"
    r = cli("edit", "event", "b-sen", "--sentence", "three", "--why", "x")
    assert r.code == 2 and "sentence_months" in r.err
