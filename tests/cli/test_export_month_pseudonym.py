"""A withheld person entered this month never leaks through events entered earlier (s8 newuser).

A documenter imported a spreadsheet whose events kept the day they were first recorded
(`recorded_at`, months ago) and whose person rows had none (recorded at the import). The
person was `withhold_name`. The public export reads a protected person's records as known at
the end of last month, so the person was not in it yet; but their events, entered earlier,
were, and were written as a public person's: under the person's real id (which names them:
`by-losik-ihar`), with exact dates, articles and sentence length. The web API left them out.
Now the export writes only the events of the persons it writes."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli.conftest import Cli

PERSONS = (
    "id,name,protection\nby-hidden-hanna,Hanna Hidden,withhold_name\nby-open-olga,Olga Open,\n"
)
EVENTS = (
    "person_id,kind,date,articles,sentence,recorded_at\n"
    "by-hidden-hanna,detained,2021-01-05,,,2020-02-01\n"
    "by-hidden-hanna,sentenced,2021-06-01,342-7,5y,2021-07-01\n"
    "by-open-olga,detained,2021-01-05,,,\n"
)


def test_a_withheld_person_entered_this_month_has_no_event_in_the_public_export(
    cli: Cli, tmp_path: Path
) -> None:
    (tmp_path / "persons.csv").write_text(PERSONS, encoding="utf-8")
    (tmp_path / "events.csv").write_text(EVENTS, encoding="utf-8")
    r = cli("import", str(tmp_path / "persons.csv"), str(tmp_path / "events.csv"))
    assert r.code == 0, r.err
    csv_events = cli("export", "--format", "csv", "--kind", "events")
    assert csv_events.code == 0, csv_events.err
    whole = cli("export", "--format", "json")
    assert whole.code == 0, whole.err
    for text in (csv_events.out, whole.out):
        assert "by-hidden-hanna" not in text and "Hanna" not in text
        assert "342-7" not in text and "5y" not in text
    data = json.loads(whole.out)
    assert [e["person_id"] for e in data["events"]] == ["by-open-olga"]
    shown = {e["person_id"] for e in data["events"]}
    assert shown <= {p["id"] for p in data["persons"]}
