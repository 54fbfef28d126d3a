"""The stats' "freed through deals" reads only the freed persons' events; it must give what
the deals' accounts over every event give (sample data, both backends, several days and
organisations)."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from prisonwatch.core import deals as deal_rules
from prisonwatch.core.deal_releases import released_in_deals
from prisonwatch.services import figures, importing
from prisonwatch.storage.sql import SqlStore
from tests.cli.conftest import SAMPLE_FILES

NOW = datetime(2026, 11, 29, 12, 0)


def test_the_figure_equals_the_accounts_over_every_event(store: SqlStore) -> None:
    assert importing.import_files(store, [Path(p) for p in SAMPLE_FILES], "t", NOW).ok
    for org in (None, "Viasna"):
        scope = figures.Scope(organisation=org)
        view = figures.View.load(store, scope)
        accounts = deal_rules.account(view.deals, view.events, view.observations, org)
        for on in (date(2025, 6, 20), date(2025, 6, 21), date(2025, 9, 30), date(2026, 1, 1)):
            got = figures.released_in_deals(view, scope, on)
            want = released_in_deals(accounts, on)
            assert got["registry"] == {
                "released": want.released.as_dict(),
                "political_prisoners": want.political_prisoners.as_dict(),
            }
            assert [d["id"] for d in got["deals"]] == [p.deal.id for p in want.deals]
            assert [d["registry"]["released"] for d in got["deals"]] == [
                p.released.as_dict() for p in want.deals
            ]
            assert got["published"]["released"]["low"] == want.published_released.low
    assert got["registry"]["released"]["high"] > 0
