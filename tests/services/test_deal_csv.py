"""A deal as a CSV row: every published figure with the sources to cite it by."""

from __future__ import annotations

from typing import Any

from prisonwatch.services.figures import deal_csv_row


def _figure(text: str, by: str, *sources: tuple[str | None, str | None]) -> dict[str, Any]:
    return {
        "text": text,
        "by": by,
        "sources": [{"id": f"s{i}", "url": u, "publisher": p} for i, (u, p) in enumerate(sources)],
    }


def test_each_published_figure_carries_its_own_sources() -> None:
    deal = {
        "id": "BY-2025-12-13",
        "date": "2025-12-13",
        "country": "BY",
        "parties": ["Belarus", "United States"],
        "published": {
            "released": [
                _figure("123", "Meduza", ("https://meduza.io/a", "Meduza")),
                _figure("114", "Radio Svoboda", ("https://www.svoboda.org/b", "Radio Svoboda")),
                _figure("more than 109", "Obozrevatel", (None, "Obozrevatel")),
            ],
            "political_prisoners": [],
            "returned_to_custody": [],
        },
        "registry": {
            "released": 12,
            "political_prisoners": 4,
            "returned_to_custody": 0,
            "returned_persons": [],
        },
        "concessions": [],
        "replacement": [],
        "sources": [{"id": "s9", "url": "https://meduza.io/a", "publisher": "Meduza"}],
    }
    row = deal_csv_row(deal)
    assert row["released_published"] == (
        "123 per Meduza (https://meduza.io/a); 114 per Radio Svoboda "
        "(https://www.svoboda.org/b); more than 109 per Obozrevatel (Obozrevatel)"
    )
    assert row["political_prisoners_published"] == ""
