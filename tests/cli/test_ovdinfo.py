"""Published figures with a scope: OVD-Info's detentions per protest event, tallied by year,
match its own totals and raise no false conflicts."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date, datetime
from pathlib import Path

import pytest

from prisonwatch.core.dates import parse_fuzzy
from prisonwatch.core.observations import published_tally
from prisonwatch.core.periods import Granularity, periods_between
from prisonwatch.core.records import Observation
from prisonwatch.core.vocabulary import ObservationMetric
from tests.cli.conftest import Cli
from tests.conftest import SHARED

DATA = SHARED / "data" / "ovdinfo_detentions_2011_2013"
SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "convert_ovdinfo.py"


@pytest.mark.skipif(not DATA.exists(), reason="../shared/data is not beside the repository")
def test_ovdinfo_detentions_tally_to_its_own_totals(cli: Cli, tmp_path: Path) -> None:
    out = tmp_path / "ovd"
    lists = [DATA / "detentions_2011-12_2012.csv", DATA / "detentions_2013.csv"]
    done = subprocess.run(
        [sys.executable, str(SCRIPT), *map(str, lists), str(out)], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    r = cli("import", str(out / "sources.csv"), str(out / "observations.csv"))
    assert r.code == 0, r.err
    years = json.loads(cli("tally", "--metric", "detained", "--by", "year", "--format", "json").out)
    by_year = {y["period"]: (y["low"], y["high"]) for y in years}
    # OVD-Info's own totals: 5,169 for December 2011 to 2012, 2,037 for 2013
    assert by_year["2011"][0] + by_year["2012"][0] == 5169
    assert by_year["2011"][1] + by_year["2012"][1] == 5169
    assert by_year["2013"] == (2037, 2037)
    conflicts = cli("conflicts", "--format", "json")
    assert conflicts.code == 0 and json.loads(conflicts.out) == []


def _ob(oid: str, value: int, day: str, scope: str | None, place: str | None = None) -> Observation:
    return Observation(
        oid,
        ObservationMetric.DETAINED,
        value,
        parse_fuzzy(day),
        datetime(2026, 1, 1),
        organisation="OVD-Info",
        country="RU",
        scope=scope,
        place=place,
    )


def test_one_event_reported_twice_gives_bounds_and_open_dates_only_the_high_bound() -> None:
    obs = [
        _ob("a", 30, "2012-05-06", "March of Millions", "Bolotnaya"),
        _ob("b", 45, "2012-05-06", "March of Millions", "Bolotnaya"),  # another count of it
        _ob("c", 10, "2012-05-07", "Inauguration day", "Kudrinskaya"),
        _ob("d", 5, "2012-05", "Pickets in May", None),  # a month: in May for sure
        _ob("e", 7, "2012-05-20/2012-06-10", "Occupy camp", "Arbat"),  # May or June
    ]
    periods = periods_between(date(2012, 5, 1), date(2012, 6, 30), Granularity.MONTH)
    may, june = published_tally(obs, ObservationMetric.DETAINED, periods)
    assert (may.total.low, may.total.high, may.figures) == (30 + 10 + 5, 45 + 10 + 5 + 7, 4)
    assert (june.total.low, june.total.high, june.figures) == (0, 7, 1)
    assert published_tally(obs, ObservationMetric.RELEASED, periods)[0].figures == 0
    assert published_tally(obs, ObservationMetric.DETAINED, periods, "Memorial")[0].figures == 0
